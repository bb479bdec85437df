"""Journal files a person should never have to trust: cut short, damaged, foreign, from the future.

Each case is written into an empty folder, checked with ``check_journal`` (what ``hairjournal
check`` runs) and opened with ``open_journal``. A case that must be
refused is refused with a message, and the folder is left byte for byte as it was (no -wal,
-shm or lock file either). A flipped bit can land where SQLite cannot see it (free space, or a
value inside a row), or where only a full ``integrity_check`` sees it (an index that no longer
matches its table): such a journal passes the check made on opening, and opens. Those are
counted, not failed.
"""

from __future__ import annotations

import random
import sqlite3
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from hairjournal.store.check import check_journal
from hairjournal.store.journal import APPLICATION_ID, JournalRefused, Refusal, open_journal
from hairjournal.store.migrations import SCHEMA_VERSION
from tests.journal_files import folder_fingerprint, make_journal, make_sqlite

NAME = "journal.hairjournal"
HEADER = 100
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class JournalCase:
    what: str
    make: Callable[[Path], None]
    refusals: frozenset[Refusal]  # what it may be refused as
    may_open: bool = False  # when damage can be invisible, a healthy open is allowed


@dataclass
class JournalFuzzReport:
    cases: int = 0
    refused: int = 0
    opened: int = 0
    opened_damaged: int = 0  # opened, though integrity_check finds what quick_check does not
    check_disagrees: int = 0  # refused on opening, yet ``check_journal`` finds it healthy
    crashes: int = 0
    problems: list[str] = field(default_factory=list)


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def journal_cases(source: bytes, rng: random.Random, count: int) -> list[JournalCase]:
    """``count`` cases cut from and damaged in the healthy journal ``source``."""
    damaged = frozenset({Refusal.DAMAGED, Refusal.NOT_SQLITE, Refusal.EMPTY})
    cases = []
    page = int.from_bytes(source[16:18], "big") or 65536
    for _ in range(count):
        kind = rng.choice(["cut", "cut at a page", "bits", "header", "page of noise"])
        data = bytearray(source)
        if kind == "cut":
            at = rng.randrange(len(source))
            cases.append(JournalCase(f"cut at byte {at}", _bytes(source[:at]), damaged))
        elif kind == "cut at a page":
            at = rng.randrange(len(source) // page) * page
            cases.append(JournalCase(f"cut after page {at // page}", _bytes(source[:at]), damaged))
        elif kind == "bits":
            spots = sorted(rng.randrange(len(source)) for _ in range(rng.randint(1, 32)))
            for spot in spots:
                data[spot] ^= 1 << rng.randrange(8)
            # A flip in the header may also change the id or version the file declares.
            refusals = damaged | {Refusal.FOREIGN, Refusal.NEWER, Refusal.UNREADABLE}
            cases.append(JournalCase(f"bits flipped at {spots}", _bytes(data), refusals, True))
        elif kind == "header":
            at = rng.randrange(len(SQLITE_MAGIC))
            data[at] ^= 0xFF
            cases.append(JournalCase(f"header byte {at} changed", _bytes(data), damaged))
        else:
            number = rng.randrange(1, len(source) // page)
            data[number * page : (number + 1) * page] = rng.randbytes(page)
            cases.append(JournalCase(f"page {number} is noise", _bytes(data), damaged))
    return cases


def foreign_and_newer_cases(rng: random.Random, count: int) -> list[JournalCase]:
    """Other programs' databases, journals from later versions, and not-databases."""
    cases = []
    for _ in range(count):
        kind = rng.choice(["foreign", "newer", "empty", "noise after the magic", "text"])
        if kind == "foreign":
            application_id = rng.choice([0, rng.randrange(1, 2**31)])
            if application_id == APPLICATION_ID:
                application_id += 1
            cases.append(
                JournalCase(
                    f"another program's database (id {application_id})",
                    lambda p, a=application_id: make_sqlite(p, application_id=a),
                    frozenset({Refusal.FOREIGN}),
                )
            )
        elif kind == "newer":
            version = rng.choice([SCHEMA_VERSION + 1, rng.randrange(SCHEMA_VERSION + 1, 2**31)])
            cases.append(
                JournalCase(
                    f"a journal of format {version}",
                    lambda p, v=version: make_sqlite(
                        p, application_id=APPLICATION_ID, user_version=v
                    ),
                    frozenset({Refusal.NEWER}),
                )
            )
        elif kind == "empty":
            cases.append(JournalCase("zero bytes", _bytes(b""), frozenset({Refusal.EMPTY})))
        elif kind == "noise after the magic":
            noise = SQLITE_MAGIC + rng.randbytes(rng.randint(0, 3 * 4096))
            refusals = frozenset({Refusal.DAMAGED, Refusal.NOT_SQLITE, Refusal.UNREADABLE})
            cases.append(JournalCase("noise that starts like SQLite", _bytes(noise), refusals))
        else:
            text = "date,count\n2026-01-01,80\n" * rng.randint(1, 200)
            cases.append(
                JournalCase("a CSV file", _bytes(text.encode()), frozenset({Refusal.NOT_SQLITE}))
            )
    return cases


def healthy_source(folder: Path) -> bytes:
    """A closed journal with enough rows to fill index and overflow pages."""
    folder.mkdir(parents=True, exist_ok=True)
    path = make_journal(folder / "source.hairjournal", counts=600)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE shed_count SET notes = printf('%.*c', 3000, 'n') WHERE id < 5")
    connection.close()
    return path.read_bytes()


def _raised(error: BaseException) -> str:
    """The error and the line of the app or test that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [
        frame for frame in frames if "hairjournal" in frame.filename or "tests" in frame.filename
    ]
    where = f" at {Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
    return f"{type(error).__name__}{where}: {error}"


def _passes_integrity_check(db: pw.SqliteDatabase) -> bool:
    try:
        return [row[0] for row in db.execute_sql("PRAGMA integrity_check")] == ["ok"]
    except (pw.DatabaseError, sqlite3.DatabaseError, UnicodeDecodeError):  # damaged names
        return False


def open_cases(folder: Path, cases: list[JournalCase]) -> JournalFuzzReport:
    """Open each case in a folder of its own; check it is refused and untouched (or healthy)."""
    report = JournalFuzzReport(cases=len(cases))
    for number, case in enumerate(cases):
        place = folder / f"case-{number:05d}"
        place.mkdir(parents=True)
        path = place / NAME
        case.make(path)
        before = folder_fingerprint(place)
        try:
            checked = check_journal(path)  # ``hairjournal check``: read-only, never raises
        except Exception as error:
            report.crashes += 1
            report.problems.append(f"{case.what}: check: {_raised(error)}")
            continue
        try:
            with open_journal(path) as journal:
                report.opened += 1
                report.opened_damaged += not _passes_integrity_check(journal.db)
            if not case.may_open:
                report.problems.append(f"{case.what}: opened")
            continue
        except JournalRefused as refused:
            report.refused += 1
            report.check_disagrees += checked.ok
            if refused.refusal not in case.refusals:
                report.problems.append(f"{case.what}: refused as {refused.refusal.value}")
            if "has not been changed" not in refused.message and refused.refusal in {
                Refusal.EMPTY,
                Refusal.NOT_SQLITE,
                Refusal.FOREIGN,
                Refusal.NEWER,
                Refusal.DAMAGED,
            }:
                report.problems.append(f"{case.what}: the message does not reassure: {refused}")
        except Exception as error:  # what the test is for: nothing else may escape
            report.crashes += 1
            report.problems.append(f"{case.what}: {_raised(error)}")
        if folder_fingerprint(place) != before:
            report.problems.append(f"{case.what}: the folder changed")
    return report
