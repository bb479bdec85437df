"""A journal open read-only in the window: the banner, nothing that writes, the file untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from hairjournal.store import models
from hairjournal.store.journal import lock_path
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.read_only_mode import BANNER_TEXT
from hairjournal.ui.settings import Settings
from tests.read_only_media import ReadOnlyMedium, mounted_medium
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts
from tests.ui.sample_journal import write_sample


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[ReadOnlyMedium]:
    yield from mounted_medium(tmp_path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_read_only(window: MainWindow, path: Path, fake_prompts: FakePrompts) -> None:
    fake_prompts.open_paths.append(path)
    window.open_read_only_action.trigger()
    assert window.journal is not None
    assert window.journal.read_only


def writing_actions(window: MainWindow) -> dict[str, bool]:
    return {
        action.text(): action.isEnabled()
        for action in (
            window.import_photos_action,
            window.import_csv_action,
            window.undo_action,
            window.redo_action,
            window.backups.restore_action,
            *window.encryption.actions,
        )
    }


def try_to_write_everywhere(qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts) -> None:
    """What a person might try: the quick entry, the Log's lists and forms, deleting, importing,
    undo; each is either disabled or refused with a message."""
    window.show_view("dashboard")
    entry = window.views["dashboard"].quick_entry
    assert not entry.save_button.isEnabled()
    assert not entry.value.isEnabled()
    window.show_view("log")
    counts = window.views["log"].counts
    counts.select_record(models.ShedCount.select().first().id)
    assert counts.edit_button.isEnabled()  # looking at a record in its form is reading
    assert not counts.delete_button.isEnabled()  # though selecting a row would enable it
    assert not counts.add_button.isEnabled()
    form = counts.open_form(models.ShedCount.select().first().id)
    qtbot.waitUntil(form.isVisible)
    assert not form.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    form.reject()
    fake_prompts.confirm_answers.append(True)
    assert not counts.delete_current()  # the Delete key, as the list's shortcut calls it
    assert fake_prompts.errors[-1] == (
        "Nothing was deleted",
        "The journal is read-only here, so nothing was saved.",
    )
    window.import_photos_action.trigger()
    window.import_csv()
    window.history.stack.undo()


def test_open_read_only_shows_the_banner_and_keeps_every_write_out_of_reach(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    window.close_journal()
    before = sha256(sample_path)

    open_read_only(window, sample_path, fake_prompts)

    banner = window.read_only.banner
    assert banner.isVisible()
    assert (
        banner.label.text()
        == BANNER_TEXT
        == ("Read-only: this journal cannot be changed here. Open it normally to make changes.")
    )
    assert window.windowTitle() == "Hair Journal — Sample journal (sample.hairjournal, read-only)"
    assert window.statusBar().currentMessage() == "Opened sample.hairjournal read-only."
    assert not any(writing_actions(window).values())
    assert window.backups.back_up_action.isEnabled()  # reading it is fine
    assert not lock_path(sample_path).exists()
    try_to_write_everywhere(qtbot, window, fake_prompts)
    assert window.current_view() == "log"  # importing photos did not even switch views
    counted = read_journal(sample_path, "SELECT count(*) FROM shed_count")

    window.close_journal()
    assert sha256(sample_path) == before
    assert read_journal(sample_path, "SELECT count(*) FROM shed_count") == counted


def test_opening_it_normally_again_gives_every_control_back(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    window.show_view("log")
    counts = window.views["log"].counts
    open_read_only(window, sample_path, fake_prompts)
    assert window.read_only.held_controls()
    assert not counts.add_button.isEnabled()

    assert window.open_path(sample_path)

    assert not window.journal.read_only
    assert not window.read_only.banner.isVisible()
    assert not window.read_only.held_controls()
    assert counts.add_button.isEnabled()
    assert counts.add_button.toolTip() == "Add a new record"  # its own again
    assert window.import_photos_action.isEnabled()
    assert window.encryption.encrypt_action.isEnabled()
    assert window.windowTitle() == "Hair Journal — Sample journal (sample.hairjournal)"
    counts.select_record(models.ShedCount.select().first().id)
    fake_prompts.confirm_answers.append(True)
    assert counts.delete_current()


def test_a_journal_on_a_read_only_disk_is_offered_read_only_and_left_untouched(
    qtbot: QtBot,
    tmp_path: Path,
    read_only_medium: ReadOnlyMedium,
    fake_prompts: FakePrompts,
    today: dt.date,
) -> None:
    source = tmp_path / "sample.hairjournal"
    write_sample(source, today)
    path = read_only_medium.put(source)
    read_only_medium.seal()
    before = sha256(path)
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    fake_prompts.confirm_answers.append(True)

    assert main.open_path(path)

    [question] = fake_prompts.questions
    assert question.startswith("sample.hairjournal cannot be changed here: the file or its folder")
    assert "You can open it read-only to look at it." in question
    assert main.journal is not None
    assert main.journal.read_only
    try_to_write_everywhere(qtbot, main, fake_prompts)
    main.close()  # no backup on close: there is nothing new to keep, and nowhere to write it
    assert not [error for error in fake_prompts.errors if error[0] == "The backup was not taken"]
    assert main.journal is None
    assert sha256(path) == before
    assert sorted(item.name for item in read_only_medium.folder.iterdir()) == [path.name]


def test_declining_read_only_leaves_the_open_journal_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    sample_path: Path,
    tmp_path: Path,
    read_only_medium: ReadOnlyMedium,
    fake_prompts: FakePrompts,
) -> None:
    path = read_only_medium.put(sample_path, "other.hairjournal")
    read_only_medium.seal()
    fake_prompts.confirm_answers.append(False)

    assert not window.open_path(path)

    assert window.journal is not None
    assert window.journal.path == sample_path
    assert not window.journal.read_only
    assert not fake_prompts.refusals  # the question said why; nothing more to read
    assert not fake_prompts.errors
