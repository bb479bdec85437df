"""The packaged build (``make package``) run as a person runs it: commands, a demo, every view.

Not part of ``make test``, because the build takes minutes: ``make package-test`` builds the app
and runs this file. ``HAIRJOURNAL_BUILD=FOLDER`` tests another build than dist/hairjournal.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pytestqt.qtbot import QtBot

from hairjournal import APP_NAME, __version__
from hairjournal.cli import VIEWS
from hairjournal.commands import command_modules, command_name
from hairjournal.store.journal import inspect_journal, lock_path
from tests.packaging.desktop_files import (
    ROOT,
    THEME_SIZES,
    assert_theme_icons,
    exec_arguments,
    read_entry,
    validate,
)
from tests.photo_files import write_image, write_jpeg

BUILD = Path(os.environ.get("HAIRJOURNAL_BUILD", ROOT / "dist" / "hairjournal")).absolute()
PROGRAM = BUILD / ("hairjournal.exe" if sys.platform == "win32" else "hairjournal")
SIZE = (1024, 700)
LINUX = sys.platform.startswith("linux")
DEMO_TITLE = "Demo journal"


@pytest.fixture
def program() -> Path:
    if not PROGRAM.is_file():
        pytest.fail(f"there is no build at {BUILD}: run 'make package' first")
    return PROGRAM


def run(*arguments: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(argument) for argument in arguments],
        env=dict(os.environ) if env is None else env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_clean(result: subprocess.CompletedProcess, status: int = 0) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert "PYI-" not in result.stderr  # the frozen program's own loader reports no failure


@pytest.fixture
def demo(program: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.hairjournal"
    result = run(program, "demo", path, "--no-photos", "--end", dt.date.today().isoformat())
    assert_clean(result)
    assert result.stdout.startswith(f"Wrote a demo journal to {path}: 273 days, ")
    assert inspect_journal(path).healthy
    return path


def test_help_lists_every_command_of_the_source(program: Path) -> None:
    result = run(program, "--help")
    assert_clean(result)
    listed = re.findall(r"^ {4}([a-z][a-z-]*)\b", result.stdout, flags=re.MULTILINE)
    expected = [command_name(module) for module in command_modules()]
    assert {"demo", "check", "add-photos"} <= set(expected)
    assert listed == expected
    for name in expected:  # each command's own options are built inside the frozen program
        assert_clean(run(program, name, "--help"))
    version = run(program, "--version")
    assert_clean(version)
    assert version.stdout.strip() == f"{APP_NAME} {__version__}"


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_looks_exactly_as_it_does_from_source(
    program: Path, demo: Path, tmp_path: Path, view: str
) -> None:
    built, source = tmp_path / "built.png", tmp_path / "source.png"
    size = "x".join(map(str, SIZE))
    screenshot = ("--journal", demo, "--view", view, "--size", size, "--screenshot")
    assert_clean(run(program, *screenshot, built))
    assert_clean(run(sys.executable, "-m", "hairjournal", *screenshot, source))
    with Image.open(built) as picture, Image.open(source) as reference:
        assert picture.format == "PNG"
        assert picture.size == SIZE
        assert len(picture.getcolors(maxcolors=1 << 20) or []) > 20  # a real picture, not a blank
        # Same pixels: no font, icon, image plug-in or reference table is missing from the build.
        assert (
            ImageChops.difference(picture.convert("RGB"), reference.convert("RGB")).getbbox()
            is None
        )


def test_photos_are_imported_in_worker_processes(program: Path, demo: Path, tmp_path: Path) -> None:
    heic = write_image(tmp_path / "crown.heic", "HEIF", seed=1, taken=dt.datetime(2026, 5, 1, 9))
    jpeg = write_jpeg(tmp_path / "crown.jpg", seed=2, taken=dt.datetime(2026, 6, 1, 9))
    broken = tmp_path / "notes.jpg"
    broken.write_text("not a photo")
    result = run(program, "add-photos", demo, heic, jpeg, broken, "--region", "vertex")
    assert_clean(result, status=1)  # one file refused
    assert "crown.heic: imported" in result.stdout
    assert "crown.jpg: imported" in result.stdout
    assert "notes.jpg: refused, the file is not an image" in result.stdout
    check = run(program, "check", demo)
    assert_clean(check)
    assert "Photos: 2 " in check.stdout


def test_the_clinician_summary_is_written(program: Path, demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    assert_clean(run(program, "report", demo, "--out", pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = run("pdftotext", pdf, "-").stdout
        assert DEMO_TITLE in text


@pytest.mark.skipif(not LINUX, reason="the names of Qt's Linux plug-ins")
def test_the_build_carries_qt_plugins_for_every_kind_of_screen() -> None:
    plugins = BUILD / "_internal" / "PySide6" / "Qt" / "plugins"
    present = {path.relative_to(plugins).as_posix() for path in plugins.rglob("*.so")}
    assert {
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforms/libqminimal.so",
        "imageformats/libqjpeg.so",
        "imageformats/libqwebp.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",  # the window icon is an SVG
    } <= present
    assert any(name.startswith("wayland-shell-integration/") for name in present)
    assert "platformthemes/libqgtk3.so" not in present
    assert (BUILD / "_internal" / "resources" / "reference" / "timelines.csv").is_file()


@pytest.mark.skipif(not LINUX, reason="an X server in memory (Xvfb) is a Linux tool")
def test_the_window_opens_the_journal_it_is_given_on_x11(
    program: Path, demo: Path, qtbot: QtBot
) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian: apt-get install xvfb xauth)")
    with subprocess.Popen(
        [xvfb, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            readable, _, _ = select.select([server.stdout], [], [], 60)
            assert readable, "Xvfb did not start"
            env = dict(os.environ, DISPLAY=":" + server.stdout.readline().strip())
            env.pop("QT_QPA_PLATFORM", None)  # the real X11 plug-in, as on a desktop
            show_window(program, demo, env, qtbot)
        finally:
            server.terminate()
    assert inspect_journal(demo).healthy


def show_window(program: Path, journal: Path, env: dict[str, str], qtbot: QtBot) -> None:
    """Start the window on ``journal``, wait until it has the journal open, then end it."""
    with subprocess.Popen(
        [str(program), "--journal", str(journal)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as window:
        try:
            opened = lock_path(journal)
            qtbot.waitUntil(lambda: opened.exists() or window.poll() is not None, timeout=60_000)
            assert window.poll() is None, window.communicate()[1]
            if shutil.which("xwininfo"):
                title = f"{APP_NAME} — {DEMO_TITLE} ({journal.name})"
                qtbot.waitUntil(
                    lambda: title in run("xwininfo", "-root", "-tree", env=env).stdout,
                    timeout=60_000,
                )
        finally:
            window.send_signal(signal.SIGTERM)
            window.communicate(timeout=60)


def test_the_build_adds_itself_to_the_desktop(program: Path, tmp_path: Path) -> None:
    installer = BUILD / "_internal" / "packaging" / "install_desktop.py"
    data = tmp_path / "data"
    result = run(
        sys.executable, installer, "install", env=dict(os.environ, XDG_DATA_HOME=str(data))
    )
    assert_clean(result)
    entry_path = data / "applications" / "hairjournal.desktop"
    entry = read_entry(entry_path)
    assert exec_arguments(entry, None) == [str(program.resolve()), "--journal"]
    assert_theme_icons(data / "icons" / "hicolor")
    assert len(list((data / "icons" / "hicolor").glob("*/apps/*.png"))) == len(THEME_SIZES)
    validate("desktop-file-validate", entry_path, package="desktop-file-utils")
