"""Rolling means, baselines, percent change with a bootstrap interval, and weeks since an anchor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

WINDOW_DAYS = 7
MIN_DAYS_IN_WINDOW = 4  # of the 7 calendar days, so one missed day or three do not end the line
BASELINE_DAYS = 14
RESAMPLES = 2000
_CHUNK = 256  # resamples drawn at a time, so memory stays bounded for long series


@dataclass(frozen=True)
class Change:
    """A percent change from baseline with its 95 % bootstrap confidence interval."""

    percent: float
    low: float
    high: float


def rolling_mean(
    days: Sequence[dt.date],
    values: Sequence[float],
    window: int = WINDOW_DAYS,
    min_days: int = MIN_DAYS_IN_WINDOW,
) -> list[tuple[dt.date, float]]:
    """The mean over the ``window`` calendar days ending on each day from the first to the last.

    Days without a value are left out, never counted as zero; several values on one day are
    averaged into that day first. A day gets a mean only when at least ``min_days`` of the
    ``window`` days ending on it have a value, so the line stops over long gaps.
    """
    if len(days) != len(values):
        raise ValueError(f"{len(days)} days but {len(values)} values")
    if window < 1 or not 1 <= min_days <= window:
        raise ValueError(f"a window of {window} days cannot need {min_days} days with a value")
    if not days:
        return []
    first = min(days)
    span = (max(days) - first).days + 1
    sums = np.zeros(span)
    counts = np.zeros(span)
    for day, value in zip(days, values, strict=True):
        sums[(day - first).days] += value
        counts[(day - first).days] += 1
    has_value = counts > 0
    daily = np.divide(sums, counts, out=np.zeros(span), where=has_value)
    # Window sums by cumulative sums: the window ending on day i covers days i-window+1 .. i.
    total = np.concatenate(([0.0], np.cumsum(daily)))
    present = np.concatenate(([0], np.cumsum(has_value)))
    ends = np.arange(1, span + 1)
    starts = np.maximum(ends - window, 0)
    window_sums = total[ends] - total[starts]
    window_counts = present[ends] - present[starts]
    chosen = np.flatnonzero(window_counts >= min_days)
    if not chosen.size:
        return []
    # The mean of a window is clamped to its own values, so rounding never leaves that range.
    # Each window's values, missing days as NaN, padded so the first windows are whole too.
    padded = np.concatenate((np.full(window - 1, np.nan), np.where(has_value, daily, np.nan)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, window)[chosen]
    means = window_sums[chosen] / window_counts[chosen]
    means = np.clip(means, np.nanmin(windows, axis=1), np.nanmax(windows, axis=1))
    first_day = np.datetime64(first, "D")
    days_out = (first_day + chosen.astype("timedelta64[D]")).astype(object)
    return list(zip(days_out.tolist(), means.tolist(), strict=True))


def values_between(
    counts: Iterable[tuple[dt.date, float]], start: dt.date, end: dt.date
) -> list[float]:
    """The values dated from ``start`` to ``end``, both included (a span the user picked)."""
    if end < start:
        raise ValueError(f"the span ends ({end}) before it starts ({start})")
    return [float(value) for day, value in counts if start <= day <= end]


def baseline_span(
    first_session: dt.date | None,
    picked: tuple[dt.date, dt.date] | None = None,
    days: int = BASELINE_DAYS,
) -> tuple[dt.date, dt.date] | None:
    """The first and last day a course is compared with, both included.

    The span the user ``picked`` when there is one, else the ``days`` days before the first
    session (the session's own day excluded); None when there is neither.
    """
    if days < 1:
        raise ValueError(f"a baseline needs at least one day, not {days}")
    if picked is not None:
        start, end = picked
        if end < start:
            raise ValueError(f"the baseline ends ({end}) before it starts ({start})")
        return start, end
    if first_session is None:
        return None
    return first_session - dt.timedelta(days=days), first_session - dt.timedelta(days=1)


def percent_change(
    current: Sequence[float],
    baseline: Sequence[float],
    *,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Change:
    """The change of the mean of ``current`` from the mean of ``baseline``, in percent.

    The 95 % interval is a percentile bootstrap: both samples are resampled with replacement,
    independently, ``resamples`` times, with a generator seeded by ``seed`` (the same input and
    seed always give the same interval). Values must be zero or more. A resample whose baseline
    mean is zero (possible when the baseline holds zeros) counts as an unbounded rise, so the
    interval's upper end can be infinite: the data cannot bound it.
    """
    now = np.asarray(current, dtype=float)
    before = np.asarray(baseline, dtype=float)
    if now.size == 0:
        raise ValueError("no current values to compare with the baseline")
    if before.size == 0:
        raise ValueError("no baseline values: record some days before the first session")
    if not (np.all(np.isfinite(now)) and np.all(np.isfinite(before))):
        raise ValueError("values must be finite numbers")
    if np.any(now < 0) or np.any(before < 0):
        raise ValueError("values must be zero or more")
    if before.mean() == 0:
        raise ValueError("the baseline mean is zero, so a percent change from it has no meaning")
    if resamples < 1:
        raise ValueError(f"at least one resample is needed, not {resamples}")
    percent = float((now.mean() / before.mean() - 1.0) * 100.0)
    rng = np.random.default_rng(seed)
    changes = np.empty(resamples)
    for start in range(0, resamples, _CHUNK):
        size = min(_CHUNK, resamples - start)
        now_means = now[rng.integers(0, now.size, size=(size, now.size))].mean(axis=1)
        before_means = before[rng.integers(0, before.size, size=(size, before.size))].mean(axis=1)
        # A tiny baseline mean overflows to an infinite rise, which is what it is.
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ratio = np.where(before_means > 0, now_means / before_means, np.inf)
            changes[start : start + size] = (ratio - 1.0) * 100.0
    # Interpolating between two infinite resamples gives NaN; the bound there is infinite.
    with np.errstate(invalid="ignore"):
        bounds = np.percentile(changes, [2.5, 97.5])
    low, high = np.nan_to_num(bounds, nan=np.inf, posinf=np.inf)
    return Change(percent=percent, low=float(low), high=float(high))


def weeks_since(day: dt.date, anchor: dt.date) -> float:
    """Weeks from ``anchor`` to ``day`` (negative before it); a datetime keeps its time of day."""
    if isinstance(day, dt.datetime) or isinstance(anchor, dt.datetime):
        return (_moment(day) - _moment(anchor)).total_seconds() / (7 * 86400)
    return (day - anchor).days / 7


def _moment(day: dt.date) -> dt.datetime:
    if isinstance(day, dt.datetime):
        return day.replace(tzinfo=None)
    return dt.datetime.combine(day, dt.time())
