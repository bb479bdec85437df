"""Reading the dates people write in spreadsheets: ISO, day/month/year, month/day/year, names.

``03/04/2025`` is the 3rd of April in most of the world and March the 4th in the USA. The
order is worked out from a whole column (a ``13/04/2025`` settles it); where no date settles
it, the person is asked (``DateOrder``), never guessed for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum

from hairjournal.core.month_names import MONTH_NAMES


class DateOrder(Enum):
    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"

    @property
    def label(self) -> str:
        return "day/month/year" if self is DateOrder.DAY_FIRST else "month/day/year"


class DateOrderUnknown(Exception):
    """The dates of a file could be read either way, or some one way and some the other."""


_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?)?"
_YEAR_FIRST = re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}")
_NUMERIC = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{2}}|\d{{4}}){_TIME}")
_NAMED = re.compile(
    r"(?:(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{2}|\d{4})"
    r"|([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}))" + _TIME
)
_MONTHS = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in (name.lower(), name[:3].lower())
}
_MONTHS["sept"] = 9


def date_order(cells: Iterable[str]) -> DateOrder | None:
    """The order the numeric dates among ``cells`` are written in; None if no date needs one.

    Raises ``DateOrderUnknown`` if the dates could be read either way or are written both ways.
    A date with dots (``03.04.2025``) is day first wherever it is written.
    """
    day_first = month_first = ambiguous = None
    for cell in cells:
        match = _NUMERIC.fullmatch(cell.strip())
        if match is None or match.group(2) == ".":
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            day_first = day_first or cell.strip()
        elif second > 12 >= first:
            month_first = month_first or cell.strip()
        elif first != second:
            ambiguous = ambiguous or cell.strip()
    if day_first and month_first:
        raise DateOrderUnknown(
            f"Some dates are day/month/year ({day_first}) and some month/day/year "
            f"({month_first}); correct them so that all are written one way."
        )
    if day_first:
        return DateOrder.DAY_FIRST
    if month_first:
        return DateOrder.MONTH_FIRST
    if ambiguous:
        raise DateOrderUnknown(
            f"The dates could be day/month/year or month/day/year (is {ambiguous} the "
            f"{_both_ways(ambiguous)}?). Say which order they are written in."
        )
    return None


def _both_ways(cell: str) -> str:
    match = _NUMERIC.fullmatch(cell)
    assert match is not None
    first, second = int(match.group(1)), int(match.group(3))
    return f"{_ordinal(first)} of {_month_name(second)} or the {_ordinal(second)} of " + (
        _month_name(first)
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def _month_name(number: int) -> str:
    return MONTH_NAMES[number - 1] if 1 <= number <= 12 else str(number)


def parse_date(text: str, order: DateOrder | None, *, today: dt.date) -> dt.date:
    """The date ``text`` stands for; raises ValueError with a message for people."""
    cell = text.strip()
    try:
        match = _YEAR_FIRST.fullmatch(cell)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _NUMERIC.fullmatch(cell)
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            year = _year(match.group(4), today)
            if match.group(2) == "." or order is DateOrder.DAY_FIRST:
                return dt.date(year, second, first)
            if order is DateOrder.MONTH_FIRST:
                return dt.date(year, first, second)
            if first == second or first > 12 or second > 12:
                day, month = max(first, second), min(first, second)
                return dt.date(year, month, day)
            raise ValueError(f"“{cell}” could be day/month/year or month/day/year.")
        match = _NAMED.fullmatch(cell)
        if match:
            if match.group(1):
                day, name, year_text = match.group(1), match.group(2), match.group(3)
            else:
                name, day, year_text = match.group(4), match.group(5), match.group(6)
            month = _MONTHS.get(name.lower())
            if month is not None:
                return dt.date(_year(year_text, today), month, int(day))
    except ValueError as error:
        if "could be" in str(error):
            raise
        raise ValueError(f"“{cell}” is not a date on the calendar.") from None
    raise ValueError(f"“{cell}” is not a date (write it as 2025-03-14, for example).")


def _year(text: str, today: dt.date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)  # two digits: this century, unless that is still to come
    return year if year <= today.year else year - 100
