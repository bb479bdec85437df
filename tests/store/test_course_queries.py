"""Questions about courses and sessions: the form's choices, the last session, the overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import CellSource, Condition, MeasurementKind, Route, TreatmentKind
from hairjournal.store import course_queries, models
from hairjournal.store.journal import OpenJournal, create_journal

D = dt.date.fromisoformat


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "courses.hairjournal", title="Courses", condition=Condition.AGA_MALE
    ) as journal:
        yield journal


@pytest.fixture
def courses(empty: OpenJournal) -> dict[str, int]:
    """A stopped course with a late session, a running one, and a running one with none."""
    stopped = models.Treatment.create(
        kind=TreatmentKind.PRP,
        started_on=D("2026-01-05"),
        stopped_on=D("2026-05-01"),
        next_session_on=D("2026-12-01"),  # stopped: not planned any more
    )
    exosome = models.Treatment.create(
        kind=TreatmentKind.EXOSOME,
        product="Serum X",
        dose="3 ml",
        started_on=D("2026-02-01"),
        next_session_on=D("2026-12-10"),
    )
    fresh = models.Treatment.create(kind=TreatmentKind.LLLT, started_on=D("2026-06-01"))
    models.Session.create(treatment=stopped, date=D("2026-04-30"), route=Route.MICRO_INJECTION)
    for day, lot in (("2026-02-03", "A1"), ("2026-03-03", "A2"), ("2026-03-03", "A3")):
        models.Session.create(
            treatment=exosome,
            date=D(day),
            route=Route.MICRO_INJECTION,
            product="Serum X",
            lot=lot,
            cell_source=CellSource.MSC,
            volume_ml=2.5,
            areas=["vertex"],
            clinic="Clinic A",
            pain=4,
            side_effects=["redness"],
            notes=f"lot {lot}",
        )
    models.Measurement.create(date=D("2026-03-03"), kind=MeasurementKind.NORWOOD, value=6)
    return {"stopped": stopped.id, "exosome": exosome.id, "fresh": fresh.id}


def test_course_rows_count_sessions_and_give_their_span(courses: dict[str, int]) -> None:
    rows = {row.id: row for row in course_queries.course_rows()}
    exosome = rows[courses["exosome"]]
    assert (exosome.kind, exosome.product, exosome.dose) == (
        TreatmentKind.EXOSOME,
        "Serum X",
        "3 ml",
    )
    assert (exosome.session_count, exosome.first_session_on, exosome.last_session_on) == (
        3,
        D("2026-02-03"),
        D("2026-03-03"),
    )
    fresh = rows[courses["fresh"]]
    assert (fresh.session_count, fresh.first_session_on, fresh.last_session_on) == (0, None, None)
    # Newest start first.
    assert [row.id for row in course_queries.course_rows()] == [
        courses["fresh"],
        courses["exosome"],
        courses["stopped"],
    ]


def test_course_choices_put_running_courses_first_by_latest_use(courses: dict[str, int]) -> None:
    # The LLLT course started on 1 Jun, after the exosome course's last session on 3 Mar;
    # the stopped PRP course comes last although its session is the latest of all but one.
    assert [course.id for course in course_queries.course_choices()] == [
        courses["fresh"],
        courses["exosome"],
        courses["stopped"],
    ]
    models.Session.create(treatment=courses["exosome"], date=D("2026-06-02"), route=Route.TOPICAL)
    assert [course.id for course in course_queries.course_choices()][:2] == [
        courses["exosome"],
        courses["fresh"],
    ]


def test_last_session_is_the_latest_date_then_the_latest_entered(courses: dict[str, int]) -> None:
    last = course_queries.last_session(courses["exosome"])
    assert last is not None
    assert (last["date"], last["lot"], last["notes"]) == (D("2026-03-03"), "A3", "lot A3")
    assert last["areas"] == ["vertex"]
    assert last["cell_source"] is CellSource.MSC
    assert course_queries.last_session(courses["fresh"]) is None


def test_a_new_session_carries_over_what_visits_repeat() -> None:
    assert set(course_queries.CARRIED_OVER) <= set(models.Session._meta.fields)
    # The day's own details are never copied.
    assert not {"date", "pain", "side_effects", "notes", "treatment"} & set(
        course_queries.CARRIED_OVER
    )


def test_overview_counts_and_names_the_next_planned_session(courses: dict[str, int]) -> None:
    overview = course_queries.overview()
    assert (overview.courses, overview.sessions, overview.figures) == (3, 4, 1)
    assert (overview.first_session_on, overview.last_session_on) == (
        D("2026-02-03"),
        D("2026-04-30"),
    )
    # The stopped course's earlier date does not count.
    assert overview.next_session_on == D("2026-12-10")
    assert overview.next_course is not None
    assert overview.next_course.id == courses["exosome"]


def test_overview_of_an_empty_journal(empty: OpenJournal) -> None:
    overview = course_queries.overview()
    assert (overview.courses, overview.sessions, overview.figures) == (0, 0, 0)
    assert overview.first_session_on is None
    assert overview.next_session_on is None
    assert overview.next_course is None


def test_known_texts_are_distinct_most_used_first(courses: dict[str, int]) -> None:
    models.Session.create(
        treatment=courses["fresh"], date=D("2026-06-02"), route=Route.OTHER, clinic="Clinic B"
    )
    assert course_queries.known_texts(models.Session.clinic) == ["Clinic A", "Clinic B"]
    assert course_queries.known_texts(models.Session.maker) == []  # empty texts are left out
