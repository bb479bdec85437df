"""The SALT calculator: four regions typed in give the weighted total and its band, live."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from hairjournal.core.scales import salt_band, salt_score
from hairjournal.ui.salt_calculator import SaltCalculator, band_text


@pytest.fixture
def calculator(qtbot: QtBot) -> SaltCalculator:
    widget = SaltCalculator()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type(qtbot: QtBot, calculator: SaltCalculator, **percents: str) -> None:
    for region, text in percents.items():
        qtbot.keyClicks(calculator.regions[region], text)


@pytest.mark.parametrize(
    ("percents", "total", "band"),
    [
        ({"vertex": "50", "posterior": "50", "left_side": "50", "right_side": "50"}, "50.0", "S3"),
        ({"vertex": "100", "posterior": "0", "left_side": "0", "right_side": "0"}, "40.0", "S2"),
        (
            {"vertex": "100", "posterior": "100", "left_side": "100", "right_side": "100"},
            "100.0",
            "S5",
        ),
        ({"vertex": "0", "posterior": "0", "left_side": "0", "right_side": "0"}, "0.0", "S0"),
        ({"posterior": "10", "left_side": "20"}, "6.0", "S1"),  # empty regions count as 0
        ({"vertex": "12.5", "right_side": "3"}, "5.5", "S1"),
    ],
)
def test_regions_give_the_weighted_total_and_band(
    qtbot: QtBot, calculator: SaltCalculator, percents: dict[str, str], total: str, band: str
) -> None:
    _type(qtbot, calculator, **percents)
    assert calculator.total.text() == total
    assert calculator.value() == float(total)
    assert calculator.band.text().startswith(f"{band}: ")
    assert calculator.input_problem() is None


def test_the_band_says_what_it_means(qtbot: QtBot, calculator: SaltCalculator) -> None:
    _type(qtbot, calculator, vertex="100")
    assert calculator.band.text() == "S2: 25-49 % hair loss"
    assert band_text(0) == "S0: no hair loss"
    assert band_text(100) == "S5: 100 %, all scalp hair lost"


def test_a_total_can_be_typed_directly(qtbot: QtBot, calculator: SaltCalculator) -> None:
    assert calculator.band.text() == ""
    qtbot.keyClicks(calculator.total, "79.6")
    assert calculator.value() == 79.6
    assert calculator.band.text() == "S4: 75-99 % hair loss"
    assert all(box.text() == "" for box in calculator.regions.values())


def test_a_region_over_100_is_named_and_leaves_the_total(
    qtbot: QtBot, calculator: SaltCalculator
) -> None:
    _type(qtbot, calculator, vertex="50")
    assert calculator.total.text() == "20.0"
    _type(qtbot, calculator, posterior="120")
    assert calculator.message.isVisible()
    assert calculator.message.text() == "Back: a percent of hair lost runs from 0 to 100, not 120."
    assert calculator.input_problem() == calculator.message.text()
    assert calculator.total.text() == ""  # no total of what cannot be
    assert calculator.band.text() == ""
    calculator.regions["posterior"].clear()
    assert not calculator.message.isVisible()
    assert calculator.total.text() == "20.0"
    assert calculator.input_problem() is None


def test_letters_in_a_region_are_named(qtbot: QtBot, calculator: SaltCalculator) -> None:
    _type(qtbot, calculator, left_side="half")
    assert calculator.input_problem() == "Left side: “half” is not a number."


def test_a_stored_total_is_shown_without_regions(qtbot: QtBot, calculator: SaltCalculator) -> None:
    _type(qtbot, calculator, vertex="10")
    calculator.set_value(62.0)
    assert calculator.total.text() == "62"
    assert calculator.band.text().startswith("S3")
    assert all(box.text() == "" for box in calculator.regions.values())
    calculator.set_value(None)
    assert calculator.value() is None
    assert calculator.band.text() == ""


# One calculator per example; qtbot only keeps each for closing at the end.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(0, 100), min_size=4, max_size=4))
def test_the_calculator_agrees_with_the_score(qtbot: QtBot, percents: list[int]) -> None:
    calculator = SaltCalculator()
    qtbot.addWidget(calculator)
    for box, percent in zip(calculator.regions.values(), percents, strict=True):
        box.setText(str(percent))
    score = salt_score(*percents)
    assert calculator.value() == score
    assert calculator.band.text().startswith(salt_band(score))
