"""Reading the landmarks that line photos up (``photo.landmarks``), without their blobs."""

from __future__ import annotations

from collections.abc import Iterable

from hairjournal.store import models


def landmarks(photo_ids: Iterable[int]) -> dict[int, str | None]:
    """The ``landmarks`` JSON of each photo asked for that is in the journal (None where a photo
    has none); see ``core.landmarks`` for what it holds."""
    photo = models.Photo
    wanted = list(photo_ids)
    if not wanted:
        return {}
    query = photo.select(photo.id, photo.landmarks).where(photo.id.in_(wanted)).tuples()
    return dict(query)
