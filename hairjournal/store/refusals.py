"""Why a journal file is not opened, each reason with a message for people.

A refused file has not been written to; every message that can, says so.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from hairjournal.store.connection import EncryptionUnavailable, PassphraseNeeded, UnreadableWal

UNCHANGED = "It has not been changed."


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
    LOCKED_BY_PASSPHRASE = "locked_by_passphrase"  # encrypted; its passphrase is not known here
    WRONG_PASSPHRASE = "wrong_passphrase"  # encrypted; the passphrase known here does not open it
    NO_ENCRYPTION = "no_encryption"  # encrypted, and SQLCipher is not installed
    READ_ONLY = "read_only"  # it cannot be written here; it may be opened read-only
    UPGRADE_NEEDED = "upgrade_needed"  # opened read-only, its older format cannot be shown


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


def damaged(path: Path, detail: str) -> JournalRefused:
    return JournalRefused(
        path,
        Refusal.DAMAGED,
        f"{path.name} is damaged and cannot be trusted ({detail}). It has not been changed; "
        "restore a backup, or keep this file for a specialist to recover.",
    )


def read_only_refusal(path: Path) -> JournalRefused:
    return JournalRefused(
        path,
        Refusal.READ_ONLY,
        f"{path.name} cannot be changed here: the file or its folder is read-only (a read-only "
        "disk, a DVD, or a file you may only look at). You can open it read-only to look at it. "
        f"{UNCHANGED}",
    )


def upgrade_needed(path: Path, version: int, current: int) -> JournalRefused:
    return JournalRefused(
        path,
        Refusal.UPGRADE_NEEDED,
        f"{path.name} is in an older journal format ({version}; this version uses {current}) "
        "that can be shown only after upgrading it, which means writing to it. Open it "
        f"normally once, where it can be written, to upgrade it. {UNCHANGED}",
    )


def from_connection_error(path: Path, error: Exception) -> JournalRefused | None:
    """The refusal a failure to connect (``store.connection``'s exceptions) amounts to."""
    if isinstance(error, PassphraseNeeded) and error.tried:
        return JournalRefused(
            path,
            Refusal.WRONG_PASSPHRASE,
            f"The passphrase does not open {path.name}. Either it is not this journal's "
            f"passphrase (check for typing mistakes and the Caps Lock key), or {path.name} is "
            f"not a Hair Journal file. {UNCHANGED}",
        )
    if isinstance(error, PassphraseNeeded):
        return JournalRefused(
            path,
            Refusal.LOCKED_BY_PASSPHRASE,
            f"{path.name} is an encrypted journal: it opens only with its passphrase. {UNCHANGED}",
        )
    if isinstance(error, EncryptionUnavailable):
        return JournalRefused(
            path,
            Refusal.NO_ENCRYPTION,
            f"{path.name} looks like an encrypted journal, and this installation of Hair Journal "
            "cannot open encrypted journals: it lacks SQLCipher (install Hair Journal with its "
            f"'encryption' extra). {UNCHANGED}",
        )
    if isinstance(error, UnreadableWal):
        return JournalRefused(
            path,
            Refusal.UNREADABLE,
            f"{path.name} is in a read-only place, and its latest changes are still in the file "
            f"{path.name}-wal beside it, which SQLite can only read where it may write. Copy both "
            f"files to a folder you can write to and open the copy. {UNCHANGED}",
        )
    return None
