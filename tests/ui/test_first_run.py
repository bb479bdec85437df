"""First run: no journal at the default place, so the window asks and creates it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store import locations
from hairjournal.ui.date_text import from_qdate, to_qdate
from hairjournal.ui.first_run import FirstRunPage
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def first_run(qtbot: QtBot) -> tuple[MainWindow, FirstRunPage]:
    assert not locations.default_journal_path().exists()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.start(None)
    page = window.first_run_page
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    return window, page


def test_first_run_creates_the_default_journal_and_lands_on_the_dashboard(
    qtbot: QtBot, first_run: tuple[MainWindow, FirstRunPage], today: dt.date
) -> None:
    window, page = first_run
    assert not any(action.isEnabled() for action in window.view_actions.values())
    form = page.form
    assert not form.title_edit.isVisible()
    assert not form.onset_edit.isVisible()
    assert [form.condition_box.itemText(i) for i in range(form.condition_box.count())] == [
        member.label for member in Condition
    ]
    form.condition_box.setCurrentIndex(form.condition_box.findData(Condition.TE_POST_COVID.value))
    form.kind_box.setCurrentIndex(form.kind_box.findData(TreatmentKind.EXOSOME.value))
    started = today - dt.timedelta(days=10)
    form.started_edit.setDate(to_qdate(started))

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    journal = locations.default_journal_path()
    assert window.journal is not None
    assert window.journal.path == journal
    assert read_journal(journal, "SELECT condition FROM journal") == [("te_post_covid",)]
    assert read_journal(journal, "SELECT kind, started_on, stopped_on FROM treatment") == [
        ("exosome", started.isoformat(), None)
    ]
    assert window.current_view() == "dashboard"
    dashboard = window.views["dashboard"]
    qtbot.waitUntil(dashboard.isVisible)
    week = dashboard.findChild(QLabel, "courseWeek")
    assert week.isVisible()
    assert week.text() == "Week 1 of Exosomes"
    assert dashboard.findChild(QLabel, "condition").text() == Condition.TE_POST_COVID.label
    assert window.first_run_page is None
    assert all(action.isEnabled() for action in window.view_actions.values())


def test_the_treatment_start_defaults_to_today_and_cannot_be_in_the_future(
    qtbot: QtBot, first_run: tuple[MainWindow, FirstRunPage], today: dt.date
) -> None:
    window, page = first_run
    edit = page.form.started_edit
    assert from_qdate(edit.date()) == today
    edit.setDate(to_qdate(today + dt.timedelta(days=30)))
    assert from_qdate(edit.date()) == today
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    journal = locations.default_journal_path()
    assert read_journal(journal, "SELECT started_on FROM treatment") == [(today.isoformat(),)]
    week = window.views["dashboard"].findChild(QLabel, "courseWeek")
    assert week.text() == "Week 0 of Exosomes"
    window.close_journal()


def test_quitting_the_first_run_creates_nothing(
    qtbot: QtBot, first_run: tuple[MainWindow, FirstRunPage]
) -> None:
    window, page = first_run
    qtbot.mouseClick(page.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert window.journal is None
    folder = locations.data_folder()
    assert not folder.exists() or not any(folder.iterdir())


def test_the_first_run_says_what_the_journal_is_not(
    first_run: tuple[MainWindow, FirstRunPage],
) -> None:
    _window, page = first_run
    texts = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())
    assert "does not diagnose or recommend" in texts
    assert "never uses the network" in texts
    assert str(locations.default_journal_path()) in texts


def test_a_refused_open_during_the_first_run_keeps_the_form(
    first_run: tuple[MainWindow, FirstRunPage], fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    window, page = first_run
    bad = tmp_path / "empty.hairjournal"
    bad.write_bytes(b"")
    fake_prompts.open_paths.append(bad)
    window.open_action.trigger()
    [(_title, message)] = fake_prompts.errors
    assert "empty.hairjournal is empty" in message
    assert not fake_prompts.refusals  # no "open another / new / quit" over the welcome form
    assert page.isVisible()
    assert window.journal is None
