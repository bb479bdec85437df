"""The composition root: screenshots, the error hook, resources, and the window's whole life."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import hairjournal
from hairjournal import app
from hairjournal.cli import VIEWS
from hairjournal.services.demo import write_demo
from hairjournal.store import locations
from hairjournal.store.journal import lock_path, open_journal
from hairjournal.ui import style
from hairjournal.ui.main_window import MainWindow
from tests.journal_files import make_journal
from tests.ui.compare_photos import store_pair
from tests.ui.fake_prompts import FakePrompts
from tests.ui.sample_journal import write_sample


@pytest.fixture(autouse=True)
def fake_prompts(monkeypatch: pytest.MonkeyPatch) -> FakePrompts:
    return FakePrompts().install(monkeypatch)


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.hairjournal"
    write_demo(path, seed=2, end=dt.date.today(), photos=False)
    return path


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def read_png(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable PNG"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return image


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_every_view(
    qapp: QApplication, demo_journal: Path, tmp_path: Path, view: str
) -> None:
    out = tmp_path / "shots" / f"{view}.png"
    assert app.render_screenshot(out, view, (1280, 800), demo_journal) == 0
    image = read_png(out)
    assert (image.width(), image.height()) == (1280, 800)
    assert distinct_colours(image) > 5
    assert not locations.settings_file().exists()  # screenshots neither read nor write settings
    assert not lock_path(demo_journal).exists()  # the journal was closed again


@pytest.mark.parametrize("size", [(320, 240), (1920, 1080), (1000, 1400)])
def test_screenshot_has_exactly_the_size_asked_for(
    qapp: QApplication, demo_journal: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    out = tmp_path / "dashboard.png"
    assert app.render_screenshot(out, "dashboard", size, demo_journal) == 0
    image = read_png(out)
    assert (image.width(), image.height()) == size
    assert distinct_colours(image, step=3) > 5


def test_screenshot_with_no_journal_at_all_shows_the_welcome(
    qapp: QApplication, tmp_path: Path
) -> None:
    out = tmp_path / "welcome.png"
    assert app.render_screenshot(out, "dashboard", (1024, 700), None) == 0
    image = read_png(out)
    assert (image.width(), image.height()) == (1024, 700)
    assert distinct_colours(image) > 5
    assert not locations.default_journal_path().exists()  # a screenshot creates nothing
    assert not locations.settings_file().exists()


def test_screenshot_without_journal_option_uses_the_default_journal(
    qapp: QApplication, tmp_path: Path
) -> None:
    write_sample(locations.default_journal_path(), dt.date.today())
    implicit, explicit, welcome = (tmp_path / f"{n}.png" for n in ("a", "b", "c"))
    assert app.render_screenshot(implicit, "dashboard", (900, 600), None) == 0
    assert (
        app.render_screenshot(explicit, "dashboard", (900, 600), locations.default_journal_path())
        == 0
    )
    locations.default_journal_path().unlink()
    assert app.render_screenshot(welcome, "dashboard", (900, 600), None) == 0
    assert read_png(implicit) == read_png(explicit)
    assert read_png(implicit) != read_png(welcome)


def test_screenshot_of_a_refused_journal_fails_with_the_reason(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.hairjournal"
    text.write_text("not a journal")
    out = tmp_path / "never.png"
    assert app.render_screenshot(out, "dashboard", (800, 600), text) != 0
    assert "notes.hairjournal is not a Hair Journal file" in capsys.readouterr().err
    assert not out.exists()
    assert text.read_text() == "not a journal"


def test_resources_are_found_beside_the_package_and_in_a_frozen_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert (app.resources_folder() / "icons" / "hairjournal.svg").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert app.resources_folder() == tmp_path / "resources"


def test_the_application_has_its_names_and_icon(qapp: QApplication) -> None:
    created = app.create_application()
    assert created is qapp
    assert created.applicationName() == "HairJournal"
    assert created.organizationName() == "HairJournal"
    icon = created.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert distinct_colours(image, step=2) > 5


def test_uncaught_errors_are_shown_in_a_dialog(
    qapp: QApplication, fake_prompts: FakePrompts, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sys.excepthook
    restore = app.install_excepthook()
    try:
        assert sys.excepthook is not before
        try:
            raise ValueError("the journal was fine, this is a bug")
        except ValueError as error:
            sys.excepthook(ValueError, error, error.__traceback__)
    finally:
        restore()
    assert sys.excepthook is before
    [details] = fake_prompts.unexpected
    assert "ValueError: the journal was fine, this is a bug" in details
    assert "Traceback" in details
    assert "this is a bug" in capsys.readouterr().err


def test_an_error_in_a_slot_is_logged_and_the_dialog_says_where(
    qapp: QApplication,
    qtbot: QtBot,
    fake_prompts: FakePrompts,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken_slot() -> None:
        raise ZeroDivisionError("a slot that divides by zero")

    restore = app.install_excepthook()
    try:
        QTimer.singleShot(0, broken_slot)  # from the event loop, as a click's slot runs
        qtbot.waitUntil(lambda: bool(fake_prompts.unexpected))
    finally:
        restore()
    log = locations.log_folder() / "errors.log"
    assert fake_prompts.unexpected_logs == [log]
    text = log.read_text()
    assert "ZeroDivisionError: a slot that divides by zero" in text
    assert "in broken_slot" in text  # the traceback
    assert f"Hair Journal {hairjournal.__version__}; Python " in text
    assert text.splitlines()[1].startswith("Time: ")
    [details] = fake_prompts.unexpected
    assert details in text  # the dialog shows what the log holds
    assert "a slot that divides by zero" in capsys.readouterr().err


def test_a_screenshot_under_a_dark_scheme_is_dark(
    qapp: QApplication, demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    light = tmp_path / "light.png"
    assert app.render_screenshot(light, "charts", (900, 600), demo_journal) == 0
    before = qapp.palette()
    scheme = qapp.findChild(style.ColourScheme)
    monkeypatch.setattr(scheme, "forced", Qt.ColorScheme.Dark)
    try:
        scheme.follow()
        dark = tmp_path / "dark.png"
        assert app.render_screenshot(dark, "charts", (900, 600), demo_journal) == 0
    finally:
        qapp.setPalette(before)
    assert mean_lightness(read_png(dark)) < 100 < mean_lightness(read_png(light))


def mean_lightness(image: QImage) -> float:
    points = [(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)]
    return sum(image.pixelColor(x, y).lightness() for x, y in points) / len(points)


def test_the_compare_screenshot_shows_the_first_and_latest_photo(
    qapp: QApplication, tmp_path: Path
) -> None:
    journal = make_journal(tmp_path / "photos.hairjournal")
    with open_journal(journal):
        store_pair(tmp_path)
    out = tmp_path / "compare.png"
    assert app.render_screenshot(out, "compare", (1280, 800), journal) == 0
    image = read_png(out)
    # The earlier photo is tinted red, the later blue (tests/ui/compare_photos.py), side by side.
    left, right = image.copy(0, 0, 640, 800), image.copy(640, 0, 640, 800)
    assert share_of(left, reddish) > 0.1
    assert share_of(right, bluish) > 0.1
    assert share_of(left, bluish) < 0.02


def reddish(red: int, green: int, blue: int) -> bool:
    return red > blue + 40 and red > green + 20


def bluish(red: int, green: int, blue: int) -> bool:
    return blue > red + 40 and blue > green + 20


def share_of(image: QImage, kind: Callable[[int, int, int], bool]) -> float:
    points = [(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)]
    found = 0
    for x, y in points:
        colour = image.pixelColor(x, y)
        found += kind(colour.red(), colour.green(), colour.blue())
    return found / len(points)


def window_when_shown(qapp: QApplication) -> MainWindow:
    [window] = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def test_run_gui_opens_the_journal_and_releases_it_on_quit(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    journal = tmp_path / "mine.hairjournal"
    write_sample(journal, dt.date.today())
    seen: dict[str, object] = {}

    def look_then_quit() -> None:
        window = window_when_shown(qapp)
        if window.journal is None:  # the start runs from the event loop; look again shortly
            QTimer.singleShot(10, look_then_quit)
            return
        seen["title"] = window.windowTitle()
        seen["locked"] = lock_path(journal).exists()
        seen["week"] = window.views["dashboard"].findChild(QLabel, "courseWeek").text()
        window.quit_action.trigger()

    QTimer.singleShot(0, look_then_quit)
    assert app.run_gui(journal) == 0
    assert seen == {
        "title": "Hair Journal — Sample journal (mine.hairjournal)",
        "locked": True,
        "week": "Week 12 of Exosomes",
    }
    assert not lock_path(journal).exists()
    assert locations.settings_file().exists()  # geometry saved on the way out


def test_run_gui_first_run_then_quit_leaves_nothing_behind(qapp: QApplication) -> None:
    def quit_first_run() -> None:
        window = window_when_shown(qapp)
        if window.first_run_page is None:
            QTimer.singleShot(10, quit_first_run)
            return
        window.first_run_page.quit_button.click()

    QTimer.singleShot(0, quit_first_run)
    assert app.run_gui(None) == 0
    assert not locations.default_journal_path().exists()
