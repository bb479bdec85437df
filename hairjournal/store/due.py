"""What is due today and this week: today's counts, scheduled scalp photos, the next session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hairjournal.core.enums import ScalpRegion, ShedProtocol
from hairjournal.core.protocols import guide
from hairjournal.store import models, queries

# Weeks since the first session of a course at which the scalp is photographed.
PHOTO_WEEKS = (0, 4, 8, 12, 24, 52)
STANDARD_VIEWS = (
    ScalpRegion.VERTEX,
    ScalpRegion.MIDLINE_PART,
    ScalpRegion.FRONTAL,
    ScalpRegion.TEMPORAL_LEFT,
    ScalpRegion.TEMPORAL_RIGHT,
)
IN_USE_DAYS = 7  # a daily protocol counted this recently is expected today as well
# (a series protocol's run is never longer than this)


@dataclass(frozen=True)
class CountDue:
    """Today's count of one protocol: its value once counted, else None."""

    protocol: ShedProtocol
    value: int | None

    @property
    def done(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class PhotoWeek:
    """One week of the photo schedule and the regions expected in it."""

    week: int
    first: dt.date
    last: dt.date
    regions: tuple[ScalpRegion, ...]
    taken: tuple[ScalpRegion, ...]  # regions already photographed within the week

    @property
    def missing(self) -> tuple[ScalpRegion, ...]:
        return tuple(region for region in self.regions if region not in self.taken)


@dataclass(frozen=True)
class Due:
    today: dt.date
    counts: tuple[CountDue, ...]
    photo_course: queries.CourseWeek | None  # the course the photo schedule follows
    photos: PhotoWeek | None  # this week's photos, when today falls in a photo week
    next_photos: PhotoWeek | None  # otherwise the next photo week, if the schedule has one
    next_session: queries.PlannedSession | None


def due(today: dt.date, include: Iterable[ShedProtocol] = ()) -> Due:
    """What is due on ``today``; protocols in ``include`` are listed even if not in use."""
    all_courses = queries.courses()
    current = queries.current_course(all_courses, today)
    photos = next_photos = None
    if current is not None and current.days >= 0:
        photos, next_photos = photo_weeks(current, today)
    return Due(
        today=today,
        counts=counts_due(today, include),
        photo_course=current if current is not None and current.days >= 0 else None,
        photos=photos,
        next_photos=next_photos,
        next_session=queries.next_planned_session(all_courses),
    )


def counts_due(today: dt.date, include: Iterable[ShedProtocol] = ()) -> tuple[CountDue, ...]:
    """Today's count per protocol in use, counted or not.

    A daily protocol is in use if it was counted in the last ``IN_USE_DAYS`` days. A protocol
    run as a series on consecutive days (the wash test) is due while a series is under way.
    Any protocol counted today is listed as done.
    """
    count = models.ShedCount
    since = today - dt.timedelta(days=IN_USE_DAYS)
    rows = count.select(count.date, count.protocol, count.value).where(
        count.date.between(since, today)
    )
    counted: dict[ShedProtocol, dict[dt.date, int]] = {}
    for day, protocol, value in rows.tuples():
        counted.setdefault(ShedProtocol(protocol), {})[day] = value
    wanted = set(include)
    for protocol, days in counted.items():
        rule = guide(protocol)
        if today in days or (rule.daily and days):
            wanted.add(protocol)
        elif rule.series_days is not None:
            run = _run_ending(days, today - dt.timedelta(days=1))
            if 0 < run < rule.series_days:
                wanted.add(protocol)
    return tuple(
        CountDue(protocol, counted.get(protocol, {}).get(today))
        for protocol in ShedProtocol
        if protocol in wanted
    )


def _run_ending(days: dict[dt.date, int], last: dt.date) -> int:
    """How many consecutive counted days end on ``last``."""
    run = 0
    while last - dt.timedelta(days=run) in days:
        run += 1
    return run


def photo_weeks(
    current: queries.CourseWeek, today: dt.date
) -> tuple[PhotoWeek | None, PhotoWeek | None]:
    """This week's photos if today is in a photo week, else the next photo week (or None)."""
    week = current.week
    if week in PHOTO_WEEKS:
        return _photo_week(current.anchor, week), None
    later = [w for w in PHOTO_WEEKS if w > week]
    if not later:
        return None, None
    return None, _photo_week(current.anchor, later[0])


def _photo_week(anchor: dt.date, week: int) -> PhotoWeek:
    first = anchor + dt.timedelta(days=7 * week)
    last = first + dt.timedelta(days=6)
    photo = models.Photo
    taken_at_all = {ScalpRegion(code) for (code,) in photo.select(photo.region).distinct().tuples()}
    in_week = (
        photo.select(photo.region)
        .distinct()
        .where(
            (photo.taken_at >= dt.datetime.combine(first, dt.time.min))
            & (photo.taken_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
        )
    )
    taken = {ScalpRegion(code) for (code,) in in_week.tuples()}
    expected = set(taken_at_all)
    if week == 0 or not expected:
        expected |= set(STANDARD_VIEWS)
    return PhotoWeek(
        week=week,
        first=first,
        last=last,
        regions=tuple(region for region in ScalpRegion if region in expected),
        taken=tuple(region for region in ScalpRegion if region in taken),
    )
