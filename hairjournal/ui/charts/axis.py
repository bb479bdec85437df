"""The charts' x axis: calendar dates, or weeks since the first session of the chosen course."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

import numpy as np
import pyqtgraph as pg

DAY_SECONDS = 86_400.0
WEEKS_LABEL = "Weeks since the first session"


class AxisMode(Enum):
    CALENDAR = "calendar"
    WEEKS = "weeks"


@dataclass(frozen=True)
class TimeAxis:
    """How days become x positions: epoch seconds (UTC midnight) or weeks since ``anchor``."""

    mode: AxisMode = AxisMode.CALENDAR
    anchor: dt.date | None = None

    @property
    def weeks(self) -> bool:
        return self.mode is AxisMode.WEEKS and self.anchor is not None

    def x(self, days: np.ndarray) -> np.ndarray:
        """Positions of ``datetime64[D]`` days."""
        days = np.asarray(days, dtype="datetime64[D]")
        if self.weeks:
            anchor = np.datetime64(self.anchor, "D")
            return (days - anchor).astype(float) / 7.0
        return days.astype("datetime64[s]").astype(float)

    def x_of(self, day: dt.date) -> float:
        return float(self.x(np.array([day], dtype="datetime64[D]"))[0])

    def x_of_week(self, week: float) -> float:
        """Where a week since the anchor sits on this axis (the anchor must be set)."""
        assert self.anchor is not None
        if self.weeks:
            return float(week)
        return self.x_of(self.anchor) + week * 7 * DAY_SECONDS

    def day_width(self) -> float:
        """One day along this axis."""
        return 1 / 7 if self.weeks else DAY_SECONDS

    def describe(self, x: float) -> str:
        """A position in words, for tooltips."""
        if self.weeks:
            return f"week {x:.1f}"
        day = dt.datetime.fromtimestamp(x, dt.UTC).date()
        return f"{day.day} {day:%b %Y}"

    def axis_item(self) -> pg.AxisItem:
        """A fresh bottom axis of the right kind: dates (in UTC, as the positions are) or weeks."""
        if self.weeks:
            axis = pg.AxisItem("bottom")
            axis.setLabel(WEEKS_LABEL)
            return axis
        return pg.DateAxisItem("bottom", utcOffset=0)


def apply_axis(plot: pg.PlotItem, axis: TimeAxis) -> None:
    """Give ``plot`` the bottom axis ``axis`` needs, replacing one of the other kind."""
    current = plot.getAxis("bottom")
    if isinstance(current, pg.DateAxisItem) != (not axis.weeks):
        plot.setAxisItems({"bottom": axis.axis_item()})
