"""The dashboard's queries on a journal with known contents."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import (
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.store import models, queries
from hairjournal.store.journal import OpenJournal, create_journal

TODAY = dt.date(2026, 6, 15)
D = dt.date.fromisoformat
FIRST_EXOSOME_SESSION = D("2026-03-10")
COURSE_IDS = itertools.count(1)


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "q.hairjournal",
        title="Known",
        condition=Condition.TE,
        onset_on=D("2025-12-01"),
    ) as journal:
        yield journal


@pytest.fixture
def known(empty: OpenJournal) -> OpenJournal:
    models.Treatment.create(
        kind=TreatmentKind.MINOXIDIL_TOPICAL,
        started_on=D("2026-01-01"),
        stopped_on=D("2026-05-01"),
        next_session_on=D("2026-06-20"),  # stopped, so not planned any more
    )
    prp = models.Treatment.create(kind=TreatmentKind.PRP, started_on=D("2026-02-01"))
    exosome = models.Treatment.create(
        kind=TreatmentKind.EXOSOME,
        product="Serum X",
        started_on=D("2026-03-01"),
        next_session_on=D("2026-06-25"),
    )
    models.Session.create(treatment=prp, date=D("2026-02-10"), route=Route.OTHER)
    for day in ("2026-03-10", "2026-04-07", "2026-05-05"):
        models.Session.create(treatment=exosome, date=D(day), route=Route.MICRO_INJECTION)

    counts = [(D("2026-02-24") + dt.timedelta(days=n), 100 + n) for n in range(14)]  # baseline
    counts += [
        (D("2026-02-23"), 9999),  # the day before the baseline window
        (FIRST_EXOSOME_SESSION, 5000),  # the first session's own day is not baseline
        (D("2026-06-08"), 1000),  # in the strip, a day before the last seven
        (D("2026-06-09"), 70),
        (D("2026-06-12"), 80),
        (TODAY, 90),
        (TODAY + dt.timedelta(days=1), 7777),  # dated tomorrow: not part of "now"
    ]
    rows = [
        {"date": day, "protocol": ShedProtocol.DAILY_TOTAL, "value": value} for day, value in counts
    ]
    rows += [
        {"date": D("2026-03-01"), "protocol": ShedProtocol.COMB_60S, "value": 20},
        {"date": D("2026-04-01"), "protocol": ShedProtocol.SHOWER, "value": 40},
        {"date": D("2026-06-03"), "protocol": ShedProtocol.BRUSH, "value": 30, "wash_day": True},
    ]
    models.ShedCount.insert_many(rows).execute()
    models.Checkin.create(date=D("2026-06-01"), density=4)
    models.Checkin.create(date=D("2026-06-08"), density=5)
    models.Event.create(kind=EventKind.STRESS, started_on=D("2026-04-20"))
    models.Measurement.create(date=D("2026-05-05"), kind=MeasurementKind.PULL_TEST, value=3)
    return empty


def test_courses_summarise_their_sessions(known: OpenJournal) -> None:
    courses = queries.courses()
    assert [(c.kind, c.session_count) for c in courses] == [
        (TreatmentKind.MINOXIDIL_TOPICAL, 0),
        (TreatmentKind.PRP, 1),
        (TreatmentKind.EXOSOME, 3),
    ]
    exosome = courses[2]
    assert exosome.product == "Serum X"
    assert exosome.first_session_on == FIRST_EXOSOME_SESSION
    assert exosome.last_session_on == D("2026-05-05")
    assert courses[0].first_session_on is None
    assert courses[0].stopped_on == D("2026-05-01")


def test_the_current_course_is_the_one_with_the_latest_session(known: OpenJournal) -> None:
    current = queries.current_course(queries.courses(), TODAY)
    assert current is not None
    assert current.course.kind is TreatmentKind.EXOSOME
    assert current.anchor == FIRST_EXOSOME_SESSION
    assert current.from_first_session
    assert current.days == 97
    assert current.week == 13


def course(started: str, first: str | None = None, last: str | None = None) -> queries.Course:
    return queries.Course(
        id=next(COURSE_IDS),
        kind=TreatmentKind.OTHER,
        product="",
        started_on=D(started),
        stopped_on=None,
        next_session_on=None,
        session_count=0 if first is None else 2,
        first_session_on=None if first is None else D(first),
        last_session_on=None if last is None else D(last),
    )


@pytest.mark.parametrize(
    ("days", "week"), [(0, 0), (1, 0), (6, 0), (7, 1), (13, 1), (14, 2), (90, 12), (-1, -1)]
)
def test_weeks_are_whole_weeks_since_the_first_session(days: int, week: int) -> None:
    only = course("2026-01-01", "2026-01-05", "2026-02-01")
    current = queries.current_course([only], D("2026-01-05") + dt.timedelta(days=days))
    assert current is not None
    assert current.week == week
    assert current.days == days


def test_without_sessions_the_latest_started_course_counts_from_its_start() -> None:
    older, newer = course("2026-01-01"), course("2026-02-01")
    current = queries.current_course([newer, older], D("2026-02-22"))
    assert current is not None
    assert current.course is newer
    assert not current.from_first_session
    assert current.week == 3


def test_a_course_with_sessions_wins_over_a_newer_course_without() -> None:
    treated = course("2026-01-01", "2026-01-10", "2026-01-20")
    current = queries.current_course([treated, course("2026-02-01")], D("2026-02-22"))
    assert current is not None
    assert current.course is treated


def test_no_courses_no_current_course() -> None:
    assert queries.current_course([], TODAY) is None


def test_last_count_ignores_counts_dated_after_today(known: OpenJournal) -> None:
    assert queries.last_count_on(TODAY) == TODAY
    assert queries.last_count_on(D("2026-06-10")) == D("2026-06-09")
    assert queries.last_count_on(D("2026-01-01")) is None


def test_next_planned_session_skips_stopped_courses(known: OpenJournal) -> None:
    planned = queries.next_planned_session(queries.courses())
    assert planned is not None
    assert planned.on == D("2026-06-25")
    assert planned.course.kind is TreatmentKind.EXOSOME


def test_totals(known: OpenJournal) -> None:
    assert queries.totals() == queries.Totals(
        sessions=4, shed_counts=24, checkins=2, events=1, measurements=1, photos=0
    )


def test_dashboard_puts_it_together(known: OpenJournal) -> None:
    board = queries.dashboard(TODAY)
    assert (board.title, board.condition, board.onset_on) == (
        "Known",
        Condition.TE,
        D("2025-12-01"),
    )
    assert board.today == TODAY
    assert board.current is not None
    assert board.current.week == 13
    assert board.next_session is not None
    assert board.next_session.on == D("2026-06-25")
    assert board.totals.sessions == 4
    assert board.last_count_on == TODAY
    assert queries.journal_title() == "Known"


def test_dashboard_of_an_empty_journal(empty: OpenJournal) -> None:
    board = queries.dashboard(TODAY)
    assert board.courses == ()
    assert board.current is None
    assert board.next_session is None
    assert board.last_count_on is None
    assert board.totals == queries.Totals(0, 0, 0, 0, 0, 0)


# -- the quick entry's and the day strip's questions ---------------------------------------------


def test_strip_lists_protocols_counted_in_the_last_14_days(known: OpenJournal) -> None:
    rows = queries.strip(TODAY)
    assert [r.protocol for r in rows] == [ShedProtocol.DAILY_TOTAL, ShedProtocol.BRUSH]
    daily, brush = rows
    assert [d.day for d in daily.days] == [D("2026-06-02") + dt.timedelta(n) for n in range(14)]
    assert daily.days[-1].day == TODAY
    values = {d.day: d.value for d in daily.days if d.value is not None}
    assert values == {D("2026-06-08"): 1000, D("2026-06-09"): 70, D("2026-06-12"): 80, TODAY: 90}
    [washed] = [d for d in brush.days if d.value is not None]
    assert (washed.day, washed.value, washed.wash_day) == (D("2026-06-03"), 30, True)


def test_strip_includes_a_protocol_asked_for_even_if_never_counted(known: OpenJournal) -> None:
    rows = queries.strip(TODAY, include=[ShedProtocol.VISUAL_SCALE, ShedProtocol.BRUSH])
    assert [r.protocol for r in rows] == [
        ShedProtocol.DAILY_TOTAL,
        ShedProtocol.BRUSH,
        ShedProtocol.VISUAL_SCALE,
    ]
    assert all(d.value is None for d in rows[-1].days)
    assert queries.strip(D("2020-01-01")) == ()


def test_the_count_of_a_day_and_protocol(known: OpenJournal) -> None:
    saved = queries.shed_count_on(D("2026-06-03"), ShedProtocol.BRUSH)
    assert saved is not None
    assert (saved.day, saved.protocol, saved.value, saved.wash_day, saved.notes) == (
        D("2026-06-03"),
        ShedProtocol.BRUSH,
        30,
        True,
        "",
    )
    assert models.ShedCount.get_by_id(saved.id).value == 30
    assert queries.shed_count_on(D("2026-06-03"), ShedProtocol.SHOWER) is None
    assert queries.shed_count_on(D("2026-06-04"), ShedProtocol.BRUSH) is None


def test_the_checkin_of_a_day(known: OpenJournal) -> None:
    checkin_id = queries.checkin_id_on(D("2026-06-08"))
    assert checkin_id is not None
    assert models.Checkin.get_by_id(checkin_id).density == 5
    assert queries.checkin_id_on(D("2026-06-09")) is None


def test_the_latest_protocol_is_the_one_counted_last(known: OpenJournal) -> None:
    assert queries.latest_protocol() is ShedProtocol.DAILY_TOTAL  # dated tomorrow, still latest
    models.ShedCount.delete().where(models.ShedCount.protocol == ShedProtocol.DAILY_TOTAL).execute()
    assert queries.latest_protocol() is ShedProtocol.BRUSH


def test_no_latest_protocol_in_an_empty_journal(empty: OpenJournal) -> None:
    assert queries.latest_protocol() is None
