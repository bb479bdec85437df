"""Creating, checking and opening a journal file, one writer at a time.

A journal is one SQLite file marked as ours by ``PRAGMA application_id``, encrypted as a whole
by SQLCipher if its owner chose a passphrase. Before anything is written, the file is inspected
through a read-only connection; a file we cannot trust (empty, not SQLite, another program's,
from a newer version, damaged, or open in another process) is refused with a message for people
and left byte for byte as it was. A journal that cannot be written (a read-only disk, a file the
person only wants to look at) may be opened read-only: no lock, no upgrade, no writes.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw
from PySide6.QtCore import QLockFile

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store import models
from hairjournal.store.connection import (
    DATABASE_ERRORS,
    ERRORS,
    SQLITE_CANTOPEN,
    SQLITE_MAGIC,
    EncryptionUnavailable,
    PassphraseNeeded,
    UnreadableWal,
    connect,
    journal_database,
    looks_encrypted,
)
from hairjournal.store.migrations import SCHEMA_VERSION, backup_before_migrating, migrate
from hairjournal.store.privacy import make_private_folder, private_files
from hairjournal.store.refusals import (
    JournalRefused,
    Refusal,
    damaged,
    from_connection_error,
    read_only_refusal,
    upgrade_needed,
)

SUFFIX = ".hairjournal"
# "HrJl": marks a SQLite file as a Hair Journal (PRAGMA application_id).
APPLICATION_ID = 0x48724A6C
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}
# A read-only journal keeps its journal mode; query_only makes SQLite itself refuse any write.
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}
# SQLite's answers to a write where the file or its folder is read-only.
SQLITE_READONLY = 8
READ_ONLY_CODES = {SQLITE_READONLY, SQLITE_CANTOPEN}
READ_ONLY_WORDS = ("attempt to write a readonly database", "unable to open database file")


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
THOROUGH_MMAP_BYTES = 64 * 2**30  # address space only: SQLite maps no more than the file


def inspect_journal(path: Path, *, thorough: bool = False) -> Inspection:
    """Look at ``path`` without changing it; raise ``JournalRefused`` for a file we won't open.

    SQLite's integrity_check runs on every table and index but the photos' originals, whose pages
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
    plain = header.startswith(SQLITE_MAGIC) and len(header) == 100
    if not plain and not looks_encrypted(path):
        raise JournalRefused(
            path,
            Refusal.NOT_SQLITE,
            f"{path.name} is not a Hair Journal file (it is not an SQLite database at all). "
            "It has not been changed.",
        )
    if plain and _cut_short(path, header):
        raise damaged(path, "the file ends before its last page: it was cut short")
    with read_only_connection(path) as connection:
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except DATABASE_ERRORS as error:
            raise damaged(path, str(error)) from error
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
            problems = _integrity_check(connection, thorough=thorough)
            orphans = len(connection.execute("PRAGMA foreign_key_check").fetchall())
        except (*DATABASE_ERRORS, UnicodeDecodeError) as error:  # names that are not text
            raise damaged(path, str(error)) from error
    inspection = Inspection(version, problems, orphans)
    if problems != ["ok"]:
        lines = [line for problem in problems for line in problem.splitlines()]
        raise damaged(path, next(line for line in lines if not line.startswith("***")))
    return inspection


def _cut_short(path: Path, header: bytes) -> bool:
    """Whether the file ends inside a page, or before the last page its header counts.

    SQLite writes whole pages; a file cut short (a copy that did not finish) reads as if the
    missing bytes were zeros, which no check of the pages' structure can tell from a note that
    ends early. While a write-ahead log beside it holds pages, the file may rightly be shorter:
    a checkpoint stopped half-way is finished from the log when the journal is next opened.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return False  # not a page size at all: SQLite itself refuses the file
    counted = header[24:28] == header[92:96]  # the header's page count is current
    pages = int.from_bytes(header[28:32], "big") if counted else 0
    size = path.stat().st_size
    return size % page != 0 or size < pages * page


def _integrity_check(connection: sqlite3.Connection, *, thorough: bool) -> list[str]:
    """SQLite's integrity_check of the whole file, or of every table but the photos' originals.

    integrity_check rather than quick_check: it also finds an index that no longer matches its
    table, damage that quick_check lets through and a query would then return wrong rows for.
    """
    if thorough:
        # Read through a memory map: the check of a 2 GB journal takes a tenth of the time it
        # takes through SQLite's page cache, page by page.
        connection.execute(f"PRAGMA mmap_size = {THOROUGH_MMAP_BYTES:d}")
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name != LARGE_TABLE
    ]
    problems = []
    for table in tables:
        found = [row[0] for row in connection.execute(f'PRAGMA integrity_check("{table}")')]
        problems += [problem for problem in found if problem != "ok"]
    return problems or ["ok"]


class _Siblings:
    """The ``-wal`` and ``-shm`` files beside a journal: those a read-only connection made
    (empty: it wrote nothing) are removed again once it is closed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
        self.existed = {f for f in self.files if f.exists()}

    def remove_made(self) -> None:
        wal = self.files[0]
        try:
            if wal not in self.existed and wal.exists() and wal.stat().st_size == 0:
                for sibling in self.files:
                    if sibling not in self.existed:
                        sibling.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: SQLite could not have made them either


def _refused_connecting(path: Path, error: Exception) -> JournalRefused:
    refusal = from_connection_error(path, error)
    if refusal is not None:
        return refusal
    return JournalRefused(path, Refusal.UNREADABLE, f"{path.name} cannot be opened: {error}.")


class read_only_connection:  # noqa: N801 - used as a context manager, reads like one
    """A read-only connection (plain, or with the passphrase unlocked for the file) that
    removes the empty -wal/-shm files SQLite creates for it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> sqlite3.Connection:
        self.siblings = _Siblings(self.path)
        try:
            self.connection = connect(self.path, read_only=True)
        except (PassphraseNeeded, EncryptionUnavailable, UnreadableWal, *ERRORS) as error:
            raise _refused_connecting(self.path, error) from error
        return self.connection

    def __exit__(self, *exc_info: object) -> None:
        self.connection.close()
        self.siblings.remove_made()


@dataclass
class OpenJournal:
    """A journal open in this process; the models are bound to it until ``close``.

    Open for writing, it holds the journal's lock. Open read-only it holds none (readers never
    stop a writer, and on a read-only medium no lock file could be made), and SQLite refuses
    every write (``query_only``).
    """

    path: Path
    db: pw.SqliteDatabase
    lock: QLockFile | None
    migrated_from: int | None = None
    backup: Path | None = field(default=None)
    read_only: bool = False
    encrypted: bool = False
    siblings: _Siblings | None = field(default=None, repr=False)

    def close(self) -> None:
        self.db.close()
        if models.database.obj is self.db:
            models.database.initialize(None)
        if self.lock is not None:
            self.lock.unlock()
        if self.siblings is not None:
            self.siblings.remove_made()

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


def acquire_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)  # a lock is stale only when its process has gone
    with private_files():  # it names this computer and process: for the owner's eyes only
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


def _connect(path: Path, *, read_only: bool = False) -> pw.SqliteDatabase:
    """The journal's database (plain or encrypted), connected and bound to the models."""
    pragmas = READ_ONLY_PRAGMAS if read_only else PRAGMAS
    try:
        db = journal_database(path, pragmas=pragmas, read_only=read_only)
    except (PassphraseNeeded, EncryptionUnavailable, UnreadableWal) as error:
        raise _refused_connecting(path, error) from error
    db.connect()
    if models.database.obj is not None and not models.database.obj.is_closed():
        db.close()
        raise RuntimeError("another journal is still open in this process")
    models.database.initialize(db)
    return db


def writable_here(path: Path) -> bool:
    """Whether this process may write the journal file and its folder (lock, -wal, -shm)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _is_read_only_error(error: BaseException) -> bool:
    """Whether SQLite refused because the file or its folder cannot be written."""
    link: BaseException | None = error
    while link is not None:
        if getattr(link, "sqlite_errorcode", 0) & 0xFF in READ_ONLY_CODES:
            return True
        if any(words in str(link) for words in READ_ONLY_WORDS):
            return True
        link = link.__cause__ or link.__context__
    return False


def open_journal(path: Path, *, read_only: bool = False) -> OpenJournal:
    """Open an existing journal for writing, upgrading its schema (after a backup) if older;
    or, with ``read_only``, only to read it (see ``open_read_only``).

    A journal that cannot be written here is refused as ``Refusal.READ_ONLY``: it may then be
    opened read-only.
    """
    path = Path(path).absolute()
    if not path.exists():
        raise JournalRefused(path, Refusal.MISSING, f"There is no journal at {path}.")
    if read_only:
        return open_read_only(path)
    if not writable_here(path):
        inspect_journal(path)  # a file we would not open at all says so first
        raise read_only_refusal(path)
    lock = acquire_lock(path)
    try:
        inspection = inspect_journal(path)
        with private_files():
            try:
                db = _connect(path)
            except (pw.DatabaseError, *DATABASE_ERRORS, UnicodeDecodeError) as error:
                if _is_read_only_error(error):
                    raise read_only_refusal(path) from error
                raise damaged(path, str(error)) from error  # a schema SQLite cannot read
        journal = OpenJournal(path, db, lock, encrypted=looks_encrypted(path))
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


def open_read_only(path: Path) -> OpenJournal:
    """Open the journal at ``path`` to read only: no lock, no upgrade, nothing written.

    A journal of an older format is shown only if this version's queries can read it (every
    column they name is there); otherwise it is refused, to be opened normally once and upgraded.
    """
    path = Path(path).absolute()
    inspection = inspect_journal(path)
    siblings = _Siblings(path)
    try:
        db = _connect(path, read_only=True)
    except (pw.DatabaseError, *DATABASE_ERRORS, UnicodeDecodeError) as error:
        siblings.remove_made()
        raise damaged(path, str(error)) from error
    try:
        if inspection.schema_version < SCHEMA_VERSION and not _models_can_read(db):
            raise upgrade_needed(path, inspection.schema_version, SCHEMA_VERSION)
    except BaseException:
        _unbind()
        siblings.remove_made()
        raise
    return OpenJournal(
        path, db, None, read_only=True, encrypted=looks_encrypted(path), siblings=siblings
    )


def _models_can_read(db: pw.SqliteDatabase) -> bool:
    for model in models.MODELS:
        table = model._meta.table_name
        present = {column.name for column in db.get_columns(table)}
        if not {f.column_name for f in model._meta.sorted_fields} <= present:
            return False
    return True


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
    lock = acquire_lock(path)
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
