"""Writes are whole or nothing, can be undone, and fail with a message a person can act on."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, Route, ShedProtocol, TreatmentKind
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.records import Failure, WriteFailed

DAY = dt.date(2026, 3, 1)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "j.hairjournal", title="t", condition=Condition.TE) as opened:
        yield opened


def test_add_change_and_undo_the_change(journal: OpenJournal) -> None:
    count_id = records.add(
        models.ShedCount, {"date": DAY, "protocol": ShedProtocol.DAILY_TOTAL, "value": 90}
    )
    before = records.change(models.ShedCount, count_id, {"value": 95, "wash_day": True})
    assert before == {"value": 90, "wash_day": False}
    assert records.fetch(models.ShedCount, count_id)["value"] == 95
    records.change(models.ShedCount, count_id, before)
    assert records.fetch(models.ShedCount, count_id)["value"] == 90


def test_removing_a_course_can_be_undone_with_its_sessions(journal: OpenJournal) -> None:
    course = records.add(models.Treatment, {"kind": TreatmentKind.EXOSOME, "started_on": DAY})
    sessions = [
        records.add(
            models.Session,
            {
                "treatment": course,
                "date": DAY + dt.timedelta(28 * n),
                "route": Route.TOPICAL,
                "areas": ["vertex"],
                "pain": n,
            },
        )
        for n in range(3)
    ]
    removed = records.remove(models.Treatment, course)
    assert models.Session.select().count() == 0
    assert len(removed.rows) == 4

    records.restore(removed)
    assert [s.id for s in models.Session.select().order_by(models.Session.id)] == sessions
    assert [s.pain for s in models.Session.select().order_by(models.Session.id)] == [0, 1, 2]
    assert models.Session.get_by_id(sessions[0]).areas == ["vertex"]


def test_full_disk_keeps_the_journal_as_it_was(journal: OpenJournal) -> None:
    records.add(models.ShedCount, {"date": DAY, "protocol": ShedProtocol.BRUSH, "value": 30})
    pages = journal.db.execute_sql("PRAGMA page_count").fetchone()[0]
    journal.db.execute_sql(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    rows = [
        {
            "date": DAY - dt.timedelta(n),
            "protocol": ShedProtocol.BRUSH,
            "value": n,
            "notes": "x" * 200,
        }
        for n in range(1, 500)
    ]
    with pytest.raises(WriteFailed) as failed:
        records.add_many(models.ShedCount, rows)
    assert failed.value.failure is Failure.DISK_FULL
    assert "disk is full" in failed.value.message
    assert models.ShedCount.select().count() == 1
    journal.db.execute_sql("PRAGMA max_page_count = 1073741823")  # space again
    records.add(models.ShedCount, {"date": DAY, "protocol": ShedProtocol.SHOWER, "value": 41})
    assert models.ShedCount.select().count() == 2


def test_constraint_is_reported_as_refused(journal: OpenJournal) -> None:
    with pytest.raises(WriteFailed) as failed:
        records.add(models.ShedCount, {"date": DAY, "protocol": "visual_scale", "value": 9})
    assert failed.value.failure is Failure.REFUSED
    assert failed.value.message.startswith("The journal refused this entry")


def test_busy_journal_is_reported_as_locked(journal: OpenJournal) -> None:
    journal.db.execute_sql("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(WriteFailed) as failed:
            records.add(models.Checkin, {"date": DAY, "itch": 3})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert failed.value.failure is Failure.LOCKED


def test_read_only_journal_is_reported_as_read_only(tmp_path: Path) -> None:
    path = tmp_path / "j.hairjournal"
    with create_journal(path, title="t", condition=Condition.TE):
        pass
    # As root, chmod cannot make a file unwritable: open it read-only instead.
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    error = None
    try:
        read_only.execute(
            "INSERT INTO event (kind, started_on, notes) VALUES ('covid', '2026-01-01', '')"
        )
    except sqlite3.Error as raised:
        error = raised
    finally:
        read_only.close()
    assert error is not None
    assert records.classify(error) is Failure.READ_ONLY
