"""The shedding count form, driven as a person would: type, pick, press Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.shed_count_form import ShedCountForm
from hairjournal.ui.history import History
from tests.ui.fake_prompts import FakePrompts
from tests.ui.forms.conftest import TODAY
from tests.ui.forms.keyboard import type_date

YESTERDAY = TODAY - dt.timedelta(days=1)


def _form(
    qtbot: QtBot, history: History, record_id: int | None = None, **where: object
) -> ShedCountForm:
    form = ShedCountForm(history, record_id, today=TODAY, **where)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _pick(form: ShedCountForm, protocol: ShedProtocol) -> None:
    form.protocol.setCurrentIndex(form.protocol.findText(protocol.label))


def _counts() -> list[tuple]:
    query = models.ShedCount.select().order_by(models.ShedCount.date, models.ShedCount.protocol)
    return [(c.date, c.protocol, c.value, c.wash_day, c.notes) for c in query]


def test_a_typed_count_is_saved_with_enter_and_can_be_undone(
    qtbot: QtBot, history: History
) -> None:
    form = _form(qtbot, history)
    assert form.windowTitle() == "Add shedding count"
    assert form.focusWidget() is form.value.count  # the cursor starts where the number goes
    type_date(qtbot, form.date, YESTERDAY)
    qtbot.keyClicks(form.value.count, "1,240")
    form.wash_day.click()
    qtbot.keyClicks(form.notes, "Long shower")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.value.count, Qt.Key.Key_Return)

    assert _counts() == [(YESTERDAY, ShedProtocol.DAILY_TOTAL, 1240, True, "Long shower")]
    assert not form.isVisible()
    assert history.stack.undoText() == ("Add shedding count of 23 Nov 2026 (daily total, 1240)")
    history.stack.undo()
    assert _counts() == []
    history.stack.redo()
    assert _counts() == [(YESTERDAY, ShedProtocol.DAILY_TOTAL, 1240, True, "Long shower")]


def test_the_how_to_follows_the_protocol(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    assert "never validated" in form.how_to.text()
    _pick(form, ShedProtocol.COMB_60S)
    text = form.how_to.text()
    assert form.how_to.isVisible()
    for phrase in ("Before shampooing", "same comb", "3 consecutive shampoos", "Wasko"):
        assert phrase in text
    _pick(form, ShedProtocol.WASH_TEST)
    assert "24 hours before" in form.how_to.text()


def test_the_visual_scale_is_picked_not_typed(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    _pick(form, ShedProtocol.VISUAL_SCALE)
    assert form.value.scale.isVisible()
    assert not form.value.count.isVisible()
    assert form.fields.labelForField(form.value.parentWidget()).text() == "&Grade:"
    assert "grades 5 and 6 mean excessive" in form.how_to.text()
    form.value.scale.setFocus()
    qtbot.keyClick(form.value.scale, Qt.Key.Key_5)
    qtbot.keyClick(form.value.scale, Qt.Key.Key_Left)
    assert form.value.value() == 4
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.value.scale, Qt.Key.Key_Return)  # Enter reaches the Save button
    assert _counts() == [(TODAY, ShedProtocol.VISUAL_SCALE, 4, False, "")]


def test_a_day_already_counted_is_edited_not_added_twice(qtbot: QtBot, history: History) -> None:
    old = records.add(
        models.ShedCount,
        {"date": YESTERDAY, "protocol": ShedProtocol.SHOWER, "value": 40, "notes": "Morning"},
    )
    form = _form(qtbot, history, protocol=ShedProtocol.SHOWER)
    assert not form.notice.isVisible()
    type_date(qtbot, form.date, YESTERDAY)

    assert form.notice.isVisible()
    assert form.notice.text() == (
        "A shower count for Mon 23 Nov 2026 is already saved (40), so you are editing it."
    )
    assert form.windowTitle() == "Edit shedding count"
    assert form.value.count.text() == "40"
    assert form.notes.value() == "Morning"
    form.value.count.selectAll()
    qtbot.keyClicks(form.value.count, "55")
    form.accept()
    assert _counts() == [(YESTERDAY, ShedProtocol.SHOWER, 55, False, "Morning")]
    assert history.stack.undoText().startswith("Edit shedding count of 23 Nov 2026")
    history.stack.undo()
    assert models.ShedCount.get_by_id(old).value == 40


def test_moving_on_to_a_free_day_goes_back_to_adding(qtbot: QtBot, history: History) -> None:
    records.add(models.ShedCount, {"date": TODAY, "protocol": "daily_total", "value": 70})
    form = _form(qtbot, history)
    assert form.windowTitle() == "Edit shedding count"
    assert form.value.count.text() == "70"
    type_date(qtbot, form.date, YESTERDAY)
    assert form.windowTitle() == "Add shedding count"
    assert not form.notice.isVisible()
    assert form.value.count.text() == ""  # yesterday's count is not today's
    qtbot.keyClicks(form.value.count, "64")
    form.accept()
    assert [c[:3] for c in _counts()] == [
        (YESTERDAY, ShedProtocol.DAILY_TOTAL, 64),
        (TODAY, ShedProtocol.DAILY_TOTAL, 70),
    ]


def test_editing_onto_a_day_already_counted_is_refused(qtbot: QtBot, history: History) -> None:
    records.add(models.ShedCount, {"date": TODAY, "protocol": "brush", "value": 12})
    earlier = records.add(models.ShedCount, {"date": YESTERDAY, "protocol": "brush", "value": 9})
    form = _form(qtbot, history, earlier)
    assert form.windowTitle() == "Edit shedding count"
    type_date(qtbot, form.date, TODAY)
    form.accept()
    assert form.isVisible()
    assert form.field_errors["date"].text() == (
        "A brush count for 24 Nov 2026 is already saved (12). Edit that one, or pick another day."
    )
    assert models.ShedCount.get_by_id(earlier).date == YESTERDAY


@pytest.mark.parametrize(
    ("protocol", "typed", "message"),
    [
        (ShedProtocol.DAILY_TOTAL, "-5", "A count cannot be negative."),
        (ShedProtocol.DAILY_TOTAL, "lots", "“lots” is not a whole number."),
        (ShedProtocol.BRUSH, "12.5", "A brush must be a whole number from 0 to 10,000, not 12.5."),
        (ShedProtocol.DAILY_TOTAL, "", "Please enter the count."),
    ],
)
def test_a_count_that_cannot_be_is_refused_beside_the_field(
    qtbot: QtBot, history: History, protocol: ShedProtocol, typed: str, message: str
) -> None:
    form = _form(qtbot, history, protocol=protocol)
    qtbot.keyClicks(form.value.count, typed)
    qtbot.keyClick(form.value.count, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.field_errors["value"].isVisible()
    assert form.field_errors["value"].text() == message
    assert form.value.count.text() == typed  # what was typed stays
    assert _counts() == []


@pytest.mark.parametrize(
    ("protocol", "typed", "limit"),
    [(ShedProtocol.DAILY_TOTAL, "1600", "1,500"), (ShedProtocol.COMB_60S, "301", "300")],
)
def test_an_unusual_count_is_saved_only_when_confirmed(
    qtbot: QtBot,
    history: History,
    fake_prompts: FakePrompts,
    protocol: ShedProtocol,
    typed: str,
    limit: str,
) -> None:
    form = _form(qtbot, history, protocol=protocol)
    qtbot.keyClicks(form.value.count, typed)
    fake_prompts.confirm_answers.append(False)
    form.accept()
    assert f"(more than {limit})" in fake_prompts.questions[-1]
    assert form.isVisible()
    assert _counts() == []
    fake_prompts.confirm_answers.append(True)
    form.accept()
    assert [c[2] for c in _counts()] == [int(typed)]


def test_a_failed_save_keeps_what_was_typed(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    qtbot.keyClicks(form.value.count, "88")
    form.wash_day.click()
    qtbot.keyClick(form.value.count, Qt.Key.Key_Return)
    assert form.isVisible()
    assert "input/output error" in form.failure.text()
    assert form.value.count.text() == "88"
    assert form.wash_day.isChecked()
    assert history.stack.count() == 0


def test_escape_cancels_and_saves_nothing(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.value.count, "90")
    qtbot.keyClick(form.value.count, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert _counts() == []
