"""Uncaught errors, with the versions that ran, in a private log file that rotates when full.

The log lives in the user's log folder (``store.locations.log_folder()``): the file is 0600 in
a 0700 folder, as the journal is, because a traceback can quote what was typed. When it
reaches ``MAX_BYTES`` it moves to ``errors.log.1`` (and so on, ``KEPT`` old files at most).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import qVersion

from hairjournal import APP_NAME, __version__
from hairjournal.store import locations
from hairjournal.store.privacy import make_private_folder

LOG_NAME = "errors.log"
MAX_BYTES = 256 * 1024
KEPT = 3  # errors.log.1 to errors.log.3
SEPARATOR = "=" * 72


def log_path() -> Path:
    return locations.log_folder() / LOG_NAME


def versions() -> str:
    """'Hair Journal 0.1.0; Python 3.11.9; Qt 6.11.3 (PySide6 6.11.3); Linux-6.1-x86_64'."""
    python = platform.python_version()
    qt = f"Qt {qVersion()} (PySide6 {PySide6.__version__})"
    return f"{APP_NAME} {__version__}; Python {python}; {qt}; {platform.platform(terse=True)}"


def error_details(
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    now: dt.datetime | None = None,
) -> str:
    """The time, the versions and the traceback: what a report of the error needs."""
    when = (now or dt.datetime.now().astimezone()).isoformat(sep=" ", timespec="seconds")
    trace = "".join(traceback.format_exception(kind, error, tb))
    return f"Time: {when}\nVersions: {versions()}\n\n{trace}"


def write_error(details: str, path: Path | None = None) -> Path | None:
    """Add ``details`` to the log; the log's path, or None if it could not be written (the
    error is then on stderr only: logging must never raise while an error is being reported)."""
    path = path or log_path()
    entry = f"{SEPARATOR}\n{details.rstrip()}\n"
    try:
        make_private_folder(path.parent)
        if path.exists() and path.stat().st_size + len(entry.encode()) > MAX_BYTES:
            _rotate(path)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(entry)
    except OSError as problem:
        sys.stderr.write(f"{APP_NAME}: the error could not be logged to {path}: {problem}\n")
        return None
    return path


def _rotate(path: Path) -> None:
    """errors.log -> errors.log.1 -> ... -> errors.log.KEPT, the oldest dropped."""
    oldest = path.with_name(f"{path.name}.{KEPT}")
    oldest.unlink(missing_ok=True)
    for number in range(KEPT - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))
