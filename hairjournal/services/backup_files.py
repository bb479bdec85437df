"""The backup files in a folder, told apart by name: whose, what kind, and when taken."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hairjournal.store.journal import SUFFIX

STAMP = "%Y%m%d-%H%M%S"  # as store.migrations names the copy it takes before an upgrade
_STAMP = r"(?P<stamp>\d{8}-\d{6})"


class BackupKind(Enum):
    """Why a backup file was written; each kind is named its own way."""

    AUTOMATIC = "backup"  # on close, daily, Back Up Now, the command line, before a restore
    BEFORE_UPGRADE = "schema"  # before the journal's format was upgraded; never pruned
    REPLACED = "replaced"  # a journal that could not be read, kept when a backup replaced it

    @property
    def label(self) -> str:
        return {
            BackupKind.AUTOMATIC: "Backup",
            BackupKind.BEFORE_UPGRADE: "Before an upgrade",
            BackupKind.REPLACED: "Unreadable journal set aside",
        }[self]


# The stem is greedy, so a journal whose own name holds "-backup-" still parses to its stem.
_PATTERNS = {
    BackupKind.AUTOMATIC: re.compile(rf"^(?P<stem>.+)-backup-{_STAMP}(?:-(?P<n>\d+))?$"),
    BackupKind.BEFORE_UPGRADE: re.compile(rf"^(?P<stem>.+)-schema-\d+-{_STAMP}$"),
    BackupKind.REPLACED: re.compile(rf"^(?P<stem>.+)-replaced-{_STAMP}(?:-(?P<n>\d+))?$"),
}


@dataclass(frozen=True)
class BackupFile:
    """A backup file found by its name; nothing in it has been read."""

    path: Path
    stem: str  # the name of the journal it copies, without the suffix
    kind: BackupKind
    taken_at: dt.datetime
    number: int  # 0, or 1, 2… for a second backup taken within the same second
    size: int  # bytes


def parse_backup_name(path: Path) -> tuple[str, BackupKind, dt.datetime, int] | None:
    """(journal stem, kind, when taken, number) from a backup's file name, or None."""
    if path.suffix != SUFFIX:
        return None
    for kind, pattern in _PATTERNS.items():
        match = pattern.match(path.stem)
        if match is None:
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], STAMP)
        except ValueError:
            return None
        number = int(match.groupdict().get("n") or 0)
        return match["stem"], kind, taken_at, number
    return None


def backup_name(stem: str, kind: BackupKind, taken_at: dt.datetime, number: int = 0) -> str:
    """The file name of ``kind`` of backup of the journal ``stem``, taken at ``taken_at``."""
    extra = f"-{number}" if number else ""
    return f"{stem}-{kind.value}-{taken_at.strftime(STAMP)}{extra}{SUFFIX}"


def new_backup_path(
    folder: Path, stem: str, taken_at: dt.datetime, kind: BackupKind = BackupKind.AUTOMATIC
) -> Path:
    """A name for a new backup in ``folder`` that no file has yet (nor a half-written one)."""
    number = 0
    while True:
        path = folder / backup_name(stem, kind, taken_at, number)
        partial = path.with_name(path.name + ".partial")
        if not path.exists() and not partial.exists():
            return path
        number += 1


def backup_files(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (of the journal ``stem`` only, if given), newest first."""
    try:
        entries = list(Path(folder).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for path in entries:
        parsed = parse_backup_name(path)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        try:
            if not path.is_file() or path.is_symlink():
                continue
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, *parsed, size=size))
    return sorted(found, key=lambda b: (b.taken_at, b.number, b.path.name), reverse=True)


def taken_today(folder: Path, stem: str, today: dt.date) -> bool:
    """Whether a backup of the journal ``stem`` was taken on ``today`` (an automatic one or the
    copy taken before an upgrade)."""
    return any(
        backup.taken_at.date() == today and backup.kind is not BackupKind.REPLACED
        for backup in backup_files(folder, stem)
    )
