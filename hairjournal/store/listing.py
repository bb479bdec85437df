"""Every record of one kind as plain rows, newest first, for the lists in the window.

API:

- ``rows(model) -> list[dict]``: every record of ``model`` (Session, ShedCount, Checkin, Event,
  Measurement, Treatment) as a dict keyed by field name, with Python values (dates as
  ``datetime.date``, coded choices as their ``Choice`` enum, JSON lists as lists, a foreign key
  as the parent's id), newest first by the kind's date field, then by id, newest first.
  One query per call.
  Session rows also hold ``course_kind`` (the course's ``TreatmentKind``) and ``course_product``.
  Treatment rows also hold ``session_count`` (how many sessions a delete would take with it).
- ``DATE_FIELD``: the name of each kind's date field, e.g. ``DATE_FIELD[models.Event]`` is
  ``"started_on"``.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from hairjournal.store import models

Row = dict[str, Any]

DATE_FIELD: dict[type[models.BaseModel], str] = {
    models.Session: "date",
    models.ShedCount: "date",
    models.Checkin: "date",
    models.Event: "started_on",
    models.Measurement: "date",
    models.Treatment: "started_on",
}


def _extra_columns(model: type[models.BaseModel]) -> tuple[list[pw.Node], list[pw.Node]]:
    """Columns from other tables shown beside a kind's own, and the joins they need."""
    if model is models.Session:
        course = models.Treatment
        return [course.kind.alias("course_kind"), course.product.alias("course_product")], [course]
    if model is models.Treatment:
        sessions = models.Session.select(pw.fn.COUNT(models.Session.id)).where(
            models.Session.treatment == models.Treatment.id
        )
        return [sessions.alias("session_count")], []
    return [], []


def rows(model: type[models.BaseModel]) -> list[Row]:
    """Every record of ``model``, newest first; see the module's docstring."""
    date = model._meta.fields[DATE_FIELD[model]]
    extra, joins = _extra_columns(model)
    query = model.select(*model._meta.sorted_fields, *extra)
    for joined in joins:
        query = query.join(joined)
    query = query.order_by(date.desc(), model._meta.primary_key.desc())
    return list(query.dicts())
