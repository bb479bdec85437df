"""Today's count in one row: type it, press Enter; the same row changes it later in the day."""

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
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.history import History
from hairjournal.ui.quick_entry import QuickEntry
from hairjournal.ui.settings import Settings
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "q.hairjournal", title="Q", condition=Condition.TE) as opened:
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()


def make_entry(qtbot: QtBot, history: History, settings: Settings | None = None) -> QuickEntry:
    entry = QuickEntry(history, settings)
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    entry.refresh(TODAY, fill=True)
    entry.activateWindow()
    entry.focus_entry()
    qtbot.waitUntil(entry.value.count.hasFocus)
    return entry


@pytest.fixture
def entry(qtbot: QtBot, history: History) -> QuickEntry:
    return make_entry(qtbot, history, Settings())


def rows(journal: OpenJournal) -> list[tuple]:
    return read_journal(
        journal.path, "SELECT date, protocol, value, wash_day FROM shed_count ORDER BY id"
    )


def test_enter_saves_todays_count_and_clears_the_field(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal, history: History
) -> None:
    assert entry.chosen() is ShedProtocol.DAILY_TOTAL
    assert entry.status.text() == "No daily total yet today: type the count and press Enter."
    assert entry.save_button.text() == "Save"
    qtbot.keyClicks(entry.value.count, "85")
    with qtbot.waitSignal(entry.count_saved):
        qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)

    assert rows(journal) == [("2026-11-24", "daily_total", 85, 0)]
    assert entry.value.count.text() == ""
    assert entry.value.count.hasFocus()  # ready for the next entry
    assert entry.save_button.text() == "Update"
    assert entry.status.text().startswith("Today's daily total: 85 (saved at ")
    assert not entry.error.isVisible()
    assert history.stack.undoText() == "Add shedding count of 24 Nov 2026 (daily total, 85)"
    history.stack.undo()
    assert rows(journal) == []


def test_a_second_entry_today_changes_the_first(
    qtbot: QtBot, history: History, journal: OpenJournal
) -> None:
    records.add(models.ShedCount, {"date": TODAY, "protocol": "daily_total", "value": 70})
    entry = make_entry(qtbot, history)
    assert entry.value.count.text() == "70"  # today's count is shown, ready to overtype
    assert entry.value.count.selectedText() == "70"
    assert entry.save_button.text() == "Update"
    assert entry.status.text() == (
        "Today's daily total: 70. Type a new number and press Enter to change it."
    )
    qtbot.keyClicks(entry.value.count, "92")
    entry.wash_day.click()
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Enter)

    assert rows(journal) == [("2026-11-24", "daily_total", 92, 1)]
    assert history.stack.undoText() == "Edit shedding count of 24 Nov 2026 (daily total, 92)"
    history.stack.undo()
    assert rows(journal) == [("2026-11-24", "daily_total", 70, 0)]
    history.stack.redo()
    assert rows(journal) == [("2026-11-24", "daily_total", 92, 1)]


def test_the_protocol_last_saved_is_remembered_in_the_settings(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal, history: History
) -> None:
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.SHOWER.label))
    entry.focus_entry()
    qtbot.keyClicks(entry.value.count, "44")
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert rows(journal) == [("2026-11-24", "shower", 44, 0)]
    assert Settings().last_protocol() is ShedProtocol.SHOWER

    again = make_entry(qtbot, history, Settings())
    assert again.chosen() is ShedProtocol.SHOWER
    assert again.value.count.text() == "44"


def test_without_settings_it_starts_on_the_protocol_counted_last(
    qtbot: QtBot, history: History
) -> None:
    records.add(models.ShedCount, {"date": TODAY, "protocol": "brush", "value": 12})
    records.add(
        models.ShedCount, {"date": TODAY - dt.timedelta(1), "protocol": "shower", "value": 30}
    )
    assert make_entry(qtbot, history).chosen() is ShedProtocol.BRUSH


def test_the_visual_scale_is_picked_with_a_key(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal
) -> None:
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.VISUAL_SCALE.label))
    assert entry.value.scale.isVisible()
    assert not entry.value.count.isVisible()
    assert entry.grade_words.text() == "1 smallest … 6 largest bundle"
    entry.focus_entry()
    qtbot.waitUntil(entry.value.scale.hasFocus)
    qtbot.keyClick(entry.value.scale, Qt.Key.Key_5)
    assert entry.grade_words.text() == "Grade 5: a large bundle (excessive)"
    qtbot.keyClick(entry.value.scale, Qt.Key.Key_Return)
    assert rows(journal) == [("2026-11-24", "visual_scale", 5, 0)]
    assert entry.value.value() is None
    assert entry.status.text().startswith(
        "Today's visual-scale grade: grade 5 (a large bundle, excessive) (saved at "
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-3", "A count cannot be negative."),
        ("eighty", "“eighty” is not a whole number."),
        ("", "Please enter the count."),
        ("20000", "A daily total must be a whole number from 0 to 10,000, not 20,000."),
    ],
)
def test_a_count_that_cannot_be_is_refused_in_plain_words(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal, typed: str, message: str
) -> None:
    qtbot.keyClicks(entry.value.count, typed)
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert entry.error.isVisible()
    assert entry.error.text() == message
    assert entry.value.count.text() == typed
    assert entry.value.count.hasFocus()
    assert rows(journal) == []


def test_an_unusual_count_asks_first(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal, fake_prompts: FakePrompts
) -> None:
    qtbot.keyClicks(entry.value.count, "1600")
    fake_prompts.confirm_answers.append(False)
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert fake_prompts.questions == [
        "1,600 is unusually high for a daily total (more than 1,500). Save it anyway?"
    ]
    assert rows(journal) == []
    assert entry.value.count.text() == "1600"
    fake_prompts.confirm_answers.append(True)
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert rows(journal) == [("2026-11-24", "daily_total", 1600, 0)]


def test_the_comb_count_asks_above_300(
    qtbot: QtBot, entry: QuickEntry, journal: OpenJournal, fake_prompts: FakePrompts
) -> None:
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.COMB_60S.label))
    entry.focus_entry()
    qtbot.keyClicks(entry.value.count, "300")
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert fake_prompts.questions == []  # 300 itself is not unusual
    assert rows(journal) == [("2026-11-24", "comb_60s", 300, 0)]
    qtbot.keyClicks(entry.value.count, "301")
    fake_prompts.confirm_answers.append(True)
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert "(more than 300)" in fake_prompts.questions[0]
    assert rows(journal) == [("2026-11-24", "comb_60s", 301, 0)]


def test_a_failed_save_keeps_the_count_and_says_why(
    qtbot: QtBot,
    entry: QuickEntry,
    journal: OpenJournal,
    history: History,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    qtbot.keyClicks(entry.value.count, "77")
    entry.wash_day.click()
    qtbot.keyClick(entry.value.count, Qt.Key.Key_Return)
    assert entry.error.isVisible()
    assert "input/output error" in entry.error.text()
    assert entry.value.count.text() == "77"
    assert entry.wash_day.isChecked()
    assert entry.save_button.text() == "Save"
    assert history.stack.count() == 0
    assert rows(journal) == []


def test_the_how_to_is_one_click_away(qtbot: QtBot, entry: QuickEntry) -> None:
    assert not entry.how_to.isVisible()
    assert "never validated" in entry.how_to_button.toolTip()
    qtbot.mouseClick(entry.how_to_button, Qt.MouseButton.LeftButton)
    assert entry.how_to.isVisible()
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.COMB_60S.label))
    assert "same comb" in entry.how_to.text()
    assert "same comb" in entry.how_to_button.toolTip()
    qtbot.keyClick(entry.how_to_button, Qt.Key.Key_Space)
    assert not entry.how_to.isVisible()
    entry.how_to_button.setFocus()
    qtbot.keyClick(entry.how_to_button, Qt.Key.Key_Return)  # Enter on it opens, not saves
    assert entry.how_to.isVisible()
    assert not entry.error.isVisible()


def test_a_protocol_the_settings_do_not_know_is_ignored(
    qtbot: QtBot, history: History, tmp_path: Path
) -> None:
    (tmp_path / "odd.ini").write_text("[entry]\nprotocol=hair_tonic\n", encoding="utf-8")
    settings = Settings(tmp_path / "odd.ini")
    assert settings.last_protocol() is None
    assert make_entry(qtbot, history, settings).chosen() is ShedProtocol.DAILY_TOTAL
    settings.set_last_protocol(ShedProtocol.WASH_TEST)
    assert Settings(tmp_path / "odd.ini").last_protocol() is ShedProtocol.WASH_TEST


def test_what_was_typed_survives_a_change_of_protocol(qtbot: QtBot, entry: QuickEntry) -> None:
    records.add(models.ShedCount, {"date": TODAY, "protocol": "brush", "value": 12})
    qtbot.keyClicks(entry.value.count, "64")
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.BRUSH.label))
    assert entry.value.count.text() == "64"  # typed, so not replaced by the brush count
    assert entry.save_button.text() == "Update"
    entry.value.count.clear()
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.SHOWER.label))
    entry.protocol.setCurrentIndex(entry.protocol.findText(ShedProtocol.BRUSH.label))
    assert entry.value.count.text() == "12"
