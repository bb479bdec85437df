"""A spreadsheet kept before the app: which of its columns is the date, the count, and the rest.

Such a sheet comes in as shedding counts. Its columns are named by their header (or, in a sheet
without one, ``Column 1``, ``Column 2``, ...). Cells of columns that are not mapped are kept in
the count's notes as ``Header: value``, so nothing the sheet held is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hairjournal.core.enums import ShedProtocol
from hairjournal.services.csv_cells import CellError, CellReader
from hairjournal.services.csv_dates import parse_date

SAMPLE = 50  # rows looked at to guess which column is which
_DATE_WORDS = re.compile(r"date|day|datum|fecha|jour|data|giorno|tag|when", re.IGNORECASE)
_COUNT_WORDS = re.compile(
    r"count|hairs?|shed|number|total|value|anzahl|haare|cantidad|nombre|cheveux|how many",
    re.IGNORECASE,
)
_WASH_WORDS = re.compile(r"wash|shampoo|washed|gewaschen|lav", re.IGNORECASE)
_NOTE_WORDS = re.compile(r"note|comment|remark|bemerkung|notiz|nota|observ", re.IGNORECASE)


@dataclass(frozen=True)
class Mapping:
    """Which columns (by name) hold what; ``None``: no such column."""

    date_column: str | None
    count_column: str | None
    protocol: ShedProtocol = ShedProtocol.DAILY_TOTAL
    wash_day_column: str | None = None
    notes_column: str | None = None
    keep_other_columns: bool = True  # their cells go into the notes as "Header: value"

    @property
    def complete(self) -> bool:
        return self.date_column is not None and self.count_column is not None


def column_names(rows: Sequence[Sequence[str]]) -> tuple[list[str], bool]:
    """The sheet's column names, and whether its first row is a header (a first row with a
    date in it is data)."""
    if not rows:
        return [], True
    first = rows[0]
    width = max(len(row) for row in rows[:SAMPLE])
    if any(_is_date(cell) for cell in first):
        return [f"Column {number}" for number in range(1, width + 1)], False
    names = [cell.strip() or f"Column {number}" for number, cell in enumerate(first, start=1)]
    names += [f"Column {number}" for number in range(len(names) + 1, width + 1)]
    return _unique(names), True


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        count = seen.get(name.lower(), 0) + 1
        seen[name.lower()] = count
        unique.append(name if count == 1 else f"{name} ({count})")
    return unique


def resolve(names: Sequence[str], wanted: str | None) -> str | None:
    """The column ``wanted`` names: by its name in any case, or by its number counted from 1."""
    if wanted is None:
        return None
    for name in names:
        if name.strip().lower() == wanted.strip().lower():
            return name
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise KeyError(wanted)


def guess_mapping(
    names: Sequence[str], data: Sequence[Sequence[str]], protocol: ShedProtocol
) -> Mapping:
    """The likeliest mapping: columns named like a date and a count, else the first column of
    dates and the first of numbers."""
    sample = data[:SAMPLE]

    def share(index: int, test: Callable[[str], bool]) -> float:
        found = [row[index] for row in sample if index < len(row) and row[index].strip()]
        return sum(map(test, found)) / len(found) if found else 0.0

    date_share = [share(i, _is_date) for i in range(len(names))]
    count_share = [share(i, _is_count) for i in range(len(names))]
    date = _best(names, date_share, _DATE_WORDS, taken=set())
    count = _best(names, count_share, _COUNT_WORDS, taken={date})
    wash = next((i for i, n in enumerate(names) if _WASH_WORDS.search(n)), None)
    notes = next((i for i, n in enumerate(names) if _NOTE_WORDS.search(n)), None)
    taken = {date, count}
    return Mapping(
        date_column=None if date is None else names[date],
        count_column=None if count is None else names[count],
        protocol=protocol,
        wash_day_column=None if wash is None or wash in taken else names[wash],
        notes_column=None if notes is None or notes in taken else names[notes],
    )


def _best(
    names: Sequence[str], shares: list[float], words: re.Pattern[str], taken: set[int | None]
) -> int | None:
    """The column named like ``words`` whose cells mostly fit (some may be typing slips), else
    the first whose cells nearly all fit."""
    named = [i for i, name in enumerate(names) if words.search(name) and shares[i] >= 0.5]
    fitting = [i for i in range(len(names)) if shares[i] >= 0.8]
    return next((i for i in named + fitting if i not in taken), None)


def _is_date(cell: str) -> bool:
    try:
        parse_date(cell, None, today=dt.date.today())
    except ValueError as error:
        return "could be" in str(error)  # a date, only its order is unknown
    return True


def _is_count(cell: str) -> bool:
    try:
        CellReader(decimal_comma=False, date_order=None, today=dt.date.today()).number(cell)
    except CellError:
        return False
    return True
