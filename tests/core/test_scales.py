"""Stage scales and the SALT score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core import limits
from hairjournal.core.enums import MeasurementKind
from hairjournal.core.scales import STAGE_SCALES, salt_band, salt_score


@pytest.mark.parametrize("kind", list(STAGE_SCALES))
def test_every_stage_round_trips_through_its_position(kind: MeasurementKind) -> None:
    scale = STAGE_SCALES[kind]
    for stage in scale.stages:
        assert scale.label(scale.position(stage)) == stage
    # the schema allows exactly the positions the scale has
    assert limits.MEASUREMENT[kind].high == len(scale.stages)
    with pytest.raises(ValueError, match="no stage"):
        scale.label(len(scale.stages) + 1)
    with pytest.raises(ValueError, match="no stage"):
        scale.label(1.5)


def test_norwood_has_the_twelve_stages_of_the_evidence_file() -> None:
    norwood = STAGE_SCALES[MeasurementKind.NORWOOD]
    assert norwood.stages[0] == "I"
    assert norwood.position("III vertex") == 6
    assert norwood.stages[-1] == "VII"
    assert len(norwood.stages) == 12


def test_salt_weights_regions_40_24_18_18() -> None:
    assert salt_score(100, 0, 0, 0) == 40.0
    assert salt_score(0, 100, 0, 0) == 24.0
    assert salt_score(0, 0, 100, 0) == 18.0
    assert salt_score(0, 0, 0, 100) == 18.0
    assert salt_score(50, 50, 50, 50) == 50.0
    assert salt_score(100, 100, 100, 100) == 100.0


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=4, max_size=4))
def test_salt_stays_within_0_and_100(percents: list[float]) -> None:
    score = salt_score(*percents)
    assert 0 <= score <= 100
    assert salt_band(score).startswith("S")


def test_salt_refuses_impossible_percentages() -> None:
    with pytest.raises(ValueError, match="vertex"):
        salt_score(120, 0, 0, 0)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "S0"),
        (1, "S1"),
        (24, "S1"),
        (25, "S2"),
        (49.4, "S2"),
        (74, "S3"),
        (99, "S4"),
        (100, "S5"),
    ],
)
def test_salt_bands(score: float, band: str) -> None:
    assert salt_band(score) == band
