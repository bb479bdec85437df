"""The shedding chart: counts per protocol, wash days marked, the 7-day mean, normal ranges."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.statistics import rolling_mean
from hairjournal.store.chart_data import ShedSeries
from hairjournal.ui.charts.axis import TimeAxis, apply_axis
from hairjournal.ui.charts.chart_decorations import (
    DrawnRange,
    MarkItems,
    Marks,
    hover_values,
    normal_range,
    remove_range,
    tuned_for_long_series,
)
from hairjournal.ui.charts.plot_style import styled_plot

COLOURS: dict[ShedProtocol, QColor] = {
    ShedProtocol.DAILY_TOTAL: QColor(31, 119, 180),
    ShedProtocol.SHOWER: QColor(148, 103, 189),
    ShedProtocol.BRUSH: QColor(140, 86, 75),
    ShedProtocol.COMB_60S: QColor(214, 39, 40),
    ShedProtocol.WASH_TEST: QColor(44, 160, 44),
    ShedProtocol.VISUAL_SCALE: QColor(127, 127, 127),
}


@dataclass(frozen=True)
class NormalRange:
    """A protocol's normal range as its source gives it, with its source and grade."""

    low: float
    high: float
    typical: float
    who: str
    source: str
    grade: str
    short: str  # the protocol's name where room is short (the legend)

    def text(self) -> str:
        return (
            f"normal range {self.low:g}-{self.high:g}, mean {self.typical:g} ({self.who}; "
            f"{self.source}, grade {self.grade})"
        )

    def label(self) -> str:
        return f"{self.short} normal {self.low:g}-{self.high:g} ({self.source}, {self.grade})"


# Evidence section 1. Daily totals, shower and brush counts have no validated norm: no band.
NORMAL_RANGES: dict[ShedProtocol, NormalRange] = {
    ShedProtocol.COMB_60S: NormalRange(
        0, 78, 10.2, "healthy men 20-40 y", "Wasko 2008", "B", "60-s comb"
    ),
    ShedProtocol.WASH_TEST: NormalRange(
        round(27.9 - 12.2, 1),
        round(27.9 + 12.2, 1),
        27.9,
        "hairs per wash",
        "Li 2022",
        "B",
        "Wash test",
    ),
}


@dataclass(frozen=True)
class ShedLines:
    """A protocol's counts with its 7-day mean, worked out once and redrawn as often as needed."""

    series: ShedSeries
    mean_days: np.ndarray
    mean_values: np.ndarray


def with_means(series: Sequence[ShedSeries]) -> list[ShedLines]:
    """Each series with its 7-day mean (``core.statistics.rolling_mean``)."""
    lines = []
    for one in series:
        means = rolling_mean(one.days.tolist(), one.values.tolist())
        days = np.array([day for day, _mean in means], dtype="datetime64[D]")
        lines.append(ShedLines(one, days, np.array([m for _day, m in means], dtype=float)))
    return lines


class SheddingChart(pg.PlotWidget):
    """Counts over time; ``photo_requested`` carries the id of a clicked photo marker.

    Its plot items are made once and given new data on each redraw: making pyqtgraph items is
    what costs most, far more than drawing ten years of days.
    """

    photo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_item: pg.PlotItem = self.getPlotItem()
        styled_plot(self, "Hairs counted")
        self.axis = TimeAxis()
        # Points by protocol and wash day, and the 7-day mean by protocol (wash day None).
        self.items: dict[tuple[ShedProtocol, bool | None], pg.PlotDataItem] = {}
        self.ranges: dict[ShedProtocol, DrawnRange] = {}
        self.marks = MarkItems(
            self.plot_item, self.photo_requested.emit, self.backgroundBrush().color()
        )

    def show_data(
        self,
        lines: Sequence[ShedLines],
        marks: Marks,
        axis: TimeAxis,
        shown: Collection[ShedProtocol] | None = None,
    ) -> None:
        """Draw ``lines`` (only the protocols in ``shown``, all when None) on ``axis``."""
        self.axis = axis
        apply_axis(self.plot_item, axis)
        wanted: dict[tuple[ShedProtocol, bool | None], tuple[np.ndarray, np.ndarray]] = {}
        for one in lines:
            protocol = one.series.protocol
            if shown is not None and protocol not in shown:
                continue
            x = axis.x(one.series.days)
            for wash in (False, True):
                chosen = one.series.wash == wash
                if chosen.any():  # no empty legend entries
                    wanted[protocol, wash] = (x[chosen], one.series.values[chosen])
            wanted[protocol, None] = (axis.x(one.mean_days), one.mean_values)
        for key in [key for key in self.items if key not in wanted]:
            self.plot_item.removeItem(self.items.pop(key))
        for key, (x, y) in wanted.items():
            item = self.items.get(key)
            if item is None:
                item = self.items[key] = self._new_item(*key)
            item.setData(x, y)
        self._show_ranges({protocol for protocol, _wash in wanted})
        self.marks.show_marks(axis, marks, 0.0)
        self.plot_item.enableAutoRange(axis="y")

    def _new_item(self, protocol: ShedProtocol, wash: bool | None) -> pg.PlotDataItem:
        colour = COLOURS[protocol]
        if wash is None:
            name = f"{protocol.label}, 7-day mean"
            # One pixel wide, darker than the points: wider lines take Qt's slow path.
            # A pixel's worth of days drawn as its lowest and highest: the same line, quicker.
            item = pg.PlotDataItem(
                pen=pg.mkPen(colour.darker(150), width=1), name=name, autoDownsampleFactor=1.0
            )
        else:
            name = protocol.label + (", wash day" if wash else "")
            item = pg.PlotDataItem(
                pen=None,
                symbol="s" if wash else "o",
                symbolSize=6 if wash else 5,
                symbolBrush=pg.mkBrush(colour.lighter(130) if wash else colour),
                symbolPen=pg.mkPen(colour.darker(140)) if wash else None,
                name=name,
            )
        hover_values(item, lambda: self.axis, name)
        self.plot_item.addItem(item)
        return tuned_for_long_series(item)  # once in the plot: clipping asks it for its view

    def _show_ranges(self, protocols: set[ShedProtocol]) -> None:
        for protocol in [p for p in self.ranges if p not in protocols]:
            remove_range(self.plot_item, self.ranges.pop(protocol))
        for protocol in protocols:
            known = NORMAL_RANGES.get(protocol)
            if known is not None and protocol not in self.ranges:
                self.ranges[protocol] = normal_range(
                    self.plot_item,
                    known.low,
                    known.high,
                    COLOURS[protocol],
                    known.label(),
                    f"{protocol.label}: {known.text()}",
                    self.backgroundBrush().color(),
                )
