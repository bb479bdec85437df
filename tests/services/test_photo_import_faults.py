"""Importing photos when the disk is full, fails, or the journal is busy in another process:
each photo is refused by name with the reason, none is half-stored, and importing again works."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services.photo_import import Outcome, PhotoResult, import_photos
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.records import MESSAGES, Failure
from tests.photo_files import write_jpeg
from tests.reliability.faults import FullDisk, failing_disk, full_disk, held_by_another_process


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[FullDisk]:
    with full_disk(tmp_path / "small disk") as mounted:
        yield mounted


@pytest.fixture
def journal(disk: FullDisk) -> Iterator[OpenJournal]:
    path = disk.folder / "photos.hairjournal"
    with create_journal(path, title="Photos", condition=Condition.AGA_MALE) as opened:
        yield opened


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "camera"
    folder.mkdir()
    return [write_jpeg(folder / f"IMG_{n}.jpg", (1200, 900), seed=n) for n in (1, 2)]


def _stored(journal: OpenJournal) -> tuple[int, int, list[tuple]]:
    """Photos, originals, and what foreign_key_check finds (orphans)."""
    db = journal.db
    photos = db.execute_sql("SELECT count(*) FROM photo").fetchone()[0]
    originals = db.execute_sql("SELECT count(*) FROM photo_original").fetchone()[0]
    return photos, originals, db.execute_sql("PRAGMA foreign_key_check").fetchall()


def _refused_for(results: list[PhotoResult], failure: Failure) -> list[str]:
    reason = f"could not be saved: {MESSAGES[failure]}"
    return [r.describe() for r in results if r.outcome is Outcome.REFUSED and r.reason == reason]


def _import_again_works(journal: OpenJournal, photos: list[Path]) -> None:
    again = import_photos(photos, ScalpRegion.FRONTAL)
    assert [r.outcome for r in again] == [Outcome.IMPORTED] * len(photos)
    assert _stored(journal) == (len(photos), len(photos), [])
    stored = journal.db.execute_sql(
        "SELECT p.original_name, o.data FROM photo p JOIN photo_original o ON o.photo_id = p.id"
    ).fetchall()
    assert {name: bytes(data) for name, data in stored} == {p.name: p.read_bytes() for p in photos}


def test_a_full_disk_refuses_each_photo_by_name_and_stores_no_part_of_it(
    journal: OpenJournal, disk: FullDisk, photos: list[Path]
) -> None:
    disk.fill()
    results = import_photos(photos, ScalpRegion.FRONTAL)
    assert _refused_for(results, Failure.DISK_FULL) == [
        f"{photo.name}: refused, the file could not be saved: The disk is full, so nothing was "
        "saved. Free some space and save again."
        for photo in photos
    ], disk.kind
    assert _stored(journal) == (0, 0, [])  # no photo row without its original, and no orphan
    disk.free()
    _import_again_works(journal, photos)


def test_a_disk_failing_as_the_photo_is_written_stores_no_part_of_it(
    journal: OpenJournal, photos: list[Path]
) -> None:
    with contextlib.ExitStack() as failing:

        def storing() -> bool:  # called just before each photo is written
            failing.enter_context(failing_disk())
            return False

        results = import_photos(
            photos, ScalpRegion.VERTEX, cancelled=storing, progress=lambda *_: failing.close()
        )
    assert len(_refused_for(results, Failure.IO_ERROR)) == len(photos)
    assert _stored(journal) == (0, 0, [])
    _import_again_works(journal, photos)


def test_a_journal_busy_in_another_process_stores_no_part_of_a_photo(
    journal: OpenJournal, photos: list[Path]
) -> None:
    journal.db.execute_sql("PRAGMA busy_timeout = 100")  # the app waits 5 s; no need here
    with held_by_another_process(journal.path):
        results = import_photos(photos, ScalpRegion.OCCIPITAL)
    assert len(_refused_for(results, Failure.LOCKED)) == len(photos)
    assert _stored(journal) == (0, 0, [])
    _import_again_works(journal, photos)
