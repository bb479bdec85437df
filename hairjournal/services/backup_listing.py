"""What each backup in a folder holds, and whether it passes the checks a restore makes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hairjournal.services.backup_files import BackupFile, backup_files
from hairjournal.store.check import Contents, check_journal
from hairjournal.store.connection import ERRORS
from hairjournal.store.journal import JournalRefused, read_only_connection

# check_journal's messages end with advice for a journal being opened; a backup needs none.
_ADVICE = " It has not been changed"


@dataclass(frozen=True)
class BackupListing:
    """A backup with what a read-only check of it found."""

    backup: BackupFile
    problem: str | None  # why it fails verification, or None if it passes
    schema_version: int | None
    contents: Contents | None

    @property
    def verified(self) -> bool:
        return self.problem is None

    def records(self) -> int:
        """How many records of every kind it holds (photos included), 0 if unreadable."""
        held = self.contents
        if held is None:
            return 0
        return (
            sum(held.treatments.values())
            + held.sessions
            + sum(held.shed_counts.values())
            + held.checkins
            + held.events
            + held.measurements
            + held.photos
        )

    def summary(self) -> str:
        """One line: what it holds, as people count it."""
        held = self.contents
        if held is None:
            return "cannot be read"
        records = self.records() - held.photos
        span = ""
        if held.first_date is not None and held.last_date is not None:
            span = f", {held.first_date} to {held.last_date}"
        return (
            f"{records} record{'s' if records != 1 else ''}, "
            f"{held.photos} photo{'s' if held.photos != 1 else ''}{span}"
        )


def describe_backup(backup: BackupFile) -> BackupListing:
    """Check ``backup`` read-only (``integrity_check`` and links between records) and count what it
    holds. Reads the whole file's structure: run it off the GUI thread."""
    report = check_journal(backup.path)
    problem = None
    if report.problems:
        problem = report.problems[0].split(_ADVICE)[0]
    return BackupListing(backup, problem, _schema_version(backup.path), report.contents)


def list_backups(folder: Path, stem: str | None = None) -> Iterator[BackupListing]:
    """Each backup in ``folder`` (of the journal ``stem`` only, if given), newest first."""
    for backup in backup_files(folder, stem):
        yield describe_backup(backup)


def _schema_version(path: Path) -> int | None:
    try:
        with read_only_connection(path) as connection:
            return connection.execute("PRAGMA user_version").fetchone()[0]
    except (JournalRefused, *ERRORS):
        return None
