"""Adding, changing and deleting records, each as one transaction that can be undone.

Every write either commits whole or changes nothing, and a failure is turned into a
``WriteFailed`` that says in plain words what happened (disk full, I/O error, journal locked,
read-only), so that a form can keep what was typed and show the message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from typing import Any

import peewee as pw

from hairjournal.store import models

Values = dict[str, Any]


class Failure(Enum):
    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    REFUSED = "refused"  # a constraint: the value breaks a rule of the journal
    OTHER = "other"


MESSAGES = {
    Failure.DISK_FULL: "The disk is full, so nothing was saved. Free some space and save again.",
    Failure.IO_ERROR: (
        "The computer could not write to the journal file (an input/output error), so nothing "
        "was saved. Check the disk or drive, then save again."
    ),
    Failure.LOCKED: (
        "The journal is busy in another program, so nothing was saved. Try again in a moment."
    ),
    Failure.READ_ONLY: "The journal is read-only here, so nothing was saved.",
    Failure.REFUSED: "The journal refused this entry: {detail}. Nothing was saved.",
    Failure.OTHER: "Saving failed ({detail}), so nothing was saved.",
}

# SQLite's primary result codes (the low byte of an extended code).
_CODES = {
    13: Failure.DISK_FULL,  # SQLITE_FULL
    10: Failure.IO_ERROR,  # SQLITE_IOERR
    5: Failure.LOCKED,  # SQLITE_BUSY
    6: Failure.LOCKED,  # SQLITE_LOCKED
    8: Failure.READ_ONLY,  # SQLITE_READONLY
    19: Failure.REFUSED,  # SQLITE_CONSTRAINT
}


class WriteFailed(Exception):
    """Nothing was written; ``message`` tells the person why."""

    def __init__(self, failure: Failure, detail: str) -> None:
        self.failure = failure
        self.detail = detail
        self.message = MESSAGES[failure].format(detail=detail)
        super().__init__(self.message)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def classify(error: BaseException) -> Failure:
    """Which kind of failure a database error is.

    The SQLite result code is looked for along the whole chain: peewee re-raises driver errors
    without it, and a failed rollback after SQLITE_FULL hides the error that mattered.
    """
    for link in _chain(error):
        code = getattr(link, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _CODES:
            return _CODES[code & 0xFF]
    if any(isinstance(link, pw.IntegrityError | sqlite3.IntegrityError) for link in _chain(error)):
        return Failure.REFUSED
    return Failure.OTHER


@contextmanager
def writing() -> Iterator[None]:
    """One transaction; on failure it is rolled back and ``WriteFailed`` is raised."""
    try:
        with models.database.atomic():
            yield
    except (pw.DatabaseError, sqlite3.DatabaseError, OSError) as error:
        failure = classify(error)
        detail = next(
            (
                str(link)
                for link in _chain(error)
                if getattr(link, "sqlite_errorcode", 0) & 0xFF in _CODES
            ),
            str(error),
        )
        raise WriteFailed(failure, detail) from error


def _row(model: type[models.BaseModel], record_id: int) -> Values:
    return model.select().where(model._meta.primary_key == record_id).dicts().get()


def fetch(model: type[models.BaseModel], record_id: int) -> Values:
    """A record's values by field name."""
    return _row(model, record_id)


def add(model: type[models.BaseModel], values: Values) -> int:
    """Store a new record; return its id."""
    with writing():
        return model.insert(**values).execute()


def add_many(model: type[models.BaseModel], rows: list[Values]) -> None:
    """Store many new records in one transaction: all of them, or none."""
    with writing():
        for row in rows:
            model.insert(**row).execute()


def change(model: type[models.BaseModel], record_id: int, values: Values) -> Values:
    """Change some fields of a record; return their previous values (for undo)."""
    with writing():
        before = _row(model, record_id)
        model.update(**values).where(model._meta.primary_key == record_id).execute()
    return {name: before[name] for name in values}


@dataclass(frozen=True)
class Removed:
    """A deleted record and the records deleted with it, enough to put them all back."""

    rows: tuple[tuple[type[models.BaseModel], Values], ...]


def _dependants(model: type[models.BaseModel], record_id: int) -> list[tuple[type, Values]]:
    """Rows that ON DELETE CASCADE removes with this one, parents before children."""
    found: list[tuple[type, Values]] = []
    for foreign_key in model._meta.backrefs:
        child = foreign_key.model
        for row in child.select().where(foreign_key == record_id).dicts():
            found.append((child, row))
            found += _dependants(child, row[child._meta.primary_key.name])
    return found


def remove(model: type[models.BaseModel], record_id: int) -> Removed:
    """Delete a record (and what cascades from it); return what is needed to undo it."""
    with writing():
        rows = [(model, _row(model, record_id)), *_dependants(model, record_id)]
        model.delete().where(model._meta.primary_key == record_id).execute()
    return Removed(tuple(rows))


def restore(removed: Removed) -> None:
    """Put back what ``remove`` deleted, with the same ids."""
    with writing():
        for model, values in removed.rows:
            model.insert(**values).execute()
