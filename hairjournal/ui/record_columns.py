"""What a column of a record list shows: a field, its title, how it reads, sorts and is edited.

``Column(field, title, ...)``: ``kind`` (``Kind.DATE``, ``NUMBER``, ``CHOICE``, ``BOOL``,
``LIST``, ``TEXT``) and, for numbers and choices, ``whole`` and ``choice`` are read from the
model's field when left out (``resolve``). ``text(value, row) -> str`` overrides the display
(default: '3 Nov 2026', a choice's label, '1,250', '2.5', a list joined with commas, the first
line of a text). ``editable=True`` lets the cell be edited in place with the input the forms use
(NumberInput, DateInput, ChoiceInput, a line of text; a check box for BOOL). ``tooltip=True``
shows the whole text on hover (notes); ``stretch=True`` gives the column the spare width.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import Any

import peewee as pw

from hairjournal.core.enums import Choice
from hairjournal.store import models
from hairjournal.store.fields import ChoiceField, IsoDateField, JsonListField
from hairjournal.ui.date_text import day_text

Row = dict[str, Any]


class Kind(Enum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"
    LIST = "list"


@dataclasses.dataclass(frozen=True)
class Column:
    """One column of a list; see the module's docstring."""

    field: str
    title: str
    kind: Kind | None = None
    text: Callable[[Any, Row], str] | None = None
    editable: bool = False
    whole: bool | None = None
    choice: type[Choice] | None = None
    tooltip: bool = False
    stretch: bool = False


def number_text(value: float | None) -> str:
    """'1,250', '2.5', '' for no value."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,g}"


def _default_text(kind: Kind) -> Callable[[Any, Row], str]:
    def text(value: Any, _row: Row) -> str:
        if value is None:
            return ""
        if kind is Kind.DATE:
            return day_text(value)
        if kind is Kind.CHOICE or isinstance(value, Choice):
            return value.label
        if kind is Kind.NUMBER:
            return number_text(value)
        if kind is Kind.BOOL:
            return ""
        if kind is Kind.LIST:
            return ", ".join(value)
        first, *more = str(value).strip().splitlines() or [""]
        return f"{first} …" if more else first

    return text


def resolve(column: Column, model: type[models.BaseModel]) -> Column:
    """``column`` with what was left out read from the model's field."""
    field = model._meta.fields.get(column.field)
    kind = column.kind
    if kind is None:
        kind = Kind.TEXT
        for field_type, field_kind in (
            (IsoDateField, Kind.DATE),
            (ChoiceField, Kind.CHOICE),
            (JsonListField, Kind.LIST),
            (pw.BooleanField, Kind.BOOL),
            (pw.IntegerField, Kind.NUMBER),
            (pw.FloatField, Kind.NUMBER),
        ):
            if isinstance(field, field_type):
                kind = field_kind
                break
    whole = column.whole
    if whole is None:
        whole = isinstance(field, pw.IntegerField) and not isinstance(field, pw.BooleanField)
    choice = column.choice or (field.choice if isinstance(field, ChoiceField) else None)
    return dataclasses.replace(
        column, kind=kind, whole=whole, choice=choice, text=column.text or _default_text(kind)
    )


def sort_key(column: Column, value: Any, text: str) -> Any:
    """What a value sorts by: dates and numbers by value, the rest by the text shown."""
    if column.kind is Kind.DATE:
        return value.toordinal() if value is not None else 0
    if column.kind is Kind.NUMBER:
        return float(value) if value is not None else float("-inf")
    if column.kind is Kind.BOOL:
        return int(bool(value))
    return text.casefold()
