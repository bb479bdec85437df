"""File > New, Open, Open Recent and Quit, driven through the menu's actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store.journal import lock_path
from hairjournal.ui import prompts
from hairjournal.ui.date_text import to_qdate
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.new_journal_dialog import NewJournalDialog
from hairjournal.ui.settings import Settings
from tests.ui import sample_journal as sample
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts


def is_unlocked(journal: Path) -> bool:
    """Whether another process could take the journal's lock now."""
    lock = QLockFile(str(lock_path(journal)))
    if not lock.tryLock(0):
        return False
    lock.unlock()
    return True


def dashboard_title(window: MainWindow) -> str:
    return window.views["dashboard"].findChild(QLabel, "journalTitle").text()


def open_new_dialog(qtbot: QtBot, window: MainWindow) -> NewJournalDialog:
    window.new_action.trigger()
    dialog = window.new_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_new_journal_is_created_with_what_was_typed_and_replaces_the_open_one(
    qtbot: QtBot,
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
    today: dt.date,
) -> None:
    dialog = open_new_dialog(qtbot, window)
    form = dialog.form
    form.title_edit.clear()
    qtbot.keyClicks(form.title_edit, "After COVID")
    form.condition_box.setCurrentIndex(form.condition_box.findData(Condition.TE_POST_COVID.value))
    qtbot.mouseClick(form.onset_known, Qt.MouseButton.LeftButton)
    onset = today - dt.timedelta(days=120)
    form.onset_edit.setDate(to_qdate(onset))
    form.kind_box.setCurrentIndex(form.kind_box.findData(TreatmentKind.PRP.value))
    started = today - dt.timedelta(days=20)
    form.started_edit.setDate(to_qdate(started))
    fake_prompts.save_paths.append(tmp_path / "second")  # typed without the suffix

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    created = tmp_path / "second.hairjournal"
    assert fake_prompts.suggested[0].name == "After COVID.hairjournal"
    assert window.journal is not None
    assert window.journal.path == created
    assert window.windowTitle() == "Hair Journal — After COVID (second.hairjournal)"
    assert dashboard_title(window) == "After COVID"
    week = window.views["dashboard"].findChild(QLabel, "courseWeek").text()
    assert week == "Week 2 of PRP (platelet-rich plasma)"
    assert read_journal(created, "SELECT title, condition, onset_on FROM journal") == [
        ("After COVID", "te_post_covid", onset.isoformat())
    ]
    assert read_journal(created, "SELECT kind, started_on FROM treatment") == [
        ("prp", started.isoformat())
    ]
    assert is_unlocked(sample_path)
    assert not is_unlocked(created)
    assert not fake_prompts.errors


def test_new_journal_without_a_first_treatment(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    dialog = open_new_dialog(qtbot, window)
    dialog.form.treatment_group.setChecked(False)
    fake_prompts.save_paths.append(tmp_path / "bare.hairjournal")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    created = tmp_path / "bare.hairjournal"
    assert read_journal(created, "SELECT count(*) FROM treatment") == [(0,)]
    assert read_journal(created, "SELECT title, onset_on FROM journal") == [
        ("My hair journal", None)
    ]
    label = window.views["dashboard"].findChild(QLabel, "progress_none")
    assert label.text() == "No shedding counts are recorded yet."


def test_new_journal_cancelled_at_the_save_question_keeps_the_open_one(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    dialog = open_new_dialog(qtbot, window)
    fake_prompts.save_paths.append(None)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.journal is not None
    assert window.journal.path == sample_path
    assert not is_unlocked(sample_path)


def test_new_journal_over_an_existing_file_is_refused(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    existing = tmp_path / "notes.hairjournal"
    existing.write_text("my notes")
    dialog = open_new_dialog(qtbot, window)
    fake_prompts.save_paths.append(existing)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert existing.read_text() == "my notes"
    assert window.journal is not None
    assert window.journal.path == sample_path
    [(_title, message)] = fake_prompts.errors
    assert "notes.hairjournal already exists" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "is empty (0 bytes)"), (b"shopping list\n", "is not a Hair Journal file")],
)
def test_open_of_a_file_that_is_not_a_journal_is_refused_and_the_open_one_stays(
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    bad = tmp_path / "bad.hairjournal"
    bad.write_bytes(content)
    fake_prompts.open_paths.append(bad)

    window.open_action.trigger()

    [(title, message)] = fake_prompts.errors
    assert title == "The journal was not opened"
    assert expected in message
    assert "sample.hairjournal is still open" in message
    assert bad.read_bytes() == content
    assert window.journal is not None
    assert window.journal.path == sample_path
    assert dashboard_title(window) == sample.TITLE
    assert not is_unlocked(sample_path)


def test_open_of_another_journal_switches_and_releases_the_first(
    other_path: Path, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    other = other_path
    fake_prompts.open_paths.append(other)
    window.open_action.trigger()
    assert window.journal is not None
    assert window.journal.path == other
    assert window.windowTitle().endswith("(other.hairjournal)")
    assert is_unlocked(sample_path)
    assert not fake_prompts.errors


def test_open_cancelled_changes_nothing(
    window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    fake_prompts.open_paths.append(None)
    window.open_action.trigger()
    assert window.journal is not None
    assert window.journal.path == sample_path
    assert not fake_prompts.errors


def recent_entries(window: MainWindow) -> list[tuple[str, bool]]:
    window.recent_menu.aboutToShow.emit()  # what happens as the submenu opens
    return [(a.text(), a.isEnabled()) for a in window.recent_menu.actions() if a.text()]


def test_open_recent_lists_journals_and_survives_a_missing_file(
    qtbot: QtBot,
    other_path: Path,
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
) -> None:
    other = other_path
    assert window.open_path(other)
    entries = recent_entries(window)
    assert [text.split("  ")[0] for text, _ in entries] == [
        "&1 other.hairjournal",
        "&2 sample.hairjournal",
        "Clear list",
    ]
    assert all(enabled for _, enabled in entries)

    # The file goes while the menu is open, and is chosen: a message, and nothing lost.
    stale = window.recent_menu.actions()[1]
    sample_path.unlink()
    stale.trigger()
    [(_title, message)] = fake_prompts.errors
    assert "There is no journal at" in message
    assert window.journal is not None
    assert window.journal.path == other

    # The next time the menu opens, the missing file is greyed out.
    entries = recent_entries(window)
    assert entries[1][0].endswith("— missing")
    assert entries[1][1] is False

    # Remembered by the next window too.
    window.close_journal()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert [text.split("  ")[0] for text, _ in recent_entries(again)][:2] == [
        "&1 other.hairjournal",
        "&2 sample.hairjournal",
    ]
    clear = next(a for a in again.recent_menu.actions() if a.text() == "Clear list")
    clear.trigger()
    assert recent_entries(again) == [("Clear list", False)]
    assert Settings().recent_journals() == []


def test_open_recent_opens_the_chosen_journal(
    other_path: Path, window: MainWindow, sample_path: Path
) -> None:
    other = other_path
    assert window.open_path(other)
    recent_entries(window)
    second = window.recent_menu.actions()[1]
    assert second.data() == str(sample_path)
    second.trigger()
    assert window.journal is not None
    assert window.journal.path == sample_path
    assert is_unlocked(other)


def test_quit_closes_the_window_and_releases_the_journal(
    window: MainWindow, sample_path: Path
) -> None:
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    assert not window.isVisible()
    assert window.journal is None
    assert is_unlocked(sample_path)


def test_menu_shortcuts(window: MainWindow) -> None:
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.open_action.shortcut().toString() == "Ctrl+O"


def started_on(qtbot: QtBot, journal: Path) -> MainWindow:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.start(journal)
    return window


def test_a_refused_journal_at_start_offers_to_open_another(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.hairjournal"
    bad.write_bytes(b"")
    fake_prompts.after_refusal.append(prompts.AfterRefusal.OPEN_ANOTHER)
    fake_prompts.open_paths.append(sample_path)
    window = started_on(qtbot, bad)
    try:
        [message] = fake_prompts.refusals
        assert "bad.hairjournal is empty" in message
        assert window.journal is not None
        assert window.journal.path == sample_path
    finally:
        window.close_journal()


def test_a_refused_journal_at_start_then_quit_closes_the_window(
    qtbot: QtBot, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.hairjournal"
    bad.write_text("not a journal")
    fake_prompts.after_refusal.append(prompts.AfterRefusal.QUIT)
    window = started_on(qtbot, bad)
    assert fake_prompts.refusals
    assert not window.isVisible()
    assert window.journal is None


def test_a_refused_journal_at_start_then_new_opens_the_new_journal_dialog(
    qtbot: QtBot, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.hairjournal"
    fake_prompts.after_refusal.append(prompts.AfterRefusal.NEW)
    window = started_on(qtbot, missing)
    qtbot.waitUntil(window.new_dialog.isVisible)
    assert "There is no journal at" in fake_prompts.refusals[0]
    window.new_dialog.reject()
    assert window.pages.currentWidget() is window.no_journal_page
    assert window.no_journal_page.isVisible()


def test_the_no_journal_page_opens_a_journal(
    qtbot: QtBot, sample_path: Path, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.hairjournal"
    fake_prompts.after_refusal.append(prompts.AfterRefusal.OPEN_ANOTHER)
    fake_prompts.open_paths.append(None)  # the person cancels the file picker at first
    window = started_on(qtbot, missing)
    page = window.no_journal_page
    assert page.isVisible()
    assert window.windowTitle() == "Hair Journal"
    fake_prompts.open_paths.append(sample_path)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    try:
        assert window.journal is not None
        assert window.journal.path == sample_path
        assert window.views["dashboard"].isVisible()
    finally:
        window.close_journal()
