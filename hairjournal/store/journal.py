"""Creating, checking and opening a journal file, one writer at a time.

A journal is one SQLite file marked as ours by ``PRAGMA application_id``. Before anything is
written, the file is inspected through a read-only connection; a file we cannot trust (empty,
not SQLite, another program's, from a newer version, damaged, or open in another process) is
refused with a message for people and left byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import peewee as pw
from PySide6.QtCore import QLockFile

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store import models
from hairjournal.store.migrations import SCHEMA_VERSION, backup_before_migrating, migrate
from hairjournal.store.privacy import make_private_folder, private_files

SUFFIX = ".hairjournal"
# "HrJl": marks a SQLite file as a Hair Journal (PRAGMA application_id).
APPLICATION_ID = 0x48724A6C
SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}


class Refusal(Enum):
    """Why a file is not opened; each comes with a message for people."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    NEWER = "newer"
    DAMAGED = "damaged"
    LOCKED = "locked"
    EXISTS = "exists"


class JournalRefused(Exception):
    """The file was not opened (or not created) and nothing was written to it."""

    def __init__(self, path: Path, refusal: Refusal, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.refusal = refusal
        self.message = message

    @property
    def may_restore_backup(self) -> bool:
        return self.refusal in {Refusal.EMPTY, Refusal.NOT_SQLITE, Refusal.DAMAGED}


@dataclass(frozen=True)
class Inspection:
    """What a read-only look at a journal file found."""

    schema_version: int
    quick_check: list[str]
    foreign_key_problems: int

    @property
    def healthy(self) -> bool:
        return self.quick_check == ["ok"] and self.foreign_key_problems == 0


def backups_folder(journal: Path) -> Path:
    return journal.parent / "backups"


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


LARGE_TABLE = models.PhotoOriginal._meta.table_name  # checked on open only when thorough


def inspect_journal(path: Path, *, thorough: bool = False) -> Inspection:
    """Look at ``path`` without changing it; raise ``JournalRefused`` for a file we won't open.

    SQLite's quick_check runs on every table and index but the photos' originals, whose pages
    are most of a journal (gigabytes, years on): reading them all would make opening as slow
    as copying the file. ``thorough`` checks them too, as ``hairjournal check`` and the
    verification of every backup do; an original is also checked when its photo is read.
    """
    path = Path(path)
    if not path.exists():
        raise JournalRefused(path, Refusal.MISSING, f"There is no journal at {path}.")
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise JournalRefused(
            path, Refusal.UNREADABLE, f"{path.name} cannot be read: {error.strerror}."
        ) from error
    if not header:
        raise JournalRefused(
            path,
            Refusal.EMPTY,
            f"{path.name} is empty (0 bytes). It may have been cut short by a failed copy or a "
            "full disk. It has not been changed; you can restore a backup instead.",
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise JournalRefused(
            path,
            Refusal.NOT_SQLITE,
            f"{path.name} is not a Hair Journal file (it is not an SQLite database at all). "
            "It has not been changed.",
        )
    with read_only_connection(path) as connection:
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise _damaged(path, str(error)) from error
        if application_id != APPLICATION_ID:
            raise JournalRefused(
                path,
                Refusal.FOREIGN,
                f"{path.name} is an SQLite database made by another program, not a Hair "
                "Journal. It has not been changed.",
            )
        if version > SCHEMA_VERSION:
            raise JournalRefused(
                path,
                Refusal.NEWER,
                f"{path.name} was written by a newer version of Hair Journal (journal format "
                f"{version}; this version reads up to {SCHEMA_VERSION}). Update Hair Journal to "
                "open it. It has not been changed.",
            )
        try:
            problems = _quick_check(connection, thorough=thorough)
            orphans = len(connection.execute("PRAGMA foreign_key_check").fetchall())
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # names that are not text
            raise _damaged(path, str(error)) from error
    inspection = Inspection(version, problems, orphans)
    if problems != ["ok"]:
        lines = [line for problem in problems for line in problem.splitlines()]
        raise _damaged(path, next(line for line in lines if not line.startswith("***")))
    return inspection


def _quick_check(connection: sqlite3.Connection, *, thorough: bool) -> list[str]:
    """SQLite's quick_check of the whole file, or of every table but the photos' originals."""
    if thorough:
        return [row[0] for row in connection.execute("PRAGMA quick_check")]
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name != LARGE_TABLE
    ]
    problems = []
    for table in tables:
        found = [row[0] for row in connection.execute(f'PRAGMA quick_check("{table}")')]
        problems += [problem for problem in found if problem != "ok"]
    return problems or ["ok"]


def _damaged(path: Path, detail: str) -> JournalRefused:
    return JournalRefused(
        path,
        Refusal.DAMAGED,
        f"{path.name} is damaged and cannot be trusted ({detail}). It has not been changed; "
        "restore a backup, or keep this file for a specialist to recover.",
    )


class read_only_connection:  # noqa: N801 - used as a context manager, reads like one
    """A read-only connection that removes the empty -wal/-shm files SQLite creates for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.siblings = [path.with_name(path.name + s) for s in ("-wal", "-shm")]

    def __enter__(self) -> sqlite3.Connection:
        self.existed = {s for s in self.siblings if s.exists()}
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            self.connection = sqlite3.connect(uri, uri=True)
        except sqlite3.Error as error:
            raise JournalRefused(
                self.path, Refusal.UNREADABLE, f"{self.path.name} cannot be opened: {error}."
            ) from error
        return self.connection

    def __exit__(self, *exc_info: object) -> None:
        self.connection.close()
        wal = self.path.with_name(self.path.name + "-wal")
        if wal not in self.existed and wal.exists() and wal.stat().st_size == 0:
            for sibling in self.siblings:
                if sibling not in self.existed:
                    sibling.unlink(missing_ok=True)


@dataclass
class OpenJournal:
    """A journal open for writing by this process; the models are bound to it until ``close``."""

    path: Path
    db: pw.SqliteDatabase
    lock: QLockFile
    migrated_from: int | None = None
    backup: Path | None = field(default=None)

    def close(self) -> None:
        self.db.close()
        if models.database.obj is self.db:
            models.database.initialize(None)
        self.lock.unlock()

    def __enter__(self) -> OpenJournal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# A process killed while it was writing its lock leaves the file empty, naming no process to
# ask about; a live process fills its lock within microseconds of creating it.
ABANDONED_LOCK_AGE_S = 1.0


def _abandoned(lock: QLockFile, path: Path) -> bool:
    """Whether the lock names no process and is older than any live process leaves it so."""
    pid, _host, _app = lock.getLockInfo()
    try:
        age = time.time() - lock_path(path).stat().st_mtime
    except OSError:
        return False
    return pid == 0 and age > ABANDONED_LOCK_AGE_S


def _acquire_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)  # a lock is stale only when its process has gone
    if lock.tryLock(0):
        return lock
    if _abandoned(lock, path) and lock.removeStaleLockFile() and lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, host, app = lock.getLockInfo()
        holder = f"process {pid}" + (f" on {host}" if host else "")
        program = app or "another program"
        raise JournalRefused(
            path,
            Refusal.LOCKED,
            f"{path.name} is already open in {program} ({holder}). Close it there first; "
            "only one window may write to a journal at a time.",
        )
    raise JournalRefused(
        path,
        Refusal.UNREADABLE,
        f"{path.name} cannot be locked for writing (its folder may be read-only).",
    )


def _connect(path: Path) -> pw.SqliteDatabase:
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.connect()
    if models.database.obj is not None and not models.database.obj.is_closed():
        db.close()
        raise RuntimeError("another journal is still open in this process")
    models.database.initialize(db)
    return db


def open_journal(path: Path) -> OpenJournal:
    """Open an existing journal for writing, upgrading its schema (after a backup) if older."""
    path = Path(path).absolute()
    if not path.exists():
        raise JournalRefused(path, Refusal.MISSING, f"There is no journal at {path}.")
    lock = _acquire_lock(path)
    try:
        inspection = inspect_journal(path)
        with private_files():
            try:
                db = _connect(path)
            except (pw.DatabaseError, sqlite3.DatabaseError, UnicodeDecodeError) as error:
                raise _damaged(path, str(error)) from error  # a schema SQLite cannot read
        journal = OpenJournal(path, db, lock)
        if inspection.schema_version < SCHEMA_VERSION:
            make_private_folder(backups_folder(path))
            journal.backup = backup_before_migrating(db, path, backups_folder(path))
            journal.migrated_from = inspection.schema_version
            migrate(db)
        return journal
    except BaseException:
        _unbind()
        lock.unlock()
        raise


def _unbind() -> None:
    if models.database.obj is not None:
        models.database.obj.close()
        models.database.initialize(None)


def create_journal(
    path: Path,
    *,
    title: str,
    condition: Condition,
    onset_on: dt.date | None = None,
    birth_year: int | None = None,
    first_treatment: tuple[TreatmentKind, dt.date] | None = None,
) -> OpenJournal:
    """Create a new journal file (0600) at ``path`` and open it; an existing file is refused."""
    path = Path(path).absolute()
    if path.exists():
        raise JournalRefused(
            path, Refusal.EXISTS, f"{path.name} already exists; open it instead of creating it."
        )
    make_private_folder(path.parent)
    lock = _acquire_lock(path)
    try:
        with private_files():
            db = _connect(path)
            with db.atomic():
                db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")
                db.create_tables(models.MODELS)
                models.Journal.create(
                    id=1,
                    title=title,
                    condition=condition,
                    onset_on=onset_on,
                    birth_year=birth_year,
                    created_at=dt.datetime.now(),
                )
                if first_treatment is not None:
                    kind, started_on = first_treatment
                    models.Treatment.create(kind=kind, started_on=started_on)
                db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        return OpenJournal(path, db, lock)
    except BaseException:
        _unbind()
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        lock.unlock()
        raise
