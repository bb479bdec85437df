"""Undo and redo of adds, changes and deletes, and an undo that cannot be written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, Route, ShedProtocol, TreatmentKind
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.history import History

DAY = dt.date(2026, 4, 1)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "h.hairjournal", title="h", condition=Condition.TE) as opened:
        yield opened


def test_add_change_remove_all_undo_and_redo(qtbot: QtBot, journal: OpenJournal) -> None:
    history = History()
    changes: list[object] = []
    history.changed.connect(changes.append)

    count = history.add(
        models.ShedCount, {"date": DAY, "protocol": ShedProtocol.SHOWER, "value": 40}, "Add count"
    )
    history.change(models.ShedCount, count, {"value": 44}, "Edit count")
    history.remove(models.ShedCount, count, "Delete count")
    assert models.ShedCount.select().count() == 0
    assert history.stack.count() == 3

    history.stack.undo()  # the delete
    assert models.ShedCount.get_by_id(count).value == 44
    history.stack.undo()  # the edit
    assert models.ShedCount.get_by_id(count).value == 40
    history.stack.undo()  # the add
    assert models.ShedCount.select().count() == 0
    for _ in range(3):
        history.stack.redo()
    assert models.ShedCount.select().count() == 0
    history.stack.undo()
    assert models.ShedCount.get_by_id(count).value == 44  # same record, same id
    assert changes == [models.ShedCount] * 10


def test_an_edit_that_changes_nothing_is_not_an_undo_step(journal: OpenJournal) -> None:
    history = History()
    count = history.add(
        models.ShedCount, {"date": DAY, "protocol": ShedProtocol.BRUSH, "value": 12}, "Add"
    )
    history.change(models.ShedCount, count, {"value": 12}, "Edit")
    assert history.stack.count() == 1


def test_undoing_a_course_delete_brings_back_its_sessions(journal: OpenJournal) -> None:
    history = History()
    course = history.add(
        models.Treatment, {"kind": TreatmentKind.EXOSOME, "started_on": DAY}, "Add course"
    )
    for week in (0, 4):
        history.add(
            models.Session,
            {"treatment": course, "date": DAY + dt.timedelta(weeks=week), "route": Route.TOPICAL},
            "Add session",
        )
    history.remove(models.Treatment, course, "Delete course")
    assert models.Session.select().count() == 0
    history.stack.undo()
    assert models.Session.select().where(models.Session.treatment == course).count() == 2


def test_undo_that_cannot_be_written_says_so_and_clears_history(
    qtbot: QtBot, journal: OpenJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = History()
    count = history.add(
        models.ShedCount, {"date": DAY, "protocol": ShedProtocol.SHOWER, "value": 40}, "Add count"
    )

    def disk_full(*_args: object) -> object:
        raise WriteFailed(Failure.DISK_FULL, "database or disk is full")

    monkeypatch.setattr(records, "remove", disk_full)
    with qtbot.waitSignal(history.failed) as failed:
        history.stack.undo()
    assert "“Add count” could not be undone" in failed.args[0]
    assert "The disk is full" in failed.args[0]
    qtbot.waitUntil(lambda: history.stack.count() == 0)
    assert models.ShedCount.get_by_id(count).value == 40  # the journal holds what was saved
