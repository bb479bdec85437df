"""Deciding, row by row, what an import does: read the cells, check them, find duplicates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from hairjournal.core.enums import ShedProtocol
from hairjournal.services.csv_cells import CellError, CellReader
from hairjournal.services.csv_format import MEASUREMENTS, SESSIONS, TREATMENTS, Column, RecordKind
from hairjournal.services.csv_rules import RULES, Rules, apply_stage, with_defaults
from hairjournal.store import csv_rows, models
from hairjournal.store.csv_rows import Cancelled, ImportWrite, PendingSession
from hairjournal.store.records import Values

ROWS_PER_STEP = 1000  # rows between progress reports and looks at Cancel
CONFIRM_QUESTION = " Save it anyway?"

Ref = tuple[str, int]  # ("journal", id) or ("new", index among the courses being added)


class Status(Enum):
    NEW = "will import"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


@dataclass(frozen=True)
class RowOutcome:
    row: int  # as a spreadsheet numbers it: the header is row 1
    status: Status
    reason: str = ""  # why refused, what it duplicates, or a note on an unusual value
    cells: tuple[str, ...] = ()

    def describe(self, rows: str = "") -> str:
        """What happens to the row, in words; ``rows`` names a run of rows it stands for."""
        rows = rows or f"row {self.row}"
        if self.status is Status.NEW:
            return f"{rows}: will be imported; note: {self.reason}"
        if self.status is Status.DUPLICATE:
            return f"{rows}: not imported, {self.reason}"
        return f"{rows}: refused. {self.reason}"


def grouped(outcomes: list[RowOutcome]) -> list[str]:
    """Each outcome described, consecutive rows with the same outcome on one line."""
    lines = []
    start = 0
    for index in range(1, len(outcomes) + 1):
        first, last = outcomes[start], outcomes[index - 1]
        if index < len(outcomes):
            following = outcomes[index]
            if (
                following.row == last.row + 1
                and following.status is first.status
                and following.reason == first.reason
            ):
                continue
        rows = f"rows {first.row}-{last.row}" if last.row != first.row else ""
        lines.append(first.describe(rows))
        start = index
    return lines


@dataclass
class Layout:
    """Where a file's cells are: the kind's columns it has (with their titles in the file),
    other columns whose cells go into the notes, and values every row gets."""

    columns: list[tuple[Column, int, str]]
    first_row: int = 1  # index of the first row of data (0 in a sheet without a header)
    notes_from: list[tuple[str, int]] = field(default_factory=list)
    fixed: dict[str, Any] = field(default_factory=dict)


@dataclass
class _File:
    """One file being planned, with a reader for each of its columns, decided once."""

    kind: RecordKind
    name: str
    layout: Layout
    readers: list[tuple[Column, int, str, Callable[[str], Any]]]
    width: int  # cells a row may have


@dataclass
class _Seen:
    """Records of one kind already in the journal, and the rows of this import so far."""

    same: set[tuple[Any, ...]]
    slots: dict[tuple[Any, ...], tuple[Any, ...]]  # slot -> the record there (its same-key)
    rows_same: dict[tuple[Any, ...], str] = field(default_factory=dict)  # -> "row N of F"
    rows_slots: dict[tuple[Any, ...], str] = field(default_factory=dict)


class RowPlanner:
    """Plans the rows of every file of one import against the bound journal."""

    def __init__(
        self,
        today: dt.date,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        total: int,
    ) -> None:
        self.today = today
        self.progress, self.cancelled, self.total = progress, cancelled, total
        self.done = 0
        self.seen: dict[str, _Seen] = {}
        self.courses: dict[tuple[Any, ...], Ref] = {
            key: ("journal", record_id) for key, record_id in csv_rows.treatment_keys().items()
        }
        self.course_ids: dict[int, Ref] = {}  # treatments.csv id -> the course it became
        self.course_rows: list[str] = []  # where each course being added comes from
        self.new_courses: dict[tuple[Any, ...], Ref] = {}  # by every value
        self.treatments: list[Values] = []
        self.sessions: list[PendingSession] = []
        self.others: dict[type[models.BaseModel], list[Values]] = {}

    def finish(self) -> ImportWrite:
        return ImportWrite(self.treatments, self.sessions, list(self.others.items()))

    def plan_rows(
        self, kind: RecordKind, name: str, rows: list[list[str]], layout: Layout, reader: CellReader
    ) -> list[RowOutcome]:
        file = _File(
            kind,
            name,
            layout,
            [
                (column, index, title, reader.reader(column))
                for column, index, title in layout.columns
            ],
            max(
                [index + 1 for _c, index, _t in layout.columns]
                + [index + 1 for _n, index in layout.notes_from]
            ),
        )
        outcomes = []
        for index in range(layout.first_row, len(rows)):
            cells = rows[index]
            self._step()
            if any(cell.strip() for cell in cells):
                outcomes.append(self._row(file, index + 1, cells))
        return outcomes

    def _step(self) -> None:
        self.done += 1
        if self.done % ROWS_PER_STEP == 0:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled
            if self.progress is not None:
                self.progress(self.done, self.total)

    def _row(self, file: _File, number: int, cells: list[str]) -> RowOutcome:
        kind, name, layout = file.kind, file.name, file.layout
        shown = tuple(cells)

        def refused(reason: str) -> RowOutcome:
            return RowOutcome(number, Status.REFUSED, reason, shown)

        if len(cells) > file.width and any(cell.strip() for cell in cells[file.width :]):
            return refused(
                f"It has {len(cells)} cells, more than the file has columns; a text with the "
                "separator in it may need quotes."
            )
        read: dict[str, Any] = dict(layout.fixed)
        extra: dict[str, Any] = {}
        errors = []
        for column, index, title, read_cell in file.readers:
            try:
                value = read_cell(cells[index] if index < len(cells) else "")
            except CellError as error:
                errors.append(f"{title}: {error}")
                continue
            if column.field:
                read[column.field] = value
            else:
                extra[column.name] = value
        values = with_defaults(kind, read)
        kept = [f"{t}: {cells[i]}" for t, i in layout.notes_from if i < len(cells) and cells[i]]
        if kept:
            values["notes"] = "; ".join(filter(None, [values["notes"], *kept]))
        if kind is MEASUREMENTS and not errors:
            try:
                apply_stage(values, extra.get("stage") or "")
            except CellError as error:
                errors.append(f"stage: {error}")
        if errors:
            return refused(" ".join(errors))
        rules = RULES[kind.name]
        verdict = rules.validate(values, self.today)
        if verdict.errors:
            titles = {column.field: title for column, _i, title in layout.columns}
            return refused(
                " ".join(f"{titles.get(p.field, p.field)}: {p.message}" for p in verdict.errors)
            )
        note = " ".join(p.message.replace(CONFIRM_QUESTION, "") for p in verdict.confirmations)
        where = f"row {number} of {name}"
        if kind is TREATMENTS:
            return self._course(values, extra, number, shown, note, where)
        if kind is SESSIONS:
            course = self._course_of(extra)
            if course is None:
                return refused(_no_course(extra))
            values["treatment"] = course
        found = self._duplicate(rules, values, where)
        if found is not None:
            status, reason = found
            return RowOutcome(number, status, reason, shown)
        self._add(kind, values)
        return RowOutcome(number, Status.NEW, note, shown)

    # -- courses and their sessions ---------------------------------------------------------------

    def _course(
        self,
        values: Values,
        extra: dict[str, Any],
        number: int,
        shown: tuple[str, ...],
        note: str,
        where: str,
    ) -> RowOutcome:
        rules = RULES[TREATMENTS.name]
        key = rules.key(values, rules.same)
        # A course in the journal with the same kind, product and start is this course; within
        # one import, only a row equal in every column is (two courses may share a start).
        known = self.courses.get(key)
        if known is None or known[0] != "journal":
            known = self.new_courses.get(rules.key(values, tuple(values)))
        exported = extra.get("id")
        if known is not None:
            if exported is not None:
                self.course_ids[exported] = known
            if known[0] == "journal":
                return RowOutcome(number, Status.DUPLICATE, "already in the journal", shown)
            earlier = self.course_rows[known[1]]
            return RowOutcome(number, Status.DUPLICATE, f"the same as {earlier}", shown)
        ref: Ref = ("new", len(self.treatments))
        self.treatments.append(values)
        self.course_rows.append(where)
        self.courses.setdefault(key, ref)
        self.new_courses[rules.key(values, tuple(values))] = ref
        if exported is not None:
            self.course_ids[exported] = ref
        return RowOutcome(number, Status.NEW, note, shown)

    def _course_of(self, extra: dict[str, Any]) -> Ref | None:
        exported = extra.get("treatment_id")
        if exported is not None and exported in self.course_ids:
            return self.course_ids[exported]
        key = (extra["treatment_kind"], extra["treatment_product"], extra["treatment_started_on"])
        return self.courses.get(key)

    # -- duplicates ------------------------------------------------------------------------------

    def _known(self, rules: Rules) -> _Seen:
        seen = self.seen.get(rules.kind.name)
        if seen is None:
            same: set[tuple[Any, ...]] = set()
            slots: dict[tuple[Any, ...], tuple[Any, ...]] = {}
            fields = list(dict.fromkeys((*rules.same, *rules.slot)))
            for row in csv_rows.existing(rules.kind.model, fields):
                values = dict(zip(fields, row, strict=True))
                if "treatment" in values:
                    values["treatment"] = ("journal", values["treatment"])
                key = rules.key(values, rules.same)
                same.add(key)
                if rules.slot:
                    slots[rules.key(values, rules.slot)] = key
            seen = self.seen[rules.kind.name] = _Seen(same, slots)
        return seen

    def _duplicate(self, rules: Rules, values: Values, where: str) -> tuple[Status, str] | None:
        """Why the row is not added (a duplicate, or a different record in its place), or None."""
        seen = self._known(rules)
        key = rules.key(values, rules.same)
        if key in seen.rows_same:
            return Status.DUPLICATE, f"the same as {seen.rows_same[key]}"
        if key in seen.same:
            return Status.DUPLICATE, "already in the journal"
        if rules.slot:
            slot = rules.key(values, rules.slot)
            if slot in seen.rows_slots:
                earlier = seen.rows_slots[slot]
                return Status.REFUSED, (
                    f"{earlier[0].upper()}{earlier[1:]} already gives {_slot_text(values)}, "
                    "with other values; the journal holds one."
                )
            if slot in seen.slots:
                return Status.REFUSED, (
                    f"The journal already has {_slot_text(values)}, with other values; "
                    "change one of them in the app if this row is right."
                )
            seen.rows_slots[slot] = where
        seen.rows_same[key] = where
        return None

    def _add(self, kind: RecordKind, values: Values) -> None:
        if kind is SESSIONS:
            place, index = values.pop("treatment")
            if place == "journal":
                self.sessions.append(PendingSession(values, treatment_id=index))
            else:
                self.sessions.append(PendingSession(values, new_treatment=index))
            return
        self.others.setdefault(kind.model, []).append(values)


def _no_course(extra: dict[str, Any]) -> str:
    product, started = extra["treatment_product"], extra["treatment_started_on"]
    if started is None:
        return "treatment_started_on: Please give the day its course started."
    course = extra["treatment_kind"].label + (f" “{product}”" if product else "")
    return (
        f"Its course ({course}, started {started}) is neither in the journal nor in a "
        "treatments.csv imported with it."
    )


def _slot_text(values: Values) -> str:
    day = values["date"].isoformat()
    protocol = values.get("protocol")
    if isinstance(protocol, ShedProtocol):
        return f"a {protocol.label.lower()} count on {day}"
    return f"a check-in on {day}"
