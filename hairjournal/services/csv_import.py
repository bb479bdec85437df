"""Importing CSV files: the app's own exports and spreadsheets kept before it.

``plan_import`` reads the files and says, row by row, what would happen: imported, already in
the journal (a duplicate), or refused with the reason in plain words. It writes nothing, so it
is also the dry run. ``run_import`` plans against the journal as it is now and adds every row
that will be imported in one transaction: all of them or, if anything fails or the import is
cancelled, none.

Ids are never kept: every imported record gets a new one. A session finds its course by the
``treatment_id`` of a treatments.csv imported with it, else by its course's kind, product and
start among the courses already in the journal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hairjournal.services.csv_cells import CellReader, uses_decimal_comma
from hairjournal.services.csv_dates import DateOrder, DateOrderUnknown, date_order
from hairjournal.services.csv_format import (
    KINDS,
    PHOTOS,
    SESSIONS,
    SHED_COUNTS,
    TREATMENTS,
    RecordKind,
    Value,
)
from hairjournal.services.csv_mapping import Mapping, column_names, guess_mapping, resolve
from hairjournal.services.csv_planner import Layout, RowOutcome, RowPlanner, Status, grouped
from hairjournal.services.csv_read import Table, UnreadableFile, read_table
from hairjournal.store import models
from hairjournal.store.csv_rows import Cancelled, ImportWrite, write_import

__all__ = [
    "Cancelled",
    "FilePlan",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "Mapping",
    "Status",
    "plan_import",
    "run_import",
]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    """How to read the files. ``kind`` forces the kind of the app's own files; ``mapping``
    says which columns of a spreadsheet kept before the app hold what (a ``None`` field is
    guessed, ``""`` means the sheet has no such column); ``date_order`` settles dates like
    03/04/2025."""

    kind: RecordKind | None = None
    mapping: Mapping | None = None
    date_order: DateOrder | None = None
    today: dt.date | None = None


@dataclass
class FilePlan:
    """What importing one file would do."""

    path: Path
    kind: RecordKind | None = None
    table: Table | None = None
    names: list[str] = field(default_factory=list)  # its columns, as the preview shows them
    foreign: bool = False  # a spreadsheet kept before the app, read through ``mapping``
    mapping: Mapping | None = None
    layout: Layout | None = None
    decimal_comma: bool = False
    date_order: DateOrder | None = None
    problem: str = ""  # why nothing of this file is imported
    dates_unclear: bool = False  # the problem is the date order, which the person can settle
    notes: list[str] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)  # in the file's order
    counts: Counter[Status] = field(default_factory=Counter)  # of ``outcomes``, by status

    def count(self, status: Status) -> int:
        return self.counts[status]

    def describe(self) -> str:
        """One line: the file, what it holds, how it was read, and the counts."""
        if self.foreign:
            what = "a spreadsheet of shedding counts"
        else:
            what = "" if self.kind is None else self.kind.plural
        if self.table is not None:
            what += f"; {self.table.describe()}"
            if self.decimal_comma:
                what += ", decimal commas"
            if self.date_order is not None:
                what += f", dates {self.date_order.label}"
        head = self.path.name + (f" ({what.lstrip('; ')})" if what else "")
        if self.problem:
            return f"{head}: not imported. {self.problem}"
        return f"{head}: {_counts(self.counts)}"

    def lines(self) -> list[str]:
        lines = [self.describe(), *(f"  {note}" for note in self.notes)]
        told = [o for o in self.outcomes if o.status is not Status.NEW or o.reason]
        return lines + [f"  {line}" for line in grouped(told)]


@dataclass
class ImportPlan:
    files: list[FilePlan]
    write: ImportWrite
    rows_read: int = 0  # every line of every file, headers included

    @property
    def outcomes(self) -> list[RowOutcome]:
        return [outcome for plan in self.files for outcome in plan.outcomes]

    def count(self, status: Status) -> int:
        return sum(plan.count(status) for plan in self.files)

    @property
    def refused_any(self) -> bool:
        """Whether a file or a row was refused (the command then exits non-zero)."""
        return any(plan.problem for plan in self.files) or self.count(Status.REFUSED) > 0

    def lines(self) -> list[str]:
        lines = [line for plan in self.files for line in plan.lines()]
        total = _counts(Counter({status: self.count(status) for status in Status}))
        unread = sum(bool(plan.problem) for plan in self.files)
        if unread:
            total += f"; {unread} file{'s' if unread > 1 else ''} not imported"
        return [*lines, f"In all: {total}."]


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    added: dict[type[models.BaseModel], list[int]]  # the new records' ids, by model
    dry_run: bool = False

    @property
    def added_count(self) -> int:
        return sum(len(ids) for ids in self.added.values())

    def lines(self) -> list[str]:
        return self.report

    @functools.cached_property
    def report(self) -> list[str]:
        """What happened, a line a file and a line for each row (or run of rows) not imported;
        worked out once (a job does it before the window shows it)."""
        lines = self.plan.lines()
        if self.dry_run:
            return [*lines, "Dry run: nothing was written to the journal."]
        added = self.added_count
        return [*lines, f"{added} record{'s' if added != 1 else ''} added to the journal."]


def _counts(counts: Counter[Status]) -> str:
    return (
        f"{counts[Status.NEW]} to import, {counts[Status.DUPLICATE]} already in the journal, "
        f"{counts[Status.REFUSED]} refused"
    )


def plan_import(
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """What importing ``paths`` into the bound journal would do; nothing is written."""
    options = options or ImportOptions()
    today = options.today or dt.date.today()
    files = [_prepare(Path(path), options, today) for path in paths]
    total = sum(len(plan.table.rows) for plan in files if plan.table is not None)
    planner = RowPlanner(today, progress, cancelled, total)
    # Courses first, then sessions, so that sessions find the courses imported with them.
    for plan in sorted(files, key=lambda plan: _RANK.get(plan.kind, 2)):  # type: ignore[arg-type]
        if plan.problem or plan.kind is None or plan.table is None or plan.layout is None:
            continue
        reader = CellReader(plan.decimal_comma, plan.date_order, today)
        plan.outcomes = planner.plan_rows(
            plan.kind, plan.path.name, plan.table.rows, plan.layout, reader
        )
        plan.counts = Counter(outcome.status for outcome in plan.outcomes)
    for plan in files:  # each outcome keeps its row's cells; the table's copy can go
        if plan.table is not None:
            plan.table = dataclasses.replace(plan.table, rows=[])
    if progress is not None:
        progress(total, total)
    return ImportPlan(files, planner.finish(), total)


def run_import(
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Plan, then (unless ``dry_run``) add every row that will be imported, in one transaction.

    Raises ``store.records.WriteFailed`` (nothing written) if the journal refuses, and
    ``Cancelled`` (nothing written) if ``cancelled()`` answers True.
    """
    # Progress runs once over both steps: the rows read (as if all were to be written), then
    # the rows written after them.
    planning = None if progress is None else lambda done, total: progress(done, 2 * total)
    plan = plan_import(paths, options, progress=planning, cancelled=cancelled)
    if dry_run or plan.write.size == 0:
        return ImportResult(plan, {}, dry_run)
    read = plan.rows_read
    writing = None if progress is None else lambda done, total: progress(read + done, read + total)
    added = write_import(plan.write, progress=writing, cancelled=cancelled)
    return ImportResult(plan, added)


_RANK = {TREATMENTS: 0, SESSIONS: 1}


# -- one file ----------------------------------------------------------------------------------


def detect_kind(header: Sequence[str]) -> RecordKind | None:
    """Which of the app's files has this header (column names in any order); None: none.

    A file is one of ours if it has every column the kind needs and, of the kind's other
    columns, so many that it is not a sheet that merely has a "date" and a "notes" column.
    """
    names = {_normal(name) for name in header}

    def fit(kind: RecordKind) -> int:
        return len(names & set(kind.header)) - len(names - set(kind.header))

    def fits(kind: RecordKind) -> bool:
        if not all(column.name in names for column in kind.columns if column.required):
            return False
        known = names & set(kind.header) - {"id"}
        unknown = names - set(kind.header)
        return 2 * len(known) >= len(kind.columns) - 1 or (not unknown and len(known) >= 2)

    return max(filter(fits, KINDS), key=fit, default=None)


def _normal(name: str) -> str:
    return name.strip().lstrip("\ufeff").lower()


def _prepare(path: Path, options: ImportOptions, today: dt.date) -> FilePlan:
    """Read the file and work out what it holds and how its cells are written."""
    plan = FilePlan(path)
    try:
        plan.table = read_table(path)
    except UnreadableFile as unreadable:
        plan.problem = unreadable.message
        return plan
    header = [_normal(cell) for cell in plan.table.rows[0]]
    kind = options.kind or detect_kind(header)
    if kind is PHOTOS or (kind is None and {"sha256", "taken_at"} <= set(header)):
        plan.kind = PHOTOS
        plan.problem = (
            "It holds details of photos, not the photos themselves; photos come into the "
            "journal as image files (File > Import Photos…)."
        )
        return plan
    if kind is None:
        _lay_out_foreign(plan, options)
    else:
        _lay_out_own(plan, kind, header)
    if not plan.problem:
        _read_settings(plan, options)
    return plan


def _lay_out_own(plan: FilePlan, kind: RecordKind, header: list[str]) -> None:
    assert plan.table is not None
    plan.kind, plan.names = kind, list(plan.table.rows[0])
    missing = [c.name for c in kind.columns if c.required and c.name not in header]
    if missing:
        plan.problem = f"It has no column {', '.join(missing)}, which {kind.file_name} needs."
        return
    known = set(kind.header)
    others = [(plan.names[i].strip(), i) for i, name in enumerate(header) if name not in known]
    plan.layout = Layout(
        columns=[(c, header.index(c.name), c.name) for c in kind.columns if c.name in header],
        notes_from=others,
    )
    if others:
        names = ", ".join(f"“{name}”" for name, _index in others)
        plan.notes.append(f"Columns Hair Journal does not know ({names}) go into the notes.")


def _lay_out_foreign(plan: FilePlan, options: ImportOptions) -> None:
    assert plan.table is not None
    names, has_header = column_names(plan.table.rows)
    first_row = 1 if has_header else 0
    given = options.mapping or Mapping(None, None)
    guessed = guess_mapping(names, plan.table.rows[first_row:], given.protocol)
    plan.kind, plan.names, plan.foreign = SHED_COUNTS, names, True
    chosen: dict[str, str | None] = {}
    for role in ("date_column", "count_column", "wash_day_column", "notes_column"):
        wanted = getattr(given, role)
        try:
            chosen[role] = (
                None
                if wanted == ""
                else resolve(names, wanted)
                if wanted
                else getattr(guessed, role)
            )
        except KeyError:
            plan.problem = f"It has no column “{wanted}”; its columns are: {', '.join(names)}."
            return
    mapping = plan.mapping = Mapping(
        protocol=given.protocol, keep_other_columns=given.keep_other_columns, **chosen
    )
    if not mapping.complete:
        plan.problem = (
            "It is not one of Hair Journal's own files. Say which column holds the date and "
            "which the count."
        )
        return
    roles = {
        mapping.date_column: "date",
        mapping.count_column: "value",
        mapping.wash_day_column: "wash_day",
        mapping.notes_column: "notes",
    }
    columns = [
        (SHED_COUNTS.column(roles[name]), index, name)
        for index, name in enumerate(names)
        if name in roles
    ]
    others = [(name, i) for i, name in enumerate(names) if name not in roles]
    plan.layout = Layout(
        columns=columns,
        first_row=first_row,
        notes_from=others if mapping.keep_other_columns else [],
        fixed={"protocol": mapping.protocol},
    )
    if others and mapping.keep_other_columns:
        kept = ", ".join(f"“{name}”" for name, _index in others)
        plan.notes.append(f"The cells of {kept} go into each count's notes.")
    elif others:
        left = ", ".join(f"“{name}”" for name, _index in others)
        plan.notes.append(f"The columns {left} are left out.")


def _read_settings(plan: FilePlan, options: ImportOptions) -> None:
    """How the file writes numbers (decimal point or comma) and dates (which order)."""
    assert plan.table is not None
    layout = plan.layout
    assert layout is not None
    rows = plan.table.rows[layout.first_row :]

    def cells(*values: Value) -> list[str]:
        return [
            row[index]
            for column, index, _title in layout.columns
            if column.value in values
            for row in rows
            if index < len(row)
        ]

    plan.decimal_comma = uses_decimal_comma(cells(Value.NUMBER, Value.WHOLE), plan.table.separator)
    try:
        found = date_order(cells(Value.DATE))
    except DateOrderUnknown as unknown:
        if options.date_order is None:
            plan.problem, plan.dates_unclear = str(unknown), True
            return
        found = options.date_order
    plan.date_order = options.date_order or found
