"""An exported file is written under a temporary name, private (0600), and renamed when whole.

A cancelled or failed export removes the temporary file, so the name the person chose either
holds a complete file or is left as it was.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Progress = Callable[[int, int], None]  # steps done, steps in all
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The person cancelled the export; nothing it had started is left on disk."""


class ExportError(Exception):
    """An export could not be written; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def partial_path(target: Path) -> Path:
    """The hidden name a file is written under before it becomes ``target``."""
    return target.with_name(f".{target.name}.partial")


def why_not_written(error: OSError, target: Path) -> str:
    """``error`` in plain words, for a file that was to be written at ``target``."""
    folder = target.parent
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {folder} is full"
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return f"{folder} cannot be written to (no permission)"
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return f"the folder {folder} does not exist"
    return f"{target.name} could not be written ({(error.strerror or str(error)).lower()})"


def check_cancelled(cancelled: Cancelled | None) -> None:
    """Raise ExportCancelled if the person has asked to stop."""
    if cancelled is not None and cancelled():
        raise ExportCancelled


@contextmanager
def written_privately(target: Path) -> Iterator[Path]:
    """Yield a new, empty 0600 file to write ``target``'s contents to; when the block ends
    normally it replaces ``target``, otherwise it is removed. OSErrors become ExportError."""
    target = Path(target)
    temporary = partial_path(target)
    try:
        temporary.unlink(missing_ok=True)  # left by an export that was stopped by force
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)  # whatever the umask allowed
        os.close(descriptor)
    except OSError as error:
        raise ExportError(why_not_written(error, target)) from error
    try:
        yield temporary
        _flush(temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(why_not_written(error, target)) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _flush(path: Path) -> None:
    """Make sure the file's bytes are on the disk before it takes its final name."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
