"""The Export view driven as a person would: the warning, CSV files, the PDF, the bundle, Cancel."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition
from hairjournal.services.csv_format import KINDS
from hairjournal.store.journal import create_journal
from hairjournal.ui.export_view import ExportView
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.pdf_files import pdf_text
from tests.ui.fake_prompts import FakePrompts
from tests.ui.photo_journal import write_photo_journal

TIMEOUT = 60_000


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export_view(window: MainWindow) -> ExportView:
    window.show_view("export")
    view = window.views["export"]
    assert isinstance(view, ExportView)
    return view


def click_and_wait(qtbot: QtBot, view: ExportView, button: object) -> None:
    with qtbot.waitSignal(view.export_ended, timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def photo_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on a journal of six real photos: vertex 1, 3, 5; frontal 2, 4; midline 6."""
    path = tmp_path / "journals" / "photos.hairjournal"
    path.parent.mkdir(exist_ok=True)
    write_photo_journal(path)
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_path(path)
    yield main
    main.close_journal()


def test_file_export_shows_the_view_and_its_warning_comes_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "export"
    view = window.views["export"]
    assert isinstance(view, ExportView)
    warning = view.findChild(QLabel, "export_warning")
    assert warning is not None
    assert warning.isVisible()
    assert "not encrypted" in warning.text()
    assert "health information" in warning.text()
    assert not view.progress_panel.isVisible()  # nothing is under way


def test_the_pdf_is_saved_where_asked_and_the_view_says_where(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(window)
    fake_prompts.export_paths.append(out / "for Dr Lee")  # typed without .pdf
    click_and_wait(qtbot, view, view.pdf_button)

    target = out / "for Dr Lee.pdf"
    assert fake_prompts.export_asked[0][0] == "Save the PDF summary"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Sample journal" in pdf_text(target)
    assert view.status.isVisible()
    assert f"was saved as {target}." in view.status.text()
    assert "not encrypted" in view.status.text()
    assert view.pdf_button.isEnabled()
    assert not view.cancel_button.isVisible()
    qtbot.mouseClick(view.show_folder_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.shown_folders == [out]
    assert fake_prompts.errors == []


def test_csv_files_go_to_the_folder_chosen_with_the_options_ticked(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(window)
    view.excel_box.click()
    fake_prompts.folders.append(out)
    click_and_wait(qtbot, view, view.csv_button)
    assert sorted(p.name for p in out.iterdir()) == sorted(kind.file_name for kind in KINDS)
    assert (out / "sessions.csv").read_bytes().startswith("\ufeff".encode())
    assert view.status.text().startswith(f"7 CSV files written to {out}.")
    # The next export starts in the folder the last one went to.
    fake_prompts.export_paths.append(None)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.export_asked[-1][1] == out / "Hair journal summary.pdf"


def test_saying_no_to_the_file_dialog_writes_nothing(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(window)
    fake_prompts.export_paths += [None, None]
    fake_prompts.folders.append(None)
    for button in (view.pdf_button, view.bundle_button, view.csv_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.job is None
    assert not view.progress_panel.isVisible()
    assert list(out.iterdir()) == []


def test_cancel_leaves_no_file_and_says_so(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(window)
    fake_prompts.export_paths.append(out / "summary.pdf")
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert view.exporting()
    assert view.cancel_button.isVisible()
    assert not view.pdf_button.isEnabled()  # one export at a time
    with qtbot.waitSignal(view.export_ended, timeout=TIMEOUT):
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "Cancelled. Nothing was written."
    assert list(out.iterdir()) == []
    assert not view.show_folder_button.isVisible()


def test_a_failure_is_explained_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    view = export_view(window)
    gone = tmp_path / "gone"
    fake_prompts.export_paths.append(gone / "summary.pdf")
    click_and_wait(qtbot, view, view.pdf_button)
    message = f"The export stopped: the folder {gone} does not exist. Nothing was written."
    assert fake_prompts.errors == [("The export did not finish", message)]
    assert view.status.text() == message
    assert not gone.exists()


def ticked(view: ExportView) -> list[int]:
    return view.choices.chosen_ids()


def row_of(view: ExportView, photo_id: int) -> QModelIndex:
    row = view.choices.gallery.row_of(photo_id)
    assert row is not None
    return view.choices.index(row, 0)


def test_the_latest_photo_of_each_region_is_ticked_and_can_be_changed(
    qtbot: QtBot, photo_window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(photo_window)
    assert sorted(ticked(view)) == [4, 5, 6]
    assert view.chosen_label.text() == "3 of 6 photos"
    # Thumbnails are decoded in the background once the list asks for them.
    qtbot.waitUntil(lambda: row_of(view, 5).data(Qt.ItemDataRole.DecorationRole) is not None)
    assert row_of(view, 5).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert row_of(view, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    heading = view.choices.index(0, 0)
    assert heading.data() == "Vertex (crown)"
    assert heading.data(Qt.ItemDataRole.CheckStateRole) is None  # no box on a heading

    # Untick the midline photo and tick the first vertex one, with the keyboard.
    view.photo_list.setFocus()
    for photo_id in (6, 1):
        view.photo_list.setCurrentIndex(row_of(view, photo_id))
        qtbot.keyClick(view.photo_list, Qt.Key.Key_Space)
    assert sorted(ticked(view)) == [1, 4, 5]
    assert view.chosen_label.text() == "3 of 6 photos"
    view.refresh()  # the person's choice survives a refresh
    assert sorted(ticked(view)) == [1, 4, 5]

    qtbot.mouseClick(view.all_button, Qt.MouseButton.LeftButton)
    assert sorted(ticked(view)) == [1, 2, 3, 4, 5, 6]
    qtbot.mouseClick(view.none_button, Qt.MouseButton.LeftButton)
    assert ticked(view) == []
    assert view.chosen_label.text() == "0 of 6 photos"
    qtbot.mouseClick(view.latest_button, Qt.MouseButton.LeftButton)
    assert sorted(ticked(view)) == [4, 5, 6]


def test_the_bundle_holds_the_ticked_photos(
    qtbot: QtBot, photo_window: MainWindow, fake_prompts: FakePrompts, out: Path
) -> None:
    view = export_view(photo_window)
    view.choices.setData(row_of(view, 6), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    fake_prompts.export_paths.append(out / "clinic")
    click_and_wait(qtbot, view, view.bundle_button)
    target = out / "clinic.zip"
    assert fake_prompts.export_asked[0][0] == "Save the clinician bundle"
    assert fake_prompts.export_asked[0][1].name.startswith("Hair journal for the clinic ")
    with zipfile.ZipFile(target) as archive:
        photos = sorted(n for n in archive.namelist() if n.startswith("photos/"))
    assert photos == ["photos/2026-04-06 frontal.jpg", "photos/2026-05-04 vertex.jpg"]
    assert f"and 2 photos) was saved as {target}." in view.status.text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_another_journal_starts_again_from_its_latest_photos(
    qtbot: QtBot, sample_path: Path, photo_window: MainWindow
) -> None:
    view = export_view(photo_window)
    qtbot.mouseClick(view.none_button, Qt.MouseButton.LeftButton)
    assert ticked(view) == []
    assert photo_window.open_path(sample_path)
    assert ticked(view) == [1]  # the sample journal's one photo
    assert view.chosen_label.text() == "1 of 1 photo"


def test_the_photo_list_is_a_sound_item_model(
    qtmodeltester: object, photo_window: MainWindow
) -> None:
    view = export_view(photo_window)
    qtmodeltester.check(view.choices)  # type: ignore[attr-defined]


def test_without_photos_the_bundle_says_what_it_will_hold(
    qtbot: QtBot, tmp_path: Path, fake_prompts: FakePrompts
) -> None:
    path = tmp_path / "journals" / "new.hairjournal"
    create_journal(path, title="New", condition=Condition.TE).close()
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(path)
    try:
        view = export_view(main)
        assert not view.photo_list.isVisible()
        assert view.no_photos.isVisible()
        assert "the bundle will hold the summary and the CSV files" in view.no_photos.text()
        assert not view.all_button.isEnabled()
        assert view.bundle_button.isEnabled()
    finally:
        main.close_journal()
