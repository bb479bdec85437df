"""Real faults for tests: a full disk, a disk that fails every write, a journal another process
holds.

A full disk is a small tmpfs mounted over the journal's folder and filled up (the operating
system answers ENOSPC, as a full drive does), where this machine lets the tests mount one (as
root); elsewhere it is SQLite's own page limit, which fails the same way one layer up. A failing
disk is a file-size limit of zero (RLIMIT_FSIZE): every write to a file fails with EFBIG, which
SQLite reports as a disk I/O error. The journal held elsewhere is a real second process in the
middle of a write transaction.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from hairjournal.store import models
from hairjournal.store.journal import PRAGMAS

TMPFS_BYTES = 16 * 1024 * 1024
FILLER = "filler.bin"


class FullDisk:
    """A folder whose disk can be filled and freed again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted = False
        self.limited = contextlib.ExitStack()

    @property
    def kind(self) -> str:
        return "a full tmpfs" if self.mounted else "SQLite's page limit"

    def mount(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix" and os.geteuid() == 0:
            options = f"size={TMPFS_BYTES},mode=0700"
            mounted = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.folder)],
                capture_output=True,
                check=False,
            )
            self.mounted = mounted.returncode == 0

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=True)
            self.mounted = False

    def fill(self) -> None:
        """No room for one more page of the journal (the bound one, for the page limit)."""
        if not self.mounted:
            self.limited.enter_context(journal_may_not_grow())
            return
        with contextlib.suppress(OSError), (self.folder / FILLER).open("wb", buffering=0) as filler:
            while True:  # until the disk says it is full
                filler.write(b"\0" * 65536)

    def free(self) -> None:
        self.limited.close()
        (self.folder / FILLER).unlink(missing_ok=True)


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[FullDisk]:
    disk = FullDisk(folder)
    disk.mount()
    try:
        yield disk
    finally:
        disk.unmount()


@contextlib.contextmanager
def failing_disk() -> Iterator[None]:
    """Every write of this process to a file fails, as on a disk giving I/O errors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, not the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@contextlib.contextmanager
def journal_may_not_grow() -> Iterator[None]:
    """The bound journal may not grow by a single page: SQLite's own "database or disk is full"
    (for this connection only)."""
    db = models.database
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    before = db.execute_sql("PRAGMA max_page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages:d}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA max_page_count = {before:d}")


@contextlib.contextmanager
def busy_in_another_connection(journal: Path, wait_ms: int = 20) -> Iterator[None]:
    """Another connection holds the journal's write lock; the bound one waits only briefly."""
    db = models.database
    other = sqlite3.connect(journal, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.execute_sql(f"PRAGMA busy_timeout = {wait_ms:d}")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.execute_sql(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']:d}")


HOLD_WRITE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


@contextlib.contextmanager
def held_by_another_process(journal: Path) -> Iterator[int]:
    """Another process is in the middle of writing to ``journal``; yields its id."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        try:
            yield holder.pid
        finally:
            holder.stdin.write("done\n")
            holder.stdin.flush()
            holder.wait(timeout=60)
