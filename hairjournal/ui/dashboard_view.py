"""The dashboard: today's count, the last 14 days, what is due, where the course stands."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hairjournal.store import due, progress, queries
from hairjournal.ui import disclaimer
from hairjournal.ui.date_text import day_text
from hairjournal.ui.day_strip import LEGEND, DayStrip
from hairjournal.ui.due_card import due_card
from hairjournal.ui.history import History
from hairjournal.ui.progress_card import progress_card
from hairjournal.ui.quick_entry import QuickEntry, takes_focus_on_show
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet, scaled_font

CONTENT_WIDTH = 1180
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

TOTALS = (
    # attribute of queries.Totals, one, many
    ("sessions", "session", "sessions"),
    ("shed_counts", "shedding count", "shedding counts"),
    ("checkins", "check-in", "check-ins"),
    ("events", "event", "events"),
    ("measurements", "clinic figure", "clinic figures"),
    ("photos", "photo", "photos"),
)


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _label(text: str, name: str = "", align: Qt.AlignmentFlag = LEFT) -> QLabel:
    label = QLabel(text)
    label.setAlignment(align)
    if name:
        label.setObjectName(name)
    return label


class DashboardView(QWidget):
    """Today's count and the strip stay put; the cards below are rebuilt on every refresh."""

    def __init__(
        self, history: History, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.data: queries.Dashboard | None = None
        self.due: due.Due | None = None
        self.fixed_today: dt.date | None = None
        self.stale = False
        self.pending = False

        self.title = heading("", 1.7)
        self.title.setObjectName("journalTitle")
        self.condition = quiet(_label("", "condition"))
        self.quick_entry = QuickEntry(history, settings)
        self.strip = DayStrip(history)
        today_card, today_layout = card("Shedding: today and the last 14 days")
        today_layout.addWidget(self.quick_entry)
        today_layout.addSpacing(6)
        today_layout.addWidget(self.strip)
        today_layout.addWidget(quiet(paragraph(LEGEND)))
        self.details: QWidget = QWidget()

        column = QWidget()
        self.column_layout = QVBoxLayout(column)
        self.column_layout.setContentsMargins(24, 20, 24, 20)
        self.column_layout.setSpacing(14)
        self.column_layout.addWidget(self.title)
        self.column_layout.addWidget(self.condition)
        self.column_layout.addWidget(today_card)
        self.column_layout.addWidget(self.details)
        self.column_layout.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("page")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(limited_width(column, CONTENT_WIDTH))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        history.changed.connect(self._history_changed)
        self.quick_entry.protocol_changed.connect(lambda _protocol: self._update())

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def refresh(self, today: dt.date | None = None) -> None:
        """Read the journal again (``today`` fixes the date, for tests and screenshots)."""
        if today is not None:
            self.fixed_today = today
        self._update()

    def _update(self) -> None:
        today = self.today()
        self.stale = self.pending = False
        self.quick_entry.refresh(self.fixed_today)
        protocol = self.quick_entry.chosen()
        self.data = queries.dashboard(today)
        self.due = due.due(today, include=(protocol,))
        self.strip.refresh(today, include=(protocol,))
        self.title.setText(self.data.title)
        about = self.data.condition.label
        if self.data.onset_on is not None:
            about += f" · began {day_text(self.data.onset_on)}"
        self.condition.setText(about)
        details = self._details(self.data, self.due)
        self.column_layout.replaceWidget(self.details, details)
        details.show()  # at once: a layout would show it only from the event loop
        self.details.setParent(None)  # out of sight (and findChild) until deleted
        self.details.deleteLater()
        self.details = details

    def _history_changed(self, _model: object) -> None:
        """Update once the change is complete; a refresh() meanwhile makes this one needless."""
        if not self.isVisible():
            self.stale = True
        elif not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, lambda: self.pending and self._update())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self._update()
        self.quick_entry.refresh(self.fixed_today, fill=True)
        if takes_focus_on_show():
            self.quick_entry.focus_entry()

    def _details(self, data: queries.Dashboard, due_now: due.Due) -> QWidget:
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        first = QHBoxLayout()
        first.setSpacing(14)
        first.addWidget(due_card(due_now), 2)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self._course_card(data), 1)
        right.addWidget(self._totals_card(data.totals))
        first.addLayout(right, 3)
        layout.addLayout(first)
        layout.addWidget(progress_card(progress.progress(data.today)))
        layout.addWidget(self._courses_card(data))
        footer = quiet(paragraph(disclaimer.SHORT))
        footer.setObjectName("disclaimer")
        layout.addWidget(footer)
        return details

    def _course_card(self, data: queries.Dashboard) -> QFrame:
        frame, layout = card()
        current = data.current
        if current is None:
            layout.addWidget(heading("No treatment course yet", 1.5))
            layout.addWidget(paragraph("This journal has no course of treatment recorded."))
        else:
            course = current.course
            if current.days < 0:
                text = f"{course.kind.label} starts on {day_text(current.anchor)}"
            else:
                text = f"Week {current.week} of {course.kind.label}"
            week = heading(text, 1.6)
            week.setObjectName("courseWeek")
            layout.addWidget(week)
            if course.product:
                layout.addWidget(quiet(paragraph(course.product)))
            if current.from_first_session:
                since = (
                    f"Counted from the first session on {day_text(current.anchor)} "
                    f"({plural(max(current.days, 0), 'day', 'days')} ago)."
                )
            else:
                since = (
                    f"Counted from the start of the course on {day_text(current.anchor)}; "
                    "no sessions are recorded for it yet."
                )
            layout.addWidget(paragraph(since))
            if course.last_session_on is not None:
                sessions = plural(course.session_count, "session", "sessions")
                layout.addWidget(
                    paragraph(f"{sessions} so far, the last on {day_text(course.last_session_on)}.")
                )
            if course.stopped_on is not None:
                layout.addWidget(paragraph(f"The course stopped on {day_text(course.stopped_on)}."))
        layout.addStretch(1)
        return frame

    def _totals_card(self, totals: queries.Totals) -> QFrame:
        frame, layout = card("In this journal")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for index, (attribute, one, many) in enumerate(TOTALS):
            count = getattr(totals, attribute)
            number = _label(f"{count:,}", f"total_{attribute}", Qt.AlignmentFlag.AlignRight)
            number.setFont(scaled_font(number, 1.2, bold=True))
            row, pair = divmod(index, 2)
            grid.addWidget(number, row, pair * 2)
            grid.addWidget(_label(one if count == 1 else many), row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        return frame

    def _courses_card(self, data: queries.Dashboard) -> QFrame:
        frame, layout = card("Courses")
        if not data.courses:
            layout.addWidget(paragraph("No courses of treatment are recorded yet."))
            return frame
        grid = QGridLayout()
        grid.setObjectName("courses")
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        headers = ("Treatment", "Product", "Started", "Stopped", "Sessions", "Last session")
        for column, text in enumerate(headers):
            grid.addWidget(quiet(_label(text)), 0, column)
        for row, course in enumerate(data.courses, start=1):
            cells = (
                course.kind.label,
                course.product or "—",
                day_text(course.started_on),
                day_text(course.stopped_on) if course.stopped_on else "ongoing",
                str(course.session_count),
                day_text(course.last_session_on) if course.last_session_on else "—",
            )
            for column, text in enumerate(cells):
                grid.addWidget(_label(text), row, column)
        grid.setColumnStretch(len(headers) - 1, 1)
        layout.addLayout(grid)
        return frame
