"""A journal with known shedding counts and events, and the lists over them, for the list tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hairjournal.core.enums import Condition, EventKind, ShedProtocol, TreatmentKind
from hairjournal.core.validation import Verdict, validate_event, validate_shed_count
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.date_text import day_text
from hairjournal.ui.forms.event_form import EventForm
from hairjournal.ui.history import History
from hairjournal.ui.record_list import RecordList
from hairjournal.ui.record_table import Column, Row

TODAY = dt.date(2026, 11, 24)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


# (days ago, protocol, value, wash day, notes), in no particular order
COUNTS = (
    (5, ShedProtocol.DAILY_TOTAL, 100, False, ""),
    (1, ShedProtocol.DAILY_TOTAL, 95, True, ""),
    (10, ShedProtocol.DAILY_TOTAL, 8, False, "Quiet day\nvery few in the shower"),
    (3, ShedProtocol.SHOWER, 30, True, "After the gym"),
    (1, ShedProtocol.COMB_60S, 12, False, ""),
)
EVENTS = (
    (EventKind.COVID, 70, 60, "Two weeks in bed"),
    (EventKind.STRESS, 20, None, "Exams"),
    (EventKind.ILLNESS_FEVER, 5, 4, ""),
)

COUNT_COLUMNS = (
    Column("date", "Date", editable=True),
    Column("protocol", "Protocol", editable=True),
    Column("value", "Count", editable=True),
    Column("wash_day", "Wash day", editable=True),
    Column("notes", "Notes", tooltip=True, stretch=True),
)
EVENT_COLUMNS = (
    Column("started_on", "Started"),
    Column("kind", "What happened"),
    Column("ended_on", "Ended", text=lambda value, _row: day_text(value) if value else "ongoing"),
    Column("notes", "Notes", editable=True, tooltip=True, stretch=True),
)


def write_journal(path: Path) -> OpenJournal:
    """Create the journal, open; the caller closes it."""
    journal = create_journal(
        path,
        title="Lists",
        condition=Condition.TE,
        first_treatment=(TreatmentKind.MINOXIDIL_ORAL, ago(200)),
    )
    for days, protocol, value, wash_day, notes in COUNTS:
        models.ShedCount.create(
            date=ago(days), protocol=protocol, value=value, wash_day=wash_day, notes=notes
        )
    for kind, started, ended, notes in EVENTS:
        models.Event.create(
            kind=kind,
            started_on=ago(started),
            ended_on=None if ended is None else ago(ended),
            notes=notes,
        )
    return journal


def validate_count(row: Row) -> Verdict:
    return validate_shed_count(row["date"], row["protocol"], row["value"], today=TODAY)


def describe_count(row: Row) -> str:
    return (
        f"shedding count of {day_text(row['date'])} "
        f"({row['protocol'].label.lower()}, {row['value']})"
    )


def count_list(history: History) -> RecordList:
    return RecordList(
        history,
        models.ShedCount,
        COUNT_COLUMNS,
        title="Shedding counts",
        form_class=EventForm,  # a form of the shared kind; these tests never open it
        validate=validate_count,
        describe=describe_count,
        plural="shedding counts",
    )


def validate_event_row(row: Row) -> Verdict:
    return validate_event(row["started_on"], row["ended_on"], today=TODAY)


def describe_event(row: Row) -> str:
    return f"event “{row['kind'].label}” of {day_text(row['started_on'])}"


def event_list(history: History) -> RecordList:
    return RecordList(
        history,
        models.Event,
        EVENT_COLUMNS,
        title="Events",
        form_class=EventForm,
        validate=validate_event_row,
        describe=describe_event,
    )
