"""Hostile CSV files for the importer: the app's own headers or a stranger's, cells of every
shape, in many encodings, separators and line endings, and now and then bytes that are no text.

Each file is planned and then imported into a journal. Nothing may escape but the importer's
own refusals (``UnreadableFile`` comes back as a file's problem; ``WriteFailed`` only if the
journal itself refuses); every row gets an outcome, a refused one a reason; and the journal
gains exactly the rows the plan said it would import, or, if the write failed, none at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from hairjournal.core.enums import Condition
from hairjournal.services.csv_format import KINDS, Column, Value
from hairjournal.services.csv_import import ImportOptions, run_import
from hairjournal.services.csv_planner import Status
from hairjournal.store import models
from hairjournal.store.journal import create_journal
from hairjournal.store.records import WriteFailed
from tests.reliability.photo_fuzz import FuzzReport

TODAY = dt.date(2026, 11, 24)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "mac_roman"]
SEPARATORS = [",", ";", "\t", "|", " "]
LINE_ENDS = ["\n", "\r\n", "\r"]
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "2026-03-01",
            "01/03/2026",
            "3/1/26",
            "1 March 2026",
            "2026-02-30",
            "2999-01-01",
            "85",
            "-4",
            "1,5",
            "1.5e3",
            "NaN",
            "inf",
            "10000000000000000000000",
            "yes",
            "no",
            "daily_total",
            "visual_scale",
            "exosome",
            "vertex; crown",
            '=HYPERLINK("x")',
            "'+1",
            "@SUM(A1)",
        ]
    ),
    st.text(max_size=40),
)


def plausible_cell(column: Column) -> st.SearchStrategy[str]:
    """A cell a person might really have in this column."""
    if column.value in (Value.DATE, Value.DATETIME):
        days = st.integers(0, 3000).map(lambda n: (TODAY - dt.timedelta(days=n)).isoformat())
        return days.map(lambda day: day + " 08:30:00") if column.value is Value.DATETIME else days
    if column.value is Value.CHOICE and column.choice is not None:
        return st.sampled_from(column.choice.codes())
    if column.value in (Value.WHOLE, Value.ID):
        return st.integers(0, 12).map(str)
    if column.value is Value.NUMBER:
        return st.floats(0.1, 9.9).map(lambda x: f"{x:.1f}")
    if column.value is Value.YES_NO:
        return st.sampled_from(["yes", "no", ""])
    if column.value is Value.LIST:
        return st.sampled_from(["", "vertex", "vertex; frontal", "redness"])
    return st.text(max_size=30)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A CSV file as bytes: a header (ours, shuffled, or anyone's) and rows of odd cells."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=600))
    kind = draw(st.sampled_from(KINDS))
    if draw(st.booleans()):  # the app's own file, its cells plausible, a few of them odd
        rows = [
            [
                draw(st.one_of(plausible_cell(column), CELLS))
                if draw(st.integers(0, 7)) == 0
                else draw(plausible_cell(column))
                for column in kind.columns
            ]
            for _ in range(draw(st.integers(1, 8)))
        ]
        return _encoded(draw, kind.header, rows)
    header = draw(
        st.one_of(
            st.just(kind.header),
            st.permutations(kind.header),
            st.lists(st.sampled_from(kind.header), max_size=len(kind.header)),
            st.lists(st.text(max_size=12), max_size=6),
            st.just(["date", "count"]),
        )
    )
    width = max(1, len(header))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), min_size=0, max_size=12))
    return _encoded(draw, header, rows)


def _encoded(draw: st.DrawFn, header: list[str], rows: list[list[str]]) -> bytes:
    """The table written with a drawn separator, quoting, line ending and encoding."""
    separator = draw(st.sampled_from(SEPARATORS))
    quote = draw(st.booleans())

    def line(cells: list[str]) -> str:
        if quote:
            return separator.join('"' + cell.replace('"', '""') + '"' for cell in cells)
        return separator.join(cells)

    text = draw(st.sampled_from(LINE_ENDS)).join(line(cells) for cells in [header, *rows])
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


def _rows_in(db: Any) -> int:
    return sum(
        db.execute_sql(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
        for model in models.MODELS
    )


def imported_problem(data: bytes, journal_db: Any, path: Path, report: FuzzReport) -> str | None:
    """What is wrong with how the importer answered the file ``data`` (None: nothing); the
    rows it added and refused are counted in ``report``."""
    path.write_bytes(data)
    before = _rows_in(journal_db)
    try:
        result = run_import([path], ImportOptions(today=TODAY))
    except WriteFailed:
        after = _rows_in(journal_db)
        return None if after == before else f"a failed import left {after - before} rows"
    plan = result.plan
    for outcome in plan.outcomes:
        if outcome.status is Status.REFUSED and not outcome.reason.strip():
            return f"row {outcome.row} refused with no reason"
    if any(not file.problem and file.kind is None for file in plan.files):
        return "a file neither read nor refused with a reason"
    added = _rows_in(journal_db) - before
    if added != result.added_count or added != plan.count(Status.NEW):
        return f"the plan said {plan.count(Status.NEW)} rows, {added} were added"
    report.imported += added
    report.refused += plan.count(Status.REFUSED) + sum(bool(file.problem) for file in plan.files)
    return None


def import_examples(folder: Path, count: int, seed: int) -> FuzzReport:
    """Import ``count`` hostile CSV files into one journal; a crash or a wrong answer ends the
    run, reported."""
    folder.mkdir(parents=True, exist_ok=True)
    report = FuzzReport()
    with create_journal(folder / "csv.hairjournal", title="CSV", condition=Condition.TE) as journal:

        @hypothesis_seed(seed)
        @settings(
            max_examples=count,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(csv_bytes(), st.sampled_from([kind.file_name for kind in KINDS] + ["export.csv"]))
        def import_one(data: bytes, name: str) -> None:
            report.cases += 1
            problem = imported_problem(data, journal.db, folder / name, report)
            assert problem is None, problem

        try:
            import_one()
        except Exception as error:  # hypothesis has shrunk it to the smallest example
            report.crashes += 1
            report.problems.append(f"{type(error).__name__}: {error}")
        checks = journal.db.execute_sql("PRAGMA integrity_check").fetchall()
        if checks != [("ok",)]:
            report.problems.append(f"integrity_check: {checks[:3]}")
    return report
