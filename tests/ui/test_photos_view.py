"""The Photos view: the gallery, its filters and grouping, opening and deleting photos."""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hairjournal import app
from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.store.journal import create_journal
from hairjournal.store.photos import add_photo
from hairjournal.ui import gallery_model
from hairjournal.ui.gallery_model import PHOTO_ID_ROLE
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.photo_images import thumbnail_image
from hairjournal.ui.photos_view import PhotosView
from hairjournal.ui.settings import Settings
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts
from tests.ui.photo_journal import write_photo_journal


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journals" / "photos.hairjournal"
    path.parent.mkdir()
    write_photo_journal(path)
    return path


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_path(path)
    main.show_view("photos")
    return main


@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, journal_path)
    yield main
    main.close_journal()


def view_of(window: MainWindow) -> PhotosView:
    view = window.views["photos"]
    assert isinstance(view, PhotosView)
    return view


def shown(view: PhotosView) -> list[str | int]:
    """Headings as their text, photos as their id, as the grid lists them."""
    model = view.grid.model()
    out: list[str | int] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        photo_id = index.data(PHOTO_ID_ROLE)
        out.append(index.data() if photo_id is None else photo_id)
    return out


def select(view: PhotosView, *photo_ids: int) -> None:
    """Click the first photo's tile, Ctrl+click the others."""
    grid = view.grid
    for number, photo_id in enumerate(photo_ids):
        index = grid.model().index(view.model.row_of(photo_id), 0)
        grid.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        QtBot.mouseClick(
            grid.viewport(), Qt.MouseButton.LeftButton, modifier, grid.visualRect(index).center()
        )


def test_gallery_groups_the_journals_photos_by_region(window: MainWindow) -> None:
    view = view_of(window)
    assert view.pages.currentWidget() is view.grid
    assert shown(view) == [
        "Vertex (crown)", 5, 3, 1,
        "Midline part", 6,
        "Frontal hairline", 4, 2,
    ]  # fmt: skip
    assert view.summary.text() == "6 photos of 3 regions, 2 Mar \N{EN DASH} 4 May 2026."
    assert view.count_line.text() == "6 photos"
    assert not view.open_button.isEnabled()
    assert not view.delete_button.isEnabled()


def test_thumbnails_of_the_tiles_on_screen_load_in_the_background(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    view.grid.viewport().repaint()  # painting asks for the thumbnails of the tiles shown
    assert view.busy()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10_000)
    grid = view.grid
    on_screen, off_screen = [], []
    for photo_id in view.model.photo_ids():
        index = grid.model().index(view.model.row_of(photo_id), 0)
        seen = grid.viewport().rect().intersects(grid.visualRect(index))
        (on_screen if seen else off_screen).append(index.data(Qt.ItemDataRole.DecorationRole))
    assert on_screen
    assert all(isinstance(image, QImage) for image in on_screen)
    assert all(image is None for image in off_screen)  # not decoded until scrolled to


def test_filter_by_region_and_dates_and_group_by_month(qtbot: QtBot, window: MainWindow) -> None:
    view = view_of(window)
    view.region_filter.setCurrentIndex(view.region_filter.findData(ScalpRegion.VERTEX.value))
    assert shown(view) == ["Vertex (crown)", 5, 3, 1]
    assert view.count_line.text() == "3 of 6 photos shown"
    view.region_filter.setCurrentIndex(0)
    qtbot.mouseClick(view.first.given, Qt.MouseButton.LeftButton)
    view.first.date.set_value(dt.date(2026, 4, 1))
    qtbot.mouseClick(view.last.given, Qt.MouseButton.LeftButton)
    view.last.date.set_value(dt.date(2026, 4, 30))
    assert shown(view) == ["Vertex (crown)", 3, "Frontal hairline", 4]
    assert view.count_line.text() == "2 of 6 photos shown"
    qtbot.mouseClick(view.first.given, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.last.given, Qt.MouseButton.LeftButton)

    select(view, 3)
    view.grouping.setCurrentIndex(view.grouping.findText("By month"))
    assert shown(view) == ["May 2026", 5, 6, "April 2026", 3, 4, "March 2026", 1, 2]
    assert view.grid.selected_ids() == [3]  # the selection stays


def test_arrow_keys_go_from_photo_to_photo_past_the_headings(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    select(view, 1)  # the last photo of the first group
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.grid.selected_ids() == [6]  # the first of the next group
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    assert view.grid.selected_ids() == [1]


def test_double_click_or_enter_opens_the_viewer_on_the_photo(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    grid = view.grid
    index = grid.model().index(view.model.row_of(3), 0)
    where = grid.visualRect(index).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click:
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=where)  # click, click
    viewer = view.viewer
    assert viewer is not None
    assert viewer.isVisible()
    assert viewer.current_id() == 3
    assert viewer.photo_ids == [5, 3, 1, 6, 4, 2]  # the gallery's order
    qtbot.waitUntil(lambda: not viewer.loading(), timeout=10_000)
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not viewer.loading(), timeout=10_000)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.viewer is None)
    assert grid.selected_ids() == [1]  # where the viewer was left

    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert view.viewer is not None
    assert view.viewer.current_id() == 1
    qtbot.waitUntil(lambda: not view.viewer.loading(), timeout=10_000)
    view.viewer.close()
    select(view, 4)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert view.viewer.current_id() == 4
    qtbot.waitUntil(lambda: not view.viewer.loading(), timeout=10_000)
    view.viewer.close()


def test_an_edit_in_the_viewer_moves_the_photo_in_the_gallery(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    viewer = view.open_photo(1)
    viewer.details.region.set_value(ScalpRegion.OCCIPITAL)
    qtbot.mouseClick(viewer.details.save_button, Qt.MouseButton.LeftButton)
    assert shown(view)[-2:] == ["Back of the head", 1]
    window.undo_action.trigger()  # the window's Edit > Undo undoes it too
    assert shown(view)[:4] == ["Vertex (crown)", 5, 3, 1]
    qtbot.waitUntil(lambda: not viewer.loading(), timeout=10_000)
    viewer.close()


def test_delete_selected_photos_asks_first_and_undo_brings_them_all_back(
    qtbot: QtBot, window: MainWindow, journal_path: Path, fake_prompts: FakePrompts
) -> None:
    view = view_of(window)
    select(view, 3, 4)
    assert view.delete_button.isEnabled()
    fake_prompts.confirm_answers.append(False)
    qtbot.keyClick(view.grid, Qt.Key.Key_Delete)
    assert fake_prompts.questions[-1].startswith("Delete the 2 selected photos?")
    assert shown(view).count(3) == 1

    fake_prompts.confirm_answers.append(True)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert 3 not in shown(view)
    assert 4 not in shown(view)
    assert read_journal(journal_path, "SELECT count(*) FROM photo_original") == [(4,)]
    assert view.count_line.text() == "4 photos"

    window.undo_action.trigger()  # one step for both
    assert read_journal(journal_path, "SELECT count(*) FROM photo_original") == [(6,)]
    assert shown(view).count(3) == shown(view).count(4) == 1
    assert window.statusBar().currentMessage() == "Undone: Delete 2 selected photos"


def test_a_journal_without_photos_invites_an_import(
    qtbot: QtBot, tmp_path: Path, fake_prompts: FakePrompts
) -> None:
    path = tmp_path / "empty.hairjournal"
    with create_journal(path, title="Empty", condition=Condition.TE):
        pass
    window = open_window(qtbot, path)
    view = view_of(window)
    assert view.pages.currentIndex() == 0
    assert not view.summary.isVisible()
    assert not view.toolbar.isVisible()
    fake_prompts.photo_paths.append([])
    button = next(b for b in view.pages.currentWidget().findChildren(type(view.import_button)))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(fake_prompts.photo_folders) == 1  # it asked which photos
    window.close_journal()


def test_a_hidden_view_catches_up_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    view = view_of(window)
    viewer = view.open_photo(2)
    window.show_view("dashboard")
    viewer.details.notes.setPlainText("seen while away")
    assert viewer.save_changes()
    assert view.stale
    window.show_view("photos")
    assert not view.stale
    index = view.grid.model().index(view.model.row_of(2), 0)
    assert "Notes: seen while away" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: not viewer.loading(), timeout=10_000)
    viewer.close()


def test_selection_model_reports_the_current_photo(window: MainWindow) -> None:
    view = view_of(window)
    grid = view.grid
    grid.selectionModel().setCurrentIndex(
        grid.model().index(view.model.row_of(6), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    assert grid.current_id() == 6
    assert view.open_button.isEnabled()


def test_two_photos_of_one_region_are_compared_on_the_compare_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    select(view, 5)
    assert not view.compare_button.isEnabled()
    select(view, 5, 4)  # vertex and frontal
    assert not view.compare_button.isEnabled()
    select(view, 5, 1)
    assert view.compare_button.isEnabled()
    with qtbot.waitSignal(view.compare.photos_shown, timeout=20_000):
        qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    assert view.tabs.currentIndex() == 1
    assert view.compare.before_box.currentData() == 1  # the earlier one first
    assert view.compare.after_box.currentData() == 5


def test_selected_photos_are_exported_after_a_warning(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    view = view_of(window)
    select(view, 3, 6)
    folder = tmp_path / "for the clinic"
    folder.mkdir()
    fake_prompts.confirm_answers.append(True)
    fake_prompts.folders.append(folder)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert "not encrypted" in fake_prompts.questions[-1]
    qtbot.waitUntil(lambda: bool(fake_prompts.infos), timeout=20_000)
    assert len(list(folder.iterdir())) == 2


def test_a_screenshot_of_the_gallery_waits_for_its_thumbnails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_decoder(data: bytes, box: QSize) -> QImage | None:
        threading.Event().wait(0.3)  # a slow disk or computer, in the decoding thread
        return thumbnail_image(data, box)

    monkeypatch.setattr(gallery_model, "thumbnail_image", slow_decoder)
    path = tmp_path / "red.hairjournal"
    red = io.BytesIO()
    Image.new("RGB", (384, 288), (255, 0, 0)).save(red, "JPEG")
    with create_journal(path, title="Red", condition=Condition.TE):
        for number in range(8):
            taken = dt.datetime(2026, 1, 1 + number, 9)
            add_photo(
                sha256=f"{number:064d}",
                format="JPEG",
                width=384,
                height=288,
                taken_at=taken,
                region=ScalpRegion.VERTEX,
                thumbnail=red.getvalue(),
                data=red.getvalue(),
                original_name=f"{number}.jpg",
                imported_at=taken,
            )
    out = tmp_path / "photos.png"
    assert app.render_screenshot(out, "photos", (1100, 700), path) == 0
    image = QImage(str(out))
    red_pixels = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 60
    )
    assert red_pixels > 8 * 150 * 100 / 16 * 0.9  # eight thumbnails, sampled every 4 pixels


def test_closing_the_viewer_while_the_photo_is_decoded_is_harmless(
    qtbot: QtBot, window: MainWindow
) -> None:
    viewer = view_of(window).open_photo(5)
    assert viewer.loading()
    background = viewer._background
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(viewer))  # closed and deleted
    qtbot.waitUntil(lambda: background.running == 0, timeout=10_000)
    assert view_of(window).viewer is None
