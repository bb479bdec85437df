"""Published response timelines as validated bands, markers and timings, each with source and grade.

Three files in ``resources/reference/``, each a CSV with ``#`` comment lines at the top:

- ``timelines.csv``: one row per sourced figure (a week's low, typical and high). Rows that share
  condition, treatment, metric, unit, source and arm (treatment or placebo) form one band, in
  ascending weeks. ``typical`` may be empty where a source gives only a range. Week 0 is the
  baseline (0 change). ``treatment`` is a TreatmentKind code, or ``none`` for natural history
  (read as ``None`` here).
- ``markers.csv``: findings with a direction but no number ("improvement reported at week N").
- ``timings.csv``: when something happens rather than how much (telogen effluvium starts 1-6
  months after its trigger, usually 2-3). These are durations in the unit the source gives (days,
  weeks or months), after an anchor (the trigger, the first session, the onset of shedding); they
  are kept out of the bands because a duration is not a change from baseline. ``Timing.weeks()``
  converts them (a month is 52/12 weeks).

Every row names a source and a grade (A randomised trial, B prospective, C retrospective, case or
abstract, S secondary). Nothing here is extrapolated: ``band_at`` answers only between sourced
weeks. A malformed file raises ``ReferenceDataError`` naming the file and the line.
"""

from __future__ import annotations

import csv
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.core.resources import resources_folder

NATURAL_HISTORY = "none"  # the treatment code of a row about the untreated course
WEEKS_PER_MONTH = 52 / 12

GRADES: dict[str, str] = {
    "A": "randomised controlled trial",
    "B": "prospective study",
    "C": "retrospective study, case report or conference abstract",
    "S": "secondary source (review, textbook, clinic or vendor)",
}

# Each metric with the words a person reads and the units its bands may use.
METRICS: dict[str, str] = {
    "density": "Hair density",
    "hair_count": "Hair count in a target area",
    "thickness": "Hair thickness (shaft diameter)",
    "salt_le_20": "Patients reaching SALT 20 or less",
    "regrowth": "Patients with regrowth",
    "full_regrowth": "Patients fully regrown",
    "salt": "SALT score",
    "overall": "Hair growth (measure not stated)",
}
UNITS: dict[str, str] = {
    "percent": "% change from baseline",
    "hairs_per_cm2": "hairs/cm² change from baseline",
    "percent_of_patients": "% of patients",
}
METRIC_UNITS: dict[str, frozenset[str]] = {
    "density": frozenset({"percent", "hairs_per_cm2"}),
    "hair_count": frozenset({"percent"}),
    "thickness": frozenset({"percent"}),
    "salt_le_20": frozenset({"percent_of_patients"}),
    "regrowth": frozenset({"percent_of_patients"}),
    "full_regrowth": frozenset({"percent_of_patients"}),
}
TIMING_EVENTS: dict[str, str] = {
    "shedding_onset": "Shedding starts",
    "shedding_resolution": "Shedding resolves",
    "startup_shedding_start": "Start-up shedding begins",
    "startup_shedding_end": "Start-up shedding ends",
    "first_benefit": "First benefit",
}
TIMING_ANCHORS: dict[str, str] = {
    "trigger": "after the trigger",
    "first_session": "after the first session",
    "shedding_onset": "after shedding starts",
}
TIMING_UNITS: dict[str, float] = {"days": 1 / 7, "weeks": 1.0, "months": WEEKS_PER_MONTH}

TIMELINE_COLUMNS = (
    "condition",
    "treatment",
    "week",
    "metric",
    "low",
    "typical",
    "high",
    "unit",
    "source",
    "grade",
    "placebo",
    "notes",
)
MARKER_COLUMNS = ("condition", "treatment", "week", "metric", "text", "source", "grade")
TIMING_COLUMNS = (
    "condition",
    "treatment",
    "event",
    "after",
    "low",
    "typical_low",
    "typical_high",
    "high",
    "unit",
    "source",
    "grade",
    "notes",
)


class ReferenceDataError(ValueError):
    """A reference file that cannot be used, with the file and line at fault."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        super().__init__(f"{path.name}, line {line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class ReferenceRow:
    """One sourced figure: at ``week``, a change between ``low`` and ``high``."""

    condition: Condition
    treatment: TreatmentKind | None  # None: natural history, no treatment
    week: float
    metric: str
    low: float
    typical: float | None  # None where the source gives only a range
    high: float
    unit: str
    source: str
    grade: str
    placebo: bool  # a vehicle or placebo arm
    notes: str
    line: int  # in timelines.csv, for messages


class BandValue(NamedTuple):
    """A band's low, typical (None where not sourced) and high at one week."""

    low: float
    typical: float | None
    high: float


@dataclass(frozen=True)
class BandPoint:
    """A sourced week of a band."""

    week: float
    low: float
    typical: float | None
    high: float


@dataclass(frozen=True)
class Band:
    """One source's figures for one arm of one metric, in ascending weeks."""

    condition: Condition
    treatment: TreatmentKind | None
    metric: str
    unit: str
    source: str
    grade: str
    placebo: bool
    points: tuple[BandPoint, ...]
    notes: tuple[str, ...]  # the rows' notes, each once

    @property
    def label(self) -> str:
        """'Tak et al. 2020, grade A' or '..., grade A, placebo': for legends and tooltips."""
        arm = ", placebo" if self.placebo else ""
        return f"{self.source}, grade {self.grade}{arm}"

    @property
    def first_week(self) -> float:
        return self.points[0].week

    @property
    def last_week(self) -> float:
        return self.points[-1].week


@dataclass(frozen=True)
class Marker:
    """A finding with a direction and no number, shown at its week."""

    condition: Condition
    treatment: TreatmentKind | None
    week: float
    metric: str
    text: str
    source: str
    grade: str


class TimingWeeks(NamedTuple):
    """A timing's bounds in weeks; None where the source gives none."""

    low: float | None
    typical_low: float | None
    typical_high: float | None
    high: float | None


@dataclass(frozen=True)
class Timing:
    """When something happens, in the source's unit, after an anchor."""

    condition: Condition
    treatment: TreatmentKind | None
    event: str
    after: str
    low: float | None
    typical_low: float | None
    typical_high: float | None
    high: float | None
    unit: str
    source: str
    grade: str
    notes: str

    def weeks(self) -> TimingWeeks:
        """The same bounds in weeks (a month is 52/12 weeks, a day 1/7)."""
        factor = TIMING_UNITS[self.unit]
        values = (self.low, self.typical_low, self.typical_high, self.high)
        low, typical_low, typical_high, high = (None if v is None else v * factor for v in values)
        return TimingWeeks(low, typical_low, typical_high, high)


@dataclass(frozen=True)
class Reference:
    """Everything in the reference folder, validated."""

    rows: tuple[ReferenceRow, ...]
    bands: tuple[Band, ...]
    markers: tuple[Marker, ...]
    timings: tuple[Timing, ...]

    def bands_for(
        self, condition: Condition, treatment: TreatmentKind | None, metric: str
    ) -> list[Band]:
        """The bands for a condition, treatment and metric: treatment arms first, then placebo."""
        found = [
            band
            for band in self.bands
            if (band.condition, band.treatment, band.metric) == (condition, treatment, metric)
        ]
        return sorted(found, key=lambda band: band.placebo)

    def markers_for(
        self, condition: Condition, treatment: TreatmentKind | None, metric: str | None = None
    ) -> list[Marker]:
        """The markers for a condition and treatment, of one metric or (None) of all, by week."""
        found = [
            marker
            for marker in self.markers
            if (marker.condition, marker.treatment) == (condition, treatment)
            and (metric is None or marker.metric == metric)
        ]
        return sorted(found, key=lambda marker: marker.week)

    def timings_for(
        self, condition: Condition, treatment: TreatmentKind | None, event: str | None = None
    ) -> list[Timing]:
        """The timings for a condition and treatment, of one event or (None) of all."""
        return [
            timing
            for timing in self.timings
            if (timing.condition, timing.treatment) == (condition, treatment)
            and (event is None or timing.event == event)
        ]


def reference_folder() -> Path:
    """The shipped ``resources/reference`` folder."""
    return resources_folder() / "reference"


def load_reference(folder: Path | None = None) -> Reference:
    """Read and check the three reference files; a ReferenceDataError names the file and line."""
    folder = reference_folder() if folder is None else folder
    rows = tuple(_read_timelines(folder / "timelines.csv"))
    return Reference(
        rows=rows,
        bands=_group_bands(folder / "timelines.csv", rows),
        markers=tuple(_read_markers(folder / "markers.csv")),
        timings=tuple(_read_timings(folder / "timings.csv")),
    )


@functools.cache
def shipped_reference() -> Reference:
    """The shipped reference data, read once."""
    return load_reference()


def bands_for(
    condition: Condition,
    treatment: TreatmentKind | None,
    metric: str,
    *,
    reference: Reference | None = None,
) -> list[Band]:
    """Bands from ``reference`` (the shipped data if None); see ``Reference.bands_for``."""
    return (reference or shipped_reference()).bands_for(condition, treatment, metric)


def markers_for(
    condition: Condition,
    treatment: TreatmentKind | None,
    metric: str | None = None,
    *,
    reference: Reference | None = None,
) -> list[Marker]:
    """Markers from ``reference`` (the shipped data if None); see ``Reference.markers_for``."""
    return (reference or shipped_reference()).markers_for(condition, treatment, metric)


def timings_for(
    condition: Condition,
    treatment: TreatmentKind | None,
    event: str | None = None,
    *,
    reference: Reference | None = None,
) -> list[Timing]:
    """Timings from ``reference`` (the shipped data if None); see ``Reference.timings_for``."""
    return (reference or shipped_reference()).timings_for(condition, treatment, event)


def band_at(band: Band, week: float) -> BandValue | None:
    """The band at ``week``: exact at a sourced week, linear between two, None outside them.

    The typical value is None unless both neighbouring sourced weeks give one.
    """
    points = band.points
    if not points[0].week <= week <= points[-1].week:
        return None
    for before, after in itertools.pairwise(points):
        if before.week <= week <= after.week:
            if week == before.week:
                return BandValue(before.low, before.typical, before.high)
            if week == after.week:
                return BandValue(after.low, after.typical, after.high)
            share = (week - before.week) / (after.week - before.week)
            typical = None
            if before.typical is not None and after.typical is not None:
                typical = _between(before.typical, after.typical, share)
            return BandValue(
                _between(before.low, after.low, share),
                typical,
                _between(before.high, after.high, share),
            )
    only = points[0]  # a band of one sourced week, asked about that week
    return BandValue(only.low, only.typical, only.high)


def _between(start: float, end: float, share: float) -> float:
    return start + (end - start) * share


# Reading and validating -------------------------------------------------------------------------


def _records(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data line of a CSV as (line number, cells by column); ``#`` lines and blanks skipped.

    One record per physical line, so that every message can name its line: a quoted cell may hold
    commas but not a line break.
    """
    if not path.is_file():
        raise ReferenceDataError(path, 0, "the file is missing")
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            try:
                cells = next(csv.reader([text], strict=True))
            except csv.Error as error:
                raise ReferenceDataError(path, number, f"not valid CSV ({error})") from None
            if not header_seen:
                if tuple(cells) != columns:
                    expected = ",".join(columns)
                    raise ReferenceDataError(path, number, f"the header must be {expected}")
                header_seen = True
                continue
            if len(cells) != len(columns):
                raise ReferenceDataError(
                    path, number, f"{len(cells)} cells where {len(columns)} are expected"
                )
            yield number, {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}
    if not header_seen:
        raise ReferenceDataError(path, 0, "the file has no header line")


class _Cells:
    """Typed reads of one record's cells, each failure naming the file, line and column."""

    def __init__(self, path: Path, line: int, cells: dict[str, str]) -> None:
        self.path = path
        self.line = line
        self.cells = cells

    def fail(self, problem: str) -> ReferenceDataError:
        return ReferenceDataError(self.path, self.line, problem)

    def text(self, name: str) -> str:
        value = self.cells[name]
        if not value:
            raise self.fail(f"{name} is empty")
        return value

    def choice(self, name: str, allowed: dict[str, str] | dict[str, float]) -> str:
        value = self.text(name)
        if value not in allowed:
            raise self.fail(f"unknown {name} {value!r} (known: {', '.join(allowed)})")
        return value

    def condition(self) -> Condition:
        value = self.text("condition")
        if value not in Condition.codes():
            known = ", ".join(Condition.codes())
            raise self.fail(f"unknown condition {value!r} (known: {known})")
        return Condition(value)

    def treatment(self) -> TreatmentKind | None:
        value = self.text("treatment")
        if value == NATURAL_HISTORY:
            return None
        if value not in TreatmentKind.codes():
            known = ", ".join((*TreatmentKind.codes(), NATURAL_HISTORY))
            raise self.fail(f"unknown treatment {value!r} (known: {known})")
        return TreatmentKind(value)

    def number(self, name: str, *, required: bool = True) -> float | None:
        value = self.cells[name]
        if not value:
            if required:
                raise self.fail(f"{name} is empty")
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(f"{name} {value!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise self.fail(f"{name} {value!r} is not a finite number")
        return number

    def week(self) -> float:
        week = self.number("week")
        assert week is not None
        if week < 0:
            raise self.fail(f"week {week:g} is before the start")
        return week

    def ordered(self, names: tuple[str, ...], values: tuple[float | None, ...]) -> None:
        present = [
            (name, value) for name, value in zip(names, values, strict=True) if value is not None
        ]
        for (name_a, a), (name_b, b) in itertools.pairwise(present):
            if a > b:
                raise self.fail(f"{name_a} {a:g} is above {name_b} {b:g}")


def _read_timelines(path: Path) -> Iterator[ReferenceRow]:
    for line, record in _records(path, TIMELINE_COLUMNS):
        cells = _Cells(path, line, record)
        metric = cells.choice("metric", METRICS)
        unit = cells.choice("unit", UNITS)
        if unit not in METRIC_UNITS.get(metric, frozenset()):
            raise cells.fail(f"metric {metric!r} cannot be given in {unit!r}")
        low = cells.number("low")
        typical = cells.number("typical", required=False)
        high = cells.number("high")
        assert low is not None
        assert high is not None
        cells.ordered(("low", "typical", "high"), (low, typical, high))
        placebo = cells.text("placebo")
        if placebo not in ("true", "false"):
            raise cells.fail(f"placebo must be true or false, not {placebo!r}")
        yield ReferenceRow(
            condition=cells.condition(),
            treatment=cells.treatment(),
            week=cells.week(),
            metric=metric,
            low=low,
            typical=typical,
            high=high,
            unit=unit,
            source=cells.text("source"),
            grade=cells.choice("grade", GRADES),
            placebo=placebo == "true",
            notes=record["notes"],
            line=line,
        )


def _group_bands(path: Path, rows: tuple[ReferenceRow, ...]) -> tuple[Band, ...]:
    grouped: dict[tuple[object, ...], list[ReferenceRow]] = {}
    for row in rows:
        key = (row.condition, row.treatment, row.metric, row.unit, row.source, row.placebo)
        earlier = grouped.setdefault(key, [])
        if earlier and row.week <= earlier[-1].week:
            raise ReferenceDataError(
                path,
                row.line,
                f"week {row.week:g} does not follow week {earlier[-1].week:g} "
                f"(line {earlier[-1].line}) of the same band: weeks must ascend",
            )
        if earlier and row.grade != earlier[0].grade:
            raise ReferenceDataError(
                path, row.line, f"grade {row.grade} differs from line {earlier[0].line}'s"
            )
        earlier.append(row)
    bands = []
    for members in grouped.values():
        first = members[0]
        bands.append(
            Band(
                condition=first.condition,
                treatment=first.treatment,
                metric=first.metric,
                unit=first.unit,
                source=first.source,
                grade=first.grade,
                placebo=first.placebo,
                points=tuple(BandPoint(r.week, r.low, r.typical, r.high) for r in members),
                notes=tuple(dict.fromkeys(r.notes for r in members if r.notes)),
            )
        )
    return tuple(bands)


def _read_markers(path: Path) -> Iterator[Marker]:
    for line, record in _records(path, MARKER_COLUMNS):
        cells = _Cells(path, line, record)
        yield Marker(
            condition=cells.condition(),
            treatment=cells.treatment(),
            week=cells.week(),
            metric=cells.choice("metric", METRICS),
            text=cells.text("text"),
            source=cells.text("source"),
            grade=cells.choice("grade", GRADES),
        )


def _read_timings(path: Path) -> Iterator[Timing]:
    names = ("low", "typical_low", "typical_high", "high")
    for line, record in _records(path, TIMING_COLUMNS):
        cells = _Cells(path, line, record)
        values = tuple(cells.number(name, required=False) for name in names)
        if all(value is None for value in values):
            raise cells.fail("a timing needs at least one of low, typical_low, typical_high, high")
        if any(value is not None and value < 0 for value in values):
            raise cells.fail("a timing cannot be negative")
        cells.ordered(names, values)
        low, typical_low, typical_high, high = values
        yield Timing(
            condition=cells.condition(),
            treatment=cells.treatment(),
            event=cells.choice("event", TIMING_EVENTS),
            after=cells.choice("after", TIMING_ANCHORS),
            low=low,
            typical_low=typical_low,
            typical_high=typical_high,
            high=high,
            unit=cells.choice("unit", TIMING_UNITS),
            source=cells.text("source"),
            grade=cells.choice("grade", GRADES),
            notes=record["notes"],
        )
