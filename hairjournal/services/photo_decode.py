"""Reading one photo file safely: checks, hash, date, size and thumbnail. No Qt, no database.

This runs in worker processes (see ``services.photo_import``), so it imports nothing heavier
than Pillow. Every file is fully decoded (``verify()`` passes truncated JPEGs and PNGs), at a
reduced scale where the format allows it, under a pixel limit that lets a genuine 200-megapixel
phone photo through and refuses decompression bombs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

# A 200-megapixel phone photo is 16320 x 12240 = 199.8 million pixels; nothing real is larger.
MAX_PIXELS = 250_000_000
MAX_FILE_BYTES = 512 * 1024 * 1024
THUMBNAIL_SIDE = 384
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "HEIF": "HEIC"}
EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
DATE_TIME = 306
ORIENTATION = 0x0112
TOO_LARGE = (
    "claims to be larger than any camera photo (more than 250 megapixels); it was not opened, "
    "to protect your computer"
)


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo ready to store: its bytes as they were, and what the journal keeps about it."""

    name: str
    data: bytes
    sha256: str
    format: str
    width: int  # as shown, after the EXIF orientation is applied
    height: int
    taken_at: dt.datetime
    taken_from_exif: bool
    thumbnail: bytes  # JPEG


@dataclass(frozen=True)
class RefusedPhoto:
    name: str
    reason: str


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def _read(path: Path) -> bytes | str:
    """The file's bytes, or the reason it cannot be used."""
    try:
        info = path.lstat()
    except OSError as error:
        return f"cannot be read ({error.strerror.lower()})"
    if stat.S_ISLNK(info.st_mode):
        return "is a link to another file, not a photo itself; import the file it points to"
    if not stat.S_ISREG(info.st_mode):
        return "is not a file"
    if info.st_size == 0:
        return "is empty (0 bytes)"
    if info.st_size > MAX_FILE_BYTES:
        return f"is {info.st_size / 2**20:,.0f} MB, larger than any photo Hair Journal takes"
    try:
        with path.open("rb") as file:
            return file.read()
    except OSError as error:
        return f"cannot be read ({error.strerror.lower()})"


def _exif_time(image: Image.Image) -> dt.datetime | None:
    exif = image.getexif()
    text = exif.get_ifd(EXIF_IFD).get(DATE_TIME_ORIGINAL) or exif.get(DATE_TIME)
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.strptime(text.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _thumbnail(image: Image.Image) -> bytes:
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def prepare_photo(path: Path) -> PreparedPhoto | RefusedPhoto:
    """Check and read the photo at ``path``; never raises for a bad file, says why instead."""
    path = Path(path)
    name = path.name
    data = _read(path)
    if isinstance(data, str):
        return RefusedPhoto(name, data)
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            kind = FORMATS.get(image.format or "")
            if kind is None:
                return RefusedPhoto(name, _not_a_photo(image.format))
            full_size = image.size
            taken = _exif_time(image)
            quarter_turned = image.getexif().get(ORIENTATION) in (5, 6, 7, 8)
            image.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))  # reduced JPEG decode
            image.load()  # the whole file is decoded: a truncated one fails here
            oriented = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            return RefusedPhoto(name, TOO_LARGE)
        except Image.UnidentifiedImageError:
            if _starts_like_a_photo(data):
                return RefusedPhoto(name, "is damaged and cannot be shown")
            return RefusedPhoto(name, _not_a_photo(None))
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            return RefusedPhoto(name, _damaged(error))
        except RuntimeError as error:  # how pillow-heif reports what libheif refused
            too_large = "security limit" in str(error).lower()
            return RefusedPhoto(name, TOO_LARGE if too_large else "is damaged and cannot be shown")
        except MemoryError:
            raise  # the importer's worker says so in its own words
        except Exception:  # a malformed file trips a parser in ways no list foresees
            return RefusedPhoto(name, "is damaged and cannot be shown")
    width, height = full_size
    if quarter_turned:
        width, height = height, width
    if taken is None:
        taken = dt.datetime.fromtimestamp(os.stat(path).st_mtime).replace(microsecond=0)
        from_exif = False
    else:
        from_exif = True
    return PreparedPhoto(
        name=name,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        format=kind,
        width=width,
        height=height,
        taken_at=taken,
        taken_from_exif=from_exif,
        thumbnail=_thumbnail(oriented),
    )


def _starts_like_a_photo(data: bytes) -> bool:
    """Whether the first bytes are those of a JPEG, PNG, WebP or HEIC file."""
    return (
        data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"))
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or data[4:8] == b"ftyp"
    )


def _not_a_photo(found: str | None) -> str:
    what = f"a {found} image" if found else "not an image Hair Journal can read"
    return f"is {what}; photos can be JPEG, PNG, WebP or HEIC"


def _damaged(error: Exception) -> str:
    text = str(error).lower()
    if "truncated" in text or isinstance(error, EOFError):
        return "is incomplete (the file ends early); it may not have finished copying"
    return "is damaged and cannot be shown"
