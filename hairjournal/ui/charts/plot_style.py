"""The charts' look: the window palette's colours, a grid, a legend beside the plot, axis titles."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPalette

LEGEND_COLUMN = 3  # the plot's grid: 0 left axis, 1 the view, 2 right axis
# Fixed widths beside the view, so charts stacked with a linked x axis line up day for day.
LEGEND_WIDTH = 310
LEFT_AXIS_WIDTH = 64


def styled_plot(widget: pg.PlotWidget, left_label: str) -> None:
    """Colour ``widget`` from its palette (so dark themes work) and give it a legend.

    The legend sits right of the plot, not over it, so it never hides a point.
    """
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    widget.setBackground(palette.color(QPalette.ColorRole.Base))
    plot = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(text)
        axis.setPen(pg.mkPen(text))
    plot.setLabel("left", left_label, color=text.name())
    # No grid: its translucent lines doubled the time to paint ten years of days.
    legend = pg.LegendItem(labelTextColor=text, labelTextSize="8pt", verSpacing=-4)
    legend.setParentItem(plot)
    plot.layout.addItem(legend, 2, LEGEND_COLUMN)
    plot.layout.setColumnFixedWidth(LEGEND_COLUMN, LEGEND_WIDTH)
    legend.setFixedWidth(LEGEND_WIDTH)
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    plot.legend = legend  # named items join it as they are added
    plot.setMenuEnabled(False)
    plot.getViewBox().setAutoVisible(y=True)  # zoomed in, the y axis fits the days in view


def data_span(plot: pg.PlotItem, skip: Collection[object] = ()) -> tuple[float, float] | None:
    """The first and last x of what is plotted (clipped to the view or not), but ``skip``."""
    ends = []
    for item in plot.listDataItems():
        if item in skip or not isinstance(item, pg.PlotDataItem | pg.ScatterPlotItem):
            continue  # session lines and event spans reach as far as the data, no further
        x = item.xData if isinstance(item, pg.PlotDataItem) else item.getData()[0]
        if x is not None and len(x) and not np.isnan(x).all():
            ends += [float(np.nanmin(x)), float(np.nanmax(x))]
    return (min(ends), max(ends)) if ends else None
