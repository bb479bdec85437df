"""Photo pairs with a known camera move between them, for the compare view's tests.

The earlier photo shows three dark landmarks on a textured scalp-coloured picture, tinted red;
the later one is the same scene seen after a known shift, turn and change of distance, tinted
blue, so a test can tell which photo it sees at any point of the screen.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from hairjournal.core.alignment import Similarity
from hairjournal.core.enums import ScalpRegion
from tests.photo_files import DATE_TIME_ORIGINAL, EXIF_IFD
from tests.ui.photo_journal import store_photo

SIZE = (1200, 900)
LANDMARKS = ((260.0, 210.0), (930.0, 300.0), (560.0, 720.0))
# Where the camera went: the earlier photo's pixels onto the later one's.
CAMERA_MOVE = Similarity(1.04, math.radians(5.0), 38.0, -26.0)
EARLIER = dt.datetime(2026, 3, 2, 8, 0)
LATER = dt.datetime(2026, 9, 7, 8, 0)
RED, BLUE = (200, 90, 70), (70, 90, 200)


def _scene(seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    coarse = rng.uniform(0, 1, size=(18, 24))
    # Light enough that the black landmarks stand out wherever they are.
    texture = Image.fromarray((150 + coarse * 105).astype(np.uint8), "L").resize(
        SIZE, Image.Resampling.BICUBIC
    )
    image = Image.merge("RGB", (texture,) * 3)
    draw = ImageDraw.Draw(image)
    for x, y in LANDMARKS:
        draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill=(0, 0, 0))
    return image


def _tinted(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    return Image.blend(image, Image.new("RGB", image.size, colour), 0.55)


def earlier_picture() -> Image.Image:
    return _tinted(_scene(1), RED)


def later_picture() -> Image.Image:
    """The scene as the moved camera saw it: each later pixel shows ``CAMERA_MOVE``'s inverse."""
    back = CAMERA_MOVE.inverse().matrix  # Pillow asks, for each output pixel, where it came from
    moved = _scene(1).transform(
        SIZE, Image.Transform.AFFINE, tuple(back.flatten()), Image.Resampling.BICUBIC
    )
    return _tinted(moved, BLUE)


def later_landmarks() -> list[tuple[float, float]]:
    return [tuple(point) for point in CAMERA_MOVE.apply(LANDMARKS)]


def store_pair(folder: Path, region: ScalpRegion = ScalpRegion.VERTEX) -> tuple[int, int]:
    """Store the earlier and the later photo in the bound journal; returns their ids."""
    ids = []
    for name, picture, taken in (
        ("earlier.jpg", earlier_picture(), EARLIER),
        ("later.jpg", later_picture(), LATER),
    ):
        exif = Image.Exif()
        exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
        path = folder / f"{region.value}-{name}"
        picture.save(path, "JPEG", quality=92, exif=exif.tobytes())
        ids.append(store_photo(path, region))
    return ids[0], ids[1]
