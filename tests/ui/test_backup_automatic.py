"""Automatic backups (on close, daily while open) and File > Back Up Now, as a user meets them."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from hairjournal.services import backup as backup_module
from hairjournal.services.backup import back_up
from hairjournal.services.backup_files import BackupFile, backup_files
from hairjournal.store.journal import backups_folder
from hairjournal.ui.backup_actions import CHECK_EVERY_MS
from hairjournal.ui.backup_progress import CANCELLING
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.backup_journals import holdings
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_file_menu import is_unlocked


def backups_of(journal: Path) -> list[BackupFile]:
    return backup_files(backups_folder(journal), journal.stem)


@pytest.fixture
def held_copy(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The backup's copy waits at its first step until the returned event is set, so that the
    test can act while it is under way."""
    gate = threading.Event()
    real_copy = backup_module.copy_database

    def copy_when_let_go(source: object, partial: Path, **options: object) -> None:
        cancelled = options.pop("cancelled")

        def held() -> bool:
            gate.wait()
            return cancelled()  # type: ignore[operator]

        real_copy(source, partial, cancelled=held, pages_per_step=1, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_module, "copy_database", copy_when_let_go)
    yield gate
    gate.set()  # never leave a worker waiting


def when_waiting(window: MainWindow, then: object) -> None:
    """Call ``then(dialog)`` once the window shows its backup progress dialog."""
    dialog = window.backups.waiting
    if dialog is None or not dialog.isVisible():
        QTimer.singleShot(10, lambda: when_waiting(window, then))
        return
    then(dialog)  # type: ignore[operator]


def test_closing_takes_a_backup_when_none_is_from_today(
    window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    window.close()
    assert not window.isVisible()
    assert window.journal is None
    assert is_unlocked(sample_path)
    [backup] = backups_of(sample_path)
    assert backup.taken_at.date() == today
    assert holdings(backup.path) == holdings(sample_path)


def test_closing_takes_a_backup_when_the_newest_is_from_yesterday(
    window: MainWindow, sample_path: Path, today: dt.date
) -> None:
    back_up(sample_path, now=dt.datetime.now() - dt.timedelta(days=1))
    window.close()
    dates = [backup.taken_at.date() for backup in backups_of(sample_path)]
    assert dates == [today, today - dt.timedelta(days=1)]


def test_closing_takes_no_backup_when_one_is_from_today(
    window: MainWindow, sample_path: Path
) -> None:
    taken = back_up(sample_path).path
    window.close()
    assert [backup.path for backup in backups_of(sample_path)] == [taken]
    assert window.journal is None


def test_no_automatic_backup_once_turned_off_in_the_file_menu(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    action = window.backups.automatic_action
    assert action.isVisible()
    assert action.isChecked()  # on unless turned off
    action.trigger()
    assert Settings().automatic_backups() is False
    window.close()
    assert backups_of(sample_path) == []
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert not again.backups.automatic_action.isChecked()


def test_closing_waits_with_progress_and_cancel_leaves_no_file(
    window: MainWindow, sample_path: Path, held_copy: threading.Event, qtbot: QtBot
) -> None:
    seen: dict[str, object] = {}

    def cancel(dialog: object) -> None:
        seen["title"] = dialog.windowTitle()  # type: ignore[attr-defined]
        seen["explanation"] = dialog.explanation.text()  # type: ignore[attr-defined]
        seen["bar"] = dialog.bar.isVisible()  # type: ignore[attr-defined]
        seen["window"] = window.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        seen["after cancel"] = dialog.stage.text()  # type: ignore[attr-defined]
        held_copy.set()

    QTimer.singleShot(0, lambda: when_waiting(window, cancel))
    window.close()

    assert "backed up when Hair Journal closes" in str(seen.pop("explanation"))
    assert seen == {
        "title": "Backing up sample.hairjournal",
        "bar": True,
        "window": True,  # the window stays up, and responsive, while it waits
        "after cancel": CANCELLING,
    }
    assert not window.isVisible()
    assert window.journal is None
    folder = backups_folder(sample_path)
    assert list(folder.iterdir()) == []  # not even a partial file


def test_closing_waits_for_a_backup_already_under_way(
    window: MainWindow, sample_path: Path, held_copy: threading.Event
) -> None:
    window.backups.back_up_action.trigger()
    assert window.backups.status.isVisible()
    assert not window.backups.back_up_action.isEnabled()  # one at a time
    waited: list[bool] = []

    def let_it_finish(dialog: object) -> None:
        waited.append(True)
        held_copy.set()

    QTimer.singleShot(0, lambda: when_waiting(window, let_it_finish))
    window.close()
    assert waited == [True]
    assert not window.isVisible()
    assert len(backups_of(sample_path)) == 1


def test_back_up_now_runs_in_the_background_and_says_where_it_went(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    actions = window.backups
    assert actions.back_up_action.text() == "&Back Up Now"
    with qtbot.waitSignal(actions.backup_done) as done:
        actions.back_up_action.trigger()
        assert actions.status.isVisible()
    [backup] = backups_of(sample_path)
    assert done.args[0].path == backup.path
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Backed up to {backup.path.name} (")
    assert message.endswith("checked.")
    assert not actions.status.isVisible()
    assert actions.back_up_action.isEnabled()


def test_a_backup_that_cannot_be_written_says_why(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    backups_folder(sample_path).write_text("a file where the folder should be")
    with qtbot.waitSignal(window.backups.job_over):
        window.backups.back_up_action.trigger()
    [(title, message)] = fake_prompts.errors
    assert title == "The backup was not taken"
    assert message.startswith(f"The backups folder {backups_folder(sample_path)} cannot be made")
    assert window.journal is not None  # the journal stays open, as it was


def test_an_open_window_backs_up_once_a_day(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    timer = window.backups.timer
    assert timer.isActive()
    assert timer.interval() == CHECK_EVERY_MS == 3_600_000
    with qtbot.waitSignal(window.backups.backup_done):
        timer.timeout.emit()  # the hourly look finds no backup from today
    timer.timeout.emit()  # the next look finds today's
    assert window.backups.job is None
    assert len(backups_of(sample_path)) == 1


def test_backup_actions_need_a_journal(window: MainWindow) -> None:
    actions = window.backups
    assert actions.back_up_action.isEnabled()
    assert actions.restore_action.isEnabled()
    window.close_journal()
    assert not actions.back_up_action.isEnabled()
    assert not actions.restore_action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if action.text()]
    assert texts.index("&Back Up Now") < texts.index("&Quit")
    assert "Restore from Bac&kup…" in texts


def test_a_window_for_a_screenshot_takes_no_backups(qtbot: QtBot, sample_path: Path) -> None:
    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    assert window.open_path(sample_path)
    assert not window.backups.timer.isActive()
    assert not window.backups.automatic_action.isVisible()
    window.close()
    assert backups_of(sample_path) == []
