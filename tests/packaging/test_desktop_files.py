"""The menu entry, app details, file type and icons of packaging/, read as a desktop reads them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtWidgets import QApplication

from hairjournal import __version__, app, cli
from hairjournal.store.journal import APPLICATION_ID
from tests.journal_files import make_journal, make_sqlite
from tests.packaging.desktop_files import (
    DESKTOP_ENTRY,
    ICONS,
    METAINFO,
    MIME_XML,
    PACKAGING,
    ROOT,
    THEME_SIZES,
    assert_theme_icons,
    exec_arguments,
    read_entry,
    validate,
)

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture
def entry() -> dict[str, str]:
    return read_entry(DESKTOP_ENTRY)


@pytest.fixture
def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


@pytest.fixture
def mime_type() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    (element,) = root.findall(f"{MIME}mime-type")
    return element


@pytest.fixture
def private_umask() -> Iterator[None]:
    """``cli.main`` sets the process's umask; give the rest of the test run its own back."""
    mask = os.umask(0o077)
    yield
    os.umask(mask)


def test_the_desktop_entry_passes_the_validator() -> None:
    report = validate("desktop-file-validate", DESKTOP_ENTRY, package="desktop-file-utils")
    assert "error" not in report, report
    assert "warning" not in report, report


def test_the_desktop_entry_starts_the_installed_command_with_its_icon(
    entry: dict[str, str], mime_type: ET.Element
) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    program = exec_arguments(entry, None)[0]
    assert program in project["gui-scripts"]
    assert entry["Icon"] == "hairjournal"
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    assert entry["MimeType"] == mime_type.get("type") + ";"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == DESKTOP_ENTRY.stem  # the name the window gives itself


def test_the_window_names_itself_after_the_desktop_entry(qapp: QApplication) -> None:
    """Wayland and the desktop's task switcher find the entry, and so the icon, by this name."""
    assert app.create_application().desktopFileName() == DESKTOP_ENTRY.stem


def test_the_exec_line_with_and_without_a_file_is_understood_by_the_app(
    entry: dict[str, str], tmp_path: Path
) -> None:
    parser = cli.build_parser()
    options = {option for action in parser._actions for option in action.option_strings}
    journal = tmp_path / "my journal.hairjournal"
    opening = exec_arguments(entry, journal)[1:]
    assert [argument for argument in opening if argument.startswith("-")] == ["--journal"]
    assert "--journal" in options
    parsed = parser.parse_args(opening)
    assert (parsed.journal, parsed.command, parsed.screenshot) == (journal, None, None)
    # Started from the menu with no file, a launcher drops %f and leaves "--journal" alone.
    assert exec_arguments(entry, None)[1:] == ["--journal"]
    parsed = parser.parse_args(["--journal"])
    assert (parsed.journal, parsed.command) == (None, None)


@pytest.mark.usefixtures("private_umask")
def test_the_menu_entry_opens_the_window_on_the_file_it_was_given(
    entry: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[Path | None] = []
    monkeypatch.setattr(app, "run_gui", lambda journal: opened.append(journal) or 0)
    journal = tmp_path / "mine.hairjournal"
    assert cli.main(exec_arguments(entry, journal)[1:]) == 0
    assert cli.main(exec_arguments(entry, None)[1:]) == 0  # no file: the user's own journal
    assert opened == [journal, None]


def test_the_app_details_pass_the_appstream_validator() -> None:
    validate("appstreamcli", "validate", "--no-net", METAINFO, package="appstream")


def test_the_app_details_match_the_app(
    metainfo: ET.Element, entry: dict[str, str], mime_type: ET.Element
) -> None:
    assert metainfo.get("type") == "desktop-application"
    assert metainfo.findtext("id") == "org.hairjournal.HairJournal"
    assert metainfo.findtext("name") == entry["Name"]
    assert metainfo.findtext("project_license") == "GPL-3.0-or-later"
    launchable = metainfo.find("launchable")
    assert launchable is not None
    assert launchable.text == DESKTOP_ENTRY.name
    assert metainfo.findtext("provides/binary") == exec_arguments(entry, None)[0]
    assert metainfo.findtext("provides/mediatype") == mime_type.get("type")
    assert metainfo.find("content_rating[@type='oars-1.1']") is not None
    releases = [release.get("version") for release in metainfo.iterfind("releases/release")]
    assert releases[0] == __version__  # the newest release first, and it is this version


def test_every_screenshot_in_the_app_details_is_one_of_the_readme_pictures(
    metainfo: ET.Element,
) -> None:
    shots = metainfo.findall("screenshots/screenshot")
    assert [shot.get("type") for shot in shots].count("default") == 1
    for shot in shots:
        address = shot.findtext("image") or ""
        assert address.startswith("https://")
        assert (ROOT / "resources" / "screenshots" / address.rsplit("/", 1)[-1]).is_file()
        assert shot.findtext("caption")


def test_the_file_type_is_known_by_its_name_and_by_the_journal_mark(
    mime_type: ET.Element, tmp_path: Path
) -> None:
    assert mime_type.get("type") == "application/x-hairjournal"
    assert [glob.get("pattern") for glob in mime_type.iter(f"{MIME}glob")] == ["*.hairjournal"]
    magic = mime_type.find(f"{MIME}magic")
    assert magic is not None
    (sqlite,) = magic
    assert (sqlite.get("type"), sqlite.get("offset"), sqlite.get("value")) == (
        "string",
        "0",
        "SQLite format 3\\000",
    )
    (mark,) = sqlite
    assert (mark.get("type"), mark.get("offset")) == ("big32", "68")
    assert int(mark.get("value") or "", 16) == APPLICATION_ID
    # Read where the magic looks, a real journal carries both; another program's SQLite file not.
    journal = make_journal(tmp_path / "real.hairjournal").read_bytes()
    other = make_sqlite(tmp_path / "other.sqlite").read_bytes()
    assert journal[:16] == other[:16] == SQLITE_HEADER
    assert int.from_bytes(journal[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(other[68:72], "big") != APPLICATION_ID


def test_the_icon_comes_in_every_size_of_the_icon_theme() -> None:
    assert_theme_icons(ICONS / "hicolor")
    svg = ET.parse(ICONS / "hairjournal.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"


@pytest.mark.slow
def test_the_icon_files_are_what_the_svg_renders_to(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(Path(line) for line in result.stdout.splitlines())
    assert len(written) == len(THEME_SIZES) + 2
    for relative in written:
        with Image.open(tmp_path / relative) as fresh, Image.open(ROOT / relative) as kept:
            assert fresh.size == kept.size
            assert fresh.info.get("sizes") == kept.info.get("sizes")
            difference = ImageChops.difference(fresh.convert("RGBA"), kept.convert("RGBA"))
            largest = max(high for _, high in difference.getextrema())
            assert largest <= 2, f"{relative} is out of date: run packaging/make_icons.py"


def test_the_windows_and_macos_icons_hold_the_sizes_those_systems_pick_from() -> None:
    with Image.open(PACKAGING / "icons" / "hairjournal.ico") as ico:
        assert ico.info["sizes"] == {(size, size) for size in (16, 24, 32, 48, 64, 128, 256)}
    with Image.open(PACKAGING / "icons" / "hairjournal.icns") as icns:
        assert {size[0] * size[2] for size in icns.info["sizes"]} >= {32, 64, 128, 256, 512, 1024}
