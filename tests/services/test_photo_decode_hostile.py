"""Files the photo fuzzer found that once stopped a whole import: now each is refused by name,
and the photos beside it go in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services.photo_decode import RefusedPhoto, prepare_photo
from hairjournal.services.photo_import import Outcome, import_photos
from hairjournal.store.journal import OpenJournal, create_journal
from tests.photo_files import write_image, write_jpeg
from tests.reliability.photo_fuzz import claiming_size

# An 80 x 60 WebP with one bit flipped, so that its EXIF block claims to be six bytes long:
# Pillow's EXIF reader then fails with struct.error.
CUT_EXIF_WEBP = bytes.fromhex(
    "52494646ac00000057454250565038580a000000080000004f00003b000056503820780000001007009d012a"
    "50003c003e6d3294483e22a22124d55c3bc00d89692d800129e205f6da64b476e3f0cdb968adf1f8be38c7"
    "9cd5068eb7cc0386cc9fd89020ab640000fef5edffee87ff59fbd5ffab49a3afc7912aeadd1dc19e3fb15a"
    "a7b79c3b7871543669d06a263c869d4e7ced241c13a4790d3628000045584946060000004d4d002a000000"
    "08000000000000"
)


def _heic_claiming_a_million_pixels_a_side(folder: Path) -> Path:
    # libheif refuses it with a RuntimeError ("Security limit exceeded").
    genuine = write_image(folder / "genuine.heic", "HEIF", (80, 60), seed=2).read_bytes()
    path = folder / "huge.heic"
    path.write_bytes(claiming_size(genuine, 1_000_000))
    return path


def _cut_exif(folder: Path) -> Path:
    path = folder / "cut-exif.webp"
    path.write_bytes(CUT_EXIF_WEBP)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_heic_claiming_a_million_pixels_a_side, "claims to be larger than any camera photo"),
        (_cut_exif, "is damaged and cannot be shown"),
    ],
    ids=["HEIC claiming 10^12 pixels", "WebP with its EXIF cut short"],
)
def test_a_file_that_trips_the_decoder_is_refused_with_a_reason(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    result = prepare_photo(make(tmp_path))
    assert isinstance(result, RefusedPhoto)
    assert result.reason.startswith(reason)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "j.hairjournal", title="t", condition=Condition.TE) as opened:
        yield opened


def test_the_photos_beside_them_still_go_in(journal: OpenJournal, tmp_path: Path) -> None:
    files = [
        _heic_claiming_a_million_pixels_a_side(tmp_path),
        _cut_exif(tmp_path),
        write_jpeg(tmp_path / "good.jpg", (320, 240)),
    ]
    results = import_photos(files, ScalpRegion.VERTEX)
    assert [(r.path.name, r.outcome) for r in results] == [
        ("huge.heic", Outcome.REFUSED),
        ("cut-exif.webp", Outcome.REFUSED),
        ("good.jpg", Outcome.IMPORTED),
    ]
