"""Encrypting, decrypting or changing the passphrase of a journal on the thread pool.

Each is a ``BackupJob`` (progress with what is being done, Cancel, and one signal for how it
ended), so the window shows it as it shows a backup. Encrypting may take a backup first, with
the backup feature itself.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject

from hairjournal.services.backup import (
    BackupCancelled,
    BackupError,
    Cancelled,
    Progress,
    back_up,
)
from hairjournal.services.backup_job import BackupJob
from hairjournal.store.encryption import (
    EncryptionCancelled,
    EncryptionFailed,
    change_passphrase,
    decrypt_journal,
    encrypt_journal,
)

BACKING_UP = "Backing up the journal first"


class Change(Enum):
    """What is done to the journal, in the words of its menu item and its job."""

    ENCRYPT = "encrypt"
    CHANGE_PASSPHRASE = "change_passphrase"
    DECRYPT = "decrypt"

    @property
    def doing(self) -> str:
        return {
            Change.ENCRYPT: "Encrypting",
            Change.CHANGE_PASSPHRASE: "Changing the passphrase of",
            Change.DECRYPT: "Decrypting",
        }[self]

    @property
    def done(self) -> str:
        return {
            Change.ENCRYPT: "is encrypted",
            Change.CHANGE_PASSPHRASE: "has its new passphrase",
            Change.DECRYPT: "is decrypted: it is stored unencrypted again",
        }[self]


def encryption_job(
    change: Change,
    journal: Path,
    passphrase: str | None = None,
    *,
    back_up_first: bool = False,
    parent: QObject | None = None,
) -> BackupJob:
    """A job that makes ``change`` to the closed ``journal`` (``passphrase``: the new one).

    It ends with ``finished(journal)``, or ``failed(message)`` / ``stopped()`` with the journal
    as it was (a backup taken first is kept).
    """

    def work(progress: Progress, cancelled: Cancelled) -> object:
        if back_up_first:
            back_up(
                journal,
                progress=lambda _what, done, total: progress(BACKING_UP, done, total),
                cancelled=cancelled,
            )
        try:
            if change is Change.ENCRYPT:
                assert passphrase is not None
                encrypt_journal(journal, passphrase, progress=progress, cancelled=cancelled)
            elif change is Change.DECRYPT:
                decrypt_journal(journal, progress=progress, cancelled=cancelled)
            else:
                assert passphrase is not None
                progress(f"{change.doing} the journal", 0, 0)  # one step, no count
                change_passphrase(journal, passphrase)
        except EncryptionFailed as failure:
            raise BackupError(failure.message) from failure
        except EncryptionCancelled as cancel:
            raise BackupCancelled from cancel
        return journal

    return BackupJob(work, f"{change.doing} {journal.name}", parent)
