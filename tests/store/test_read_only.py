"""Opening a journal read-only: on a writable disk, on a real read-only mount, and refused."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import EventKind
from hairjournal.services.backup import back_up
from hairjournal.store import models, queries, records
from hairjournal.store.check import check_journal
from hairjournal.store.journal import (
    JournalRefused,
    Refusal,
    lock_path,
    open_journal,
)
from hairjournal.store.records import Failure, WriteFailed
from tests.encrypted_journals import (
    encrypted_journal,
    forget_passphrases,  # noqa: F401 - an autouse fixture
)
from tests.journal_files import V1_FIXTURE, folder_fingerprint, make_journal
from tests.read_only_media import ReadOnlyMedium, mounted_medium


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[ReadOnlyMedium]:
    yield from mounted_medium(tmp_path)


def try_every_write() -> list[Failure]:
    """Add, change and delete through the store, as the window's forms do; how each failed."""
    failures = []
    for write in (
        lambda: records.add(models.Event, {"kind": EventKind.COVID, "started_on": "2024-05-01"}),
        lambda: records.change(models.ShedCount, 1, {"value": 999}),
        lambda: records.remove(models.ShedCount, 2),
    ):
        with pytest.raises(WriteFailed) as failed:
            write()
        failures.append(failed.value.failure)
    return failures


def test_a_journal_opened_read_only_is_read_and_never_written(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "mine.hairjournal", counts=30)
    before = folder_fingerprint(tmp_path)

    with open_journal(path, read_only=True) as journal:
        assert journal.read_only
        assert journal.lock is None
        assert not lock_path(path).exists()  # a reader never keeps a writer out
        assert queries.journal_title() == "Test journal"
        assert models.ShedCount.select().count() == 30
        assert try_every_write() == [Failure.READ_ONLY] * 3
        assert models.ShedCount.get_by_id(1).value == 0

    assert folder_fingerprint(tmp_path) == before  # and no -wal or -shm left behind


def test_a_reader_does_not_stop_a_writer(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "mine.hairjournal", counts=3)
    with open_journal(path, read_only=True):
        models.database.close()  # this thread's reading connection, as between two reads
        models.database.initialize(None)
        with open_journal(path):
            records.add(models.Event, {"kind": EventKind.STRESS, "started_on": "2024-01-02"})


def test_an_older_format_opened_read_only_is_refused_saying_how_to_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.hairjournal"
    shutil.copyfile(V1_FIXTURE, path)
    before = folder_fingerprint(tmp_path)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path, read_only=True)

    assert refused.value.refusal is Refusal.UPGRADE_NEEDED
    assert "Open it normally once, where it can be written, to upgrade it." in (
        refused.value.message
    )
    assert folder_fingerprint(tmp_path) == before


def test_on_a_read_only_mount_a_journal_is_refused_for_writing_and_opens_to_read(
    tmp_path: Path, read_only_medium: ReadOnlyMedium
) -> None:
    source = make_journal(tmp_path / "mine.hairjournal", counts=30)
    path = read_only_medium.put(source)
    read_only_medium.seal()
    before = folder_fingerprint(read_only_medium.folder)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path)
    assert refused.value.refusal is Refusal.READ_ONLY
    assert "You can open it read-only to look at it." in refused.value.message

    with open_journal(path, read_only=True):
        assert models.ShedCount.select().count() == 30
        assert try_every_write() == [Failure.READ_ONLY] * 3
    assert check_journal(path).ok
    copy = back_up(path, tmp_path / "backups", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    assert copy.path.exists()
    assert folder_fingerprint(read_only_medium.folder) == before


def test_on_a_read_only_mount_changes_still_in_the_wal_are_not_hidden(
    tmp_path: Path, read_only_medium: ReadOnlyMedium
) -> None:
    source = make_journal(tmp_path / "mine.hairjournal", counts=3)
    with open_journal(source) as journal:
        journal.db.execute_sql("PRAGMA wal_autocheckpoint = 0")
        records.add(models.Event, {"kind": EventKind.STRESS, "started_on": "2024-01-02"})
        path = read_only_medium.put(source)  # copied while the change is in the -wal only
    read_only_medium.seal()

    with pytest.raises(JournalRefused) as refused:
        open_journal(path, read_only=True)

    assert refused.value.refusal is Refusal.UNREADABLE
    assert "its latest changes are still in the file mine.hairjournal-wal" in (
        refused.value.message
    )


def test_an_encrypted_journal_on_a_read_only_mount_opens_with_its_passphrase(
    tmp_path: Path, read_only_medium: ReadOnlyMedium
) -> None:
    source = encrypted_journal(tmp_path / "mine.hairjournal")  # its passphrase known here
    with open_journal(source):
        pass  # in WAL mode, as a journal in use is
    path = read_only_medium.put(source)
    read_only_medium.seal()

    with open_journal(path, read_only=True) as journal:
        assert journal.encrypted
        assert models.Photo.select().count() == 2
