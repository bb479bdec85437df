"""Reminders in the window: the timer, what is still due, the banner, the status bar, the tray."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ScalpRegion
from hairjournal.core.reminder_times import Reminder, ReminderTimes
from hairjournal.store import models
from hairjournal.store.journal import lock_path
from hairjournal.ui import reminders
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings

COUNT_AT_NINE = ReminderTimes(count_at=dt.time(21, 0))
NOT_COUNTED = "Time for today's shedding count. Not counted yet today: Daily total."
HALF_HOUR_MS = 30 * 60 * 1000


class Clock:
    """The local time the reminders see; the test moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def at(day: dt.date, hour: int, minute: int, second: float = 0.0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)) + dt.timedelta(seconds=second)


def choose(window: MainWindow, clock: Clock, times: ReminderTimes) -> reminders.Reminders:
    """Set the reminders as the Settings dialog would, with ``clock`` as the time now."""
    assert window.settings is not None
    window.settings.set_reminder_times(times)
    window.reminders.clock = clock
    window.reminders.settings_changed()
    return window.reminders


def save_todays_count(qtbot: QtBot, window: MainWindow, value: str) -> None:
    entry = window.views["dashboard"].quick_entry
    entry.focus_entry()
    qtbot.keyClicks(entry.value.count, value)
    with qtbot.waitSignal(entry.count_saved):
        qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)


def test_the_timer_waits_for_the_moment_then_the_window_reminds(
    window: MainWindow, today: dt.date
) -> None:
    clock = Clock(at(today, 20, 59))
    given = choose(window, clock, COUNT_AT_NINE)
    assert given.timer.isActive()
    assert given.timer.interval() == 60_000  # to the moment, not a poll every second
    assert not given.banner.isVisible()

    clock.now = at(today, 21, 0, 0.2)
    given.look()  # what the timer does when it fires

    assert given.banner.isVisible()
    assert given.banner.label.text() == NOT_COUNTED
    assert window.statusBar().currentMessage() == NOT_COUNTED
    # The next is tomorrow at nine: the timer wakes within half an hour to look again.
    assert given.timer.interval() == HALF_HOUR_MS


def test_the_real_timer_fires_at_the_moment(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    start = time.monotonic()
    base = at(today, 20, 59, 59.8)

    def running_clock() -> dt.datetime:
        return base + dt.timedelta(seconds=time.monotonic() - start)

    window.reminders.clock = running_clock
    assert window.settings is not None
    window.settings.set_reminder_times(COUNT_AT_NINE)
    with qtbot.waitSignal(window.reminders.reminded, timeout=10_000) as fired:
        window.reminders.settings_changed()
    shown = fired.args[0]
    assert shown.reminder is Reminder.COUNT
    assert running_clock() >= at(today, 21, 0)  # not before the moment
    assert window.reminders.banner.label.text() == NOT_COUNTED


def test_a_count_already_saved_brings_no_reminder(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    save_todays_count(qtbot, window, "64")
    clock = Clock(at(today, 20, 59))
    given = choose(window, clock, COUNT_AT_NINE)
    clock.now = at(today, 21, 0)
    with qtbot.assertNotEmitted(given.reminded):
        given.look()
    assert not given.banner.isVisible()
    assert "Time for today's shedding count" not in window.statusBar().currentMessage()


def test_saving_the_count_takes_the_reminder_away_and_dismiss_hides_it(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    clock = Clock(at(today, 20, 0))
    given = choose(window, clock, COUNT_AT_NINE)
    clock.now = at(today, 21, 5)
    given.look()
    assert given.banner.isVisible()
    save_todays_count(qtbot, window, "71")
    qtbot.waitUntil(lambda: not given.banner.isVisible())

    given.remind(Reminder.PHOTOS, today)  # nothing due: the sample's photo week is complete
    assert not given.banner.isVisible()
    window.undo_action.trigger()  # the count is gone again: a new reminder would come
    assert given.remind(Reminder.COUNT, today) is not None
    assert given.banner.isVisible()
    qtbot.mouseClick(given.banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not given.banner.isVisible()


def test_a_reminder_missed_asleep_comes_on_waking_and_yesterdays_does_not(
    window: MainWindow, today: dt.date
) -> None:
    clock = Clock(at(today, 20, 30))
    given = choose(window, clock, COUNT_AT_NINE)
    clock.now = at(today, 23, 10)  # the timer fires late: the computer slept
    given.look()
    assert given.banner.label.text() == NOT_COUNTED

    given.banner.dismiss()
    clock.now = at(today + dt.timedelta(days=1), 7, 45)  # asleep all night
    given.look()
    assert not given.banner.isVisible()  # last evening's reminder is not given now
    assert given.timer.interval() == HALF_HOUR_MS


def test_the_timer_crosses_midnight(window: MainWindow, today: dt.date) -> None:
    clock = Clock(at(today, 23, 59, 30))
    given = choose(window, clock, ReminderTimes(count_at=dt.time(0, 0)))
    assert given.timer.interval() == 30_000


def test_turning_reminders_off_stops_the_timer(window: MainWindow, today: dt.date) -> None:
    clock = Clock(at(today, 12, 0))
    given = choose(window, clock, COUNT_AT_NINE)
    assert given.timer.isActive()
    choose(window, clock, ReminderTimes())
    assert not given.timer.isActive()


def test_photos_are_reminded_only_while_a_region_is_missing(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    # The sample journal is in week 12 of its course, and the crown was photographed this week.
    clock = Clock(at(today, 9, 0))
    times = ReminderTimes(photos_weekday=today.weekday(), photos_at=dt.time(10, 0))
    given = choose(window, clock, times)
    clock.now = at(today, 10, 0)
    with qtbot.assertNotEmitted(given.reminded):
        given.look()

    # A frontal photo from before: the frontal hairline is now expected each photo week too.
    models.Photo.create(
        taken_at=dt.datetime.combine(today - dt.timedelta(days=40), dt.time(9, 0)),
        region=ScalpRegion.FRONTAL,
        sha256="b" * 64,
        format="JPEG",
        width=4,
        height=3,
        thumbnail=b"not really a jpeg",
        imported_at=dt.datetime.combine(today - dt.timedelta(days=40), dt.time(9, 5)),
    )
    given.settings_changed()
    clock.now = at(today, 10, 0)
    given.last_look = at(today, 9, 59)
    with qtbot.waitSignal(given.reminded) as fired:
        given.look()
    assert fired.args[0].reminder is Reminder.PHOTOS
    text = given.banner.label.text()
    assert text.startswith("Scalp photos are due. Week 12 photos (")
    assert text.endswith("): the frontal hairline.")


def test_no_journal_open_no_reminder(qtbot: QtBot, window: MainWindow, today: dt.date) -> None:
    clock = Clock(at(today, 20, 0))
    given = choose(window, clock, COUNT_AT_NINE)
    window.close_journal()
    clock.now = at(today, 21, 0)
    with qtbot.assertNotEmitted(given.reminded):
        given.look()


class FakeTray(QObject):
    """A tray icon that records what it was asked to show (the test screen has no tray)."""

    activated = Signal(object)
    messageClicked = Signal()  # noqa: N815 (the name QSystemTrayIcon gives it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visible = False
        self.messages: list[tuple[str, str]] = []
        self.menu: QMenu | None = None

    def setToolTip(self, text: str) -> None:
        self.tip = text

    def setContextMenu(self, menu: QMenu) -> None:
        self.menu = menu

    def setVisible(self, visible: bool) -> None:
        self.visible = visible

    def isVisible(self) -> bool:
        return self.visible

    def showMessage(self, title: str, text: str, *_how: object) -> None:
        self.messages.append((title, text))


@pytest.fixture
def tray_window(
    qtbot: QtBot, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, FakeTray]]:
    trays: list[FakeTray] = []
    monkeypatch.setattr(reminders, "tray_available", lambda: True)
    monkeypatch.setattr(
        reminders, "make_tray", lambda parent: trays.append(FakeTray(parent)) or trays[-1]
    )
    settings = Settings()
    settings.set_reminder_times(COUNT_AT_NINE)
    settings.set_keep_in_tray(True)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(sample_path)
    try:
        yield window, trays[0]
    finally:
        window.close_journal()
        QApplication.setQuitOnLastWindowClosed(True)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_closing_the_window_keeps_the_app_in_the_tray_until_quit(
    tray_window: tuple[MainWindow, FakeTray], sample_path: Path, today: dt.date
) -> None:
    window, tray = tray_window
    assert tray.isVisible()
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "Show Hair Journal",
        "Quit",
    ]

    window.close()
    assert not window.isVisible()
    assert window.journal is not None  # still open, for the reminders
    assert lock_path(sample_path).exists()
    assert tray.messages == [(reminders.IN_TRAY_TITLE, reminders.IN_TRAY_TEXT)]
    assert not QApplication.quitOnLastWindowClosed()

    clock = Clock(at(today, 20, 0))
    given = choose(window, clock, COUNT_AT_NINE)
    clock.now = at(today, 21, 0)
    given.look()
    assert tray.messages[-1] == (
        "Time for today's shedding count",
        "Not counted yet today: Daily total.",
    )

    tray.messageClicked.emit()  # clicking the notification brings the window back
    assert window.isVisible()
    assert QApplication.quitOnLastWindowClosed()

    window.quit_action.trigger()
    assert not window.isVisible()
    assert window.journal is None
    assert not lock_path(sample_path).exists()


def test_the_tray_shows_only_when_reminders_or_the_tray_are_wanted(
    tray_window: tuple[MainWindow, FakeTray], today: dt.date
) -> None:
    window, tray = tray_window
    assert window.settings is not None
    window.settings.set_keep_in_tray(False)
    choose(window, Clock(at(today, 8, 0)), ReminderTimes())
    assert not tray.isVisible()
    window.close()  # with nothing to keep it, closing closes
    assert window.journal is None
    assert tray.messages == []
