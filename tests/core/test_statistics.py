"""Rolling means, baselines, percent change with its bootstrap interval, and weeks since."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hairjournal.core.statistics import (
    Change,
    baseline_span,
    percent_change,
    rolling_mean,
    values_between,
    weeks_since,
)

START = dt.date(2026, 1, 1)
counts = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.5, max_value=1000, allow_nan=False, allow_infinity=False)


@st.composite
def series(draw: st.DrawFn) -> tuple[list[dt.date], list[float]]:
    offsets = draw(st.lists(st.integers(0, 60), min_size=1, max_size=40))
    values = draw(st.lists(counts, min_size=len(offsets), max_size=len(offsets)))
    return [START + dt.timedelta(days=n) for n in offsets], values


@given(st.lists(st.integers(0, 60), min_size=4, max_size=40, unique=True), counts)
def test_rolling_mean_of_a_constant_is_the_constant(offsets: list[int], value: float) -> None:
    days = [START + dt.timedelta(days=n) for n in offsets]
    for _day, mean in rolling_mean(days, [value] * len(days)):
        assert mean == pytest.approx(value)


@given(series())
def test_rolling_mean_lies_within_its_window(data: tuple[list[dt.date], list[float]]) -> None:
    days, values = data
    for day, mean in rolling_mean(days, values):
        window = [v for d, v in zip(days, values, strict=True) if 0 <= (day - d).days < 7]
        assert len({d for d in days if 0 <= (day - d).days < 7}) >= 4
        assert min(window) <= mean <= max(window)


def test_missing_days_are_not_zero_and_a_window_needs_four_days() -> None:
    days = [START + dt.timedelta(days=n) for n in (0, 1, 2, 3, 10)]
    means = dict(rolling_mean(days, [10, 20, 30, 40, 50]))
    assert means == {START + dt.timedelta(days=n): 25.0 for n in (3, 4, 5, 6)}


def test_several_values_on_one_day_are_averaged_first() -> None:
    days = [START, START, START + dt.timedelta(days=1), START + dt.timedelta(days=2)]
    days.append(START + dt.timedelta(days=3))
    means = rolling_mean(days, [0, 20, 10, 10, 10])
    assert means == [(START + dt.timedelta(days=3), 10.0)]


def test_rolling_mean_refuses_mismatched_input() -> None:
    with pytest.raises(ValueError, match="2 days but 1 values"):
        rolling_mean([START, START], [1.0])
    assert rolling_mean([], []) == []


def test_baseline_is_the_fourteen_days_before_the_first_session() -> None:
    first = dt.date(2026, 3, 1)
    log = [(first - dt.timedelta(days=n), float(n)) for n in range(0, 20)]
    span = baseline_span(first)
    assert span == (first - dt.timedelta(days=14), first - dt.timedelta(days=1))
    assert sorted(values_between(log, *span)) == [float(n) for n in range(1, 15)]
    short = baseline_span(first, days=3)
    assert short is not None
    assert sorted(values_between(log, *short)) == [1.0, 2.0, 3.0]
    assert baseline_span(None) is None  # no session yet: no baseline


def test_a_picked_baseline_is_taken_as_it_is() -> None:
    first = dt.date(2026, 3, 1)
    log = [(first - dt.timedelta(days=n), float(n)) for n in range(0, 20)]
    picked = (first - dt.timedelta(days=19), first - dt.timedelta(days=18))
    assert baseline_span(first, picked) == picked
    assert baseline_span(None, picked) == picked
    assert sorted(values_between(log, *picked)) == [18.0, 19.0]
    with pytest.raises(ValueError, match="ends"):
        baseline_span(first, (picked[1], picked[0]))
    with pytest.raises(ValueError, match="ends"):
        values_between(log, first, first - dt.timedelta(days=1))


def test_percent_change_of_known_samples() -> None:
    change = percent_change([12, 12, 12], [10, 10])
    assert change == Change(pytest.approx(20.0), pytest.approx(20.0), pytest.approx(20.0))
    falling = percent_change([5, 6, 7, 5], [10, 12, 9, 11, 10])
    assert falling.percent == pytest.approx((23 / 4) / (52 / 5) * 100 - 100)
    assert falling.low < falling.percent < falling.high < 0


@pytest.mark.parametrize(
    ("current", "before", "problem"),
    [
        ([], [1.0], "no current values"),
        ([1.0], [], "no baseline values"),
        ([1.0], [0.0, 0.0], "baseline mean is zero"),
        ([-1.0], [1.0], "zero or more"),
        ([math.nan], [1.0], "finite"),
    ],
)
def test_percent_change_refuses_what_it_cannot_answer(
    current: list[float], before: list[float], problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        percent_change(current, before)


@given(st.lists(counts, min_size=1, max_size=20))
def test_identical_samples_change_by_nothing(values: list[float]) -> None:
    assume(sum(values) > 0)
    change = percent_change(values, values, resamples=300)
    assert change.percent == pytest.approx(0.0, abs=1e-9)
    assert change.low <= 1e-9
    assert change.high >= -1e-9


@given(st.lists(counts, min_size=1, max_size=15), st.lists(positive, min_size=1, max_size=15))
def test_the_interval_contains_the_estimate(now: list[float], before: list[float]) -> None:
    change = percent_change(now, before, resamples=400)
    assert change.low <= change.percent + 1e-9
    assert change.percent <= change.high + 1e-9


@given(
    st.lists(counts, min_size=1, max_size=15),
    st.lists(positive, min_size=1, max_size=15),
    st.floats(min_value=0.01, max_value=100),
)
def test_scaling_both_samples_leaves_the_change(
    now: list[float], before: list[float], factor: float
) -> None:
    plain = percent_change(now, before, resamples=200, seed=3)
    scaled = percent_change(
        [v * factor for v in now], [v * factor for v in before], resamples=200, seed=3
    )
    for a, b in zip(
        (plain.percent, plain.low, plain.high),
        (scaled.percent, scaled.low, scaled.high),
        strict=True,
    ):
        assert b == pytest.approx(a, rel=1e-9, abs=1e-7)


@given(
    st.lists(counts, min_size=2, max_size=15),
    st.lists(positive, min_size=2, max_size=15),
    st.integers(0, 2**32),
)
def test_the_interval_is_the_same_for_the_same_seed(
    now: list[float], before: list[float], seed: int
) -> None:
    assert percent_change(now, before, seed=seed, resamples=300) == percent_change(
        now, before, seed=seed, resamples=300
    )


def test_another_seed_gives_another_interval() -> None:
    now, before = [3, 9, 4, 12, 7, 1], [5, 8, 6, 10, 2]
    assert percent_change(now, before, seed=1) != percent_change(now, before, seed=2)


def test_a_baseline_with_zeros_can_leave_the_interval_unbounded() -> None:
    change = percent_change([5.0, 6.0], [0.0, 0.0, 0.0, 1.0], resamples=2000)
    assert change.percent == pytest.approx(2100.0)
    assert change.high == math.inf
    assert math.isfinite(change.low)


def test_weeks_since() -> None:
    anchor = dt.date(2026, 1, 1)
    assert weeks_since(dt.date(2026, 1, 15), anchor) == 2
    assert weeks_since(dt.date(2025, 12, 28), anchor) == pytest.approx(-4 / 7)
    assert weeks_since(dt.datetime(2026, 1, 8, 12), anchor) == pytest.approx(1 + 0.5 / 7)


@given(st.dates(), st.dates())
def test_weeks_since_counts_days_over_seven(day: dt.date, anchor: dt.date) -> None:
    assert weeks_since(day, anchor) * 7 == pytest.approx((day - anchor).days)
