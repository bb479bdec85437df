"""Storing photos: metadata and thumbnail in ``photo``, the file's bytes in ``photo_original``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hairjournal.core.enums import ScalpRegion
from hairjournal.store import models
from hairjournal.store.records import writing

DAY = dt.timedelta(days=1)


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


@dataclass(frozen=True)
class PhotoInfo:
    """A photo as the gallery lists it: everything but the thumbnail and the original."""

    id: int
    taken_at: dt.datetime
    region: ScalpRegion
    format: str
    width: int
    height: int
    original_name: str
    notes: str
    has_landmarks: bool


def photo_list(
    region: ScalpRegion | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[PhotoInfo]:
    """Photos oldest first, optionally of one region and within a span of days; no blobs read."""
    photo = models.Photo
    query = photo.select(
        photo.id,
        photo.taken_at,
        photo.region,
        photo.format,
        photo.width,
        photo.height,
        photo.original_name,
        photo.notes,
        photo.landmarks.is_null(False).alias("has_landmarks"),
    ).order_by(photo.taken_at, photo.id)
    if region is not None:
        query = query.where(photo.region == region)
    if since is not None:
        query = query.where(photo.taken_at >= dt.datetime.combine(since, dt.time()))
    if until is not None:
        query = query.where(photo.taken_at < dt.datetime.combine(until, dt.time()) + DAY)
    return [
        PhotoInfo(
            id=row.id,
            taken_at=row.taken_at,
            region=row.region,
            format=row.format,
            width=row.width,
            height=row.height,
            original_name=row.original_name,
            notes=row.notes,
            has_landmarks=bool(row.has_landmarks),
        )
        for row in query
    ]


def thumbnail(photo_id: int) -> bytes:
    return models.Photo.select(models.Photo.thumbnail).where(models.Photo.id == photo_id).scalar()


def original(photo_id: int) -> bytes:
    """The photo's file as it was imported (read only when a photo is opened)."""
    return (
        models.PhotoOriginal.select(models.PhotoOriginal.data)
        .where(models.PhotoOriginal.photo == photo_id)
        .scalar()
    )
