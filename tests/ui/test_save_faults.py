"""Real faults under the window: a disk that fails as the count is saved, a disk that is full as
photos are imported. What was typed stays, each photo is named with the reason, nothing is
half-stored, and trying again once the disk is well works."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.history import History
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.photos_view import PhotosView
from hairjournal.ui.quick_entry import QuickEntry
from hairjournal.ui.settings import Settings
from tests.photo_files import write_jpeg
from tests.reliability.faults import FullDisk, failing_disk, full_disk
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts

TODAY = dt.date(2026, 11, 24)
IMPORT_SECONDS = 60


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "q.hairjournal", title="Q", condition=Condition.TE) as opened:
        yield opened


def test_a_count_saved_as_the_disk_fails_stays_typed_and_saves_later(
    qtbot: QtBot, journal: OpenJournal
) -> None:
    entry = QuickEntry(History(), Settings())
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    entry.refresh(TODAY, fill=True)
    qtbot.keyClicks(entry.value.count, "77")
    with failing_disk():
        qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)

    assert entry.error.isVisible()
    assert "could not write to the journal file (an input/output error)" in entry.error.text()
    assert entry.value.count.text() == "77"
    assert read_journal(journal.path, "SELECT count(*) FROM shed_count") == [(0,)]

    with qtbot.waitSignal(entry.count_saved):
        qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert read_journal(journal.path, "SELECT value FROM shed_count") == [(77,)]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[FullDisk]:
    with full_disk(tmp_path / "small disk") as mounted:
        if not mounted.mounted:
            pytest.skip("needs a small tmpfs to fill (mounting one needs root)")
        yield mounted


def _import(qtbot: QtBot, window: MainWindow, prompts: FakePrompts, files: list[Path]) -> str:
    """File > Import Photos… with ``files``; the summary's list of files not imported."""
    prompts.photo_paths.append(files)
    window.import_photos_action.trigger()
    view = window.views["photos"]
    assert isinstance(view, PhotosView)
    dialog = view.import_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    text = dialog.problems.toPlainText()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=IMPORT_SECONDS * 1000)
    dialog.close()
    return text


def test_photos_imported_onto_a_full_disk_are_named_and_nothing_is_half_stored(
    qtbot: QtBot, disk: FullDisk, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    path = disk.folder / "photos.hairjournal"
    with create_journal(path, title="Photos", condition=Condition.AGA_MALE):
        pass
    camera = tmp_path / "camera"
    camera.mkdir()
    photos = [write_jpeg(camera / f"IMG_{n}.jpg", (1200, 900), seed=n) for n in (1, 2)]
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(path)
    try:
        disk.fill()
        problems = _import(qtbot, window, fake_prompts, photos)
        assert problems.splitlines() == [
            f"{photo.name}: refused, the file could not be saved: The disk is full, so nothing "
            "was saved. Free some space and save again."
            for photo in photos
        ]
        counts = "SELECT (SELECT count(*) FROM photo), count(*) FROM photo_original"
        assert read_journal(path, counts) == [(0, 0)]

        disk.free()
        assert _import(qtbot, window, fake_prompts, photos) == ""
        assert read_journal(path, counts) == [(2, 2)]
    finally:
        window.close_journal()
