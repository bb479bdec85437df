"""A read-only health check of a journal file, and a summary of what it holds."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hairjournal.core.enums import Choice, Condition, ShedProtocol, TreatmentKind
from hairjournal.store.connection import ERRORS, looks_encrypted
from hairjournal.store.journal import JournalRefused, inspect_journal, read_only_connection
from hairjournal.store.migrations import SCHEMA_VERSION

# Every column that dates a record: the journal's span runs from the earliest to the latest.
DATE_COLUMNS = (
    ("treatment", "started_on"),
    ("treatment", "stopped_on"),
    ("session", "date"),
    ("shed_count", "date"),
    ("checkin", "date"),
    ("event", "started_on"),
    ("event", "ended_on"),
    ("measurement", "date"),
    ("photo", "date(taken_at)"),
)


@dataclass(frozen=True)
class Contents:
    """What a journal holds, counted."""

    title: str
    condition: str
    first_date: dt.date | None
    last_date: dt.date | None
    treatments: dict[str, int]  # by kind, as people read it
    sessions: int
    shed_counts: dict[str, int]  # by protocol, as people read it
    checkins: int
    events: int
    measurements: int
    photos: int
    photo_bytes: int

    def lines(self) -> list[str]:
        if self.first_date is None or self.last_date is None:
            span = "no dated records yet"
        else:
            days = (self.last_date - self.first_date).days + 1
            span = f"{self.first_date} to {self.last_date} ({days} days)"
        return [
            f"Title: {self.title}",
            f"Condition: {self.condition}",
            f"Records: {span}",
            f"Treatments: {_total_and_parts(self.treatments)}",
            f"Sessions: {self.sessions}",
            f"Shedding counts: {_total_and_parts(self.shed_counts)}",
            f"Check-ins: {self.checkins}",
            f"Events: {self.events}",
            f"Clinic figures: {self.measurements}",
            f"Photos: {self.photos} ({size_text(self.photo_bytes)} of originals)",
        ]


@dataclass(frozen=True)
class CheckReport:
    """The outcome of ``check_journal``: what was checked, what is wrong, what the file holds."""

    path: Path
    checks: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    contents: Contents | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        verdict = "is healthy" if self.ok else "has problems"
        lines = [f"{self.path.name} {verdict}."]
        lines += [f"  {check}" for check in self.checks]
        lines += [f"  Problem: {problem}" for problem in self.problems]
        if self.contents is not None:
            lines += [f"  {line}" for line in self.contents.lines()]
        return "\n".join(lines)


def check_journal(path: Path) -> CheckReport:
    """Check the journal at ``path`` without changing it (a journal open elsewhere is fine)."""
    path = Path(path)
    try:
        inspection = inspect_journal(path, thorough=True)
    except JournalRefused as refused:
        return CheckReport(path, problems=(refused.message,))
    checks = ["Integrity (integrity_check): ok"]
    if looks_encrypted(path):
        checks.append("Encrypted with its passphrase (SQLCipher): yes")
    problems = []
    orphans = inspection.foreign_key_problems
    if orphans:
        rows = "1 row points" if orphans == 1 else f"{orphans} rows point"
        problems.append(f"{rows} at records that do not exist (foreign_key_check).")
    else:
        checks.append("Links between records (foreign_key_check): ok")
    if inspection.schema_version == SCHEMA_VERSION:
        checks.append(f"Journal format: {inspection.schema_version} (current)")
    else:
        checks.append(
            f"Journal format: {inspection.schema_version}, older than this version's "
            f"{SCHEMA_VERSION}; it will be upgraded when opened (after a backup)"
        )
    contents = None
    try:
        with read_only_connection(path) as connection:
            contents = _contents(connection)
    except JournalRefused as refused:
        problems.append(refused.message)
    except (*ERRORS, ValueError, TypeError) as error:  # damaged text, or a date that is none
        problems.append(f"Its records cannot be read: {error}.")
    return CheckReport(path, tuple(checks), tuple(problems), contents)


def _contents(connection: sqlite3.Connection) -> Contents:
    def scalar(sql: str) -> int:
        return connection.execute(sql).fetchone()[0] or 0

    def by_code(table: str, column: str, choice: type[Choice]) -> dict[str, int]:
        sql = f"SELECT {column}, count(*) FROM {table} GROUP BY {column}"
        counts = dict(connection.execute(sql).fetchall())
        # In the order the app lists the choices; a code it does not know comes last.
        codes = [code for code in choice.codes() if code in counts]
        codes += sorted(set(counts) - set(codes))
        return {_label(choice, code): counts[code] for code in codes}

    row = connection.execute("SELECT title, condition FROM journal").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("the journal's own row (title, condition) is missing")
    title, condition = row
    dates = " UNION ALL ".join(f"SELECT {column} AS day FROM {t}" for t, column in DATE_COLUMNS)
    first, last = connection.execute(f"SELECT min(day), max(day) FROM ({dates})").fetchone()
    return Contents(
        title=title,
        condition=_label(Condition, condition),
        first_date=None if first is None else dt.date.fromisoformat(first),
        last_date=None if last is None else dt.date.fromisoformat(last),
        treatments=by_code("treatment", "kind", TreatmentKind),
        sessions=scalar("SELECT count(*) FROM session"),
        shed_counts=by_code("shed_count", "protocol", ShedProtocol),
        checkins=scalar("SELECT count(*) FROM checkin"),
        events=scalar("SELECT count(*) FROM event"),
        measurements=scalar("SELECT count(*) FROM measurement"),
        photos=scalar("SELECT count(*) FROM photo"),
        # SQLite answers length() of a blob from the record header, without reading the photo.
        photo_bytes=scalar("SELECT sum(length(data)) FROM photo_original"),
    )


def _label(choice: type[Choice], code: str) -> str:
    try:
        return choice(code).label
    except ValueError:
        return code


def _total_and_parts(parts: dict[str, int]) -> str:
    if not parts:
        return "0"
    named = ", ".join(f"{name} {count}" for name, count in parts.items())
    return f"{sum(parts.values())} ({named})"


def size_text(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
