"""Consistent copies of a live journal through SQLite's online backup API.

The copy runs in steps inside one read transaction on the source: in WAL mode other
connections keep writing meanwhile, and the copy is the database exactly as it was when the
transaction began (without the transaction, any write between two steps would restart the copy
from the first page). A copy is written to a temporary name, synced to disk, and only then
given its final name, so a half-written copy never carries it.

A copy of an encrypted journal is encrypted with the same key: SQLCipher's backup API copies
between two connections keyed alike, so the copy opens with the journal's passphrase, and is
never written to the disk in the clear.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from hairjournal.store.connection import JournalKey, connect, is_cipher_connection, key_of
from hairjournal.store.privacy import private_files

# Pages copied per step: a step is one call into SQLite, between which progress is reported and
# a cancel is noticed. 16 MB steps (at 4 KB pages) cost nothing measurable against one step for
# the whole file, and a step takes a few milliseconds.
PAGES_PER_STEP = 4096
# Read the source through memory mapping (SQLite caps it at its compiled-in limit, 2 GB by
# default): half the system calls of reading it page by page.
SOURCE_MMAP_BYTES = 1 << 40

Progress = Callable[[int, int], None]  # pages copied, pages in all
Cancelled = Callable[[], bool]


class SnapshotCancelled(Exception):
    """The copy was cancelled; nothing of it is left on disk."""


def partial_path(target: Path) -> Path:
    """The temporary name a copy has while it is being written."""
    return target.with_name(target.name + ".partial")


def copy_database(
    source: sqlite3.Connection,
    partial: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pages_per_step: int | None = None,
) -> None:
    """Copy the database behind ``source`` into the new file ``partial`` (0600), synced to disk.

    ``progress(copied, total)`` is called after each step; when ``cancelled()`` turns true the
    copy stops with ``SnapshotCancelled``. On any failure ``partial`` is removed.
    """
    partial.unlink(missing_ok=True)
    own_transaction = not source.in_transaction
    key = key_of(source)
    try:
        if own_transaction:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read begins
        with private_files():
            destination = connect(
                partial, key=key, cipher=is_cipher_connection(source), isolation_level=None
            )
        try:
            # The file gets its final name only once complete and synced, so SQLite's own
            # journal and syncs would only slow the copy down.
            destination.execute("PRAGMA journal_mode=OFF")
            destination.execute("PRAGMA synchronous=OFF")
            with BackgroundSync(partial) as syncing:

                def step(_status: int, remaining: int, total: int) -> None:
                    syncing.request()
                    if progress is not None:
                        progress(total - remaining, total)
                    if cancelled is not None and cancelled():
                        raise SnapshotCancelled

                pages = pages_per_step or PAGES_PER_STEP  # read now: a benchmark may tune it
                source.backup(destination, pages=pages, progress=step)
        finally:
            destination.close()
        _settle_journal_mode(partial, key)
        sync_to_disk(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if own_transaction and source.in_transaction:
            source.execute("ROLLBACK")  # a read: nothing to undo, the snapshot is let go


class BackgroundSync:
    """Writes what has been copied so far to the disk on a thread of its own while the copy
    goes on, so that the final sync has little left to wait for (a 2 GB copy and its sync
    overlap instead of following each other)."""

    def __init__(self, path: Path) -> None:
        self.descriptor = os.open(path, os.O_RDONLY)
        self._wanted = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="backup sync", daemon=True)

    def __enter__(self) -> BackgroundSync:
        self._thread.start()
        return self

    def request(self) -> None:
        """Sync soon; requests made while a sync runs are served by one more."""
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stopping:
                return
            with contextlib.suppress(OSError):  # the final sync reports what matters
                _data_sync(self.descriptor)

    def __exit__(self, *exc_info: object) -> None:
        self._stopping = True
        self._wanted.set()
        self._thread.join()
        os.close(self.descriptor)


_data_sync = getattr(os, "fdatasync", os.fsync)


def _settle_journal_mode(path: Path, key: JournalKey | None) -> None:
    """A copy of a WAL journal says WAL in its header; at rest it is one self-contained file."""
    connection = connect(path, key=key, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=OFF")  # the whole file is synced next
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def sync_to_disk(path: Path) -> None:
    """Wait until the file (or folder) at ``path`` is on the disk, not only in its cache."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def move_into_place(partial: Path, target: Path) -> None:
    """Give a complete copy its final name (replacing any file there), and sync the folder."""
    partial.replace(target)
    # Some file systems cannot sync a folder; the rename itself is atomic all the same.
    with contextlib.suppress(OSError):
        sync_to_disk(target.parent)


def snapshot(
    source: sqlite3.Connection,
    target: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Copy the database behind ``source`` to a new file ``target`` (0600), page-consistent."""
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    partial = partial_path(target)
    copy_database(source, partial, progress=progress, cancelled=cancelled)
    move_into_place(partial, target)
