"""What both charts draw besides the user's numbers: sessions, events, photo days and bands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from hairjournal.store.chart_data import EventSpan, PhotoDay
from hairjournal.ui.charts.axis import TimeAxis
from hairjournal.ui.date_text import day_text

SESSION_COLOUR = QColor(90, 90, 200, 150)
EVENT_COLOUR = QColor(230, 140, 40, 45)  # over the chart's background, made opaque below
PHOTO_COLOUR = QColor(40, 40, 40)
PHOTO_COLOUR_ON_DARK = QColor(215, 215, 215)  # a dark background's photo markers
PHOTO_NAME = "Photo days (click to open)"


@dataclass(frozen=True)
class Marks:
    """The journal's dated happenings that every chart shows."""

    sessions: Sequence[tuple[dt.date, int]] = ()
    events: Sequence[EventSpan] = ()
    photos: Sequence[PhotoDay] = ()


REACH_MARGIN = 0.05  # session lines and event spans run this share past the view, up and down
HOVER_PIXELS = 4  # how close the pointer must come to a session line for its tooltip


class DaySpans(pg.BarGraphItem):
    """Vertical spans (or, with no width, lines) at days, one item for all; each has a tooltip."""

    def __init__(self, pen: QPen, brush: QColor | None) -> None:
        super().__init__(x0=[], x1=[], y0=0.0, y1=1.0, pen=pen, brush=brush)
        self.starts = np.zeros(0)
        self.ends = np.zeros(0)
        self.texts: list[str] = []
        self.reach = (0.0, 1.0)
        self.setAcceptHoverEvents(True)

    def show_spans(self, starts: np.ndarray, ends: np.ndarray, texts: list[str]) -> None:
        self.starts, self.ends, self.texts = starts, ends, texts
        self.setOpts(x0=starts, x1=ends, y0=self.reach[0], y1=self.reach[1])

    def reach_over(self, bottom: float, top: float) -> None:
        """Run from just below ``bottom`` to just above ``top`` (the view's y range).

        Not from minus to plus infinity: Qt dashes a line along its whole length, in view or not.
        """
        margin = (top - bottom) * REACH_MARGIN
        self.reach = (bottom - margin, top + margin)
        self.setOpts(y0=self.reach[0], y1=self.reach[1])

    def text_at(self, x: float, slack: float = 0.0) -> str:
        """The tooltip of the span at ``x`` (within ``slack`` of it), or "" where there is none."""
        inside = np.flatnonzero((self.starts - slack <= x) & (x <= self.ends + slack))
        return "\n".join(self.texts[i] for i in inside[:3])

    def hoverEvent(self, event: object) -> None:
        if getattr(event, "isExit", lambda: True)():
            return
        slack = HOVER_PIXELS * (self.pixelWidth() or 0.0)
        self.setToolTip(self.text_at(event.pos().x(), slack))  # type: ignore[attr-defined]


class MarkItems:
    """Sessions, events and photo days on one chart: made once, given new days on each redraw."""

    def __init__(
        self, plot: pg.PlotItem, open_photo: Callable[[int], None], background: QColor
    ) -> None:
        # Solid and opaque: a dashed or translucent line the height of the chart costs more to
        # paint than a year of points.
        self.sessions = DaySpans(pg.mkPen(None), None)
        # Opaque, and beneath everything: translucent full-height spans cost more to paint than
        # ten years of points.
        self.events = DaySpans(pg.mkPen(None), None)
        self.events.setZValue(-30)
        self.sessions.setZValue(-5)
        self.photos = pg.ScatterPlotItem(
            symbol="t1",
            size=11,
            pen=pg.mkPen(None),
            hoverable=True,
            hoverSize=15,
            name=PHOTO_NAME,
        )
        self.photos.setZValue(20)
        self.photos.sigClicked.connect(
            lambda _item, points, _event: len(points) and open_photo(int(points[0].data()))
        )
        self.plot = plot
        self.photos_shown = False
        self.recolour(background)
        for item in (self.events, self.sessions):
            plot.addItem(item, ignoreBounds=True)
        plot.getViewBox().sigYRangeChanged.connect(lambda _view, y_range: self._reach(*y_range))

    def recolour(self, background: QColor) -> None:
        """Colour the marks for ``background`` (again, when the palette changes)."""
        self.sessions.setOpts(pen=pg.mkPen(_over(SESSION_COLOUR, background), width=1))
        self.events.setOpts(brush=_over(EVENT_COLOUR, background))
        self.photos.setBrush(pg.mkBrush(photo_colour(background)))

    def _reach(self, bottom: float, top: float) -> None:
        for spans in (self.events, self.sessions):
            spans.reach_over(bottom, top)

    def show_marks(self, axis: TimeAxis, marks: Marks, y: float) -> None:
        sessions = axis.x(np.array([day for day, _course in marks.sessions], dtype="datetime64[D]"))
        self.sessions.show_spans(
            sessions, sessions, [f"Session on {day_text(day)}" for day, _ in marks.sessions]
        )
        first = axis.x(np.array([e.first for e in marks.events], dtype="datetime64[D]"))
        last = axis.x(np.array([e.last for e in marks.events], dtype="datetime64[D]"))
        self.events.show_spans(
            first, last + axis.day_width(), [_event_text(e) for e in marks.events]
        )
        days = np.array([p.day for p in marks.photos], dtype="datetime64[D]")
        self.photos.setData(
            x=axis.x(days),
            y=np.full(len(days), y),
            data=[p.photo_ids[0] for p in marks.photos],
            tip=lambda x, y, data: f"Photo of {axis.describe(x)}: click to open it",
        )
        # In the legend only when there are photos to click.
        if bool(marks.photos) != self.photos_shown:
            if marks.photos:
                self.plot.addItem(self.photos)
            else:
                self.plot.removeItem(self.photos)
            self.photos_shown = bool(marks.photos)


def photo_colour(background: QColor) -> QColor:
    return PHOTO_COLOUR if background.lightness() >= 128 else PHOTO_COLOUR_ON_DARK


def _over(colour: QColor, background: QColor) -> QColor:
    """The opaque colour that ``colour`` makes painted over ``background``."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        *(
            alpha * getattr(colour, part)() + (1 - alpha) * getattr(background, part)()
            for part in ("redF", "greenF", "blueF")
        )
    )


def _event_text(span: EventSpan) -> str:
    when = day_text(span.first)
    if span.last != span.first:
        when += f" to {day_text(span.last)}"
    text = f"{span.kind.label}: {when}"
    return f"{text}\n{span.notes}" if span.notes else text


@dataclass(frozen=True)
class DrawnRange:
    """A normal range as drawn: the band across the chart, and its entry in the legend."""

    region: pg.LinearRegionItem
    sample: pg.PlotDataItem  # not in the plot: only the legend draws it
    name: str
    colour: QColor


def normal_range(
    plot: pg.PlotItem,
    low: float,
    high: float,
    colour: QColor,
    name: str,
    text: str,
    background: QColor,
) -> DrawnRange:
    """A horizontal band across the whole chart, named ``name`` in the legend, ``text`` its tip.

    Named in the legend rather than on the chart, where the points would cover the words.
    """
    region = pg.LinearRegionItem((low, high), orientation="horizontal", movable=False)
    region.setToolTip(text)
    region.setZValue(-40)
    plot.addItem(region, ignoreBounds=True)
    sample = pg.PlotDataItem(fillLevel=0)
    drawn = DrawnRange(region, sample, name, QColor(colour))
    recolour_range(drawn, background)
    if plot.legend is not None:
        plot.legend.addItem(sample, name)
    return drawn


def recolour_range(drawn: DrawnRange, background: QColor) -> None:
    """Colour a normal range for ``background`` (again, when the palette changes)."""
    # Opaque, beneath the event spans (which cover it where they cross): a translucent fill
    # across the whole view costs as much to paint as the points.
    red, green, blue = drawn.colour.red(), drawn.colour.green(), drawn.colour.blue()
    fill = pg.mkBrush(_over(QColor(red, green, blue, 35), background))
    edge_pen = pg.mkPen(_over(QColor(red, green, blue, 120), background))
    drawn.region.setBrush(fill)
    for line in drawn.region.lines:
        line.setPen(edge_pen)
    drawn.sample.setPen(edge_pen)
    drawn.sample.setFillBrush(fill)


def remove_range(plot: pg.PlotItem, drawn: DrawnRange) -> None:
    plot.removeItem(drawn.region)
    if plot.legend is not None:
        plot.legend.removeItem(drawn.sample)


@dataclass(frozen=True)
class DrawnBand:
    """A reference band as drawn: its x positions and edges, and the items that show it."""

    name: str
    x: np.ndarray
    low: np.ndarray
    typical: np.ndarray
    high: np.ndarray
    fill: pg.FillBetweenItem
    typical_line: pg.PlotDataItem
    items: tuple[pg.GraphicsObject, ...]  # everything added to the plot, to take it away again


def reference_band(
    plot: pg.PlotItem,
    x: np.ndarray,
    low: np.ndarray,
    typical: np.ndarray,
    high: np.ndarray,
    colour: QColor,
    name: str,
    tooltip: str,
    *,
    dashed: bool = False,
) -> DrawnBand:
    """A shaded band from ``low`` to ``high`` with its typical value as a line named ``name``."""
    fill_colour = QColor(colour)
    fill_colour.setAlpha(45)
    edge = pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine if dashed else Qt.PenStyle.SolidLine)
    lower = pg.PlotCurveItem(x, low, pen=edge)
    upper = pg.PlotCurveItem(x, high, pen=edge)
    fill = pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(fill_colour))
    fill.setToolTip(tooltip)
    fill.setZValue(-15)
    for item in (lower, upper):
        item.setToolTip(tooltip)
        item.setZValue(-14)
        plot.addItem(item)
    plot.addItem(fill)
    style = Qt.PenStyle.DotLine if dashed else Qt.PenStyle.DashLine
    typical_line = pg.PlotDataItem(
        x, typical, pen=pg.mkPen(colour, width=2, style=style), name=name
    )
    typical_line.setToolTip(tooltip)
    typical_line.curve.setToolTip(tooltip)
    plot.addItem(typical_line)
    items = (lower, upper, fill, typical_line)
    return DrawnBand(name, x, low, typical, high, fill, typical_line, items)


def hover_values(
    item: pg.PlotDataItem, axis: Callable[[], TimeAxis], what: str, unit: str = ""
) -> None:
    """Show a point's value and day (on the chart's axis at the time) when the pointer rests."""
    item.scatter.opts["hoverable"] = True
    item.scatter.opts["tip"] = lambda x, y, data: f"{what}: {y:.4g}{unit}\n{axis().describe(x)}"


def tuned_for_long_series(item: pg.PlotDataItem) -> pg.PlotDataItem:
    """Downsample and draw only what is in view, so ten years of days stay quick."""
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item
