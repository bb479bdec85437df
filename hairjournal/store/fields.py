"""Peewee fields that carry the journal's own rules: coded choices, ISO dates, JSON lists."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import peewee as pw

from hairjournal.core.enums import Choice
from hairjournal.core.limits import Limit


class _SelfChecking(pw.Field):
    """A field whose column gets a CHECK constraint saying what the field may hold."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._declared_constraints = list(self.constraints or [])

    def check_sql(self, column: str) -> str:
        raise NotImplementedError

    def bind(self, model: type[pw.Model], name: str, set_attribute: bool = True) -> None:
        super().bind(model, name, set_attribute)
        check = pw.Check(self.check_sql(self.column_name))
        self.constraints = [*self._declared_constraints, check]


class ChoiceField(_SelfChecking, pw.CharField):
    """Stores a ``Choice`` by its code; the schema refuses any other code."""

    def __init__(self, choice: type[Choice], **kwargs: Any) -> None:
        self.choice = choice
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def check_sql(self, column: str) -> str:
        return in_list_sql(column, self.choice.codes())

    def db_value(self, value: Any) -> str | None:
        return None if value is None else self.choice(value).value

    def python_value(self, value: Any) -> Choice | None:
        return None if value is None else self.choice(value)


class IsoDateField(_SelfChecking, pw.DateField):
    """A calendar date kept as 'YYYY-MM-DD'; the schema refuses any other text."""

    def check_sql(self, column: str) -> str:
        # '+0 days' makes SQLite normalise the date, so 2025-02-30 no longer equals itself.
        return f"{column} IS date({column}, '+0 days')"

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return value if isinstance(value, str) else value.isoformat()

    def python_value(self, value: Any) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(value)


class IsoDateTimeField(_SelfChecking, pw.DateTimeField):
    """A local date and time to the second, kept as 'YYYY-MM-DD HH:MM:SS'."""

    def check_sql(self, column: str) -> str:
        return f"{column} IS datetime({column}, '+0 days')"

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")

    def python_value(self, value: Any) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(value)


class JsonListField(_SelfChecking, pw.TextField):
    """A short list of strings (areas treated, side effects) kept as a JSON array."""

    def check_sql(self, column: str) -> str:
        return f"json_valid({column}) AND json_type({column}) = 'array'"

    def db_value(self, value: Any) -> str:
        return json.dumps(list(value or []), ensure_ascii=False)

    def python_value(self, value: Any) -> list[str]:
        return [] if value is None else list(json.loads(value))


def in_list_sql(column: str, codes: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{code}'" for code in codes)
    return f"{column} IN ({quoted})"


def within(limit: Limit, column: str) -> list[pw.Check]:
    """The CHECK constraint of a numeric column bounded by a ``Limit`` from core."""
    return [pw.Check(f"{column} IS NULL OR ({limit.sql(column)})")]
