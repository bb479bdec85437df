"""The check-in form: six 0-10 ratings on sliders, each of which may be left unrated."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.store import models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.checkin_form import FIELDS, CheckinForm
from hairjournal.ui.history import History
from tests.ui.forms.conftest import TODAY
from tests.ui.forms.keyboard import type_date

YESTERDAY = TODAY - dt.timedelta(days=1)


def _form(qtbot: QtBot, history: History, record_id: int | None = None) -> CheckinForm:
    form = CheckinForm(history, record_id, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _checkins() -> list[tuple]:
    query = models.Checkin.select().order_by(models.Checkin.date)
    return [(c.date, *(getattr(c, f) for f in FIELDS), c.notes) for c in query]


def _press(qtbot: QtBot, widget: object, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key)


def test_ratings_set_with_the_keyboard_are_saved(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    density, itch = form.ratings["density"], form.ratings["itch"]
    assert density.reading.text() == "not rated"
    _press(qtbot, density.slider, Qt.Key.Key_Right, 6)
    assert density.reading.text() == "6"
    assert density.rated.isChecked()
    qtbot.keyClick(itch.slider, Qt.Key.Key_Home)  # a rating of 0 is a rating too
    assert itch.value() == 0
    assert itch.reading.text() == "0"
    qtbot.keyClicks(form.notes, "Less itch since the new shampoo")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.date, Qt.Key.Key_Return)

    assert _checkins() == [(TODAY, 6, None, None, 0, None, None, "Less itch since the new shampoo")]
    assert history.stack.undoText() == "Add check-in of 24 Nov 2026"
    history.stack.undo()
    assert _checkins() == []
    history.stack.redo()
    assert _checkins()[0][1] == 6


def test_each_rating_has_words_at_both_ends(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    words = {
        field: (rating.low.text(), rating.high.text()) for field, rating in form.ratings.items()
    }
    assert words["density"] == ("0 · very thin", "very full · 10")
    assert words["itch"] == ("0 · none", "severe · 10")
    assert words["quality"] == ("0 · fine and dull", "thick and shiny · 10")
    shown = {label.text() for label in form.findChildren(QLabel) if label.isVisible()}
    assert {"De&nsity:", "&Quality (thickness, shine):", "&Redness:"} <= shown


def test_a_rating_can_be_taken_back(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    flaking, redness = form.ratings["flaking"], form.ratings["redness"]
    _press(qtbot, flaking.slider, Qt.Key.Key_Right, 3)
    qtbot.keyClick(flaking.slider, Qt.Key.Key_Delete)
    assert flaking.value() is None
    assert flaking.reading.text() == "not rated"
    _press(qtbot, redness.slider, Qt.Key.Key_Right, 2)
    redness.rated.click()  # unticked with the mouse
    assert redness.value() is None
    form.ratings["breakage"].slider.setFocus()
    _press(qtbot, form.ratings["breakage"].slider, Qt.Key.Key_End)
    form.accept()
    assert _checkins() == [(TODAY, None, None, 10, None, None, None, "")]


def test_a_checkin_with_nothing_in_it_is_refused(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    qtbot.keyClick(form.date, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.field_errors["notes"].text() == "Rate at least one thing, or write a note."
    assert _checkins() == []


def test_a_future_day_is_refused(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    type_date(qtbot, form.date, TODAY + dt.timedelta(days=3))
    _press(qtbot, form.ratings["density"].slider, Qt.Key.Key_Right)
    form.accept()
    assert form.field_errors["date"].text() == "27 Nov 2026 is in the future; today is 24 Nov 2026."
    assert form.ratings["density"].value() == 1  # nothing set is lost
    assert _checkins() == []


def test_a_day_with_a_checkin_is_edited_not_added_twice(qtbot: QtBot, history: History) -> None:
    old = records.add(models.Checkin, {"date": YESTERDAY, "density": 4, "notes": "Windy"})
    form = _form(qtbot, history)
    type_date(qtbot, form.date, YESTERDAY)
    assert form.notice.isVisible()
    assert form.notice.text() == (
        "There is already a check-in for Mon 23 Nov 2026, so you are editing it."
    )
    assert form.windowTitle() == "Edit check-in"
    assert form.ratings["density"].value() == 4
    assert form.ratings["itch"].value() is None
    _press(qtbot, form.ratings["density"].slider, Qt.Key.Key_Right)
    form.accept()
    assert _checkins() == [(YESTERDAY, 5, None, None, None, None, None, "Windy")]
    history.stack.undo()
    assert models.Checkin.get_by_id(old).density == 4

    again = _form(qtbot, history)  # and today is still free
    assert again.windowTitle() == "Add check-in"
    assert not again.notice.isVisible()


def test_editing_onto_a_day_with_a_checkin_is_refused(qtbot: QtBot, history: History) -> None:
    records.add(models.Checkin, {"date": TODAY, "itch": 3})
    earlier = records.add(models.Checkin, {"date": YESTERDAY, "itch": 5})
    form = _form(qtbot, history, earlier)
    type_date(qtbot, form.date, TODAY)
    form.accept()
    assert form.field_errors["date"].text() == (
        "There is already a check-in for 24 Nov 2026. Edit that one, or pick another day."
    )
    assert models.Checkin.get_by_id(earlier).date == YESTERDAY


def test_a_failed_save_keeps_the_ratings(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    _press(qtbot, form.ratings["redness"].slider, Qt.Key.Key_Right, 7)
    qtbot.keyClicks(form.notes, "After microneedling")
    form.accept()
    assert form.isVisible()
    assert "input/output error" in form.failure.text()
    assert form.ratings["redness"].value() == 7
    assert form.notes.value() == "After microneedling"
    assert history.stack.count() == 0
