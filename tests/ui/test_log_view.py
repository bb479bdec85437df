"""The Log view: the quick entry and strip on top, and lists of counts, check-ins and events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, EventKind, ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.date_text import DASH
from hairjournal.ui.forms.checkin_form import CheckinForm
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.forms.shed_count_form import ShedCountForm
from hairjournal.ui.history import History
from hairjournal.ui.log_view import LogView
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.record_list import RecordList
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts

TODAY = dt.date.today()  # the lists judge in-place edits against the computer's date


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "l.hairjournal", title="L", condition=Condition.TE) as opened:
        records.add_many(
            models.ShedCount,
            [
                {"date": ago(1), "protocol": "daily_total", "value": 80, "wash_day": True},
                {"date": ago(2), "protocol": "daily_total", "value": 75},
                {"date": ago(2), "protocol": "visual_scale", "value": 3},
            ],
        )
        records.add(models.Checkin, {"date": ago(3), "density": 6, "itch": 2})
        records.add(
            models.Event, {"kind": EventKind.COVID, "started_on": ago(60), "ended_on": ago(50)}
        )
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


@pytest.fixture
def view(qtbot: QtBot, history: History) -> LogView:
    log = LogView(history)
    qtbot.addWidget(log)
    log.resize(1100, 760)
    log.show()
    qtbot.waitExposed(log)
    log.refresh()
    return log


def shown(records_list: RecordList, column: int) -> list[str]:
    model = records_list.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_lists_hold_every_record_and_pass_the_model_tests(
    qtmodeltester: ModelTester, view: LogView
) -> None:
    assert [view.tabs.tabText(n) for n in range(3)] == ["&Shedding counts", "&Check-ins", "Eve&nts"]
    assert view.counts.count_line.text() == "3 shedding counts"
    assert sorted(shown(view.counts, 2)) == ["75", "80", "grade 3 (a medium bundle, normal)"]
    assert view.checkins.records.rowCount() == 1
    assert shown(view.checkins, 1) == ["6"]
    assert shown(view.events, 0) == ["COVID-19"]
    for records_list in (view.counts, view.checkins, view.events):
        qtmodeltester.check(records_list.records)
        qtmodeltester.check(records_list.filter)


def test_the_count_field_has_the_cursor_when_the_view_is_shown(qtbot: QtBot, view: LogView) -> None:
    view.counts.search.setFocus()
    assert view.focusWidget() is view.counts.search
    view.hide()
    view.show()
    assert view.focusWidget() is view.quick_entry.value.count


def test_a_quick_entry_appears_in_the_strip_and_the_list(
    qtbot: QtBot, view: LogView, journal: OpenJournal, history: History
) -> None:
    assert view.strip.cell(ShedProtocol.DAILY_TOTAL, TODAY).text() == DASH
    view.quick_entry.focus_entry()
    qtbot.keyClicks(view.quick_entry.value.count, "91")
    qtbot.keyClick(view.quick_entry.value.count, Qt.Key.Key_Return)
    assert read_journal(journal.path, f"SELECT value FROM shed_count WHERE date = '{TODAY}'") == [
        (91,)
    ]
    qtbot.waitUntil(lambda: view.strip.cell(ShedProtocol.DAILY_TOTAL, TODAY).text() == "91")
    assert shown(view.counts, 2)[0] == "91"
    history.stack.undo()
    qtbot.waitUntil(lambda: view.strip.cell(ShedProtocol.DAILY_TOTAL, TODAY).text() == DASH)
    assert view.counts.count_line.text() == "3 shedding counts"
    assert view.quick_entry.save_button.text() == "Save"


def test_add_opens_the_count_form_on_the_chosen_protocol(
    qtbot: QtBot, view: LogView, journal: OpenJournal
) -> None:
    view.quick_entry.protocol.setCurrentIndex(
        view.quick_entry.protocol.findText(ShedProtocol.COMB_60S.label)
    )
    assert ShedProtocol.COMB_60S in [row.protocol for row in view.strip.rows]  # joins the strip
    qtbot.mouseClick(view.counts.add_button, Qt.MouseButton.LeftButton)
    form = view.counts.form
    assert isinstance(form, ShedCountForm)
    assert form.protocol.value() is ShedProtocol.COMB_60S
    qtbot.keyClicks(form.value.count, "12")
    qtbot.keyClick(form.value.count, Qt.Key.Key_Return)
    assert read_journal(journal.path, "SELECT value FROM shed_count WHERE protocol='comb_60s'") == [
        (12,)
    ]
    qtbot.waitUntil(lambda: view.strip.cell(ShedProtocol.COMB_60S, TODAY).text() == "12")
    assert view.counts.current_row()["value"] == 12  # the new record is selected


def test_a_checkin_is_added_from_its_tab(qtbot: QtBot, view: LogView, journal: OpenJournal) -> None:
    view.tabs.setCurrentWidget(view.checkins)
    qtbot.mouseClick(view.checkins.add_button, Qt.MouseButton.LeftButton)
    form = view.checkins.form
    assert isinstance(form, CheckinForm)
    density = form.ratings["density"].slider
    for _ in range(4):
        qtbot.keyClick(density, Qt.Key.Key_Right)
    qtbot.keyClick(density, Qt.Key.Key_Return)
    assert read_journal(journal.path, "SELECT date, density FROM checkin ORDER BY date") == [
        (ago(3).isoformat(), 6),
        (TODAY.isoformat(), 4),
    ]
    qtbot.waitUntil(lambda: view.checkins.count_line.text() == "2 check-ins")
    assert shown(view.checkins, 1)[0] == "4"


def test_an_event_is_added_from_its_tab(qtbot: QtBot, view: LogView, journal: OpenJournal) -> None:
    view.tabs.setCurrentWidget(view.events)
    qtbot.mouseClick(view.events.add_button, Qt.MouseButton.LeftButton)
    form = view.events.form
    assert isinstance(form, EventForm)
    form.kind.setCurrentIndex(form.kind.findText(EventKind.STRESS.label))
    form.accept()
    assert read_journal(journal.path, "SELECT kind FROM event ORDER BY id") == [
        ("covid",),
        ("stress",),
    ]
    assert shown(view.events, 2)[0] == "ongoing"


def test_an_edit_in_the_list_is_checked_like_the_form(
    view: LogView, journal: OpenJournal, fake_prompts: FakePrompts
) -> None:
    counts = view.counts.records
    row = counts.row_of(models.ShedCount.get(date=ago(2), protocol="daily_total").id)
    value, date = counts.index(row, 2), counts.index(row, 0)

    fake_prompts.confirm_answers.append(False)
    assert not counts.setData(value, 1600)
    assert "unusually high for a daily total" in fake_prompts.questions[-1]
    assert not counts.setData(date, ago(1))  # the day already has a daily total
    assert fake_prompts.errors[-1][1] == (
        f"A daily total for {ago(1).day} {ago(1):%b} {ago(1).year} is already saved (80). "
        "Edit that one, or pick another day."
    )
    assert counts.setData(value, 70)
    assert read_journal(
        journal.path, f"SELECT value FROM shed_count WHERE date = '{ago(2)}' ORDER BY protocol"
    ) == [(70,), (3,)]


def test_a_count_deleted_from_the_list_leaves_the_strip_and_comes_back_with_undo(
    qtbot: QtBot, view: LogView, history: History, fake_prompts: FakePrompts
) -> None:
    view.counts.select_record(models.ShedCount.get(date=ago(1)).id)
    fake_prompts.confirm_answers.append(True)
    assert view.counts.delete_current()
    assert "Delete the shedding count of" in fake_prompts.questions[-1]
    qtbot.waitUntil(lambda: view.strip.cell(ShedProtocol.DAILY_TOTAL, ago(1)).text() == DASH)
    history.stack.undo()
    qtbot.waitUntil(lambda: view.strip.cell(ShedProtocol.DAILY_TOTAL, ago(1)).text() == "80\nwash")
    assert view.counts.count_line.text() == "3 shedding counts"


def test_in_the_window_the_count_field_takes_the_cursor_unless_the_arrows_move_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dashboard, log = window.views["dashboard"], window.views["log"]
    assert QApplication.focusWidget() is dashboard.quick_entry.value.count
    navigation = window.navigation
    navigation.setFocus()
    qtbot.keyClick(navigation, Qt.Key.Key_Down)  # moving through the views stays in the list
    assert window.current_view() == "log"
    assert QApplication.focusWidget() is navigation
    qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.current_view() == "sessions"
    item = navigation.item(1)
    qtbot.mouseClick(
        navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=navigation.visualItemRect(item).center(),
    )
    assert window.current_view() == "log"
    assert QApplication.focusWidget() is log.quick_entry.value.count  # a click goes to work
