"""The window on a journal: what the dashboard shows, the title, and moving between views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.ui.main_window import VIEWS, MainWindow
from hairjournal.ui.settings import Settings
from tests.ui import sample_journal as sample
from tests.ui.conftest import read_journal

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
COUNTED_TABLES = {
    "sessions": "session",
    "shed_counts": "shed_count",
    "checkins": "checkin",
    "events": "event",
    "measurements": "measurement",
    "photos": "photo",
}


def label_text(window: MainWindow, name: str) -> str:
    label = window.views["dashboard"].findChild(QLabel, name)
    assert label is not None, f"the dashboard has no {name} label"
    assert label.isVisible()
    return label.text()


def test_dashboard_of_the_demo_journal_shows_the_course_week_and_what_it_holds(
    qtbot: QtBot, demo_path: Path, today: dt.date
) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    try:
        (first_session,) = read_journal(
            demo_path,
            "SELECT min(date) FROM session JOIN treatment ON treatment.id = treatment_id "
            "WHERE treatment.kind = 'exosome'",
        )[0]
        week = (today - dt.date.fromisoformat(first_session)).days // 7
        assert label_text(window, "courseWeek") == f"Week {week} of Exosomes"
        for name, table in COUNTED_TABLES.items():
            (count,) = read_journal(demo_path, f"SELECT count(*) FROM {table}")[0]
            assert label_text(window, f"total_{name}") == f"{count:,}"
        (title,) = read_journal(demo_path, "SELECT title FROM journal")[0]
        assert label_text(window, "journalTitle") == title
        assert window.windowTitle() == f"Hair Journal — {title} (demo.hairjournal)"
    finally:
        window.close_journal()


def test_dashboard_of_the_sample_journal(window: MainWindow, today: dt.date) -> None:
    assert window.current_view() == "dashboard"
    assert label_text(window, "courseWeek") == "Week 12 of Exosomes"
    assert label_text(window, "condition").startswith("Androgenetic alopecia (female pattern)")
    next_session = label_text(window, "nextSession")
    assert "Exosomes (ExoCell serum)" in next_session
    assert f"in {sample.NEXT_SESSION_IN_DAYS} days" in next_session
    # The last six days were counted at 60 (today not yet); the 14 days before the first
    # session at 100.
    assert label_text(window, "progress_recent_daily_total") == "60.0 (6 of 7 days counted)"
    assert label_text(window, "progress_baseline_daily_total") == "100.0 (14 of 14 days counted)"
    assert label_text(window, "progress_recent_comb_60s") == "8.0 (1 of 7 days counted)"
    assert label_text(window, "progress_baseline_comb_60s") == "no counts (of 14 days)"
    assert label_text(window, "total_sessions") == "3"
    assert label_text(window, "total_shed_counts") == "122"
    assert label_text(window, "total_photos") == "1"
    assert "does not diagnose or recommend" in label_text(window, "disclaimer")


def test_window_title_names_the_journal_and_its_file(window: MainWindow) -> None:
    assert window.windowTitle() == f"Hair Journal — {sample.TITLE} (sample.hairjournal)"


def test_navigation_by_clicking_the_list(qtbot: QtBot, window: MainWindow) -> None:
    navigation = window.navigation
    for row, (name, label) in reversed(list(enumerate(VIEWS))):
        item = navigation.item(row)
        assert item.text() == label
        qtbot.mouseClick(
            navigation.viewport(),
            Qt.MouseButton.LeftButton,
            pos=navigation.visualItemRect(item).center(),
        )
        assert window.current_view() == name
        assert window.views[name].isVisible()
        others = [view for other, view in window.views.items() if other != name]
        assert not any(view.isVisible() for view in others)


@pytest.mark.parametrize(("number", "name"), [(n, name) for n, (name, _) in enumerate(VIEWS, 1)])
def test_navigation_by_ctrl_and_a_number(
    qtbot: QtBot, window: MainWindow, number: int, name: str
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start = "export" if name == "dashboard" else "dashboard"
    window.show_view(start)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == name
    assert window.navigation.currentRow() == number - 1
    assert window.views[name].isVisible()


def test_sessions_view_lists_the_journals_sessions(window: MainWindow, today: dt.date) -> None:
    window.show_view("sessions")
    view = window.views["sessions"]
    model = view.table.model()
    assert model.rowCount() == len(sample.SESSION_DAYS_AGO)
    newest = today - dt.timedelta(days=min(sample.SESSION_DAYS_AGO))
    assert model.index(0, 0).data() == f"{newest.day} {MONTHS[newest.month - 1]} {newest.year}"
    assert view.summary.text().startswith("3 sessions, from ")


def test_view_actions_are_off_without_a_journal(qtbot: QtBot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.no_journal_page
    assert window.windowTitle() == "Hair Journal"
    assert not any(action.isEnabled() for action in window.view_actions.values())
