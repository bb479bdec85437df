"""The Progress card's sentences: shedding against baseline, bands, photo limits and triggers."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from hairjournal.core.statistics import MIN_DAYS_IN_WINDOW, Change
from hairjournal.store.progress import ProtocolProgress, Trigger
from hairjournal.store.queries import CourseWeek
from hairjournal.ui.date_text import MONTHS, day_text

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


def baseline_name(shed: ProtocolProgress) -> str:
    """What the baseline is: the user's own days, or the 14 days before the first session."""
    return "your baseline" if shed.baseline_picked else "the 14 days before the first session"


def mean_text(values: tuple[float, ...], first: dt.date, last: dt.date) -> str:
    """'78.4 (7 of 7 days counted)' or 'no counts (of 14 days)'."""
    days = (last - first).days + 1
    if not values:
        return f"no counts (of {_days(days)})"
    return f"{sum(values) / len(values):.1f} ({len(values)} of {_days(days)} counted)"


def change_text(shed: ProtocolProgress) -> str:
    """'24 % lower (95 % interval 14 % to 34 % lower)'; see ``missing_text`` when there is none."""
    if shed.change is None:
        return ""
    return f"{signed(shed.change.percent)} (95 % interval {interval_text(shed.change)})"


def missing_text(shed: ProtocolProgress, current: CourseWeek | None) -> str:
    """Why a protocol has no change to show, in words; "" when it has one."""
    if shed.change is not None:
        return ""
    if current is None:
        return "No treatment course is recorded, so there is no baseline to compare with."
    if shed.baseline_first is None or shed.baseline_last is None:
        return (
            f"No session of {current.course.kind.label} is recorded yet; the baseline is the 14 "
            "days before the first session (or days you pick for the course)."
        )
    sides = ((shed.recent, "the last 7 days"), (shed.baseline, baseline_name(shed)))
    short = [where for counted, where in sides if len(counted) < MIN_DAYS_IN_WINDOW]
    if short:
        return (
            f"Too few days counted in {' and in '.join(short)} to compare: at least "
            f"{MIN_DAYS_IN_WINDOW} are needed in each."
        )
    return "The baseline counts are all zero, so no change can be given."


@dataclass(frozen=True)
class ProgressRow:
    """One way of counting as the Progress table shows it (the card, and the PDF summary)."""

    label: str
    recent: str
    baseline: str  # "" when there is no baseline
    change: str  # the change with its interval, or why there is none
    bands: str  # "" when there is no change to set against published figures

    @property
    def has_change(self) -> bool:
        return bool(self.bands)


def progress_row(shed: ProtocolProgress, current: CourseWeek | None) -> ProgressRow:
    recent = mean_text(shed.recent, shed.recent_first, shed.recent_last)
    before = ""
    if shed.baseline_first is not None and shed.baseline_last is not None:
        before = mean_text(shed.baseline, shed.baseline_first, shed.baseline_last)
    if shed.change is None:
        return ProgressRow(shed.protocol.label, recent, before, missing_text(shed, current), "")
    return ProgressRow(shed.protocol.label, recent, before, change_text(shed), band_text(shed))


def band_text(shed: ProtocolProgress) -> str:
    """Where the change sits against published figures at the course's week, or that none exist."""
    if not shed.bands:
        return _sentence_case(NO_FIGURES)
    parts = [
        f"{band.position} the range reported by {band.source}, grade {band.grade} "
        f"({band.low:g} % to {band.high:g} %)"
        for band in shed.bands
    ]
    return _sentence_case("; ".join(parts))


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


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
