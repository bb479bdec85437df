"""The session form: every field typed or ticked, the copy of the last session, the checks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import CellSource, Route, ScalpRegion, TreatmentKind
from hairjournal.store import course_queries, models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.session_form import BLANK, NO_COURSE, SessionForm
from hairjournal.ui.history import History
from tests.ui.fake_prompts import FakePrompts
from tests.ui.forms.conftest import TODAY
from tests.ui.forms.keyboard import press_enter, retype, type_date

D = dt.date.fromisoformat


def _form(
    qtbot: QtBot, history: History, record_id: int | None = None, **extra: int
) -> SessionForm:
    form = SessionForm(history, record_id, today=TODAY, **extra)
    qtbot.addWidget(form)
    form.show()
    return form


def _course_id() -> int:
    return models.Treatment.get().id  # the journal's first course: exosomes from 1 Jun 2026


def _choose(combo: object, label: str) -> None:
    combo.setCurrentIndex(combo.findText(label))  # type: ignore[attr-defined]


def _tick(qtbot: QtBot, box: object) -> None:
    box.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _earlier_session(**values: object) -> int:
    row = {
        "treatment": _course_id(),
        "date": D("2026-08-05"),
        "route": Route.MICRO_INJECTION,
        "product": "ExoVial 10",
        "maker": "Lab Co",
        "lot": "L-17",
        "cell_source": CellSource.UMBILICAL_CORD,
        "volume_ml": 3.0,
        "needle_depth_mm": 1.5,
        "areas": ["vertex", "frontal"],
        "clinic": "Clinic A",
        "pain": 6,
        "side_effects": ["swelling"],
        "cost": 400.0,
        "notes": "Second session.",
    }
    return records.add(models.Session, row | values)


def test_every_field_typed_and_ticked_is_stored(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    assert form.focusWidget() is form.treatment  # typing starts in the first field, not on Save
    assert form.treatment.value() == _course_id()
    assert form.prefill_note.text() == "This is the first session of this course."
    type_date(qtbot, form.date, D("2026-11-20"))
    qtbot.keyClicks(form.route, "Micro")  # typed, as in any closed list
    assert form.route.value() is Route.MICRONEEDLING_TOPICAL
    qtbot.keyClicks(form.product, "ExoVial 10")
    qtbot.keyClicks(form.maker, "Lab Co")
    qtbot.keyClicks(form.lot, "L-18 ")
    _choose(form.cell_source, CellSource.ADSC.label)
    qtbot.keyClicks(form.clinic, "Clinic A (Dr. B)")
    qtbot.keyClicks(form.cost, "1,250")  # a thousands separator, as people write it
    qtbot.keyClicks(form.volume_ml, "2,5")  # a decimal comma
    qtbot.keyClicks(form.needle_depth_mm, "0.8")
    _tick(qtbot, form.areas.boxes[ScalpRegion.VERTEX])
    _tick(qtbot, form.areas.boxes[ScalpRegion.TEMPORAL_LEFT])
    form.pain.slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(form.pain.slider, Qt.Key.Key_Right)
    _tick(qtbot, form.side_effects.choices.boxes["redness"])
    qtbot.keyClicks(form.side_effects.other, "scabs for a week")
    qtbot.keyClick(form.side_effects.other, Qt.Key.Key_Return)  # adds it; does not save
    assert form.isVisible()
    assert form.side_effects.other.text() == ""
    qtbot.keyClicks(form.notes, "Microneedling this time.")

    with qtbot.waitSignal(form.saved) as saved:
        press_enter(qtbot, form.lot)

    session = models.Session.get_by_id(saved.args[0])
    assert records.fetch(models.Session, session.id) == {
        "id": session.id,
        "treatment": _course_id(),
        "date": D("2026-11-20"),
        "route": Route.MICRONEEDLING_TOPICAL,
        "product": "ExoVial 10",
        "maker": "Lab Co",
        "lot": "L-18",
        "cell_source": CellSource.ADSC,
        "volume_ml": 2.5,
        "needle_depth_mm": 0.8,
        "areas": ["vertex", "temporal_left"],
        "clinic": "Clinic A (Dr. B)",
        "pain": 3,
        "side_effects": ["redness", "scabs for a week"],
        "cost": 1250.0,
        "notes": "Microneedling this time.",
    }
    assert not form.isVisible()
    assert history.stack.undoText() == "Add session of 20 Nov 2026"
    history.stack.undo()
    assert models.Session.select().count() == 0
    history.stack.redo()
    assert models.Session.get_by_id(session.id).lot == "L-18"


def test_a_new_session_is_filled_in_from_the_last_one(qtbot: QtBot, history: History) -> None:
    _earlier_session(date=D("2026-07-08"), lot="L-16")
    _earlier_session()
    form = _form(qtbot, history)

    assert form.prefill_note.isVisible()
    assert form.prefill_note.text().startswith("Filled in from the session of 5 Aug 2026")
    assert form.date.value() == TODAY
    assert form.route.value() is Route.MICRO_INJECTION
    assert (form.product.text(), form.maker.text(), form.lot.text()) == (
        "ExoVial 10",
        "Lab Co",
        "L-17",
    )
    assert form.cell_source.value() is CellSource.UMBILICAL_CORD
    assert (form.volume_ml.value(), form.needle_depth_mm.value()) == (3.0, 1.5)
    assert form.areas.value() == ["vertex", "frontal"]
    assert (form.clinic.text(), form.cost.value()) == ("Clinic A", 400.0)
    # The day's own: not copied.
    assert form.pain.value() is None
    assert form.side_effects.value() == []
    assert form.notes.value() == ""

    press_enter(qtbot, form.lot)
    latest = models.Session.select().order_by(models.Session.id.desc()).get()
    assert (latest.date, latest.lot, latest.areas, latest.pain) == (
        TODAY,
        "L-17",
        ["vertex", "frontal"],
        None,
    )


def test_choosing_another_course_fills_in_from_its_own_last_session(
    qtbot: QtBot, history: History
) -> None:
    _earlier_session()
    prp = records.add(models.Treatment, {"kind": TreatmentKind.PRP, "started_on": D("2026-09-01")})
    form = _form(qtbot, history)
    assert form.treatment.value() == prp  # the newest running course is offered first
    assert form.prefill_note.text() == "This is the first session of this course."
    assert form.lot.text() == ""

    form.treatment.set_value(_course_id())
    assert form.lot.text() == "L-17"
    assert "5 Aug 2026" in form.prefill_note.text()
    form.treatment.set_value(prp)
    assert (form.lot.text(), form.product.text(), form.areas.value()) == ("", "", [])
    assert form.cell_source.value() is CellSource.UNKNOWN


def test_the_add_form_opens_on_the_course_asked_for(qtbot: QtBot, history: History) -> None:
    records.add(models.Treatment, {"kind": TreatmentKind.PRP, "started_on": D("2026-09-01")})
    _earlier_session()
    form = _form(qtbot, history, treatment_id=_course_id())
    assert form.treatment.value() == _course_id()
    assert form.lot.text() == "L-17"


def test_blank_covers_exactly_what_is_carried_over() -> None:
    assert set(BLANK) == set(course_queries.CARRIED_OVER)


def test_side_effects_ticked_off_again_are_dropped(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.side_effects.other, "hair felt sticky")
    qtbot.mouseClick(form.side_effects.add_button, Qt.MouseButton.LeftButton)
    _tick(qtbot, form.side_effects.choices.boxes["headache"])
    assert form.side_effects.value() == ["headache", "hair felt sticky"]  # in the grid's order
    grid = form.side_effects.choices.grid
    added = grid.indexOf(form.side_effects.choices.boxes["hair felt sticky"])
    assert grid.getItemPosition(added) == (2, 0, 1, 3)  # a row of its own, below the six
    _tick(qtbot, form.side_effects.choices.boxes["hair felt sticky"])
    qtbot.keyClicks(form.side_effects.other, "dizzy")  # typed, never added: kept all the same
    press_enter(qtbot, form.lot)
    assert models.Session.get().side_effects == ["headache", "dizzy"]


def test_large_volume_and_depth_ask_first(
    qtbot: QtBot, history: History, fake_prompts: FakePrompts
) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.volume_ml, "25")
    qtbot.keyClicks(form.needle_depth_mm, "4")
    fake_prompts.confirm_answers += [True, False]
    press_enter(qtbot, form.lot)
    assert fake_prompts.questions == [
        "25 is unusually high for the volume (ml) (more than 20). Save it anyway?",
        "4 is unusually high for the needle depth (mm) (more than 3). Save it anyway?",
    ]
    assert form.isVisible()
    assert models.Session.select().count() == 0

    fake_prompts.confirm_answers += [True, True]
    press_enter(qtbot, form.lot)
    assert (models.Session.get().volume_ml, models.Session.get().needle_depth_mm) == (25.0, 4.0)


def test_impossible_values_are_refused_beside_their_fields(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    type_date(qtbot, form.date, D("2026-12-01"))
    qtbot.keyClicks(form.volume_ml, "60")
    qtbot.keyClicks(form.needle_depth_mm, "deep")
    press_enter(qtbot, form.lot)
    assert form.field_errors["needle_depth_mm"].text() == "“deep” is not a number."
    retype(qtbot, form.needle_depth_mm, "1")
    press_enter(qtbot, form.lot)
    assert form.field_errors["date"].text() == "1 Dec 2026 is in the future; today is 24 Nov 2026."
    assert form.field_errors["volume_ml"].text() == (
        "The volume (ml) must be more than 0 and at most 50, not 60."
    )
    assert not form.field_errors["needle_depth_mm"].isVisible()
    assert models.Session.select().count() == 0


def test_without_a_course_the_form_says_to_add_one(qtbot: QtBot, history: History) -> None:
    records.remove(models.Treatment, _course_id())
    form = _form(qtbot, history)
    assert form.treatment.value() is None
    assert not form.prefill_note.isVisible()
    press_enter(qtbot, form.lot)
    assert form.field_errors["treatment"].text() == NO_COURSE
    assert form.isVisible()


def test_editing_loads_every_field_and_saves_the_change(qtbot: QtBot, history: History) -> None:
    session = _earlier_session(side_effects=["swelling", "a rash on the neck"])
    form = _form(qtbot, history, session)
    assert form.windowTitle() == "Edit session"
    assert not form.prefill_note.isVisible()
    assert form.values() == {
        name: value
        for name, value in records.fetch(models.Session, session).items()
        if name != "id"
    }
    assert form.side_effects.choices.boxes["a rash on the neck"].isChecked()
    assert form.pain.value() == 6
    qtbot.keyClick(form.pain.slider, Qt.Key.Key_Delete)  # takes the rating back
    _tick(qtbot, form.areas.boxes[ScalpRegion.FRONTAL])
    retype(qtbot, form.lot, "L-20")
    press_enter(qtbot, form.lot)

    changed = models.Session.get_by_id(session)
    assert (changed.pain, changed.areas, changed.lot) == (None, ["vertex"], "L-20")
    assert changed.side_effects == ["swelling", "a rash on the neck"]
    assert history.stack.undoText() == "Edit session of 5 Aug 2026"
    history.stack.undo()
    restored = models.Session.get_by_id(session)
    assert (restored.pain, restored.areas, restored.lot) == (6, ["vertex", "frontal"], "L-17")


def test_failed_save_keeps_the_input_and_says_why(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    qtbot.keyClicks(form.lot, "L-99")
    _tick(qtbot, form.areas.boxes[ScalpRegion.OCCIPITAL])
    qtbot.keyClicks(form.notes, "Nervous.")
    press_enter(qtbot, form.lot)
    assert form.isVisible()
    assert "input/output error" in form.failure.text()
    assert (form.lot.text(), form.areas.value(), form.notes.value()) == (
        "L-99",
        ["occipital"],
        "Nervous.",
    )
    assert history.stack.count() == 0


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1,250", 1250.0), ("1,250.50", 1250.5), ("12,50", 12.5), ("380", 380.0), ("2 400", 2400.0)],
)
def test_a_cost_reads_thousands_and_decimal_commas(
    qtbot: QtBot, history: History, typed: str, amount: float
) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.cost, typed)
    assert form.cost.value() == amount


def test_an_area_the_form_does_not_offer_is_kept_on_edit(qtbot: QtBot, history: History) -> None:
    session = _earlier_session(areas=["vertex", "eyebrows"])  # e.g. written by an importer
    form = _form(qtbot, history, session)
    assert form.areas.boxes["eyebrows"].isChecked()
    qtbot.keyClicks(form.notes, " Edited.")
    press_enter(qtbot, form.lot)
    assert models.Session.get_by_id(session).areas == ["vertex", "eyebrows"]
