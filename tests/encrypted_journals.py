"""Encrypted journals for tests, and what they hold read with SQLCipher's own ``PRAGMA key``.

The readers here take the passphrase as a person would type it, so SQLCipher derives the key
itself: a file the app keyed with its own derivation must open that way too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import EventKind
from hairjournal.store import connection, models, records
from hairjournal.store.encryption import encrypt_journal
from hairjournal.store.journal import open_journal
from tests.backup_journals import journal_with_photos

PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "a quite different one"
NOTE = "flare-up after the wedding, private"  # a known text to look for in the file's bytes


@pytest.fixture(autouse=True)
def forget_passphrases() -> Iterator[None]:
    """Passphrases are kept in memory for the process: each test starts, and ends, without any."""
    connection.forget_all_passphrases()
    yield
    connection.forget_all_passphrases()


def plain_journal(path: Path, *, photos: int = 2) -> Path:
    """A closed plain journal with counts, real photos and an event whose note is ``NOTE``."""
    journal_with_photos(path, photos=photos, counts=40)
    with open_journal(path):
        records.add(
            models.Event, {"kind": EventKind.STRESS, "started_on": "2024-02-01", "notes": NOTE}
        )
    return path


def encrypted_journal(path: Path, passphrase: str = PASSPHRASE, *, photos: int = 2) -> Path:
    """``plain_journal``, encrypted with ``passphrase`` (which this process then knows)."""
    encrypt_journal(plain_journal(path, photos=photos), passphrase)
    return path


def cipher_connection(path: Path, passphrase: str):  # sqlcipher3's Connection
    from sqlcipher3 import dbapi2

    reader = dbapi2.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    reader.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))
    return reader


def rows_of(reader: object) -> dict[str, list[tuple]]:
    """Every row of every table, blobs as their sha256."""
    tables = [
        name
        for (name,) in reader.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: [
            tuple(
                hashlib.sha256(value).hexdigest() if isinstance(value, bytes) else value
                for value in row
            )
            for row in reader.execute(f'SELECT * FROM "{table}" ORDER BY rowid')  # type: ignore[attr-defined]
        ]
        for table in sorted(tables)
    }


def encrypted_holdings(path: Path, passphrase: str) -> dict[str, list[tuple]]:
    """What the encrypted journal at ``path`` holds, read with ``passphrase``."""
    reader = cipher_connection(path, passphrase)
    try:
        return rows_of(reader)
    finally:
        reader.close()


def encrypted_photo_hashes(path: Path, passphrase: str) -> list[str]:
    """The sha256 of each photo original's bytes, read with ``passphrase``, by photo id."""
    reader = cipher_connection(path, passphrase)
    try:
        rows = reader.execute("SELECT data FROM photo_original ORDER BY photo_id").fetchall()
    finally:
        reader.close()
    return [hashlib.sha256(data).hexdigest() for (data,) in rows]


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether SQLCipher reads the file at ``path`` with ``passphrase``."""
    from sqlcipher3 import dbapi2

    reader = cipher_connection(path, passphrase)
    try:
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError:
        return False
    finally:
        reader.close()
    return True
