"""Backups: consistent under writes, checked before pruning, private; cancel and failure leave
nothing behind; tiered pruning; listing what each backup holds."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from hairjournal.services import backup as backup_module
from hairjournal.services.backup import BackupCancelled, BackupError, back_up
from hairjournal.services.backup_files import BackupKind, backup_files, taken_today
from hairjournal.services.backup_listing import list_backups
from hairjournal.store import snapshot as snapshot_module
from hairjournal.store.journal import backups_folder, open_journal
from tests.backup_journals import (
    WriterProcess,
    holdings,
    integrity,
    journal_with_photos,
    written_notes,
)
from tests.journal_files import (
    corrupt_index_page,
    folder_fingerprint,
    make_journal,
    make_sqlite,
)

NOW = dt.datetime(2026, 5, 12, 21, 30, 5)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return journal_with_photos(tmp_path / "mine.hairjournal")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- backing up ---------------------------------------------------------------------------------


def test_a_backup_is_a_private_verified_copy_named_with_date_and_time(journal: Path) -> None:
    before = holdings(journal)
    stages: list[str] = []
    result = back_up(journal, now=NOW, progress=lambda what, done, total: stages.append(what))

    folder = journal.parent / "backups"
    assert result.path == folder / "mine-backup-20260512-213005.hairjournal"
    assert result.size == result.path.stat().st_size > 0
    assert mode(result.path) == 0o600
    assert mode(folder) == 0o700
    assert holdings(result.path) == before
    assert integrity(result.path) == ["ok"]
    assert stages[0] == "Copying the journal"
    assert stages[-1] == "Checking the copy"
    assert sorted(p.name for p in folder.iterdir()) == [result.path.name]  # no partial, no -wal
    assert holdings(journal) == before  # the journal itself is untouched


def test_a_second_backup_in_the_same_second_gets_a_name_of_its_own(journal: Path) -> None:
    first = back_up(journal, now=NOW)
    second = back_up(journal, now=NOW, prune=False)
    assert second.path.name == "mine-backup-20260512-213005-1.hairjournal"
    assert [b.path for b in backup_files(first.path.parent, "mine")] == [second.path, first.path]
    third = back_up(journal, now=NOW)  # pruning keeps the newest of the day
    assert third.path.name == "mine-backup-20260512-213005-2.hairjournal"
    assert third.pruned == [second.path, first.path]


def test_a_backup_of_an_open_journal_includes_what_was_just_saved(journal: Path) -> None:
    with open_journal(journal) as opened:
        opened.db.execute_sql(
            "INSERT INTO event (kind, started_on, notes) VALUES ('stress', '2024-02-02', 'late')"
        )
        assert journal.with_name(journal.name + "-wal").stat().st_size > 0  # not yet in the file
        result = back_up(journal, now=NOW)
        assert written_notes(result.path) == ["late"]


def test_a_backup_taken_while_another_process_writes_is_a_consistent_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without one read transaction for the whole copy, every write between two steps would
    restart it: with a write after every step, it would never end."""
    journal = journal_with_photos(tmp_path / "busy.hairjournal", photos=6)
    monkeypatch.setattr(snapshot_module, "PAGES_PER_STEP", 1)
    writer = WriterProcess(journal)
    steps = 0

    def write_between_steps(what: str, done: int, total: int) -> None:
        nonlocal steps
        if what == "Copying the journal":
            steps += 1
            writer.write(3)  # committed, by the other process, before the copy goes on

    try:
        writer.write(20)
        result = back_up(journal, now=NOW, progress=write_between_steps)
        writer.write(1)
    finally:
        writer.stop()
    assert steps > 20
    assert integrity(result.path) == ["ok"]
    # The journal as it was when the backup began: the first 20 writes, and none of the
    # writes made while it was copied.
    assert written_notes(result.path) == [f"write {n}" for n in range(1, 21)]
    assert written_notes(journal) == [f"write {n}" for n in range(1, writer.acknowledged + 1)]
    assert writer.acknowledged == 20 + 3 * steps + 1


def test_a_backup_taken_while_a_thread_writes_freely_is_a_consistent_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = journal_with_photos(tmp_path / "busy.hairjournal", photos=6)
    monkeypatch.setattr(snapshot_module, "PAGES_PER_STEP", 4)
    acknowledged: list[int] = []
    stop = threading.Event()
    first_writes = threading.Event()

    def write_until_stopped() -> None:
        connection = sqlite3.connect(journal, isolation_level=None, timeout=30)
        try:
            for number in range(1, 1_000_000):
                if stop.is_set():
                    return
                connection.execute(
                    "INSERT INTO event (kind, started_on, notes) "
                    "VALUES ('stress', '2024-01-01', ?)",
                    (f"write {number}",),
                )
                acknowledged.append(number)
                if number == 10:
                    first_writes.set()
        finally:
            connection.close()

    writer = threading.Thread(target=write_until_stopped)
    writer.start()
    try:
        assert first_writes.wait(timeout=60)
        at_start = len(acknowledged)
        result = back_up(journal, now=NOW)
        at_end = len(acknowledged)
    finally:
        stop.set()
        writer.join(timeout=60)
    assert integrity(result.path) == ["ok"]
    notes = written_notes(result.path)
    assert notes == [f"write {n}" for n in range(1, len(notes) + 1)]  # a prefix, no gaps
    assert at_start <= len(notes) <= at_end
    assert written_notes(journal) == [f"write {n}" for n in acknowledged]


def test_cancel_leaves_nothing(journal: Path) -> None:
    folder = journal.parent / "backups"
    calls: list[int] = []

    with pytest.raises(BackupCancelled):
        back_up(
            journal,
            now=NOW,
            progress=lambda what, done, total: calls.append(done),
            cancelled=lambda: bool(calls),
        )
    assert calls
    assert list(folder.iterdir()) == []


def test_a_failure_in_the_middle_of_the_copy_leaves_nothing(journal: Path) -> None:
    folder = journal.parent / "backups"

    def disk_full(what: str, done: int, total: int) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(BackupError, match="could not be backed up: no space left on device"):
        back_up(journal, now=NOW, progress=disk_full)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_text("my notes"), "it is not a journal"),
        (lambda p: make_sqlite(p), "it is not a Hair Journal"),
        (lambda p: None, "There is no journal at"),
    ],
)
def test_a_file_that_is_not_a_journal_is_not_backed_up(
    tmp_path: Path, make: object, expected: str
) -> None:
    path = tmp_path / "odd.hairjournal"
    make(path)  # type: ignore[operator]
    before = folder_fingerprint(tmp_path)
    with pytest.raises(BackupError, match=expected):
        back_up(path, now=NOW)
    assert folder_fingerprint(tmp_path) == before
    assert not (tmp_path / "backups").exists()


def test_the_umask_is_restored_after_a_backup(journal: Path) -> None:
    previous = os.umask(0o022)
    try:
        back_up(journal, now=NOW)
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(previous)


# -- verification before pruning ----------------------------------------------------------------


def daily_backups(journal: Path, days: int) -> list[Path]:
    """A backup each evening for ``days`` days before NOW, oldest first (pruned as they go)."""
    for day in range(days, 0, -1):
        back_up(journal, now=NOW - dt.timedelta(days=day))
    return [b.path for b in reversed(backup_files(backups_folder(journal), journal.stem))]


def test_older_backups_are_pruned_to_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal", counts=5)
    kept = daily_backups(journal, 60)
    assert len(kept) <= 23
    result = back_up(journal, now=NOW)
    names = [b.path.name for b in backup_files(backups_folder(journal), "mine")]
    assert names[0] == result.path.name
    assert names[1:7] == [f"mine-backup-202605{d:02d}-213005.hairjournal" for d in range(11, 5, -1)]
    # 5 May lost its place among the last 7 days, and is not the newest of its week or month.
    assert [path.name for path in result.pruned] == ["mine-backup-20260505-213005.hairjournal"]
    assert not result.pruned[0].exists()


def test_a_backup_that_fails_its_check_prunes_nothing_and_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal", counts=400)
    daily_backups(journal, 40)
    folder = backups_folder(journal)
    before = folder_fingerprint(folder)
    real_copy = backup_module.copy_database

    def copy_then_damage(source: sqlite3.Connection, partial: Path, **options: object) -> None:
        real_copy(source, partial, **options)  # type: ignore[arg-type]
        corrupt_index_page(partial)  # as a failing disk might

    monkeypatch.setattr(backup_module, "copy_database", copy_then_damage)
    with pytest.raises(BackupError, match="failed its check") as raised:
        back_up(journal, now=NOW)
    assert "every older backup was kept" in str(raised.value)
    assert folder_fingerprint(folder) == before  # nothing pruned, nothing added


def test_copies_before_an_upgrade_and_other_journals_backups_are_never_pruned(
    tmp_path: Path,
) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal")
    folder = backups_folder(journal)
    folder.mkdir()
    upgrade = folder / "mine-schema-1-20250101-090000.hairjournal"
    other = folder / "other-backup-20250101-090000.hairjournal"
    notes = folder / "notes.txt"
    for path in (upgrade, other):
        shutil.copyfile(journal, path)
    notes.write_text("keep me")
    daily_backups(journal, 50)
    assert upgrade.exists()
    assert other.exists()
    assert notes.exists()


def test_taken_today_counts_backups_of_that_journal_only(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal")
    folder = backups_folder(journal)
    back_up(journal, now=NOW - dt.timedelta(days=1))
    assert not taken_today(folder, "mine", NOW.date())
    other = make_journal(tmp_path / "other.hairjournal")
    back_up(other, folder, now=NOW)
    assert not taken_today(folder, "mine", NOW.date())
    back_up(journal, now=NOW)
    assert taken_today(folder, "mine", NOW.date())


# -- listing ------------------------------------------------------------------------------------


def test_list_backups_says_what_each_holds_and_marks_a_damaged_one(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "mine.hairjournal", counts=300)
    good = back_up(journal, now=NOW - dt.timedelta(days=2)).path
    bad = back_up(journal, now=NOW - dt.timedelta(days=1)).path
    corrupt_index_page(bad)
    listings = list(list_backups(backups_folder(journal), "mine"))
    assert [item.backup.path for item in listings] == [bad, good]
    damaged, sound = listings
    assert sound.verified
    assert sound.problem is None
    assert sound.schema_version is not None
    assert sound.schema_version >= 1
    assert sound.records() == 301  # 300 counts and the first course
    assert sound.summary() == "301 records, 0 photos, 2024-01-01 to 2024-10-26"
    assert sound.backup.kind is BackupKind.AUTOMATIC
    assert sound.backup.taken_at == NOW - dt.timedelta(days=2)
    assert not damaged.verified
    assert "is damaged and cannot be trusted" in (damaged.problem or "")
    assert "It has not been changed" not in (damaged.problem or "")
