"""The journal's tables as peewee models: the newest schema, constraints included.

A new journal is created from these models; an older one is brought up to them by the steps in
``store.migrations``. Every rule the forms enforce is enforced here too, by CHECK constraints
built from ``core.limits`` and ``core.enums``.
"""

from __future__ import annotations

import peewee as pw

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
from hairjournal.store.fields import (
    ChoiceField,
    IsoDateField,
    IsoDateTimeField,
    JsonListField,
    within,
)

database = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Journal(BaseModel):
    """Who and what the journal tracks; there is exactly one row."""

    id = pw.IntegerField(primary_key=True, constraints=[pw.Check("id = 1")])
    title = pw.TextField(constraints=[pw.Check("length(trim(title)) > 0")])
    condition = ChoiceField(Condition)
    onset_on = IsoDateField(null=True)
    birth_year = pw.IntegerField(null=True, constraints=within(limits.BIRTH_YEAR, "birth_year"))
    notes = pw.TextField(default="")
    created_at = IsoDateTimeField()


class Treatment(BaseModel):
    """A course of treatment: one product or procedure over a span of time."""

    kind = ChoiceField(TreatmentKind)
    product = pw.TextField(default="")
    started_on = IsoDateField()
    stopped_on = IsoDateField(null=True)
    dose = pw.TextField(default="")
    next_session_on = IsoDateField(null=True)
    # The days whose counts the course is compared with; both None: the 14 days before its
    # first session.
    baseline_from = IsoDateField(null=True)
    baseline_to = IsoDateField(null=True)
    notes = pw.TextField(default="")

    class Meta:
        constraints = [
            pw.Check("stopped_on IS NULL OR stopped_on >= started_on"),
            pw.Check("(baseline_from IS NULL) = (baseline_to IS NULL)"),
            pw.Check("baseline_to IS NULL OR baseline_to >= baseline_from"),
        ]


class Session(BaseModel):
    """One application or clinic visit within a course."""

    treatment = pw.ForeignKeyField(Treatment, backref="sessions", on_delete="CASCADE")
    date = IsoDateField(index=True)
    route = ChoiceField(Route)
    product = pw.TextField(default="")
    maker = pw.TextField(default="")
    lot = pw.TextField(default="")
    cell_source = ChoiceField(CellSource, default=CellSource.UNKNOWN)
    volume_ml = pw.FloatField(null=True, constraints=within(limits.VOLUME_ML, "volume_ml"))
    needle_depth_mm = pw.FloatField(
        null=True, constraints=within(limits.NEEDLE_DEPTH_MM, "needle_depth_mm")
    )
    areas = JsonListField(default=list)
    clinic = pw.TextField(default="")
    pain = pw.IntegerField(null=True, constraints=within(limits.RATING, "pain"))
    side_effects = JsonListField(default=list)
    cost = pw.FloatField(null=True, constraints=within(limits.COST, "cost"))
    notes = pw.TextField(default="")


class ShedCount(BaseModel):
    """One shedding measurement: a count, or a grade on the visual scale."""

    date = IsoDateField()
    protocol = ChoiceField(ShedProtocol)
    value = pw.IntegerField()
    wash_day = pw.BooleanField(default=False)
    notes = pw.TextField(default="")

    class Meta:
        indexes = ((("date", "protocol"), True),)
        constraints = [
            pw.Check(limits.by_kind_sql("value", "protocol", limits.SHED_COUNT)),
            pw.Check("wash_day IN (0, 1)"),
        ]


class Checkin(BaseModel):
    """How hair and scalp feel on a day, each on a 0-10 scale."""

    date = IsoDateField(unique=True)
    density = pw.IntegerField(null=True, constraints=within(limits.RATING, "density"))
    quality = pw.IntegerField(null=True, constraints=within(limits.RATING, "quality"))
    breakage = pw.IntegerField(null=True, constraints=within(limits.RATING, "breakage"))
    itch = pw.IntegerField(null=True, constraints=within(limits.RATING, "itch"))
    flaking = pw.IntegerField(null=True, constraints=within(limits.RATING, "flaking"))
    redness = pw.IntegerField(null=True, constraints=within(limits.RATING, "redness"))
    notes = pw.TextField(default="")


class Event(BaseModel):
    """Something that can trigger or explain shedding."""

    kind = ChoiceField(EventKind)
    started_on = IsoDateField(index=True)
    ended_on = IsoDateField(null=True)
    notes = pw.TextField(default="")

    class Meta:
        constraints = [pw.Check("ended_on IS NULL OR ended_on >= started_on")]


class Measurement(BaseModel):
    """A figure the clinic measured; stage scales store the stage's position."""

    date = IsoDateField(index=True)
    kind = ChoiceField(MeasurementKind)
    value = pw.FloatField()
    site = pw.TextField(default="")
    notes = pw.TextField(default="")

    class Meta:
        constraints = [pw.Check(limits.by_kind_sql("value", "kind", limits.MEASUREMENT))]


class Photo(BaseModel):
    """A scalp photo's metadata and thumbnail; its bytes are in ``PhotoOriginal``.

    The thumbnail is the last column: SQLite reads a row's columns in order, so a listing that
    skips the thumbnail never walks through its bytes.
    """

    taken_at = IsoDateTimeField(index=True)
    region = ChoiceField(ScalpRegion)
    sha256 = pw.FixedCharField(
        max_length=64, unique=True, constraints=[pw.Check("length(sha256) = 64")]
    )
    format = pw.CharField(max_length=16)
    width = pw.IntegerField(constraints=within(limits.PHOTO_SIDE_PX, "width"))
    height = pw.IntegerField(constraints=within(limits.PHOTO_SIDE_PX, "height"))
    landmarks = pw.TextField(
        null=True, constraints=[pw.Check("landmarks IS NULL OR json_valid(landmarks)")]
    )
    original_name = pw.TextField(default="")
    notes = pw.TextField(default="")
    imported_at = IsoDateTimeField()
    thumbnail = pw.BlobField()


class PhotoOriginal(BaseModel):
    """The photo's file, byte for byte as imported; read only when the photo is opened."""

    photo = pw.ForeignKeyField(Photo, primary_key=True, on_delete="CASCADE", backref="original")
    data = pw.BlobField()


MODELS: tuple[type[BaseModel], ...] = (
    Journal,
    Treatment,
    Session,
    ShedCount,
    Checkin,
    Event,
    Measurement,
    Photo,
    PhotoOriginal,
)
