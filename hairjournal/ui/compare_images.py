"""Photos decoded at screen size for comparing, and the second photo warped onto the first.

Both run on the thread pool and make QImages only. A JPEG is decoded at a reduced scale
(``draft``), so a 12-megapixel photo costs a fraction of a full decode; positions on a photo
are always given in its original pixels after the EXIF orientation, whatever size is shown.
"""

from __future__ import annotations

import io
import math
import sqlite3
from dataclasses import dataclass

import numpy as np
import peewee as pw
from PIL import Image, ImageOps
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from hairjournal.core.alignment import Similarity
from hairjournal.services.photo_decode import MAX_PIXELS, ORIENTATION
from hairjournal.store import models
from hairjournal.store import photos as photo_store
from hairjournal.ui.photo_images import UNREADABLE, to_qimage

SCREEN_SIDE = 2000  # the longest side decoded for comparing: sharp on a large monitor


@dataclass(frozen=True)
class ScreenPhoto:
    """A photo as shown for comparing; ``image`` is None (and ``problem`` says why) if it
    could not be decoded."""

    photo_id: int
    image: QImage | None
    full_width: int = 0  # the original's size after its EXIF orientation
    full_height: int = 0
    problem: str = ""

    @property
    def scale(self) -> tuple[float, float]:
        """Screen-image pixels per original pixel, across and down."""
        if self.image is None or not self.full_width:
            return (1.0, 1.0)
        return (self.image.width() / self.full_width, self.image.height() / self.full_height)

    def to_image(self, point: tuple[float, float]) -> QPointF:
        """A point in original pixels as a point on ``image``."""
        sx, sy = self.scale
        return QPointF(point[0] * sx, point[1] * sy)

    def to_original(self, point: QPointF) -> tuple[float, float]:
        sx, sy = self.scale
        return (point.x() / sx, point.y() / sy)


def screen_picture(data: bytes, side: int = SCREEN_SIDE) -> tuple[Image.Image, tuple[int, int]]:
    """The picture upright and at most ``side`` pixels long, and its full upright size."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    # Every stored photo passed this limit on import. (No warnings.catch_warnings here: it is
    # not safe in threads.)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    image = Image.open(io.BytesIO(data))
    width, height = image.size
    quarter_turned = image.getexif().get(ORIENTATION) in (5, 6, 7, 8)  # as on import
    full = (height, width) if quarter_turned else (width, height)
    factor = side / max(width, height)
    if factor < 1:
        image.draft("RGB", (math.ceil(width * factor), math.ceil(height * factor)))
    image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return image, full


def load_screen_photo(photo_id: int, side: int = SCREEN_SIDE) -> ScreenPhoto:
    """Read a photo's original and decode it for the screen; runs on the thread pool, with
    this thread's own connection, closed again when done."""
    database = models.database.obj
    if database is None:
        return ScreenPhoto(photo_id, None, problem="The journal was closed.")
    try:
        database.connect(reuse_if_open=True)
        data = photo_store.original(photo_id)
    except (AttributeError, pw.PeeweeException, sqlite3.Error):  # closed meanwhile
        return ScreenPhoto(photo_id, None, problem="The journal was closed.")
    finally:
        if not database.is_closed():
            database.close()
    if models.database.obj is not database:  # another journal was opened meanwhile
        return ScreenPhoto(photo_id, None, problem="The journal was closed.")
    if data is None:
        return ScreenPhoto(photo_id, None, problem="It is no longer in the journal.")
    try:
        picture, (width, height) = screen_picture(bytes(data), side)
    except (*UNREADABLE, Image.DecompressionBombWarning):
        return ScreenPhoto(photo_id, None, problem="The stored file cannot be decoded.")
    except MemoryError:
        return ScreenPhoto(photo_id, None, problem="There is not enough memory to open it.")
    return ScreenPhoto(photo_id, to_qimage(picture), width, height)


def screen_transform(first: ScreenPhoto, second: ScreenPhoto, transform: Similarity) -> QTransform:
    """``transform`` (second's original pixels onto first's) between the two screen images."""
    first_scale = np.diag([*first.scale, 1.0])
    second_unscale = np.diag([1 / second.scale[0], 1 / second.scale[1], 1.0])
    full = first_scale @ np.vstack([transform.matrix, [0, 0, 1]]) @ second_unscale
    (a, c, e), (b, d, f) = full[0], full[1]
    return QTransform(a, b, c, d, e, f)  # Qt's order: m11, m12, m21, m22, dx, dy


def warp_onto(first: ScreenPhoto, second: ScreenPhoto, transform: Similarity) -> QImage:
    """The second photo moved, turned and scaled onto the first's screen image; where it does
    not reach is transparent."""
    assert first.image is not None
    assert second.image is not None
    warped = QImage(first.image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    warped.fill(Qt.GlobalColor.transparent)
    painter = QPainter(warped)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setTransform(screen_transform(first, second, transform))
    painter.drawImage(0, 0, second.image)
    painter.end()
    return warped
