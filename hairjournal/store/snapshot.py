"""Consistent copies of a live journal through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hairjournal.store.privacy import private_files

# Pages copied per step: small enough that a progress bar moves and a reader is never starved.
PAGES_PER_STEP = 1024


def snapshot(
    source: sqlite3.Connection,
    target: Path,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Copy the database behind ``source`` to a new file ``target`` (0600), page-consistent.

    ``progress(copied, total)`` is called after each step. The copy is written to a temporary
    name and renamed into place, so a half-written copy never carries the final name.
    """
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with private_files():
        destination = sqlite3.connect(partial)
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(destination, pages=PAGES_PER_STEP, progress=report)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    partial.replace(target)
