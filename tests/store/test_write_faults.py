"""Saving an entry when the disk is full, fails, or the journal is busy in another process: the
save fails with words a person can act on, nothing is half-written, and saving again works."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, EventKind, ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal, open_journal
from hairjournal.store.records import MESSAGES, Failure, WriteFailed
from tests.reliability.faults import FullDisk, failing_disk, full_disk, held_by_another_process

DAY = dt.date(2026, 3, 1)
# Long enough that the journal's write-ahead log must grow to hold it.
EVENT = {"kind": EventKind.STRESS, "started_on": DAY, "notes": "Moved house. " * 25_000}


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[FullDisk]:
    with full_disk(tmp_path / "small disk") as mounted:
        yield mounted


@pytest.fixture
def journal(disk: FullDisk) -> Iterator[OpenJournal]:
    with create_journal(disk.folder / "j.hairjournal", title="t", condition=Condition.TE) as opened:
        records.add(models.ShedCount, {"date": DAY, "protocol": ShedProtocol.BRUSH, "value": 30})
        yield opened


def _healthy(journal: OpenJournal) -> bool:
    return journal.db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_full_disk_saves_nothing_and_says_so(journal: OpenJournal, disk: FullDisk) -> None:
    disk.fill()
    with pytest.raises(WriteFailed) as failed:
        records.add(models.Event, EVENT)
    assert failed.value.failure is Failure.DISK_FULL, disk.kind
    assert failed.value.message == MESSAGES[Failure.DISK_FULL]
    assert models.Event.select().count() == 0
    assert _healthy(journal)

    disk.free()
    event_id = records.add(models.Event, EVENT)
    journal.close()
    with open_journal(journal.path):
        assert records.fetch(models.Event, event_id)["notes"] == EVENT["notes"]
        assert models.ShedCount.select().count() == 1


def test_a_failing_disk_saves_nothing_and_says_so(journal: OpenJournal) -> None:
    with failing_disk(), pytest.raises(WriteFailed) as failed:
        records.add(models.Checkin, {"date": DAY, "itch": 4, "notes": "after the session"})
    assert failed.value.failure is Failure.IO_ERROR
    assert failed.value.message == MESSAGES[Failure.IO_ERROR]
    assert "input/output error" in failed.value.message
    assert models.Checkin.select().count() == 0
    assert _healthy(journal)

    records.add(models.Checkin, {"date": DAY, "itch": 4, "notes": "after the session"})
    assert models.Checkin.select().count() == 1


def test_an_edit_and_a_delete_on_a_failing_disk_change_nothing(journal: OpenJournal) -> None:
    count_id = models.ShedCount.get().id
    with failing_disk():
        with pytest.raises(WriteFailed):
            records.change(models.ShedCount, count_id, {"value": 99, "notes": "recounted"})
        with pytest.raises(WriteFailed):
            records.remove(models.ShedCount, count_id)
    assert records.fetch(models.ShedCount, count_id)["value"] == 30
    assert _healthy(journal)


def test_a_journal_busy_in_another_process_saves_nothing_and_says_so(
    journal: OpenJournal,
) -> None:
    journal.db.execute_sql("PRAGMA busy_timeout = 100")  # the app waits 5 s; no need here
    with held_by_another_process(journal.path), pytest.raises(WriteFailed) as failed:
        records.add(models.Event, {"kind": EventKind.COVID, "started_on": DAY})
    assert failed.value.failure is Failure.LOCKED
    assert failed.value.message == MESSAGES[Failure.LOCKED]
    assert models.Event.select().count() == 0

    records.add(models.Event, {"kind": EventKind.COVID, "started_on": DAY})
    assert models.Event.select().count() == 1
