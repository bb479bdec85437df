"""Real journal files on disk for tests: healthy, damaged, foreign and newer ones."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from hairjournal.core.enums import Condition, ShedProtocol, TreatmentKind
from hairjournal.store import models
from hairjournal.store.journal import APPLICATION_ID, create_journal

V1_FIXTURE = Path(__file__).parent / "store" / "fixtures" / "journal-v1.hairjournal"
V2_FIXTURE = V1_FIXTURE.with_name("journal-v2.hairjournal")


def make_journal(path: Path, *, counts: int = 0) -> Path:
    """A closed, healthy journal with ``counts`` daily shedding counts (and their index pages)."""
    with (
        create_journal(
            path,
            title="Test journal",
            condition=Condition.AGA_FEMALE,
            first_treatment=(TreatmentKind.EXOSOME, dt.date(2024, 1, 1)),
        ) as journal,
        journal.db.atomic(),
    ):
        for day in range(counts):
            models.ShedCount.create(
                date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
                protocol=ShedProtocol.DAILY_TOTAL,
                value=day % 200,
                notes="counted in the morning",
            )
    return path


def corrupt_index_page(path: Path) -> None:
    """Scribble over the cells of one index page, keeping its header: the file still answers
    simple queries, and only a check of the whole file finds the damage."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'shed_count_date_protocol'"
    ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    for offset in range(start + 12, start + page_size):
        data[offset] = (offset * 7) & 0xFF
    path.write_bytes(bytes(data))


def make_sqlite(path: Path, *, application_id: int = 0, user_version: int = 0) -> Path:
    """Another program's SQLite file (or, with our id and a high version, a newer journal)."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('not a journal')")
        connection.execute(f"PRAGMA application_id = {application_id:d}")
        connection.execute(f"PRAGMA user_version = {user_version:d}")
    connection.close()
    return path


def make_newer_journal(path: Path, version: int) -> Path:
    return make_sqlite(path, application_id=APPLICATION_ID, user_version=version)


def folder_fingerprint(folder: Path) -> dict[str, str]:
    """Each file in ``folder`` by name with the sha256 of its bytes."""
    return {
        item.name: hashlib.sha256(item.read_bytes()).hexdigest()
        for item in sorted(folder.iterdir())
        if item.is_file()
    }
