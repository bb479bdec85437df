"""``hairjournal backup`` and ``hairjournal restore``, run as separate processes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from hairjournal.services.backup_files import backup_files
from hairjournal.store.journal import backups_folder, open_journal
from tests.backup_journals import holdings, journal_with_photos, photo_hashes
from tests.journal_files import corrupt_index_page, folder_fingerprint, make_journal
from tests.test_cli import hairjournal


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return journal_with_photos(tmp_path / "mine.hairjournal", photos=2)


def test_backup_writes_a_checked_copy_beside_the_journal(journal: Path) -> None:
    result = hairjournal("backup", journal)
    assert result.returncode == 0, result.stderr
    [backup] = backup_files(backups_folder(journal), "mine")
    assert result.stdout.startswith(f"Backed up mine.hairjournal to {backup.path} (")
    assert "the copy passed its check" in result.stdout
    assert holdings(backup.path) == holdings(journal)
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.path.parent.stat().st_mode) == 0o700


def test_backup_to_another_folder(journal: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "usb stick" / "hair"
    result = hairjournal("backup", journal, "--to", elsewhere)
    assert result.returncode == 0, result.stderr
    [backup] = backup_files(elsewhere, "mine")
    assert str(backup.path) in result.stdout
    assert not backups_folder(journal).exists()


def test_backup_list_shows_each_backup_and_fails_if_one_is_damaged(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal", counts=300)
    assert hairjournal("backup", journal).returncode == 0
    listed = hairjournal("backup", journal, "--list")
    assert listed.returncode == 0, listed.stdout
    assert listed.stdout.startswith(f"Backups of mine.hairjournal in {backups_folder(journal)}:")
    assert "passes its check" in listed.stdout
    assert "301 records, 0 photos, 2024-01-01 to 2024-10-26" in listed.stdout

    [backup] = backup_files(backups_folder(journal), "mine")
    corrupt_index_page(backup.path)
    listed = hairjournal("backup", journal, "--list")
    assert listed.returncode == 1
    assert "FAILS ITS CHECK" in listed.stdout
    assert "is damaged and cannot be trusted" in listed.stdout
    assert "1 of 1 fail their check and cannot be restored." in listed.stdout


def test_backup_list_of_a_journal_without_backups(journal: Path) -> None:
    listed = hairjournal("backup", journal, "--list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[1] == "  none yet"


def test_backup_of_a_file_that_is_not_a_journal_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.hairjournal"
    path.write_text("shopping list")
    result = hairjournal("backup", path)
    assert result.returncode == 1
    assert result.stderr.startswith("hairjournal backup: notes.hairjournal cannot be backed up")
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.hairjournal"]


def test_restore_puts_the_backup_back_and_keeps_the_journal_as_it_was(journal: Path) -> None:
    expected = holdings(journal)
    hashes = photo_hashes(journal)
    assert hairjournal("backup", journal).returncode == 0
    [backup] = backup_files(backups_folder(journal), "mine")
    with open_journal(journal) as opened:
        opened.db.execute_sql("DELETE FROM photo")
    changed = holdings(journal)

    result = hairjournal("restore", backup.path, journal)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Restored {backup.path.name} to {journal}.")
    assert holdings(journal) == expected
    assert photo_hashes(journal) == hashes
    kept = result.stdout.split("The journal as it was is backed up as ")[1].strip().rstrip(".")
    assert holdings(Path(kept)) == changed


def test_restore_of_a_damaged_backup_is_refused_and_changes_nothing(journal: Path) -> None:
    assert hairjournal("backup", journal).returncode == 0
    [backup] = backup_files(backups_folder(journal), "mine")
    corrupt_index_page(backup.path)
    before = folder_fingerprint(journal.parent)
    result = hairjournal("restore", backup.path, journal)
    assert result.returncode == 1
    assert result.stderr.startswith(f"hairjournal restore: {backup.path.name} cannot be restored")
    assert "fails SQLite's integrity check" in result.stderr
    assert "Your journal has not been changed." in result.stderr
    assert folder_fingerprint(journal.parent) == before


def test_restore_while_the_journal_is_open_is_refused(journal: Path) -> None:
    assert hairjournal("backup", journal).returncode == 0
    [backup] = backup_files(backups_folder(journal), "mine")
    with open_journal(journal):  # this process holds the journal's lock
        before = folder_fingerprint(journal.parent)
        result = hairjournal("restore", backup.path, journal)
        assert folder_fingerprint(journal.parent) == before
    assert result.returncode == 1
    assert "mine.hairjournal is already open in" in result.stderr
    assert "Your journal has not been changed." in result.stderr


def test_help_lists_backup_and_restore() -> None:
    result = hairjournal("--help")
    assert "backup" in result.stdout
    assert "restore" in result.stdout
    detail = hairjournal("restore", "--help")
    assert "BACKUP JOURNAL" in detail.stdout
