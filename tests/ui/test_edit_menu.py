"""Edit > Undo and Redo in the window: texts, shortcuts, the status bar, one history per journal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import EventKind, ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.main_window import MainWindow
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts

STRESS = "Add event “Stress”"


def add_stress(window: MainWindow, today: dt.date) -> int:
    """Add an event through the form, as a person would."""
    form = EventForm(window.history, None, window, today=today)
    form.kind.set_value(EventKind.STRESS)
    form.started_on.set_value(today - dt.timedelta(days=3))
    form.notes.set_value("Moving house")
    ids: list[int] = []
    form.saved.connect(ids.append)
    form.accept()
    assert ids, "the form did not save"
    return ids[0]


def events_with_notes(path: Path, notes: str) -> int:
    return read_journal(path, f"SELECT count(*) FROM event WHERE notes = '{notes}'")[0][0]


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_the_edit_menu_sits_between_file_and_view(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert window.edit_menu.actions() == [window.undo_action, window.redo_action]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert [key.toString() for key in window.redo_action.shortcuts()] == [
        "Ctrl+Shift+Z",
        "Ctrl+Y",
    ]


def test_nothing_to_undo_and_no_journal_disable_the_menu(window: MainWindow) -> None:
    assert window.edit_menu.isEnabled()
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    window.close_journal()
    assert not window.edit_menu.isEnabled()
    assert not window.undo_action.isEnabled()


def test_undo_and_redo_from_the_menu_say_what_they_did(
    window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    event_id = add_stress(window, today)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo {STRESS}"
    assert status(window) == f"Saved: {STRESS}"

    window.undo_action.trigger()
    assert events_with_notes(sample_path, "Moving house") == 0
    assert status(window) == f"Undone: {STRESS}"
    assert window.redo_action.text() == f"&Redo {STRESS}"
    assert not window.undo_action.isEnabled()  # the sample journal's rows were not added here

    window.redo_action.trigger()
    assert models.Event.get_by_id(event_id).notes == "Moving house"  # the same record again
    assert status(window) == f"Redone: {STRESS}"
    assert not window.redo_action.isEnabled()


def test_keyboard_shortcuts_undo_and_redo(
    qtbot: QtBot, window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    add_stress(window, today)
    window.navigation.setFocus()  # not a text field, whose own Ctrl+Z undoes typing

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert events_with_notes(sample_path, "Moving house") == 0
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert events_with_notes(sample_path, "Moving house") == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert events_with_notes(sample_path, "Moving house") == 1
    assert status(window) == f"Redone: {STRESS}"


def test_a_save_after_an_undo_is_a_save(window: MainWindow, today: dt.date) -> None:
    add_stress(window, today)
    window.undo_action.trigger()
    window.history.add(
        models.ShedCount,
        {"date": today, "protocol": ShedProtocol.BRUSH, "value": 20},
        "Add shedding count",
    )
    assert status(window) == "Saved: Add shedding count"
    assert not window.redo_action.isEnabled()


def test_switching_journals_forgets_the_history(
    other_path: Path, window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    add_stress(window, today)
    assert window.open_path(other_path)
    assert window.history.stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert window.open_path(sample_path)
    assert window.history.stack.count() == 0
    assert events_with_notes(sample_path, "Moving house") == 1


def test_a_refused_journal_keeps_the_history_of_the_open_one(
    window: MainWindow, tmp_path: Path, today: dt.date, fake_prompts: FakePrompts
) -> None:
    add_stress(window, today)
    bad = tmp_path / "not-a-journal.hairjournal"
    bad.write_text("not a journal")
    assert not window.open_path(bad)
    assert fake_prompts.errors  # it said why
    assert window.history.stack.count() == 1
    assert window.undo_action.text() == f"&Undo {STRESS}"


def test_an_undo_that_cannot_be_written_says_so(
    qtbot: QtBot,
    window: MainWindow,
    today: dt.date,
    fake_prompts: FakePrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_stress(window, today)

    def io_error(*_args: object) -> None:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "remove", io_error)
    window.undo_action.trigger()
    title, message = fake_prompts.errors[0]
    assert title == "Undo or redo failed"
    assert message.startswith(f"“{STRESS}” could not be undone or redone.")
    qtbot.waitUntil(lambda: window.history.stack.count() == 0)
    assert not window.undo_action.isEnabled()


def test_the_dashboard_follows_undo_and_redo(
    qtbot: QtBot, window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    dashboard = window.views["dashboard"]

    def total_events() -> str:
        label = dashboard.findChild(QLabel, "total_events")
        return label.text() if label is not None else ""

    (before,) = read_journal(sample_path, "SELECT count(*) FROM event")[0]
    assert total_events() == str(before)
    add_stress(window, today)
    qtbot.waitUntil(lambda: total_events() == str(before + 1))
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: total_events() == str(before))
