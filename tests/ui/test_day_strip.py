"""The 14-day strip: what was counted and what is missing, and each day opens its count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ShedProtocol
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.date_text import DASH
from hairjournal.ui.day_strip import DayStrip
from hairjournal.ui.history import History
from tests.ui.conftest import read_journal

TODAY = dt.date(2026, 11, 24)
DAILY, COMB = ShedProtocol.DAILY_TOTAL, ShedProtocol.COMB_60S


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "s.hairjournal", title="S", condition=Condition.TE) as opened:
        records.add_many(
            models.ShedCount,
            [
                {"date": ago(1), "protocol": DAILY, "value": 80, "wash_day": True},
                {"date": ago(2), "protocol": DAILY, "value": 1200},
                {"date": ago(13), "protocol": DAILY, "value": 95},
                {"date": ago(14), "protocol": DAILY, "value": 99},  # a day before the strip
                {"date": ago(3), "protocol": COMB, "value": 14, "notes": "Before washing"},
            ],
        )
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


@pytest.fixture
def strip(qtbot: QtBot, history: History) -> DayStrip:
    days = DayStrip(history)
    qtbot.addWidget(days)
    days.resize(900, 200)
    days.show()
    qtbot.waitExposed(days)
    days.refresh(TODAY)
    return days


def test_each_protocol_counted_gets_a_row_of_14_days(strip: DayStrip) -> None:
    assert [row.protocol for row in strip.rows] == [DAILY, COMB]
    daily = [strip.cell(DAILY, ago(n)) for n in range(13, -1, -1)]
    assert [cell.text() for cell in daily] == [
        "95",
        *[DASH] * 10,
        "1,200",
        "80\nwash",
        DASH,
    ]
    assert all(cell.isVisible() for cell in daily)
    assert strip.cell(COMB, ago(3)).text() == "14"
    with pytest.raises(KeyError):
        strip.cell(DAILY, ago(14))


def test_missing_wash_and_today_are_marked(strip: DayStrip) -> None:
    washed, missing, today = (strip.cell(DAILY, day) for day in (ago(1), ago(3), TODAY))
    assert washed.property("wash") is True
    assert washed.toolTip() == "Daily total, Mon 23 Nov 2026: 80, wash day. Click to change it."
    assert missing.property("missing") is True
    assert missing.toolTip() == "Daily total, Sat 21 Nov 2026: not counted. Click to add it."
    assert today.property("today") is True
    assert today.accessibleName() == "Daily total, today: not counted. Click to add it."
    assert strip.cell(DAILY, ago(1)).property("today") is False


def test_a_protocol_asked_for_gets_a_row_even_when_not_counted(strip: DayStrip) -> None:
    strip.refresh(TODAY, include=[ShedProtocol.BRUSH])
    assert [row.protocol for row in strip.rows] == [DAILY, ShedProtocol.BRUSH, COMB]
    assert strip.cell(ShedProtocol.BRUSH, TODAY).text() == DASH


def test_clicking_a_missing_day_adds_its_count(
    qtbot: QtBot, strip: DayStrip, journal: OpenJournal, history: History
) -> None:
    with qtbot.waitSignal(strip.form_opened) as opened:
        qtbot.mouseClick(strip.cell(DAILY, ago(4)), Qt.MouseButton.LeftButton)
    form = opened.args[0]
    assert form is strip.form
    assert form.windowTitle() == "Add shedding count"
    assert (form.date.value(), form.protocol.value()) == (ago(4), DAILY)
    qtbot.waitUntil(form.value.count.hasFocus)
    qtbot.keyClicks(form.value.count, "66")
    qtbot.keyClick(form.value.count, Qt.Key.Key_Return)
    assert read_journal(journal.path, f"SELECT value FROM shed_count WHERE date = '{ago(4)}'") == [
        (66,)
    ]
    strip.refresh(TODAY)
    assert strip.cell(DAILY, ago(4)).text() == "66"


def test_a_counted_day_opens_its_count_to_edit(
    qtbot: QtBot, strip: DayStrip, journal: OpenJournal, history: History
) -> None:
    qtbot.mouseClick(strip.cell(COMB, ago(3)), Qt.MouseButton.LeftButton)
    form = strip.form
    assert form is not None
    assert form.windowTitle() == "Edit shedding count"
    assert form.value.count.text() == "14"
    assert form.notes.value() == "Before washing"
    form.value.count.selectAll()
    qtbot.keyClicks(form.value.count, "16")
    form.accept()
    comb = "SELECT value FROM shed_count WHERE protocol = 'comb_60s'"
    assert read_journal(journal.path, comb) == [(16,)]
    assert read_journal(journal.path, "SELECT count(*) FROM shed_count") == [(5,)]
    history.stack.undo()
    assert models.ShedCount.get(models.ShedCount.protocol == COMB).value == 14


def test_the_arrow_keys_move_between_days_and_enter_opens_one(
    qtbot: QtBot, strip: DayStrip
) -> None:
    strip.activateWindow()
    start = strip.cell(DAILY, ago(2))
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, Qt.Key.Key_Right)
    assert strip.cell(DAILY, ago(1)).hasFocus()
    qtbot.keyClick(strip.cell(DAILY, ago(1)), Qt.Key.Key_Down)
    assert strip.cell(COMB, ago(1)).hasFocus()
    qtbot.keyClick(strip.cell(COMB, ago(1)), Qt.Key.Key_Down)  # no row below: stays
    assert strip.cell(COMB, ago(1)).hasFocus()
    for _ in range(3):
        qtbot.keyClick(strip.focusWidget(), Qt.Key.Key_Right)  # stops at today
    assert strip.cell(COMB, TODAY).hasFocus()
    qtbot.keyClick(strip.cell(COMB, TODAY), Qt.Key.Key_Return)
    assert strip.form is not None
    assert (strip.form.date.value(), strip.form.protocol.value()) == (TODAY, COMB)
    strip.form.reject()


def test_the_focused_day_keeps_the_focus_across_a_refresh(qtbot: QtBot, strip: DayStrip) -> None:
    strip.activateWindow()
    strip.cell(COMB, ago(3)).setFocus()
    qtbot.waitUntil(strip.cell(COMB, ago(3)).hasFocus)
    strip.refresh(TODAY)
    assert strip.cell(COMB, ago(3)).hasFocus()
