"""``hairjournal bundle``, run as a separate process the way a person runs it."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from hairjournal.services.csv_format import KINDS
from tests.test_cli import hairjournal
from tests.ui.photo_journal import write_photo_journal


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six photos: vertex on 2 Mar, 6 Apr and 4 May; frontal 2 Mar and 6 Apr; midline 4 May."""
    path = tmp_path_factory.mktemp("journal") / "photos.hairjournal"
    write_photo_journal(path)
    return path


def photos_in(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(n for n in archive.namelist() if n.startswith("photos/"))


def test_the_bundle_holds_the_summary_csv_files_and_the_latest_photos(
    journal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clinic.zip"
    result = hairjournal("bundle", journal, "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(
        f"The bundle (the summary, {len(KINDS)} CSV files and 3 photos) was saved as {out}."
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.zip"]
    assert photos_in(out) == [
        "photos/2026-04-06 frontal.jpg",
        "photos/2026-05-04 midline part.jpg",
        "photos/2026-05-04 vertex.jpg",
    ]
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert any(n.startswith("Hair journal summary ") and n.endswith(".pdf") for n in names)
        assert {f"csv/{kind.file_name}" for kind in KINDS} <= set(names)
        for name in photos_in(out):
            with Image.open(io.BytesIO(archive.read(name))) as image:
                assert len(image.getexif()) == 0  # the test photos had a date in theirs


@pytest.mark.parametrize(("choice", "count"), [("all", 6), ("none", 0)])
def test_which_photos(journal: Path, tmp_path: Path, choice: str, count: int) -> None:
    out = tmp_path / "clinic.zip"
    result = hairjournal("bundle", journal, "--out", out, "--photos", choice)
    assert result.returncode == 0, result.stderr
    assert len(photos_in(out)) == count


def test_a_photo_choice_that_is_not_one_is_refused(journal: Path, tmp_path: Path) -> None:
    result = hairjournal("bundle", journal, "--out", tmp_path / "b.zip", "--photos", "best")
    assert result.returncode == 2
    assert "invalid choice: 'best'" in result.stderr
    assert list(tmp_path.iterdir()) == []
