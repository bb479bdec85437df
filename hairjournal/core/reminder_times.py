"""When reminders fall due: a daily time for the shedding count, a weekday and time for photos.

Times are local wall-clock times, as the person set them. The window asks ``next_moment`` how
long to wait, and, whenever it wakes (on time, late after the computer slept, or after the clock
was changed), asks ``due_between`` which reminders fell due since it last looked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Reminder(Enum):
    COUNT = "count"  # today's shedding count
    PHOTOS = "photos"  # this week's scalp photos


@dataclass(frozen=True)
class ReminderTimes:
    """What the person chose; a time of None turns that reminder off."""

    count_at: dt.time | None = None
    photos_weekday: int = 6  # Monday 0 ... Sunday 6
    photos_at: dt.time | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.photos_weekday <= 6:
            raise ValueError(f"weekday {self.photos_weekday} is not 0 (Monday) to 6 (Sunday)")

    @property
    def any_on(self) -> bool:
        return self.count_at is not None or self.photos_at is not None

    def describe(self) -> str:
        """'shedding count every day at 21:00; photos on Sundays at 10:00', or 'off'."""
        parts = []
        if self.count_at is not None:
            parts.append(f"shedding count every day at {self.count_at:%H:%M}")
        if self.photos_at is not None:
            day = WEEKDAY_NAMES[self.photos_weekday]
            parts.append(f"photos on {day}s at {self.photos_at:%H:%M}")
        return "; ".join(parts) or "off"


def moment_on(day: dt.date, reminder: Reminder, times: ReminderTimes) -> dt.datetime | None:
    """When ``reminder`` falls due on ``day``, or None if it does not that day."""
    if reminder is Reminder.COUNT:
        at = times.count_at
    else:
        at = times.photos_at if day.weekday() == times.photos_weekday else None
    return None if at is None else dt.datetime.combine(day, _minute(at))


def next_moment(after: dt.datetime, times: ReminderTimes) -> dt.datetime | None:
    """The first moment strictly after ``after`` at which any reminder falls due (None if off).

    Within eight days: a daily reminder comes within one, a weekly one within seven.
    """
    moments = [
        moment
        for offset in range(8)
        for reminder in Reminder
        if (moment := moment_on(after.date() + dt.timedelta(days=offset), reminder, times))
        is not None
        and moment > after
    ]
    return min(moments, default=None)


def due_between(last: dt.datetime, now: dt.datetime, times: ReminderTimes) -> tuple[Reminder, ...]:
    """The reminders whose moment today (``now``'s day) came after ``last`` and by ``now``.

    Only today's: after a night asleep, yesterday evening's count reminder is stale, while this
    morning's is not. A clock set back (``now`` before ``last``) brings nothing.
    """
    due = []
    for reminder in Reminder:
        moment = moment_on(now.date(), reminder, times)
        if moment is not None and last < moment <= now:
            due.append(reminder)
    return tuple(due)


def _minute(at: dt.time) -> dt.time:
    """To the minute, without a time zone: that is how the person sets it."""
    return dt.time(at.hour, at.minute)
