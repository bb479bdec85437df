"""Journals for the backup tests: real photos inside, what a file holds, and a busy writer."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.photo_import import Outcome, import_photos
from hairjournal.store.journal import open_journal
from tests.journal_files import make_journal
from tests.photo_files import write_jpeg


def journal_with_photos(path: Path, *, photos: int = 3, counts: int = 60) -> Path:
    """A closed journal with ``counts`` shedding counts and ``photos`` real JPEGs inside."""
    make_journal(path, counts=counts)
    folder = path.parent / f"{path.stem}-camera"
    folder.mkdir(parents=True, exist_ok=True)
    files = [write_jpeg(folder / f"IMG_{n}.jpg", (900, 600), seed=n) for n in range(photos)]
    with open_journal(path):
        results = import_photos(files, ScalpRegion.VERTEX, workers=1)
    assert all(result.outcome is Outcome.IMPORTED for result in results), results
    return path


def holdings(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the journal at ``path``, blobs as their sha256."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: [
                tuple(
                    hashlib.sha256(value).hexdigest() if isinstance(value, bytes) else value
                    for value in row
                )
                for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            ]
            for table in sorted(tables)
        }
    finally:
        connection.close()


def photo_hashes(path: Path) -> list[str]:
    """The sha256 of each photo's stored original, computed from its bytes, by photo id."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT data FROM photo_original ORDER BY photo_id").fetchall()
    finally:
        connection.close()
    return [hashlib.sha256(data).hexdigest() for (data,) in rows]


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


# Adds one event, in its own transaction, for each line it reads, and prints the event's number
# once it is committed; stops when its standard input closes.
WRITER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("PRAGMA synchronous=full")
for number, _line in enumerate(sys.stdin, start=1):
    connection.execute(
        "INSERT INTO event (kind, started_on, notes) VALUES ('stress', '2024-01-01', ?)",
        (f"write {number}",),
    )
    print(number, flush=True)
connection.close()
"""


class WriterProcess:
    """A second process writing to a journal through its own connection, a write when asked."""

    def __init__(self, journal: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.acknowledged = 0  # writes the writer has reported committed

    def write(self, count: int) -> None:
        """Ask for ``count`` writes and wait until each is committed."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write("write\n" * count)
        self.process.stdin.flush()
        for _ in range(count):
            self.acknowledged = int(self.process.stdout.readline())

    def stop(self) -> None:
        self.process.communicate("", timeout=60)


def written_notes(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT notes FROM event ORDER BY id")]
    finally:
        connection.close()
