"""The Log view: today's count and the 14-day strip, then every count, check-in and event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from hairjournal.core.validation import Verdict, validate_event
from hairjournal.store import models
from hairjournal.ui.date_text import day_text
from hairjournal.ui.day_strip import LEGEND, DayStrip
from hairjournal.ui.forms.checkin_form import (
    RATINGS,
    CheckinForm,
    checkin_verdict,
    describe_checkin,
)
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.forms.shed_count_form import ShedCountForm, count_verdict, describe_count
from hairjournal.ui.history import History
from hairjournal.ui.quick_entry import QuickEntry, takes_focus_on_show, value_text
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.record_table import Column, Row
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import card, heading, paragraph, quiet

LIST_MIN_HEIGHT = 260  # below this the page scrolls rather than squeezing the lists
COUNT_COLUMNS = (
    Column("date", "Date", editable=True),
    Column("protocol", "Protocol", editable=True),
    Column(
        "value",
        "Count or grade",
        editable=True,
        text=lambda value, row: "" if value is None else value_text(row["protocol"], value),
    ),
    Column("wash_day", "Wash day", editable=True),
    Column("notes", "Notes", editable=True, tooltip=True, stretch=True),
)
CHECKIN_COLUMNS = (
    Column("date", "Date", editable=True),
    *(
        Column(field, label.replace("&", "").rstrip(":").split(" (")[0], editable=True)
        for field, label, _low, _high in RATINGS
    ),
    Column("notes", "Notes", editable=True, tooltip=True, stretch=True),
)
EVENT_COLUMNS = (
    Column("kind", "What happened", editable=True),
    Column("started_on", "Started", editable=True),
    Column("ended_on", "Ended", text=lambda value, _row: day_text(value) if value else "ongoing"),
    Column("notes", "Notes", editable=True, tooltip=True, stretch=True),
)


def _count_verdict(row: Row) -> Verdict:
    return count_verdict(
        row["date"], row["protocol"], row["value"], today=dt.date.today(), record_id=row["id"]
    )


def _describe_count(row: Row) -> str:
    return describe_count(row["date"], row["protocol"], row["value"])


def _describe_event(row: Row) -> str:
    return f"event “{row['kind'].label}” of {day_text(row['started_on'])}"


class LogView(QWidget):
    """Quick entry on top; below, one tab per kind of record, each a full list with Add…."""

    def __init__(
        self, history: History, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.fixed_today: dt.date | None = None
        self.stale = False
        self.pending = False
        self.quick_entry = QuickEntry(history, settings)
        self.strip = DayStrip(history)
        today_card, today_layout = card()
        today_layout.addWidget(self.quick_entry)
        today_layout.addWidget(self.strip)
        today_layout.addWidget(quiet(paragraph(LEGEND)))

        self.counts = RecordList(
            history,
            models.ShedCount,
            COUNT_COLUMNS,
            title="",
            form_class=self._count_form,
            validate=_count_verdict,
            describe=_describe_count,
            plural="shedding counts",
        )
        self.checkins = RecordList(
            history,
            models.Checkin,
            CHECKIN_COLUMNS,
            title="",
            form_class=CheckinForm,
            validate=lambda row: checkin_verdict(row, today=dt.date.today(), record_id=row["id"]),
            describe=describe_checkin,
        )
        self.events = RecordList(
            history,
            models.Event,
            EVENT_COLUMNS,
            title="",
            form_class=EventForm,
            validate=lambda row: validate_event(
                row["started_on"], row["ended_on"], today=dt.date.today()
            ),
            describe=_describe_event,
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.counts, "&Shedding counts")
        self.tabs.addTab(self.checkins, "&Check-ins")
        self.tabs.addTab(self.events, "Eve&nts")

        self.tabs.setMinimumHeight(LIST_MIN_HEIGHT)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(heading("Log", 1.5))
        column.addWidget(today_card)
        column.addWidget(self.tabs, 1)
        # A small window scrolls the page; a large one gives the lists all the height left.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("page")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        history.changed.connect(self._history_changed)
        self.quick_entry.protocol_changed.connect(lambda _protocol: self._update_strip())

    def _count_form(
        self, history: History, record_id: int | None, parent: QWidget | None = None
    ) -> ShedCountForm:
        """A new count starts on the protocol chosen in the quick entry."""
        protocol = None if record_id is not None else self.quick_entry.chosen()
        return ShedCountForm(history, record_id, parent, today=self.fixed_today, protocol=protocol)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def refresh(self, today: dt.date | None = None) -> None:
        """Read the journal again (``today`` fixes the date, for tests and screenshots)."""
        if today is not None:
            self.fixed_today = today
        self._update_entry()
        for records in (self.counts, self.checkins, self.events):
            records.refresh()

    def _update_entry(self) -> None:
        self.stale = self.pending = False
        self.quick_entry.refresh(self.fixed_today)
        self._update_strip()

    def _update_strip(self) -> None:
        self.strip.refresh(self.today(), include=(self.quick_entry.chosen(),))

    def _history_changed(self, model: object) -> None:
        """The lists follow the history themselves; the quick entry and strip follow counts."""
        if model is not models.ShedCount:
            return
        if not self.isVisible():
            self.stale = True
        elif not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, lambda: self.pending and self._update_entry())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self._update_entry()
        self.quick_entry.refresh(self.fixed_today, fill=True)
        if takes_focus_on_show():
            self.quick_entry.focus_entry()
