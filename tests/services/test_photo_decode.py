"""Reading one photo: every awkward or hostile file is refused with a reason, never raised."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from hairjournal.services.photo_decode import (
    THUMBNAIL_SIDE,
    PreparedPhoto,
    RefusedPhoto,
    prepare_photo,
)
from tests.photo_files import truncate, write_image, write_jpeg, write_png_bomb

TAKEN = dt.datetime(2026, 5, 4, 9, 30, 12)


def _prepared(path: Path) -> PreparedPhoto:
    result = prepare_photo(path)
    assert isinstance(result, PreparedPhoto), result
    return result


def test_jpeg_keeps_its_bytes_and_takes_its_exif_date(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "IMG_0001.JPG", (1600, 1200), taken=TAKEN)
    photo = _prepared(path)
    assert photo.data == path.read_bytes()
    assert photo.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (photo.format, photo.width, photo.height) == ("JPEG", 1600, 1200)
    assert (photo.taken_at, photo.taken_from_exif) == (TAKEN, True)
    thumbnail = Image.open(io.BytesIO(photo.thumbnail))
    assert thumbnail.format == "JPEG"
    assert max(thumbnail.size) <= THUMBNAIL_SIDE
    assert thumbnail.size[0] > thumbnail.size[1]


def test_orientation_applies_to_size_and_thumbnail_not_to_the_original(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "portrait.jpg", (1600, 1200), orientation=6)  # rotated 90°
    photo = _prepared(path)
    assert (photo.width, photo.height) == (1200, 1600)
    thumbnail = Image.open(io.BytesIO(photo.thumbnail))
    assert thumbnail.size[0] < thumbnail.size[1]
    assert photo.data == path.read_bytes()


def test_without_exif_the_file_time_is_the_date(tmp_path: Path) -> None:
    path = write_image(tmp_path / "scan.png", "PNG")
    stamp = dt.datetime(2025, 12, 31, 23, 59, 58).timestamp()
    os.utime(path, (stamp, stamp))
    photo = _prepared(path)
    assert (photo.format, photo.taken_from_exif) == ("PNG", False)
    assert photo.taken_at == dt.datetime(2025, 12, 31, 23, 59, 58)


@pytest.mark.parametrize(("image_format", "name"), [("WEBP", "WebP"), ("HEIF", "HEIC")])
def test_phone_formats_are_read(tmp_path: Path, image_format: str, name: str) -> None:
    path = write_image(tmp_path / f"photo.{name.lower()}", image_format, (640, 480), taken=TAKEN)
    photo = _prepared(path)
    assert (photo.format, photo.width, photo.height) == (name, 640, 480)


def _text_as_jpg(folder: Path) -> Path:
    path = folder / "notes.jpg"
    path.write_text("not a photo at all\n", encoding="utf-8")
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.jpg"
    path.touch()
    return path


def _truncated_jpeg(folder: Path) -> Path:
    return truncate(write_jpeg(folder / "cut.jpg", (1600, 1200)))


def _truncated_png(folder: Path) -> Path:
    return truncate(write_image(folder / "cut.png", "PNG", (800, 600)))


def _corrupt_heic(folder: Path) -> Path:
    path = write_image(folder / "bad.heic", "HEIF", (320, 240))
    data = bytearray(path.read_bytes())
    data[len(data) // 2 :] = bytes(len(data) - len(data) // 2)
    path.write_bytes(bytes(data))
    return path


def _symlink(folder: Path) -> Path:
    target = write_jpeg(folder / "real.jpg", (64, 48))
    link = folder / "link.jpg"
    link.symlink_to(target)
    return link


def _gif(folder: Path) -> Path:
    path = folder / "anim.gif"
    Image.new("P", (10, 10)).save(path, "GIF")
    return path


HOSTILE = {
    "text renamed .jpg": (_text_as_jpg, "not an image Hair Journal can read"),
    "empty file": (_empty, "is empty (0 bytes)"),
    "truncated JPEG": (_truncated_jpeg, "is incomplete"),
    "truncated PNG": (_truncated_png, "is incomplete"),
    "corrupt HEIC": (_corrupt_heic, "damaged"),
    "gigapixel PNG bomb": (lambda f: write_png_bomb(f / "bomb.png"), "larger than any camera"),
    "symlink": (_symlink, "is a link to another file"),
    "GIF": (_gif, "is a GIF image; photos can be JPEG, PNG, WebP or HEIC"),
    "missing": (lambda f: f / "gone.jpg", "cannot be read (no such file or directory)"),
    "folder": (lambda f: f, "is not a file"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, case: str) -> None:
    make, words = HOSTILE[case]
    result = prepare_photo(make(tmp_path))
    assert isinstance(result, RefusedPhoto)
    assert words in result.reason


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "locked.jpg", (64, 48))
    if os.geteuid() == 0:
        # root reads any file whatever its mode: make it unreadable by making it a directory
        # entry that cannot be opened as a file instead.
        path.unlink()
        os.mkfifo(path)
        expected = "is not a file"
    else:
        path.chmod(0)
        expected = "cannot be read (permission denied)"
    result = prepare_photo(path)
    assert isinstance(result, RefusedPhoto)
    assert expected in result.reason


@pytest.mark.slow
def test_genuine_200_megapixel_jpeg_is_read(pytestconfig: pytest.Config) -> None:
    path = pytestconfig.cache.mkdir("photos") / "phone-200mp.jpg"
    if not path.exists():  # encoding takes seconds, so it is kept between runs
        write_jpeg(path.with_suffix(".partial"), (16320, 12240), quality=70)
        path.with_suffix(".partial").replace(path)
    photo = _prepared(path)
    assert (photo.width, photo.height) == (16320, 12240)


@pytest.fixture(scope="session")
def phone_heic_200mp(pytestconfig: pytest.Config) -> Path:
    """A 16320x12240 HEIC tiled in a grid as phones write them (x265 cannot encode one image
    above 142.6 megapixels). Encoding takes about half a minute, so it is kept between runs."""
    folder = pytestconfig.cache.mkdir("photos")
    path = folder / "phone-200mp-grid.heic"
    if not path.exists():
        import pillow_heif

        pillow_heif.register_heif_opener()
        tile_size = pillow_heif.options.GRID_TILE_SIZE
        pillow_heif.options.GRID_TILE_SIZE = 2048
        try:
            image = Image.linear_gradient("L").resize((16320, 12240)).convert("RGB")
            image.save(path.with_suffix(".partial"), "HEIF", quality=20)
        finally:
            pillow_heif.options.GRID_TILE_SIZE = tile_size
        path.with_suffix(".partial").replace(path)
    return path


@pytest.mark.slow
def test_genuine_200_megapixel_heic_imports_within_the_worker_limits(
    tmp_path: Path, phone_heic_200mp: Path
) -> None:
    from hairjournal.core.enums import Condition, ScalpRegion
    from hairjournal.services.photo_import import Outcome, import_photos
    from hairjournal.store import models
    from hairjournal.store.journal import create_journal

    with create_journal(tmp_path / "big.hairjournal", title="Big", condition=Condition.TE):
        (result,) = import_photos([phone_heic_200mp], ScalpRegion.VERTEX)
        assert result.outcome is Outcome.IMPORTED, result.reason
        photo = models.Photo.get()
        assert (photo.width, photo.height, photo.format) == (16320, 12240, "HEIC")


# How ImageOps.exif_transpose turns each EXIF orientation upright, and the way back.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
BACK = {**UPRIGHT, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_shown_upright(tmp_path: Path, orientation: int) -> None:
    upright = Image.new("RGB", (1600, 1200), (200, 170, 150))
    upright.paste((220, 20, 20), (0, 0, 400, 300))  # a red corner, top left as seen
    stored = upright.transpose(BACK[orientation]) if orientation in BACK else upright
    path = tmp_path / f"o{orientation}.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, "JPEG", quality=90, exif=exif.tobytes())

    photo = _prepared(path)

    assert (photo.width, photo.height) == (1600, 1200)
    thumbnail = Image.open(io.BytesIO(photo.thumbnail)).convert("RGB")
    assert thumbnail.size == (384, 288)
    red, green, _blue = thumbnail.getpixel((20, 20))
    assert red > 180
    assert green < 80
    assert thumbnail.getpixel((360, 270))[1] > 120  # and not bottom right
    assert photo.data == path.read_bytes()  # the original is kept as it was
