"""Backing up a journal: a verified, consistent copy in the backups folder, then pruning.

A backup is copied with SQLite's online backup API (the journal may be open and written to
meanwhile), checked with ``integrity_check`` and for being a journal of a format this version
reads, and only then given its dated name. Older automatic backups of the same journal are
pruned to 7 daily, 4 weekly and 12 monthly only after the new one has passed that check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hairjournal.core.retention import backups_to_keep
from hairjournal.services.backup_files import (
    BackupFile,
    BackupKind,
    backup_files,
    new_backup_path,
)
from hairjournal.store.connection import ERRORS
from hairjournal.store.journal import (
    APPLICATION_ID,
    JournalRefused,
    Refusal,
    backups_folder,
    inspect_journal,
    read_only_connection,
)
from hairjournal.store.migrations import SCHEMA_VERSION
from hairjournal.store.privacy import make_private_folder
from hairjournal.store.snapshot import (
    SOURCE_MMAP_BYTES,
    SnapshotCancelled,
    copy_database,
    move_into_place,
    partial_path,
)

# What the person is told is happening; the bar counts pages, or is indeterminate at total 0.
COPYING = "Copying the journal"
CHECKING = "Checking the copy"
Progress = Callable[[str, int, int], None]  # what is being done, done, in all
Cancelled = Callable[[], bool]

# Why a file fails verification, said of a backup rather than of a journal being opened.
_PROBLEMS = {
    Refusal.MISSING: "it is missing",
    Refusal.UNREADABLE: "it cannot be read",
    Refusal.EMPTY: "it is empty (0 bytes)",
    Refusal.NOT_SQLITE: "it is not an SQLite database",
    Refusal.FOREIGN: "it is not a Hair Journal",
    Refusal.NEWER: "it was written by a newer version of Hair Journal",
    Refusal.DAMAGED: "it fails SQLite's integrity check",
    Refusal.LOCKED_BY_PASSPHRASE: "it is encrypted, and its passphrase has not been given",
    Refusal.WRONG_PASSPHRASE: "it is encrypted with a passphrase other than the one given",
    Refusal.NO_ENCRYPTION: "it is encrypted, and this installation cannot open encrypted files",
}


class BackupError(Exception):
    """A backup or restore did not happen; the message says why, for people."""


class BackupCancelled(Exception):
    """The person cancelled; nothing was written, or what was is removed again."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    pruned: list[Path] = field(default_factory=list)


def verification_problem(path: Path) -> str | None:
    """Why the file at ``path`` is not a sound journal to restore, or None if it is.

    Thorough: every page is checked, the photos' originals too, since a backup is what is left
    when the journal is lost.
    """
    try:
        inspect_journal(path, thorough=True)
    except JournalRefused as refused:
        return _PROBLEMS.get(refused.refusal, refused.message)
    return None


def back_up(
    journal: Path,
    folder: Path | None = None,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    prune: bool = True,
) -> BackupResult:
    """Copy ``journal`` into ``folder`` (default: its backups folder), verify it, then prune.

    Raises ``BackupError`` (nothing written, nothing pruned) or ``BackupCancelled``.
    """
    journal = Path(journal).absolute()
    folder = Path(folder).absolute() if folder is not None else backups_folder(journal)
    taken_at = (now or dt.datetime.now()).replace(microsecond=0)
    _check_source(journal)
    try:
        make_private_folder(folder)
    except OSError as error:
        raise BackupError(
            f"The backups folder {folder} cannot be made: {_reason(error)}."
        ) from error
    target = new_backup_path(folder, journal.stem, taken_at)
    partial = partial_path(target)

    def copied(done: int, total: int) -> None:
        if progress is not None:
            progress(COPYING, done, total)

    try:
        with read_only_connection(journal) as source:
            source.execute(f"PRAGMA mmap_size = {SOURCE_MMAP_BYTES:d}")
            copy_database(source, partial, progress=copied, cancelled=cancelled)
        if progress is not None:
            progress(CHECKING, 0, 0)
        problem = verification_problem(partial)
        if problem is not None:
            raise BackupError(
                f"The backup of {journal.name} was written but failed its check ({problem}), so "
                "it was deleted and every older backup was kept. The journal itself may be "
                "damaged."
            )
        if cancelled is not None and cancelled():
            raise BackupCancelled
        move_into_place(partial, target)
    except SnapshotCancelled as cancel:
        raise BackupCancelled from cancel
    except (*ERRORS, OSError, JournalRefused) as error:
        raise BackupError(f"{journal.name} could not be backed up: {_reason(error)}.") from error
    finally:
        partial.unlink(missing_ok=True)
    pruned = prune_backups(folder, journal.stem, keep=target) if prune else []
    return BackupResult(target, target.stat().st_size, pruned)


def header_problem(path: Path) -> str | None:
    """Why ``path`` is plainly not a journal this version reads, from its header alone (quick:
    its health is for ``integrity_check``), or None if its header is a journal's."""
    if not path.is_file():
        return "it is missing"
    try:
        with read_only_connection(path) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
    except JournalRefused as refused:
        return refused.message.rstrip(".")
    except ERRORS as error:
        return f"it is not a journal ({error})"
    if application_id != APPLICATION_ID:
        return _PROBLEMS[Refusal.FOREIGN]
    if version > SCHEMA_VERSION:
        return _PROBLEMS[Refusal.NEWER]
    return None


def _check_source(journal: Path) -> None:
    """Refuse at once a file that is no journal; its health is checked on the copy."""
    if not journal.exists():
        raise BackupError(f"There is no journal at {journal}.")
    problem = header_problem(journal)
    if problem is not None:
        raise BackupError(f"{journal.name} cannot be backed up: {problem}.")


def prune_backups(folder: Path, stem: str, *, keep: Path) -> list[Path]:
    """Delete the automatic backups of ``stem`` that retention does not keep; never ``keep``.

    Copies taken before an upgrade, and journals set aside by a restore, are never deleted.
    """
    newest_per_time: dict[dt.datetime, BackupFile] = {}
    for backup in reversed(backup_files(folder, stem)):  # oldest first: the newest wins a tie
        if backup.kind is BackupKind.AUTOMATIC:
            newest_per_time[backup.taken_at] = backup
    kept_times = backups_to_keep(newest_per_time)
    kept = {newest_per_time[time].path for time in kept_times} | {keep}
    pruned = []
    for backup in backup_files(folder, stem):
        if backup.kind is BackupKind.AUTOMATIC and backup.path not in kept:
            try:
                backup.path.unlink()
            except OSError:
                continue  # tried again after the next backup
            pruned.append(backup.path)
    return pruned


def _reason(error: BaseException) -> str:
    if isinstance(error, JournalRefused):
        return error.message.rstrip(".")
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error).rstrip(".") or type(error).__name__
