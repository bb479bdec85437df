"""Reminders while the app runs: today's shedding count and this week's photos, only when due.

One single-shot timer waits for the next moment the person chose (``core.reminder_times``),
at most ``LONGEST_WAIT`` at a time: a timer does not run while the computer sleeps, so waking
every half hour at most means a reminder missed asleep still comes soon after waking. Whenever it
wakes it asks which moments passed since it last looked, and the journal (``store.due``, the
dashboard's "Due" card) whether the count or the photos are still to do.

A reminder shows as a notification from the tray icon where the desktop has a system tray, and
always as a banner at the top of the dashboard (and, without a tray, in the status bar). With
"Keep running in the tray" on, closing the window hides it and keeps the journal open for the
reminders; Quit ends the app.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSystemTrayIcon,
    QToolButton,
)

from hairjournal import APP_NAME
from hairjournal.core.enums import ShedProtocol
from hairjournal.core.reminder_times import Reminder, ReminderTimes, due_between, next_moment
from hairjournal.store import due, models
from hairjournal.ui.date_text import span_text
from hairjournal.ui.due_card import regions_text

if TYPE_CHECKING:
    from hairjournal.ui.main_window import MainWindow
    from hairjournal.ui.settings import Settings

LONGEST_WAIT = dt.timedelta(minutes=30)
STATUS_MS = 10 * 60 * 1000  # a reminder stays in the status bar this long (or until replaced)
NOTIFICATION_MS = 15_000
IN_TRAY_TITLE = f"{APP_NAME} is still running"
IN_TRAY_TEXT = "It stays in the tray to remind you. Choose Quit in its menu to end it."


def tray_available() -> bool:
    """Whether this desktop shows tray icons (tests replace this)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def make_tray(parent: QObject) -> QSystemTrayIcon:
    """The tray icon, with the app's icon (tests replace this)."""
    return QSystemTrayIcon(QApplication.windowIcon(), parent)


@dataclass(frozen=True)
class Notice:
    """What a reminder says: a short title and a sentence."""

    reminder: Reminder
    title: str
    text: str


def notice(reminder: Reminder, today: dt.date, remembered: ShedProtocol | None) -> Notice | None:
    """What to remind of on ``today``, or None when it is done (the dashboard's "Due" list
    decides: ``remembered``, the protocol last used, is listed as the dashboard lists it)."""
    if reminder is Reminder.COUNT:
        counts = due.counts_due(today, () if remembered is None else (remembered,))
        if not counts:
            text = "No shedding count has been logged in the last week."
        else:
            missing = [count.protocol.label for count in counts if not count.done]
            if not missing:
                return None
            text = f"Not counted yet today: {_joined(missing)}."
        return Notice(reminder, "Time for today's shedding count", text)
    week = due.due(today).photos
    if week is None or not week.missing:
        return None
    when = span_text(week.first, week.last)
    text = f"Week {week.week} photos ({when}): {regions_text(week.missing)}."
    return Notice(reminder, "Scalp photos are due", text)


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


class ReminderBanner(QFrame):
    """A line at the top of the dashboard with the reminders given, until dismissed or done."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reminder_banner")
        self.notices: dict[Reminder, Notice] = {}
        self.label = QLabel()
        self.label.setObjectName("reminder_text")
        self.label.setWordWrap(True)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss the reminder")
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 8, 8)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_notice(self, shown: Notice) -> None:
        self.notices[shown.reminder] = shown
        self._update()

    def keep_only(self, still_due: dict[Reminder, Notice | None]) -> None:
        """Drop the reminders that are done now; update the others' words."""
        for reminder, now in still_due.items():
            if now is None:
                self.notices.pop(reminder, None)
            else:
                self.notices[reminder] = now
        self._update()

    def dismiss(self) -> None:
        self.notices.clear()
        self._update()

    def _update(self) -> None:
        ordered = [self.notices[r] for r in Reminder if r in self.notices]
        self.label.setText("\n".join(f"{n.title}. {n.text}" for n in ordered))
        self.setVisible(bool(ordered))


class Reminders(QObject):
    """The window's reminders; ``reminded(notice)`` when one is given. ``clock`` gives the local
    time now (tests set it). Without settings (a screenshot's window) it does nothing."""

    reminded = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        settings: Settings | None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.clock = clock
        self.quitting = False  # Quit was chosen: closing the window ends the app
        self.told_in_tray = False
        self.last_look = clock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.look)
        self.banner = ReminderBanner()
        window.views["dashboard"].column_layout.insertWidget(0, self.banner)
        window.history.changed.connect(lambda _model: self._recheck_banner())
        window.journal_switched.connect(self.banner.dismiss)
        self.tray: QSystemTrayIcon | None = None
        if settings is not None and tray_available():
            self.tray = self._make_tray()
        window.installEventFilter(self)
        self.settings_changed()

    def times(self) -> ReminderTimes:
        return self.settings.reminder_times() if self.settings is not None else ReminderTimes()

    # -- the timer --------------------------------------------------------------------------

    def settings_changed(self) -> None:
        """Wait for the next moment the new settings give (moments already past are not given)."""
        self.last_look = self.clock()
        self._schedule(self.last_look)
        if self.tray is not None:
            self.tray.setVisible(self.times().any_on or self.keeps_in_tray())

    def _schedule(self, now: dt.datetime) -> None:
        moment = next_moment(now, self.times()) if self.settings is not None else None
        if moment is None:
            self.timer.stop()
            return
        wait = min(moment - now, LONGEST_WAIT)
        self.timer.start(max(0, math.ceil(wait.total_seconds() * 1000)))

    def look(self) -> None:
        """Give what fell due since the last look (on time, or late after a sleep), then wait
        for the next moment."""
        now = self.clock()
        for reminder in due_between(self.last_look, now, self.times()):
            self.remind(reminder, now.date())
        self.last_look = now
        self._schedule(now)

    # -- reminding ---------------------------------------------------------------------------

    def remind(self, reminder: Reminder, today: dt.date) -> Notice | None:
        """Give ``reminder`` if it is still due in the open journal; returns what was said."""
        if models.database.obj is None:
            return None  # no journal open: nothing can be due
        shown = notice(reminder, today, self._remembered())
        if shown is None:
            return None
        self.banner.show_notice(shown)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(
                shown.title, shown.text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS
            )
        else:
            self.window.statusBar().showMessage(f"{shown.title}. {shown.text}", STATUS_MS)
        self.reminded.emit(shown)
        return shown

    def _remembered(self) -> ShedProtocol | None:
        return self.settings.last_protocol() if self.settings is not None else None

    def _recheck_banner(self) -> None:
        """A count or photo was saved (or undone): keep only what is still due in the banner."""
        if not self.banner.notices or models.database.obj is None:
            return
        today = self.clock().date()
        remembered = self._remembered()
        self.banner.keep_only({r: notice(r, today, remembered) for r in self.banner.notices})

    # -- the tray ----------------------------------------------------------------------------

    def keeps_in_tray(self) -> bool:
        return self.settings is not None and self.settings.keep_in_tray()

    def _make_tray(self) -> QSystemTrayIcon:
        tray = make_tray(self)
        tray.setToolTip(APP_NAME)
        menu = QMenu(self.window)
        menu.addAction(f"Show {APP_NAME}", self.show_window)
        menu.addSeparator()
        menu.addAction("Quit", self.quit_from_tray)
        tray.setContextMenu(menu)
        tray.activated.connect(
            lambda reason: reason == QSystemTrayIcon.ActivationReason.Trigger and self.show_window()
        )
        tray.messageClicked.connect(self.show_window)
        return tray

    def show_window(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def quit_from_tray(self) -> None:
        self.quitting = True
        if self.window.close():
            QApplication.quit()  # the window may have been hidden: nothing else ends the app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window hides it in the tray instead, if the person chose that."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            quitting, self.quitting = self.quitting, False
            tray = self.tray
            if not quitting and tray is not None and tray.isVisible() and self.keeps_in_tray():
                event.ignore()
                QApplication.setQuitOnLastWindowClosed(False)
                self.window.hide()
                if not self.told_in_tray:
                    self.told_in_tray = True
                    tray.showMessage(IN_TRAY_TITLE, IN_TRAY_TEXT)
                return True
        return super().eventFilter(watched, event)
