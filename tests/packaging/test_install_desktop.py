"""`make install-desktop` and `make uninstall-desktop` for a user with a temporary data folder."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.cli import build_parser
from tests.journal_files import make_journal, make_sqlite
from tests.packaging.desktop_files import (
    DESKTOP_ENTRY,
    ICONS,
    METAINFO,
    MIME_XML,
    ROOT,
    assert_theme_icons,
    exec_arguments,
    read_entry,
    require,
    validate,
)

# A program that stands in for hairjournal and writes down the arguments it was started with.
RECORDING_PROGRAM = """#!{python}
import json, os, sys
with open(os.environ["HAIRJOURNAL_ARGUMENTS"], "w") as record:
    json.dump(sys.argv[1:], record)
"""


@pytest.fixture
def data(private_home: Path) -> Path:
    """The user's data folder, as the desktop finds it (``$XDG_DATA_HOME``)."""
    return Path(os.environ["XDG_DATA_HOME"])


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in hairjournal in a folder whose name needs quoting on a command line."""
    path = tmp_path / 'Hair "Journal" apps' / "hairjournal"
    path.parent.mkdir()
    path.write_text(RECORDING_PROGRAM.format(python=sys.executable), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def make(target: str, *variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", target, *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def installed_files(data: Path) -> list[Path]:
    return sorted(
        path.relative_to(data)
        for path in data.rglob("*")
        if path.is_file() and ("hairjournal" in path.name or "HairJournal" in path.name)
    )


def test_install_puts_every_file_where_the_desktop_looks(data: Path, program: Path) -> None:
    result = make("install-desktop", f"APP={program}")
    assert result.returncode == 0, result.stderr
    assert f"The menu entry starts {program}." in result.stdout
    assert (data / "applications" / "hairjournal.desktop").is_file()
    assert (data / "icons/hicolor/scalable/apps/hairjournal.svg").read_bytes() == (
        ICONS / "hairjournal.svg"
    ).read_bytes()
    assert_theme_icons(data / "icons" / "hicolor")
    assert (data / "mime/packages/hairjournal.xml").read_bytes() == MIME_XML.read_bytes()
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()


def test_the_installed_entry_is_valid_and_starts_the_chosen_program(
    data: Path, program: Path, tmp_path: Path
) -> None:
    assert make("install-desktop", f"APP={program}").returncode == 0
    installed = data / "applications" / "hairjournal.desktop"
    validate("desktop-file-validate", installed, package="desktop-file-utils")
    entry, packaged = read_entry(installed), read_entry(DESKTOP_ENTRY)
    journal = tmp_path / "my journal.hairjournal"
    assert exec_arguments(entry, journal) == [str(program), "--journal", str(journal)]
    assert entry["TryExec"] == str(program)
    assert {key: value for key, value in entry.items() if key not in ("Exec", "TryExec")} == {
        key: value for key, value in packaged.items() if key != "Exec"
    }


def test_the_installed_tree_passes_the_appstream_validator(
    data: Path, program: Path, tmp_path: Path
) -> None:
    """The validator finds the details, the entry they launch and its icon as a distribution has
    them (``/usr/share`` of a root folder)."""
    assert make("install-desktop", f"APP={program}").returncode == 0
    root = tmp_path / "root"
    (root / "usr").mkdir(parents=True)
    (root / "usr" / "share").symlink_to(data, target_is_directory=True)
    report = validate(
        "appstreamcli", "validate-tree", "--no-net", "--pedantic", root, package="appstream"
    )
    assert METAINFO.name in report


def test_a_launcher_opens_a_journal_with_the_installed_entry(
    data: Path, program: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GLib's own launcher (``gio launch``) reads the entry as GNOME's file manager does."""
    gio = require("gio", package="libglib2.0-bin")
    assert make("install-desktop", f"APP={program}").returncode == 0
    installed = data / "applications" / "hairjournal.desktop"
    journal = tmp_path / "my journal.hairjournal"
    for file, expected in ((journal, ["--journal", str(journal)]), (None, ["--journal"])):
        record = tmp_path / f"arguments-{len(expected)}.json"
        monkeypatch.setenv("HAIRJOURNAL_ARGUMENTS", str(record))
        subprocess.run([gio, "launch", str(installed), *([str(file)] if file else [])], check=True)
        qtbot.waitUntil(lambda record=record: record.is_file() and record.stat().st_size > 0)
        arguments = json.loads(record.read_text(encoding="utf-8"))
        assert arguments == expected
        assert build_parser().parse_args(arguments).journal == file


def test_journals_are_recognised_by_name_and_by_content(data: Path, program: Path) -> None:
    require("update-mime-database", package="shared-mime-info")
    gio = require("gio", package="libglib2.0-bin")
    assert make("install-desktop", f"APP={program}").returncode == 0
    assert "application/x-hairjournal:*.hairjournal" in (data / "mime/globs2").read_text()
    journal = make_journal(data.parent / "named.hairjournal")
    unnamed = journal.with_name("renamed-without-extension")
    shutil.copyfile(journal, unnamed)
    other = make_sqlite(data.parent / "someone-elses.sqlite")

    def content_type(path: Path) -> str:
        info = subprocess.run(
            [gio, "info", "--attributes=standard::content-type", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return info.rsplit("standard::content-type:", 1)[1].strip()

    assert content_type(journal) == "application/x-hairjournal"
    assert content_type(unnamed) == "application/x-hairjournal"
    assert content_type(other) != "application/x-hairjournal"


def test_installing_twice_leaves_one_copy_and_uninstall_removes_it_all(
    data: Path, program: Path
) -> None:
    assert make("install-desktop", f"APP={program}").returncode == 0
    first = installed_files(data)
    again = make("install-desktop", f"APP={program}")
    assert "Installed 12 files" in again.stdout  # 8 PNG sizes, the SVG, entry, file type, details
    assert installed_files(data) == first
    result = make("uninstall-desktop")
    assert result.returncode == 0, result.stderr
    assert "Removed 12 files" in result.stdout
    assert installed_files(data) == []
    globs = data / "mime" / "globs2"
    if globs.exists():  # the file-type database, rebuilt without ours
        assert "hairjournal" not in globs.read_text()


def test_a_program_that_is_not_there_is_refused_and_nothing_is_installed(
    data: Path, tmp_path: Path
) -> None:
    result = make("install-desktop", f"APP={tmp_path / 'nowhere' / 'hairjournal'}")
    assert result.returncode != 0
    assert f"install_desktop: {tmp_path / 'nowhere' / 'hairjournal'} is not a program" in (
        result.stderr
    )
    assert not data.exists() or installed_files(data) == []
