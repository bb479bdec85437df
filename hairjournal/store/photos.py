"""Storing photos: metadata and thumbnail in ``photo``, the file's bytes in ``photo_original``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

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
    sha256: str = ""  # the file's hash: the same photo has the same thumbnail in any journal


def _infos(query: pw.ModelSelect) -> list[PhotoInfo]:
    """The rows of a ``_listing()`` query, read straight from SQLite's cursor.

    No model object (nor peewee's per-value conversion) is made for each photo: a gallery of
    thousands is listed in milliseconds.
    """
    return [
        PhotoInfo(
            photo_id,
            dt.datetime.fromisoformat(taken_at),
            ScalpRegion(region),
            file_format,
            width,
            height,
            original_name,
            notes,
            bool(has_landmarks),
            sha256,
        )
        for (
            photo_id,
            taken_at,
            region,
            file_format,
            width,
            height,
            original_name,
            notes,
            has_landmarks,
            sha256,
        ) in models.database.execute(query)
    ]


def _listing() -> pw.ModelSelect:
    photo = models.Photo
    return photo.select(
        photo.id,
        photo.taken_at,
        photo.region,
        photo.format,
        photo.width,
        photo.height,
        photo.original_name,
        photo.notes,
        photo.landmarks.is_null(False).alias("has_landmarks"),
        photo.sha256,
    )


def photo_list(
    region: ScalpRegion | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[PhotoInfo]:
    """Photos oldest first, optionally of one region and within a span of days; no blobs read."""
    photo = models.Photo
    query = _listing().order_by(photo.taken_at, photo.id)
    if region is not None:
        query = query.where(photo.region == region)
    if since is not None:
        query = query.where(photo.taken_at >= dt.datetime.combine(since, dt.time()))
    if until is not None:
        query = query.where(photo.taken_at < dt.datetime.combine(until, dt.time()) + DAY)
    return _infos(query)


def photo_count() -> int:
    return models.Photo.select().count()


def thumbnail(photo_id: int) -> bytes:
    return models.Photo.select(models.Photo.thumbnail).where(models.Photo.id == photo_id).scalar()


def original(photo_id: int) -> bytes:
    """The photo's file as it was imported (read only when a photo is opened)."""
    return (
        models.PhotoOriginal.select(models.PhotoOriginal.data)
        .where(models.PhotoOriginal.photo == photo_id)
        .scalar()
    )


def photo_info(photo_id: int) -> PhotoInfo | None:
    """One photo as the gallery lists it, or None if it is no longer in the journal."""
    found = _infos(_listing().where(models.Photo.id == photo_id))
    return found[0] if found else None


def latest_photo(region: ScalpRegion) -> PhotoInfo | None:
    """The region's most recent photo by the day it was taken, or None if it has none."""
    photo = models.Photo
    query = _listing().where(photo.region == region)
    found = _infos(query.order_by(photo.taken_at.desc(), photo.id.desc()).limit(1))
    return found[0] if found else None


def thumbnails(sha256s: Iterable[str]) -> dict[str, bytes]:
    """The thumbnails of the photos with these hashes, in one read, by hash. Hashes not in the
    journal are left out, and so is everything once the journal has been closed (a gallery may
    still be finishing what it was asked for)."""
    photo = models.Photo
    wanted = list(sha256s)
    if not wanted or models.database.obj is None:
        return {}
    query = photo.select(photo.sha256, photo.thumbnail).where(photo.sha256.in_(wanted)).tuples()
    return {sha256: bytes(data) for sha256, data in query}


def has_photo(sha256: str) -> bool:
    """Whether the journal already holds a photo with these bytes."""
    return models.Photo.select().where(models.Photo.sha256 == sha256).exists()


@dataclass(frozen=True)
class PhotoOverview:
    """How many photos the journal holds, of how many regions, over which days."""

    count: int
    regions: int
    first: dt.datetime | None
    last: dt.datetime | None


def photo_overview() -> PhotoOverview:
    photo = models.Photo
    count, regions, first, last = photo.select(
        pw.fn.COUNT(photo.id),
        pw.fn.COUNT(photo.region.distinct()),
        pw.fn.MIN(photo.taken_at),
        pw.fn.MAX(photo.taken_at),
    ).scalar(as_tuple=True)
    return PhotoOverview(count, regions, first, last)  # MIN and MAX come back as datetimes
