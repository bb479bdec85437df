"""Reading photos for the gallery, the viewer and the import preview, without reading originals."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.photos import (
    add_photo,
    has_photo,
    latest_photo,
    photo_count,
    photo_info,
    photo_list,
    photo_overview,
    thumbnails,
)


def sha(number: int) -> str:
    return hashlib.sha256(str(number).encode()).hexdigest()


def store(number: int, region: ScalpRegion, taken: dt.datetime) -> int:
    photo_id = add_photo(
        sha256=sha(number),
        format="JPEG",
        width=40,
        height=30,
        taken_at=taken,
        region=region,
        thumbnail=f"thumbnail {number}".encode(),
        data=f"original {number}".encode(),
        original_name=f"IMG_{number}.jpg",
        imported_at=taken,
    )
    assert photo_id is not None
    return photo_id


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "q.hairjournal", title="Q", condition=Condition.TE) as opened:
        yield opened


def test_an_empty_journal(journal: OpenJournal) -> None:
    assert photo_list() == []
    assert photo_count() == 0
    overview = photo_overview()
    assert (overview.count, overview.regions, overview.first, overview.last) == (0, 0, None, None)
    assert latest_photo(ScalpRegion.VERTEX) is None
    assert thumbnails([sha(1)]) == {}


def test_queries_over_a_few_photos(journal: OpenJournal) -> None:
    march = dt.datetime(2026, 3, 2, 8)
    first = store(1, ScalpRegion.VERTEX, march)
    store(2, ScalpRegion.FRONTAL, march + dt.timedelta(days=30))
    latest = store(3, ScalpRegion.VERTEX, march + dt.timedelta(days=60))
    store(4, ScalpRegion.VERTEX, march + dt.timedelta(days=10))  # imported last, taken earlier

    info = photo_info(first)
    assert info is not None
    assert (info.region, info.taken_at, info.sha256) == (ScalpRegion.VERTEX, march, sha(1))
    assert photo_info(99) is None
    newest = latest_photo(ScalpRegion.VERTEX)
    assert newest is not None
    assert newest.id == latest  # by the day taken, not the order of import
    assert thumbnails([sha(3), sha(1), sha(42)]) == {
        sha(3): b"thumbnail 3",
        sha(1): b"thumbnail 1",
    }
    assert has_photo(sha(2))
    assert not has_photo(sha(5))
    overview = photo_overview()
    assert (overview.count, overview.regions) == (4, 2)
    assert (overview.first, overview.last) == (march, march + dt.timedelta(days=60))
    assert photo_count() == 4
    assert [p.sha256 for p in photo_list(ScalpRegion.VERTEX)] == [sha(1), sha(4), sha(3)]


def test_thumbnails_once_the_journal_is_closed_are_none(journal: OpenJournal) -> None:
    store(1, ScalpRegion.VERTEX, dt.datetime(2026, 3, 2, 8))
    journal.close()
    assert thumbnails([sha(1)]) == {}
