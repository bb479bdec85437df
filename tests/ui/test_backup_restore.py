"""File > Restore from Backup…, and the offer to restore when a journal cannot be opened."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.services.backup import back_up
from hairjournal.services.backup_files import BackupFile, BackupKind, backup_files, backup_name
from hairjournal.store import models
from hairjournal.store.journal import backups_folder
from hairjournal.ui import prompts
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.restore_dialog import CHECK, HOLDS, TAKEN, RestoreDialog, taken_text
from hairjournal.ui.settings import Settings
from tests.backup_journals import holdings
from tests.journal_files import corrupt_index_page, make_newer_journal
from tests.ui import sample_journal as sample
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_file_menu import is_unlocked

DAY = dt.timedelta(days=1)
SHED_COUNTS = 122  # in the sample journal: 120 daily totals and two 60-second counts
# Its other records: two courses, and its sessions, check-ins, events and clinic figures.
OTHER_RECORDS = 2 + sum(count for kind, count in sample.TOTALS.items() if kind != "photos")


def backups_of(journal: Path) -> list[BackupFile]:
    return backup_files(backups_folder(journal), journal.stem)


def listed(backup: Path) -> BackupFile:
    return next(b for b in backup_files(backup.parent) if b.path == backup)


def open_restore_dialog(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    window.backups.restore_action.trigger()
    dialog = window.backups.restore_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not dialog.checking())
    return dialog


def cell(dialog: RestoreDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def shed_counts(path: Path) -> int:
    return read_journal(path, "SELECT count(*) FROM shed_count")[0][0]


@pytest.fixture
def three_backups(window: MainWindow, sample_path: Path) -> tuple[Path, Path, Path]:
    """(newest, damaged, oldest): the oldest from before the counts were thinned out."""
    now = dt.datetime.now()
    oldest = back_up(sample_path, now=now - 3 * DAY).path
    models.ShedCount.delete().where(models.ShedCount.id > 20).execute()
    newest = back_up(sample_path, now=now - DAY).path
    damaged = backups_folder(sample_path) / backup_name(
        "sample", BackupKind.AUTOMATIC, now - 2 * DAY
    )
    shutil.copyfile(newest, damaged)
    corrupt_index_page(damaged)
    return newest, damaged, oldest


def test_the_restore_dialog_lists_backups_with_what_they_hold_and_their_check(
    qtbot: QtBot, window: MainWindow, three_backups: tuple[Path, Path, Path]
) -> None:
    newest, _damaged, _oldest = three_backups
    dialog = open_restore_dialog(qtbot, window)
    assert dialog.table.rowCount() == 3
    assert [cell(dialog, row, CHECK) for row in range(3)] == [
        "Passed",
        "Fails its check",
        "Passed",
    ]
    assert cell(dialog, 0, HOLDS).startswith(f"{20 + OTHER_RECORDS} records, 1 photo, ")
    assert cell(dialog, 2, HOLDS).startswith(f"{SHED_COUNTS + OTHER_RECORDS} records, 1 photo, ")
    assert cell(dialog, 1, HOLDS).startswith("Cannot be restored")
    assert "is damaged and cannot be trusted" in dialog.table.item(1, HOLDS).toolTip()
    assert cell(dialog, 0, TAKEN) == taken_text(listed(newest))
    # The newest backup that passed is chosen already, ready to restore.
    assert dialog.selected().backup.path == newest
    assert dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()  # a damaged backup cannot be restored
    dialog.reject()


def test_restoring_the_chosen_backup_replaces_the_journal_and_reopens_it(
    qtbot: QtBot,
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
    three_backups: tuple[Path, Path, Path],
) -> None:
    _newest, _damaged, oldest = three_backups
    expected = holdings(oldest)
    before_restore = holdings(sample_path)
    dialog = open_restore_dialog(qtbot, window)
    dialog.table.selectRow(2)
    fake_prompts.confirm_answers.append(True)
    with qtbot.waitSignal(window.backups.restore_done):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    [question] = fake_prompts.questions
    assert question.startswith("Replace sample.hairjournal with the backup of ")
    assert "backed up first" in question
    assert window.journal is not None
    assert window.journal.path == sample_path
    assert not is_unlocked(sample_path)  # open again, in this window
    assert holdings(sample_path) == expected
    assert shed_counts(sample_path) == SHED_COUNTS
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Restored the backup of {taken_text(listed(oldest))}.")
    saved = backups_of(sample_path)[0]
    assert f"The journal as it was is backed up as {saved.path.name}." in message
    assert holdings(saved.path) == before_restore
    assert window.windowTitle().endswith("(sample.hairjournal)")
    assert not fake_prompts.errors


def test_declining_the_question_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
    three_backups: tuple[Path, Path, Path],
) -> None:
    before = holdings(sample_path)
    dialog = open_restore_dialog(qtbot, window)
    fake_prompts.confirm_answers.append(False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert holdings(sample_path) == before
    assert len(backups_of(sample_path)) == 3
    dialog.reject()


def test_the_restore_dialog_without_backups_says_how_they_are_made(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_restore_dialog(qtbot, window)
    assert dialog.empty.isVisible()
    assert "File > Back Up Now" in dialog.empty.text()
    assert not dialog.table.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


# -- when a journal cannot be opened -------------------------------------------------------------


def started_on(qtbot: QtBot, journal: Path) -> MainWindow:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.start(journal)
    return window


def test_a_damaged_journal_offers_its_newest_backup_and_restores_it(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    now = dt.datetime.now()
    back_up(sample_path, now=now - 2 * DAY)
    newest = back_up(sample_path, now=now - DAY).path
    expected = holdings(newest)
    corrupt_index_page(sample_path)
    damaged = sample_path.read_bytes()
    fake_prompts.after_refusal.append(prompts.AfterRefusal.RESTORE)

    window = started_on(qtbot, sample_path)
    try:
        [refusal] = fake_prompts.refusals
        assert "sample.hairjournal is damaged" in refusal
        [offer] = fake_prompts.restore_offers
        assert offer == f"Restore the backup of {taken_text(listed(newest))}"
        assert window.journal is not None
        assert window.journal.path == sample_path
        assert holdings(sample_path) == expected
        [kept] = [b for b in backups_of(sample_path) if b.kind is BackupKind.REPLACED]
        assert kept.path.read_bytes() == damaged
        message = window.statusBar().currentMessage()
        assert f"could not be read; it is kept as {kept.path.name}." in message
        assert window.views["dashboard"].isVisible()
        assert not fake_prompts.errors
    finally:
        window.close_journal()


def test_no_offer_when_there_is_no_backup(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    corrupt_index_page(sample_path)
    fake_prompts.after_refusal.append(prompts.AfterRefusal.QUIT)
    window = started_on(qtbot, sample_path)
    assert fake_prompts.restore_offers == [None]
    assert not window.isVisible()


def test_no_offer_for_a_journal_from_a_newer_version(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    """Its contents are sound; restoring an older backup over it would lose them."""
    back_up(sample_path)
    sample_path.unlink()
    make_newer_journal(sample_path, 999)
    fake_prompts.after_refusal.append(prompts.AfterRefusal.QUIT)
    started_on(qtbot, sample_path)
    assert "newer version" in fake_prompts.refusals[0]
    assert fake_prompts.restore_offers == [None]


def test_a_backup_that_fails_at_restore_says_so_and_changes_nothing(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    """The offer trusts the check made when the backup was written; the restore checks again."""
    newest = back_up(sample_path).path
    corrupt_index_page(newest)  # damaged on disk since
    corrupt_index_page(sample_path)
    damaged = sample_path.read_bytes()
    fake_prompts.after_refusal.append(prompts.AfterRefusal.RESTORE)
    window = started_on(qtbot, sample_path)
    [(title, message)] = fake_prompts.errors
    assert title == "The backup was not restored"
    assert "fails SQLite's integrity check" in message
    assert "Your journal has not been changed." in message
    assert sample_path.read_bytes() == damaged
    assert window.journal is None
    assert window.pages.currentWidget() is window.no_journal_page
