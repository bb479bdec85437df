"""Exported photos carry pixels only: no EXIF, GPS, XMP or comment, upright, private, unique."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps, PngImagePlugin

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services import photo_export
from hairjournal.services.photo_export import ExportFailed, export_photos
from hairjournal.store.journal import OpenJournal, create_journal
from tests.photo_files import scalp_image, write_image
from tests.ui.photo_journal import store_photo

TAKEN = dt.datetime(2026, 5, 4, 8, 15, 0)
GPS_IFD = 0x8825
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Springfield"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "export.hairjournal", title="Export", condition=Condition.TE
    ) as j:
        yield j


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def telling_exif(orientation: int = 1) -> Image.Exif:
    """Everything a phone writes that says who, where and with what: camera, date, position."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 15 Pro"  # Model
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[36867] = TAKEN.strftime("%Y:%m:%d %H:%M:%S")
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (51.0, 30.0, 26.4)  # GPSLatitude
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.9)
    return exif


def upright_pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(ImageOps.exif_transpose(image).convert("RGB"), dtype=np.int16)


def test_a_jpeg_loses_exif_gps_xmp_and_comment_and_keeps_its_pixels_upright(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    source = tmp_path / "IMG_0042.jpg"
    scalp_image(640, 480, seed=3).save(
        source,
        "JPEG",
        quality=95,
        exif=telling_exif(orientation=6).tobytes(),
        xmp=XMP,
        comment=b"Springfield clinic, patient 1234",
    )
    with Image.open(source) as original:  # the test photo really has what must go
        assert original.getexif().get_ifd(GPS_IFD)[1] == "N"
        assert "xmp" in original.info
        assert "comment" in original.info
    photo_id = store_photo(source, ScalpRegion.VERTEX)

    [exported] = export_photos([photo_id], out)

    assert exported.photo_id == photo_id
    assert exported.path == out / "2026-05-04 vertex.jpg"
    assert stat.S_IMODE(exported.path.stat().st_mode) == 0o600
    data = exported.path.read_bytes()
    for telling in (b"Exif", b"PhoneMaker", b"Phone 15 Pro", b"2026:05:04", b"Springfield", b"xmp"):
        assert telling not in data
    with Image.open(exported.path) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert not set(image.info) & {"exif", "xmp", "comment", "icc_profile"}
        assert [marker for marker, _data in image.applist] == ["APP0"]  # JFIF only
        assert image.size == (480, 640)  # turned upright: orientation 6 is a quarter turn
    difference = np.abs(upright_pixels(exported.path) - upright_pixels(source))
    assert difference.mean() < 1.5
    assert np.percentile(difference, 99) <= 8


def test_heic_is_exported_as_a_jpeg_without_exif(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    source = write_image(tmp_path / "IMG_0043.heic", "HEIF", (320, 240), seed=5, taken=TAKEN)
    photo_id = store_photo(source, ScalpRegion.MIDLINE_PART)
    [exported] = export_photos([photo_id], out)
    assert exported.path.name == "2026-05-04 midline part.jpg"
    with Image.open(exported.path) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.size == (320, 240)
    assert b"Exif" not in exported.path.read_bytes()


def test_png_stays_png_pixel_for_pixel_without_its_text_or_exif(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    source = tmp_path / "scan.png"
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Example")
    scalp_image(200, 150, seed=8).save(source, "PNG", pnginfo=text, exif=telling_exif().tobytes())
    photo_id = store_photo(source, ScalpRegion.FRONTAL)
    [exported] = export_photos([photo_id], out)
    assert exported.path.name == "2026-05-04 frontal.png"
    with Image.open(exported.path) as image:
        assert image.format == "PNG"
        assert "Author" not in image.info
        assert "exif" not in image.info
        assert len(image.getexif()) == 0
    assert b"Jane Example" not in exported.path.read_bytes()
    assert np.array_equal(upright_pixels(exported.path), upright_pixels(source))


def test_names_stay_unique_and_nothing_is_overwritten(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    (out / "2026-05-04 vertex.jpg").write_bytes(b"somebody else's file")
    ids = []
    for seed in (1, 2):
        path = tmp_path / f"{seed}.jpg"
        scalp_image(64, 48, seed=seed).save(path, "JPEG", exif=telling_exif().tobytes())
        ids.append(store_photo(path, ScalpRegion.VERTEX))
    written = export_photos(ids, out)
    assert [item.path.name for item in written] == [
        "2026-05-04 vertex (2).jpg",
        "2026-05-04 vertex (3).jpg",
    ]
    assert (out / "2026-05-04 vertex.jpg").read_bytes() == b"somebody else's file"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["2026-05-04 vertex.jpg", *(item.path.name for item in written)]
    )


def test_progress_and_cancel_between_photos(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    ids = []
    for seed in range(3):
        path = tmp_path / f"{seed}.jpg"
        scalp_image(64, 48, seed=seed).save(path, "JPEG", exif=telling_exif().tobytes())
        ids.append(store_photo(path, ScalpRegion.OCCIPITAL))
    seen: list[tuple[int, int]] = []
    written = export_photos(
        ids,
        out,
        progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: bool(seen),
    )
    assert seen == [(1, 3)]
    assert [item.photo_id for item in written] == ids[:1]
    assert [p.name for p in out.iterdir()] == ["2026-05-04 occipital.jpg"]


def test_a_full_disk_leaves_no_partial_file_and_says_why(
    journal: OpenJournal, tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = []
    for seed in range(2):
        path = tmp_path / f"{seed}.jpg"
        scalp_image(64, 48, seed=seed).save(path, "JPEG", exif=telling_exif().tobytes())
        ids.append(store_photo(path, ScalpRegion.TEMPORAL_RIGHT))
    real_fsync = os.fsync
    calls: list[int] = []

    def full_on_the_second_photo(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(photo_export.os, "fsync", full_on_the_second_photo)
    with pytest.raises(ExportFailed, match="is full") as failed:
        export_photos(ids, out)
    [first] = failed.value.written
    assert first.photo_id == ids[0]
    assert list(out.iterdir()) == [first.path]  # the second, half-written, is gone


def test_missing_photo_or_folder_is_refused(
    journal: OpenJournal, tmp_path: Path, out: Path
) -> None:
    with pytest.raises(ExportFailed, match="no longer in the journal"):
        export_photos([12345], out)
    with pytest.raises(ExportFailed, match="is not a folder"):
        export_photos([], tmp_path / "nowhere")


def test_a_picture_that_cannot_be_decoded_is_refused() -> None:
    with pytest.raises(ExportFailed, match="cannot be decoded"):
        photo_export.clean_picture(b"\xff\xd8\xff\xe0 not really a jpeg", "JPEG")
    good = io.BytesIO()
    scalp_image(32, 24).save(good, "JPEG")
    picture, suffix = photo_export.clean_picture(good.getvalue(), "JPEG")
    assert suffix == ".jpg"
    assert picture.startswith(b"\xff\xd8")
