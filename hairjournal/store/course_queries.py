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

from hairjournal.store import models
from hairjournal.store.queries import Course, courses

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
class Overview:
    """What the Sessions view says above its lists."""

    courses: int
    sessions: int
    figures: int
    first_session_on: dt.date | None
    last_session_on: dt.date | None
    next_session_on: dt.date | None  # the earliest planned, among courses still running
    next_course: Course | None


def course_rows() -> list[Course]:
    """Every course, newest start first, with its session count and first and last session."""
    return sorted(courses(), key=lambda course: (course.started_on, course.id), reverse=True)


def course_choices() -> list[Course]:
    """Courses in the order a session form offers them: running ones first, latest use first."""

    def latest_use(course: Course) -> tuple[bool, dt.date, int]:
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
