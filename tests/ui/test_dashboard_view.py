"""The dashboard on journals that hold little: what it says instead of numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ShedProtocol, TreatmentKind
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.dashboard_view import DashboardView

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "j.hairjournal", title="Little", condition=Condition.AA, onset_on=None
    ) as opened:
        yield opened


@pytest.fixture
def view(qtbot: QtBot) -> DashboardView:
    dashboard = DashboardView()
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
    assert named(view, "noCounts").text() == "No shedding counts are recorded yet."
    assert "No courses of treatment are recorded yet." in shown
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
    assert named(view, "noCounts").text() == (
        "No shedding counts in the last 14 days; the last was on 6 May 2026."
    )
    assert named(view, "recent_shower") is None
