"""What the charts plot, read from the journal as numpy arrays and plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from hairjournal.core.enums import Condition, EventKind, MeasurementKind, ShedProtocol
from hairjournal.store import models
from hairjournal.store.course_queries import course_rows


@dataclass(frozen=True)
class ShedSeries:
    """One protocol's counts, oldest first: days as ``datetime64[D]``, values, wash-day flags."""

    protocol: ShedProtocol
    days: np.ndarray
    values: np.ndarray
    wash: np.ndarray


@dataclass(frozen=True)
class Series:
    """Values by day, oldest first; NaN where a day has no value."""

    days: np.ndarray
    values: np.ndarray


@dataclass(frozen=True)
class EventSpan:
    """An event from its first to its last day (the same day when it has no end)."""

    kind: EventKind
    first: dt.date
    last: dt.date
    notes: str


@dataclass(frozen=True)
class PhotoDay:
    """A day with photos, and their ids in the order they were taken."""

    day: dt.date
    photo_ids: tuple[int, ...]


@dataclass(frozen=True)
class Course:
    """A course of treatment and the day of its first session (None before any)."""

    id: int
    label: str
    kind: str
    first_session_on: dt.date | None
    baseline: tuple[dt.date, dt.date] | None = None  # the days compared with; None: none yet
    baseline_picked: bool = False  # by the user, rather than the 14 days before the first session


def _days(dates: list[dt.date]) -> np.ndarray:
    return np.array(dates, dtype="datetime64[D]")


def condition() -> Condition:
    """The condition the journal tracks."""
    return models.Journal.get_by_id(1).condition


def shed_series() -> list[ShedSeries]:
    """Every protocol that has counts, in the order the enum lists them."""
    count = models.ShedCount
    rows = count.select(count.protocol, count.date, count.value, count.wash_day)
    by_protocol: dict[ShedProtocol, list[tuple[dt.date, int, bool]]] = {}
    for protocol, day, value, wash in rows.order_by(count.date).tuples():
        by_protocol.setdefault(ShedProtocol(protocol), []).append((day, value, bool(wash)))
    series = []
    for protocol in ShedProtocol:
        found = by_protocol.get(protocol)
        if not found:
            continue
        days, values, wash = zip(*found, strict=True)
        series.append(
            ShedSeries(
                protocol,
                _days(list(days)),
                np.array(values, dtype=float),
                np.array(wash, dtype=bool),
            )
        )
    return series


def checkin_series() -> dict[str, Series]:
    """Density and quality from the check-ins (0-10), by the check-in's day."""
    checkin = models.Checkin
    rows = list(
        checkin.select(checkin.date, checkin.density, checkin.quality)
        .order_by(checkin.date)
        .tuples()
    )
    days = _days([row[0] for row in rows])
    return {
        name: Series(days, np.array([np.nan if r[i] is None else r[i] for r in rows], dtype=float))
        for i, name in ((1, "density"), (2, "quality"))
    }


def clinic_density() -> Series:
    """Clinic density per cm², one value a day (the mean where several sites were measured)."""
    figure = models.Measurement
    rows = (
        figure.select(figure.date, figure.value)
        .where(figure.kind == MeasurementKind.DENSITY_PER_CM2)
        .order_by(figure.date, figure.id)
        .tuples()
    )
    by_day: dict[dt.date, list[float]] = {}
    for day, value in rows:
        by_day.setdefault(day, []).append(value)
    return Series(_days(list(by_day)), np.array([np.mean(v) for v in by_day.values()], dtype=float))


def session_days() -> list[tuple[dt.date, int]]:
    """Every session's day and course id, oldest first."""
    session = models.Session
    query = session.select(session.date, session.treatment).order_by(session.date, session.id)
    return list(query.tuples())


def event_spans() -> list[EventSpan]:
    """Every event, oldest first."""
    event = models.Event
    query = event.select(event.kind, event.started_on, event.ended_on, event.notes)
    return [
        EventSpan(EventKind(kind), first, last or first, notes)
        for kind, first, last, notes in query.order_by(event.started_on, event.id).tuples()
    ]


def photo_days() -> list[PhotoDay]:
    """Each day with photos, oldest first; the thumbnails are not read."""
    photo = models.Photo
    by_day: dict[dt.date, list[int]] = {}
    for photo_id, taken in photo.select(photo.id, photo.taken_at).order_by(photo.taken_at).tuples():
        by_day.setdefault(taken.date(), []).append(photo_id)
    return [PhotoDay(day, tuple(ids)) for day, ids in by_day.items()]


def courses() -> list[Course]:
    """Every course, newest start first, labelled as a person would name it."""
    result = []
    for row in course_rows():
        label = row.kind.label + (f" ({row.product})" if row.product else "")
        result.append(
            Course(
                row.id,
                label,
                row.kind.value,
                row.first_session_on,
                row.baseline_span,
                row.picked_baseline is not None,
            )
        )
    return result
