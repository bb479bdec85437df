"""Writing the journal's records to CSV files, one per kind of record (see ``csv_format``)."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hairjournal.services.csv_format import (
    KINDS,
    Column,
    RecordKind,
    Value,
    list_cell,
    list_from_json,
    number_cell,
    stage_cell,
)
from hairjournal.services.export_file import ExportCancelled
from hairjournal.store import models
from hairjournal.store.csv_rows import export_rows
from hairjournal.store.privacy import make_private_folder, private_files

BYTE_ORDER_MARK = "\ufeff"
# Rows between progress reports and looks at Cancel.
ROWS_PER_STEP = 2000


def write_csv_files(
    folder: Path,
    *,
    excel: bool = False,
    decimal_comma: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write every kind of record of the bound journal to ``folder``, one file each (0600).

    ``excel`` puts a UTF-8 byte-order mark first, so that Excel reads the file as UTF-8.
    ``decimal_comma`` writes numbers with a decimal comma and separates cells with ``;``, as
    spreadsheets in comma-decimal countries expect. ``progress(rows_done, rows_in_all)`` is
    called as rows are written; if ``cancelled()`` answers True, the files written so far are
    removed and ``ExportCancelled`` is raised. Returns the files written, in ``KINDS`` order.
    """
    return export_csv_files(
        models.database.connection(),
        folder,
        excel=excel,
        decimal_comma=decimal_comma,
        progress=progress,
        cancelled=cancelled,
    )


def export_csv_files(
    connection: sqlite3.Connection,
    folder: Path,
    *,
    excel: bool = False,
    decimal_comma: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """``write_csv_files`` for the journal behind ``connection`` (which may be read-only)."""
    folder = Path(folder)
    make_private_folder(folder)
    snapshot = not connection.in_transaction  # every file from the same state of the journal
    if snapshot:
        connection.execute("BEGIN")
    try:
        return _write_all(connection, folder, excel, decimal_comma, progress, cancelled)
    finally:
        if snapshot:
            connection.execute("ROLLBACK")  # it only read


def _write_all(
    connection: sqlite3.Connection,
    folder: Path,
    excel: bool,
    decimal_comma: bool,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[Path]:
    sources = []
    for kind in KINDS:
        count, rows = export_rows(connection, kind.table, [c.source for c in kind.columns])
        sources.append((kind, count, rows))
    total = sum(count for _kind, count, _rows in sources)
    done = 0
    written: list[Path] = []
    try:
        for kind, _count, rows in sources:
            path = folder / kind.file_name
            with private_files(), _open(path, excel) as file:
                path.chmod(0o600)  # a file that was already there keeps no wider mode
                written.append(path)
                writer = csv.writer(file, delimiter=";" if decimal_comma else ",")
                writer.writerow(kind.header)
                for chunk in _chunks(_cells(kind, rows, decimal_comma)):
                    writer.writerows(chunk)
                    done += len(chunk)
                    if cancelled is not None and cancelled():
                        raise ExportCancelled
                    if progress is not None:
                        progress(done, total)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(total, total)
    return written


def _open(path: Path, excel: bool) -> Any:
    file = path.open("w", encoding="utf-8", newline="")
    if excel:
        file.write(BYTE_ORDER_MARK)
    return file


def _chunks(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == ROWS_PER_STEP:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _cells(
    kind: RecordKind, rows: Iterator[tuple[Any, ...]], decimal_comma: bool
) -> Iterator[tuple[Any, ...]]:
    """The rows as cells: as SQLite gave them, except the columns formatted in Python."""
    converters = [
        (index, _converter(kind, column, decimal_comma))
        for index, column in enumerate(kind.columns)
        if column.needs_python
    ]
    if not converters:
        return rows  # every cell is final as SQLite gives it: no Python per row
    return (_converted(row, converters) for row in rows)


def _converted(
    row: tuple[Any, ...], converters: list[tuple[int, Callable[[tuple[Any, ...]], Any]]]
) -> tuple[Any, ...]:
    cells = list(row)
    for index, convert in converters:
        cells[index] = convert(row)
    return tuple(cells)


def _converter(
    kind: RecordKind, column: Column, decimal_comma: bool
) -> Callable[[tuple[Any, ...]], Any]:
    index = kind.columns.index(column)
    if column.value is Value.NUMBER:
        return lambda row: number_cell(row[index], decimal_comma=decimal_comma)
    if column.value is Value.LIST:
        return lambda row: list_cell(list_from_json(row[index]))
    kind_index = kind.header.index("kind")
    return lambda row: stage_cell(row[kind_index], row[index])
