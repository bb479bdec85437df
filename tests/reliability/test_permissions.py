"""Everything Hair Journal writes is its owner's alone: 0600 files, 0700 folders it makes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, EventKind, ScalpRegion
from hairjournal.services.backup import back_up
from hairjournal.services.csv_export import write_csv_files
from hairjournal.services.photo_export import export_photos
from hairjournal.services.photo_import import import_photos
from hairjournal.store import models, records
from hairjournal.store.journal import create_journal, open_journal
from tests.photo_files import write_jpeg


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask a person could have set: files would be 0666, folders 0777."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_a_new_journal_is_private_in_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "HairJournal" / "journal.hairjournal"
    with create_journal(path, title="Mine", condition=Condition.AA):
        pass
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_every_file_beside_an_open_journal_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # a folder the person chose, readable by others
    path = folder / "mine.hairjournal"
    with create_journal(path, title="Mine", condition=Condition.TE):
        pass
    photo = write_jpeg(tmp_path / "IMG_1.jpg", (320, 240))
    with open_journal(path):
        records.add(models.Event, {"kind": EventKind.COVID, "started_on": "2026-01-05"})
        import_photos([photo], ScalpRegion.VERTEX)
        beside = {item.name: mode(item) for item in folder.iterdir()}
    assert beside == {
        "mine.hairjournal": 0o600,
        "mine.hairjournal-wal": 0o600,
        "mine.hairjournal-shm": 0o600,
        "mine.hairjournal.lock": 0o600,  # it names this computer and the process
    }
    assert mode(folder) == 0o755  # the person's own folder is left as it was


@pytest.mark.usefixtures("open_umask")
def test_exported_photos_are_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "j.hairjournal"
    out = tmp_path / "for the clinic"
    out.mkdir()
    photos = [write_jpeg(tmp_path / f"IMG_{n}.jpg", (320, 240), seed=n) for n in (1, 2)]
    with create_journal(path, title="Mine", condition=Condition.TE):
        ids = [r.photo_id for r in import_photos(photos, ScalpRegion.FRONTAL)]
        exported = export_photos([i for i in ids if i is not None], out)
    assert len(exported) == 2
    assert {item.path.name: mode(item.path) for item in exported} == {
        item.path.name: 0o600 for item in exported
    }


@pytest.mark.usefixtures("open_umask")
def test_backups_are_private_in_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "j.hairjournal"
    with create_journal(path, title="Mine", condition=Condition.TE):
        records.add(models.Event, {"kind": EventKind.STRESS, "started_on": "2026-02-01"})
    result = back_up(path)
    assert mode(result.path.parent) == 0o700
    assert {item.name: mode(item) for item in result.path.parent.iterdir()} == {
        result.path.name: 0o600
    }


@pytest.mark.usefixtures("open_umask")
def test_csv_exports_are_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "j.hairjournal"
    out = tmp_path / "for the clinic"
    with create_journal(path, title="Mine", condition=Condition.TE):
        records.add(models.Event, {"kind": EventKind.STRESS, "started_on": "2026-02-01"})
        written = write_csv_files(out)
    assert len(written) >= 6
    assert mode(out) == 0o700  # the folder it made for them
    assert {item.name: mode(item) for item in out.iterdir()} == {
        item.name: 0o600 for item in written
    }
