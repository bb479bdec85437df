"""The schema itself refuses what the forms refuse: limits, codes, dates, relations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import peewee as pw
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hairjournal.core import limits
from hairjournal.core.enums import (
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal

DAY = dt.date(2025, 3, 1)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "j.hairjournal", title="t", condition=Condition.AA) as opened:
        yield opened


def _stored(db: pw.SqliteDatabase, table: str, row: dict[str, object]) -> bool:
    """Whether the schema accepts ``row`` as given (raw SQL: no field converts the values)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    try:
        with db.atomic() as transaction:
            db.execute_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
            transaction.rollback()
    except pw.IntegrityError:
        return False
    return True


numbers = st.one_of(
    st.integers(min_value=-20_000, max_value=200_000),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
)
shared = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@shared
@given(protocol=st.sampled_from(list(ShedProtocol)), value=numbers)
def test_shed_count_limits_match_core(
    journal: OpenJournal, protocol: ShedProtocol, value: float
) -> None:
    row = {"date": "2025-03-01", "protocol": protocol.value, "value": value, "wash_day": 0}
    accepted = _stored(journal.db, "shed_count", {**row, "notes": ""})
    assert accepted == limits.SHED_COUNT[protocol].allows(value)


@shared
@given(kind=st.sampled_from(list(MeasurementKind)), value=numbers)
def test_measurement_limits_match_core(
    journal: OpenJournal, kind: MeasurementKind, value: float
) -> None:
    row = {"date": "2025-03-01", "kind": kind.value, "value": value, "site": "", "notes": ""}
    accepted = _stored(journal.db, "measurement", row)
    assert accepted == limits.MEASUREMENT[kind].allows(value)


SESSION_ROW = {
    "treatment_id": 1,
    "date": "2025-03-01",
    "route": "topical",
    "product": "",
    "maker": "",
    "lot": "",
    "cell_source": "unknown",
    "areas": "[]",
    "clinic": "",
    "side_effects": "[]",
    "notes": "",
}


@shared
@given(value=numbers)
def test_session_ranges_match_core(journal: OpenJournal, value: float) -> None:
    models.Treatment.insert(
        id=1, kind=TreatmentKind.EXOSOME, started_on=DAY
    ).on_conflict_ignore().execute()
    for column, limit in (
        ("pain", limits.RATING),
        ("volume_ml", limits.VOLUME_ML),
        ("needle_depth_mm", limits.NEEDLE_DEPTH_MM),
        ("cost", limits.COST),
    ):
        accepted = _stored(journal.db, "session", {**SESSION_ROW, column: value})
        assert accepted == limit.allows(value), column


def test_unknown_codes_are_refused(journal: OpenJournal) -> None:
    sql = "INSERT INTO event (kind, started_on, notes) VALUES (?, ?, '')"
    with pytest.raises(pw.IntegrityError):
        journal.db.execute_sql(sql, ("meteor_strike", "2025-01-01"))
    journal.db.execute_sql(sql, (EventKind.COVID.value, "2025-01-01"))
    assert models.Event.get().kind is EventKind.COVID


@pytest.mark.parametrize("text", ["2025-02-30", "01/03/2025", "2025-3-1", "", "yesterday"])
def test_dates_must_be_real_iso_dates(journal: OpenJournal, text: str) -> None:
    with pytest.raises(pw.IntegrityError):
        journal.db.execute_sql("INSERT INTO checkin (date, notes) VALUES (?, '')", (text,))


def test_spans_cannot_end_before_they_start(journal: OpenJournal) -> None:
    with pytest.raises(pw.IntegrityError):
        models.Event.create(kind=EventKind.STRESS, started_on=DAY, ended_on=DAY - dt.timedelta(1))
    with pytest.raises(pw.IntegrityError):
        models.Treatment.create(
            kind=TreatmentKind.PRP, started_on=DAY, stopped_on=DAY - dt.timedelta(1)
        )


def test_one_count_per_day_and_protocol(journal: OpenJournal) -> None:
    models.ShedCount.create(date=DAY, protocol=ShedProtocol.COMB_60S, value=12)
    models.ShedCount.create(date=DAY, protocol=ShedProtocol.DAILY_TOTAL, value=90)
    with pytest.raises(pw.IntegrityError):
        models.ShedCount.create(date=DAY, protocol=ShedProtocol.COMB_60S, value=13)


def test_journal_has_exactly_one_row(journal: OpenJournal) -> None:
    with pytest.raises(pw.IntegrityError):
        models.Journal.create(
            id=2, title="second", condition=Condition.TE, created_at=dt.datetime(2025, 1, 1)
        )


def test_deleting_a_course_deletes_its_sessions(journal: OpenJournal) -> None:
    course = models.Treatment.create(kind=TreatmentKind.EXOSOME, started_on=DAY)
    other = models.Treatment.create(kind=TreatmentKind.MINOXIDIL_TOPICAL, started_on=DAY)
    for treatment in (course, course, other):
        models.Session.create(
            treatment=treatment,
            date=DAY,
            route=Route.MICRO_INJECTION,
            areas=[ScalpRegion.VERTEX, ScalpRegion.FRONTAL],
            side_effects=["redness", "itch for two days"],
        )
    course.delete_instance()
    remaining = list(models.Session.select())
    assert [s.treatment_id for s in remaining] == [other.id]
    assert remaining[0].areas == ["vertex", "frontal"]
    assert remaining[0].side_effects == ["redness", "itch for two days"]


def test_deleting_a_photo_deletes_its_original(journal: OpenJournal) -> None:
    photo = models.Photo.create(
        taken_at=dt.datetime(2025, 3, 1, 9, 30, 15, 999),
        region=ScalpRegion.VERTEX,
        sha256="0" * 64,
        format="JPEG",
        width=4032,
        height=3024,
        thumbnail=b"thumb",
        imported_at=dt.datetime(2025, 3, 2),
    )
    models.PhotoOriginal.create(photo=photo, data=b"\xff\xd8original")
    assert models.Photo.get().taken_at == dt.datetime(2025, 3, 1, 9, 30, 15)
    photo.delete_instance()
    assert models.PhotoOriginal.select().count() == 0


def test_a_session_needs_an_existing_course(journal: OpenJournal) -> None:
    with pytest.raises(pw.IntegrityError):
        models.Session.create(treatment=999, date=DAY, route=Route.TOPICAL)
