"""The gallery's model: grouping, filters, and thumbnails decoded lazily into a bounded cache."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.photos import add_photo
from hairjournal.ui.gallery_model import (
    COUNT_ROLE,
    INFO_ROLE,
    PHOTO_ID_ROLE,
    UNREADABLE_ROLE,
    GalleryModel,
    Grouping,
    ThumbnailCache,
)

COLOURS = ((200, 30, 30), (30, 200, 30), (30, 30, 200), (220, 220, 40))


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (96, 72)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=95)
    return out.getvalue()


def store(
    number: int, region: ScalpRegion, taken: dt.datetime, thumbnail: bytes, tag: str = ""
) -> int:
    photo_id = add_photo(
        sha256=hashlib.sha256(f"{tag}{number}".encode()).hexdigest(),
        format="JPEG",
        width=96,
        height=72,
        taken_at=taken,
        region=region,
        thumbnail=thumbnail,
        data=thumbnail,
        original_name=f"IMG_{number}.jpg",
        imported_at=taken,
    )
    assert photo_id is not None
    return photo_id


# (region, day): ids 1..7 in this order
PHOTOS = (
    (ScalpRegion.FRONTAL, dt.datetime(2026, 3, 3, 9)),
    (ScalpRegion.VERTEX, dt.datetime(2026, 3, 3, 8)),
    (ScalpRegion.VERTEX, dt.datetime(2026, 4, 7, 8)),
    (ScalpRegion.TEMPORAL_LEFT, dt.datetime(2026, 4, 7, 8, 30)),
    (ScalpRegion.VERTEX, dt.datetime(2026, 5, 5, 8)),
    (ScalpRegion.FRONTAL, dt.datetime(2026, 5, 5, 9)),
    (ScalpRegion.FRONTAL, dt.datetime(2026, 5, 20, 9)),
)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "gallery.hairjournal", title="Gallery", condition=Condition.AGA_MALE
    ) as opened:
        for number, (region, taken) in enumerate(PHOTOS):
            store(number, region, taken, jpeg(COLOURS[number % len(COLOURS)]))
        yield opened


def rows(model: GalleryModel) -> list[str | int]:
    """Headings as their text, photos as their id."""
    out: list[str | int] = []
    for row in range(model.rowCount()):
        index = model.index(row)
        photo_id = index.data(PHOTO_ID_ROLE)
        out.append(index.data() if photo_id is None else photo_id)
    return out


def settle(qtbot: QtBot, model: GalleryModel) -> None:
    qtbot.waitUntil(lambda: not model.loading(), timeout=10_000)


def test_model_passes_the_model_tester_in_both_groupings(
    qtbot: QtBot, qtmodeltester: ModelTester, journal: OpenJournal
) -> None:
    model = GalleryModel()
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.set_grouping(Grouping.MONTH)
    qtmodeltester.check(model, force_py=True)
    settle(qtbot, model)


def test_by_region_each_region_is_a_group_newest_first(journal: OpenJournal) -> None:
    model = GalleryModel()
    model.refresh()
    assert rows(model) == [
        "Vertex (crown)", 5, 3, 2,
        "Frontal hairline", 7, 6, 1,
        "Left temple", 4,
    ]  # fmt: skip
    assert model.index(0).data(COUNT_ROLE) == 3
    assert model.index(1).data() == "5 May 2026"
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1)) & Qt.ItemFlag.ItemIsSelectable
    assert model.photo_ids() == [5, 3, 2, 7, 6, 1, 4]


def test_by_month_newest_month_first_and_a_days_photos_in_region_order(
    journal: OpenJournal,
) -> None:
    model = GalleryModel()
    model.set_grouping(Grouping.MONTH)
    assert rows(model) == [
        "May 2026", 7, 5, 6,
        "April 2026", 3, 4,
        "March 2026", 2, 1,
    ]  # fmt: skip
    assert model.index(2).data() == "5 May 2026\nVertex (crown)"


def test_filter_by_region_and_days(journal: OpenJournal) -> None:
    model = GalleryModel()
    model.refresh()
    model.set_filter(ScalpRegion.FRONTAL, None, None)
    assert rows(model) == ["Frontal hairline", 7, 6, 1]
    assert model.is_filtering()
    assert model.total == len(PHOTOS)
    model.set_filter(None, dt.date(2026, 4, 7), dt.date(2026, 5, 5))
    assert model.photo_ids() == [5, 3, 6, 4]
    model.set_filter(None, None, None)
    assert len(model.photo_ids()) == len(PHOTOS)
    assert not model.is_filtering()


def test_a_thumbnail_is_decoded_only_when_asked_for(qtbot: QtBot, journal: OpenJournal) -> None:
    model = GalleryModel(thumbnail_box=QSize(48, 36))
    model.refresh()
    assert model.cache.keys() == []
    assert not model.loading()

    index = model.index(model.row_of(3))
    info = index.data(INFO_ROLE)
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        assert index.data(Qt.ItemDataRole.DecorationRole) is None  # asked: queued, not decoded
    assert changed.args[0].row() == index.row()
    settle(qtbot, model)

    assert model.cache.keys() == [info.sha256]  # that one only
    image = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(image, QImage)
    assert (image.width(), image.height()) == (48, 36)
    red, green, blue = COLOURS[2]  # photo 3 was the third stored
    colour = image.pixelColor(24, 18)
    assert abs(colour.red() - red) < 12
    assert abs(colour.green() - green) < 12
    assert abs(colour.blue() - blue) < 12


def test_cache_stays_within_its_budget_and_drops_the_least_recently_used(
    qtbot: QtBot, journal: OpenJournal
) -> None:
    one = QImage(48, 36, QImage.Format.Format_RGB888).sizeInBytes()
    model = GalleryModel(thumbnail_box=QSize(48, 36), cache_bytes=3 * one)
    model.refresh()
    order = model.photo_ids()
    for photo_id in order:
        model.index(model.row_of(photo_id)).data(Qt.ItemDataRole.DecorationRole)
        settle(qtbot, model)  # one at a time, so the order of use is known
        assert model.cache.bytes_used <= 3 * one

    def sha(photo_id: int) -> str:
        return model.index(model.row_of(photo_id)).data(INFO_ROLE).sha256

    assert model.cache.keys() == [sha(i) for i in order[-3:]]
    first = model.index(model.row_of(order[0]))
    assert first.data(Qt.ItemDataRole.DecorationRole) is None  # dropped: decoded again
    settle(qtbot, model)
    assert isinstance(first.data(Qt.ItemDataRole.DecorationRole), QImage)
    assert len(model.cache.keys()) == 3


def test_lru_cache_keeps_what_was_used_last() -> None:
    image = QImage(10, 10, QImage.Format.Format_RGB888)
    cache = ThumbnailCache(2 * image.sizeInBytes())
    cache.put("a", image)
    cache.put("b", image)
    assert cache.get("a") is not None  # "a" is now the most recent
    cache.put("c", image)
    assert cache.keys() == ["a", "c"]
    assert cache.bytes_used == 2 * image.sizeInBytes()


def test_a_thumbnail_that_cannot_be_decoded_is_marked_and_not_asked_for_again(
    qtbot: QtBot, journal: OpenJournal
) -> None:
    broken = store(99, ScalpRegion.OCCIPITAL, dt.datetime(2026, 6, 1), b"not a jpeg at all")
    model = GalleryModel()
    model.refresh()
    index = model.index(model.row_of(broken))
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    settle(qtbot, model)
    assert index.data(UNREADABLE_ROLE) is True
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert not model.loading()


def test_another_journal_with_the_same_ids_shows_its_own_thumbnails(
    qtbot: QtBot, tmp_path: Path, journal: OpenJournal
) -> None:
    model = GalleryModel(thumbnail_box=QSize(20, 15))
    model.refresh()
    model.index(model.row_of(1)).data(Qt.ItemDataRole.DecorationRole)
    settle(qtbot, model)
    journal.close()
    with create_journal(tmp_path / "other.hairjournal", title="Other", condition=Condition.TE):
        assert store(0, ScalpRegion.VERTEX, dt.datetime(2026, 1, 1), jpeg((0, 0, 0)), "x") == 1
        model.refresh()
        index = model.index(model.row_of(1))
        assert index.data(Qt.ItemDataRole.DecorationRole) is None  # not the other's photo 1
        settle(qtbot, model)
        assert index.data(Qt.ItemDataRole.DecorationRole).pixelColor(10, 7).red() < 20
