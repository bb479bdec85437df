"""The status bar says what just happened: a journal opened or created, photos imported, the
recent list cleared (saves, undos and redos: tests/ui/test_edit_menu.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition
from hairjournal.ui.journal_form import JournalDetails
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.photos_view import PhotosView
from tests.photo_files import write_jpeg
from tests.ui.fake_prompts import FakePrompts

IMPORT_MS = 60_000


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_opening_a_journal_says_so(other_path: Path, window: MainWindow) -> None:
    assert status(window) == "Opened sample.hairjournal."
    assert window.open_path(other_path)
    assert status(window) == "Opened other.hairjournal."


def test_creating_a_journal_says_where(window: MainWindow, tmp_path: Path) -> None:
    details = JournalDetails("Second", Condition.TE, None, None)
    assert window.create_at(tmp_path / "second.hairjournal", details)
    assert status(window) == f"Created second.hairjournal in {tmp_path}."


def test_clearing_the_recent_list_says_so(window: MainWindow) -> None:
    assert window.settings is not None
    assert window.settings.recent_journals()
    [clear] = [a for a in window.recent_menu.actions() if a.text() == "Clear list"]
    clear.trigger()
    assert status(window) == "The list of recent journals was cleared."
    assert window.settings.recent_journals() == []


def test_photos_imported_from_the_photos_view_are_counted(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    files = [write_jpeg(tmp_path / f"{n}.jpg", (320, 240), seed=n) for n in (1, 2)]
    window.show_view("photos")
    photos = window.views["photos"]
    assert isinstance(photos, PhotosView)
    fake_prompts.photo_paths.append(files)
    qtbot.mouseClick(photos.import_button, Qt.MouseButton.LeftButton)  # not the File menu
    dialog = photos.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=IMPORT_MS)
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert status(window) == "Imported 2 photos."
    dialog.accept()

    again = [write_jpeg(tmp_path / "3.jpg", (320, 240), seed=3)]
    fake_prompts.photo_paths.append(again)
    window.import_photos_action.trigger()  # the menu's import reports the same way
    dialog = photos.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=IMPORT_MS)
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert status(window) == "Imported 1 photo."
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=IMPORT_MS)
    dialog.accept()
