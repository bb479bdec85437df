"""The photo viewer: the full photo decoded off the GUI thread, zoom and pan, previous and next,
details edited and photos deleted through the undo history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ScalpRegion
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, open_journal
from hairjournal.ui.history import History
from hairjournal.ui.photo_viewer import PhotoViewer
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts
from tests.ui.photo_journal import SHOTS, Shot, write_photo_journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = tmp_path / "viewer.hairjournal"
    write_photo_journal(path)
    with open_journal(path) as opened:
        yield opened


@pytest.fixture
def history() -> History:
    return History()


def open_viewer(qtbot: QtBot, history: History, photo_id: int, ids: list[int]) -> PhotoViewer:
    viewer = PhotoViewer(history, ids, photo_id)
    qtbot.addWidget(viewer)
    viewer.resize(900, 640)
    viewer.show()
    qtbot.waitExposed(viewer)
    wait_for_picture(qtbot, viewer)
    return viewer


def wait_for_picture(qtbot: QtBot, viewer: PhotoViewer) -> None:
    qtbot.waitUntil(lambda: not viewer.loading(), timeout=20_000)


IDS = [1, 2, 3, 4, 5, 6]


def test_opens_on_the_photo_with_its_details_and_decodes_the_full_photo(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = PhotoViewer(history, IDS, 5)
    qtbot.addWidget(viewer)
    viewer.show()
    # At once: the stored thumbnail (at most 384 pixels) while the original is decoded.
    assert viewer.loading()
    assert viewer.canvas.has_picture()
    assert viewer.canvas.levels[0].width() <= 384
    with qtbot.waitSignal(viewer.picture_loaded, timeout=20_000) as loaded:
        pass
    assert loaded.args == [5]
    assert viewer.canvas.levels[0].size().toTuple() == SHOTS[4].size  # full resolution
    assert viewer.title.text() == "Vertex (crown) · 4 May 2026, 08:00"
    assert viewer.position.text() == "5 of 6"
    assert viewer.details.region.value() is ScalpRegion.VERTEX
    assert viewer.details.taken_on.value() == dt.date(2026, 5, 4)
    assert "640 \N{MULTIPLICATION SIGN} 480 pixels, JPEG" in viewer.details.file.text()


def test_exif_orientation_is_applied_when_shown(
    qtbot: QtBot, tmp_path: Path, history: History
) -> None:
    path = tmp_path / "turned.hairjournal"
    turned = Shot(ScalpRegion.OCCIPITAL, dt.datetime(2026, 1, 5, 9), (400, 300), orientation=6)
    write_photo_journal(path, (turned,))
    with open_journal(path):
        viewer = open_viewer(qtbot, history, 1, [1])
        assert viewer.canvas.levels[0].size().toTuple() == (300, 400)
        assert viewer.canvas.picture_size.toTuple() == (300, 400)


def test_a_large_photo_gets_smaller_copies_for_drawing_zoomed_out(
    qtbot: QtBot, tmp_path: Path, history: History
) -> None:
    path = tmp_path / "large.hairjournal"
    write_photo_journal(path, (Shot(ScalpRegion.VERTEX, dt.datetime(2026, 1, 5), (4000, 3000)),))
    with open_journal(path):
        viewer = open_viewer(qtbot, history, 1, [1])
        sizes = [image.size().toTuple() for image in viewer.canvas.levels]
        assert sizes == [(4000, 3000), (2000, 1500)]
        assert viewer.canvas.fitting
        assert viewer.canvas.scale < 0.25


def test_previous_and_next_by_keys_and_buttons(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 2, IDS)
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Right)
    assert viewer.current_id() == 3
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageDown)
    assert viewer.current_id() == 4
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_PageUp)
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Left)
    assert viewer.current_id() == 2
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    assert viewer.current_id() == 1
    assert not viewer.previous_button.isEnabled()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Left)  # nothing before the first
    assert viewer.current_id() == 1
    for _ in range(5):
        qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.current_id() == 6
    assert viewer.position.text() == "6 of 6"
    assert not viewer.next_button.isEnabled()
    assert viewer.canvas.hasFocus()  # a clicked button leaves the arrow keys to the photo
    wait_for_picture(qtbot, viewer)
    assert viewer.canvas.levels[0].size().toTuple() == SHOTS[5].size


def test_zoom_with_keys_buttons_and_the_wheel_and_pan_by_dragging(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 5, IDS)  # 640 x 480
    canvas = viewer.canvas
    fitted = canvas.scale
    assert canvas.fitting
    assert canvas.picture_rect().width() <= canvas.width()

    qtbot.keyClick(canvas, Qt.Key.Key_1)
    assert canvas.scale == 1.0
    assert viewer.zoom_label.text() == "100%"
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.scale == pytest.approx(1.25)
    qtbot.mouseClick(viewer.zoom_out_button, Qt.MouseButton.LeftButton)
    assert canvas.scale == pytest.approx(1.0)
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert canvas.scale == pytest.approx(1.5625)

    # Dragging moves the picture with the pointer.
    before = canvas.picture_rect()
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(-40, -30))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(-40, -30))
    after = canvas.picture_rect()
    assert (after.left() - before.left(), after.top() - before.top()) == (-40, -30)

    # The wheel zooms about the pointer: the photo point under it stays put.
    pointer = QPointF(200, 150)
    under = canvas.to_photo(pointer)
    wheel_up(canvas, pointer)
    assert canvas.scale == pytest.approx(1.5625 * 1.25)
    assert canvas.to_photo(pointer).x() == pytest.approx(under.x())
    assert canvas.to_photo(pointer).y() == pytest.approx(under.y())

    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.fitting
    assert canvas.scale == pytest.approx(fitted)
    qtbot.mouseClick(viewer.actual_button, Qt.MouseButton.LeftButton)
    assert canvas.scale == 1.0
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert canvas.scale == pytest.approx(fitted)


def wheel_up(widget: QApplication, at: QPointF) -> None:
    event = QWheelEvent(
        at,
        widget.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_fitted_photo_cannot_be_dragged_away(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 1, IDS)
    canvas = viewer.canvas
    before = canvas.picture_rect()
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(100, 80))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 80))
    assert canvas.picture_rect() == before
    assert canvas.fitting


def test_editing_notes_region_and_day_saves_through_the_history(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 3, IDS)
    details = viewer.details
    assert not details.save_button.isEnabled()
    details.notes.setFocus()
    qtbot.keyClicks(details.notes, "Shorter hairs at the crown")
    details.region.set_value(ScalpRegion.MIDLINE_PART)
    details.taken_on.set_value(dt.date(2026, 4, 8))
    assert details.save_button.isEnabled()
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)

    row = read_journal(journal.path, "SELECT notes, region, taken_at FROM photo WHERE id = 3")
    assert row == [("Shorter hairs at the crown", "midline_part", "2026-04-08 08:00:00")]
    assert viewer.title.text().startswith("Midline part · 8 Apr 2026")
    assert not details.save_button.isEnabled()
    assert history.stack.count() == 1

    history.stack.undo()
    row = read_journal(journal.path, "SELECT notes, region, taken_at FROM photo WHERE id = 3")
    assert row == [("", "vertex", "2026-04-06 08:00:00")]


def test_unsaved_notes_are_saved_when_moving_on_or_closing(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 1, IDS)
    qtbot.keyClicks(viewer.details.notes, "first")
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(viewer.details.notes, "second")
    viewer.close()
    notes = read_journal(journal.path, "SELECT id, notes FROM photo WHERE notes != '' ORDER BY id")
    assert notes == [(1, "first"), (2, "second")]
    wait_for_picture(qtbot, viewer)


def test_delete_asks_first_then_shows_the_next_photo_and_undo_brings_it_back(
    qtbot: QtBot, journal: OpenJournal, history: History, fake_prompts: FakePrompts
) -> None:
    viewer = open_viewer(qtbot, history, 3, IDS)
    fake_prompts.confirm_answers.append(False)
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Delete)
    assert fake_prompts.questions[-1].startswith("Delete the vertex (crown) photo of 6 Apr 2026?")
    assert read_journal(journal.path, "SELECT count(*) FROM photo") == [(6,)]

    fake_prompts.confirm_answers.append(True)
    qtbot.mouseClick(viewer.details.delete_button, Qt.MouseButton.LeftButton)
    assert read_journal(journal.path, "SELECT count(*) FROM photo WHERE id = 3") == [(0,)]
    assert read_journal(journal.path, "SELECT count(*) FROM photo_original") == [(5,)]
    assert viewer.current_id() == 4
    assert viewer.position.text() == "3 of 5"
    assert viewer.status.text() == "Deleted the vertex (crown) photo of 6 Apr 2026."
    assert viewer.undo_button.isVisible()
    wait_for_picture(qtbot, viewer)

    qtbot.mouseClick(viewer.undo_button, Qt.MouseButton.LeftButton)
    assert read_journal(journal.path, "SELECT count(*) FROM photo_original") == [(6,)]
    assert viewer.current_id() == 3
    assert viewer.position.text() == "3 of 6"
    assert not viewer.undo_button.isVisible()
    wait_for_picture(qtbot, viewer)
    assert viewer.canvas.levels[0].size().toTuple() == SHOTS[2].size


def test_deleting_the_only_photo_leaves_an_empty_viewer(
    qtbot: QtBot, journal: OpenJournal, history: History, fake_prompts: FakePrompts
) -> None:
    viewer = open_viewer(qtbot, history, 6, [6])
    fake_prompts.confirm_answers.append(True)
    assert viewer.delete_current()
    assert viewer.current_id() is None
    assert viewer.canvas.message == "No photos left to show."
    assert not viewer.details.delete_button.isEnabled()
    viewer.undo()
    assert viewer.current_id() == 6


def test_a_photo_whose_file_cannot_be_decoded_says_so(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    models.PhotoOriginal.update(data=b"\xff\xd8\xff broken").where(
        models.PhotoOriginal.photo == 2
    ).execute()
    viewer = open_viewer(qtbot, history, 2, IDS)
    assert not viewer.canvas.has_picture()
    assert viewer.canvas.message.startswith("This photo cannot be shown.")


def test_ctrl_z_forgets_typing_first_then_undoes_the_last_change(
    qtbot: QtBot, journal: OpenJournal, history: History, fake_prompts: FakePrompts
) -> None:
    viewer = open_viewer(qtbot, history, 4, IDS)
    fake_prompts.confirm_answers.append(True)
    viewer.delete_current()  # now on photo 5
    wait_for_picture(qtbot, viewer)
    viewer.details.region.set_value(ScalpRegion.OTHER)  # an edit not saved
    assert not viewer.undo_button.isVisible()  # Undo would now mean the edit
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert viewer.details.region.value() is ScalpRegion.VERTEX  # the edit is forgotten
    assert viewer.current_id() == 5
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert viewer.current_id() == 4  # the delete is undone
    assert read_journal(journal.path, "SELECT count(*) FROM photo") == [(6,)]
    wait_for_picture(qtbot, viewer)


def test_arrow_keys_in_the_notes_move_the_cursor_not_the_photo(
    qtbot: QtBot, journal: OpenJournal, history: History
) -> None:
    viewer = open_viewer(qtbot, history, 2, IDS)
    viewer.details.notes.setFocus()
    qtbot.keyClicks(viewer.details.notes, "ab")
    qtbot.keyClick(viewer.details.notes, Qt.Key.Key_Left)
    qtbot.keyClicks(viewer.details.notes, "X")
    assert viewer.details.notes.toPlainText() == "aXb"
    assert viewer.current_id() == 2
