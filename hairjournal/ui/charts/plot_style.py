"""The charts' look: the window palette's colours, a grid, a legend beside the plot, axis titles."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette

from hairjournal.ui.charts.chart_decorations import DrawnRange, MarkItems, recolour_range

LEGEND_COLUMN = 3  # the plot's grid: 0 left axis, 1 the view, 2 right axis
# Fixed widths beside the view, so charts stacked with a linked x axis line up day for day.
LEGEND_WIDTH = 310
LEFT_AXIS_WIDTH = 64


def styled_plot(widget: pg.PlotWidget, left_label: str) -> None:
    """Colour ``widget`` from its palette (so dark themes work, and a change between light and
    dark recolours it) and give it a legend.

    The legend sits right of the plot, not over it, so it never hides a point.
    """
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    plot = widget.getPlotItem()
    plot.setLabel("left", left_label)
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
    colour_plot(widget)
    widget.installEventFilter(_PaletteFollower(widget))


def colour_plot(widget: pg.PlotWidget) -> None:
    """Colour the chart from its palette: background, axes, titles, legend, and the marks and
    normal ranges a chart keeps (as ``marks`` and ``ranges``), which are blended with it."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Base)
    widget.setBackground(background)
    plot = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(text)
        axis.setPen(pg.mkPen(text))
    plot.setLabel("left", plot.getAxis("left").labelText, color=text.name())
    legend = plot.legend
    if legend is not None:
        legend.setLabelTextColor(text)
        for _sample, label in legend.items:
            label.setText(label.text, color=text)
    marks = getattr(widget, "marks", None)
    if isinstance(marks, MarkItems):
        marks.recolour(background)
    for drawn in getattr(widget, "ranges", {}).values():
        if isinstance(drawn, DrawnRange):
            recolour_range(drawn, background)


class _PaletteFollower(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, pg.PlotWidget):
            if event.type() == QEvent.Type.PaletteChange:
                colour_plot(watched)
            elif event.type() == QEvent.Type.ApplicationPaletteChange:
                # The widget takes the application's new palette after this filter has run.
                QTimer.singleShot(0, watched, lambda: colour_plot(watched))
        return False


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
