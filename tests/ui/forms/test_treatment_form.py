"""The course form, driven from the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import TreatmentKind
from hairjournal.store import models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.treatment_form import TreatmentForm
from hairjournal.ui.history import History
from tests.ui.forms.conftest import TODAY
from tests.ui.forms.keyboard import press_enter, retype, type_date


def _form(qtbot: QtBot, history: History, record_id: int | None = None) -> TreatmentForm:
    form = TreatmentForm(history, record_id, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    return form


def test_typed_course_with_a_planned_session_is_saved(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    assert form.focusWidget() is form.kind  # typing starts in the first field, not on Save
    qtbot.keyClicks(form.kind, "PRP")  # a closed list picks the item its typed start matches
    assert form.kind.value() is TreatmentKind.PRP
    qtbot.keyClicks(form.product, "  Own blood, double spin ")
    qtbot.keyClicks(form.dose, "4 ml every 4 weeks")
    type_date(qtbot, form.started_on, dt.date(2026, 9, 1))
    form.next_session_on.given.click()
    type_date(qtbot, form.next_session_on.date, dt.date(2027, 1, 12))  # the future is fine
    qtbot.keyClicks(form.notes, "Three sessions, then review.")

    with qtbot.waitSignal(form.saved) as saved:
        press_enter(qtbot, form.dose)

    course = models.Treatment.get_by_id(saved.args[0])
    assert (
        course.kind,
        course.product,
        course.dose,
        course.started_on,
        course.stopped_on,
        course.next_session_on,
        course.notes,
    ) == (
        TreatmentKind.PRP,
        "Own blood, double spin",
        "4 ml every 4 weeks",
        dt.date(2026, 9, 1),
        None,
        dt.date(2027, 1, 12),
        "Three sessions, then review.",
    )
    assert not form.isVisible()
    assert history.stack.undoText() == "Add course “PRP (platelet-rich plasma)”"
    history.stack.undo()
    assert not models.Treatment.select().where(models.Treatment.id == saved.args[0]).exists()
    history.stack.redo()
    assert models.Treatment.get_by_id(saved.args[0]).dose == "4 ml every 4 weeks"


def test_a_planned_session_is_offered_four_weeks_ahead(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    assert form.next_session_on.value() is None
    form.next_session_on.given.click()
    assert form.next_session_on.value() == TODAY + dt.timedelta(weeks=4)


def test_stop_before_start_and_a_future_start_are_refused(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    type_date(qtbot, form.started_on, dt.date(2026, 12, 1))
    qtbot.keyClicks(form.product, "Serum Y")
    press_enter(qtbot, form.product)
    assert form.field_errors["started_on"].text() == (
        "1 Dec 2026 is in the future; today is 24 Nov 2026."
    )
    assert form.isVisible()

    type_date(qtbot, form.started_on, dt.date(2026, 10, 1))
    form.stopped_on.given.click()
    type_date(qtbot, form.stopped_on.date, dt.date(2026, 9, 20))
    press_enter(qtbot, form.product)
    assert not form.field_errors["started_on"].isVisible()
    assert form.field_errors["stopped_on"].text() == "The end date is before the start date."
    assert form.product.text() == "Serum Y"
    assert models.Treatment.select().count() == 1  # only the journal's first course


def test_next_session_before_the_start_is_refused(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    type_date(qtbot, form.started_on, dt.date(2026, 10, 1))
    form.next_session_on.set_value(dt.date(2026, 9, 1))
    form.accept()
    assert form.field_errors["next_session_on"].isVisible()
    assert "before the course starts" in form.field_errors["next_session_on"].text()


def test_editing_a_course_to_stop_it(qtbot: QtBot, history: History) -> None:
    (course,) = models.Treatment.select()  # the journal's first course, exosomes from 1 Jun
    form = _form(qtbot, history, course.id)
    assert form.windowTitle() == "Edit course"
    assert form.kind.value() is TreatmentKind.EXOSOME
    assert form.started_on.value() == dt.date(2026, 6, 1)
    form.stopped_on.given.click()
    type_date(qtbot, form.stopped_on.date, dt.date(2026, 11, 2))
    retype(qtbot, form.product, "ExoGel")
    press_enter(qtbot, form.product)
    changed = models.Treatment.get_by_id(course.id)
    assert (changed.stopped_on, changed.product) == (dt.date(2026, 11, 2), "ExoGel")
    assert history.stack.undoText() == "Edit course “Exosomes”"
    history.stack.undo()
    unchanged = models.Treatment.get_by_id(course.id)
    assert (unchanged.stopped_on, unchanged.product) == (None, "")


def test_failed_save_keeps_the_input_and_says_why(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    qtbot.keyClicks(form.product, "Minoxidil 5 %")
    press_enter(qtbot, form.product)
    assert form.isVisible()
    assert "input/output error" in form.failure.text()
    assert form.product.text() == "Minoxidil 5 %"
    assert history.stack.count() == 0


def test_a_picked_baseline_is_saved_shown_again_and_cleared(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    type_date(qtbot, form.started_on, dt.date(2026, 5, 1))
    assert not form.baseline.first.isEnabled()  # unticked: the 14 days before the first session
    form.baseline.given.click()
    type_date(qtbot, form.baseline.first, dt.date(2026, 3, 2))
    type_date(qtbot, form.baseline.last, dt.date(2026, 3, 29))
    with qtbot.waitSignal(form.saved) as saved:
        press_enter(qtbot, form.dose)
    course = models.Treatment.get_by_id(saved.args[0])
    assert (course.baseline_from, course.baseline_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 29))

    again = _form(qtbot, history, course.id)
    assert again.baseline.value() == (dt.date(2026, 3, 2), dt.date(2026, 3, 29))
    again.baseline.given.click()
    with qtbot.waitSignal(again.saved):
        press_enter(qtbot, again.dose)
    course = models.Treatment.get_by_id(course.id)
    assert (course.baseline_from, course.baseline_to) == (None, None)


def test_a_baseline_that_ends_before_it_starts_is_refused_and_kept(
    qtbot: QtBot, history: History
) -> None:
    before = models.Treatment.select().count()
    form = _form(qtbot, history)
    form.baseline.given.click()
    type_date(qtbot, form.baseline.first, dt.date(2026, 3, 29))
    type_date(qtbot, form.baseline.last, dt.date(2026, 3, 2))
    press_enter(qtbot, form.dose)
    assert form.isVisible()
    assert form.field_errors["baseline"].text() == "The baseline ends before it starts."
    assert form.baseline.value() == (dt.date(2026, 3, 29), dt.date(2026, 3, 2))
    assert models.Treatment.select().count() == before
