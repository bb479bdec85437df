"""Read-only questions about courses, their sessions and the clinic's figures, as plain values.

The session form asks which courses there are and what the last session of one looked like
(to fill in the next); the Sessions view asks how much there is and what is planned. The lists
themselves come from ``store.listing``. The models must be bound to an open journal when these
are called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from hairjournal.core.enums import TreatmentKind
from hairjournal.store import models

# What a new session takes over from the course's last one; the rest is the day's own.
CARRIED_OVER = (
    "route",
    "product",
    "maker",
    "lot",
    "cell_source",
    "volume_ml",
    "needle_depth_mm",
    "areas",
    "clinic",
    "cost",
)


@dataclass(frozen=True)
class CourseRow:
    """A course with how many sessions it has, and when the first and the last were."""

    id: int
    kind: TreatmentKind
    product: str
    dose: str
    started_on: dt.date
    stopped_on: dt.date | None
    next_session_on: dt.date | None
    session_count: int
    first_session_on: dt.date | None
    last_session_on: dt.date | None


@dataclass(frozen=True)
class Overview:
    """What the Sessions view says above its lists."""

    courses: int
    sessions: int
    figures: int
    first_session_on: dt.date | None
    last_session_on: dt.date | None
    next_session_on: dt.date | None  # the earliest planned, among courses still running
    next_course: CourseRow | None


def course_rows() -> list[CourseRow]:
    """Every course, newest start first, with its session count and first and last session."""
    treatment, session = models.Treatment, models.Session
    query = (
        treatment.select(
            treatment.id,
            treatment.kind,
            treatment.product,
            treatment.dose,
            treatment.started_on,
            treatment.stopped_on,
            treatment.next_session_on,
            pw.fn.COUNT(session.id),
            pw.fn.MIN(session.date),
            pw.fn.MAX(session.date),
        )
        .join(session, pw.JOIN.LEFT_OUTER)
        .group_by(treatment.id)
        .order_by(treatment.started_on.desc(), treatment.id.desc())
    )
    return [CourseRow(*row) for row in query.tuples()]


def course_choices() -> list[CourseRow]:
    """Courses in the order a session form offers them: running ones first, latest use first."""

    def latest_use(course: CourseRow) -> tuple[bool, dt.date, int]:
        used = max(course.started_on, course.last_session_on or course.started_on)
        return (course.stopped_on is None, used, course.id)

    return sorted(course_rows(), key=latest_use, reverse=True)


def last_session(treatment_id: int) -> dict[str, Any] | None:
    """The values of a course's latest session (by date, then by entry), or None if it has none."""
    session = models.Session
    query = session.select().where(session.treatment == treatment_id)
    return query.order_by(session.date.desc(), session.id.desc()).dicts().first()


def overview() -> Overview:
    """How many courses, sessions and clinic figures; the span of the sessions; what is next."""
    courses = course_rows()
    firsts = [c.first_session_on for c in courses if c.first_session_on is not None]
    lasts = [c.last_session_on for c in courses if c.last_session_on is not None]
    planned = [c for c in courses if c.next_session_on is not None and c.stopped_on is None]
    upcoming = min(planned, key=lambda c: (c.next_session_on, c.id), default=None)
    return Overview(
        courses=len(courses),
        sessions=sum(c.session_count for c in courses),
        figures=models.Measurement.select().count(),
        first_session_on=min(firsts, default=None),
        last_session_on=max(lasts, default=None),
        next_session_on=None if upcoming is None else upcoming.next_session_on,
        next_course=upcoming,
    )


def known_texts(field: pw.Field) -> list[str]:
    """The distinct non-empty texts a column holds, most used first (for typing suggestions)."""
    model = field.model
    count = pw.fn.COUNT(model._meta.primary_key)
    query = (
        model.select(field, count)
        .where(field != "")
        .group_by(field)
        .order_by(count.desc(), field)
        .tuples()
    )
    return [text for text, _count in query]
