"""The demo's scalp photos: one a month per region, stored as imported, and filling in over time."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import sqlite3
import statistics
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.demo import PHOTO_INTERVAL_DAYS, write_demo
from hairjournal.services.demo_photos import REGIONS, DemoPhoto, render, write_photo
from hairjournal.services.photo_decode import DATE_TIME_ORIGINAL, EXIF_IFD

END = dt.date(2026, 11, 20)
SMALL = (400, 300)


def hair_cover(image: Image.Image) -> float:
    """The share of the picture that is hair (dark) rather than skin: a density measure."""
    grey = np.asarray(image.convert("L"), dtype=np.float64)
    return float((grey < 100).mean())


def photo(month: int, recovery: float, region: ScalpRegion = ScalpRegion.VERTEX) -> DemoPhoto:
    return DemoPhoto(region, 5, month, recovery, dt.datetime(2026, 3, 1, 8, 0))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.hairjournal"
    summary = write_demo(path, seed=4, end=END)
    assert summary.photos == len(REGIONS) * 9
    assert f"{summary.photos} scalp photos" in str(summary)
    return path


@pytest.mark.slow
def test_each_region_has_a_photo_a_month_whose_hair_fills_in(demo: Path) -> None:
    connection = sqlite3.connect(demo)
    try:
        rows = connection.execute(
            "SELECT region, taken_at, format, width, height, thumbnail, original_name, "
            "length(photo_original.data), sha256 FROM photo JOIN photo_original "
            "ON photo_original.photo_id = photo.id ORDER BY region, taken_at"
        ).fetchall()
    finally:
        connection.close()
    by_region: dict[str, list[tuple]] = {}
    for row in rows:
        by_region.setdefault(row[0], []).append(row)
    assert set(by_region) == {region.value for region in REGIONS}
    for region, photos in by_region.items():
        taken = [dt.datetime.fromisoformat(row[1]) for row in photos]
        assert len(taken) == 9
        assert taken[-1].date() < END
        assert [(b.date() - a.date()).days for a, b in itertools.pairwise(taken)] == [
            PHOTO_INTERVAL_DAYS
        ] * 8
        for _region, _taken, kind, width, height, _thumb, name, size, _sha in photos:
            assert (kind, width, height) == ("JPEG", 4000, 3000)
            assert name.startswith("IMG_")
            assert name.endswith(".jpg")
            assert 1_000_000 < size < 8_000_000  # a phone photo's size, not a flat picture
        cover = [hair_cover(Image.open(io.BytesIO(row[5]))) for row in photos]
        assert cover[-1] > 1.15 * cover[0], (region, cover)
        assert statistics.mean(cover[-3:]) > 1.1 * statistics.mean(cover[:3]), (region, cover)
    assert len({row[8] for row in rows}) == len(rows)


def test_a_photo_is_the_same_every_time_and_differs_by_month() -> None:
    first = np.asarray(render(photo(0, 0.0), SMALL))
    assert np.array_equal(first, np.asarray(render(photo(0, 0.0), SMALL)))
    # Next month at the same recovery: the camera sits a little differently.
    assert not np.array_equal(first, np.asarray(render(photo(1, 0.0), SMALL)))


@pytest.mark.parametrize("region", REGIONS)
def test_recovery_adds_hair_in_every_region(region: ScalpRegion) -> None:
    # Small pictures draw every hair at least a pixel wide, so only the order is compared here;
    # the full-size demo photos above show by how much.
    covers = [hair_cover(render(photo(0, recovery, region), SMALL)) for recovery in (0, 0.5, 1)]
    assert covers[0] < covers[1] < covers[2]


def test_written_photo_carries_its_date_in_exif(tmp_path: Path) -> None:
    taken = dt.datetime(2026, 5, 4, 8, 21, 9)
    path = write_photo(DemoPhoto(ScalpRegion.FRONTAL, 1, 3, 0.4, taken), tmp_path, SMALL)
    with Image.open(path) as image:
        assert image.format == "JPEG"
        assert image.size == SMALL
        stamp = image.getexif().get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL]
    assert stamp == "2026:05:04 08:21:09"
    assert path.name == "frontal-IMG_20260504_082109.jpg"
