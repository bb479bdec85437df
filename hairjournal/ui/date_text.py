"""Dates as people read them in this app: '3 Mar 2026', never a locale-dependent guess."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from hairjournal.core.month_names import MONTH_ABBREVIATIONS

# Spelled out here: strftime's %b follows the C locale, which QApplication sets from the system.
MONTHS = MONTH_ABBREVIATIONS
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DASH = "\N{EN DASH}"


def day_text(day: dt.date) -> str:
    """'3 Mar 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_text(day: dt.date) -> str:
    """'Tue 3 Mar 2026'."""
    return f"{WEEKDAYS[day.weekday()]} {day_text(day)}"


def span_text(first: dt.date, last: dt.date) -> str:
    """'3-16 Mar 2026', '25 Feb - 10 Mar 2026' or '20 Dec 2025 - 2 Jan 2026', with en dashes."""
    if first.year != last.year:
        return f"{day_text(first)} {DASH} {day_text(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} {DASH} {day_text(last)}"
    return f"{first.day}{DASH}{day_text(last)}"


def days_from_today(day: dt.date, today: dt.date) -> str:
    """'today', 'tomorrow', 'in 9 days', 'yesterday', '12 days ago'."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
