"""A small journal with known contents, dated relative to a given day, for the UI tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
from hairjournal.store.journal import create_journal

TITLE = "Sample journal"
EXOSOME_PRODUCT = "ExoCell serum"
FIRST_SESSION_DAYS_AGO = 90  # so today is in week 12 of the exosome course
SESSION_DAYS_AGO = (90, 62, 34)
NEXT_SESSION_IN_DAYS = 7
BASELINE_VALUE = 100  # daily totals in the 14 days before the first session
RECENT_VALUE = 60  # daily totals in the last six days (today itself is not counted)
OTHER_VALUE = 80
TOTALS = {"sessions": 3, "checkins": 5, "events": 2, "measurements": 3, "photos": 1}


def write_sample(path: Path, today: dt.date) -> None:
    """Create ``path`` with the known contents and close it again."""

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    with create_journal(
        path,
        title=TITLE,
        condition=Condition.AGA_FEMALE,
        onset_on=ago(400),
        first_treatment=(TreatmentKind.MINOXIDIL_TOPICAL, ago(200)),
    ):
        exosome = models.Treatment.create(
            kind=TreatmentKind.EXOSOME,
            product=EXOSOME_PRODUCT,
            started_on=ago(100),
            next_session_on=today + dt.timedelta(days=NEXT_SESSION_IN_DAYS),
        )
        for number, days in enumerate(SESSION_DAYS_AGO, start=1):
            models.Session.create(
                treatment=exosome,
                date=ago(days),
                route=Route.MICRO_INJECTION,
                clinic="Clinic A",
                volume_ml=2.0,
                pain=number + 2,
                side_effects=["redness"] if number == 1 else [],
            )
        counts = []
        for days in range(1, 121):
            day = ago(days)
            if FIRST_SESSION_DAYS_AGO < days <= FIRST_SESSION_DAYS_AGO + 14:
                value = BASELINE_VALUE
            elif days <= 6:
                value = RECENT_VALUE
            else:
                value = OTHER_VALUE
            counts.append(
                {
                    "date": day,
                    "protocol": ShedProtocol.DAILY_TOTAL,
                    "value": value,
                    "wash_day": days % 3 == 0,
                }
            )
        for days, value in ((10, 12), (3, 8)):
            counts.append({"date": ago(days), "protocol": ShedProtocol.COMB_60S, "value": value})
        models.ShedCount.insert_many(counts).execute()
        for week in range(5):
            models.Checkin.create(date=ago(7 * week + 1), density=5, itch=2)
        models.Event.create(kind=EventKind.ILLNESS_FEVER, started_on=ago(70), ended_on=ago(66))
        models.Event.create(kind=EventKind.STRESS, started_on=ago(20))
        for days, value in ((95, 140.0), (50, 146.0), (5, 151.0)):
            models.Measurement.create(
                date=ago(days), kind=MeasurementKind.DENSITY_PER_CM2, value=value, site="vertex"
            )
        photo = models.Photo.create(
            taken_at=dt.datetime.combine(ago(2), dt.time(9, 30)),
            region=ScalpRegion.VERTEX,
            sha256="a" * 64,
            format="JPEG",
            width=4,
            height=3,
            thumbnail=b"not really a jpeg",
            imported_at=dt.datetime.combine(ago(2), dt.time(10, 0)),
        )
        models.PhotoOriginal.create(photo=photo, data=b"not really a jpeg either")
