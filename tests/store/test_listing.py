"""Every record of a kind as plain rows, newest first, in one query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import (
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import listing, models
from hairjournal.store.journal import OpenJournal, create_journal

DAY = dt.date(2026, 3, 10)


def ago(days: int) -> dt.date:
    return DAY - dt.timedelta(days=days)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "listing.hairjournal",
        title="Listing",
        condition=Condition.AGA_MALE,
        first_treatment=(TreatmentKind.MINOXIDIL_TOPICAL, ago(300)),
    ) as opened:
        yield opened


def test_shed_counts_come_newest_first_with_python_values(journal: OpenJournal) -> None:
    # Inserted out of order; two on one day, where the later record comes first.
    for day, protocol, value in (
        (ago(5), ShedProtocol.DAILY_TOTAL, 80),
        (ago(1), ShedProtocol.DAILY_TOTAL, 95),
        (ago(3), ShedProtocol.SHOWER, 30),
        (ago(1), ShedProtocol.COMB_60S, 12),
    ):
        models.ShedCount.create(date=day, protocol=protocol, value=value, wash_day=value == 30)

    rows = listing.rows(models.ShedCount)

    assert [(row["date"], row["value"]) for row in rows] == [
        (ago(1), 12),
        (ago(1), 95),
        (ago(3), 30),
        (ago(5), 80),
    ]
    assert rows[2] == {
        "id": 3,
        "date": ago(3),
        "protocol": ShedProtocol.SHOWER,
        "value": 30,
        "wash_day": True,
        "notes": "",
    }
    assert type(rows[0]["protocol"]) is ShedProtocol
    assert rows[1]["wash_day"] is False


def test_sessions_carry_their_course_and_lists(journal: OpenJournal) -> None:
    exosome = models.Treatment.create(
        kind=TreatmentKind.EXOSOME, product="ExoCell", started_on=ago(60)
    )
    prp = models.Treatment.create(kind=TreatmentKind.PRP, started_on=ago(40))
    models.Session.create(
        treatment=exosome,
        date=ago(50),
        route=Route.MICRO_INJECTION,
        areas=["vertex", "frontal"],
        side_effects=["redness", "a headache that evening"],
        volume_ml=2.5,
    )
    models.Session.create(treatment=prp, date=ago(20), route=Route.OTHER)

    newest, oldest = listing.rows(models.Session)

    assert (newest["date"], newest["course_kind"], newest["course_product"]) == (
        ago(20),
        TreatmentKind.PRP,
        "",
    )
    assert newest["treatment"] == prp.id
    assert oldest["course_kind"] is TreatmentKind.EXOSOME
    assert oldest["course_product"] == "ExoCell"
    assert oldest["areas"] == ["vertex", "frontal"]
    assert oldest["side_effects"] == ["redness", "a headache that evening"]
    assert oldest["volume_ml"] == 2.5
    assert oldest["needle_depth_mm"] is None


def test_courses_count_their_sessions_and_sort_by_start(journal: OpenJournal) -> None:
    exosome = models.Treatment.create(kind=TreatmentKind.EXOSOME, started_on=ago(60))
    for days in (50, 30, 10):
        models.Session.create(treatment=exosome, date=ago(days), route=Route.TOPICAL)

    rows = listing.rows(models.Treatment)

    assert [(row["kind"], row["started_on"], row["session_count"]) for row in rows] == [
        (TreatmentKind.EXOSOME, ago(60), 3),
        (TreatmentKind.MINOXIDIL_TOPICAL, ago(300), 0),
    ]
    assert rows[0]["stopped_on"] is None


def test_events_sort_by_their_start(journal: OpenJournal) -> None:
    models.Event.create(kind=EventKind.STRESS, started_on=ago(90), ended_on=ago(2))
    models.Event.create(kind=EventKind.COVID, started_on=ago(30), ended_on=ago(20))
    assert [row["kind"] for row in listing.rows(models.Event)] == [
        EventKind.COVID,
        EventKind.STRESS,
    ]


def test_checkins_and_measurements(journal: OpenJournal) -> None:
    models.Checkin.create(date=ago(8), density=4, itch=7, notes="Itchy after the session")
    models.Checkin.create(date=ago(1), density=5)
    models.Measurement.create(date=ago(40), kind=MeasurementKind.NORWOOD, value=3)
    models.Measurement.create(date=ago(4), kind=MeasurementKind.DENSITY_PER_CM2, value=151.5)

    checkins = listing.rows(models.Checkin)
    assert [(row["date"], row["density"], row["itch"]) for row in checkins] == [
        (ago(1), 5, None),
        (ago(8), 4, 7),
    ]
    figures = listing.rows(models.Measurement)
    assert [(row["kind"], row["value"]) for row in figures] == [
        (MeasurementKind.DENSITY_PER_CM2, 151.5),
        (MeasurementKind.NORWOOD, 3.0),
    ]


def test_an_empty_kind_has_no_rows(journal: OpenJournal) -> None:
    assert listing.rows(models.Event) == []


@pytest.mark.parametrize("model", list(listing.DATE_FIELD))
def test_each_kind_is_read_in_one_query(
    journal: OpenJournal, model: type[models.BaseModel], monkeypatch: pytest.MonkeyPatch
) -> None:
    exosome = models.Treatment.create(kind=TreatmentKind.EXOSOME, started_on=ago(60))
    for days in (50, 30):
        models.Session.create(treatment=exosome, date=ago(days), route=Route.TOPICAL)
        models.Event.create(kind=EventKind.DIET, started_on=ago(days))
        models.ShedCount.create(date=ago(days), protocol=ShedProtocol.BRUSH, value=days)
        models.Checkin.create(date=ago(days), quality=6)
        models.Measurement.create(date=ago(days), kind=MeasurementKind.PULL_TEST, value=2)
    statements: list[str] = []
    execute = journal.db.execute_sql

    def counting(sql: str, *args: object, **kwargs: object) -> object:
        statements.append(sql)
        return execute(sql, *args, **kwargs)

    monkeypatch.setattr(journal.db, "execute_sql", counting)
    rows = listing.rows(model)
    assert len(rows) == 2
    assert len(statements) == 1
    date_field = listing.DATE_FIELD[model]
    dates = [row[date_field] for row in rows]
    assert dates == sorted(dates, reverse=True)
