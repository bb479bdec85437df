"""What is due: today's counts per protocol in use, photo weeks of the course, the next session."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hairjournal.core.enums import Condition, Route, ScalpRegion, ShedProtocol, TreatmentKind
from hairjournal.store import due, models
from hairjournal.store.journal import OpenJournal, create_journal

TODAY = dt.date(2026, 6, 15)
FIRST_SESSION = dt.date(2026, 5, 18)  # 28 days before TODAY: week 4
HASHES = (f"{n:064x}" for n in itertools.count(1))


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "due.hairjournal", title="Due", condition=Condition.AGA_MALE
    ) as opened:
        yield opened


def course(first_session: dt.date = FIRST_SESSION, **fields: object) -> models.Treatment:
    treatment = models.Treatment.create(
        kind=TreatmentKind.EXOSOME, started_on=first_session - dt.timedelta(days=10), **fields
    )
    models.Session.create(treatment=treatment, date=first_session, route=Route.MICRO_INJECTION)
    return treatment


def count(day: dt.date, protocol: ShedProtocol, value: int = 50) -> None:
    models.ShedCount.create(date=day, protocol=protocol, value=value)


def photo(day: dt.date, region: ScalpRegion) -> None:
    taken_at = dt.datetime.combine(day, dt.time(23, 59, 59))
    models.Photo.create(
        taken_at=taken_at,
        region=region,
        sha256=next(HASHES),
        format="JPEG",
        width=4,
        height=3,
        thumbnail=b"jpeg",
        imported_at=taken_at,
    )


def test_daily_protocols_counted_this_week_are_due_today(journal: OpenJournal) -> None:
    count(ago(0), ShedProtocol.DAILY_TOTAL, 85)
    count(ago(7), ShedProtocol.SHOWER)  # a week ago still counts as in use
    count(ago(8), ShedProtocol.BRUSH)  # not any more
    counts = due.counts_due(TODAY)
    assert counts == (
        due.CountDue(ShedProtocol.DAILY_TOTAL, 85),
        due.CountDue(ShedProtocol.SHOWER, None),
    )
    assert [c.done for c in counts] == [True, False]


def test_a_protocol_asked_for_is_listed_even_if_never_counted(journal: OpenJournal) -> None:
    assert due.counts_due(TODAY, include=[ShedProtocol.VISUAL_SCALE]) == (
        due.CountDue(ShedProtocol.VISUAL_SCALE, None),
    )
    assert due.counts_due(TODAY) == ()


def test_the_comb_count_is_listed_only_on_the_days_it_was_done(journal: OpenJournal) -> None:
    count(ago(2), ShedProtocol.COMB_60S)
    assert due.counts_due(TODAY) == ()
    count(ago(0), ShedProtocol.COMB_60S, 12)
    assert due.counts_due(TODAY) == (due.CountDue(ShedProtocol.COMB_60S, 12),)


def test_a_wash_test_is_due_while_its_three_days_are_under_way(journal: OpenJournal) -> None:
    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.booleans(), min_size=6, max_size=6))
    def check(days: list[bool]) -> None:
        """``days[n]`` says whether the wash test was counted ``n + 1`` days ago."""
        models.ShedCount.delete().execute()
        for n, done in enumerate(days):
            if done:
                count(ago(n + 1), ShedProtocol.WASH_TEST, 30)
        run = next((n for n, done in enumerate(days) if not done), len(days))
        listed = [c.protocol for c in due.counts_due(TODAY)]
        assert listed == ([ShedProtocol.WASH_TEST] if 0 < run < 3 else [])

    check()


def test_week_0_asks_for_all_five_standard_views(journal: OpenJournal) -> None:
    course(first_session=ago(3))
    now = due.due(TODAY)
    assert now.photos is not None
    assert (now.photos.week, now.photos.first, now.photos.last) == (
        0,
        ago(3),
        ago(3) + dt.timedelta(6),
    )
    assert now.photos.regions == due.STANDARD_VIEWS
    assert now.photos.missing == due.STANDARD_VIEWS
    assert now.next_photos is None


def test_a_photo_week_lists_the_regions_photographed_before(journal: OpenJournal) -> None:
    course()
    photo(FIRST_SESSION, ScalpRegion.VERTEX)
    photo(FIRST_SESSION, ScalpRegion.FRONTAL)
    photo(FIRST_SESSION + dt.timedelta(days=28), ScalpRegion.VERTEX)  # the first day of week 4
    photo(FIRST_SESSION + dt.timedelta(days=27), ScalpRegion.FRONTAL)  # the last day of week 3
    now = due.due(TODAY)
    assert now.photo_course is not None
    assert now.photo_course.week == 4
    assert now.photos is not None
    assert now.photos.week == 4
    assert now.photos.regions == (ScalpRegion.VERTEX, ScalpRegion.FRONTAL)
    assert now.photos.taken == (ScalpRegion.VERTEX,)
    assert now.photos.missing == (ScalpRegion.FRONTAL,)


def test_without_any_photos_a_photo_week_asks_for_the_standard_views(journal: OpenJournal) -> None:
    course()
    photos = due.due(TODAY).photos
    assert photos is not None
    assert photos.regions == due.STANDARD_VIEWS


def test_between_photo_weeks_the_next_one_is_named(journal: OpenJournal) -> None:
    course(first_session=ago(40))  # week 5
    now = due.due(TODAY)
    assert now.photos is None
    assert now.next_photos is not None
    assert now.next_photos.week == 8
    assert now.next_photos.first == ago(40) + dt.timedelta(days=56)


def test_after_week_52_no_photos_are_scheduled(journal: OpenJournal) -> None:
    course(first_session=ago(7 * 53))
    now = due.due(TODAY)
    assert (now.photos, now.next_photos) == (None, None)
    assert now.photo_course is not None


def test_a_course_still_to_start_schedules_nothing_yet(journal: OpenJournal) -> None:
    models.Treatment.create(kind=TreatmentKind.PRP, started_on=TODAY + dt.timedelta(days=3))
    now = due.due(TODAY)
    assert (now.photo_course, now.photos, now.next_photos) == (None, None, None)


def test_the_next_planned_session(journal: OpenJournal) -> None:
    course(next_session_on=TODAY + dt.timedelta(days=9))
    now = due.due(TODAY)
    assert now.next_session is not None
    assert now.next_session.on == TODAY + dt.timedelta(days=9)
    assert now.next_session.course.kind is TreatmentKind.EXOSOME
    assert due.due(TODAY).today == TODAY


def test_an_empty_journal_has_nothing_due(journal: OpenJournal) -> None:
    assert due.due(TODAY) == due.Due(TODAY, (), None, None, None, None)
