"""The Progress card's sentences: shedding against baseline, bands, photo limits and triggers."""

from __future__ import annotations

import math

from hairjournal.core.statistics import MIN_DAYS_IN_WINDOW, Change
from hairjournal.store.progress import ProtocolProgress, Trigger
from hairjournal.store.queries import CourseWeek
from hairjournal.ui.date_text import MONTHS, day_text, span_text

NO_FIGURES = "no published figures for this week"
PHOTO_LIMIT = (
    "Photos cannot show changes under about 22 %: dermatologists needed about a 22 % difference "
    "in density to tell two photos apart (Buontempo et al.). Counts show smaller changes."
)
DISCLAIMER = (
    "The evidence is thin and no exosome product is approved. This app compares your numbers "
    "with published ones; it does not judge whether a treatment works."
)


def signed(percent: float) -> str:
    """'25 % lower', '12 % higher' or 'no change', for a change rounded to a whole percent."""
    if math.isinf(percent):
        return "unboundedly higher"
    rounded = round(abs(percent))
    if rounded == 0:
        return "no change"
    return f"{rounded} % {'lower' if percent < 0 else 'higher'}"


def interval_text(change: Change) -> str:
    """'19 % to 31 % lower', '4 % lower to 10 % higher': the nearer end first on one side."""
    if change.high < 0:
        return f"{round(-change.high)} % to {signed(change.low)}"
    if change.low > 0 and not math.isinf(change.high):
        return f"{round(change.low)} % to {signed(change.high)}"
    if change.low > 0:
        return f"{signed(change.low)} or more, with no upper bound"
    if math.isinf(change.high):
        return f"from {signed(change.low)} upwards, with no upper bound"
    return f"{signed(change.low)} to {signed(change.high)}"


def comparison_text(shed: ProtocolProgress, current: CourseWeek | None) -> str:
    """The protocol's 7-day mean against its baseline, or what is missing for that."""
    name = shed.protocol.label
    if shed.change is not None:
        assert shed.recent_mean is not None
        assert shed.baseline_mean is not None
        return (
            f"{name}: 7-day mean {shed.recent_mean:.0f} against {shed.baseline_mean:.0f} before "
            f"the first session: {signed(shed.change.percent)} "
            f"(95 % interval {interval_text(shed.change)})"
        )
    if current is None:
        return f"{name}: no treatment course is recorded, so there is no baseline to compare with."
    if shed.baseline_first is None or shed.baseline_last is None:
        return (
            f"{name}: no session of {current.course.kind.label} is recorded yet; the baseline is "
            "the 14 days before the first session."
        )
    missing = []
    days = len(shed.recent)
    if days < MIN_DAYS_IN_WINDOW:
        when = span_text(shed.recent_first, shed.recent_last)
        missing.append(f"{_days(days)} counted in the last 7 days ({when})")
    days = len(shed.baseline)
    if days < MIN_DAYS_IN_WINDOW:
        when = span_text(shed.baseline_first, shed.baseline_last)
        missing.append(f"{_days(days)} counted in the 14 days before the first session ({when})")
    if missing:
        return (
            f"{name}: not enough counts to compare: {' and '.join(missing)}; "
            f"at least {MIN_DAYS_IN_WINDOW} are needed in each."
        )
    return f"{name}: the counts before the first session are all zero, so no change can be given."


def band_text(shed: ProtocolProgress, current: CourseWeek) -> str:
    """Where the change sits against published figures at the course's week, or that none exist."""
    where = f"At week {current.week} of {current.course.kind.label}"
    if not shed.bands:
        return f"{where}: {NO_FIGURES}."
    parts = [
        f"{band.position} the range reported by {band.source}, grade {band.grade}"
        for band in shed.bands
    ]
    return f"{where}: {'; '.join(parts)}."


def trigger_text(trigger: Trigger) -> str:
    """'Illness or fever on 3 Jun 2026: shedding from it would be expected from about ...'."""
    first, last = trigger.expected_first, trigger.expected_last
    window = day_text(first)
    if first.year == last.year:
        window = f"{first.day} {MONTHS[first.month - 1]}"
    return (
        f"{trigger.kind.label} on {day_text(trigger.started_on)}: shedding from it would be "
        f"expected from about {window} to {day_text(last)}"
    )


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
