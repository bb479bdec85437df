"""What the PDF summary states about the journal, read once as plain values.

The models must be bound to an open journal; on a worker thread, with that thread's own
connection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from hairjournal.core.enums import Condition
from hairjournal.store import listing, models, queries
from hairjournal.store.listing import Row


@dataclass(frozen=True)
class ReportFacts:
    """The journal's own records for the summary, oldest first."""

    made_on: dt.date
    title: str
    condition: Condition
    onset_on: dt.date | None
    birth_year: int | None
    notes: str
    courses: tuple[queries.Course, ...]
    current: queries.CourseWeek | None  # the course the charts and progress figures follow
    sessions: tuple[Row, ...]
    events: tuple[Row, ...]
    figures: tuple[Row, ...]  # clinic measurements
    totals: queries.Totals
    first_count_on: dt.date | None
    last_count_on: dt.date | None

    @property
    def side_effects(self) -> tuple[Row, ...]:
        """The sessions at which any side effect was noted."""
        return tuple(session for session in self.sessions if session["side_effects"])

    @property
    def timeline(self) -> tuple[Row, ...]:
        """Sessions and events together by day (an event before a session on the same day)."""

        def day(row: Row) -> tuple[dt.date, int]:
            return (row["started_on"], 0) if "started_on" in row else (row["date"], 1)

        return tuple(sorted((*self.events, *self.sessions), key=day))


def gather_facts(today: dt.date) -> ReportFacts:
    """Everything the summary states, as of ``today``."""
    journal = models.Journal.get_by_id(1)
    courses = queries.courses()
    count = models.ShedCount
    first_count, last_count = count.select(pw.fn.MIN(count.date), pw.fn.MAX(count.date)).scalar(
        as_tuple=True
    )
    return ReportFacts(
        made_on=today,
        title=journal.title,
        condition=Condition(journal.condition),
        onset_on=journal.onset_on,
        birth_year=journal.birth_year,
        notes=journal.notes,
        courses=tuple(courses),
        current=queries.current_course(courses, today),
        sessions=_oldest_first(models.Session),
        events=_oldest_first(models.Event),
        figures=_oldest_first(models.Measurement),
        totals=queries.totals(),
        first_count_on=_date(first_count),
        last_count_on=_date(last_count),
    )


def _oldest_first(model: type[models.BaseModel]) -> tuple[Row, ...]:
    return tuple(reversed(listing.rows(model)))


def _date(value: object) -> dt.date | None:
    """MIN and MAX over a date column come back as text in SQLite."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
