"""The clinic-figure form: a number, a stage from a list, or a SALT score from the calculator."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import MeasurementKind
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.store import models, records
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.forms.measurement_form import MeasurementForm
from hairjournal.ui.history import History
from tests.ui.fake_prompts import FakePrompts
from tests.ui.forms.conftest import TODAY
from tests.ui.forms.keyboard import press_enter, type_date

D = dt.date.fromisoformat


def _form(qtbot: QtBot, history: History, record_id: int | None = None) -> MeasurementForm:
    form = MeasurementForm(history, record_id, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    return form


def _choose_kind(form: MeasurementForm, kind: MeasurementKind) -> None:
    form.kind.setCurrentIndex(form.kind.findText(kind.label))


def _saved() -> models.Measurement:
    return models.Measurement.select().order_by(models.Measurement.id.desc()).get()


def test_a_typed_density_is_saved_and_can_be_undone(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    assert form.focusWidget() is form.date  # typing starts in the first field, not on Save
    assert form.value.number.isVisible()
    assert form.value.unit.text() == "hairs/cm²"
    type_date(qtbot, form.date, D("2026-11-02"))
    qtbot.keyClicks(form.value.number, "142.5")
    qtbot.keyClicks(form.site, "vertex")
    qtbot.keyClicks(form.notes, "Trichoscopy")
    with qtbot.waitSignal(form.saved) as saved:
        press_enter(qtbot, form.site)

    assert records.fetch(models.Measurement, saved.args[0]) == {
        "id": saved.args[0],
        "date": D("2026-11-02"),
        "kind": MeasurementKind.DENSITY_PER_CM2,
        "value": 142.5,
        "site": "vertex",
        "notes": "Trichoscopy",
    }
    assert history.stack.undoText() == "Add clinic figure “Density 142.5 hairs/cm²”"
    history.stack.undo()
    assert models.Measurement.select().count() == 0
    history.stack.redo()
    assert _saved().value == 142.5


@pytest.mark.parametrize("kind", list(STAGE_SCALES))
def test_a_stage_is_chosen_from_its_list_and_stored_by_position(
    qtbot: QtBot, history: History, kind: MeasurementKind
) -> None:
    stages = STAGE_SCALES[kind].stages
    form = _form(qtbot, history)
    _choose_kind(form, kind)
    assert form.value.stage.isVisible()
    assert not form.value.number.isVisible()
    assert [form.value.stage.itemText(i) for i in range(form.value.stage.count())] == list(stages)
    form.value.stage.setCurrentIndex(len(stages) - 1)
    press_enter(qtbot, form.site)
    assert (_saved().kind, _saved().value) == (kind, float(len(stages)))

    shown = _form(qtbot, history, _saved().id)
    assert shown.kind.value() is kind
    assert shown.value.stage.currentText() == stages[-1]


def test_editing_a_stage_shows_its_name_and_saves_the_new_one(
    qtbot: QtBot, history: History
) -> None:
    norwood = STAGE_SCALES[MeasurementKind.NORWOOD]
    figure = records.add(
        models.Measurement,
        {"date": D("2026-10-01"), "kind": MeasurementKind.NORWOOD, "value": 6},
    )
    form = _form(qtbot, history, figure)
    assert form.value.stage.currentText() == "III vertex"
    form.value.stage.setCurrentIndex(form.value.stage.findText("IV"))
    press_enter(qtbot, form.site)
    assert models.Measurement.get_by_id(figure).value == norwood.position("IV") == 7
    assert history.stack.undoText() == "Edit clinic figure “Hamilton-Norwood IV”"
    history.stack.undo()
    assert models.Measurement.get_by_id(figure).value == 6


def test_salt_from_the_four_regions(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    _choose_kind(form, MeasurementKind.SALT)
    salt = form.value.salt
    assert salt.isVisible()
    assert not form.value.stage.isVisible()
    for region in ("vertex", "posterior", "left_side", "right_side"):
        qtbot.keyClicks(salt.regions[region], "50")
    assert salt.band.text() == "S3: 50-74 % hair loss"
    press_enter(qtbot, form.site)
    assert (_saved().kind, _saved().value) == (MeasurementKind.SALT, 50.0)
    assert history.stack.undoText() == "Add clinic figure “SALT 50.0 (S3)”"


def test_a_salt_region_over_100_is_refused_beside_the_value(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    _choose_kind(form, MeasurementKind.SALT)
    qtbot.keyClicks(form.value.salt.regions["vertex"], "150")
    press_enter(qtbot, form.site)
    error = form.field_errors["value"]
    assert error.isVisible()
    assert error.text() == "Top (vertex): a percent of hair lost runs from 0 to 100, not 150."
    assert models.Measurement.select().count() == 0


def test_the_pull_test_explains_itself_and_wants_whole_hairs(
    qtbot: QtBot, history: History
) -> None:
    form = _form(qtbot, history)
    _choose_kind(form, MeasurementKind.PULL_TEST)
    assert "40-60 hairs" in form.value.hint.text()
    assert "10 %" in form.value.hint.text()
    assert form.value.unit.text() == "hairs out"
    qtbot.keyClicks(form.value.number, "3.5")
    press_enter(qtbot, form.site)
    assert form.field_errors["value"].text() == (
        "Pull test (hairs out) must be a whole number from 0 to 100, not 3.5."
    )
    form.value.number.clear()
    qtbot.keyClicks(form.value.number, "4")
    press_enter(qtbot, form.site)
    assert (_saved().kind, _saved().value) == (MeasurementKind.PULL_TEST, 4.0)


def test_a_missing_value_is_asked_for(qtbot: QtBot, history: History) -> None:
    form = _form(qtbot, history)
    _choose_kind(form, MeasurementKind.SHAFT_DIAMETER_UM)
    press_enter(qtbot, form.site)
    assert form.field_errors["value"].text() == "Please enter the figure."


def test_an_unusual_density_asks_first(
    qtbot: QtBot, history: History, fake_prompts: FakePrompts
) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.value.number, "450")
    fake_prompts.confirm_answers.append(False)
    press_enter(qtbot, form.site)
    assert fake_prompts.questions == [
        "450 is unusually high for density (hairs/cm²) (more than 400). Save it anyway?"
    ]
    assert models.Measurement.select().count() == 0
    fake_prompts.confirm_answers.append(True)
    press_enter(qtbot, form.site)
    assert _saved().value == 450.0


def test_a_number_typed_is_kept_when_another_numeric_kind_is_chosen(
    qtbot: QtBot, history: History
) -> None:
    form = _form(qtbot, history)
    qtbot.keyClicks(form.value.number, "212")
    _choose_kind(form, MeasurementKind.TARGET_AREA_COUNT)
    assert form.value.unit.text() == "hairs"
    assert form.value.value() == 212.0
    press_enter(qtbot, form.site)
    assert (_saved().kind, _saved().value) == (MeasurementKind.TARGET_AREA_COUNT, 212.0)


def test_failed_save_keeps_the_input_and_says_why(
    qtbot: QtBot, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def io_error(*_args: object) -> int:
        raise WriteFailed(Failure.IO_ERROR, "disk I/O error")

    monkeypatch.setattr(records, "add", io_error)
    form = _form(qtbot, history)
    _choose_kind(form, MeasurementKind.SALT)
    qtbot.keyClicks(form.value.salt.regions["vertex"], "30")
    qtbot.keyClicks(form.site, "whole scalp")
    press_enter(qtbot, form.site)
    assert form.isVisible()
    assert "input/output error" in form.failure.text()
    assert form.value.salt.regions["vertex"].text() == "30"
    assert form.value.value() == 12.0
    assert form.site.text() == "whole scalp"
    assert history.stack.count() == 0
