"""The Progress card's numbers: the right days on each side, bands at the week, triggers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, EventKind, Route, ShedProtocol, TreatmentKind
from hairjournal.core.reference import Band, BandPoint, Reference
from hairjournal.core.statistics import percent_change
from hairjournal.store import models, progress
from hairjournal.store.journal import OpenJournal, create_journal

TODAY = dt.date(2026, 6, 15)
FIRST_SESSION = dt.date(2026, 5, 18)  # 28 days before TODAY: week 4
BASELINE = [90.0, 110.0] * 7  # 4-17 May, mean 100
RECENT = [60.0, 70.0, 80.0, 90.0, 60.0, 70.0, 80.0]  # 9-15 Jun, mean 72.86


def day(offset: int, start: dt.date = TODAY) -> dt.date:
    return start + dt.timedelta(days=offset)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "progress.hairjournal", title="Progress", condition=Condition.AGA_MALE
    ) as opened:
        yield opened


def add_course(first_session: dt.date | None = FIRST_SESSION) -> None:
    course = models.Treatment.create(kind=TreatmentKind.EXOSOME, started_on=dt.date(2026, 5, 1))
    if first_session is not None:
        models.Session.create(treatment=course, date=first_session, route=Route.TOPICAL)


def add_counts(protocol: ShedProtocol, first: dt.date, values: list[float]) -> None:
    rows = [
        {"date": day(n, first), "protocol": protocol, "value": int(value)}
        for n, value in enumerate(values)
    ]
    models.ShedCount.insert_many(rows).execute()


def known_counts() -> None:
    add_counts(ShedProtocol.DAILY_TOTAL, day(-14, FIRST_SESSION), BASELINE)
    add_counts(ShedProtocol.DAILY_TOTAL, day(-6), RECENT)
    # Outside both windows: before the baseline, on the session's day, between the two.
    add_counts(ShedProtocol.DAILY_TOTAL, day(-15, FIRST_SESSION), [500])
    add_counts(ShedProtocol.DAILY_TOTAL, FIRST_SESSION, [500] * 22)


def test_the_seven_days_are_set_against_the_fourteen_before_the_first_session(
    journal: OpenJournal,
) -> None:
    add_course()
    known_counts()

    found = progress.progress(TODAY)

    assert found.condition is Condition.AGA_MALE
    assert found.current is not None
    assert found.current.week == 4
    (shed,) = found.protocols
    assert shed.protocol is ShedProtocol.DAILY_TOTAL
    assert (shed.recent_first, shed.recent_last) == (dt.date(2026, 6, 9), TODAY)
    assert (shed.baseline_first, shed.baseline_last) == (dt.date(2026, 5, 4), dt.date(2026, 5, 17))
    assert sorted(shed.recent) == sorted(RECENT)
    assert sorted(shed.baseline) == sorted(BASELINE)
    assert shed.recent_mean == pytest.approx(510 / 7)
    assert shed.baseline_mean == pytest.approx(100)
    assert shed.change is not None
    assert shed.change.percent == pytest.approx((510 / 7 / 100 - 1) * 100)
    assert shed.change == percent_change(list(shed.recent), list(shed.baseline))
    assert shed.change.low < shed.change.percent < shed.change.high < 0
    assert shed.bands == ()  # the shipped reference has no shedding figures


def test_a_picked_baseline_replaces_the_fourteen_days(journal: OpenJournal) -> None:
    add_course()
    known_counts()
    # The user compares with the 22 days from the first session instead (all 500).
    picked = (FIRST_SESSION, day(21, FIRST_SESSION))
    models.Treatment.update(baseline_from=picked[0], baseline_to=picked[1]).execute()

    (shed,) = progress.progress(TODAY).protocols

    assert shed.baseline_picked
    assert (shed.baseline_first, shed.baseline_last) == picked
    assert shed.baseline == (500.0,) * 22
    assert shed.change is not None
    assert shed.change.percent == pytest.approx((510 / 7 / 500 - 1) * 100)


def test_a_picked_baseline_compares_even_before_any_session(journal: OpenJournal) -> None:
    add_course(first_session=None)
    add_counts(ShedProtocol.DAILY_TOTAL, day(-30), [100.0] * 10)
    add_counts(ShedProtocol.DAILY_TOTAL, day(-6), RECENT)
    models.Treatment.update(baseline_from=day(-30), baseline_to=day(-21)).execute()

    (shed,) = progress.progress(TODAY).protocols

    assert shed.baseline == (100.0,) * 10
    assert shed.change is not None
    assert shed.change.percent == pytest.approx((510 / 7 / 100 - 1) * 100)


def test_the_most_used_protocol_comes_first(journal: OpenJournal) -> None:
    add_course()
    add_counts(ShedProtocol.DAILY_TOTAL, day(-3), [50] * 4)
    add_counts(ShedProtocol.COMB_60S, day(-5), [10] * 6)
    add_counts(ShedProtocol.SHOWER, day(-3), [20] * 4)

    order = [shed.protocol for shed in progress.progress(TODAY).protocols]

    assert order == [ShedProtocol.COMB_60S, ShedProtocol.DAILY_TOTAL, ShedProtocol.SHOWER]


def test_too_few_days_give_no_change(journal: OpenJournal) -> None:
    add_course()
    add_counts(ShedProtocol.DAILY_TOTAL, day(-14, FIRST_SESSION), [100] * 3)
    add_counts(ShedProtocol.DAILY_TOTAL, day(-6), RECENT)

    (shed,) = progress.progress(TODAY).protocols

    assert len(shed.baseline) == 3
    assert shed.change is None


def test_a_course_without_sessions_has_no_baseline(journal: OpenJournal) -> None:
    add_course(first_session=None)
    add_counts(ShedProtocol.DAILY_TOTAL, day(-6), RECENT)

    (shed,) = progress.progress(TODAY).protocols

    assert shed.baseline_first is None
    assert shed.baseline == ()
    assert shed.change is None


def shedding_band(low: float, high: float, *, treatment: TreatmentKind) -> Reference:
    band = Band(
        condition=Condition.AGA_MALE,
        treatment=treatment,
        metric=progress.SHEDDING_METRIC,
        unit="percent",
        source="Example et al. 2030",
        grade="B",
        placebo=False,
        points=(BandPoint(0, 0, 0, 0), BandPoint(8, low * 2, None, high * 2)),
        notes=(),
    )
    return Reference(rows=(), bands=(band,), markers=(), timings=())


@pytest.mark.parametrize(
    ("low", "high", "position"), [(-30, -10, "within"), (-20, -5, "below"), (-60, -40, "above")]
)
def test_the_change_is_placed_against_a_band_at_the_week(
    journal: OpenJournal, low: float, high: float, position: str
) -> None:
    add_course()
    known_counts()
    reference = shedding_band(low, high, treatment=TreatmentKind.EXOSOME)

    (shed,) = progress.progress(TODAY, reference=reference).protocols

    (placed,) = shed.bands
    assert (placed.low, placed.high) == (pytest.approx(low), pytest.approx(high))
    assert placed.position == position
    assert (placed.source, placed.grade) == ("Example et al. 2030", "B")


def test_a_band_of_another_treatment_is_not_used(journal: OpenJournal) -> None:
    add_course()
    known_counts()
    reference = shedding_band(-30, -10, treatment=TreatmentKind.PRP)

    (shed,) = progress.progress(TODAY, reference=reference).protocols

    assert shed.bands == ()


def test_triggers_of_the_last_six_months_with_their_window(journal: OpenJournal) -> None:
    models.Event.create(kind=EventKind.ILLNESS_FEVER, started_on=dt.date(2026, 6, 3))
    models.Event.create(kind=EventKind.SURGERY, started_on=dt.date(2025, 12, 20))
    models.Event.create(kind=EventKind.COVID, started_on=dt.date(2025, 12, 1))  # too long ago
    models.Event.create(kind=EventKind.OTHER, started_on=dt.date(2026, 6, 1))  # not a trigger
    models.Event.create(kind=EventKind.STRESS, started_on=dt.date(2026, 6, 20))  # still to come

    found = progress.triggers(TODAY)

    assert found == (
        progress.Trigger(
            EventKind.SURGERY, dt.date(2025, 12, 20), dt.date(2026, 2, 18), dt.date(2026, 3, 20)
        ),
        progress.Trigger(
            EventKind.ILLNESS_FEVER, dt.date(2026, 6, 3), dt.date(2026, 8, 2), dt.date(2026, 9, 1)
        ),
    )
