"""The clinician bundle: a private ZIP of the summary, every CSV file and the chosen photos, the
photos without EXIF; Cancel or a failure leaves nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from hairjournal.core.enums import Condition, ScalpRegion, ShedProtocol
from hairjournal.services.bundle import (
    PHOTO_FOLDER,
    README,
    latest_of_each_region,
    write_bundle,
)
from hairjournal.services.csv_format import KINDS
from hairjournal.services.export_file import ExportCancelled
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from tests.photo_files import scalp_image
from tests.services.test_photo_export import GPS_IFD, telling_exif
from tests.ui.photo_journal import store_photo

TODAY = dt.date(2026, 11, 20)
REPORT_BYTES = b"%PDF-1.4 the summary"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "bundle.hairjournal", title="Bundle", condition=Condition.AGA_MALE
    ) as opened:
        for day in range(30):
            models.ShedCount.create(
                date=dt.date(2026, 10, 1) + dt.timedelta(days=day),
                protocol=ShedProtocol.DAILY_TOTAL,
                value=80 + day,
                notes="1,5 mm kurz" if day == 0 else "",
            )
        yield opened


def phone_photo(folder: Path, name: str, seed: int, taken: dt.datetime) -> Path:
    """A JPEG that says what a phone says: camera, time and GPS position."""
    exif = telling_exif()
    exif.get_ifd(0x8769)[36867] = taken.strftime("%Y:%m:%d %H:%M:%S")
    path = folder / name
    scalp_image(480, 360, seed=seed).save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


@pytest.fixture
def photos(journal: OpenJournal, tmp_path: Path) -> dict[str, int]:
    folder = tmp_path / "camera"
    folder.mkdir()
    shots = {
        "vertex_march": (ScalpRegion.VERTEX, dt.datetime(2026, 3, 2, 8, 0)),
        "vertex_may_morning": (ScalpRegion.VERTEX, dt.datetime(2026, 5, 4, 8, 0)),
        "vertex_may_evening": (ScalpRegion.VERTEX, dt.datetime(2026, 5, 4, 20, 0)),
        "frontal_april": (ScalpRegion.FRONTAL, dt.datetime(2026, 4, 6, 8, 5)),
    }
    return {
        name: store_photo(phone_photo(folder, f"{name}.jpg", seed, taken), region)
        for seed, (name, (region, taken)) in enumerate(shots.items())
    }


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "Hair journal summary 2026-11-20.pdf"
    path.parent.mkdir()
    path.write_bytes(REPORT_BYTES)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def bundle(target: Path, report: Path, photo_ids: list[int], **options: object) -> object:
    return write_bundle(
        target, title="Bundle", today=TODAY, report=report, photo_ids=photo_ids, **options
    )


def test_the_zip_holds_the_summary_every_csv_file_and_the_chosen_photos_without_exif(
    photos: dict[str, int], report: Path, out: Path
) -> None:
    target = out / "for the clinic.zip"
    chosen = [photos["vertex_may_morning"], photos["vertex_may_evening"], photos["frontal_april"]]
    written = bundle(target, report, chosen)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["for the clinic.zip"]
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == list(written.members)
        assert archive.read(report.name) == REPORT_BYTES
        assert sorted(n for n in names if n.startswith("csv/")) == sorted(
            f"csv/{kind.file_name}" for kind in KINDS
        )
        photo_names = [n for n in names if n.startswith(f"{PHOTO_FOLDER}/")]
        assert photo_names == [
            "photos/2026-05-04 vertex.jpg",
            "photos/2026-05-04 vertex (2).jpg",  # the same day and region: both kept
            "photos/2026-04-06 frontal.jpg",
        ]
        for name in photo_names:
            data = archive.read(name)
            for telling in (b"Exif", b"PhoneMaker", b"Phone 15 Pro", b"2026:05:04"):
                assert telling not in data, (name, telling)
            with Image.open(io.BytesIO(data)) as image:
                assert image.format == "JPEG"
                assert len(image.getexif()) == 0
                assert not image.getexif().get_ifd(GPS_IFD)
                assert image.size == (480, 360)
        readme = archive.read(README).decode()
        shed_counts = archive.read("csv/shed_counts.csv").decode("utf-8")
    assert (written.csv_files, written.photos, written.skipped) == (len(KINDS), 3, ())
    assert "Made on 2026-11-20 from the journal “Bundle”" in readme
    assert "photos/: 3 scalp photos, named" in readme
    assert "not encrypted" in readme
    rows = list(csv.reader(io.StringIO(shed_counts)))
    assert len(rows) == 1 + 30
    assert "1,5 mm kurz" in rows[1]


def test_csv_options_reach_the_files(photos: dict[str, int], report: Path, out: Path) -> None:
    bundle(out / "b.zip", report, [], excel=True, decimal_comma=True)
    with zipfile.ZipFile(out / "b.zip") as archive:
        data = archive.read("csv/shed_counts.csv")
        assert not [n for n in archive.namelist() if n.startswith(f"{PHOTO_FOLDER}/")]
    assert data.startswith("\ufeff".encode())  # Excel's mark for UTF-8
    header = data.decode("utf-8-sig").splitlines()[0]
    assert ";" in header
    assert "," not in header


@pytest.mark.parametrize("stop_after", [0, 1])
def test_cancel_leaves_nothing_behind(
    photos: dict[str, int], report: Path, out: Path, stop_after: int
) -> None:
    steps: list[int] = []
    with pytest.raises(ExportCancelled):
        bundle(
            out / "b.zip",
            report,
            list(photos.values()),
            progress=lambda done, _total: steps.append(done),
            # 0: during the CSV files; 1: once they are written, between photos
            cancelled=lambda: len(steps) > stop_after,
        )
    assert list(out.iterdir()) == []


def test_a_photo_that_cannot_be_decoded_is_left_out_and_named(
    photos: dict[str, int], report: Path, out: Path
) -> None:
    broken = photos["vertex_march"]
    models.PhotoOriginal.update(data=b"\xff\xd8 not a whole jpeg").where(
        models.PhotoOriginal.photo == broken
    ).execute()
    written = bundle(out / "b.zip", report, [broken, photos["frontal_april"]])
    assert written.photos == 1
    assert written.skipped == (
        "the vertex (crown) photo of 2026-03-02: the stored photo cannot be decoded",
    )
    with zipfile.ZipFile(out / "b.zip") as archive:
        assert [n for n in archive.namelist() if n.startswith("photos/")] == [
            "photos/2026-04-06 frontal.jpg"
        ]
        assert "photos/: 1 scalp photo, named" in archive.read(README).decode()


def test_latest_of_each_region_is_the_default_choice(photos: dict[str, int]) -> None:
    assert latest_of_each_region() == [photos["vertex_may_evening"], photos["frontal_april"]]


def test_no_photos_means_an_empty_choice(journal: OpenJournal) -> None:
    assert latest_of_each_region() == []
