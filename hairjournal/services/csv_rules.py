"""What each kind of imported row must satisfy (the forms' own checks) and when it is a duplicate.

A row is a duplicate when the journal (or an earlier row of the import) already holds the same
record: a course with the same kind, product and start; a shedding count with the same date,
way of counting and value; a check-in with the same date and the same ratings and notes; a
session, event or clinic figure with the same value in every column. A row that would take the
place of a different record the journal allows only once (a second daily total for a day with
another value, a second check-in for a day) is refused, so that neither is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hairjournal.core import validation
from hairjournal.core.enums import CellSource, MeasurementKind
from hairjournal.core.validation import Problem, Verdict
from hairjournal.services.csv_cells import CellError, stage_position
from hairjournal.services.csv_format import (
    CHECKINS,
    EVENTS,
    MEASUREMENTS,
    RATINGS,
    SESSIONS,
    SHED_COUNTS,
    TREATMENTS,
    RecordKind,
    Value,
)
from hairjournal.store.records import Values

Validator = Callable[[Values, dt.date], Verdict]


@dataclass(frozen=True)
class Rules:
    kind: RecordKind
    same: tuple[str, ...]  # the fields that make two records the same record
    slot: tuple[str, ...]  # fields the journal holds one record for at most (a unique index)
    validate: Validator

    @property
    def fields(self) -> list[str]:
        return [column.field for column in self.kind.columns if column.field]

    def key(self, values: Values, fields: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(_hashable(values[name]) for name in fields)


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _treatment(values: Values, today: dt.date) -> Verdict:
    verdict = validation.validate_treatment(
        values["started_on"], values["stopped_on"], values["next_session_on"], today=today
    )
    start, end = values["baseline_from"], values["baseline_to"]
    extra = []
    if (start is None) != (end is None):
        field = "baseline_to" if end is None else "baseline_from"
        extra.append(Problem(field, "A baseline needs both its first and its last day."))
    elif start is not None and end < start:
        extra.append(Problem("baseline_to", "The baseline ends before it starts."))
    return Verdict((*verdict.problems, *extra))


def _session(values: Values, today: dt.date) -> Verdict:
    return validation.validate_session(
        values["date"],
        volume_ml=values["volume_ml"],
        needle_depth_mm=values["needle_depth_mm"],
        pain=values["pain"],
        cost=values["cost"],
        today=today,
    )


def _shed_count(values: Values, today: dt.date) -> Verdict:
    return validation.validate_shed_count(
        values["date"], values["protocol"], values["value"], today=today
    )


def _checkin(values: Values, today: dt.date) -> Verdict:
    ratings = {name: values[name] for name in RATINGS}
    return validation.validate_checkin_entry(values["date"], ratings, values["notes"], today=today)


def _event(values: Values, today: dt.date) -> Verdict:
    return validation.validate_event(values["started_on"], values["ended_on"], today=today)


def _measurement(values: Values, today: dt.date) -> Verdict:
    return validation.validate_measurement(
        values["date"], values["kind"], values["value"], today=today
    )


def _all_fields(kind: RecordKind, *extra: str) -> tuple[str, ...]:
    return (*extra, *(column.field for column in kind.columns if column.field))


RULES: dict[str, Rules] = {
    rules.kind.name: rules
    for rules in (
        Rules(TREATMENTS, ("kind", "product", "started_on"), (), _treatment),
        Rules(SESSIONS, _all_fields(SESSIONS, "treatment"), (), _session),
        Rules(SHED_COUNTS, ("date", "protocol", "value"), ("date", "protocol"), _shed_count),
        Rules(CHECKINS, _all_fields(CHECKINS), ("date",), _checkin),
        Rules(EVENTS, _all_fields(EVENTS), (), _event),
        Rules(MEASUREMENTS, _all_fields(MEASUREMENTS), (), _measurement),
    )
}


def with_defaults(kind: RecordKind, read: dict[str, Any]) -> Values:
    """The record's values: what the row gave, and for columns the file lacks what the form
    would leave (empty text, no date, no number, not ticked, cell source not stated)."""
    values: Values = {}
    for column in kind.columns:
        if not column.field:
            continue
        if column.field in read:
            values[column.field] = read[column.field]
        elif column.value in {Value.TEXT}:
            values[column.field] = ""
        elif column.value is Value.LIST:
            values[column.field] = []
        elif column.value is Value.YES_NO:
            values[column.field] = False
        else:
            values[column.field] = None
    if kind is SESSIONS and values["cell_source"] is None:
        values["cell_source"] = CellSource.UNKNOWN
    return values


def apply_stage(values: Values, stage: str) -> None:
    """A measurement's ``stage`` cell gives (or must agree with) its value."""
    if not stage.strip():
        return
    kind = values["kind"]
    if not isinstance(kind, MeasurementKind):
        return
    position = stage_position(kind, stage)
    if values["value"] is None:
        values["value"] = position
    elif values["value"] != position:
        raise CellError(
            f"Stage {stage.strip()} is position {position} on the {kind.label} scale, but the "
            f"value says {values['value']}; correct one of them."
        )
