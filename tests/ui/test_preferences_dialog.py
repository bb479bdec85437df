"""File > Settings…: the reminders' times, the tray choice, saved and applied at once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTimeEdit
from pytestqt.qtbot import QtBot

from hairjournal.core.reminder_times import ReminderTimes
from hairjournal.ui import main_window
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.ui.test_reminders import HALF_HOUR_MS, Clock, at


def type_time(qtbot: QtBot, edit: QTimeEdit, hours: str, minutes: str) -> None:
    """Select the hours and type them, then the minutes, as a person does."""
    shift = Qt.KeyboardModifier.ShiftModifier
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    for _ in hours:
        qtbot.keyClick(edit, Qt.Key.Key_Right, shift)
    qtbot.keyClicks(edit, hours)
    qtbot.keyClick(edit, Qt.Key.Key_End)
    for _ in minutes:
        qtbot.keyClick(edit, Qt.Key.Key_Left, shift)
    qtbot.keyClicks(edit, minutes)


def test_the_settings_dialog_sets_the_reminders(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    window.reminders.clock = Clock(at(today, 6, 0))
    window.settings_action.trigger()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.count_time.isEnabled()  # off until ticked
    assert dialog.tray_box.isHidden()  # no tray here: the dialog says where reminders show
    assert dialog.no_tray.isVisible()

    qtbot.mouseClick(
        dialog.count_box, Qt.MouseButton.LeftButton, pos=dialog.count_box.rect().center()
    )
    assert dialog.count_time.isEnabled()
    type_time(qtbot, dialog.count_time, "07", "15")
    dialog.photos_box.click()
    dialog.photos_day.setFocus()
    qtbot.keyClick(dialog.photos_day, Qt.Key.Key_Home)  # Monday
    dialog.save_button.click()

    saved = Settings().reminder_times()  # read back from the file
    assert saved == ReminderTimes(
        count_at=dt.time(7, 15), photos_weekday=0, photos_at=dt.time(10, 0)
    )
    assert window.statusBar().currentMessage() == (
        "Settings saved. Reminders: shedding count every day at 07:15; photos on Mondays at 10:00."
    )
    assert window.reminders.timer.interval() == HALF_HOUR_MS  # 07:15 is more than that away


def test_the_tray_choice_is_offered_where_there_is_a_tray(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "tray_available", lambda: True)
    window.show_preferences()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    assert dialog.tray_box.isVisible()
    assert not dialog.tray_box.isChecked()  # off unless chosen
    assert not dialog.no_tray.isVisible()
    dialog.tray_box.click()
    dialog.save_button.click()
    assert Settings().keep_in_tray()


def test_settings_the_app_cannot_read_count_as_off(qtbot: QtBot, window: MainWindow) -> None:
    assert window.settings is not None
    path = window.settings.path
    path.write_text(
        "[reminders]\ncount_at=half past nine\nphotos_weekday=12\nphotos_at=25:99\n"
        "[tray]\nkeep_running=perhaps\n"
    )
    settings = Settings(path)
    assert settings.reminder_times() == ReminderTimes()  # off, on Sundays, as never set
    assert not settings.keep_in_tray()
    window.settings = settings
    window.show_preferences()
    dialog = window.preferences_dialog
    assert not dialog.count_box.isChecked()
    assert dialog.count_time.time().toString("HH:mm") == "21:00"  # a sensible time to offer
    assert dialog.photos_day.currentText() == "Sunday"


def test_cancel_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.show_preferences()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    dialog.count_box.click()
    dialog.reject()
    assert Settings().reminder_times() == ReminderTimes()
    assert not window.reminders.timer.isActive()
