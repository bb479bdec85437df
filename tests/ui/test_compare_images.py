"""Photos decoded for comparing: screen-sized, upright, with positions in original pixels."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from hairjournal.core.alignment import Similarity
from hairjournal.ui.compare_images import ScreenPhoto, screen_picture, screen_transform
from hairjournal.ui.photo_images import to_qimage
from tests.photo_files import scalp_image, write_jpeg


@pytest.mark.parametrize(
    ("orientation", "shown", "full"),
    [(None, (2000, 1500), (4000, 3000)), (6, (1500, 2000), (3000, 4000))],
)
def test_a_12_megapixel_photo_is_decoded_smaller_and_upright(
    tmp_path: Path, orientation: int | None, shown: tuple[int, int], full: tuple[int, int]
) -> None:
    path = write_jpeg(tmp_path / "big.jpg", (4000, 3000), orientation=orientation)
    picture, size = screen_picture(path.read_bytes())
    assert picture.size == shown
    assert size == full


def test_a_small_photo_is_not_enlarged(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "small.jpg", (640, 480))
    picture, size = screen_picture(path.read_bytes())
    assert picture.size == size == (640, 480)


def test_positions_go_between_original_and_screen_pixels() -> None:
    shown = ScreenPhoto(1, to_qimage(scalp_image(1000, 750)), 4000, 3000)
    assert shown.scale == (0.25, 0.25)
    assert shown.to_image((400.0, 300.0)) == QPointF(100, 75)
    assert shown.to_original(QPointF(100, 75)) == (400.0, 300.0)


def test_screen_transform_is_the_alignment_between_screen_images() -> None:
    first = ScreenPhoto(1, to_qimage(scalp_image(1000, 750)), 4000, 3000)
    second = ScreenPhoto(2, to_qimage(scalp_image(1500, 1125)), 3000, 2250)
    move = Similarity(1.1, math.radians(7), 120, -80)
    qt = screen_transform(first, second, move)
    for x, y in ((0, 0), (3000, 0), (1234, 2000)):
        on_second = second.to_image((x, y))
        mapped = qt.map(on_second)
        expected = first.to_image(tuple(move.apply([x, y])[0]))
        assert np.allclose([mapped.x(), mapped.y()], [expected.x(), expected.y()], atol=1e-6)
