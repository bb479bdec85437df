"""Read-only questions the window asks of the bound journal, answered as plain values.

Each function aggregates in SQL and fetches only what is shown. The models must be bound to an
open journal (``store.journal.open_journal``) when they are called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from hairjournal.core.enums import Condition, ShedProtocol, TreatmentKind
from hairjournal.core.statistics import baseline_span
from hairjournal.store import models

STRIP_DAYS = 14  # the dashboard's strip of recent shedding counts


@dataclass(frozen=True)
class Course:
    """A course of treatment with a summary of its sessions."""

    id: int
    kind: TreatmentKind
    product: str
    started_on: dt.date
    stopped_on: dt.date | None
    next_session_on: dt.date | None
    session_count: int
    first_session_on: dt.date | None
    last_session_on: dt.date | None
    dose: str = ""
    baseline_from: dt.date | None = None  # a baseline the user picked; None: the default one
    baseline_to: dt.date | None = None

    @property
    def picked_baseline(self) -> tuple[dt.date, dt.date] | None:
        if self.baseline_from is None or self.baseline_to is None:
            return None
        return self.baseline_from, self.baseline_to

    @property
    def baseline_span(self) -> tuple[dt.date, dt.date] | None:
        """The days this course is compared with (``core.statistics.baseline_span``)."""
        return baseline_span(self.first_session_on, self.picked_baseline)


@dataclass(frozen=True)
class CourseWeek:
    """Where today falls in a course: counted from its first session, else from its start."""

    course: Course
    anchor: dt.date
    from_first_session: bool
    days: int  # days from the anchor to today; negative if the anchor is still to come

    @property
    def week(self) -> int:
        """Whole weeks elapsed since the anchor (0 in the first seven days), as studies count."""
        return self.days // 7


@dataclass(frozen=True)
class DayCount:
    """One calendar day of the strip; ``value`` is None when nothing was counted that day."""

    day: dt.date
    value: int | None
    wash_day: bool


@dataclass(frozen=True)
class ProtocolDays:
    """One protocol's row of the strip: one ``DayCount`` per calendar day, oldest first."""

    protocol: ShedProtocol
    days: tuple[DayCount, ...]


@dataclass(frozen=True)
class SavedCount:
    """A shedding count already in the journal."""

    id: int
    day: dt.date
    protocol: ShedProtocol
    value: int
    wash_day: bool
    notes: str


@dataclass(frozen=True)
class PlannedSession:
    course: Course
    on: dt.date


@dataclass(frozen=True)
class Totals:
    """How many records of each kind the journal holds."""

    sessions: int
    shed_counts: int
    checkins: int
    events: int
    measurements: int
    photos: int


@dataclass(frozen=True)
class Dashboard:
    title: str
    condition: Condition
    onset_on: dt.date | None
    today: dt.date
    courses: tuple[Course, ...]
    current: CourseWeek | None
    last_count_on: dt.date | None
    next_session: PlannedSession | None
    totals: Totals


def dashboard(today: dt.date | None = None) -> Dashboard:
    """Everything the dashboard shows, as of ``today`` (default: the computer's date)."""
    today = today or dt.date.today()
    journal = models.Journal.select(
        models.Journal.title, models.Journal.condition, models.Journal.onset_on
    ).get()
    all_courses = courses()
    current = current_course(all_courses, today)
    return Dashboard(
        title=journal.title,
        condition=journal.condition,
        onset_on=journal.onset_on,
        today=today,
        courses=tuple(all_courses),
        current=current,
        last_count_on=last_count_on(today),
        next_session=next_planned_session(all_courses),
        totals=totals(),
    )


def journal_title() -> str:
    return models.Journal.select(models.Journal.title).scalar()


def courses() -> list[Course]:
    """Every course, oldest first, with its session count and first and last session dates."""
    treatment, session = models.Treatment, models.Session
    query = (
        treatment.select(
            treatment.id,
            treatment.kind,
            treatment.product,
            treatment.started_on,
            treatment.stopped_on,
            treatment.next_session_on,
            pw.fn.COUNT(session.id),
            pw.fn.MIN(session.date),
            pw.fn.MAX(session.date),
            treatment.dose,
            treatment.baseline_from,
            treatment.baseline_to,
        )
        .join(session, pw.JOIN.LEFT_OUTER)
        .group_by(treatment.id)
        .order_by(treatment.started_on, treatment.id)
    )
    return [Course(*row) for row in query.tuples()]


def current_course(all_courses: list[Course], today: dt.date) -> CourseWeek | None:
    """The course with the most recent session; if none has sessions, the latest started."""
    with_sessions = [c for c in all_courses if c.last_session_on is not None]
    if with_sessions:
        course = max(with_sessions, key=lambda c: (c.last_session_on, c.started_on, c.id))
        anchor, from_first_session = course.first_session_on, True
    elif all_courses:
        course = max(all_courses, key=lambda c: (c.started_on, c.id))
        anchor, from_first_session = course.started_on, False
    else:
        return None
    assert anchor is not None
    return CourseWeek(course, anchor, from_first_session, (today - anchor).days)


def _counted_in_strip(today: dt.date) -> dict[tuple[ShedProtocol, dt.date], tuple[int, bool]]:
    count = models.ShedCount
    strip_start = today - dt.timedelta(days=STRIP_DAYS - 1)
    rows = count.select(count.date, count.protocol, count.value, count.wash_day).where(
        count.date.between(strip_start, today)
    )
    return {
        (protocol, day): (value, bool(wash_day)) for day, protocol, value, wash_day in rows.tuples()
    }


def _strip_row(
    counted: dict[tuple[ShedProtocol, dt.date], tuple[int, bool]],
    protocol: ShedProtocol,
    strip_start: dt.date,
) -> tuple[DayCount, ...]:
    days = (strip_start + dt.timedelta(days=n) for n in range(STRIP_DAYS))
    return tuple(DayCount(day, *counted.get((protocol, day), (None, False))) for day in days)


def strip(today: dt.date, include: Iterable[ShedProtocol] = ()) -> tuple[ProtocolDays, ...]:
    """The last ``STRIP_DAYS`` days, oldest first, of each protocol counted in them.

    Protocols in ``include`` are listed even when they were not counted (all days missing).
    """
    counted = _counted_in_strip(today)
    strip_start = today - dt.timedelta(days=STRIP_DAYS - 1)
    wanted = {protocol for protocol, _day in counted} | set(include)
    return tuple(
        ProtocolDays(protocol, _strip_row(counted, protocol, strip_start))
        for protocol in ShedProtocol
        if protocol in wanted
    )


def shed_count_on(day: dt.date, protocol: ShedProtocol) -> SavedCount | None:
    """The count of ``protocol`` on ``day``, if there is one (there is at most one)."""
    count = models.ShedCount
    row = (
        count.select(count.id, count.value, count.wash_day, count.notes)
        .where((count.date == day) & (count.protocol == protocol))
        .tuples()
        .first()
    )
    if row is None:
        return None
    record_id, value, wash_day, notes = row
    return SavedCount(record_id, day, protocol, value, bool(wash_day), notes)


def checkin_id_on(day: dt.date) -> int | None:
    """The id of the check-in on ``day``, if there is one (there is at most one)."""
    return models.Checkin.select(models.Checkin.id).where(models.Checkin.date == day).scalar()


def latest_protocol() -> ShedProtocol | None:
    """The protocol of the most recent count, as a first guess at the one a person uses."""
    count = models.ShedCount
    code = (
        count.select(count.protocol).order_by(count.date.desc(), count.id.desc()).limit(1).scalar()
    )
    return None if code is None else ShedProtocol(code)


def last_count_on(today: dt.date) -> dt.date | None:
    """The latest day up to ``today`` with any shedding count."""
    count = models.ShedCount
    return count.select(pw.fn.MAX(count.date)).where(count.date <= today).scalar()


def next_planned_session(all_courses: list[Course]) -> PlannedSession | None:
    """The earliest planned session among courses that have not stopped."""
    planned = [
        PlannedSession(c, c.next_session_on)
        for c in all_courses
        if c.next_session_on is not None and c.stopped_on is None
    ]
    return min(planned, key=lambda p: (p.on, p.course.id), default=None)


def totals() -> Totals:
    """Counts of every kind of record, in one round trip."""

    def count(model: type[models.BaseModel]) -> pw.Select:
        return model.select(pw.fn.COUNT(pw.SQL("*")))

    query = pw.Select(
        columns=[
            count(models.Session),
            count(models.ShedCount),
            count(models.Checkin),
            count(models.Event),
            count(models.Measurement),
            count(models.Photo),
        ]
    ).bind(models.database)
    return Totals(*query.tuples()[0])
