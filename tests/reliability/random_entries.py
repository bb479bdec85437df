"""Random but valid values for every column a person fills in, from one seeded generator.

Each kind of record gets every one of its columns (``test_random_entries`` holds this to the
models, so a new column cannot slip past the crash tests). Values are given as the app takes
them (dates, choices, lists) and as the journal stores them (``stored``), so that a separate
process can say exactly what it wrote and another can check it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from hairjournal.core import limits
from hairjournal.core.enums import (
    CellSource,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import models

Values = dict[str, Any]
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = 20 * 365  # wide enough that unique days rarely collide; a collision is refused, not lost
# What people paste into notes: accents, quotes, emoji, line breaks, the odd control character.
ALPHABET = "abcdefghij klmnop ÄÖüßé—“”'\"\\\n\t😀漢字\x00;%_"
SIDE_EFFECTS = ("redness", "itching", "swelling", "headache", "bruising", "flaking")


def text(rng: random.Random, longest: int = 120) -> str:
    """Notes of any length: usually short, now and then long enough to span several pages."""
    size = rng.randint(5_000, 16_000) if rng.random() < 0.04 else rng.randint(0, longest)
    return "".join(rng.choice(ALPHABET) for _ in range(size))


def day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))


def later(rng: random.Random, start: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, 400))


def maybe(rng: random.Random, value: Callable[[], Any]) -> Any:
    return None if rng.random() < 0.25 else value()


def number(rng: random.Random, limit: limits.Limit) -> float:
    """A value the limit allows, unusual ones included."""
    high = min(limit.high, (limit.usual_high or limit.high) * 1.2)
    if limit.whole:
        return rng.randint(int(limit.low), int(high))
    low = limit.low if limit.low_inclusive else limit.low + 0.01
    return round(rng.uniform(low, high), 2)


def shed_count(rng: random.Random) -> Values:
    protocol = rng.choice(list(ShedProtocol))
    return {
        "date": day(rng),
        "protocol": protocol,
        "value": int(number(rng, limits.SHED_COUNT[protocol])),
        "wash_day": rng.random() < 0.3,
        "notes": text(rng),
    }


def checkin(rng: random.Random) -> Values:
    ratings = ("density", "quality", "breakage", "itch", "flaking", "redness")
    values: Values = {"date": day(rng), "notes": text(rng)}
    values.update({name: maybe(rng, lambda: rng.randint(0, 10)) for name in ratings})
    return values


def event(rng: random.Random) -> Values:
    started_on = day(rng)
    return {
        "kind": rng.choice(list(EventKind)),
        "started_on": started_on,
        "ended_on": maybe(rng, lambda: later(rng, started_on)),
        "notes": text(rng),
    }


def measurement(rng: random.Random) -> Values:
    kind = rng.choice(list(MeasurementKind))
    return {
        "date": day(rng),
        "kind": kind,
        "value": number(rng, limits.MEASUREMENT[kind]),
        "site": rng.choice(["", "vertex", "crown, 2 cm behind the whorl", "frontal"]),
        "notes": text(rng),
    }


def treatment(rng: random.Random) -> Values:
    started_on = day(rng)
    baseline_from = maybe(rng, lambda: started_on - dt.timedelta(days=rng.randint(14, 60)))
    return {
        "kind": rng.choice(list(TreatmentKind)),
        "product": rng.choice(["", "ExoCell serum", "Minoxidil 5 %", "Finasteride 1 mg"]),
        "started_on": started_on,
        "stopped_on": maybe(rng, lambda: later(rng, started_on)),
        "dose": rng.choice(["", "1 ml twice a day", "1 mg daily", "3 ml every 4 weeks"]),
        "next_session_on": maybe(rng, lambda: later(rng, started_on)),
        "baseline_from": baseline_from,
        "baseline_to": None if baseline_from is None else later(rng, baseline_from),
        "notes": text(rng),
    }


def session(rng: random.Random, treatment_id: int) -> Values:
    return {
        "treatment": treatment_id,
        "date": day(rng),
        "route": rng.choice(list(Route)),
        "product": rng.choice(["", "ExoCell serum", "ASCE+ HRLV"]),
        "maker": rng.choice(["", "ExoCoBio", "Kimera Labs"]),
        "lot": f"LOT-{rng.randrange(10**6):06d}",
        "cell_source": rng.choice(list(CellSource)),
        "volume_ml": maybe(rng, lambda: number(rng, limits.VOLUME_ML)),
        "needle_depth_mm": maybe(rng, lambda: number(rng, limits.NEEDLE_DEPTH_MM)),
        "areas": rng.sample([region.value for region in ScalpRegion], rng.randint(0, 4)),
        "clinic": rng.choice(["", "Clinic A", "Dr Müller's practice"]),
        "pain": maybe(rng, lambda: rng.randint(0, 10)),
        "side_effects": rng.sample(SIDE_EFFECTS, rng.randint(0, 3)),
        "cost": maybe(rng, lambda: round(rng.uniform(0, 2_500), 2)),
        "notes": text(rng),
    }


def photo_changes(rng: random.Random) -> Values:
    """What the photo viewer lets a person change."""
    return {
        "region": rng.choice(list(ScalpRegion)),
        "taken_at": dt.datetime.combine(day(rng), dt.time(rng.randrange(24), rng.randrange(60))),
        "notes": text(rng),
    }


# The tables the writer adds to, with their generators (sessions also need a course).
NEW_RECORDS: dict[str, Callable[[random.Random], Values]] = {
    "shed_count": shed_count,
    "checkin": checkin,
    "event": event,
    "measurement": measurement,
    "treatment": treatment,
}
MODELS: dict[str, type[models.BaseModel]] = {
    model._meta.table_name: model for model in models.MODELS
}


def stored(table: str, values: Values) -> Values:
    """The values as the journal's columns hold them (codes, ISO dates, JSON text, 0/1)."""
    fields = MODELS[table]._meta.fields
    result: Values = {}
    for name, value in values.items():
        field = fields[name]
        raw = None if value is None else field.db_value(value)
        result[field.column_name] = int(raw) if isinstance(raw, bool) else raw
    return result


def changes(rng: random.Random, table: str, new: Values) -> Values:
    """A few of the columns of a freshly generated record: what an edit changes."""
    names = sorted(new)
    return {name: new[name] for name in rng.sample(names, rng.randint(1, min(4, len(names))))}
