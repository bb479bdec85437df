"""Importing a batch: good photos go in whole, bad ones are named with a reason, nothing doubles."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services.photo_import import Outcome, import_photos, photo_files
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from tests.photo_files import truncate, write_image, write_jpeg

TAKEN = dt.datetime(2026, 6, 1, 8, 15, 0)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = tmp_path / "photos.hairjournal"
    with create_journal(path, title="Photos", condition=Condition.AGA_MALE) as opened:
        yield opened


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "camera"
    folder.mkdir()
    good = write_jpeg(folder / "IMG_1.jpg", taken=TAKEN)
    other = write_image(folder / "IMG_2.heic", "HEIF", seed=2)
    cut = truncate(write_jpeg(folder / "IMG_3.jpg", seed=3))
    text = folder / "IMG_4.jpg"
    text.write_text("hello", encoding="utf-8")
    return [good, other, cut, text, good]


def _originals(journal: OpenJournal) -> dict[str, bytes]:
    connection = sqlite3.connect(journal.path)
    try:
        rows = connection.execute(
            "SELECT p.original_name, o.data FROM photo p JOIN photo_original o ON o.photo_id = p.id"
        ).fetchall()
    finally:
        connection.close()
    return dict(rows)


def test_batch_stores_good_photos_whole_and_reports_the_rest(
    journal: OpenJournal, batch: list[Path]
) -> None:
    seen: list[tuple[int, int, str]] = []
    results = import_photos(
        batch,
        ScalpRegion.VERTEX,
        progress=lambda done, total, path: seen.append((done, total, path.name)),
    )

    assert [(r.path.name, r.outcome) for r in results] == [
        ("IMG_1.jpg", Outcome.IMPORTED),
        ("IMG_2.heic", Outcome.IMPORTED),
        ("IMG_3.jpg", Outcome.REFUSED),
        ("IMG_4.jpg", Outcome.REFUSED),
        ("IMG_1.jpg", Outcome.DUPLICATE),
    ]
    assert results[4].reason == "the same file was given twice"
    assert "is incomplete" in results[2].reason
    assert "not an image" in results[3].reason
    assert _originals(journal) == {
        "IMG_1.jpg": batch[0].read_bytes(),
        "IMG_2.heic": batch[1].read_bytes(),
    }
    photo = models.Photo.get(models.Photo.original_name == "IMG_1.jpg")
    assert (photo.region, photo.taken_at, photo.format) == (ScalpRegion.VERTEX, TAKEN, "JPEG")
    assert photo.thumbnail.startswith(b"\xff\xd8")
    assert [done for done, _total, _name in seen] == [1, 2, 3, 4]
    assert {total for _done, total, _name in seen} == {4}


def test_second_import_of_the_same_photos_adds_nothing(
    journal: OpenJournal, batch: list[Path]
) -> None:
    import_photos(batch[:2], ScalpRegion.FRONTAL)
    again = import_photos(batch[:2], ScalpRegion.FRONTAL)
    assert [r.outcome for r in again] == [Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert models.Photo.select().count() == 2
    assert models.PhotoOriginal.select().count() == 2


def test_folders_are_searched_for_photos(tmp_path: Path, batch: list[Path]) -> None:
    (tmp_path / "camera" / "readme.txt").write_text("not a photo", encoding="utf-8")
    found = photo_files([tmp_path / "camera"])
    assert [p.name for p in found] == ["IMG_1.jpg", "IMG_2.heic", "IMG_3.jpg", "IMG_4.jpg"]


def test_given_day_replaces_the_photo_date_keeping_the_time(
    journal: OpenJournal, batch: list[Path]
) -> None:
    import_photos(batch[:1], ScalpRegion.OCCIPITAL, taken=dt.date(2026, 7, 2))
    assert models.Photo.get().taken_at == dt.datetime(2026, 7, 2, 8, 15, 0)


def test_cancelled_import_keeps_only_whole_photos(journal: OpenJournal, tmp_path: Path) -> None:
    files = [write_jpeg(tmp_path / f"p{n}.jpg", (400, 300), seed=n) for n in range(6)]
    calls = 0

    def cancel_after_two() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    results = import_photos(files, ScalpRegion.VERTEX, cancelled=cancel_after_two)
    assert len(results) == 2
    assert models.Photo.select().count() == 2
    assert models.PhotoOriginal.select().count() == 2


def test_command_line_reports_each_file_and_fails_on_refusals(
    tmp_path: Path, batch: list[Path], private_home: Path
) -> None:
    journal = tmp_path / "cli.hairjournal"
    with create_journal(journal, title="CLI", condition=Condition.TE):
        pass
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "hairjournal",
            "add-photos",
            str(journal),
            *map(str, batch[:4]),
            "--region",
            "midline_part",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[:4] == [
        "IMG_1.jpg: imported",
        "IMG_2.heic: imported",
        "IMG_3.jpg: refused, the file is incomplete (the file ends early); it may not have "
        "finished copying",
        "IMG_4.jpg: refused, the file is not an image Hair Journal can read; photos can be "
        "JPEG, PNG, WebP or HEIC",
    ]
    assert lines[-1] == "2 imported, 0 already in the journal, 2 refused."
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "hairjournal",
            "add-photos",
            str(journal),
            str(batch[0]),
            "--region",
            "vertex",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0
    assert again.stdout.splitlines()[0].startswith("IMG_1.jpg: already in the journal")


def test_photo_list_reads_no_blobs_and_filters(journal: OpenJournal, tmp_path: Path) -> None:
    from hairjournal.store.photos import original, photo_list, thumbnail

    files = [
        write_jpeg(tmp_path / f"d{day}.jpg", (320, 240), seed=day, taken=TAKEN + dt.timedelta(day))
        for day in range(4)
    ]
    import_photos(files[:2], ScalpRegion.VERTEX)
    import_photos(files[2:], ScalpRegion.FRONTAL)
    assert [p.original_name for p in photo_list()] == ["d0.jpg", "d1.jpg", "d2.jpg", "d3.jpg"]
    assert [p.original_name for p in photo_list(ScalpRegion.FRONTAL)] == ["d2.jpg", "d3.jpg"]
    day_one = (TAKEN + dt.timedelta(1)).date()
    assert [p.original_name for p in photo_list(since=day_one, until=day_one)] == ["d1.jpg"]
    first = photo_list()[0]
    assert original(first.id) == files[0].read_bytes()
    assert thumbnail(first.id).startswith(b"\xff\xd8")
    assert not first.has_landmarks
