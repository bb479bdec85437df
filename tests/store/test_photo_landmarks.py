"""Landmarks are read for the photos asked for, without their originals."""

from __future__ import annotations

from pathlib import Path

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.store import models
from hairjournal.store.journal import create_journal
from hairjournal.store.photo_landmarks import landmarks
from tests.photo_files import write_jpeg
from tests.ui.photo_journal import store_photo


def test_landmarks_of_the_photos_asked_for(tmp_path: Path) -> None:
    with create_journal(tmp_path / "j.hairjournal", title="J", condition=Condition.AA):
        ids = [
            store_photo(write_jpeg(tmp_path / f"{n}.jpg", (64, 48), seed=n), ScalpRegion.VERTEX)
            for n in range(3)
        ]
        models.Photo.update(landmarks='{"version": 1}').where(models.Photo.id == ids[1]).execute()
        assert landmarks([*ids[:2], 999]) == {ids[0]: None, ids[1]: '{"version": 1}'}
        assert landmarks([]) == {}
