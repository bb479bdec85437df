"""Reading one cell as the value its column holds, or saying in plain words why it cannot be."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hairjournal.core.enums import Choice, MeasurementKind
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.services.csv_dates import DateOrder, parse_date
from hairjournal.services.csv_format import NO_WORDS, YES_WORDS, Column, Value, restored

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")  # thousands groups: 1 500, 1'500
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_COMMA_DECIMAL = re.compile(r"[+-]?\d*,\d+")
_DOT_DECIMAL = re.compile(r"[+-]?\d*\.\d+")


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in plain words."""


def uses_decimal_comma(cells: Iterable[str], separator: str) -> bool:
    """Whether the numbers among ``cells`` are written with a decimal comma.

    A number like ``2,5`` or ``2.5`` settles it; ``1,500`` could be either, and then the
    separator decides (a file separated by commas cannot use them for decimals unquoted).
    """
    comma = dot = False
    for cell in cells:
        text = _SPACES.sub("", cell)
        if _COMMA_DECIMAL.fullmatch(text) and not _COMMA_THOUSANDS.fullmatch(text):
            comma = True
        elif _DOT_DECIMAL.fullmatch(text) and not _DOT_THOUSANDS.fullmatch(text):
            dot = True
    if comma != dot:
        return comma
    return separator != ","


@dataclass(frozen=True)
class CellReader:
    """Reads the cells of one file, whose numbers and dates are all written one way."""

    decimal_comma: bool
    date_order: DateOrder | None
    today: dt.date

    def read(self, column: Column, cell: str) -> Any:
        """The value of ``cell`` in ``column``; None for an empty cell where one is allowed."""
        return self.reader(column)(cell)

    def reader(self, column: Column) -> Callable[[str], Any]:
        """``read`` for one column, decided once: a file's rows then read at full speed."""
        kind = column.value
        if kind is Value.TEXT or kind is Value.STAGE:
            return restored
        if kind is Value.LIST:
            return lambda cell: read_list(restored(cell))
        if kind is Value.YES_NO:
            return read_yes_no
        if kind is Value.ID:
            return _whole_or_none
        if kind is Value.DATE or kind is Value.DATETIME:
            parse = self._date
        elif kind is Value.NUMBER or kind is Value.WHOLE:
            parse = self.number
        else:
            assert column.choice is not None
            parse = _choice_reader(column.choice)
        refuse_empty = column.required and column.choice is not None
        codes = _codes(column.choice) if column.choice is not None else ""

        def read(cell: str) -> Any:
            if cell and not cell.isspace():
                return parse(cell)
            if refuse_empty:
                raise CellError(f"This is empty; it must be one of: {codes}.")
            return None  # a missing date or figure: the form's own check says so

        return read

    def _date(self, cell: str) -> dt.date:
        try:
            return parse_date(cell, self.date_order, today=self.today)
        except ValueError as error:
            raise CellError(str(error)) from None

    def number(self, cell: str) -> float | int:
        text = _SPACES.sub("", cell)
        if self.decimal_comma:
            if _DOT_THOUSANDS.fullmatch(text):
                text = text.replace(".", "")
            text = text.replace(",", ".")
        elif _COMMA_THOUSANDS.fullmatch(text):
            text = text.replace(",", "")
        elif _COMMA_DECIMAL.fullmatch(text):
            text = text.replace(",", ".")
        if not _NUMBER.fullmatch(text):
            raise CellError(f"“{cell.strip()}” is not a number.")
        value = float(text)
        if not math.isfinite(value):
            raise CellError(f"“{cell.strip()}” is not a number.")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _whole_or_none(cell: str) -> int | None:
    text = cell.strip()
    return int(text) if text.isdigit() else None


def read_yes_no(cell: str) -> bool:
    """Yes or no in the words export writes and people type; an empty cell is no."""
    word = cell.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise CellError(f"“{cell.strip()}” is neither yes nor no.")


def read_choice(choice: type[Choice], cell: str) -> Choice:
    """A choice by its code or by the words the app shows for it, in any case."""
    return _choice_reader(choice)(cell)


@functools.cache
def _choice_reader(choice: type[Choice]) -> Callable[[str], Choice]:
    words = {word: member for member in choice for word in (member.value, member.label.lower())}

    def read(cell: str) -> Choice:
        member = words.get(cell) or words.get(cell.strip().lower())
        if member is None:
            raise CellError(f"“{cell.strip()}” is not one of: {_codes(choice)}.")
        return member

    return read


def _codes(choice: type[Choice]) -> str:
    return ", ".join(choice.codes())


def read_list(text: str) -> list[str]:
    """Items joined by ``;``, or a JSON array of them (as export writes either)."""
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            return items
    return [item.strip() for item in text.split(";") if item.strip()]


def stage_position(kind: MeasurementKind, stage: str) -> int:
    """The position of a stage on ``kind``'s scale, by its name in any case."""
    scale = STAGE_SCALES.get(kind)
    if scale is None:
        raise CellError(f"{kind.label} has no stages; leave this empty.")
    for position, name in enumerate(scale.stages, start=1):
        if name.lower() == stage.strip().lower():
            return position
    names = ", ".join(scale.stages)
    raise CellError(f"“{stage.strip()}” is not a {kind.label} stage (one of: {names}).")
