"""The composition root: screenshots, the error hook, resources, and the window's whole life."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hairjournal import app
from hairjournal.cli import VIEWS
from hairjournal.services.demo import write_demo
from hairjournal.store import locations
from hairjournal.store.journal import lock_path
from hairjournal.ui.main_window import MainWindow
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
