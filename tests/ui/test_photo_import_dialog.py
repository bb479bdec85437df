"""Importing photos from the window: the dialog, its preview and ghost, a real import on the
thread pool with progress and Cancel, the summary, and photos or folders dropped on the window."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ScalpRegion
from hairjournal.services import photo_import
from hairjournal.ui import photo_import_dialog
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.photo_import_dialog import PhotoImportDialog
from hairjournal.ui.photos_view import PhotosView
from hairjournal.ui.settings import Settings
from tests.photo_files import truncate, write_image, write_jpeg
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts
from tests.ui.photo_journal import write_photo_journal

IMPORT_SECONDS = 60


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journals" / "photos.hairjournal"
    path.parent.mkdir()
    write_photo_journal(path)
    return path


@pytest.fixture
def photo_window(qtbot: QtBot, journal_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_path(journal_path)
    yield main
    main.close_journal()


def photos_view(window: MainWindow) -> PhotosView:
    view = window.views["photos"]
    assert isinstance(view, PhotosView)
    return view


def open_import(
    window: MainWindow, fake_prompts: FakePrompts, files: list[Path]
) -> PhotoImportDialog:
    """File > Import Photos…, answering the file dialog with ``files``."""
    fake_prompts.photo_paths.append(files)
    window.import_photos_action.trigger()
    dialog = photos_view(window).import_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def wait_for_preview(qtbot: QtBot, dialog: PhotoImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=IMPORT_SECONDS * 1000)


def photo_count(path: Path) -> tuple[int, int]:
    return read_journal(path, "SELECT (SELECT count(*) FROM photo), count(*) FROM photo_original")[
        0
    ]


def test_real_import_of_every_format_runs_in_the_background_with_progress(
    qtbot: QtBot,
    photo_window: MainWindow,
    journal_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    taken = dt.datetime(2026, 6, 1, 7, 45)
    files = [
        write_jpeg(tmp_path / "a.jpg", (640, 480), seed=41, taken=taken),
        write_image(tmp_path / "b.png", "PNG", (320, 240), seed=42),
        write_image(tmp_path / "c.webp", "WEBP", (320, 240), seed=43),
        write_image(tmp_path / "d.heic", "HEIF", (320, 240), seed=44),
    ]
    dialog = open_import(photo_window, fake_prompts, files)
    names = [dialog.file_list.item(n).text() for n in range(dialog.file_list.count())]
    assert names == ["a.jpg", "b.png", "c.webp", "d.heic"]
    assert dialog.region.value() is ScalpRegion.VERTEX  # nothing chosen before
    dialog.region.setCurrentIndex(dialog.region.findData(ScalpRegion.FRONTAL.value))
    wait_for_preview(qtbot, dialog)

    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.importing()  # the click came back at once: the work is elsewhere
        assert dialog.progress.isVisible()
        assert not dialog.region.isEnabled()

    assert (dialog.progress.value(), dialog.progress.maximum()) == (4, 4)
    assert dialog.progress_label.text().startswith("4 of 4 · ")
    assert dialog.summary_title.text() == "Import finished"
    assert dialog.summary_text.text() == "4 photos imported."
    assert not dialog.problems.isVisible()
    rows = read_journal(
        journal_path,
        "SELECT original_name, region, format FROM photo WHERE id > 6 ORDER BY original_name",
    )
    assert rows == [
        ("a.jpg", "frontal", "JPEG"),
        ("b.png", "frontal", "PNG"),
        ("c.webp", "frontal", "WebP"),
        ("d.heic", "frontal", "HEIC"),
    ]
    view = photos_view(photo_window)
    assert photo_window.current_view() == "photos"
    assert sorted(view.grid.selected_ids()) == [7, 8, 9, 10]  # the new photos, shown
    assert view.count_line.text() == "10 photos"
    assert Settings().last_photo_region() is ScalpRegion.FRONTAL

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.import_dialog is None)
    dialog = open_import(photo_window, fake_prompts, files[:1])
    assert dialog.region.value() is ScalpRegion.FRONTAL  # the region used last time
    dialog.reject()


def test_a_given_day_replaces_each_photos_own(
    qtbot: QtBot,
    photo_window: MainWindow,
    journal_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    taken = dt.datetime(2026, 6, 1, 7, 45)
    dialog = open_import(
        photo_window, fake_prompts, [write_jpeg(tmp_path / "a.jpg", seed=5, taken=taken)]
    )
    qtbot.mouseClick(dialog.taken.given, Qt.MouseButton.LeftButton)
    dialog.taken.date.set_value(dt.date(2026, 6, 3))
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert read_journal(journal_path, "SELECT taken_at FROM photo WHERE id = 7") == [
        ("2026-06-03 07:45:00",)
    ]
    wait_for_preview(qtbot, dialog)


@pytest.mark.parametrize("how", ["Cancel button", "Escape key"])
def test_cancel_stops_between_photos_keeping_the_ones_stored_whole(
    qtbot: QtBot,
    photo_window: MainWindow,
    journal_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    files = [write_jpeg(tmp_path / f"p{n}.jpg", (320, 240), seed=60 + n) for n in range(8)]
    # The second photo is held in the job's thread until the person has pressed Cancel.
    reached, pressed = threading.Event(), threading.Event()
    real_store = photo_import._store
    stored = 0

    def store_when_allowed(*args: object) -> object:
        nonlocal stored
        stored += 1
        if stored == 2:
            reached.set()
            pressed.wait(IMPORT_SECONDS)
        return real_store(*args)

    monkeypatch.setattr(photo_import, "_store", store_when_allowed)
    dialog = open_import(photo_window, fake_prompts, files)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=IMPORT_SECONDS * 1000)
    qtbot.waitUntil(lambda: dialog.progress.value() == 1)
    assert dialog.progress_label.text().startswith("1 of 8 · p")
    if how == "Cancel button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # open until the import has stopped
    assert dialog.progress_label.text() == "Cancelling after the photo in hand…"
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        pressed.set()

    assert dialog.summary_title.text() == "Import cancelled"
    assert dialog.summary_text.text() == (
        "2 photos imported. The import was cancelled before the other 6 files; import them "
        "again to finish (photos already in are recognised and skipped)."
    )
    assert photo_count(journal_path) == (8, 8)  # 6 before, 2 whole photos, nothing partial
    wait_for_preview(qtbot, dialog)


def test_summary_names_each_file_not_imported_with_the_reason(
    qtbot: QtBot,
    photo_window: MainWindow,
    journal_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "camera"
    folder.mkdir()
    good = write_jpeg(folder / "good.jpg", (320, 240), seed=71)
    text = folder / "notes.jpg"
    text.write_text("not a photo\n", encoding="utf-8")
    empty = folder / "empty.jpg"
    empty.touch()
    cut = truncate(write_jpeg(folder / "cut.jpg", (1200, 900), seed=72))
    again = shutil.copy(journal_path.parent / "photos-files" / "IMG_0001.jpg", folder / "old.jpg")
    files = [good, text, empty, cut, Path(again), good]
    dialog = open_import(photo_window, fake_prompts, files)
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.summary_title.text() == "Import finished, with problems"
    assert dialog.summary_text.text() == (
        "1 photo imported. 2 files were already in the journal and not imported again. "
        "3 files were refused; each is listed below with the reason."
    )
    assert dialog.problems.isVisible()
    lines = dialog.problems.toPlainText().splitlines()
    assert lines[0].startswith("notes.jpg: refused, the file is not an image Hair Journal can")
    assert lines[1] == "empty.jpg: refused, the file is empty (0 bytes)"
    assert lines[2].startswith("cut.jpg: refused, the file is incomplete (the file ends early)")
    assert lines[3:] == [
        "old.jpg: already in the journal (the same photo was imported before)",
        "good.jpg: already in the journal (the same file was given twice)",
    ]
    assert photo_count(journal_path) == (7, 7)
    wait_for_preview(qtbot, dialog)


def test_preview_shows_the_file_under_a_ghost_of_the_regions_latest_photo(
    qtbot: QtBot,
    photo_window: MainWindow,
    journal_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    new = write_jpeg(tmp_path / "new.jpg", (800, 600), seed=81, taken=dt.datetime(2026, 6, 1, 8))
    cut = truncate(write_jpeg(tmp_path / "cut.jpg", (1200, 900), seed=82))
    old = journal_path.parent / "photos-files" / "IMG_0002.jpg"
    dialog = open_import(photo_window, fake_prompts, [new, cut, old])
    with qtbot.waitSignal(dialog.preview_shown, timeout=IMPORT_SECONDS * 1000) as shown:
        pass
    assert shown.args == [new]
    preview = dialog.preview
    assert preview.photo is not None
    assert (preview.photo.width(), preview.photo.height()) == (384, 288)
    assert dialog.preview_caption.text() == "new.jpg: taken 1 Jun 2026, 08:00"

    # Vertex: the latest is photo 5 (640 x 480, 4 May 2026).
    assert preview.ghost is not None
    assert (preview.ghost.width(), preview.ghost.height()) == (384, 288)
    assert dialog.ghost_caption.text().startswith("Laid over it: the last vertex (crown) photo, 4")
    solid = preview.grab().toImage()
    dialog.opacity.setValue(0)
    clear = preview.grab().toImage()
    centre = QPoint(preview.width() // 2, preview.height() // 2)
    assert solid.pixelColor(centre) != clear.pixelColor(centre)  # the ghost is drawn over it
    dialog.opacity.setValue(75)
    assert preview.opacity == 0.75
    qtbot.mouseClick(dialog.ghost_box, Qt.MouseButton.LeftButton)
    assert not preview.ghost_shown
    assert not dialog.opacity.isEnabled()
    assert preview.grab().toImage().pixelColor(centre) == clear.pixelColor(centre)

    dialog.region.setCurrentIndex(dialog.region.findData(ScalpRegion.MIDLINE_PART.value))
    assert dialog.ghost_caption.text().startswith("Laid over it: the last midline part photo")
    dialog.region.setCurrentIndex(dialog.region.findData(ScalpRegion.OCCIPITAL.value))
    assert preview.ghost is None
    assert dialog.ghost_caption.text() == (
        "No earlier back of the head photo to line this one up with."
    )

    with qtbot.waitSignal(dialog.preview_shown, timeout=IMPORT_SECONDS * 1000):
        dialog.file_list.setCurrentRow(1)
    assert preview.photo is None
    assert preview.message.startswith("cut.jpg will not be imported: the file is incomplete")
    with qtbot.waitSignal(dialog.preview_shown, timeout=IMPORT_SECONDS * 1000):
        dialog.file_list.setCurrentRow(2)
    assert dialog.preview_caption.text() == (
        "IMG_0002.jpg is already in the journal; it will be skipped."
    )
    dialog.reject()
    assert not dialog.isVisible()
    assert photo_count(journal_path) == (6, 6)


def drop(target: QWidget, paths: list[Path], mime: QMimeData | None = None) -> bool:
    """Drag ``paths`` over ``target`` and drop them; True if the drag was accepted."""
    if mime is None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    at = target.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(
        target, QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, buttons, keys)
    )
    return True


def test_a_folder_dropped_on_the_window_is_imported(
    qtbot: QtBot, photo_window: MainWindow, journal_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Phone photos"
    (folder / "March").mkdir(parents=True)
    write_jpeg(folder / "IMG_1.jpg", (320, 240), seed=91)
    write_image(folder / "March" / "IMG_2.HEIC", "HEIF", (320, 240), seed=92)
    (folder / "readme.txt").write_text("not a photo", encoding="utf-8")
    photo_window.show_view("dashboard")

    assert drop(photo_window.views["dashboard"], [folder])
    assert photo_window.current_view() == "photos"
    dialog = photos_view(photo_window).import_dialog
    assert dialog is not None
    assert dialog.isVisible()
    if dialog.listing():  # the folder is searched in the background
        assert not dialog.import_button.isEnabled()
        qtbot.waitSignal(dialog.files_listed, timeout=IMPORT_SECONDS * 1000).wait()
    assert [path.name for path in dialog.files] == ["IMG_1.jpg", "IMG_2.HEIC"]
    assert dialog.title.text() == "Import 2 photos"
    assert dialog.import_button.text() == "&Import 2 photos"
    with qtbot.waitSignal(dialog.import_finished, timeout=IMPORT_SECONDS * 1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_text.text() == "2 photos imported."
    assert photo_count(journal_path) == (8, 8)
    wait_for_preview(qtbot, dialog)


def test_dropping_on_the_gallery_works_and_text_is_not_taken(
    qtbot: QtBot, photo_window: MainWindow, tmp_path: Path
) -> None:
    photo_window.show_view("photos")
    grid = photos_view(photo_window).grid.viewport()
    text = QMimeData()
    text.setText("hello")
    assert not drop(grid, [], text)
    assert photos_view(photo_window).import_dialog is None

    empty = tmp_path / "nothing here"
    empty.mkdir()
    assert drop(grid, [empty])
    dialog = photos_view(photo_window).import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.listing(), timeout=IMPORT_SECONDS * 1000)
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.message.startswith("Nothing here is a photo")
    dialog.reject()


def test_choosing_no_files_opens_nothing(
    photo_window: MainWindow, fake_prompts: FakePrompts
) -> None:
    fake_prompts.photo_paths.append([])
    photo_window.import_photos_action.trigger()
    assert photos_view(photo_window).import_dialog is None
    assert fake_prompts.photo_folders == [Path.home()]


def test_import_is_off_without_a_journal(qtbot: QtBot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert not window.import_photos_action.isEnabled()


def test_closing_while_a_folder_is_still_searched_is_harmless(
    qtbot: QtBot, photo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched = threading.Event()
    real_search = photo_import_dialog.photo_files

    def slow_search(paths: list[Path]) -> list[Path]:
        searched.wait(IMPORT_SECONDS)  # a huge folder, or a slow network drive
        return real_search(paths)

    monkeypatch.setattr(photo_import_dialog, "photo_files", slow_search)
    folder = tmp_path / "camera"
    folder.mkdir()
    write_jpeg(folder / "a.jpg", (64, 48))
    assert drop(photo_window, [folder])
    dialog = photos_view(photo_window).import_dialog
    assert dialog is not None
    assert dialog.listing()
    assert dialog.preview.message == "Looking for photos in camera…"
    lister = dialog._lister
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    searched.set()
    qtbot.waitUntil(lambda: lister.running == 0, timeout=IMPORT_SECONDS * 1000)
    assert photos_view(photo_window).import_dialog is None
