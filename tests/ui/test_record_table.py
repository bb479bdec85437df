"""The list model and its filter: Qt's model checks, sorting, filters, edits in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.history import History
from hairjournal.ui.inputs import DateInput, NumberInput
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.record_table import SORT_ROLE, RecordFilter, RecordTableModel
from tests.ui import record_lists as data
from tests.ui.fake_prompts import FakePrompts

COUNT, PROTOCOL, VALUE, WASH_DAY, NOTES = range(5)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with data.write_journal(tmp_path / "lists.hairjournal") as opened:
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


@pytest.fixture
def counts(qtbot: QtBot, history: History) -> RecordList:
    shown = data.count_list(history)
    qtbot.addWidget(shown)
    shown.resize(900, 500)
    shown.show()
    qtbot.waitExposed(shown)
    shown.refresh()
    return shown


def column(records: RecordList, number: int) -> list[str]:
    """What a column shows, top to bottom."""
    proxy = records.filter
    return [proxy.index(row, number).data() for row in range(proxy.rowCount())]


def value_of(count_id: int) -> int:
    return models.ShedCount.get_by_id(count_id).value


def test_the_models_pass_qts_model_checks(
    qtmodeltester: ModelTester, history: History, counts: RecordList
) -> None:
    source = RecordTableModel(
        history,
        models.ShedCount,
        data.COUNT_COLUMNS,
        validate=data.validate_count,
        describe=data.describe_count,
    )
    source.refresh()
    assert source.rowCount() == len(data.COUNTS)
    qtmodeltester.check(source, force_py=True)
    proxy = RecordFilter()
    proxy.setSourceModel(source)
    proxy.set_text("daily")
    qtmodeltester.check(proxy, force_py=True)
    qtmodeltester.check(counts.filter, force_py=True)


def test_rows_show_dates_labels_numbers_and_check_boxes(counts: RecordList) -> None:
    source = counts.records
    first = source.index(0, 0)
    assert source.headerData(VALUE, Qt.Orientation.Horizontal) == "Count"
    assert [source.index(0, n).data() for n in range(4)] == [
        "23 Nov 2026",
        "60-second comb count",
        "12",
        "",
    ]
    assert source.index(0, VALUE).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) is None
    wash_days = [
        source.index(row, WASH_DAY).data(Qt.ItemDataRole.CheckStateRole)
        for row in range(source.rowCount())
    ]
    assert wash_days.count(Qt.CheckState.Checked) == 2
    quiet_day = source.index(source.rowCount() - 1, NOTES)
    assert quiet_day.data() == "Quiet day …"  # the first line; the rest on hover
    assert quiet_day.data(Qt.ItemDataRole.ToolTipRole) == "Quiet day\nvery few in the shower"
    assert counts.count_line.text() == "5 shedding counts"


def test_newest_first_until_sorted_by_a_column(counts: RecordList) -> None:
    assert column(counts, COUNT) == [
        "23 Nov 2026",
        "23 Nov 2026",
        "21 Nov 2026",
        "19 Nov 2026",
        "14 Nov 2026",
    ]
    counts.table.sortByColumn(COUNT, Qt.SortOrder.AscendingOrder)
    assert column(counts, COUNT)[0] == "14 Nov 2026"  # by day, not by the text "14 ..." < "19 ..."
    assert column(counts, COUNT)[-1] == "23 Nov 2026"


def test_numbers_sort_by_value_not_by_text(counts: RecordList) -> None:
    counts.table.sortByColumn(VALUE, Qt.SortOrder.AscendingOrder)
    assert column(counts, VALUE) == ["8", "12", "30", "95", "100"]
    counts.table.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder)
    assert column(counts, VALUE) == ["100", "95", "30", "12", "8"]
    assert counts.filter.index(0, VALUE).data(SORT_ROLE) == 100.0


def test_dates_sort_across_months_and_years(qtbot: QtBot, history: History) -> None:
    for day in (dt.date(2025, 12, 30), dt.date(2026, 2, 1), dt.date(2025, 9, 5)):
        records.add(models.ShedCount, {"date": day, "protocol": "brush", "value": 3})
    shown = data.count_list(history)
    qtbot.addWidget(shown)
    shown.refresh()
    shown.table.sortByColumn(COUNT, Qt.SortOrder.AscendingOrder)
    assert column(shown, COUNT)[:3] == ["5 Sep 2025", "30 Dec 2025", "1 Feb 2026"]


def test_date_range_filter(qtbot: QtBot, counts: RecordList) -> None:
    counts.first.given.click()
    counts.first.set_value(data.ago(5))
    assert column(counts, COUNT) == ["23 Nov 2026", "23 Nov 2026", "21 Nov 2026", "19 Nov 2026"]
    assert counts.count_line.text() == "4 of 5 shown"
    counts.last.set_value(data.ago(3))
    assert column(counts, COUNT) == ["21 Nov 2026", "19 Nov 2026"]
    counts.first.set_value(None)  # open at the start
    assert column(counts, COUNT) == ["21 Nov 2026", "19 Nov 2026", "14 Nov 2026"]
    assert counts.clear_button.isEnabled()
    qtbot.mouseClick(counts.clear_button, Qt.MouseButton.LeftButton)
    assert counts.filter.rowCount() == 5
    assert counts.count_line.text() == "5 shedding counts"


def test_text_filter_searches_what_is_shown_ignoring_case(qtbot: QtBot, counts: RecordList) -> None:
    qtbot.keyClicks(counts.search, "SHOWER")
    # The shower count, and the count whose notes mention the shower on their second line.
    assert column(counts, VALUE) == ["30", "8"]
    assert counts.count_line.text() == "2 of 5 shown"
    counts.search.clear()
    qtbot.keyClicks(counts.search, "wash day")  # a ticked check box counts as its title
    assert column(counts, VALUE) == ["95", "30"]
    counts.search.setText("21 nov")
    assert column(counts, VALUE) == ["30"]
    counts.search.setText("nothing like this")
    assert counts.filter.rowCount() == 0
    assert counts.count_line.text() == "0 of 5 shown"


def _edit(qtbot: QtBot, records: RecordList, row: int, number: int) -> QLineEdit | QComboBox:
    index = records.filter.index(row, number)
    records.table.setCurrentIndex(index)
    records.table.edit(index)
    editor = records.table.indexWidget(index)
    assert editor is not None
    return editor


def _type_count(qtbot: QtBot, records: RecordList, row: int, text: str) -> NumberInput:
    editor = _edit(qtbot, records, row, VALUE)
    assert isinstance(editor, NumberInput)
    assert editor.selectedText() == editor.text()  # typing replaces the old count
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def test_count_edited_in_place_is_saved_and_can_be_undone(
    qtbot: QtBot, counts: RecordList, history: History
) -> None:
    count_id = counts.records.record_id(1)  # the daily total of yesterday, 95
    _type_count(qtbot, counts, 1, "85")
    qtbot.waitUntil(lambda: value_of(count_id) == 85)
    assert column(counts, VALUE)[1] == "85"
    assert counts.form is None  # the Enter that saved the cell did not also open the form
    assert history.stack.undoText() == "Edit shedding count of 23 Nov 2026 (daily total, 95)"
    history.stack.undo()
    assert value_of(count_id) == 95
    assert column(counts, VALUE)[1] == "95"
    history.stack.redo()
    assert column(counts, VALUE)[1] == "85"


def test_a_negative_count_is_refused_with_the_reason(
    qtbot: QtBot, counts: RecordList, history: History, fake_prompts: FakePrompts
) -> None:
    count_id = counts.records.record_id(1)
    _type_count(qtbot, counts, 1, "-5")
    qtbot.waitUntil(lambda: bool(fake_prompts.errors))
    assert fake_prompts.errors == [("The change was not saved", "A count cannot be negative.")]
    assert value_of(count_id) == 95
    assert column(counts, VALUE)[1] == "95"
    assert history.stack.count() == 0


def test_letters_in_a_count_are_refused(
    qtbot: QtBot, counts: RecordList, history: History, fake_prompts: FakePrompts
) -> None:
    _type_count(qtbot, counts, 1, "lots")
    qtbot.waitUntil(lambda: bool(fake_prompts.errors))
    assert fake_prompts.errors[0][1] == "“lots” is not a whole number."
    assert history.stack.count() == 0


@pytest.mark.parametrize("answer", [True, False])
def test_an_unusual_count_is_saved_only_when_confirmed(
    qtbot: QtBot, counts: RecordList, history: History, fake_prompts: FakePrompts, answer: bool
) -> None:
    count_id = counts.records.record_id(1)
    fake_prompts.confirm_answers.append(answer)
    _type_count(qtbot, counts, 1, "1800")
    qtbot.waitUntil(lambda: not fake_prompts.confirm_answers)
    assert "1,800 is unusually high" in fake_prompts.questions[0]
    qtbot.waitUntil(lambda: value_of(count_id) == (1800 if answer else 95))
    assert history.stack.count() == int(answer)


def test_a_change_the_journal_refuses_keeps_the_old_value(
    qtbot: QtBot, counts: RecordList, history: History, fake_prompts: FakePrompts
) -> None:
    # Yesterday already has a comb count, and a day holds one count per protocol.
    count_id = counts.records.record_id(1)
    editor = _edit(qtbot, counts, 1, PROTOCOL)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText(ShedProtocol.COMB_60S.label))
    editor.activated.emit(editor.currentIndex())  # as when a person picks it from the list
    qtbot.waitUntil(lambda: bool(fake_prompts.errors))
    title, message = fake_prompts.errors[0]
    assert title == "The change was not saved"
    assert message.startswith("The journal refused this entry")
    assert models.ShedCount.get_by_id(count_id).protocol is ShedProtocol.DAILY_TOTAL
    assert column(counts, PROTOCOL)[1] == "Daily total"
    assert history.stack.count() == 0


def test_a_failed_write_says_why(
    qtbot: QtBot,
    counts: RecordList,
    history: History,
    fake_prompts: FakePrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*_args: object) -> None:
        raise WriteFailed(Failure.DISK_FULL, "database or disk is full")

    monkeypatch.setattr(records, "change", disk_full)
    _type_count(qtbot, counts, 1, "70")
    qtbot.waitUntil(lambda: bool(fake_prompts.errors))
    assert "The disk is full" in fake_prompts.errors[0][1]
    assert column(counts, VALUE)[1] == "95"


def test_a_date_is_changed_in_place_and_a_future_one_refused(
    qtbot: QtBot, counts: RecordList, history: History, fake_prompts: FakePrompts
) -> None:
    count_id = counts.records.record_id(1)
    editor = _edit(qtbot, counts, 1, COUNT)
    assert isinstance(editor, DateInput)
    assert editor.value() == data.ago(1)
    editor.set_value(data.ago(2))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: models.ShedCount.get_by_id(count_id).date == data.ago(2))
    assert counts.current_id() == count_id  # still selected, now on its new row
    assert counts.filter.index(counts.table.currentIndex().row(), COUNT).data() == "22 Nov 2026"

    editor = _edit(qtbot, counts, counts.table.currentIndex().row(), COUNT)
    editor.set_value(data.TODAY + dt.timedelta(days=3))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(fake_prompts.errors))
    assert fake_prompts.errors[0][1] == "27 Nov 2026 is in the future; today is 24 Nov 2026."
    assert models.ShedCount.get_by_id(count_id).date == data.ago(2)
    assert history.stack.count() == 1


def test_a_wash_day_is_ticked_in_place(counts: RecordList, history: History) -> None:
    count_id = counts.records.record_id(0)  # the comb count, not a wash day
    index = counts.filter.index(0, WASH_DAY)
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert counts.filter.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert models.ShedCount.get_by_id(count_id).wash_day is True
    history.stack.undo()
    assert models.ShedCount.get_by_id(count_id).wash_day is False


def test_columns_without_editable_cannot_be_edited(counts: RecordList) -> None:
    notes = counts.filter.index(0, NOTES)
    assert not notes.flags() & Qt.ItemFlag.ItemIsEditable
    assert not counts.filter.setData(notes, "changed")
    assert not counts.records.setData(QModelIndex(), 3)
