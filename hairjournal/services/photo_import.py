"""Importing photos into the journal: decoding on every core, storing one photo at a time.

Files are checked and decoded in worker processes (``services.photo_decode``), each with a cap
on memory so that no file can exhaust the computer; the results are written by the caller's
thread, one transaction per photo, so a cancelled or failed import never leaves half a photo.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.photo_decode import PreparedPhoto, RefusedPhoto, prepare_photo
from hairjournal.store.photos import add_photo, known_hashes
from hairjournal.store.records import WriteFailed

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif"}
WORKER_MEMORY_BYTES = 6 * 1024**3  # a 200-megapixel HEIC decodes in well under this


class Outcome(Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REFUSED = "refused"


@dataclass(frozen=True)
class PhotoResult:
    """What happened to one file, in words for people."""

    path: Path
    outcome: Outcome
    reason: str = ""
    photo_id: int | None = None

    def describe(self) -> str:
        if self.outcome is Outcome.IMPORTED:
            return f"{self.path.name}: imported"
        if self.outcome is Outcome.DUPLICATE:
            return f"{self.path.name}: already in the journal ({self.reason})"
        return f"{self.path.name}: refused, the file {self.reason}"


def photo_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the photos inside any folders given (by their suffix), sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir() and not path.is_symlink():
            files += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file()
            )
        else:
            files.append(path)
    return files


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass  # not on this system; the pixel limit still applies


def _decode_safely(path: Path) -> PreparedPhoto | RefusedPhoto:
    try:
        return prepare_photo(path)
    except MemoryError:
        return RefusedPhoto(path.name, "needs more memory to open than a photo ever should")


def worker_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: a fresh interpreter, never a fork of this process."""
    # Forking a process that runs Qt threads is not safe.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def decode_all(
    files: list[Path], workers: int | None = None
) -> Iterator[tuple[int, PreparedPhoto | RefusedPhoto]]:
    """Decode ``files`` on every core, yielding (index, result) as each finishes; only a few
    are in flight at once, so memory stays bounded however many files there are."""
    workers = workers or max(1, min(len(files), os.cpu_count() or 1))
    pending = iter(enumerate(files))
    in_flight: dict[Future[PreparedPhoto | RefusedPhoto], int] = {}
    context = worker_context()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_limit_memory) as pool:

        def top_up() -> None:
            while len(in_flight) < 2 * workers:
                item = next(pending, None)
                if item is None:
                    return
                index, path = item
                in_flight[pool.submit(_decode_safely, path)] = index

        top_up()
        try:
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    yield in_flight.pop(future), future.result()
                top_up()
        finally:
            for future in in_flight:
                future.cancel()


def import_photos(
    paths: Iterable[Path],
    region: ScalpRegion,
    *,
    taken: dt.date | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[PhotoResult]:
    """Import photos into the bound journal; every file gets a result, refused ones a reason.

    ``taken`` replaces the date the photo says it was taken (the time of day is kept).
    Results come in the order the files were given. Stops early, between photos, when
    ``cancelled()`` returns True; what was stored by then is stored whole.
    """
    files = photo_files(paths)
    first_of: dict[Path, int] = {}
    for index, path in enumerate(files):
        first_of.setdefault(path.absolute(), index)
    unique = sorted(first_of.values())
    results: dict[int, PhotoResult] = {
        index: PhotoResult(path, Outcome.DUPLICATE, "the same file was given twice")
        for index, path in enumerate(files)
        if index not in unique
    }
    seen = known_hashes()
    now = dt.datetime.now().replace(microsecond=0)
    decoded = decode_all([files[index] for index in unique], workers)
    for done, (position, prepared) in enumerate(decoded, start=1):
        if cancelled is not None and cancelled():
            break
        index = unique[position]
        results[index] = _store(files[index], prepared, region, taken, seen, now)
        if progress is not None:
            progress(done, len(unique), files[index])
    return [results[index] for index in sorted(results)]


def _store(
    path: Path,
    prepared: PreparedPhoto | RefusedPhoto,
    region: ScalpRegion,
    taken: dt.date | None,
    seen: set[str],
    now: dt.datetime,
) -> PhotoResult:
    if isinstance(prepared, RefusedPhoto):
        return PhotoResult(path, Outcome.REFUSED, prepared.reason)
    if prepared.sha256 in seen:
        return PhotoResult(path, Outcome.DUPLICATE, "the same photo was imported before")
    taken_at = prepared.taken_at
    if taken is not None:
        taken_at = dt.datetime.combine(taken, taken_at.time())
    try:
        photo_id = add_photo(
            sha256=prepared.sha256,
            format=prepared.format,
            width=prepared.width,
            height=prepared.height,
            taken_at=taken_at,
            region=region,
            thumbnail=prepared.thumbnail,
            data=prepared.data,
            original_name=prepared.name,
            imported_at=now,
        )
    except WriteFailed as failure:
        return PhotoResult(path, Outcome.REFUSED, f"could not be saved: {failure.message}")
    seen.add(prepared.sha256)
    if photo_id is None:
        return PhotoResult(path, Outcome.DUPLICATE, "the same photo was imported before")
    return PhotoResult(path, Outcome.IMPORTED, photo_id=photo_id)
