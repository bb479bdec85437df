"""Storing photos: metadata and thumbnail in ``photo``, the file's bytes in ``photo_original``."""

from __future__ import annotations

import datetime as dt

from hairjournal.core.enums import ScalpRegion
from hairjournal.store import models
from hairjournal.store.records import writing


def known_hashes() -> set[str]:
    """The sha256 of every photo already in the journal."""
    return {row[0] for row in models.Photo.select(models.Photo.sha256).tuples()}


def add_photo(
    *,
    sha256: str,
    format: str,
    width: int,
    height: int,
    taken_at: dt.datetime,
    region: ScalpRegion,
    thumbnail: bytes,
    data: bytes,
    original_name: str,
    imported_at: dt.datetime,
) -> int | None:
    """Store one photo whole (both rows or neither); None if the journal already has it."""
    with writing():
        if models.Photo.select().where(models.Photo.sha256 == sha256).exists():
            return None
        photo_id = models.Photo.insert(
            sha256=sha256,
            format=format,
            width=width,
            height=height,
            taken_at=taken_at,
            region=region,
            thumbnail=thumbnail,
            original_name=original_name,
            imported_at=imported_at,
        ).execute()
        models.PhotoOriginal.insert(photo=photo_id, data=data).execute()
    return photo_id
