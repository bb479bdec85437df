"""The numbers of the dashboard's Progress card: shedding now against baseline, bands, triggers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from hairjournal.core.enums import Condition, EventKind, ShedProtocol
from hairjournal.core.reference import Reference, band_at, bands_for
from hairjournal.core.statistics import (
    MIN_DAYS_IN_WINDOW,
    WINDOW_DAYS,
    Change,
    percent_change,
    values_between,
)
from hairjournal.store import models, queries

SHEDDING_METRIC = "shedding"  # the reference metric a shedding count would be set against
TRIGGER_LOOKBACK_DAYS = 183  # events of about the last six months
# Telogen shedding follows its trigger by about two to three months (evidence, telogen effluvium).
TRIGGER_WINDOW_DAYS = (60, 90)
TRIGGERS = frozenset(EventKind) - {EventKind.HAIR_PROCEDURE, EventKind.OTHER}


@dataclass(frozen=True)
class BandPosition:
    """Where a change sits against one source's band at the course's week."""

    source: str
    grade: str
    low: float
    high: float
    position: str  # "below", "within" or "above"


@dataclass(frozen=True)
class ProtocolProgress:
    """One protocol's last seven days against the fourteen days before the first session."""

    protocol: ShedProtocol
    recent_first: dt.date
    recent_last: dt.date
    recent: tuple[float, ...]
    baseline_first: dt.date | None  # None: no first session anchors a baseline, none picked
    baseline_last: dt.date | None
    baseline: tuple[float, ...]
    baseline_picked: bool  # the user's own span, not the 14 days before the first session
    change: Change | None  # None when either side has too few days
    bands: tuple[BandPosition, ...]  # empty: no published figures for this week

    @property
    def recent_mean(self) -> float | None:
        return sum(self.recent) / len(self.recent) if self.recent else None

    @property
    def baseline_mean(self) -> float | None:
        return sum(self.baseline) / len(self.baseline) if self.baseline else None


@dataclass(frozen=True)
class Trigger:
    """An event that can set off shedding, and the days it would be expected to show."""

    kind: EventKind
    started_on: dt.date
    expected_first: dt.date
    expected_last: dt.date


@dataclass(frozen=True)
class Progress:
    today: dt.date
    condition: Condition
    current: queries.CourseWeek | None
    protocols: tuple[ProtocolProgress, ...]  # the most-used protocol first
    triggers: tuple[Trigger, ...]  # oldest first


def progress(today: dt.date, *, reference: Reference | None = None) -> Progress:
    """The Progress card's numbers as of ``today`` (``reference``: the shipped data if None)."""
    condition = models.Journal.select(models.Journal.condition).scalar()
    current = queries.current_course(queries.courses(), today)
    protocols = tuple(
        _protocol_progress(protocol, today, condition, current, reference)
        for protocol in protocols_by_use()
    )
    return Progress(today, Condition(condition), current, protocols, triggers(today))


def protocols_by_use() -> list[ShedProtocol]:
    """The protocols with any count, the one with most counts first (ties: vocabulary order)."""
    count = models.ShedCount
    rows = count.select(count.protocol, pw.fn.COUNT(count.id)).group_by(count.protocol)
    used = {ShedProtocol(code): n for code, n in rows.tuples()}
    order = list(ShedProtocol)
    return sorted(used, key=lambda protocol: (-used[protocol], order.index(protocol)))


def triggers(today: dt.date) -> tuple[Trigger, ...]:
    """Events of the last six months that can set off shedding, with the expected window."""
    event = models.Event
    since = today - dt.timedelta(days=TRIGGER_LOOKBACK_DAYS)
    rows = (
        event.select(event.kind, event.started_on)
        .where(event.started_on.between(since, today) & event.kind.in_(list(TRIGGERS)))
        .order_by(event.started_on, event.id)
    )
    first, last = TRIGGER_WINDOW_DAYS
    return tuple(
        Trigger(
            EventKind(kind),
            started_on,
            started_on + dt.timedelta(days=first),
            started_on + dt.timedelta(days=last),
        )
        for kind, started_on in rows.tuples()
    )


def _protocol_progress(
    protocol: ShedProtocol,
    today: dt.date,
    condition: Condition,
    current: queries.CourseWeek | None,
    reference: Reference | None,
) -> ProtocolProgress:
    count = models.ShedCount
    recent_first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    span = None if current is None else current.course.baseline_span
    in_recent = count.date.between(recent_first, today)
    wanted = in_recent if span is None else in_recent | count.date.between(*span)
    rows = count.select(count.date, count.value).where((count.protocol == protocol) & wanted)
    counts = [(day, float(value)) for day, value in rows.tuples()]
    recent = values_between(counts, recent_first, today)
    before = [] if span is None else values_between(counts, *span)
    baseline_first, baseline_last = (None, None) if span is None else span
    change = None
    enough = min(len(recent), len(before)) >= MIN_DAYS_IN_WINDOW
    if enough and sum(before) > 0:
        change = percent_change(recent, before)
    bands: tuple[BandPosition, ...] = ()
    if change is not None and current is not None:
        bands = _band_positions(condition, current, change, reference)
    return ProtocolProgress(
        protocol,
        recent_first,
        today,
        tuple(recent),
        baseline_first,
        baseline_last,
        tuple(before),
        current is not None and current.course.picked_baseline is not None,
        change,
        bands,
    )


def _band_positions(
    condition: Condition,
    current: queries.CourseWeek,
    change: Change,
    reference: Reference | None,
) -> tuple[BandPosition, ...]:
    """The treatment arms' bands for shedding at the course's week, with where the change sits."""
    found = []
    bands = bands_for(condition, current.course.kind, SHEDDING_METRIC, reference=reference)
    for band in bands:
        value = band_at(band, current.week)
        if band.placebo or band.unit != "percent" or value is None:
            continue
        if change.percent < value.low:
            position = "below"
        elif change.percent > value.high:
            position = "above"
        else:
            position = "within"
        found.append(BandPosition(band.source, band.grade, value.low, value.high, position))
    return tuple(found)
