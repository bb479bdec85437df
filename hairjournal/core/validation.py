"""Checks on what a person enters, in one place for the forms, the importer and the tests.

Each check returns problems in plain words, tied to the field they concern. An error refuses
the entry; a confirmation (an unusual but possible value) asks the person to confirm it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from hairjournal.core import limits
from hairjournal.core.enums import MeasurementKind, ShedProtocol
from hairjournal.core.limits import Limit


class Severity(Enum):
    ERROR = "error"
    CONFIRM = "confirm"


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Verdict:
    """All problems with one entry."""

    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def confirmations(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.CONFIRM)

    @property
    def ok(self) -> bool:
        return not self.problems

    def for_field(self, field: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.field == field)


def _date_problem(
    field: str, value: dt.date | None, today: dt.date, *, required: bool
) -> list[Problem]:
    if value is None:
        return [Problem(field, "Please give a date.")] if required else []
    if value > today:
        return [Problem(field, f"{_day(value)} is in the future; today is {_day(today)}.")]
    return []


def _number_problem(field: str, value: float | None, limit: Limit, noun: str) -> list[Problem]:
    if value is None:
        return []
    if not limit.allows(value):
        whole = "a whole number " if limit.whole else ""
        if limit.low_inclusive:
            span = f"from {_n(limit.low)} to {_n(limit.high)}"
        else:
            span = f"more than {_n(limit.low)} and at most {_n(limit.high)}"
        message = f"{noun[0].upper()}{noun[1:]} must be {whole}{span}, not {_n(value)}."
        return [Problem(field, message)]
    if limit.is_unusual(value):
        return [
            Problem(
                field,
                f"{_n(value)} is unusually high for {noun} (more than {_n(limit.usual_high)}). "
                "Save it anyway?",
                Severity.CONFIRM,
            )
        ]
    return []


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def _n(value: float | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,g}"


def _span_problem(start: dt.date | None, end: dt.date | None, end_field: str) -> list[Problem]:
    if start is not None and end is not None and end < start:
        return [Problem(end_field, "The end date is before the start date.")]
    return []


def validate_shed_count(
    day: dt.date | None, protocol: ShedProtocol, value: float | None, *, today: dt.date
) -> Verdict:
    problems = _date_problem("date", day, today, required=True)
    if value is None:
        problems.append(Problem("value", "Please enter the count."))
    elif value < 0:
        problems.append(Problem("value", "A count cannot be negative."))
    else:
        noun = "a grade" if protocol is ShedProtocol.VISUAL_SCALE else f"a {protocol.label.lower()}"
        problems += _number_problem("value", value, limits.SHED_COUNT[protocol], noun)
    return Verdict(tuple(problems))


def validate_checkin(
    day: dt.date | None, ratings: dict[str, int | None], *, today: dt.date
) -> Verdict:
    problems = _date_problem("date", day, today, required=True)
    for field, value in ratings.items():
        problems += _number_problem(field, value, limits.RATING, f"the {field} rating")
    return Verdict(tuple(problems))


def validate_event(start: dt.date | None, end: dt.date | None, *, today: dt.date) -> Verdict:
    problems = _date_problem("started_on", start, today, required=True)
    problems += _date_problem("ended_on", end, today, required=False)
    problems += _span_problem(start, end, "ended_on")
    return Verdict(tuple(problems))


def validate_treatment(
    started_on: dt.date | None,
    stopped_on: dt.date | None,
    next_session_on: dt.date | None,
    *,
    today: dt.date,
    baseline: tuple[dt.date, dt.date] | None = None,
) -> Verdict:
    problems = _date_problem("started_on", started_on, today, required=True)
    problems += _date_problem("stopped_on", stopped_on, today, required=False)
    problems += _span_problem(started_on, stopped_on, "stopped_on")
    if next_session_on is not None and started_on is not None and next_session_on < started_on:
        problems.append(Problem("next_session_on", "The next session is before the course starts."))
    if baseline is not None:
        first, last = baseline
        if last < first:
            problems.append(Problem("baseline", "The baseline ends before it starts."))
        elif last > today:
            problems.append(Problem("baseline", f"The baseline runs to {_day(last)}, after today."))
    return Verdict(tuple(problems))


def validate_session(
    day: dt.date | None,
    *,
    volume_ml: float | None = None,
    needle_depth_mm: float | None = None,
    pain: int | None = None,
    cost: float | None = None,
    today: dt.date,
) -> Verdict:
    problems = _date_problem("date", day, today, required=True)
    problems += _number_problem("volume_ml", volume_ml, limits.VOLUME_ML, "the volume (ml)")
    problems += _number_problem(
        "needle_depth_mm", needle_depth_mm, limits.NEEDLE_DEPTH_MM, "the needle depth (mm)"
    )
    problems += _number_problem("pain", pain, limits.RATING, "pain")
    problems += _number_problem("cost", cost, limits.COST, "the cost")
    return Verdict(tuple(problems))


def validate_measurement(
    day: dt.date | None, kind: MeasurementKind, value: float | None, *, today: dt.date
) -> Verdict:
    problems = _date_problem("date", day, today, required=True)
    if value is None:
        problems.append(Problem("value", "Please enter the figure."))
    else:
        problems += _number_problem("value", value, limits.MEASUREMENT[kind], kind.label.lower())
    return Verdict(tuple(problems))


# -- check-ins: one that says something ---------------------------------------------------------


def validate_checkin_entry(
    day: dt.date | None, ratings: dict[str, int | None], notes: str, *, today: dt.date
) -> Verdict:
    """``validate_checkin``, and a check-in must rate at least one thing or carry a note."""
    verdict = validate_checkin(day, ratings, today=today)
    if all(value is None for value in ratings.values()) and not notes.strip():
        empty = Problem("notes", "Rate at least one thing, or write a note.")
        verdict = Verdict((*verdict.problems, empty))
    return verdict
