"""A realistic, made-up demo journal: nine months of an exosome course for male-pattern loss."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, replace
from pathlib import Path

from hairjournal.core.enums import (
    CellSource,
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.services.demo_photos import REGIONS, DemoPhoto, add_demo_photos
from hairjournal.store import models
from hairjournal.store.journal import create_journal

WEEKS = 39
BASELINE_DAYS = 21  # counts before the first session
SESSIONS = 6
SESSION_INTERVAL_DAYS = 28
CLINIC_VISIT_WEEKS = (0, 12, 24, 35)  # weeks since the first session
MAINTENANCE_AFTER_END_DAYS = 24  # the next session, already booked when the demo ends
TARGET_AREA_CM2 = 2  # the tattooed area the clinic counts hairs in
PHOTO_INTERVAL_DAYS = 30  # scalp photos: a baseline before the first session, then monthly
PRODUCT = "RegenaScalp ADSC exosome concentrate"
MAKER = "Demo Biolabs"
CLINIC = "Riverside Hair Clinic (Dr. Example)"
SESSION_NOTES = (
    "First session. Numbing cream for 30 min, then micro-injections over the crown.",
    "Less nervous this time. Clinic photos taken before the injections.",
    "Still recovering from the flu a little; the clinic went ahead.",
    "Twelve-week review with the clinic: trichoscopy repeated.",
    "Quick session, the nurse worked along the part line as well.",
    "Last of the six sessions. From now on a maintenance session every few months.",
)
# Four choices, as before: the random draws, and so every other demo figure, stay the same.
SIDE_EFFECTS = (
    (),
    ("redness",),
    ("tenderness", "itching for two days"),
    ("pinpoint bleeding", "redness"),
)


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo journal holds, for a one-line message."""

    days: int
    treatments: int
    sessions: int
    shed_counts: int
    checkins: int
    events: int
    measurements: int
    photos: int = 0

    def __str__(self) -> str:
        photos = f", {self.photos} scalp photos" if self.photos else ""
        return (
            f"{self.days} days, {self.treatments} treatments, {self.sessions} exosome sessions, "
            f"{self.shed_counts} shedding counts, {self.checkins} check-ins, "
            f"{self.events} events, {self.measurements} clinic figures{photos}"
        )


@dataclass(frozen=True)
class _Plan:
    """The demo's calendar: every date the story hangs on, drawn once from the seed."""

    first_day: dt.date
    days: int
    minoxidil_day: int  # day numbers count from first_day
    fever_day: int
    fever_days: int
    te_peak_day: int
    te_height: float

    def date(self, day: int) -> dt.date:
        return self.first_day + dt.timedelta(days=day)

    def session_days(self) -> list[int]:
        return [BASELINE_DAYS + SESSION_INTERVAL_DAYS * i for i in range(SESSIONS)]

    def shedding_level(self, day: int) -> float:
        """Expected shedding relative to the baseline (1.0) on ``day``."""
        level = 1.0
        # Minoxidil start-up shedding, weeks 2 to 8 of use.
        since = day - self.minoxidil_day - 14
        if 0 <= since <= 42:
            level += 0.25 * math.sin(math.pi * since / 42) ** 2
        # Telogen effluvium after the fever: a 30-day rise to the peak, a 45-day fall.
        offset = day - self.te_peak_day
        if -30 <= offset <= 0:
            level += self.te_height * 0.5 * (1 + math.cos(math.pi * offset / 30))
        elif 0 < offset <= 45:
            level += self.te_height * 0.5 * (1 + math.cos(math.pi * offset / 45))
        # The treatments slowly take hold from about week 8 of the course.
        return level * (1 - 0.22 * self.progress(day))

    def progress(self, day: int) -> float:
        """How far the treatments have taken hold on ``day``: 0 until week 8 of the course, 1 at
        the end of the demo."""
        progress = (day - BASELINE_DAYS - 56) / (self.days - BASELINE_DAYS - 56)
        return min(max(progress, 0.0), 1.0)

    def photo_days(self) -> list[int]:
        """A baseline photo two days before the first session, then one a month to the end."""
        return list(range(BASELINE_DAYS - 2, self.days - 1, PHOTO_INTERVAL_DAYS))


def write_demo(
    path: Path, *, seed: int = 1, end: dt.date | None = None, photos: bool = True
) -> DemoSummary:
    """Write a new demo journal at ``path`` ending on ``end`` (default today); refuse a file.

    With ``photos``, each of four regions gets a generated 12-megapixel photo a month (this
    takes most of the time the demo needs).
    """
    end = end or dt.date.today()
    rng = random.Random(seed)
    days = WEEKS * 7
    fever_day = rng.randint(63, 70)  # over before the third session, on day 77
    plan = _Plan(
        first_day=end - dt.timedelta(days=days - 1),
        days=days,
        minoxidil_day=BASELINE_DAYS + rng.randint(0, 4),
        fever_day=fever_day,
        fever_days=rng.randint(3, 5),
        te_peak_day=fever_day + rng.randint(78, 88),
        te_height=rng.uniform(0.8, 1.0),
    )
    journal = create_journal(
        path,
        title="Demo journal",
        condition=Condition.AGA_MALE,
        onset_on=dt.date(plan.first_day.year - rng.randint(3, 6), rng.randint(1, 12), 1),
        birth_year=end.year - rng.randint(29, 41),
    )
    try:
        with journal, journal.db.atomic():
            summary = _fill(plan, rng)
            if photos:
                summary = replace(summary, photos=add_demo_photos(_photos(plan, seed)))
            return summary
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            journal.path.with_name(journal.path.name + suffix).unlink(missing_ok=True)
        raise


def _fill(plan: _Plan, rng: random.Random) -> DemoSummary:
    models.Journal.update(
        notes="A made-up journal written by 'hairjournal demo'; none of it is real.",
        created_at=dt.datetime.combine(plan.first_day, dt.time(20, 30)),
    ).execute()
    exosome = models.Treatment.create(
        kind=TreatmentKind.EXOSOME,
        product=PRODUCT,
        started_on=plan.date(plan.session_days()[0]),
        dose="2-3.5 ml by micro-injection every 4 weeks, 6 sessions, then maintenance",
        next_session_on=plan.date(plan.days - 1 + MAINTENANCE_AFTER_END_DAYS),
        notes=(
            "Six sessions four weeks apart, as the clinic proposed, then one every few months "
            "to keep it up."
        ),
    )
    models.Treatment.create(
        kind=TreatmentKind.MINOXIDIL_TOPICAL,
        product="Minoxidil 5 % foam",
        started_on=plan.date(plan.minoxidil_day),
        dose="5 % foam, 1 ml twice daily",
        notes="Morning and evening on a dry scalp; the clinic suggested it alongside.",
    )
    tables = {
        models.Session: _sessions(plan, rng, exosome.id),
        models.ShedCount: _shed_counts(plan, rng),
        models.Checkin: _checkins(plan, rng),
        models.Event: _events(plan, rng),
        models.Measurement: _measurements(plan, rng),
    }
    for model, rows in tables.items():
        model.insert_many(rows).execute()
    return DemoSummary(
        days=plan.days,
        treatments=2,
        sessions=len(tables[models.Session]),
        shed_counts=len(tables[models.ShedCount]),
        checkins=len(tables[models.Checkin]),
        events=len(tables[models.Event]),
        measurements=len(tables[models.Measurement]),
    )


def _photos(plan: _Plan, seed: int) -> list[DemoPhoto]:
    # Drawn from their own generator, so that the journal's other figures do not depend on them.
    rng = random.Random(f"{seed}-photos")
    photos = []
    for month, day in enumerate(plan.photo_days()):
        # Hair shed in a telogen effluvium is missing from the photos until it regrows.
        shedding = max(plan.shedding_level(day) / (1 - 0.22 * plan.progress(day)) - 1, 0.0)
        recovery = plan.progress(day) - 0.2 * shedding
        morning = dt.datetime.combine(plan.date(day), dt.time(7, 40))
        photos += [
            DemoPhoto(
                region=region,
                seed=seed,
                month=month,
                recovery=recovery,
                taken_at=morning
                + dt.timedelta(minutes=rng.randint(0, 50), seconds=rng.randint(0, 59)),
            )
            for region in REGIONS
        ]
    return photos


def _sessions(plan: _Plan, rng: random.Random, treatment_id: int) -> list[dict[str, object]]:
    # What every visit of the course has in common; each row adds the visit's own details.
    shared = {"treatment": treatment_id, "route": Route.MICRO_INJECTION, "product": PRODUCT}
    shared |= {"maker": MAKER, "cell_source": CellSource.ADSC, "clinic": CLINIC}
    rows, lot = [], ""
    for number, day in enumerate(plan.session_days()):
        if number % 2 == 0:  # the clinic opens a new batch every other visit
            lot = f"RS{plan.date(day):%y%m}-{rng.randint(100, 999)}"
        areas = [ScalpRegion.VERTEX, ScalpRegion.MIDLINE_PART]
        if rng.random() < 0.6:
            areas.append(ScalpRegion.FRONTAL)
        visit = {
            "date": plan.date(day),
            "lot": lot,
            "volume_ml": rng.choice((2.0, 2.5, 3.0, 3.5)),
            "needle_depth_mm": rng.choice((1.0, 1.2, 1.5)),
            "areas": [area.value for area in areas],
            "pain": rng.randint(2, 6),
            "side_effects": list(rng.choice(SIDE_EFFECTS)),
            "cost": 450.0 if number < SESSIONS - 1 else 380.0,  # the last one at a package price
            "notes": SESSION_NOTES[number],
        }
        rows.append(shared | visit)
    return rows


def _shed_counts(plan: _Plan, rng: random.Random) -> list[dict[str, object]]:
    daily_base = rng.uniform(88, 100)
    comb_base = rng.uniform(12, 18)  # combed before the wash, so no wash-day rise
    missed = set(rng.sample(range(BASELINE_DAYS, plan.days - 1), rng.randint(5, 9)))
    fever = range(plan.fever_day, plan.fever_day + plan.fever_days)
    next_wash = rng.randint(0, 2)
    rows = []
    for day in range(plan.days):
        wash_day = day == next_wash
        if wash_day:
            next_wash += rng.choice((2, 2, 3))
        if day in missed:
            continue
        level = plan.shedding_level(day)
        note = ""
        if day == 0:
            note = "First count: pillow, shower drain and brush."
        elif day in fever:
            note = "Fever, counted anyway."
        elif day == plan.te_peak_day:
            note = "Hair everywhere. The clinic says it is the fever three months ago."
        daily = daily_base * (1.3 if wash_day else 1.0) * rng.lognormvariate(0, 0.1)
        counts = [(ShedProtocol.DAILY_TOTAL, daily, note)]
        if wash_day:
            counts.append((ShedProtocol.COMB_60S, comb_base * rng.lognormvariate(0, 0.15), ""))
        rows += [
            {
                "date": plan.date(day),
                "protocol": protocol,
                "value": round(base * level),
                "wash_day": wash_day,
                "notes": text,
            }
            for protocol, base, text in counts
        ]
    return rows


def _checkins(plan: _Plan, rng: random.Random) -> list[dict[str, object]]:
    def score(value: float) -> int:
        return min(10, max(0, round(value + rng.gauss(0, 0.4))))

    rows = []
    for day in range(6, plan.days, 7):  # weekly, the last on the final day
        progress = min(max((day - BASELINE_DAYS) / (plan.days - BASELINE_DAYS), 0.0), 1.0)
        shedding = plan.shedding_level(day) - 1
        after_session = any(0 <= day - s < 7 for s in plan.session_days())
        on_minoxidil_start = 0 <= day - plan.minoxidil_day < 56
        note = ""
        if after_session:
            note = "Scalp a bit sore after the session."
        elif shedding > 0.4:
            note = "Shedding a lot, hair looks thinner in the bathroom mirror."
        elif rng.random() < 0.15:
            note = rng.choice(("Hair feels thicker at the crown.", "Good week.", "Busy week."))
        rows.append(
            {
                "date": plan.date(day),
                "density": score(4 + 2.5 * progress - 2 * max(shedding, 0)),
                "quality": score(4 + 2.5 * progress - max(shedding, 0)),
                "breakage": score(5 - 2 * progress),
                "itch": score(2 + 2 * after_session + on_minoxidil_start),
                "flaking": score(3 - progress + on_minoxidil_start),
                "redness": score(1 + 3 * after_session),
                "notes": note,
            }
        )
    return rows


def _events(plan: _Plan, rng: random.Random) -> list[dict[str, object]]:
    stress_day = rng.randint(200, 225)
    return [
        {
            "kind": EventKind.ILLNESS_FEVER,
            "started_on": plan.date(plan.fever_day),
            "ended_on": plan.date(plan.fever_day + plan.fever_days - 1),
            "notes": f"Flu, up to {rng.choice((38.9, 39.2, 39.6))} °C; in bed, paracetamol.",
        },
        {
            "kind": EventKind.STRESS,
            "started_on": plan.date(stress_day),
            "ended_on": plan.date(stress_day + rng.randint(7, 14)),
            "notes": "Moving house and a deadline at work; slept badly.",
        },
    ]


def _measurements(plan: _Plan, rng: random.Random) -> list[dict[str, object]]:
    density = rng.uniform(122, 136)
    shaft = rng.uniform(56, 64)
    gains = (1.0, 1.04, 1.07, 1.11)
    norwood = STAGE_SCALES[MeasurementKind.NORWOOD].position("III vertex")
    trichoscopy = "vertex target area"
    pulled = "crown, both sides and the back"
    rows = []
    for visit, (week, gain) in enumerate(zip(CLINIC_VISIT_WEEKS, gains, strict=True)):
        day = BASELINE_DAYS + 7 * week
        note = "Baseline trichoscopy." if visit == 0 else f"Trichoscopy, week {week}."
        per_cm2 = round(density * gain * rng.uniform(0.99, 1.01))
        figures = [
            (MeasurementKind.DENSITY_PER_CM2, per_cm2, trichoscopy, note),
            (
                MeasurementKind.SHAFT_DIAMETER_UM,
                round(shaft * gain * rng.uniform(0.99, 1.01), 1),
                trichoscopy,
                note,
            ),
            (
                MeasurementKind.TARGET_AREA_COUNT,
                round(TARGET_AREA_CM2 * per_cm2 * rng.uniform(0.98, 1.02)),
                f"{trichoscopy} ({TARGET_AREA_CM2} cm²)",
                note,
            ),
            (
                # A couple of hairs out of about 50 is normal; more while the effluvium lasts.
                MeasurementKind.PULL_TEST,
                max(0, round(2 + 6 * (plan.shedding_level(day) - 1) + rng.uniform(-0.5, 0.5))),
                pulled,
                "About 50 hairs pulled at each place; no shampoo the day before.",
            ),
        ]
        if visit in (0, len(CLINIC_VISIT_WEEKS) - 1):
            figures.append((MeasurementKind.NORWOOD, norwood, "", note))
        rows += [
            {"date": plan.date(day), "kind": kind, "value": float(value), "site": site, "notes": n}
            for kind, value, site, n in figures
        ]
    return rows
