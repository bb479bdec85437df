"""The dashboard: today's entry, the strip, what is due, and what it says when there is little."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ShedProtocol, TreatmentKind
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.dashboard_view import DashboardView
from hairjournal.ui.date_text import DASH
from hairjournal.ui.history import History

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "j.hairjournal", title="Little", condition=Condition.AA, onset_on=None
    ) as opened:
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


@pytest.fixture
def view(qtbot: QtBot, history: History) -> DashboardView:
    dashboard = DashboardView(history)
    qtbot.addWidget(dashboard)
    dashboard.resize(1000, 800)
    dashboard.show()
    return dashboard


def texts(view: DashboardView) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel) if label.isVisible()]


def named(view: DashboardView, name: str) -> QLabel | None:
    return view.findChild(QLabel, name)


def test_an_empty_journal(view: DashboardView, journal: OpenJournal) -> None:
    view.refresh(TODAY)
    shown = texts(view)
    assert "No treatment course yet" in shown
    assert named(view, "progress_none").text() == "No shedding counts are recorded yet."
    assert "No courses of treatment are recorded yet." in shown
    assert named(view, "due_count_daily_total").text() == "○ Daily total today: not counted yet"
    assert named(view, "due_photos") is None
    assert named(view, "courseWeek") is None
    assert named(view, "nextSession") is None
    assert all(named(view, f"total_{n}").text() == "0" for n in ("sessions", "photos"))


def test_a_course_without_sessions_counts_from_its_start(
    view: DashboardView, journal: OpenJournal
) -> None:
    models.Treatment.create(
        kind=TreatmentKind.MINOXIDIL_ORAL,
        product="2.5 mg",
        started_on=TODAY - dt.timedelta(days=15),
        next_session_on=TODAY + dt.timedelta(days=1),
    )
    view.refresh(TODAY)
    assert named(view, "courseWeek").text() == "Week 2 of Minoxidil (oral)"
    shown = " ".join(texts(view))
    assert "Counted from the start of the course on 31 May 2026" in shown
    assert "no sessions are recorded for it yet" in shown
    assert "(tomorrow)" in named(view, "nextSession").text()


def test_counts_that_are_not_recent_are_not_shown_as_recent(
    view: DashboardView, journal: OpenJournal
) -> None:
    old = TODAY - dt.timedelta(days=40)
    models.ShedCount.create(date=old, protocol=ShedProtocol.SHOWER, value=55)
    view.refresh(TODAY)
    assert named(view, "progress_recent_shower").text() == "no counts (of 7 days)"
    assert named(view, "progress_change_shower").text() == (
        "No treatment course is recorded, so there is no baseline to compare with."
    )


def test_the_cursor_starts_in_the_count_field(qtbot: QtBot, view: DashboardView) -> None:
    view.refresh(TODAY)
    view.hide()
    view.show()
    assert view.focusWidget() is view.quick_entry.value.count
    entry_top = view.quick_entry.mapTo(view, view.quick_entry.rect().topLeft()).y()
    assert entry_top < view.height() // 4  # at the top, not below the cards


def test_a_count_entered_shows_in_the_strip_the_due_card_and_the_totals(
    qtbot: QtBot, view: DashboardView, history: History
) -> None:
    models.Treatment.create(
        kind=TreatmentKind.EXOSOME, started_on=TODAY, next_session_on=TODAY + dt.timedelta(20)
    )
    view.refresh(TODAY)
    view.activateWindow()
    view.quick_entry.focus_entry()
    qtbot.waitUntil(view.quick_entry.value.count.hasFocus)
    qtbot.keyClicks(view.quick_entry.value.count, "85")
    qtbot.keyClick(view.quick_entry.value.count, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: named(view, "total_shed_counts").text() == "1")
    assert view.strip.cell(ShedProtocol.DAILY_TOTAL, TODAY).text() == "85"
    assert named(view, "due_count_daily_total").text() == "✓ Daily total today: 85"
    assert named(view, "progress_recent_daily_total").text() == "85.0 (1 of 7 days counted)"
    assert view.quick_entry.value.count.text() == ""  # cleared for the next entry
    assert view.quick_entry.value.count.hasFocus()

    history.stack.undo()
    qtbot.waitUntil(lambda: named(view, "total_shed_counts").text() == "0")
    assert view.strip.cell(ShedProtocol.DAILY_TOTAL, TODAY).text() == DASH
    assert named(view, "due_count_daily_total").text() == "○ Daily total today: not counted yet"


def test_the_due_card_lists_photos_and_the_next_session(
    view: DashboardView, journal: OpenJournal
) -> None:
    course = models.Treatment.create(
        kind=TreatmentKind.EXOSOME,
        product="Serum",
        started_on=TODAY - dt.timedelta(days=40),
        next_session_on=TODAY + dt.timedelta(days=3),
    )
    models.Session.create(treatment=course, date=TODAY - dt.timedelta(days=30), route="topical")
    view.refresh(TODAY)
    assert named(view, "due_photos").text() == (
        f"○ Week 4 photos (13{DASH}19 Jun 2026): the crown (vertex), the midline part, "
        "the frontal hairline and both temples."
    )
    assert named(view, "nextSession").text() == (
        "Next session: Exosomes (Serum) on Thu 18 Jun 2026 (in 3 days)."
    )


def test_a_day_in_the_strip_opens_its_count(qtbot: QtBot, view: DashboardView) -> None:
    models.ShedCount.create(date=TODAY - dt.timedelta(days=2), protocol="shower", value=33)
    view.refresh(TODAY)
    assert [row.protocol for row in view.strip.rows] == [
        ShedProtocol.DAILY_TOTAL,  # the protocol chosen in the entry row
        ShedProtocol.SHOWER,
    ]
    qtbot.mouseClick(
        view.strip.cell(ShedProtocol.SHOWER, TODAY - dt.timedelta(days=2)),
        Qt.MouseButton.LeftButton,
    )
    form = view.strip.form
    assert form is not None
    assert form.windowTitle() == "Edit shedding count"
    form.value.count.selectAll()
    qtbot.keyClicks(form.value.count, "31")
    form.accept()
    qtbot.waitUntil(
        lambda: view.strip.cell(ShedProtocol.SHOWER, TODAY - dt.timedelta(days=2)).text() == "31"
    )
