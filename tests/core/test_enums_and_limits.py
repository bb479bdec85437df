"""The coded vocabulary and the limits table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core import enums, limits
from hairjournal.core.enums import Choice, ShedProtocol

CHOICES = [
    cls
    for cls in vars(enums).values()
    if isinstance(cls, type) and issubclass(cls, Choice) and cls is not Choice
]


@pytest.mark.parametrize("choice", CHOICES, ids=lambda c: c.__name__)
def test_codes_are_short_snake_case_and_labels_unique(choice: type[Choice]) -> None:
    codes = choice.codes()
    assert all(code.isascii() and code == code.lower() and " " not in code for code in codes)
    assert all(len(code) <= 32 for code in codes)  # the schema's column width
    labels = [member.label for member in choice]
    assert len(set(labels)) == len(labels)
    assert all(label and not label[0].islower() for label in labels)


def test_design_vocabulary_is_complete() -> None:
    assert enums.Condition.codes() == (
        "aga_male",
        "aga_female",
        "te",
        "te_post_covid",
        "aa",
        "other",
    )
    assert set(ShedProtocol.codes()) == {
        "daily_total",
        "shower",
        "brush",
        "comb_60s",
        "wash_test",
        "visual_scale",
    }
    assert enums.MeasurementKind("savin").label == "Savin grade"
    assert enums.ScalpRegion("temporal_left") is enums.ScalpRegion.TEMPORAL_LEFT
    assert str(enums.TreatmentKind.EXOSOME) == "exosome"


def test_every_protocol_and_measurement_has_a_limit() -> None:
    assert set(limits.SHED_COUNT) == set(ShedProtocol)
    assert set(limits.MEASUREMENT) == set(enums.MeasurementKind)


def test_issue_thresholds_ask_for_confirmation() -> None:
    daily = limits.SHED_COUNT[ShedProtocol.DAILY_TOTAL]
    comb = limits.SHED_COUNT[ShedProtocol.COMB_60S]
    assert not daily.is_unusual(1500)
    assert daily.is_unusual(1501)
    assert not comb.is_unusual(300)
    assert comb.is_unusual(301)
    assert daily.allows(1501)  # unusual is allowed once confirmed
    assert not daily.allows(-1)
    assert not daily.allows(12.5)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_open_lower_bound_excludes_zero(value: float) -> None:
    depth = limits.NEEDLE_DEPTH_MM
    assert depth.allows(value) == (0 < value <= 5)


def test_sql_reads_like_the_limit() -> None:
    assert limits.RATING.sql("pain") == (
        "pain >= 0 AND pain <= 10 AND pain = CAST(pain AS INTEGER)"
    )
    assert limits.VOLUME_ML.sql("v") == "v > 0 AND v <= 50"
