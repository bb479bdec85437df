"""The Sessions view: courses, sessions and clinic figures listed, added, edited and deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import (
    CellSource,
    Condition,
    MeasurementKind,
    Route,
    ScalpRegion,
    TreatmentKind,
)
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.date_text import day_text
from hairjournal.ui.figure_text import figure_text
from hairjournal.ui.forms.session_form import SessionForm
from hairjournal.ui.history import History
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.sessions_view import SessionsView
from tests.ui.fake_prompts import FakePrompts

TODAY = dt.date.today()  # the lists judge dates against the computer's today


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "sessions.hairjournal", title="Sessions", condition=Condition.AA
    ) as opened:
        minoxidil = models.Treatment.create(
            kind=TreatmentKind.MINOXIDIL_ORAL,
            product="Loniten",
            dose="1.25 mg daily",
            started_on=ago(300),
            stopped_on=ago(100),
        )
        exosome = models.Treatment.create(
            kind=TreatmentKind.EXOSOME,
            product="ExoVial 10",
            started_on=ago(90),
            next_session_on=TODAY + dt.timedelta(days=9),
        )
        models.Session.create(
            treatment=exosome,
            date=ago(84),
            route=Route.MICRO_INJECTION,
            clinic="Clinic A",
            volume_ml=2.5,
            pain=4,
            side_effects=["redness", "scabs"],
        )
        models.Session.create(
            treatment=exosome,
            date=ago(56),
            route=Route.MICRO_INJECTION,
            product="ExoVial 20",
            lot="L-2",
            cell_source=CellSource.MSC,
            clinic="Clinic A",
            volume_ml=3.0,
            needle_depth_mm=1.2,
            areas=[ScalpRegion.VERTEX.value],
        )
        models.Measurement.create(date=ago(80), kind=MeasurementKind.SALT, value=62.4)
        models.Measurement.create(date=ago(20), kind=MeasurementKind.SALT, value=41.0)
        models.Measurement.create(
            date=ago(20), kind=MeasurementKind.PULL_TEST, value=5, site="vertex"
        )
        assert minoxidil.id == 1
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


@pytest.fixture
def view(qtbot: QtBot, history: History) -> SessionsView:
    shown = SessionsView(history)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.refresh()
    return shown


def column_texts(records: RecordList, row: int) -> dict[str, str]:
    model = records.filter
    return {
        model.headerData(column, Qt.Orientation.Horizontal): model.index(row, column).data()
        for column in range(model.columnCount())
    }


def show_tab(view: SessionsView, records: RecordList) -> None:
    view.tabs.setCurrentWidget(records.parentWidget())


def test_every_list_model_passes_qts_checks(view: SessionsView, qtmodeltester: ModelTester) -> None:
    for records in (view.courses, view.sessions, view.figures):
        qtmodeltester.check(records.records)
        qtmodeltester.check(records.filter)


def test_sessions_are_listed_newest_first_as_people_read_them(view: SessionsView) -> None:
    assert column_texts(view.sessions, 0) == {
        "Date": day_text(ago(56)),
        "Course": "Exosomes",
        "Route": "Scalp micro-injections",
        "Product": "ExoVial 20",
        "Clinic": "Clinic A",
        "Volume (ml)": "3",
        "Depth (mm)": "1.2",
        "Pain (0-10)": "",
        "Side effects": "",
    }
    older = column_texts(view.sessions, 1)
    assert older["Product"] == "ExoVial 10"  # the course's product: the session named none
    assert (older["Volume (ml)"], older["Pain (0-10)"]) == ("2.5", "4")
    assert older["Side effects"] == "redness, scabs"
    assert view.table is view.sessions.table


def test_courses_show_their_span_plan_and_sessions(view: SessionsView) -> None:
    show_tab(view, view.courses)
    exosome, minoxidil = column_texts(view.courses, 0), column_texts(view.courses, 1)
    assert exosome == {
        "Treatment": "Exosomes",
        "Product": "ExoVial 10",
        "Dose": "",
        "Started": day_text(ago(90)),
        "Stopped": "still going",
        "Next session": f"{day_text(TODAY + dt.timedelta(days=9))} (in 9 days)",
        "Sessions": "2",
    }
    assert minoxidil["Stopped"] == day_text(ago(100))
    assert minoxidil["Sessions"] == "0"


def test_clinic_figures_show_values_with_units_bands_and_stages(view: SessionsView) -> None:
    show_tab(view, view.figures)
    shown = {
        (row["Figure"], row["Value"])
        for row in (column_texts(view.figures, n) for n in range(view.figures.filter.rowCount()))
    }
    assert shown == {("SALT", "62.4 (S3)"), ("SALT", "41.0 (S2)"), ("Pull test", "5 hairs out")}
    assert figure_text(MeasurementKind.NORWOOD, 6) == "III vertex"
    assert figure_text(MeasurementKind.SAVIN, 9) == "Frontal"
    assert figure_text(MeasurementKind.DENSITY_PER_CM2, 1250.0) == "1,250 hairs/cm²"
    assert figure_text(MeasurementKind.SHAFT_DIAMETER_UM, 62.5) == "62.5 µm"


def test_summary_tabs_and_the_next_planned_session(view: SessionsView) -> None:
    assert view.summary.text() == (
        f"2 sessions, from {day_text(ago(84))} to {day_text(ago(56))}, in 2 courses."
    )
    assert view.next_session.text() == (
        f"Next session planned: {day_text(TODAY + dt.timedelta(days=9))} (in 9 days), Exosomes."
    )
    tabs = [view.tabs.tabText(n).replace("&", "") for n in range(view.tabs.count())]
    assert tabs == ["Sessions (2)", "Courses (2)", "Clinic figures (3)"]


def test_a_session_added_from_the_list_starts_from_the_last_one(
    qtbot: QtBot, view: SessionsView, history: History
) -> None:
    assert view.sessions.add_button.text() == "&Add session…"
    qtbot.mouseClick(view.sessions.add_button, Qt.MouseButton.LeftButton)
    form = view.sessions.form
    assert isinstance(form, SessionForm)
    qtbot.waitExposed(form)
    assert form.treatment.value() == 2  # the running exosome course
    assert (form.product.text(), form.lot.text()) == ("ExoVial 20", "L-2")
    assert "Filled in from the session of" in form.prefill_note.text()
    form.pain.slider.setFocus()
    qtbot.keyClick(form.pain.slider, Qt.Key.Key_Right)
    form.lot.setFocus()
    qtbot.keyClick(form.lot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: view.sessions.filter.rowCount() == 3)
    newest = column_texts(view.sessions, 0)
    assert (newest["Date"], newest["Product"], newest["Pain (0-10)"]) == (
        day_text(TODAY),
        "ExoVial 20",
        "1",
    )
    assert (
        view.sessions.current_id()
        == models.Session.select().order_by(models.Session.id.desc()).get().id
    )
    assert view.summary.text().startswith("3 sessions, ")
    assert view.tabs.tabText(0).replace("&", "") == "Sessions (3)"
    history.stack.undo()
    assert view.sessions.filter.rowCount() == 2
    assert view.summary.text().startswith("2 sessions, ")


def test_adding_a_session_follows_the_course_chosen_in_the_courses_list(
    qtbot: QtBot, view: SessionsView
) -> None:
    show_tab(view, view.courses)
    assert view.courses.select_record(1)  # the stopped minoxidil course
    show_tab(view, view.sessions)
    form = view.sessions.open_form(None)
    assert isinstance(form, SessionForm)
    assert form.treatment.value() == 1
    assert form.prefill_note.text() == "This is the first session of this course."
    form.reject()


def test_deleting_a_course_says_its_sessions_go_too_and_undo_brings_them_back(
    qtbot: QtBot, view: SessionsView, history: History, fake_prompts: FakePrompts
) -> None:
    show_tab(view, view.courses)
    view.courses.select_record(2)
    fake_prompts.confirm_answers.append(True)
    qtbot.keyClick(view.courses.table, Qt.Key.Key_Delete)

    assert fake_prompts.questions == [
        "Delete the course “Exosomes, ExoVial 10”?\n\n"
        "Its 2 sessions will be deleted too. (Edit > Undo brings everything back.)"
    ]
    assert models.Session.select().count() == 0
    assert view.courses.filter.rowCount() == 1
    assert view.summary.text() == "1 course; no sessions are recorded yet."
    assert not view.next_session.isVisible()
    show_tab(view, view.sessions)
    assert view.sessions.filter.rowCount() == 0

    history.stack.undo()
    assert view.sessions.filter.rowCount() == 2
    assert models.Session.get(models.Session.lot == "L-2").volume_ml == 3.0
    show_tab(view, view.courses)
    assert column_texts(view.courses, 0)["Sessions"] == "2"
    history.stack.redo()
    assert models.Treatment.select().count() == 1
    assert view.courses.filter.rowCount() == 1


def test_a_course_without_sessions_is_deleted_without_talk_of_sessions(
    view: SessionsView, fake_prompts: FakePrompts
) -> None:
    show_tab(view, view.courses)
    view.courses.select_record(1)
    fake_prompts.confirm_answers.append(True)
    assert view.courses.delete_current()
    assert fake_prompts.questions == ["Delete the course “Minoxidil (oral), Loniten”?"]


def test_pain_edited_in_place_is_checked_and_undoable(
    view: SessionsView, history: History, fake_prompts: FakePrompts
) -> None:
    pain = [view.sessions.filter.headerData(c, Qt.Orientation.Horizontal) for c in range(9)].index(
        "Pain (0-10)"
    )
    assert view.sessions.filter.setData(view.sessions.filter.index(0, pain), 7)
    newest = models.Session.get(models.Session.lot == "L-2")
    assert newest.pain == 7
    assert view.sessions.filter.index(0, pain).data() == "7"  # the list was read again
    assert view.sessions.filter.setData(view.sessions.filter.index(0, pain), 12) is False
    assert fake_prompts.errors[-1][1] == "Pain must be a whole number from 0 to 10, not 12."
    history.stack.undo()
    assert models.Session.get_by_id(newest.id).pain is None


def test_no_session_can_be_added_before_a_course(qtbot: QtBot, tmp_path: Path) -> None:
    with create_journal(tmp_path / "new.hairjournal", title="New", condition=Condition.TE):
        view = SessionsView(History())
        qtbot.addWidget(view)
        view.refresh()
        assert not view.sessions.add_button.isEnabled()
        assert "Add a course first" in view.sessions.add_button.toolTip()
        assert view.summary.text().startswith("No courses or sessions are recorded yet.")
        assert view.courses.add_button.isEnabled()


def test_the_window_shows_the_sessions_view_on_its_journal(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    window.show_view("sessions")
    view = window.views["sessions"]
    assert isinstance(view, SessionsView)
    assert view.sessions.filter.rowCount() == 3  # the sample journal's sessions
    qtmodeltester.check(view.sessions.records)
