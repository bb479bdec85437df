"""The Sessions view: the journal's courses, their sessions and the clinic's figures, each a list.

Every list adds, edits and deletes through the undo history; deleting a course says how many
sessions go with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hairjournal.core.validation import (
    Verdict,
    validate_measurement,
    validate_session,
    validate_treatment,
)
from hairjournal.store import course_queries, models
from hairjournal.ui.date_text import day_text, days_from_today
from hairjournal.ui.figure_text import FIGURE_NAMES, figure_text
from hairjournal.ui.forms.measurement_form import MeasurementForm
from hairjournal.ui.forms.session_form import SessionForm
from hairjournal.ui.forms.treatment_form import TreatmentForm
from hairjournal.ui.history import History
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.record_table import Column, Kind, Row
from hairjournal.ui.style import heading, paragraph, quiet

NO_COURSE_TIP = "Add a course first: every session belongs to one."


def _today() -> dt.date:
    return dt.date.today()


# -- courses ----------------------------------------------------------------------------------


def course_name(row: Row) -> str:
    return row["kind"].label + (f", {row['product']}" if row["product"] else "")


def _still_going(value: dt.date | None, _row: Row) -> str:
    return "still going" if value is None else day_text(value)


def _next_session(value: dt.date | None, row: Row) -> str:
    if value is None or row["stopped_on"] is not None:
        return ""
    return f"{day_text(value)} ({days_from_today(value, _today())})"


COURSE_COLUMNS = (
    Column("kind", "Treatment"),
    Column("product", "Product", editable=True, stretch=True, tooltip=True),
    Column("dose", "Dose", editable=True, stretch=True, tooltip=True),
    Column("started_on", "Started", editable=True),
    Column("stopped_on", "Stopped", text=_still_going),
    Column("next_session_on", "Next session", text=_next_session),
    Column("session_count", "Sessions", kind=Kind.NUMBER, whole=True),
)


def validate_course(row: Row) -> Verdict:
    return validate_treatment(
        row["started_on"], row["stopped_on"], row["next_session_on"], today=_today()
    )


def describe_course(row: Row) -> str:
    return f"course “{course_name(row)}”"


def course_consequence(row: Row) -> str:
    count = row["session_count"]
    if not count:
        return ""
    sessions = "its session" if count == 1 else f"its {count} sessions"
    return f"{sessions.capitalize()} will be deleted too. (Edit > Undo brings everything back.)"


# -- sessions ---------------------------------------------------------------------------------


def _product(value: str, row: Row) -> str:
    return value or row["course_product"]  # the course's product when the session names none


SESSION_COLUMNS = (
    Column("date", "Date", editable=True),
    Column("course_kind", "Course", kind=Kind.CHOICE),
    Column("route", "Route"),
    Column("product", "Product", text=_product, editable=True, stretch=True, tooltip=True),
    Column("clinic", "Clinic", editable=True, stretch=True, tooltip=True),
    Column("volume_ml", "Volume (ml)", editable=True),
    Column("needle_depth_mm", "Depth (mm)", editable=True),
    Column("pain", "Pain (0-10)", editable=True),
    Column("side_effects", "Side effects", stretch=True, tooltip=True),
)


def validate_session_row(row: Row) -> Verdict:
    return validate_session(
        row["date"],
        volume_ml=row["volume_ml"],
        needle_depth_mm=row["needle_depth_mm"],
        pain=row["pain"],
        cost=row["cost"],
        today=_today(),
    )


def describe_session(row: Row) -> str:
    return f"session of {day_text(row['date'])} ({row['course_kind'].label})"


# -- clinic figures ---------------------------------------------------------------------------


FIGURE_COLUMNS = (
    Column("date", "Date", editable=True),
    Column("kind", "Figure", text=lambda kind, _row: FIGURE_NAMES[kind]),
    Column(
        "value", "Value", kind=Kind.NUMBER, text=lambda value, row: figure_text(row["kind"], value)
    ),
    Column("site", "Where", editable=True, stretch=True, tooltip=True),
    Column("notes", "Notes", editable=True, stretch=True, tooltip=True),
)


def validate_figure(row: Row) -> Verdict:
    return validate_measurement(row["date"], row["kind"], row["value"], today=_today())


def describe_figure(row: Row) -> str:
    figure = f"{FIGURE_NAMES[row['kind']]} {figure_text(row['kind'], row['value'])}"
    return f"clinic figure of {day_text(row['date'])} ({figure})"


class SessionsView(QWidget):
    """Courses, sessions and clinic figures, one tab each, with a summary above them."""

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.courses = RecordList(
            history,
            models.Treatment,
            COURSE_COLUMNS,
            title="",
            form_class=TreatmentForm,
            validate=validate_course,
            describe=describe_course,
            consequence=course_consequence,
            also_refresh_on=(models.Session,),
            plural="courses",
        )
        self.sessions = RecordList(
            history,
            models.Session,
            SESSION_COLUMNS,
            title="",
            form_class=self.session_form,
            validate=validate_session_row,
            describe=describe_session,
            also_refresh_on=(models.Treatment,),
            plural="sessions",
        )
        self.figures = RecordList(
            history,
            models.Measurement,
            FIGURE_COLUMNS,
            title="",
            form_class=MeasurementForm,
            validate=validate_figure,
            describe=describe_figure,
            plural="clinic figures",
        )
        # Alt+A adds to the list in view; the tabs keep Alt+S, Alt+O and Alt+G.
        for records, noun in (
            (self.sessions, "session"),
            (self.courses, "course"),
            (self.figures, "clinic figure"),
        ):
            records.add_button.setText(f"&Add {noun}…")
            records.add_button.setToolTip(f"Add a new {noun}")
        self.table = self.sessions.table  # the view's main table

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for records in (self.sessions, self.courses, self.figures):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 12, 0, 0)
            page_layout.addWidget(records)
            self.tabs.addTab(page, "")
        self.summary = paragraph("")
        self.summary.setObjectName("sessions_summary")
        self.next_session = quiet(paragraph(""))
        self.next_session.setObjectName("next_session")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.addWidget(heading("Sessions", 1.5))
        layout.addWidget(self.summary)
        layout.addWidget(self.next_session)
        layout.addWidget(self.tabs, 1)
        history.changed.connect(self._history_changed)

    def session_form(self, history: History, record_id: int | None, parent: QWidget) -> Any:
        """The session form, on the course of the selected session or course when adding."""
        course = None
        if record_id is None:
            session, chosen = self.sessions.current_row(), self.courses.current_row()
            if session is not None:
                course = session["treatment"]
            elif chosen is not None:
                course = chosen["id"]
        return SessionForm(history, record_id, parent, treatment_id=course)

    def refresh(self) -> None:
        """Read the journal again: every list, and the summary."""
        for records in (self.courses, self.sessions, self.figures):
            records.refresh()
        self._show_overview()

    def _history_changed(self, model: type[models.BaseModel]) -> None:
        if model in (models.Treatment, models.Session, models.Measurement):
            self._show_overview()

    def _show_overview(self) -> None:
        overview = course_queries.overview()
        for number, (label, count) in enumerate(
            (
                ("&Sessions", overview.sessions),
                ("C&ourses", overview.courses),
                ("Clinic fi&gures", overview.figures),
            )
        ):
            self.tabs.setTabText(number, f"{label} ({count:,})")
        self.summary.setText(_summary(overview))
        self.next_session.setText(_next_text(overview))
        self.next_session.setVisible(bool(self.next_session.text()))
        has_courses = overview.courses > 0
        self.sessions.add_button.setEnabled(has_courses)
        self.sessions.add_button.setToolTip("Add a new session" if has_courses else NO_COURSE_TIP)


def _summary(overview: course_queries.Overview) -> str:
    courses = f"{overview.courses} course{'s' if overview.courses != 1 else ''}"
    first, last = overview.first_session_on, overview.last_session_on
    if first is None or last is None:
        if not overview.courses:
            return "No courses or sessions are recorded yet. Start with the course: Add course…"
        return f"{courses}; no sessions are recorded yet."
    sessions = f"{overview.sessions} session{'s' if overview.sessions != 1 else ''}"
    return f"{sessions}, from {day_text(first)} to {day_text(last)}, in {courses}."


def _next_text(overview: course_queries.Overview) -> str:
    if overview.next_session_on is None or overview.next_course is None:
        return ""
    when = days_from_today(overview.next_session_on, _today())
    course = overview.next_course.kind.label
    return f"Next session planned: {day_text(overview.next_session_on)} ({when}), {course}."
