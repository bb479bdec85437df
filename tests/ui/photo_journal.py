"""Journals holding real photos (Pillow JPEGs stored as an import stores them), for UI tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services.photo_decode import PreparedPhoto, prepare_photo
from hairjournal.store.journal import create_journal
from hairjournal.store.photos import add_photo
from tests.photo_files import write_jpeg


@dataclass(frozen=True)
class Shot:
    region: ScalpRegion
    taken: dt.datetime
    size: tuple[int, int] = (320, 240)
    orientation: int | None = None


# Six photos of three regions over three months, oldest first (ids 1 to 6 in this order).
SHOTS = (
    Shot(ScalpRegion.VERTEX, dt.datetime(2026, 3, 2, 8, 0)),
    Shot(ScalpRegion.FRONTAL, dt.datetime(2026, 3, 2, 8, 5)),
    Shot(ScalpRegion.VERTEX, dt.datetime(2026, 4, 6, 8, 0)),
    Shot(ScalpRegion.FRONTAL, dt.datetime(2026, 4, 6, 8, 5)),
    Shot(ScalpRegion.VERTEX, dt.datetime(2026, 5, 4, 8, 0), (640, 480)),
    Shot(ScalpRegion.MIDLINE_PART, dt.datetime(2026, 5, 4, 8, 10)),
)


def store_photo(path: Path, region: ScalpRegion) -> int:
    """Store the photo file at ``path`` as an import would, in the bound journal."""
    prepared = prepare_photo(path)
    assert isinstance(prepared, PreparedPhoto), prepared
    photo_id = add_photo(
        sha256=prepared.sha256,
        format=prepared.format,
        width=prepared.width,
        height=prepared.height,
        taken_at=prepared.taken_at,
        region=region,
        thumbnail=prepared.thumbnail,
        data=prepared.data,
        original_name=prepared.name,
        imported_at=prepared.taken_at,
    )
    assert photo_id is not None
    return photo_id


def write_photo_journal(path: Path, shots: tuple[Shot, ...] = SHOTS) -> list[int]:
    """Create ``path`` holding ``shots`` (each a distinct picture); return their ids."""
    folder = path.parent / f"{path.stem}-files"
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    with create_journal(path, title="Photos", condition=Condition.AGA_MALE):
        for number, shot in enumerate(shots):
            file = write_jpeg(
                folder / f"IMG_{number + 1:04d}.jpg",
                shot.size,
                seed=number * 17 + 3,
                taken=shot.taken,
                orientation=shot.orientation,
            )
            ids.append(store_photo(file, shot.region))
    return ids
