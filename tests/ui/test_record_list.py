"""The list panel: opening forms, deleting with confirmation, refreshing in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import EventKind, Route, TreatmentKind
from hairjournal.core.validation import Verdict
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.history import History
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.record_table import Column, Kind, Row
from tests.ui import record_lists as data
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with data.write_journal(tmp_path / "lists.hairjournal") as opened:
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


def _shown(qtbot: QtBot, records: RecordList) -> RecordList:
    qtbot.addWidget(records)
    records.resize(900, 400)
    records.show()
    qtbot.waitExposed(records)
    records.refresh()
    return records


@pytest.fixture
def events(qtbot: QtBot, history: History) -> RecordList:
    return _shown(qtbot, data.event_list(history))


def kinds(records: RecordList) -> list[str]:
    return [records.filter.index(row, 1).data() for row in range(records.filter.rowCount())]


def test_edit_and_delete_wait_for_a_selection(events: RecordList) -> None:
    assert events.add_button.isEnabled()
    assert not events.edit_button.isEnabled()
    assert not events.delete_button.isEnabled()
    assert events.select_record(events.records.record_id(0))
    assert events.edit_button.isEnabled()
    assert events.delete_button.isEnabled()


@pytest.mark.parametrize("answer", [True, False])
def test_delete_asks_first_and_undo_brings_back_the_same_record(
    qtbot: QtBot,
    events: RecordList,
    history: History,
    fake_prompts: FakePrompts,
    answer: bool,
) -> None:
    stress = models.Event.get(models.Event.kind == EventKind.STRESS).id
    events.select_record(stress)
    fake_prompts.confirm_answers.append(answer)
    qtbot.mouseClick(events.delete_button, Qt.MouseButton.LeftButton)

    assert fake_prompts.questions == ["Delete the event “Stress” of 4 Nov 2026?"]
    if not answer:
        assert models.Event.select().count() == 3
        assert history.stack.count() == 0
        return
    assert models.Event.get_or_none(id=stress) is None
    assert kinds(events) == ["Illness or fever", "COVID-19"]
    assert events.count_line.text() == "2 events"
    assert history.stack.undoText() == "Delete event “Stress” of 4 Nov 2026"
    history.stack.undo()
    assert models.Event.get_by_id(stress).notes == "Exams"
    assert kinds(events) == ["Illness or fever", "Stress", "COVID-19"]


def test_delete_key_deletes_and_the_next_row_is_selected(
    qtbot: QtBot, events: RecordList, fake_prompts: FakePrompts
) -> None:
    illness = events.records.record_id(0)
    events.select_record(illness)
    events.table.setFocus()
    fake_prompts.confirm_answers.append(True)
    qtbot.keyClick(events.table, Qt.Key.Key_Delete)
    assert models.Event.get_or_none(id=illness) is None
    assert events.current_row()["kind"] is EventKind.STRESS  # the one below takes its place


def test_a_failed_delete_says_why_and_keeps_the_row(
    events: RecordList, fake_prompts: FakePrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object) -> None:
        raise WriteFailed(Failure.LOCKED, "database is locked")

    monkeypatch.setattr(records, "remove", locked)
    events.select_record(events.records.record_id(0))
    fake_prompts.confirm_answers.append(True)
    assert not events.delete_current()
    assert fake_prompts.errors[0][0] == "Nothing was deleted"
    assert "busy in another program" in fake_prompts.errors[0][1]
    assert events.records.rowCount() == 3


def _course_list(history: History) -> RecordList:
    def consequence(row: Row) -> str:
        count = row["session_count"]
        return f"Its {count} sessions will be deleted with it." if count else ""

    return RecordList(
        history,
        models.Treatment,
        (
            Column("kind", "Treatment"),
            Column("started_on", "Started"),
            Column("session_count", "Sessions", kind=Kind.NUMBER),
        ),
        title="Courses",
        form_class=EventForm,
        validate=lambda _row: Verdict(),
        describe=lambda row: f"course “{row['kind'].label}”",
        consequence=consequence,
        plural="courses",
    )


def test_deleting_a_course_warns_about_its_sessions_and_undo_restores_them(
    qtbot: QtBot, history: History, fake_prompts: FakePrompts
) -> None:
    course = models.Treatment.create(kind=TreatmentKind.EXOSOME, started_on=data.ago(60))
    for days in (50, 30, 10):
        models.Session.create(treatment=course, date=data.ago(days), route=Route.TOPICAL)
    courses = _shown(qtbot, _course_list(history))
    courses.select_record(course.id)
    fake_prompts.confirm_answers.append(True)
    assert courses.delete_current()
    assert fake_prompts.questions == [
        "Delete the course “Exosomes”?\n\nIts 3 sessions will be deleted with it."
    ]
    assert models.Session.select().count() == 0
    history.stack.undo()
    assert models.Session.select().where(models.Session.treatment == course.id).count() == 3
    assert courses.filter.index(0, 2).data() == "3"


@pytest.mark.parametrize("how", ["enter", "double-click", "button"])
def test_the_form_opens_on_the_selected_record(qtbot: QtBot, events: RecordList, how: str) -> None:
    stress = models.Event.get(models.Event.kind == EventKind.STRESS).id
    events.select_record(stress)
    index = events.table.currentIndex()
    if how == "enter":
        events.table.setFocus()
        qtbot.keyClick(events.table, Qt.Key.Key_Return)
    elif how == "double-click":
        cell, viewport = events.table.visualRect(index).center(), events.table.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=cell)  # a double click's
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=cell)  # first press
    else:
        qtbot.mouseClick(events.edit_button, Qt.MouseButton.LeftButton)
    form = events.form
    assert isinstance(form, EventForm)
    assert form.isVisible()
    assert form.record_id == stress
    assert form.notes.value() == "Exams"
    form.notes.set_value("Exams, then a move")
    form.accept()
    assert models.Event.get_by_id(stress).notes == "Exams, then a move"
    assert events.current_id() == stress


def test_a_record_added_in_the_form_is_listed_and_selected(
    qtbot: QtBot, events: RecordList, history: History
) -> None:
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    form = events.form
    assert isinstance(form, EventForm)
    assert form.record_id is None
    form.kind.set_value(EventKind.DIET)
    form.started_on.set_value(dt.date.today() - dt.timedelta(days=2))
    form.notes.set_value("No more sugar")
    with qtbot.waitSignal(form.saved) as saved:
        form.accept()
    assert events.records.rowCount() == 4
    assert events.current_id() == saved.args[0]
    assert events.current_row()["notes"] == "No more sugar"
    assert events.form is None  # closed


def test_refresh_keeps_the_selection_and_the_scroll_position(
    qtbot: QtBot, history: History
) -> None:
    for days in range(100, 400):
        records.add(
            models.Event, {"kind": EventKind.DIET, "started_on": data.ago(days), "notes": ""}
        )
    events = _shown(qtbot, data.event_list(history))
    chosen = events.records.record_id(150)
    events.select_record(chosen)
    bar = events.table.verticalScrollBar()
    assert bar.value() > 0
    position = bar.value()

    # Something else adds an event, newer than every one listed.
    history.add(models.Event, {"kind": EventKind.COVID, "started_on": data.ago(1)}, "Add event")

    assert events.records.rowCount() == 304
    assert events.current_id() == chosen
    assert bar.value() == position
    assert events.count_line.text() == "304 events"


def test_a_hidden_list_catches_up_when_shown(
    qtbot: QtBot, events: RecordList, history: History
) -> None:
    events.hide()
    history.add(models.Event, {"kind": EventKind.COVID, "started_on": data.ago(1)}, "Add event")
    assert events.records.rowCount() == 3  # not read while nobody looks
    events.show()
    assert events.records.rowCount() == 4
    assert kinds(events)[0] == "COVID-19"


def test_changes_to_another_kind_are_ignored_unless_asked_for(
    qtbot: QtBot, events: RecordList, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[object] = []
    monkeypatch.setattr(events.records, "refresh", lambda: reads.append(1))
    history.add(models.Checkin, {"date": data.ago(1), "itch": 3}, "Add check-in")
    assert reads == []
    courses = _shown(qtbot, _course_list(history))
    courses.watched.add(models.Session)  # as ``also_refresh_on=(models.Session,)`` does
    course = courses.records.record_id(0)
    history.add(
        models.Session,
        {"treatment": course, "date": data.ago(3), "route": Route.TOPICAL},
        "Add session",
    )
    assert courses.records.row_at(0)["session_count"] == 1
