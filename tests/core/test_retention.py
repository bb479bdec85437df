"""Tiered retention: the newest of each of the last 7 days, 4 weeks and 12 months."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core.retention import (
    DAILY,
    MONTHLY,
    MOST_KEPT,
    TIERS,
    WEEKLY,
    backups_to_keep,
    newest_per_period,
)

times = st.lists(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    max_size=120,
)
# Many backups close together: several a day, over a few months.
dense_times = st.lists(
    st.integers(min_value=0, max_value=200 * 24 * 60).map(
        lambda minutes: dt.datetime(2026, 1, 1) + dt.timedelta(minutes=minutes)
    ),
    max_size=300,
)


@given(st.one_of(times, dense_times))
def test_the_newest_backup_is_always_kept(taken: list[dt.datetime]) -> None:
    kept = backups_to_keep(taken)
    if taken:
        assert max(taken) in kept


@given(st.one_of(times, dense_times))
def test_at_most_7_plus_4_plus_12_are_kept_and_only_ones_given(taken: list[dt.datetime]) -> None:
    kept = backups_to_keep(taken)
    assert len(kept) <= MOST_KEPT == 7 + 4 + 12
    assert kept <= set(taken)


@given(st.one_of(times, dense_times))
def test_the_newest_of_each_recent_day_week_and_month_is_kept(taken: list[dt.datetime]) -> None:
    kept = backups_to_keep(taken)
    for tier in TIERS:
        periods = sorted({tier.period(t) for t in taken}, reverse=True)[: tier.count]
        for period in periods:
            newest = max(t for t in taken if tier.period(t) == period)
            assert newest in kept, (tier.name, period)


@given(st.one_of(times, dense_times))
def test_nothing_is_kept_without_a_reason(taken: list[dt.datetime]) -> None:
    """Every kept backup is the newest of one of a tier's recent periods."""
    kept = backups_to_keep(taken)
    reasons = set().union(*(newest_per_period(taken, tier) for tier in TIERS))
    assert kept == reasons | ({max(taken)} if taken else set())


@given(st.one_of(times, dense_times))
def test_pruning_again_removes_nothing_more(taken: list[dt.datetime]) -> None:
    kept = backups_to_keep(taken)
    assert backups_to_keep(kept) == kept


@given(st.one_of(times, dense_times), st.datetimes(min_value=dt.datetime(2031, 1, 1)))
def test_a_newer_backup_is_kept_and_never_costs_more_than_one_per_tier(
    taken: list[dt.datetime], newer: dt.datetime
) -> None:
    before = backups_to_keep(taken)
    after = backups_to_keep([*before, newer])
    assert newer in after
    assert len(after) <= min(MOST_KEPT, len(before) + 1)


def test_a_year_of_daily_backups() -> None:
    start = dt.datetime(2025, 1, 1, 21, 30)
    taken = [start + dt.timedelta(days=n) for n in range(400)]  # to Wednesday 4 February 2026
    kept = {t.date() for t in backups_to_keep(taken)}
    days = {dt.date(2026, 1, 29) + dt.timedelta(days=n) for n in range(7)}
    # The newest of each of the 4 latest ISO weeks: 4 February and Sunday 1 February are
    # already kept as days.
    weeks = {dt.date(2026, 2, 4), dt.date(2026, 2, 1), dt.date(2026, 1, 25), dt.date(2026, 1, 18)}
    # The newest of each of the 12 latest months: 4 February and 31 January are days too.
    months = {dt.date(2026, 2, 4), dt.date(2026, 1, 31)} | {
        dt.date(2025, month + 1, 1) - dt.timedelta(days=1) for month in range(3, 12)
    }
    months.add(dt.date(2025, 12, 31))
    assert len(months) == 12
    assert kept == days | weeks | months
    assert len(kept) == 19


def test_several_backups_a_day_keep_the_last_of_each_day() -> None:
    day = dt.datetime(2026, 3, 10)
    taken = [day + dt.timedelta(hours=h) for h in (8, 12, 23)]
    taken += [day - dt.timedelta(days=1) + dt.timedelta(hours=h) for h in (9, 18)]
    assert backups_to_keep(taken) == {
        day.replace(hour=23),
        (day - dt.timedelta(days=1)).replace(hour=18),
    }


def test_tiers_are_as_documented() -> None:
    assert [(t.name, t.count) for t in TIERS] == [("daily", 7), ("weekly", 4), ("monthly", 12)]
    assert (DAILY, WEEKLY, MONTHLY) == TIERS
    assert backups_to_keep([]) == set()
