"""The density and quality chart: check-ins and clinic density as percent change from baseline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from hairjournal.core.statistics import values_between
from hairjournal.store.chart_data import Course, Series
from hairjournal.ui.charts.axis import TimeAxis, apply_axis
from hairjournal.ui.charts.chart_decorations import (
    DrawnBand,
    MarkItems,
    Marks,
    hover_values,
    tuned_for_long_series,
)
from hairjournal.ui.charts.plot_style import styled_plot
from hairjournal.ui.charts.reference_bands import BandLine, draw_bands
from hairjournal.ui.charts.reference_markers import WeekMarkers, draw_markers

DENSITY = "Check-in density"
QUALITY = "Check-in quality"
CLINIC = "Clinic density per cm²"
COLOURS = {
    DENSITY: QColor(31, 119, 180),
    QUALITY: QColor(255, 127, 14),
    CLINIC: QColor(44, 160, 44),
}


@dataclass(frozen=True)
class Relative:
    """A series as percent change from its own baseline; empty when it has no baseline."""

    name: str
    days: np.ndarray
    percent: np.ndarray
    raw: np.ndarray
    baseline: float | None


def relative(name: str, series: Series, course: Course | None, *, clinic: bool) -> Relative:
    """``series`` against the mean of its values in ``course``'s baseline days.

    A clinic measures before it treats, so a clinic figure taken on the first session's day
    belongs to the usual baseline; a check-in that day may come after the session, so it does
    not. Days the user picked are taken as they are.
    """
    keep = ~np.isnan(series.values)
    days, values = series.days[keep], series.values[keep]
    empty = Relative(name, days[:0], values[:0], values[:0], None)
    if course is None or course.baseline is None or not len(days):
        return empty
    first, last = course.baseline
    if clinic and not course.baseline_picked:
        last += dt.timedelta(days=1)
    before = values_between(zip(days.tolist(), values.tolist(), strict=True), first, last)
    if not before or np.mean(before) == 0:
        return empty
    mean = float(np.mean(before))
    return Relative(name, days, (values / mean - 1.0) * 100.0, values, mean)


class DensityChart(pg.PlotWidget):
    """Percent change from baseline; ``photo_requested`` carries a clicked photo marker's id."""

    photo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_item: pg.PlotItem = self.getPlotItem()
        styled_plot(self, "Change from baseline (%)")
        self.axis = TimeAxis()
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.bands: list[DrawnBand] = []
        self.markers: list[pg.InfiniteLine] = []
        self.marks = MarkItems(
            self.plot_item, self.photo_requested.emit, self.backgroundBrush().color()
        )
        zero = pg.InfiniteLine(0, angle=0, movable=False, pen=pg.mkPen("#888", width=1))
        zero.setToolTip("Baseline: the 14 days before the course's first session")
        self.plot_item.addItem(zero, ignoreBounds=True)

    def show_data(
        self,
        series: Sequence[Relative],
        bands: Sequence[BandLine],
        marks: Marks,
        axis: TimeAxis,
        markers: Sequence[WeekMarkers] = (),
    ) -> None:
        """Draw the series, the chosen course's reference bands and markers (at its anchor)."""
        plot = self.plot_item
        drawn = [*self.lines.values(), *(i for band in self.bands for i in band.items)]
        for item in [*drawn, *self.markers]:
            plot.removeItem(item)
        self.lines.clear()
        self.axis = axis
        apply_axis(plot, axis)
        anchored = axis.anchor is not None
        self.bands = draw_bands(plot, axis, bands) if anchored else []
        background = self.backgroundBrush().color()
        self.markers = draw_markers(plot, axis, markers, background) if anchored else []
        for one in series:
            if not len(one.days):
                continue
            clinic = one.name == CLINIC
            colour = COLOURS[one.name]
            item = pg.PlotDataItem(
                axis.x(one.days),
                one.percent,
                pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.SolidLine),
                symbol="d" if clinic else "o",
                symbolSize=9 if clinic else 5,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=None,
                name=one.name,
            )
            unit = f" % (baseline {one.baseline:.3g})"
            hover_values(item, lambda: self.axis, one.name, unit)
            plot.addItem(item)
            tuned_for_long_series(item)  # once in the plot: clipping asks the plot for its view
            self.lines[one.name] = item
        self.marks.show_marks(axis, marks, 0.0)
        plot.enableAutoRange(axis="y")
