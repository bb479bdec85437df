"""Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    """Keep the newest backup of each of the ``count`` most recent periods that have one."""

    name: str
    count: int
    period: Callable[[dt.datetime], Hashable]


def _day(taken: dt.datetime) -> Hashable:
    return taken.date()


def _week(taken: dt.datetime) -> Hashable:
    year, week, _weekday = taken.isocalendar()
    return (year, week)


def _month(taken: dt.datetime) -> Hashable:
    return (taken.year, taken.month)


DAILY = Tier("daily", 7, _day)
WEEKLY = Tier("weekly", 4, _week)
MONTHLY = Tier("monthly", 12, _month)
TIERS = (DAILY, WEEKLY, MONTHLY)
MOST_KEPT = sum(tier.count for tier in TIERS)


def newest_per_period(times: Iterable[dt.datetime], tier: Tier) -> list[dt.datetime]:
    """The newest time in each of ``tier``'s most recent periods, newest first."""
    kept: list[dt.datetime] = []
    seen: set[Hashable] = set()
    for taken in sorted(set(times), reverse=True):
        period = tier.period(taken)
        if period in seen:
            continue
        seen.add(period)
        kept.append(taken)
        if len(kept) == tier.count:
            break
    return kept


def backups_to_keep(
    times: Iterable[dt.datetime], tiers: Iterable[Tier] = TIERS
) -> set[dt.datetime]:
    """The times, of those given, whose backups are kept; every other one may be deleted.

    Each tier is applied on its own and the results are joined, so a backup that is the newest
    of its day, week and month counts for all three. The newest backup is always kept.
    """
    times = list(times)
    kept: set[dt.datetime] = set()
    for tier in tiers:
        kept.update(newest_per_period(times, tier))
    if times:
        kept.add(max(times))
    return kept
