"""Restore: round trips every record and photo, refuses what it must, respects the lock, and
never leaves a half-written journal (nor a stale -wal to replay onto it)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hairjournal.services.backup import BackupCancelled, BackupError, back_up
from hairjournal.services.backup_files import BackupKind, backup_files
from hairjournal.services.backup_restore import restore
from hairjournal.store.journal import lock_path, open_journal
from tests.backup_journals import holdings, integrity, journal_with_photos, photo_hashes
from tests.journal_files import corrupt_index_page, folder_fingerprint, make_journal, make_sqlite

NOW = dt.datetime(2026, 5, 12, 21, 30, 5)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return journal_with_photos(tmp_path / "mine.hairjournal")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_restore_round_trip_keeps_every_record_and_photo(journal: Path) -> None:
    at_backup = holdings(journal)
    hashes = photo_hashes(journal)
    backup = back_up(journal, now=NOW).path
    with open_journal(journal) as opened:  # months later: more records, a photo deleted
        opened.db.execute_sql("DELETE FROM photo WHERE id = 1")
        opened.db.execute_sql("DELETE FROM shed_count WHERE id > 10")
        opened.db.execute_sql(
            "INSERT INTO event (kind, started_on, notes) VALUES ('stress', '2024-03-03', 'new')"
        )
    after_changes = holdings(journal)

    result = restore(backup, journal, now=NOW + dt.timedelta(days=30))

    assert holdings(journal) == at_backup
    assert photo_hashes(journal) == hashes
    assert len(hashes) == 3
    assert integrity(journal) == ["ok"]
    assert mode(journal) == 0o600
    assert result.previous_verified
    assert result.previous is not None
    assert holdings(result.previous) == after_changes  # the journal as it was, kept
    assert not lock_path(journal).exists()
    assert sorted(p.name for p in journal.parent.iterdir() if p.name.startswith("mine.")) == [
        "mine.hairjournal"
    ]
    with open_journal(journal):  # and it opens as a journal
        pass


def test_restore_removes_a_stale_wal_that_would_replay_onto_the_backup(journal: Path) -> None:
    backup = back_up(journal, now=NOW).path
    expected = holdings(backup)
    wal = journal.with_name(journal.name + "-wal")
    writer = sqlite3.connect(journal, isolation_level=None)
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("DELETE FROM shed_count")
    stale = wal.read_bytes()  # a WAL the journal's own connection has not checkpointed
    writer.close()
    wal.write_bytes(stale)
    assert len(stale) > 0

    restore(backup, journal, now=NOW)

    assert not wal.exists()
    assert holdings(journal) == expected
    assert integrity(journal) == ["ok"]


@pytest.mark.parametrize("damage", ["corrupt", "text", "foreign"])
def test_restore_refuses_a_backup_that_fails_its_check_and_changes_nothing(
    journal: Path, damage: str
) -> None:
    backup = back_up(journal, now=NOW).path
    if damage == "corrupt":
        corrupt_index_page(backup)
    elif damage == "text":
        backup.write_text("not a journal")
    else:
        backup.unlink()
        make_sqlite(backup)
    before = folder_fingerprint(journal.parent)
    backups_before = folder_fingerprint(backup.parent)
    with pytest.raises(BackupError, match="cannot be restored") as raised:
        restore(backup, journal, now=NOW + dt.timedelta(hours=1))
    assert "Your journal has not been changed." in str(raised.value)
    assert folder_fingerprint(journal.parent) == before
    assert folder_fingerprint(backup.parent) == backups_before  # no backup taken either


def test_restore_is_refused_while_another_process_has_the_journal_open(journal: Path) -> None:
    backup = back_up(journal, now=NOW).path
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from PySide6.QtCore import QLockFile\n"
            f"lock = QLockFile({str(lock_path(journal))!r}); assert lock.tryLock(0)\n"
            "print('locked', flush=True); sys.stdin.read(); lock.unlock()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = folder_fingerprint(journal.parent)
        with pytest.raises(BackupError, match="is already open in") as raised:
            restore(backup, journal, now=NOW + dt.timedelta(hours=1))
        assert f"process {holder.pid}" in str(raised.value)
        assert folder_fingerprint(journal.parent) == before
    finally:
        holder.communicate("", timeout=60)
    restore(backup, journal, now=NOW + dt.timedelta(hours=1))  # and once it has let go, it works


def test_a_cancelled_restore_leaves_the_journal_as_it_was(journal: Path) -> None:
    backup = back_up(journal, now=NOW).path
    with open_journal(journal) as opened:
        opened.db.execute_sql("DELETE FROM shed_count")
    before = folder_fingerprint(journal.parent)
    stages: list[str] = []

    def cancel_while_copying_the_backup() -> bool:
        return "Copying the backup into place" in stages

    with pytest.raises(BackupCancelled):
        restore(
            backup,
            journal,
            now=NOW + dt.timedelta(hours=1),
            progress=lambda what, done, total: stages.append(what),
            cancelled=cancel_while_copying_the_backup,
        )
    assert folder_fingerprint(journal.parent) == before
    assert not journal.with_name(journal.name + ".partial").exists()
    assert not lock_path(journal).exists()


def test_restore_over_a_damaged_journal_keeps_it_aside_byte_for_byte(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal", counts=300)
    backup = back_up(journal, now=NOW).path
    expected = holdings(backup)
    corrupt_index_page(journal)
    damaged = journal.read_bytes()

    result = restore(backup, journal, now=NOW + dt.timedelta(hours=2))

    assert holdings(journal) == expected
    assert not result.previous_verified
    assert result.previous is not None
    assert result.previous.name == "mine-replaced-20260512-233005.hairjournal"
    assert result.previous.read_bytes() == damaged
    assert mode(result.previous) == 0o600
    # The failed attempt to back it up left nothing behind.
    assert [b.kind for b in backup_files(backup.parent, "mine")] == [
        BackupKind.REPLACED,
        BackupKind.AUTOMATIC,
    ]


def test_restore_to_a_journal_that_is_gone_recreates_it(journal: Path) -> None:
    backup = back_up(journal, now=NOW).path
    expected = holdings(backup)
    journal.unlink()
    result = restore(backup, journal, now=NOW)
    assert result.previous is None
    assert holdings(journal) == expected


def test_restore_refuses_the_journal_as_its_own_backup(journal: Path) -> None:
    with pytest.raises(BackupError, match="is the journal itself"):
        restore(journal, journal)
