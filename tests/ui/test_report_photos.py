"""The summary's photos: each region's first and latest, decoded at print size, lined up where
landmarks connect them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.core.landmarks import Alignment
from hairjournal.services.export_file import ExportCancelled
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal, open_journal
from hairjournal.ui.report_photos import LINED_UP, NOT_LINED_UP, first_and_latest, photo_pairs
from tests.ui.compare_photos import LANDMARKS, SIZE, later_landmarks, store_pair
from tests.ui.photo_journal import write_photo_journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "pairs.hairjournal", title="Pairs", condition=Condition.AGA_MALE
    ) as opened:
        yield opened


def darkness(image: QImage, point: tuple[float, float], scale: float) -> float:
    """How dark the picture is around ``point`` (in original pixels), 0 (white) to 765."""
    x, y = round(point[0] * scale), round(point[1] * scale)
    total, count = 0.0, 0
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            colour = image.pixelColor(x + dx, y + dy)
            total += 765 - colour.red() - colour.green() - colour.blue()
            count += 1
    return total / count


def test_each_region_shows_its_first_beside_its_latest_photo(tmp_path: Path) -> None:
    path = tmp_path / "photos.hairjournal"
    ids = write_photo_journal(path)  # vertex 1, 3, 5; frontal 2, 4; midline part 6
    with open_journal(path):
        assert [(a.id, b.id) for a, b in first_and_latest()] == [(1, 5), (6, 6), (2, 4)]
        done: list[tuple[int, int]] = []
        pairs = photo_pairs(progress=lambda d, t: done.append((d, t)))
    assert done == [(1, 3), (2, 3), (3, 3)]
    assert [pair.region for pair in pairs] == ["Vertex (crown)", "Midline part", "Frontal hairline"]
    vertex, midline, frontal = pairs
    assert vertex.before_caption == "Before · 2 Mar 2026"
    assert vertex.after_caption == "After · 4 May 2026, 2 months later"
    assert vertex.note == NOT_LINED_UP
    # Decoded at their own size: the stored photos are smaller than print size.
    assert vertex.before is not None
    assert (vertex.before.width(), vertex.before.height()) == (320, 240)
    assert vertex.after is not None
    assert (vertex.after.width(), vertex.after.height()) == (640, 480)
    assert midline.after is None
    assert midline.after_caption == ""
    assert midline.before_caption == "The only photo · 4 May 2026"
    assert midline.note == "The comparison starts with a second photo of this region."
    assert frontal.after_caption == "After · 6 Apr 2026, 5 weeks later"
    assert len(ids) == 6


def test_a_pair_lined_up_by_landmarks_shows_the_latest_moved_onto_the_first(
    journal: OpenJournal, tmp_path: Path
) -> None:
    earlier, later = store_pair(tmp_path)
    alignment = Alignment.fit(earlier, later_landmarks(), list(LANDMARKS))
    models.Photo.update(landmarks=alignment.to_json()).where(models.Photo.id == later).execute()
    side = 600
    scale = side / SIZE[0]

    [pair] = photo_pairs(side=side)

    assert pair.note == LINED_UP
    assert pair.before is not None
    assert pair.after is not None
    assert pair.after.size() == pair.before.size()
    assert (pair.before.width(), pair.before.height()) == (600, 450)
    for landmark in LANDMARKS:  # each mole of the latest photo sits on the first one's
        assert darkness(pair.before, landmark, scale) > 500
        assert darkness(pair.after, landmark, scale) > 500


def test_without_landmarks_the_latest_is_shown_as_taken(
    journal: OpenJournal, tmp_path: Path
) -> None:
    store_pair(tmp_path)
    [pair] = photo_pairs(side=600)
    assert pair.note == NOT_LINED_UP
    assert pair.after is not None
    scale = 600 / SIZE[0]
    # The camera moved: where the first photo has its moles, the latest has scalp.
    assert sum(darkness(pair.after, landmark, scale) > 500 for landmark in LANDMARKS) < 3


def test_a_photo_that_cannot_be_decoded_says_why(journal: OpenJournal, tmp_path: Path) -> None:
    earlier, _later = store_pair(tmp_path, ScalpRegion.FRONTAL)
    models.PhotoOriginal.update(data=b"\xff\xd8 cut short").where(
        models.PhotoOriginal.photo == earlier
    ).execute()
    [pair] = photo_pairs(side=400)
    assert pair.before is None
    assert pair.after is not None
    assert pair.note.startswith("The stored file cannot be decoded.")


def test_cancel_stops_between_regions(tmp_path: Path) -> None:
    path = tmp_path / "photos.hairjournal"
    write_photo_journal(path)
    done: list[int] = []
    with open_journal(path), pytest.raises(ExportCancelled):
        photo_pairs(progress=lambda d, _t: done.append(d), cancelled=lambda: bool(done))
    assert done == [1]


def test_no_photos_no_pairs(journal: OpenJournal) -> None:
    assert photo_pairs() == ()
