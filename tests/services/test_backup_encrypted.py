"""Backups of an encrypted journal are encrypted with its key, and restore with its passphrase."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hairjournal.core.enums import EventKind
from hairjournal.services.backup import back_up
from hairjournal.services.backup_listing import list_backups
from hairjournal.services.backup_restore import restore
from hairjournal.store import connection, models, records
from hairjournal.store.journal import open_journal
from tests.encrypted_journals import (
    NOTE,
    PASSPHRASE,
    encrypted_holdings,
    encrypted_journal,
    encrypted_photo_hashes,
    forget_passphrases,  # noqa: F401 - an autouse fixture
)


def test_a_backup_of_an_encrypted_journal_is_encrypted_with_its_passphrase(
    tmp_path: Path,
) -> None:
    journal = encrypted_journal(tmp_path / "mine.hairjournal")
    with open_journal(journal):  # a journal in use: WAL mode, a -wal beside it
        records.add(models.Event, {"kind": EventKind.COVID, "started_on": "2024-03-01"})

        result = back_up(journal)

    data = result.path.read_bytes()
    assert NOTE.encode() not in data
    assert b"SQLite format 3" not in data
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(result.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert encrypted_holdings(result.path, PASSPHRASE) == encrypted_holdings(journal, PASSPHRASE)
    assert encrypted_photo_hashes(result.path, PASSPHRASE) == encrypted_photo_hashes(
        journal, PASSPHRASE
    )
    [listing] = list_backups(journal.parent / "backups", journal.stem)
    assert listing.verified
    assert listing.summary().startswith("43 records, 2 photos")


def test_without_the_passphrase_a_listed_backup_says_it_needs_it(tmp_path: Path) -> None:
    journal = encrypted_journal(tmp_path / "mine.hairjournal")
    back_up(journal)
    connection.forget_all_passphrases()

    [listing] = list_backups(journal.parent / "backups", journal.stem)

    assert not listing.verified
    assert listing.problem == (
        f"{listing.backup.path.name} is an encrypted journal: it opens only with its passphrase."
    )


def test_an_encrypted_backup_restores_and_opens_with_the_passphrase(tmp_path: Path) -> None:
    journal = encrypted_journal(tmp_path / "mine.hairjournal")
    kept = back_up(journal).path
    as_backed_up = encrypted_holdings(journal, PASSPHRASE)
    with open_journal(journal):
        records.add(models.Event, {"kind": EventKind.DIET, "started_on": "2024-04-01"})
    connection.forget_all_passphrases()
    assert connection.unlock(kept, PASSPHRASE)  # as `hairjournal restore` is given it

    result = restore(kept, journal)

    assert result.previous_verified  # the journal as it was is backed up, encrypted, first
    assert result.previous is not None
    assert b"SQLite format 3" not in result.previous.read_bytes()
    assert encrypted_holdings(journal, PASSPHRASE) == as_backed_up
    with open_journal(journal) as opened:
        assert opened.encrypted
        assert models.Event.select().count() == 1
