"""The how-to of each shedding protocol, and the six grades of the visual scale."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core import limits
from hairjournal.core.enums import ShedProtocol
from hairjournal.core.protocols import GRADES, GUIDES, NEVER_VALIDATED, grade, guide
from hairjournal.core.validation import validate_shed_count

TODAY = dt.date(2026, 11, 24)


def test_every_protocol_has_a_how_to_with_steps_and_a_source() -> None:
    assert set(GUIDES) == set(ShedProtocol)
    for protocol in ShedProtocol:
        rule = guide(protocol)
        assert rule.protocol is protocol
        assert rule.steps
        assert rule.source
        text = rule.text()
        assert text.startswith(rule.summary)
        assert all(f"{n}. {step}" in text for n, step in enumerate(rule.steps, 1))
        assert text.endswith(f"Source: {rule.source}.")


def test_comb_count_steps_follow_wasko() -> None:
    text = guide(ShedProtocol.COMB_60S).text()
    for phrase in ("Before shampooing", "contrasting cloth", "60 seconds", "same comb"):
        assert phrase in text
    assert "3 consecutive shampoos" in text
    assert "mean 10.2" in text
    assert "no figures for women" in text
    assert "Wasko et al., Arch Dermatol 2008 (B)" in text


def test_wash_test_is_three_days_after_a_wash_24_hours_before() -> None:
    rule = guide(ShedProtocol.WASH_TEST)
    assert "24 hours before" in rule.text()
    assert "3 consecutive days" in rule.text()
    assert "27.9 ± 12.2" in rule.reference
    assert rule.series_days == 3
    assert not rule.daily


@pytest.mark.parametrize(
    "protocol", [ShedProtocol.DAILY_TOTAL, ShedProtocol.SHOWER, ShedProtocol.BRUSH]
)
def test_everyday_counts_give_no_normal_range(protocol: ShedProtocol) -> None:
    rule = guide(protocol)
    assert rule.reference == NEVER_VALIDATED
    assert "never validated" in rule.reference
    assert "wash day" in rule.text()
    assert rule.daily


def test_the_visual_scale_has_six_grades_four_normal() -> None:
    assert [g.grade for g in GRADES] == [1, 2, 3, 4, 5, 6]
    assert [g.excessive for g in GRADES] == [False] * 4 + [True] * 2
    assert grade(1).describe() == "Grade 1: the smallest bundle (normal)"
    assert grade(3).describe() == "Grade 3: a medium bundle (normal)"
    assert grade(6).describe() == "Grade 6: the largest bundle (excessive)"
    assert "Sinclair" in guide(ShedProtocol.VISUAL_SCALE).source


@given(st.integers(-50, 50))
def test_a_grade_exists_exactly_where_validation_accepts_it(value: int) -> None:
    verdict = validate_shed_count(TODAY, ShedProtocol.VISUAL_SCALE, value, today=TODAY)
    accepted = not verdict.errors
    assert accepted == limits.SHED_COUNT[ShedProtocol.VISUAL_SCALE].allows(value)
    if accepted:
        assert grade(value).grade == value
        assert grade(value).excessive == (value >= 5)
    else:
        with pytest.raises(ValueError, match="visual scale runs from 1 to 6"):
            grade(value)


@pytest.mark.parametrize("protocol", list(ShedProtocol))
def test_each_protocol_reads_as_a_noun_in_a_sentence(protocol: ShedProtocol) -> None:
    noun = guide(protocol).noun
    assert noun == noun.lower()
    assert "(" not in noun  # "visual scale (1-6)" would read badly in "No ... yet today"
