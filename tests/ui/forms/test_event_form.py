"""The event form, driven as a person would, and the behaviour every form shares."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import EventKind
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.history import History
from tests.ui.forms.conftest import TODAY


def _form(qtbot: QtBot, history: History, record_id: int | None = None) -> EventForm:
    form = EventForm(history, record_id, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    return form


def _type_date(qtbot: QtBot, widget: QDateEdit, day: dt.date) -> None:
    """Type a date section by section, as on the keyboard: day, month name, year."""
    widget.setFocus()
    for section, text in (
        (QDateEdit.Section.YearSection, str(day.year)),
        (QDateEdit.Section.MonthSection, f"{day:%b}"),
        (QDateEdit.Section.DaySection, str(day.day)),
    ):
        widget.setSelectedSection(section)
        qtbot.keyClicks(widget, text)


def test_typed_event_is_saved_and_can_be_undone(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    form.kind.setCurrentIndex(form.kind.findText(EventKind.ILLNESS_FEVER.label))
    _type_date(qtbot, form.started_on, dt.date(2026, 9, 3))
    form.ended_on.given.click()
    _type_date(qtbot, form.ended_on.date, dt.date(2026, 9, 7))
    qtbot.keyClicks(form.notes, "Flu, 39.5 °C")

    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(
            form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    event = models.Event.get_by_id(saved.args[0])
    assert (event.kind, event.started_on, event.ended_on, event.notes) == (
        EventKind.ILLNESS_FEVER,
        dt.date(2026, 9, 3),
        dt.date(2026, 9, 7),
        "Flu, 39.5 °C",
    )
    assert not form.isVisible()
    assert history.stack.undoText() == "Add event “Illness or fever”"
    history.stack.undo()
    assert models.Event.select().count() == 0
    history.stack.redo()
    assert models.Event.get_by_id(saved.args[0]).notes == "Flu, 39.5 °C"


def test_future_start_is_refused_next_to_the_field(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    _type_date(qtbot, form.started_on, dt.date(2026, 12, 2))
    qtbot.keyClicks(form.notes, "Planned surgery")
    qtbot.keyClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.Key.Key_Return)

    error = form.field_errors["started_on"]
    assert error.isVisible()
    assert error.text() == "2 Dec 2026 is in the future; today is 24 Nov 2026."
    assert form.isVisible()
    assert form.notes.value() == "Planned surgery"  # nothing typed is lost
    assert models.Event.select().count() == 0


def test_end_before_start_is_refused(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    form.started_on.set_value(dt.date(2026, 5, 10))
    form.ended_on.set_value(dt.date(2026, 5, 1))
    form.accept()
    assert form.field_errors["ended_on"].text() == "The end date is before the start date."
    assert not form.field_errors["started_on"].isVisible()
    assert models.Event.select().count() == 0


def test_failed_save_keeps_the_input_and_says_why(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    qtbot.keyClicks(form.notes, "Moved house")
    form.accept()

    assert form.isVisible()
    assert form.failure.isVisible()
    assert "input/output error" in form.failure.text()
    assert form.notes.value() == "Moved house"
    assert history.stack.count() == 0


def test_full_disk_keeps_the_input(qtbot: QtBot, history: History, journal: OpenJournal) -> None:
    pages = journal.db.execute_sql("PRAGMA page_count").fetchone()[0]
    journal.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    form = _form(qtbot, history)
    form.notes.set_value("x" * 20_000)  # more than the journal has room for
    form.accept()
    assert "The disk is full" in form.failure.text()
    assert form.notes.value() == "x" * 20_000
    assert models.Event.select().count() == 0


def test_editing_loads_the_record_and_saves_the_change(qtbot: QtBot, history: History) -> None:
    event_id = records.add(
        models.Event,
        {"kind": EventKind.STRESS, "started_on": dt.date(2026, 1, 5), "notes": "Exams"},
    )
    form = _form(qtbot, history, event_id)
    assert form.windowTitle() == "Edit event"
    assert form.kind.value() is EventKind.STRESS
    assert form.ended_on.value() is None
    form.notes.selectAll()
    qtbot.keyClicks(form.notes, "Final exams")
    form.accept()
    assert models.Event.get_by_id(event_id).notes == "Final exams"
    history.stack.undo()
    assert models.Event.get_by_id(event_id).notes == "Exams"
