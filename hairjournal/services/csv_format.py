"""The CSV files: one per kind of record, their columns, and how a value becomes a cell.

Export writes exactly these columns in this order, and import reads them back by name (in any
order). Dates are ISO 8601 (``2025-03-14``; photo times ``2025-03-14 09:30:00``), choices are
written as their codes (``core.enums``), booleans as ``yes``/``no``, lists (areas treated, side
effects) as items joined by ``; `` (a JSON array where an item would make that ambiguous), and
numbers as plain numbers with a decimal point, or a decimal comma when asked. A text cell that
begins with ``= + - @``, a tab or a carriage return is written with a ``'`` before it so that no
spreadsheet runs it as a formula; a text that itself begins with ``'`` gets one more, and
reading strips one, so the round trip is exact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from hairjournal.core.enums import (
    CellSource,
    Choice,
    EventKind,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.store import models
from hairjournal.store.csv_rows import ESCAPE, FORMULA_STARTS, NO, YES, Cell, Source

LIST_SEPARATOR = "; "


class Value(Enum):
    """What a column holds, which says how its cells are read and written."""

    ID = "id"
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    WHOLE = "whole number"
    NUMBER = "number"
    YES_NO = "yes or no"
    CHOICE = "code"
    LIST = "list"
    STAGE = "stage"  # the stage's name, derived from a measurement's kind and value


@dataclass(frozen=True)
class Column:
    name: str
    value: Value
    meaning: str
    source: Source  # where export takes the cells from
    field: str = ""  # the record's field it is read into; "" for columns import only checks
    choice: type[Choice] | None = None
    required: bool = False

    @property
    def needs_python(self) -> bool:
        """Whether export formats the cell in Python (else SQLite gives it as written)."""
        return self.value in {Value.NUMBER, Value.LIST, Value.STAGE}


def _column(
    name: str,
    value: Value,
    meaning: str,
    *,
    choice: type[Choice] | None = None,
    required: bool = False,
    of_treatment: bool = False,
    field_name: str | None = None,
    column: str | None = None,
) -> Column:
    cell = {Value.TEXT: Cell.TEXT, Value.LIST: Cell.RAW, Value.YES_NO: Cell.YES_NO}.get(
        value, Cell.RAW
    )
    stored = column or name
    return Column(
        name=name,
        value=value,
        meaning=meaning,
        field="" if of_treatment else (field_name if field_name is not None else stored),
        choice=choice,
        required=required,
        source=Source(stored, cell, of_treatment),
    )


@dataclass(frozen=True)
class RecordKind:
    """One kind of record and its file."""

    name: str  # also the file's name without ``.csv`` and the command line's --kind
    noun: str  # one record, as people say it
    plural: str
    model: type[models.BaseModel]
    columns: tuple[Column, ...]
    importable: bool = True

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def table(self) -> str:
        return self.model._meta.table_name

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


ID = _column("id", Value.ID, "the record's number in this journal", field_name="")
NOTES = _column("notes", Value.TEXT, "free text")

TREATMENTS = RecordKind(
    "treatments",
    "course of treatment",
    "courses of treatment",
    models.Treatment,
    (
        ID,
        _column("kind", Value.CHOICE, "what the treatment is", choice=TreatmentKind, required=True),
        _column("product", Value.TEXT, "product or brand"),
        _column("started_on", Value.DATE, "first day of the course", required=True),
        _column("stopped_on", Value.DATE, "last day, empty while it goes on"),
        _column("dose", Value.TEXT, "dose as prescribed, in words"),
        _column("next_session_on", Value.DATE, "the next planned session"),
        _column("baseline_from", Value.DATE, "first day of a baseline you picked"),
        _column("baseline_to", Value.DATE, "last day of a baseline you picked"),
        NOTES,
    ),
)
SESSIONS = RecordKind(
    "sessions",
    "session",
    "sessions",
    models.Session,
    (
        ID,
        _column("treatment_id", Value.ID, "the id of its course in treatments.csv", field_name=""),
        _column(
            "treatment_kind",
            Value.CHOICE,
            "its course's kind",
            choice=TreatmentKind,
            required=True,
            of_treatment=True,
            column="kind",
        ),
        _column(
            "treatment_product",
            Value.TEXT,
            "its course's product",
            of_treatment=True,
            column="product",
        ),
        _column(
            "treatment_started_on",
            Value.DATE,
            "its course's first day",
            required=True,
            of_treatment=True,
            column="started_on",
        ),
        _column("date", Value.DATE, "day of the session", required=True),
        _column("route", Value.CHOICE, "how it was given", choice=Route, required=True),
        _column("product", Value.TEXT, "product used"),
        _column("maker", Value.TEXT, "who makes the product"),
        _column("lot", Value.TEXT, "lot or batch number"),
        _column("cell_source", Value.CHOICE, "where the exosomes come from", choice=CellSource),
        _column("volume_ml", Value.NUMBER, "volume applied or injected, in millilitres"),
        _column("needle_depth_mm", Value.NUMBER, "needle depth, in millimetres"),
        _column("areas", Value.LIST, "areas treated"),
        _column("clinic", Value.TEXT, "clinic or provider"),
        _column("pain", Value.WHOLE, "pain from 0 (none) to 10 (worst)"),
        _column("side_effects", Value.LIST, "side effects"),
        _column("cost", Value.NUMBER, "what it cost, in your currency"),
        NOTES,
    ),
)
SHED_COUNTS = RecordKind(
    "shed_counts",
    "shedding count",
    "shedding counts",
    models.ShedCount,
    (
        ID,
        _column("date", Value.DATE, "day counted", required=True),
        _column("protocol", Value.CHOICE, "way of counting", choice=ShedProtocol, required=True),
        _column("value", Value.WHOLE, "hairs counted (visual_scale: grade 1-6)", required=True),
        _column("wash_day", Value.YES_NO, "hair washed that day"),
        NOTES,
    ),
)
RATINGS = ("density", "quality", "breakage", "itch", "flaking", "redness")
CHECKINS = RecordKind(
    "checkins",
    "check-in",
    "check-ins",
    models.Checkin,
    (
        ID,
        _column("date", Value.DATE, "day of the check-in", required=True),
        *(_column(name, Value.WHOLE, f"{name} from 0 to 10") for name in RATINGS),
        NOTES,
    ),
)
EVENTS = RecordKind(
    "events",
    "event",
    "events",
    models.Event,
    (
        ID,
        _column("kind", Value.CHOICE, "what happened", choice=EventKind, required=True),
        _column("started_on", Value.DATE, "first day", required=True),
        _column("ended_on", Value.DATE, "last day, empty if it was one day or goes on"),
        NOTES,
    ),
)
MEASUREMENTS = RecordKind(
    "measurements",
    "clinic figure",
    "clinic figures",
    models.Measurement,
    (
        ID,
        _column("date", Value.DATE, "day measured", required=True),
        _column("kind", Value.CHOICE, "what was measured", choice=MeasurementKind, required=True),
        _column("value", Value.NUMBER, "the figure, in the unit its kind names", required=True),
        _column("stage", Value.STAGE, "for stage scales, the stage", column="value", field_name=""),
        _column("site", Value.TEXT, "where on the scalp"),
        NOTES,
    ),
)
PHOTOS = RecordKind(
    "photos",
    "photo",
    "photos",
    models.Photo,
    (
        ID,
        _column("taken_at", Value.DATETIME, "when it was taken", required=True),
        _column("region", Value.CHOICE, "part of the scalp", choice=ScalpRegion, required=True),
        _column("sha256", Value.TEXT, "fingerprint of the photo file", required=True),
        _column("format", Value.TEXT, "file format"),
        _column("width_px", Value.WHOLE, "width in pixels", column="width"),
        _column("height_px", Value.WHOLE, "height in pixels", column="height"),
        NOTES,
        _column("landmarks", Value.TEXT, "alignment points, as JSON"),
    ),
    importable=False,
)

KINDS: tuple[RecordKind, ...] = (
    TREATMENTS,
    SESSIONS,
    SHED_COUNTS,
    CHECKINS,
    EVENTS,
    MEASUREMENTS,
    PHOTOS,
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


# -- cells -----------------------------------------------------------------------------------


def neutralised(text: str) -> str:
    """``text`` as a cell no spreadsheet evaluates (``store.csv_rows`` does the same in SQL)."""
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def restored(cell: str) -> str:
    """The text a neutralised cell stands for: one leading ``'`` removed."""
    return cell[1:] if cell.startswith(ESCAPE) else cell


def number_cell(value: float | None, *, decimal_comma: bool = False) -> str | int | float:
    """A number as written: whole numbers without a decimal part; shortest exact digits."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return int(value)
    text = repr(float(value))
    return text.replace(".", ",") if decimal_comma else text


def list_cell(items: list[str]) -> str:
    """Items joined by ``; ``, or a JSON array where joining would not read back the same."""
    plain = all(item and item == item.strip() and ";" not in item for item in items) and not (
        items and items[0].startswith("[")
    )
    return neutralised(
        LIST_SEPARATOR.join(items) if plain else json.dumps(items, ensure_ascii=False)
    )


def list_from_json(stored: str | None) -> list[str]:
    return [] if stored is None else [str(item) for item in json.loads(stored)]


def stage_cell(kind: str, value: float | None) -> str:
    """A stage scale's stage name for a measurement, or "" for other kinds."""
    scale = STAGE_SCALES.get(MeasurementKind(kind)) if kind in MeasurementKind.codes() else None
    if scale is None or value is None:
        return ""
    try:
        return neutralised(scale.label(value))
    except ValueError:
        return ""


# What import takes for yes and no (any case): export writes yes and no.
YES_WORDS = {YES, "y", "true", "1", "x", "✓", "wash", "washed", "ja", "oui", "si", "sí", "sim"}
NO_WORDS = {NO, "n", "false", "0", "", "nein", "non", "nee", "não", "nao"}
