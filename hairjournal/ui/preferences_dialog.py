"""File > Settings…: the reminders (a daily time to count, a weekday and time for photos) and
whether closing the window keeps the app running in the tray."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.reminder_times import WEEKDAY_NAMES, ReminderTimes
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import heading, paragraph, quiet

COUNT_DEFAULT = dt.time(21, 0)
PHOTOS_DEFAULT = dt.time(10, 0)
REMINDERS_NOTE = (
    "A reminder comes while Hair Journal is running with your journal open, and only if the "
    "count or the photos are still to do (as the dashboard's Due list shows). Photos are due "
    "in weeks 0, 4, 8, 12, 24 and 52 of your course."
)
NO_TRAY = (
    "This desktop shows no tray icons, so reminders appear in the window while it is open: a "
    "line in the status bar and a banner on the dashboard."
)


class PreferencesDialog(QDialog):
    """``saved()`` once the choices are written to ``settings``."""

    saved = Signal()

    def __init__(self, settings: Settings, tray: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tray = tray
        self.setWindowTitle("Settings")
        times = settings.reminder_times()

        self.count_box = QCheckBox("Remind me to &count shedding every day at")
        self.count_time = self._time_edit(times.count_at or COUNT_DEFAULT, "Time of the count")
        self.photos_box = QCheckBox("Remind me to take scalp &photos every")
        self.photos_day = QComboBox()
        self.photos_day.setAccessibleName("Day of the week for photos")
        for name in WEEKDAY_NAMES:
            self.photos_day.addItem(name)
        self.photos_day.setCurrentIndex(times.photos_weekday)
        self.photos_time = self._time_edit(times.photos_at or PHOTOS_DEFAULT, "Time for photos")
        self.count_box.setChecked(times.count_at is not None)
        self.photos_box.setChecked(times.photos_at is not None)
        for box in (self.count_box, self.photos_box):
            box.toggled.connect(lambda _on: self._enable())

        grid = QGridLayout()
        grid.addWidget(self.count_box, 0, 0)
        grid.addWidget(self.count_time, 0, 1)
        grid.addWidget(self.photos_box, 1, 0)
        grid.addWidget(self.photos_day, 1, 1)
        at = QLabel("at")
        at.setBuddy(self.photos_time)
        grid.addWidget(at, 1, 2)
        grid.addWidget(self.photos_time, 1, 3)
        grid.setColumnStretch(4, 1)

        self.tray_box = QCheckBox("&Keep running in the tray when the window is closed")
        self.tray_box.setChecked(settings.keep_in_tray())
        self.no_tray = quiet(paragraph(NO_TRAY))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addWidget(heading("Reminders", 1.1))
        layout.addLayout(grid)
        layout.addWidget(quiet(paragraph(REMINDERS_NOTE)))
        layout.addSpacing(8)
        layout.addWidget(heading("Closing the window", 1.1))
        layout.addWidget(self.tray_box)
        layout.addWidget(self.no_tray)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.tray_box.setHidden(not tray)
        self.no_tray.setHidden(tray)
        self.setMinimumWidth(560)
        self._enable()

    @staticmethod
    def _time_edit(value: dt.time, name: str) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute))
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        return edit

    def _enable(self) -> None:
        self.count_time.setEnabled(self.count_box.isChecked())
        for widget in (self.photos_day, self.photos_time):
            widget.setEnabled(self.photos_box.isChecked())

    def chosen_times(self) -> ReminderTimes:
        def clock(edit: QTimeEdit) -> dt.time:
            time = edit.time()
            return dt.time(time.hour(), time.minute())

        return ReminderTimes(
            count_at=clock(self.count_time) if self.count_box.isChecked() else None,
            photos_weekday=self.photos_day.currentIndex(),
            photos_at=clock(self.photos_time) if self.photos_box.isChecked() else None,
        )

    def accept(self) -> None:
        self.settings.set_reminder_times(self.chosen_times())
        if self.tray:  # offered only where there is a tray
            self.settings.set_keep_in_tray(self.tray_box.isChecked())
        self.saved.emit()
        super().accept()
