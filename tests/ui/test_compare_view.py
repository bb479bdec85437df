"""The compare view driven as a person would: pairs, modes, the wipe, the overlay, alignment."""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.core.landmarks import Alignment
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui import compare_loader
from hairjournal.ui.compare_view import CompareView
from hairjournal.ui.history import History
from hairjournal.ui.landmark_picker import LandmarkPicker
from hairjournal.ui.photo_pair_canvas import Mode
from tests.photo_files import write_jpeg
from tests.ui.compare_photos import CAMERA_MOVE, LANDMARKS, SIZE, later_landmarks, store_pair
from tests.ui.photo_journal import store_photo


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = tmp_path / "compare.hairjournal"
    with create_journal(path, title="Compare", condition=Condition.AGA_MALE) as opened:
        yield opened


@pytest.fixture
def pair(journal: OpenJournal, tmp_path: Path) -> tuple[int, int]:
    return store_pair(tmp_path)


@pytest.fixture
def view(qtbot: QtBot, journal: OpenJournal) -> CompareView:
    shown = CompareView(History())
    qtbot.addWidget(shown)
    shown.resize(1100, 660)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def refreshed(qtbot: QtBot, view: CompareView) -> CompareView:
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        view.refresh()
    return view


def colour_at(view: CompareView, fraction_x: float, fraction_y: float = 0.5) -> QColor:
    """The colour on screen at a place in the earlier photo's rectangle (wipe and overlay)."""
    rect = view.canvas.photo_rect()
    image = view.canvas.grab().toImage()
    x = rect.left() + fraction_x * rect.width()
    y = rect.top() + fraction_y * rect.height()
    return QColor(image.pixel(round(x), round(y)))


def tint(colour: QColor) -> str:
    """Which photo a pixel belongs to: the earlier is tinted red, the later blue."""
    if colour.red() > colour.blue() + 30:
        return "earlier"
    return "later" if colour.blue() > colour.red() + 30 else "neither"


def test_first_and_latest_photos_side_by_side_with_the_honest_note(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    assert (view.before_box.currentData(), view.after_box.currentData()) == pair
    assert view.before_box.currentText() == "2 Mar 2026"
    assert view.region_box.currentText() == "Vertex (crown) (2 photos)"
    assert view.canvas.mode is Mode.SIDE_BY_SIDE
    assert view.canvas.captions == ("Before · 2 Mar 2026", "After · 7 Sep 2026, 6 months later")
    image = view.canvas.grab().toImage()
    middle = image.height() // 2
    assert tint(QColor(image.pixel(image.width() // 4, middle))) == "earlier"
    assert tint(QColor(image.pixel(3 * image.width() // 4, middle))) == "later"
    assert "Not lined up" in view.status.text()
    assert "22 %" in view.note.text()
    assert view.note.isVisible()


def test_modes_switch_by_buttons_and_number_keys(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    qtbot.mouseClick(view.mode_buttons["wipe"], Qt.MouseButton.LeftButton)
    assert view.canvas.mode is Mode.WIPE
    assert view.split_slider.isVisible()
    assert not view.opacity_slider.isVisible()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_3)
    assert view.canvas.mode is Mode.OVERLAY
    assert view.opacity_slider.isVisible()
    assert view.mode_buttons["overlay"].isChecked()
    qtbot.keyClick(view.canvas, Qt.Key.Key_4)
    assert view.pages.currentWidget() is view.align_panel
    assert not view.status.isVisible()
    qtbot.keyClick(view.align_panel.before, Qt.Key.Key_1)
    assert view.pages.currentWidget() is view.canvas
    assert view.canvas.mode is Mode.SIDE_BY_SIDE
    assert not view.split_slider.isVisible()


def drag_to(widget: QWidget, position: QPointF) -> None:
    """A move with the left button held (QTest's mouseMove cannot hold a button)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        position,
        widget.mapToGlobal(position),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_the_wipe_moves_by_keys_slider_click_and_drag(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    view.set_mode("wipe")
    assert tint(colour_at(view, 0.3)) == "earlier"
    assert tint(colour_at(view, 0.7)) == "later"
    for _ in range(5):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.canvas.split == pytest.approx(0.6)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.canvas.split == pytest.approx(0.7)
    assert view.split_slider.value() == 700
    assert tint(colour_at(view, 0.65)) == "earlier"
    view.split_slider.setValue(200)
    assert view.canvas.split == pytest.approx(0.2)
    assert tint(colour_at(view, 0.3)) == "later"
    rect = view.canvas.photo_rect()
    at = QPointF(rect.left() + 0.9 * rect.width(), rect.center().y())
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert view.canvas.split == pytest.approx(0.9, abs=0.01)
    drag_to(view.canvas, QPointF(rect.left() + 0.4 * rect.width(), rect.center().y()))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton)
    assert view.canvas.split == pytest.approx(0.4, abs=0.01)
    assert view.split_slider.value() == pytest.approx(400, abs=10)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Home)  # not a wipe key: nothing moves
    assert view.canvas.split == pytest.approx(0.4, abs=0.01)


def test_the_overlay_opacity_follows_slider_and_keys(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    view.set_mode("overlay")
    view.opacity_slider.setValue(0)
    assert tint(colour_at(view, 0.5)) == "earlier"
    view.opacity_slider.setValue(100)
    assert tint(colour_at(view, 0.5)) == "later"
    assert "Later photo 100 %" in view.slider_hint.text()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.canvas.opacity == pytest.approx(0.98)
    assert view.opacity_slider.value() == 98
    assert "Later photo 98 %" in view.slider_hint.text()
    view.opacity_slider.setValue(50)
    middle = colour_at(view, 0.5)
    assert tint(middle) != "earlier"  # the two mixed: as much blue as red, give or take
    assert abs(middle.red() - middle.blue()) < 60


def click_on(qtbot: QtBot, picker: LandmarkPicker, point: tuple[float, float]) -> None:
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker.to_widget(point).toPoint())


def darkness_at_landmark(view: CompareView, landmark: tuple[float, float]) -> int:
    """How bright the screen is where the earlier photo has ``landmark`` (dark: a landmark)."""
    colour = colour_at(view, landmark[0] / SIZE[0], landmark[1] / SIZE[1])
    return colour.red() + colour.green() + colour.blue()


def test_aligning_by_three_landmarks_recovers_the_camera_move_and_can_be_undone(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int], journal: OpenJournal
) -> None:
    refreshed(qtbot, view)
    view.set_mode("wipe")
    view.canvas.set_split(0.3)  # the second landmark (at 78 % across) shows the later photo
    assert darkness_at_landmark(view, LANDMARKS[1]) > 300  # not lined up: the mole is elsewhere

    view.set_mode("align")
    panel = view.align_panel
    assert not panel.save_button.isEnabled()
    for before, after in zip(LANDMARKS, later_landmarks(), strict=True):
        click_on(qtbot, panel.before, before)
        click_on(qtbot, panel.after, after)
    assert "3 points on each photo" in panel.status.text()
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    stored = Alignment.from_json(models.Photo.get_by_id(pair[1]).landmarks)
    assert stored is not None
    assert stored.reference == pair[0]
    expected = CAMERA_MOVE.inverse()  # the later photo's pixels back onto the earlier one's
    assert stored.transform.scale == pytest.approx(expected.scale, rel=0.01)
    assert stored.transform.rotation_degrees == pytest.approx(-5.0, abs=0.3)
    corners = np.array([[0, 0], [SIZE[0], 0], [0, SIZE[1]], [SIZE[0], SIZE[1]]])
    assert np.abs(stored.transform.apply(corners) - expected.apply(corners)).max() < 5
    assert view.canvas.mode is Mode.WIPE
    assert view.canvas.aligned is not None
    assert "Lined up by 3 matching points" in view.status.text()
    view.canvas.set_split(0.3)
    assert darkness_at_landmark(view, LANDMARKS[1]) < 300  # the later photo's mole is on it
    assert tint(colour_at(view, 0.6)) == "later"

    view.history.stack.undo()
    qtbot.waitUntil(lambda: view.canvas.aligned is None and not view.canvas.message)
    assert models.Photo.get_by_id(pair[1]).landmarks is None
    assert "Not lined up" in view.status.text()
    assert darkness_at_landmark(view, LANDMARKS[1]) > 300


def test_two_points_align_and_aligning_again_starts_from_them(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    view.set_mode("align")
    panel = view.align_panel
    for before, after in list(zip(LANDMARKS, later_landmarks(), strict=True))[:2]:
        click_on(qtbot, panel.before, before)
        click_on(qtbot, panel.after, after)
    assert panel.save_button.isEnabled()
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        panel.save_button.click()
    view.set_mode("align")
    assert len(view.align_panel.before.points) == 2
    assert view.align_panel.remove_button.isVisible()
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        view.align_panel.remove_button.click()
    assert models.Photo.get_by_id(pair[1]).landmarks is None
    assert view.history.stack.count() == 2  # aligned, then forgotten: each undoable


def test_points_are_taken_back_one_at_a_time_and_bad_ones_explained(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    view.set_mode("align")
    panel = view.align_panel
    click_on(qtbot, panel.before, LANDMARKS[0])
    click_on(qtbot, panel.before, LANDMARKS[1])
    click_on(qtbot, panel.after, later_landmarks()[0])
    assert panel.status.text() == "Click point 2 on the later photo."
    qtbot.keyClick(panel.before, Qt.Key.Key_Backspace)
    assert (len(panel.before.points), len(panel.after.points)) == (2, 0)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert (len(panel.before.points), len(panel.after.points)) == (1, 0)
    assert panel.status.text() == "Click point 1 on the later photo."
    # The same spot twice on the later photo: no angle or scale can be read from it.
    click_on(qtbot, panel.before, LANDMARKS[2])
    click_on(qtbot, panel.after, later_landmarks()[0])
    click_on(qtbot, panel.after, later_landmarks()[0])
    assert "same spot" in panel.status.text()
    assert not panel.save_button.isEnabled()
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.before.points == panel.after.points == []
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert view.canvas.mode is Mode.WIPE
    assert models.Photo.get_by_id(pair[1]).landmarks is None


def test_a_fourth_click_and_clicks_beside_the_photo_add_nothing(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    view.set_mode("align")
    picker = view.align_panel.before
    for point in (*LANDMARKS, (600.0, 450.0)):
        click_on(qtbot, picker, point)
    assert len(picker.points) == 3
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert len(picker.points) == 3
    assert picker.points[0] == pytest.approx(LANDMARKS[0], abs=3)


def test_regions_dates_and_compare(
    qtbot: QtBot, view: CompareView, journal: OpenJournal, tmp_path: Path
) -> None:
    earlier, later = store_pair(tmp_path)
    middle = store_photo(
        write_jpeg(tmp_path / "middle.jpg", (600, 450), seed=4, taken=dt.datetime(2026, 5, 4)),
        ScalpRegion.VERTEX,
    )
    store_photo(
        write_jpeg(tmp_path / "front.jpg", (600, 450), seed=5, taken=dt.datetime(2026, 5, 5)),
        ScalpRegion.FRONTAL,
    )
    refreshed(qtbot, view)
    assert [view.region_box.itemText(i) for i in range(view.region_box.count())] == [
        "Vertex (crown) (3 photos)",
        "Frontal hairline (1 photo)",
    ]
    assert [view.after_box.itemText(i) for i in range(3)] == [
        "2 Mar 2026",
        "4 May 2026",
        "7 Sep 2026",
    ]
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        view.before_box.setCurrentIndex(1)
    assert view.pair == (middle, later)

    view.region_box.setCurrentIndex(1)
    assert "Only one photo of the frontal hairline so far (5 May 2026)" in view.canvas.message
    assert not view.mode_buttons["wipe"].isEnabled()
    assert not view.export_button.isEnabled()

    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        view.compare(earlier, middle)
    assert view.region_box.currentText().startswith("Vertex")
    assert view.pair == (earlier, middle)


def test_without_photos_the_view_says_what_to_do(qtbot: QtBot, view: CompareView) -> None:
    view.refresh()
    assert view.canvas.message.startswith("No photos to compare yet.")
    assert view.region_box.count() == 0
    view.set_mode("wipe")
    assert view.canvas.mode is Mode.SIDE_BY_SIDE  # nothing to wipe across


def test_photos_are_decoded_on_the_thread_pool_at_screen_size(
    qtbot: QtBot,
    view: CompareView,
    journal: OpenJournal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for number, day in enumerate((2, 9)):
        big = write_jpeg(
            tmp_path / f"{number}.jpg", (4000, 3000), seed=number, taken=dt.datetime(2026, 3, day)
        )
        store_photo(big, ScalpRegion.OCCIPITAL)
    threads: list[int] = []
    real = compare_loader.load_screen_photo

    def noting_the_thread(photo_id: int) -> object:
        threads.append(threading.get_ident())
        return real(photo_id)

    monkeypatch.setattr(compare_loader, "load_screen_photo", noting_the_thread)
    refreshed(qtbot, view)
    assert len(threads) == 2
    assert threading.get_ident() not in threads
    for image in (view.canvas.first, view.canvas.second):
        assert isinstance(image, QImage)
        assert (image.width(), image.height()) == (2000, 1500)


def test_unaligned_status_and_a_pair_of_one_photo(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int]
) -> None:
    refreshed(qtbot, view)
    with qtbot.waitSignal(view.photos_shown, timeout=20_000):
        view.after_box.setCurrentIndex(0)
    assert "same photo is chosen twice" in view.status.text()
    assert math.isclose(view.canvas.split, 0.5)


def test_another_journal_with_the_same_ids_shows_its_own_photos(
    qtbot: QtBot, view: CompareView, pair: tuple[int, int], journal: OpenJournal, tmp_path: Path
) -> None:
    refreshed(qtbot, view)
    assert tint(QColor(view.canvas.grab().toImage().pixel(200, 300))) == "earlier"
    journal.close()
    other = tmp_path / "other"
    other.mkdir()
    with create_journal(other / "b.hairjournal", title="B", condition=Condition.AA):
        ids = [
            store_photo(
                write_jpeg(other / f"{n}.jpg", (1200, 900), seed=n, taken=dt.datetime(2026, 4, n)),
                ScalpRegion.VERTEX,
            )
            for n in (1, 2)
        ]
        assert tuple(ids) == pair  # the same ids, other photos
        refreshed(qtbot, view)
        image = view.canvas.grab().toImage()
        assert tint(QColor(image.pixel(200, 300))) == "neither"
        assert view.canvas.captions[0] == "Before · 1 Apr 2026"
