"""Photos written out of the journal as plain pictures, with every hidden detail removed.

Only the pixels leave: each photo is decoded, turned upright by its EXIF orientation, and
encoded afresh, so no EXIF (camera, date, GPS position), XMP, IPTC or comment survives. The
colour profile is kept, since it describes colours and not the person. JPEG, HEIC and WebP
become high-quality JPEGs; PNG stays PNG. Files are private to their owner (0600).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.export_file import why_not_written
from hairjournal.services.photo_decode import MAX_PIXELS
from hairjournal.store import photos as photo_store

JPEG_QUALITY = 95
PNG_KINDS = {"PNG"}
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


@dataclass(frozen=True)
class ExportedPhoto:
    photo_id: int
    path: Path


class ExportFailed(Exception):
    """A photo could not be written; ``message`` says why in plain words, and ``written``
    lists the photos of the same export written (whole) before it."""

    def __init__(self, message: str, written: Iterable[ExportedPhoto] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.written = list(written)


def export_name(taken_at: dt.datetime, region: ScalpRegion, suffix: str) -> str:
    """'2026-05-04 vertex.jpg', '2026-05-04 midline part.jpg'."""
    return f"{taken_at:%Y-%m-%d} {region.value.replace('_', ' ')}{suffix}"


def clean_picture(data: bytes, kind: str) -> tuple[bytes, str]:
    """The picture in ``data`` encoded afresh with nothing but its pixels (and colour profile),
    upright; returns the bytes and the file suffix. Raises ExportFailed if it cannot be read."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # every stored photo passed this limit on import
    try:
        with Image.open(io.BytesIO(data)) as opened:
            profile = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)
    except UNREADABLE as error:
        raise ExportFailed("the stored photo cannot be decoded") from error
    out = io.BytesIO()
    extra = {"icc_profile": profile} if profile else {}
    if kind in PNG_KINDS:
        if image.mode not in ("1", "L", "LA", "I", "I;16", "RGB", "RGBA"):
            image = image.convert("RGBA")  # palettes and transparency keys become plain pixels
        image.info = {}  # Pillow would carry some of it (comments, XMP) into the new file
        image.save(out, "PNG", **extra)
        return out.getvalue(), ".png"
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    image.info = {}
    image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, **extra)
    return out.getvalue(), ".jpg"


def _write_private(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new file (0600) named ``name``, or 'name (2)' and so on if taken."""
    stem, suffix = os.path.splitext(name)
    for number in range(1, 10_000):
        path = folder / (name if number == 1 else f"{stem} ({number}){suffix}")
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        try:
            with os.fdopen(descriptor, "wb") as file:
                os.fchmod(file.fileno(), 0o600)  # whatever the umask allowed
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
        except OSError:
            path.unlink(missing_ok=True)  # never leave half a photo behind
            raise
        return path
    raise ExportFailed(f"{folder} already holds too many files named like “{name}”")


def export_photo(photo_id: int, folder: Path) -> ExportedPhoto:
    """Write one photo of the bound journal to ``folder``; raises ExportFailed with a reason."""
    info = photo_store.photo_info(photo_id)
    data = photo_store.original(photo_id)
    if info is None or data is None:
        raise ExportFailed("the photo is no longer in the journal")
    picture, suffix = clean_picture(bytes(data), info.format)
    name = export_name(info.taken_at, info.region, suffix)
    try:
        path = _write_private(Path(folder), name, picture)
    except OSError as error:
        raise ExportFailed(why_not_written(error, Path(folder) / name)) from error
    return ExportedPhoto(photo_id, path)


def export_photos(
    photo_ids: Iterable[int],
    folder: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ExportedPhoto]:
    """Write each photo to ``folder`` in turn; stops between photos when ``cancelled()``.

    Every file written is complete. A failure raises ExportFailed; the files written before
    it stay, and the exception lists them.
    """
    wanted = list(photo_ids)
    folder = Path(folder)
    if not folder.is_dir():
        raise ExportFailed(f"{folder} is not a folder that can be written to")
    written: list[ExportedPhoto] = []
    for done, photo_id in enumerate(wanted, start=1):
        if cancelled is not None and cancelled():
            break
        try:
            written.append(export_photo(photo_id, folder))
        except ExportFailed as failure:
            raise ExportFailed(failure.message, written) from failure
        if progress is not None:
            progress(done, len(wanted))
    return written
