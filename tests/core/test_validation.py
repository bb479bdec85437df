"""What the forms and the importer refuse, and what they ask to confirm."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core import limits
from hairjournal.core.enums import MeasurementKind, ShedProtocol
from hairjournal.core.validation import (
    Severity,
    validate_checkin,
    validate_event,
    validate_measurement,
    validate_session,
    validate_shed_count,
    validate_treatment,
)

TODAY = dt.date(2026, 11, 24)


def test_future_date_is_refused_in_plain_words() -> None:
    verdict = validate_shed_count(
        TODAY + dt.timedelta(1), ShedProtocol.DAILY_TOTAL, 80, today=TODAY
    )
    (problem,) = verdict.errors
    assert problem.field == "date"
    assert problem.message == "25 Nov 2026 is in the future; today is 24 Nov 2026."


def test_negative_count_is_refused() -> None:
    verdict = validate_shed_count(TODAY, ShedProtocol.COMB_60S, -3, today=TODAY)
    assert [p.message for p in verdict.for_field("value")] == ["A count cannot be negative."]


@pytest.mark.parametrize(
    ("protocol", "usual", "unusual"),
    [(ShedProtocol.DAILY_TOTAL, 1500, 1501), (ShedProtocol.COMB_60S, 300, 301)],
)
def test_implausible_counts_ask_for_confirmation(
    protocol: ShedProtocol, usual: int, unusual: int
) -> None:
    assert validate_shed_count(TODAY, protocol, usual, today=TODAY).ok
    verdict = validate_shed_count(TODAY, protocol, unusual, today=TODAY)
    assert not verdict.errors
    (confirm,) = verdict.confirmations
    assert confirm.severity is Severity.CONFIRM
    assert f"{unusual:,}" in confirm.message


def test_visual_scale_takes_grades_one_to_six() -> None:
    assert validate_shed_count(TODAY, ShedProtocol.VISUAL_SCALE, 6, today=TODAY).ok
    verdict = validate_shed_count(TODAY, ShedProtocol.VISUAL_SCALE, 7, today=TODAY)
    assert verdict.errors[0].message == "A grade must be a whole number from 1 to 6, not 7."


@given(
    protocol=st.sampled_from(list(ShedProtocol)),
    value=st.integers(min_value=-5, max_value=20_000),
    offset=st.integers(min_value=-3000, max_value=30),
)
def test_count_verdict_agrees_with_limits_and_calendar(
    protocol: ShedProtocol, value: int, offset: int
) -> None:
    day = TODAY + dt.timedelta(days=offset)
    verdict = validate_shed_count(day, protocol, value, today=TODAY)
    limit = limits.SHED_COUNT[protocol]
    assert bool(verdict.for_field("date")) == (offset > 0)
    value_errors = [p for p in verdict.errors if p.field == "value"]
    assert bool(value_errors) == (not limit.allows(value))
    assert bool(verdict.confirmations) == (limit.allows(value) and limit.is_unusual(value))


def test_missing_values_are_asked_for() -> None:
    verdict = validate_shed_count(None, ShedProtocol.DAILY_TOTAL, None, today=TODAY)
    assert {p.field for p in verdict.errors} == {"date", "value"}


def test_spans_must_not_end_before_they_start() -> None:
    verdict = validate_event(dt.date(2026, 3, 5), dt.date(2026, 3, 1), today=TODAY)
    assert [p.field for p in verdict.errors] == ["ended_on"]
    treatment = validate_treatment(
        dt.date(2026, 3, 5), dt.date(2026, 3, 1), dt.date(2026, 3, 4), today=TODAY
    )
    assert [p.field for p in treatment.errors] == ["stopped_on", "next_session_on"]


def test_planned_session_may_be_in_the_future() -> None:
    assert validate_treatment(dt.date(2026, 3, 5), None, TODAY + dt.timedelta(28), today=TODAY).ok


def test_session_fields_follow_their_limits() -> None:
    verdict = validate_session(
        TODAY, volume_ml=25, needle_depth_mm=0, pain=11, cost=-1, today=TODAY
    )
    assert {p.field: p.severity for p in verdict.problems} == {
        "volume_ml": Severity.CONFIRM,
        "needle_depth_mm": Severity.ERROR,
        "pain": Severity.ERROR,
        "cost": Severity.ERROR,
    }
    assert verdict.for_field("needle_depth_mm")[0].message == (
        "The needle depth (mm) must be more than 0 and at most 5, not 0."
    )


def test_checkin_ratings_run_zero_to_ten() -> None:
    verdict = validate_checkin(TODAY, {"itch": 11, "density": 5, "redness": None}, today=TODAY)
    assert [p.field for p in verdict.errors] == ["itch"]


def test_measurement_stage_must_exist() -> None:
    assert validate_measurement(TODAY, MeasurementKind.NORWOOD, 12, today=TODAY).ok
    assert not validate_measurement(TODAY, MeasurementKind.NORWOOD, 13, today=TODAY).ok
    unusual = validate_measurement(TODAY, MeasurementKind.DENSITY_PER_CM2, 450, today=TODAY)
    assert unusual.confirmations


# -- check-ins that say something (validate_checkin_entry) --------------------------------------

RATING_FIELDS = ("density", "quality", "breakage", "itch", "flaking", "redness")


@given(
    st.fixed_dictionaries(
        {field: st.one_of(st.none(), st.integers(0, 10)) for field in RATING_FIELDS}
    ),
    st.sampled_from(["", "  ", "Itchy after the session"]),
)
def test_a_checkin_needs_a_rating_or_a_note(ratings: dict[str, int | None], notes: str) -> None:
    from hairjournal.core.validation import validate_checkin_entry

    verdict = validate_checkin_entry(TODAY, ratings, notes, today=TODAY)
    empty = all(value is None for value in ratings.values()) and not notes.strip()
    assert [p.message for p in verdict.for_field("notes")] == (
        ["Rate at least one thing, or write a note."] if empty else []
    )
    assert verdict.ok == (not empty)
