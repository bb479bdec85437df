"""The journal's records as rows of CSV cells, and the writes and look-ups a CSV import needs.

Export rows come straight from SQLite as text and numbers in the files' form (booleans as
``yes``/``no``, text cells already neutralised against spreadsheet formulas), so that a file
of 100,000 rows streams through ``csv.writer`` without a Python call per cell.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from hairjournal.store import models
from hairjournal.store.records import Values, writing

# A spreadsheet evaluates a cell that begins with one of these as a formula (tab and carriage
# return can smuggle one in after the spreadsheet strips them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Put before such a cell so that it is read as text; a cell that itself begins with it is
# escaped the same way, so reading back (strip one) is exact.
ESCAPE = "'"
YES, NO = "yes", "no"

# Rows written between progress reports and looks at Cancel.
INSERT_BATCH = 2000


class Cell(Enum):
    """How a column's value becomes a cell."""

    RAW = "raw"  # numbers, dates and codes as stored
    TEXT = "text"  # free text: neutralised against formulas
    YES_NO = "yes_no"  # a boolean


@dataclass(frozen=True)
class Source:
    """Where a column's cells come from: a column of the table, or of the row's course."""

    column: str
    cell: Cell = Cell.RAW
    of_treatment: bool = False  # sessions only: the course the session belongs to


def _neutralised_sql(expression: str) -> str:
    starts = ", ".join(_sql_text(start) for start in (*FORMULA_STARTS, ESCAPE))
    return (
        f"CASE WHEN substr({expression}, 1, 1) IN ({starts}) "
        f"THEN {_sql_text(ESCAPE)} || {expression} ELSE {expression} END"
    )


def _sql_text(text: str) -> str:
    """A one-character SQL string literal (char() for control characters)."""
    if text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return f"char({ord(text)})"


def _expression(source: Source, table: str, present: set[str]) -> str:
    owner = "treatment" if source.of_treatment else table
    if source.column not in present and not source.of_treatment:
        return "NULL"  # a journal from before this column existed
    expression = f'{owner}."{source.column}"'
    if source.cell is Cell.TEXT:
        return _neutralised_sql(expression)
    if source.cell is Cell.YES_NO:
        return f"CASE WHEN {expression} THEN '{YES}' ELSE '{NO}' END"
    return expression


def export_rows(
    connection: sqlite3.Connection, table: str, sources: Sequence[Source]
) -> tuple[int, Iterator[tuple[Any, ...]]]:
    """How many rows ``table`` has, and its rows as cells in ``sources`` order, oldest first.

    Works on any connection to a journal, read-only ones included; a column that an older
    journal lacks comes out empty.
    """
    present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    columns = ", ".join(_expression(source, table, present) for source in sources)
    join = ""
    if any(source.of_treatment for source in sources):
        join = f' JOIN treatment ON treatment.id = "{table}".treatment_id'
    (count,) = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    cursor = connection.execute(f'SELECT {columns} FROM "{table}"{join} ORDER BY "{table}".id')
    return count, iter(cursor)


# -- what an import checks against ----------------------------------------------------------


def existing(model: type[models.BaseModel], fields: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """Every record of ``model`` as a tuple of ``fields`` (Python values), for finding
    duplicates; ``"id"`` may be among them."""
    columns = [model._meta.fields[name] for name in fields]
    yield from model.select(*columns).tuples().iterator()


def treatment_keys() -> dict[tuple[str, str, dt.date], int]:
    """The id of each course by its kind, product and start: how a session finds its course."""
    treatment = models.Treatment
    query = treatment.select(
        treatment.kind, treatment.product, treatment.started_on, treatment.id
    ).order_by(treatment.id)
    keys: dict[tuple[str, str, dt.date], int] = {}
    for kind, product, started_on, record_id in query.tuples():
        keys.setdefault((str(kind), product, started_on), record_id)
    return keys


# -- writing an import -------------------------------------------------------------------------


@dataclass
class PendingSession:
    """A session whose course is either in the journal (``treatment_id``) or comes in with it
    (``new_treatment``, an index into the treatments being added)."""

    values: Values
    treatment_id: int | None = None
    new_treatment: int | None = None


@dataclass
class ImportWrite:
    """Everything an import adds, written as one transaction."""

    treatments: list[Values]
    sessions: list[PendingSession]
    others: list[tuple[type[models.BaseModel], list[Values]]]

    @property
    def size(self) -> int:
        return (
            len(self.treatments)
            + len(self.sessions)
            + sum(len(rows) for _model, rows in self.others)
        )


class Cancelled(Exception):
    """The import was cancelled before it committed; nothing was written."""


def write_import(
    write: ImportWrite,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[type[models.BaseModel], list[int]]:
    """Add everything in ``write`` in one transaction: all of it, or (on failure or cancel)
    none of it. Returns the new ids by model. ``progress(done, total)`` follows the rows;
    ``cancelled()`` is asked between batches and raises ``Cancelled`` (after a rollback)."""
    total = write.size
    done = 0
    added: dict[type[models.BaseModel], list[int]] = {}

    def step(count: int) -> None:
        nonlocal done
        done += count
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)

    with writing():
        new_treatments = []
        for values in write.treatments:
            new_treatments.append(models.Treatment.insert(**values).execute())
        added[models.Treatment] = new_treatments
        step(len(new_treatments))
        sessions = []
        for pending in write.sessions:
            course = pending.treatment_id
            if pending.new_treatment is not None:
                course = new_treatments[pending.new_treatment]
            sessions.append({**pending.values, "treatment": course})
        added[models.Session] = _insert(models.Session, sessions, step)
        for model, rows in write.others:
            added.setdefault(model, []).extend(_insert(model, rows, step))
    return {model: ids for model, ids in added.items() if ids}


def _insert(
    model: type[models.BaseModel], rows: list[Values], step: Callable[[int], None]
) -> list[int]:
    """Insert ``rows`` (each with the same fields) in batches; their new ids.

    Straight through the connection, converted by each field as peewee would: building a
    peewee query per batch costs more than the insert itself. Ids follow the table's largest
    (SQLite gives a new row the largest rowid plus one, and the transaction holds the lock).
    """
    if not rows:
        return []
    table = model._meta.table_name
    connection = models.database.connection()
    (largest,) = connection.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()
    _insert_rows(model, rows, step)
    return list(range(largest + 1, largest + 1 + len(rows)))


def _insert_rows(
    model: type[models.BaseModel], rows: list[Values], step: Callable[[int], None]
) -> None:
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _field in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    connection = models.database.connection()
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start : start + INSERT_BATCH]
        connection.executemany(
            sql, [[field.db_value(row[field.name]) for field in fields] for row in batch]
        )
        step(len(batch))


@dataclass(frozen=True)
class RemovedRows:
    """Rows taken out of one table, as stored (so that they go back byte for byte)."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def remove_all(added: dict[type[models.BaseModel], list[int]]) -> list[RemovedRows]:
    """Delete the records an import added, in one transaction; return them, to put back.

    Rows are read and written as SQLite stores them, without peewee's conversions: undoing an
    import of 100,000 counts takes a moment, not seconds.
    """
    removed: list[RemovedRows] = []
    connection = models.database.connection()
    with writing():
        for model, ids in added.items():
            table = model._meta.table_name
            for batch in _batches(ids):
                marks = ", ".join("?" for _id in batch)
                cursor = connection.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', batch)
                columns = tuple(column[0] for column in cursor.description)
                removed.append(RemovedRows(table, columns, cursor.fetchall()))
        for model, ids in reversed(list(added.items())):  # sessions before their courses
            for batch in _batches(ids):
                marks = ", ".join("?" for _id in batch)
                connection.execute(
                    f'DELETE FROM "{model._meta.table_name}" WHERE id IN ({marks})', batch
                )
    return removed


def put_back(removed: Iterable[RemovedRows]) -> None:
    """Insert again, with their ids, the records ``remove_all`` deleted: one transaction."""
    connection = models.database.connection()
    with writing():
        for part in removed:  # courses before their sessions, as they were taken out
            columns = ", ".join(f'"{column}"' for column in part.columns)
            marks = ", ".join("?" for _column in part.columns)
            connection.executemany(
                f'INSERT INTO "{part.table}" ({columns}) VALUES ({marks})', part.rows
            )


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), INSERT_BATCH):
        yield ids[start : start + INSERT_BATCH]
