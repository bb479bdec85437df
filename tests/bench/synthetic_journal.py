"""Synthetic journals of one to five years for the benchmarks, built once and kept in build/bench.

A five-year journal holds what the performance budgets name: 1,825 days counted by two
protocols, 260 sessions, 300 check-ins and 1,000 photos at realistic sizes (originals of about
3 MB, as a 12-megapixel phone JPEG is, and real JPEG thumbnails). Shorter journals hold the same
per year. The originals are random bytes after a real JPEG header: nothing in a listing, the
dashboard or the gallery may read them, so their content does not matter, only their size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from hairjournal.core.enums import (
    CellSource,
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import models
from hairjournal.store.journal import create_journal

FOLDER = Path("build/bench")
END = dt.date(2026, 11, 1)
ORIGINAL_BYTES = 3 * 2**20
THUMBNAIL_SIDE = 384
REGIONS = (ScalpRegion.VERTEX, ScalpRegion.FRONTAL, ScalpRegion.MIDLINE_PART, ScalpRegion.OCCIPITAL)


@dataclass(frozen=True)
class Size:
    """What a journal of ``years`` holds (the five-year journal of the budgets by default)."""

    years: float = 5
    photos_per_year: int = 200
    original_bytes: int = ORIGINAL_BYTES

    @property
    def days(self) -> int:
        return round(365 * self.years)

    @property
    def photos(self) -> int:
        return round(self.photos_per_year * self.years)

    @property
    def sessions(self) -> int:
        return 52 * round(self.years)  # a weekly topical session, 260 in five years

    @property
    def checkins(self) -> int:
        return 60 * round(self.years)

    @property
    def name(self) -> str:
        megabytes = self.original_bytes // 2**20
        return f"journal-{self.years:g}y-{self.photos}p-{megabytes}mb.hairjournal"


def journal(size: Size = Size(), folder: Path = FOLDER) -> Path:
    """The journal of ``size``, built on first use and kept between runs."""
    path = folder / size.name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".building")
        for suffix in ("", "-wal", "-shm"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        print(f"Building {path} (once)…", flush=True)
        _build(partial, size)
        partial.replace(path)
    return path


def _build(path: Path, size: Size) -> None:
    rng = random.Random(size.days)
    first = END - dt.timedelta(days=size.days - 1)
    with create_journal(
        path, title=f"{size.years:g} years", condition=Condition.AGA_MALE, onset_on=first
    ) as opened:
        with opened.db.atomic():
            _records(rng, first, size)
        thumbnails = _thumbnails(rng)
        header = _jpeg_header()
        for number in range(size.photos):
            with opened.db.atomic():
                _photo(rng, number, first, size, thumbnails, header)
        opened.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _records(rng: random.Random, first: dt.date, size: Size) -> None:
    course = models.Treatment.create(
        kind=TreatmentKind.EXOSOME, product="Synthetic serum", started_on=first
    )
    models.Treatment.create(
        kind=TreatmentKind.MINOXIDIL_TOPICAL, product="Minoxidil 5 %", started_on=first
    )
    step = size.days / size.sessions
    models.Session.insert_many(
        {
            "treatment": course.id,
            "date": first + dt.timedelta(days=int(n * step)),
            "route": Route.MICRONEEDLING_TOPICAL,
            "product": "Synthetic serum",
            "cell_source": CellSource.ADSC,
            "volume_ml": 2.0,
            "needle_depth_mm": 0.5,
            "areas": ["vertex", "frontal"],
            "pain": rng.randint(0, 5),
            "side_effects": ["redness"] if rng.random() < 0.2 else [],
            "notes": "",
        }
        for n in range(size.sessions)
    ).execute()
    counts = []
    for day in range(size.days):
        date = first + dt.timedelta(days=day)
        wash = day % 3 == 0
        counts.append(
            {
                "date": date,
                "protocol": ShedProtocol.DAILY_TOTAL,
                "value": max(0, round(rng.gauss(90, 20))),
                "wash_day": wash,
            }
        )
        counts.append(
            {
                "date": date,
                "protocol": ShedProtocol.COMB_60S,
                "value": max(0, round(rng.gauss(15, 5))),
                "wash_day": wash,
            }
        )
    for start in range(0, len(counts), 2000):
        models.ShedCount.insert_many(counts[start : start + 2000]).execute()
    step = size.days / size.checkins
    models.Checkin.insert_many(
        {
            "date": first + dt.timedelta(days=int(n * step)),
            "density": rng.randint(3, 7),
            "quality": rng.randint(3, 7),
            "itch": rng.randint(0, 4),
        }
        for n in range(size.checkins)
    ).execute()
    models.Event.insert_many(
        {
            "kind": EventKind.STRESS,
            "started_on": first + dt.timedelta(days=day),
            "ended_on": first + dt.timedelta(days=day + 6),
        }
        for day in range(40, size.days - 7, 120)
    ).execute()
    models.Measurement.insert_many(
        {
            "date": first + dt.timedelta(days=day),
            "kind": MeasurementKind.DENSITY_PER_CM2,
            "value": round(rng.uniform(110, 160), 1),
            "site": "vertex",
        }
        for day in range(0, size.days, 90)
    ).execute()


def _thumbnails(rng: random.Random) -> list[bytes]:
    """A dozen real JPEG thumbnails, of a noisy skin tone like a scalp's."""
    found = []
    for _ in range(12):
        noise = Image.effect_noise((THUMBNAIL_SIDE, THUMBNAIL_SIDE * 3 // 4), rng.uniform(30, 60))
        tone = Image.new("RGB", noise.size, (rng.randint(150, 200), 120, 100))
        image = Image.blend(tone, noise.convert("RGB"), 0.35)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        found.append(buffer.getvalue())
    return found


def _jpeg_header() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (180, 120, 100)).save(buffer, "JPEG")
    return buffer.getvalue()[:-2]  # without its end-of-image marker: the random bytes follow


def _photo(
    rng: random.Random,
    number: int,
    first: dt.date,
    size: Size,
    thumbnails: list[bytes],
    header: bytes,
) -> None:
    data = header + os.urandom(size.original_bytes - len(header))
    step = size.days / size.photos
    taken = dt.datetime.combine(first, dt.time(8)) + dt.timedelta(days=number * step)
    photo_id = models.Photo.insert(
        sha256=hashlib.sha256(data).hexdigest(),
        format="JPEG",
        width=4000,
        height=3000,
        taken_at=taken,
        region=REGIONS[number % len(REGIONS)],
        thumbnail=thumbnails[rng.randrange(len(thumbnails))],
        original_name=f"IMG_{number:05d}.jpg",
        imported_at=taken,
    ).execute()
    models.PhotoOriginal.insert(photo=photo_id, data=data).execute()
