"""Restoring a backup over a journal: verified first, the journal as it is kept, swapped whole.

The journal is never half-written: the backup is copied to a temporary file beside it, synced,
and renamed over it in one step, after the journal's stale ``-wal`` and ``-shm`` (which SQLite
would otherwise replay onto the restored file) are removed. The journal's lock is held
throughout, so a restore is refused while another window or process has the journal open.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from hairjournal.services.backup import (
    COPYING,
    BackupCancelled,
    BackupError,
    Cancelled,
    Progress,
    back_up,
    verification_problem,
)
from hairjournal.services.backup_files import BackupKind, new_backup_path
from hairjournal.store.connection import ERRORS
from hairjournal.store.journal import (
    JournalRefused,
    acquire_lock,
    backups_folder,
    read_only_connection,
)
from hairjournal.store.privacy import make_private_folder, private_files
from hairjournal.store.snapshot import (
    SnapshotCancelled,
    copy_database,
    move_into_place,
    partial_path,
    sync_to_disk,
)

CHECKING_BACKUP = "Checking the backup"
SAVING_JOURNAL = "Backing up your journal as it is"
COPYING_BACKUP = "Copying the backup into place"
UNCHANGED = "Your journal has not been changed."


@dataclass(frozen=True)
class RestoreResult:
    journal: Path
    backup: Path
    previous: Path | None  # where the journal as it was is kept; None if there was none
    previous_verified: bool  # a verified backup; False: an unreadable journal set aside as is


def restore(
    backup: Path,
    journal: Path,
    *,
    folder: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RestoreResult:
    """Replace ``journal`` with the contents of ``backup``, keeping the journal as it was in
    ``folder`` (default: its backups folder) first.

    Raises ``BackupError`` or ``BackupCancelled``; the journal is then as it was.
    """
    backup = Path(backup).absolute()
    journal = Path(journal).absolute()
    folder = Path(folder).absolute() if folder is not None else backups_folder(journal)
    now = now or dt.datetime.now()
    if backup == journal:
        raise BackupError(f"{backup.name} is the journal itself, not a backup of it.")
    if not backup.is_file():
        raise BackupError(f"There is no backup at {backup}. {UNCHANGED}")
    _report(progress, CHECKING_BACKUP, 0, 0)
    problem = verification_problem(backup)
    if problem is not None:
        raise BackupError(f"{backup.name} cannot be restored: {problem}. {UNCHANGED}")
    if cancelled is not None and cancelled():
        raise BackupCancelled
    try:
        make_private_folder(journal.parent)
        lock = acquire_lock(journal)
    except JournalRefused as refused:
        raise BackupError(f"{refused.message} {UNCHANGED}") from refused
    except OSError as error:
        raise BackupError(f"{journal.parent} cannot be written to: {error.strerror}.") from error
    temporary = partial_path(journal)
    try:
        previous, verified = _keep_journal(journal, folder, now, progress, cancelled)

        def copied(done: int, total: int) -> None:
            _report(progress, COPYING_BACKUP, done, total)

        with read_only_connection(backup) as source:
            copy_database(source, temporary, progress=copied, cancelled=cancelled)
        if cancelled is not None and cancelled():
            raise BackupCancelled
        for suffix in ("-wal", "-shm"):
            journal.with_name(journal.name + suffix).unlink(missing_ok=True)
        move_into_place(temporary, journal)
    except SnapshotCancelled as cancel:
        raise BackupCancelled from cancel
    except (*ERRORS, OSError, JournalRefused) as error:
        reason = error.message if isinstance(error, JournalRefused) else str(error)
        raise BackupError(f"{backup.name} could not be restored: {reason}. {UNCHANGED}") from error
    finally:
        temporary.unlink(missing_ok=True)
        lock.unlock()
    return RestoreResult(journal, backup, previous, verified)


def _keep_journal(
    journal: Path,
    folder: Path,
    now: dt.datetime,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[Path | None, bool]:
    """Back the journal up as it is (not pruning, which could remove the backup being
    restored); a journal that cannot be backed up is copied aside byte for byte instead."""
    if not journal.exists() or journal.stat().st_size == 0:
        return None, False

    def saving(what: str, done: int, total: int) -> None:
        _report(progress, SAVING_JOURNAL if what == COPYING else what, done, total)

    try:
        kept = back_up(journal, folder, now=now, progress=saving, cancelled=cancelled, prune=False)
    except BackupError:
        return _set_aside(journal, folder, now), False
    return kept.path, True


def _set_aside(journal: Path, folder: Path, now: dt.datetime) -> Path:
    """Copy an unreadable journal (and its ``-wal``, which may hold its latest writes) into
    ``folder`` unchanged, for a specialist to recover."""
    make_private_folder(folder)
    target = new_backup_path(folder, journal.stem, now.replace(microsecond=0), BackupKind.REPLACED)
    wal = journal.with_name(journal.name + "-wal")
    pairs = [(journal, target)]
    if wal.exists() and wal.stat().st_size:
        pairs.append((wal, target.with_name(target.name + "-wal")))
    with private_files():
        for source, copy in pairs:
            partial = partial_path(copy)
            try:
                shutil.copyfile(source, partial)
                sync_to_disk(partial)
                move_into_place(partial, copy)
            finally:
                partial.unlink(missing_ok=True)
    return target


def _report(progress: Progress | None, what: str, done: int, total: int) -> None:
    if progress is not None:
        progress(what, done, total)
