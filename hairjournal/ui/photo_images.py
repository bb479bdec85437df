"""Stored photo bytes turned into QImages with Pillow, for workers on the thread pool.

Pillow lets go of Python's lock while it decodes, so the GUI keeps running meanwhile (decoding
with QImage itself would hold the lock and freeze the window). Nothing here makes a QPixmap.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from hairjournal.services.photo_decode import MAX_PIXELS
from hairjournal.store import models
from hairjournal.store import photos as photo_store

STRIP_ROWS = 64  # a few megabytes: each copy holds the GIL for a few milliseconds only
SMALLEST_LEVEL = 1600  # halve an original for zoomed-out drawing down to about this size
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


def to_qimage(image: Image.Image) -> QImage:
    """The picture as a QImage, copied a strip at a time: ``tobytes()`` of a whole 200-megapixel
    photo would for a moment need twice its size again."""
    if image.mode != "RGB":
        image = image.convert("RGB")
    width, height = image.size
    converted = QImage(width, height, QImage.Format.Format_RGB888)
    if converted.isNull():
        raise MemoryError(f"no room for a {width} x {height} picture")
    line, stride = 3 * width, converted.bytesPerLine()
    bits = converted.bits()
    for top in range(0, height, STRIP_ROWS):
        rows = min(STRIP_ROWS, height - top)
        strip = image.crop((0, top, width, top + rows)).tobytes("raw", "RGB")
        if stride == line:
            bits[top * stride : (top + rows) * stride] = strip
            continue
        for row in range(rows):  # each line of a QImage starts on a 4-byte boundary
            start = (top + row) * stride
            bits[start : start + line] = strip[row * line : (row + 1) * line]
    return converted


def thumbnail_image(data: bytes, box: QSize) -> QImage | None:
    """A stored thumbnail decoded to fit ``box``; None if the bytes are not a picture."""
    size = (max(1, box.width()), max(1, box.height()))
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.draft("RGB", size)  # a reduced JPEG decode when the box is small
            image = opened.convert("RGB")
        image.thumbnail(size, Image.Resampling.BILINEAR)
    except (*UNREADABLE, Image.DecompressionBombWarning):
        return None
    return to_qimage(image)


@dataclass(frozen=True)
class OpenedPhoto:
    """A photo decoded at full resolution, EXIF orientation applied, with halved copies."""

    photo_id: int
    levels: tuple[QImage, ...]  # the full picture first, then each half the size of the last
    problem: str = ""  # why it could not be shown, when ``levels`` is empty


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def decode_photo(data: bytes) -> list[Image.Image]:
    """The picture at full size, turned as the camera meant it, then halved down to about
    ``SMALLEST_LEVEL`` pixels, so that drawing it zoomed out never scales a huge image."""
    _register_heif()
    # Every stored photo passed this limit on import; Pillow's default is lower. (No
    # warnings.catch_warnings here: it is not safe in threads.)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    image = Image.open(io.BytesIO(data))  # no ``with``: closing it would drop the pixels
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode != "RGB":
        image = image.convert("RGB")
    levels = [image]
    while max(levels[-1].size) > 2 * SMALLEST_LEVEL:
        levels.append(levels[-1].reduce(2))
    return levels


def open_photo(photo_id: int) -> OpenedPhoto:
    """Read a photo's original from the journal and decode it; runs on the thread pool, with
    its own connection (peewee keeps one per thread), closed again when done."""
    database = models.database
    if database.obj is None:
        return OpenedPhoto(photo_id, (), "The journal has been closed.")
    try:
        database.connect(reuse_if_open=True)
        data = photo_store.original(photo_id)
    finally:
        if not database.is_closed():
            database.close()  # this thread's connection only
    if data is None:
        return OpenedPhoto(photo_id, (), "It is no longer in the journal.")
    try:
        levels = decode_photo(bytes(data))
    except (*UNREADABLE, Image.DecompressionBombWarning):
        return OpenedPhoto(photo_id, (), "The stored file cannot be decoded.")
    except MemoryError:
        return OpenedPhoto(photo_id, (), "There is not enough memory to open it at full size.")
    images = []
    while levels:  # each Pillow copy is let go once converted: a 200-megapixel photo is huge
        images.append(to_qimage(levels.pop(0)))
    return OpenedPhoto(photo_id, tuple(images))
