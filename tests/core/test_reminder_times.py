"""When reminders fall due: the next moment to wake at, and what came due since the last look."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core.reminder_times import (
    Reminder,
    ReminderTimes,
    due_between,
    moment_on,
    next_moment,
)

MINUTE = dt.timedelta(minutes=1)
TICK = dt.timedelta(microseconds=1)

clock_times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
optional_times = st.none() | clock_times
settings = st.builds(
    ReminderTimes,
    count_at=optional_times,
    photos_weekday=st.integers(0, 6),
    photos_at=optional_times,
)
settings_on = settings.filter(lambda times: times.any_on)
moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 12, 31))


@given(moments, settings)
def test_the_next_moment_is_later_and_within_a_week(now: dt.datetime, times: ReminderTimes) -> None:
    moment = next_moment(now, times)
    if not times.any_on:
        assert moment is None
        return
    assert moment is not None
    assert now < moment <= now + dt.timedelta(days=7)
    if times.count_at is not None:
        assert moment <= now + dt.timedelta(days=1)
    assert moment.second == moment.microsecond == 0


@given(moments, settings_on)
def test_the_next_moment_is_one_the_person_chose(now: dt.datetime, times: ReminderTimes) -> None:
    moment = next_moment(now, times)
    assert moment is not None
    chosen = {moment_on(moment.date(), reminder, times) for reminder in Reminder}
    assert moment in chosen


@given(moments, settings_on)
def test_nothing_falls_due_before_the_next_moment_and_something_does_at_it(
    now: dt.datetime, times: ReminderTimes
) -> None:
    moment = next_moment(now, times)
    assert moment is not None
    # Looking again just before the moment (even on its day, after midnight) finds nothing.
    assert due_between(now, moment - TICK, times) == ()
    assert due_between(max(now, moment - dt.timedelta(hours=3)), moment - TICK, times) == ()
    assert due_between(now, moment, times) != ()
    assert due_between(moment - TICK, moment, times) != ()


@given(moments, settings_on, st.lists(st.integers(1, 240), min_size=1, max_size=30))
def test_looking_often_or_once_finds_each_reminder_of_the_day_once(
    start: dt.datetime, times: ReminderTimes, steps: list[int]
) -> None:
    """Whether the timer wakes every few minutes or once, each of the day's reminders is given
    exactly once; a look that spans midnight gives only the new day's."""
    day = start.date()
    looks = [dt.datetime.combine(day, dt.time.min) - TICK]
    for minutes in steps:
        looks.append(looks[-1] + dt.timedelta(minutes=minutes))
    looks = [look for look in looks if look.date() <= day] or looks[:1]
    end = dt.datetime.combine(day, dt.time.max)
    looks.append(end)
    given_often = [
        reminder
        for last, now in itertools.pairwise(looks)
        for reminder in due_between(last, now, times)
    ]
    given_once = due_between(looks[0], end, times)
    assert sorted(given_often, key=lambda r: r.value) == sorted(given_once, key=lambda r: r.value)
    assert len(set(given_once)) == len(given_once)
    expected = {r for r in Reminder if moment_on(day, r, times) is not None}
    assert set(given_once) == expected


@given(moments, settings, st.integers(1, 30 * 24 * 60))
def test_a_clock_set_back_gives_nothing(now: dt.datetime, times: ReminderTimes, back: int) -> None:
    assert due_between(now, now - dt.timedelta(minutes=back), times) == ()


def test_a_reminder_missed_asleep_is_given_on_waking_the_same_day() -> None:
    times = ReminderTimes(count_at=dt.time(21, 0))
    went_to_sleep = dt.datetime(2026, 3, 4, 20, 30)
    assert due_between(went_to_sleep, dt.datetime(2026, 3, 4, 23, 10), times) == (Reminder.COUNT,)


def test_yesterdays_reminder_is_stale_after_a_night_asleep() -> None:
    times = ReminderTimes(count_at=dt.time(21, 0))
    went_to_sleep = dt.datetime(2026, 3, 4, 20, 30)
    assert due_between(went_to_sleep, dt.datetime(2026, 3, 5, 7, 45), times) == ()
    assert next_moment(dt.datetime(2026, 3, 5, 7, 45), times) == dt.datetime(2026, 3, 5, 21, 0)


def test_midnight_is_a_moment_like_any_other() -> None:
    times = ReminderTimes(count_at=dt.time(0, 0))
    before = dt.datetime(2026, 3, 4, 23, 59, 30)
    assert next_moment(before, times) == dt.datetime(2026, 3, 5, 0, 0)
    assert due_between(before, dt.datetime(2026, 3, 5, 0, 0, 1), times) == (Reminder.COUNT,)


def test_photos_come_on_their_weekday_only() -> None:
    times = ReminderTimes(photos_weekday=6, photos_at=dt.time(10, 30))  # Sundays
    wednesday = dt.datetime(2026, 3, 4, 12, 0)
    assert next_moment(wednesday, times) == dt.datetime(2026, 3, 8, 10, 30)
    assert due_between(wednesday, dt.datetime(2026, 3, 4, 23, 0), times) == ()
    sunday_morning = dt.datetime(2026, 3, 8, 9, 0)
    assert due_between(sunday_morning, dt.datetime(2026, 3, 8, 10, 30), times) == (Reminder.PHOTOS,)
    # Once given, the next is a week later.
    assert next_moment(dt.datetime(2026, 3, 8, 10, 30), times) == dt.datetime(2026, 3, 15, 10, 30)


def test_both_at_once() -> None:
    times = ReminderTimes(count_at=dt.time(9, 0), photos_weekday=2, photos_at=dt.time(9, 0))
    wednesday = dt.datetime(2026, 3, 4, 8, 0)
    assert next_moment(wednesday, times) == dt.datetime(2026, 3, 4, 9, 0)
    assert due_between(wednesday, dt.datetime(2026, 3, 4, 9, 0), times) == (
        Reminder.COUNT,
        Reminder.PHOTOS,
    )


def test_seconds_in_a_setting_are_ignored() -> None:
    times = ReminderTimes(count_at=dt.time(21, 0, 59))
    assert next_moment(dt.datetime(2026, 3, 4, 21, 0, 30), times) == dt.datetime(2026, 3, 5, 21, 0)


def test_what_the_settings_say_in_words() -> None:
    assert ReminderTimes().describe() == "off"
    times = ReminderTimes(count_at=dt.time(21, 0), photos_weekday=0, photos_at=dt.time(8, 5))
    assert times.describe() == "shedding count every day at 21:00; photos on Mondays at 08:05"


@pytest.mark.parametrize("weekday", [-1, 7])
def test_a_weekday_out_of_range_is_refused(weekday: int) -> None:
    with pytest.raises(ValueError, match="is not 0 \\(Monday\\) to 6 \\(Sunday\\)"):
        ReminderTimes(photos_weekday=weekday, photos_at=dt.time(9, 0))
