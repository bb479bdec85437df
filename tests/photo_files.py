"""Real image files for tests, encoded by Pillow and pillow-heif: good, awkward and hostile."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

from PIL import Image

EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
ORIENTATION = 0x0112


def scalp_image(width: int, height: int, seed: int = 0) -> Image.Image:
    """A picture with structure (so encoders and hashes differ by seed), not a flat colour."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new("RGB", (width, height), (90 + seed % 100, 60, 40 + seed * 7 % 150))
    return Image.blend(image, tint, 0.5)


def _exif(taken: dt.datetime | None, orientation: int | None) -> Image.Exif:
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if orientation is not None:
        exif[ORIENTATION] = orientation
    return exif


def write_jpeg(
    path: Path,
    size: tuple[int, int] = (1200, 900),
    *,
    seed: int = 0,
    taken: dt.datetime | None = None,
    orientation: int | None = None,
    quality: int = 85,
) -> Path:
    scalp_image(*size, seed=seed).save(
        path, "JPEG", quality=quality, exif=_exif(taken, orientation).tobytes()
    )
    return path


def write_image(
    path: Path,
    image_format: str,
    size: tuple[int, int] = (800, 600),
    seed: int = 0,
    taken: dt.datetime | None = None,
) -> Path:
    image = scalp_image(*size, seed=seed)
    if image_format == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    image.save(path, image_format, exif=_exif(taken, None).tobytes())
    return path


def truncate(path: Path, keep: float = 0.6) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def write_png_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def jpeg_bytes(size: tuple[int, int] = (64, 48), seed: int = 0) -> bytes:
    out = io.BytesIO()
    scalp_image(*size, seed=seed).save(out, "JPEG")
    return out.getvalue()
