"""The error log: what an entry holds, where it goes, who may read it, rotation; the error box."""

from __future__ import annotations

import datetime as dt
import platform
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from hairjournal import __version__
from hairjournal.store import locations
from hairjournal.ui import error_log, prompts


def details_of(message: str) -> str:
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        return error_log.error_details(
            RuntimeError,
            error,
            error.__traceback__,
            now=dt.datetime(2026, 3, 4, 21, 7, 9, tzinfo=dt.UTC),
        )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_entry_holds_the_time_the_versions_and_the_traceback() -> None:
    details = details_of("a bug")
    lines = details.splitlines()
    assert lines[0] == "Time: 2026-03-04 21:07:09+00:00"
    assert lines[1].startswith(f"Versions: Hair Journal {__version__}; ")
    assert f"Python {platform.python_version()}" in lines[1]
    assert f"Qt {qVersion()}" in lines[1]
    assert "Traceback (most recent call last):" in details
    assert lines[-1] == "RuntimeError: a bug"


def test_errors_go_to_a_private_file_in_the_users_log_folder(private_home: Path) -> None:
    path = error_log.write_error(details_of("first"))
    assert path == locations.log_folder() / "errors.log"
    assert path.is_relative_to(private_home)  # the test's own folders (XDG_STATE_HOME)
    error_log.write_error(details_of("second"))
    text = path.read_text()
    assert text.count(error_log.SEPARATOR) == 2
    assert text.index("RuntimeError: first") < text.index("RuntimeError: second")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_a_full_log_rotates_and_keeps_a_few_old_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(error_log, "MAX_BYTES", 4000)
    for number in range(100):
        error_log.write_error(details_of(f"error number {number}"))
    folder = locations.log_folder()
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["errors.log", "errors.log.1", "errors.log.2", "errors.log.3"]
    for path in folder.iterdir():
        assert path.stat().st_size <= 4000
        assert mode(path) == 0o600
    assert "RuntimeError: error number 99\n" in (folder / "errors.log").read_text()
    assert "RuntimeError: error number 0\n" not in "".join(p.read_text() for p in folder.iterdir())

    def first_number(name: str) -> int:
        return int((folder / name).read_text().split("error number ")[1].split()[0])

    assert first_number("errors.log") > first_number("errors.log.1") > first_number("errors.log.3")


def test_a_log_that_cannot_be_written_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = locations.log_folder()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")
    assert error_log.write_error(details_of("lost")) is None
    assert "the error could not be logged to" in capsys.readouterr().err
    assert folder.read_text() == "a file where the folder should be"


def test_the_error_box_names_the_log_and_copies_the_details(qtbot: QtBot, tmp_path: Path) -> None:
    details = details_of("copied")
    log = tmp_path / "errors.log"
    box = prompts.unexpected_error_box(None, details, log)
    qtbot.addWidget(box)
    box.open()
    qtbot.waitExposed(box)
    assert box.informativeText() == f"The details are also in the error log: {log}"
    assert box.detailedText() == details
    QApplication.clipboard().clear()
    [copy] = [b for b in box.findChildren(QPushButton) if b.text() == "Copy details"]
    copy.click()
    assert QApplication.clipboard().text() == details
    assert box.isVisible()  # copying leaves the box open to read
    box.button(QMessageBox.StandardButton.Close).click()
    assert not box.isVisible()


def test_the_error_box_says_when_nothing_was_logged(qtbot: QtBot) -> None:
    box = prompts.unexpected_error_box(None, details_of("not logged"), None)
    qtbot.addWidget(box)
    assert box.informativeText() == "The details could not be written to the error log."
