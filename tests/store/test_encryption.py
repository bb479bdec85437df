"""Encrypting a journal, opening it with its passphrase, changing it, and decrypting it again."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from hairjournal.store import connection, models
from hairjournal.store.encryption import (
    EncryptionCancelled,
    EncryptionFailed,
    change_passphrase,
    decrypt_journal,
    encrypt_journal,
    passphrase_problem,
)
from hairjournal.store.journal import (
    SQLITE_MAGIC,
    JournalRefused,
    Refusal,
    inspect_journal,
    open_journal,
)
from tests.backup_journals import holdings, photo_hashes
from tests.encrypted_journals import (
    NOTE,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    encrypted_holdings,
    encrypted_journal,
    encrypted_photo_hashes,
    forget_passphrases,  # noqa: F401 - an autouse fixture
    opens_with,
    plain_journal,
)
from tests.journal_files import V1_FIXTURE, folder_fingerprint


def test_encrypting_leaves_no_plain_text_and_keeps_every_record_and_photo(tmp_path: Path) -> None:
    path = plain_journal(tmp_path / "mine.hairjournal")
    before, hashes = holdings(path), photo_hashes(path)
    assert NOTE.encode() in path.read_bytes()  # the test would see it, were it there

    encrypt_journal(path, PASSPHRASE)

    data = path.read_bytes()
    assert NOTE.encode() not in data
    assert b"SQLite format 3" not in data
    assert b"shed_count" not in data  # not even the schema's names
    assert sorted(item.name for item in tmp_path.iterdir()) == ["mine-camera", "mine.hairjournal"]
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    # SQLCipher derives the key from the passphrase itself here: what a person types opens it.
    assert encrypted_holdings(path, PASSPHRASE) == before
    assert encrypted_photo_hashes(path, PASSPHRASE) == hashes == sorted(hashes, key=hashes.index)
    assert inspect_journal(path).healthy
    with open_journal(path) as journal:
        assert journal.encrypted
        assert models.Event.get().notes == NOTE
        assert [p.sha256 for p in models.Photo.select().order_by(models.Photo.id)] == hashes


def test_without_its_passphrase_an_encrypted_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = encrypted_journal(tmp_path / "mine.hairjournal")
    connection.forget_all_passphrases()  # as in a new process
    before = folder_fingerprint(tmp_path)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path)
    assert refused.value.refusal is Refusal.LOCKED_BY_PASSPHRASE
    assert refused.value.message == (
        "mine.hairjournal is an encrypted journal: it opens only with its passphrase. "
        "It has not been changed."
    )
    assert connection.needs_passphrase(path)
    assert not connection.unlock(path, "correct horse battery stapler")
    connection.remember_passphrase(path, "Correct horse battery staple")
    with pytest.raises(JournalRefused) as wrong:
        inspect_journal(path)
    assert wrong.value.refusal is Refusal.WRONG_PASSPHRASE
    assert wrong.value.message.startswith("The passphrase does not open mine.hairjournal.")
    assert folder_fingerprint(tmp_path) == before

    assert connection.unlock(path, PASSPHRASE)
    assert not connection.needs_passphrase(path)
    with open_journal(path):
        assert models.Event.select().count() == 1


def test_a_new_passphrase_opens_the_journal_and_the_old_one_no_longer_does(tmp_path: Path) -> None:
    path = encrypted_journal(tmp_path / "mine.hairjournal")
    before = encrypted_holdings(path, PASSPHRASE)
    with open_journal(path):
        pass  # opened by the app: in WAL mode now, as a journal in use is

    change_passphrase(path, OTHER_PASSPHRASE)

    assert not opens_with(path, PASSPHRASE)
    assert encrypted_holdings(path, OTHER_PASSPHRASE) == before
    connection.forget_all_passphrases()
    assert not connection.unlock(path, PASSPHRASE)
    assert connection.unlock(path, OTHER_PASSPHRASE)


def test_decrypting_gives_back_the_journal_as_it_was(tmp_path: Path) -> None:
    path = plain_journal(tmp_path / "mine.hairjournal")
    before, hashes = holdings(path), photo_hashes(path)
    encrypt_journal(path, PASSPHRASE)
    size = path.stat().st_size
    reports: list[tuple[str, int, int]] = []

    decrypt_journal(path, progress=lambda *report: reports.append(report))

    # The bar counts bytes of the journal (SQLCipher answers its page size as text).
    assert reports[-2:] == [("Decrypting the journal", size, size), ("Checking the new file", 0, 0)]
    assert all(type(n) is int for _what, *counts in reports for n in counts)
    assert path.read_bytes().startswith(SQLITE_MAGIC)
    assert holdings(path) == before
    assert photo_hashes(path) == hashes
    assert not connection.needs_passphrase(path)
    with open_journal(path) as journal:
        assert not journal.encrypted


def test_a_cancelled_encryption_leaves_the_journal_as_it_was(tmp_path: Path) -> None:
    path = plain_journal(tmp_path / "mine.hairjournal")
    before = folder_fingerprint(tmp_path)
    stages: list[str] = []

    with pytest.raises(EncryptionCancelled):
        encrypt_journal(
            path,
            PASSPHRASE,
            progress=lambda what, *_: stages.append(what),
            cancelled=lambda: bool(stages),  # Cancel pressed once the bar has moved
        )

    assert folder_fingerprint(tmp_path) == before
    assert stages  # the person saw it start
    assert not connection.needs_passphrase(path)


def test_a_journal_open_elsewhere_is_not_encrypted(tmp_path: Path) -> None:
    path = plain_journal(tmp_path / "mine.hairjournal")
    before = path.read_bytes()
    with open_journal(path), pytest.raises(EncryptionFailed, match="already open"):
        encrypt_journal(path, PASSPHRASE)
    assert path.read_bytes() == before


def test_an_older_encrypted_journal_is_upgraded_after_an_encrypted_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.hairjournal"
    shutil.copyfile(V1_FIXTURE, path)
    encrypt_journal(path, PASSPHRASE)

    with open_journal(path) as journal:
        assert journal.migrated_from == 1
        copy = journal.backup
    assert copy is not None
    assert b"SQLite format 3" not in copy.read_bytes()
    assert opens_with(copy, PASSPHRASE)
    connection.forget_all_passphrases()
    assert connection.unlock(copy, PASSPHRASE)
    assert inspect_journal(copy).schema_version == 1


@pytest.mark.parametrize(
    ("passphrase", "repeated", "problem"),
    [
        ("", None, "Type a passphrase."),
        ("short", None, "Use at least 8 characters"),
        (" padded passphrase", None, "A passphrase may not begin or end with a space"),
        ("long enough", "long enougH", "The two passphrases are not the same."),
        ("long enough", "long enough", None),
        ("ünïcödé €uro", None, None),
    ],
)
def test_a_new_passphrase_must_be_long_enough_and_typed_twice_alike(
    passphrase: str, repeated: str | None, problem: str | None
) -> None:
    found = passphrase_problem(passphrase, repeated)
    assert found == problem or (problem is not None and found and found.startswith(problem))


def test_a_passphrase_too_short_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = plain_journal(tmp_path / "mine.hairjournal")
    before = folder_fingerprint(tmp_path)
    with pytest.raises(EncryptionFailed, match="at least 8 characters"):
        encrypt_journal(path, "1234567")
    assert folder_fingerprint(tmp_path) == before


def test_unicode_and_quotes_in_a_passphrase_work(tmp_path: Path) -> None:
    passphrase = 'l\'été "chaud" 🌞 ; DROP'
    path = encrypted_journal(tmp_path / "mine.hairjournal", passphrase)
    connection.forget_all_passphrases()
    assert connection.unlock(path, passphrase)
    assert opens_with(path, passphrase)


def test_without_sqlcipher_encryption_is_not_offered_and_plain_journals_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted = encrypted_journal(tmp_path / "secret.hairjournal")
    plain = plain_journal(tmp_path / "plain.hairjournal", photos=0)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if it were not installed

    assert not connection.encryption_available()
    with pytest.raises(JournalRefused) as refused:
        inspect_journal(encrypted)
    assert refused.value.refusal is Refusal.NO_ENCRYPTION
    assert "install Hair Journal with its 'encryption' extra" in refused.value.message
    with pytest.raises(EncryptionFailed, match="cannot encrypt"):
        encrypt_journal(plain, PASSPHRASE)
    with open_journal(plain):
        assert models.Event.select().count() == 1


def test_noise_that_is_not_a_database_is_told_apart_from_text(tmp_path: Path) -> None:
    text = tmp_path / "notes.hairjournal"
    text.write_bytes(b"date,count\n2026-01-01,80\n" * 400)
    zeros = tmp_path / "zeros.hairjournal"
    zeros.write_bytes(bytes(8192))
    for path in (text, zeros):
        assert not connection.looks_encrypted(path)
        with pytest.raises(JournalRefused) as refused:
            inspect_journal(path)
        assert refused.value.refusal is Refusal.NOT_SQLITE
