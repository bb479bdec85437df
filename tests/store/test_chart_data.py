"""What the charts read: counts per protocol, check-ins, clinic density, sessions, events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hairjournal.core.enums import (
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import chart_data, models
from hairjournal.store.journal import OpenJournal, create_journal

D = dt.date.fromisoformat


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "charts.hairjournal", title="Charts", condition=Condition.AGA_FEMALE
    ) as opened:
        yield opened


def add_photo(taken_at: str, number: int) -> int:
    return models.Photo.create(
        taken_at=dt.datetime.fromisoformat(taken_at),
        region=ScalpRegion.VERTEX,
        sha256=f"{number:064x}",
        format="JPEG",
        width=100,
        height=100,
        imported_at=dt.datetime(2026, 6, 1),
        thumbnail=b"",
    ).id


def test_counts_come_per_protocol_in_date_order_with_wash_days(journal: OpenJournal) -> None:
    rows = [
        ("2026-03-02", ShedProtocol.DAILY_TOTAL, 80, False),
        ("2026-03-01", ShedProtocol.DAILY_TOTAL, 95, True),
        ("2026-03-01", ShedProtocol.COMB_60S, 12, True),
        ("2026-03-04", ShedProtocol.DAILY_TOTAL, 70, False),
    ]
    for day, protocol, value, wash in rows:
        models.ShedCount.create(date=D(day), protocol=protocol, value=value, wash_day=wash)

    series = chart_data.shed_series()

    assert [one.protocol for one in series] == [ShedProtocol.DAILY_TOTAL, ShedProtocol.COMB_60S]
    daily = series[0]
    assert daily.days.tolist() == [D("2026-03-01"), D("2026-03-02"), D("2026-03-04")]
    assert daily.values.tolist() == [95.0, 80.0, 70.0]
    assert daily.wash.tolist() == [True, False, False]
    assert series[1].values.tolist() == [12.0]


def test_an_empty_journal_gives_empty_series(journal: OpenJournal) -> None:
    assert chart_data.shed_series() == []
    assert chart_data.checkin_series()["density"].days.size == 0
    assert chart_data.clinic_density().values.size == 0
    assert chart_data.photo_days() == []
    assert chart_data.condition() is Condition.AGA_FEMALE


def test_checkins_keep_missing_ratings_as_nan(journal: OpenJournal) -> None:
    models.Checkin.create(date=D("2026-03-08"), density=4, quality=None)
    models.Checkin.create(date=D("2026-03-01"), density=3, quality=5)

    series = chart_data.checkin_series()

    assert series["density"].days.tolist() == [D("2026-03-01"), D("2026-03-08")]
    assert series["density"].values.tolist() == [3.0, 4.0]
    assert series["quality"].values[0] == 5.0
    assert np.isnan(series["quality"].values[1])


def test_clinic_density_averages_sites_of_one_day_and_skips_other_figures(
    journal: OpenJournal,
) -> None:
    for day, kind, value in (
        ("2026-03-01", MeasurementKind.DENSITY_PER_CM2, 120.0),
        ("2026-03-01", MeasurementKind.DENSITY_PER_CM2, 130.0),
        ("2026-03-01", MeasurementKind.SHAFT_DIAMETER_UM, 60.0),
        ("2026-06-01", MeasurementKind.DENSITY_PER_CM2, 140.0),
    ):
        models.Measurement.create(date=D(day), kind=kind, value=value)

    density = chart_data.clinic_density()

    assert density.days.tolist() == [D("2026-03-01"), D("2026-06-01")]
    assert density.values.tolist() == [125.0, 140.0]


def test_sessions_events_photos_and_courses(journal: OpenJournal) -> None:
    course = models.Treatment.create(
        kind=TreatmentKind.EXOSOME, product="Serum X", started_on=D("2026-02-01")
    )
    models.Treatment.create(kind=TreatmentKind.LLLT, started_on=D("2026-05-01"))
    for day in ("2026-03-01", "2026-02-03"):
        models.Session.create(treatment=course, date=D(day), route=Route.TOPICAL)
    models.Event.create(kind=EventKind.STRESS, started_on=D("2026-04-01"), notes="Move")
    models.Event.create(
        kind=EventKind.ILLNESS_FEVER, started_on=D("2026-02-10"), ended_on=D("2026-02-14")
    )
    second = add_photo("2026-03-01 18:00:00", 2)
    first = add_photo("2026-03-01 09:00:00", 1)
    later = add_photo("2026-04-02 09:00:00", 3)

    assert chart_data.session_days() == [(D("2026-02-03"), course.id), (D("2026-03-01"), course.id)]
    spans = chart_data.event_spans()
    assert [(s.kind, s.first, s.last) for s in spans] == [
        (EventKind.ILLNESS_FEVER, D("2026-02-10"), D("2026-02-14")),
        (EventKind.STRESS, D("2026-04-01"), D("2026-04-01")),  # no end: that day only
    ]
    assert chart_data.photo_days() == [
        chart_data.PhotoDay(D("2026-03-01"), (first, second)),
        chart_data.PhotoDay(D("2026-04-02"), (later,)),
    ]
    by_id = {c.id: c for c in chart_data.courses()}
    assert by_id[course.id].first_session_on == D("2026-02-03")
    assert by_id[course.id].label == "Exosomes (Serum X)"
    assert by_id[course.id].kind == "exosome"
    assert [c.first_session_on for c in by_id.values() if c.id != course.id] == [None]
