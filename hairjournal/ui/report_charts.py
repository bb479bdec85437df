"""The summary's charts: the Charts view's shedding and density charts, drawn to images.

The numbers are read on a worker (``read_chart_data``). The charts are pyqtgraph widgets, so
``ChartImages`` makes, draws and exports them on the GUI thread, one short step per turn of the
event loop, so that the window never stalls for long. They are drawn on a light palette whatever
the window's theme, since they go on paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QVBoxLayout, QWidget

from hairjournal.core.enums import Condition
from hairjournal.services.report_figures import ChartFigure, EvidenceRow, evidence_row
from hairjournal.store import chart_data
from hairjournal.ui.charts.axis import AxisMode, TimeAxis
from hairjournal.ui.charts.chart_decorations import Marks
from hairjournal.ui.charts.density_chart import (
    CLINIC,
    DENSITY,
    QUALITY,
    DensityChart,
    Relative,
    relative,
)
from hairjournal.ui.charts.plot_style import data_span
from hairjournal.ui.charts.reference_bands import BandLine, course_bands
from hairjournal.ui.charts.reference_markers import WeekMarkers, course_markers
from hairjournal.ui.charts.shedding_chart import (
    NORMAL_RANGES,
    SheddingChart,
    ShedLines,
    with_means,
)

# Laid out as in a window this size, then printed at the text's width (about 0.85x): small
# enough that the legend and ticks stay legible on paper.
CHART_SIZE = (820, 340)
IMAGE_WIDTH = 1640  # exported at twice that: 250 dots per inch on paper
# Between steps: long enough that timers already due (the window's own) run first.
STEP_PAUSE_MS = 1
SHEDDING = "Shedding"
DENSITY_TITLE = "Density and quality: change from baseline"


@dataclass(frozen=True)
class ChartData:
    """What both charts plot; read on a worker, drawn on the GUI thread."""

    condition: Condition
    course: chart_data.Course | None  # the course whose first session anchors the baseline
    lines: list[ShedLines]
    density: list[Relative]
    bands: list[BandLine]
    markers: list[WeekMarkers]
    marks: Marks


def read_chart_data(course_id: int | None) -> ChartData:
    """The charts' numbers, following the course ``course_id`` (else the latest with a session).

    Photo days are left out: on paper there is nothing to click.
    """
    courses = [c for c in chart_data.courses() if c.first_session_on is not None]
    course = next((c for c in courses if c.id == course_id), courses[0] if courses else None)
    condition = chart_data.condition()
    checkins = chart_data.checkin_series()
    return ChartData(
        condition=condition,
        course=course,
        lines=with_means(chart_data.shed_series()),
        density=[
            relative(DENSITY, checkins["density"], course, clinic=False),
            relative(QUALITY, checkins["quality"], course, clinic=False),
            relative(CLINIC, chart_data.clinic_density(), course, clinic=True),
        ],
        bands=[] if course is None else course_bands(condition, course),
        markers=[] if course is None else course_markers(condition, course),
        marks=Marks(chart_data.session_days(), chart_data.event_spans(), ()),
    )


def _events_text(marks: Marks) -> str:
    if not marks.events:
        return ""
    spans = [
        f"{span.kind.label.lower()} {span.first.isoformat()}"
        + ("" if span.last == span.first else f" to {span.last.isoformat()}")
        for span in marks.events
    ]
    return f" Shaded spans: events ({'; '.join(spans)})."


def shedding_figure(data: ChartData, image: QImage | None) -> ChartFigure:
    """The shedding chart's title, caption and normal ranges around ``image``."""
    protocols = [line.series.protocol for line in data.lines]
    ranges = [(p, NORMAL_RANGES[p]) for p in protocols if p in NORMAL_RANGES]
    evidence = tuple(
        EvidenceRow(
            shown=f"Shedding chart: {protocol.label}, normal range",
            source=known.source,
            grade=known.grade,
            figures=f"{known.low:g} to {known.high:g} hairs, mean {known.typical:g}",
            notes=known.who,
        )
        for protocol, known in ranges
    )
    caption = (
        "Hairs counted by each way of counting (squares: wash days) with the 7-day mean. "
        "Thin blue vertical lines: sessions." + _events_text(data.marks)
    )
    if ranges:
        caption += " Shaded horizontal bands: published normal ranges (see the evidence table)."
    else:
        caption += " No normal range is published for these ways of counting."
    missing = "" if data.lines else "No shedding counts are recorded, so there is no chart."
    return ChartFigure(SHEDDING, image if data.lines else None, caption, missing, evidence)


def has_density(data: ChartData) -> bool:
    """Whether any series has a baseline to be drawn against."""
    return any(len(one.days) for one in data.density)


def baseline_text(course: chart_data.Course) -> str:
    """'2026-03-04 to 2026-03-17, the 14 days before the first session of Exosomes (…)'."""
    assert course.baseline is not None
    first, last = course.baseline
    which = (
        "days picked for the course"
        if course.baseline_picked
        else f"the 14 days before the first session of {course.label}"
    )
    return f"{first.isoformat()} to {last.isoformat()}, {which}"


def density_figure(data: ChartData, image: QImage | None) -> ChartFigure:
    """The density chart's title, caption, bands and markers around ``image``."""
    course = data.course
    if course is None or course.baseline is None:
        missing = (
            "No course has a session yet. This chart shows change from a course's baseline: "
            "the 14 days before its first session, or days picked for the course."
        )
        return ChartFigure(DENSITY_TITLE, None, "", missing)
    if not has_density(data):
        missing = (
            f"No check-ins or clinic figures in the baseline days ({baseline_text(course)}), "
            "so no change from baseline can be drawn."
        )
        return ChartFigure(DENSITY_TITLE, None, "", missing)
    caption = (
        "Check-in density and quality (each 0-10) and the clinic's density per cm², each as "
        f"% change from its own mean over the baseline days: {baseline_text(course)}. "
        "Thin blue vertical lines: sessions." + _events_text(data.marks)
    )
    if data.bands:
        caption += (
            " Coloured bands: published figures for this treatment, drawn only between the "
            "weeks the studies report, each named with its source and grade; dotted: the "
            "placebo or vehicle arm."
        )
    else:
        caption += f" No published figures for {course.label} to draw as a range."
    if data.markers:
        caption += " Dotted green lines: weeks at which studies reported a change without a figure."
    evidence = [evidence_row(line.band, "Density chart") for line in data.bands]
    evidence += [
        EvidenceRow(
            shown=f"Density chart: finding at week {marker.week:g}",
            source=marker.source,
            grade=marker.grade,
            figures="no figure given",
            notes=marker.text,
        )
        for week in data.markers
        for marker in week.markers
    ]
    return ChartFigure(DENSITY_TITLE, image, caption, "", tuple(evidence))


class ChartImages(QObject):
    """Draws the two charts to images on the GUI thread, a step per turn of the event loop;
    ``made`` carries the two ChartFigures, or ``dropped`` says that ``cancel()`` stopped it."""

    made = Signal(object)  # tuple[ChartFigure, ChartFigure]
    dropped = Signal()  # cancelled, or a step raised (the error then goes on to be reported)

    def __init__(self, data: ChartData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.holders: list[QWidget] = []
        self.shedding: SheddingChart | None = None
        self.density: DensityChart | None = None
        self.images: dict[str, QImage] = {}
        self.cancelled = False
        # Each step takes some tens of milliseconds; the window runs between them.
        self.steps: list[Callable[[], None]] = [
            self._make_shedding,
            self._draw_shedding,
            self._make_density,
            self._draw_density,
            self._fit,
            self._export_shedding,
            self._export_density,
            self._finish,
        ]

    def start(self) -> None:
        QTimer.singleShot(STEP_PAUSE_MS, self, self._next)

    def cancel(self) -> None:
        self.cancelled = True

    def _next(self) -> None:
        if self.cancelled:
            self._drop()
            self.dropped.emit()
            return
        try:
            self.steps.pop(0)()
        except Exception:
            self._drop()
            self.dropped.emit()  # so that the export ends; the error is raised on, a bug
            raise
        if self.steps:
            QTimer.singleShot(STEP_PAUSE_MS, self, self._next)

    def _holder(self) -> QWidget:
        """An invisible, laid-out parent with a light palette, which the chart takes on."""
        holder = QWidget()
        holder.setPalette(QPalette(QColor(Qt.GlobalColor.white)))
        holder.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.holders.append(holder)
        return holder

    def _place(self, chart: pg.PlotWidget) -> None:
        plot = chart.getPlotItem()
        # pyqtgraph draws its legend at screen size whatever the scale; on paper it must scale
        # with the rest, or an image exported at twice the size has a legend half as large.
        plot.legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
        holder = chart.parentWidget()
        holder.layout().addWidget(chart)
        holder.resize(*CHART_SIZE)
        holder.show()  # laid out as a window would be; without it the scene has no size
        holder.setUpdatesEnabled(False)  # never painted on screen: only the export draws it

    def _make_shedding(self) -> None:
        if self.data.lines:
            self.shedding = SheddingChart(self._holder())
            self._place(self.shedding)

    def _draw_shedding(self) -> None:
        if self.shedding is not None:
            self.shedding.show_data(self.data.lines, self.data.marks, self._axis())
            _dark_bottom_axis(self.shedding)

    def _make_density(self) -> None:
        if has_density(self.data):
            self.density = DensityChart(self._holder())
            self._place(self.density)

    def _draw_density(self) -> None:
        if self.density is not None:
            data = self.data
            axis = self._axis()
            self.density.show_data(data.density, data.bands, data.marks, axis, data.markers)
            _dark_bottom_axis(self.density)

    def _axis(self) -> TimeAxis:
        anchor = None if self.data.course is None else self.data.course.first_session_on
        return TimeAxis(AxisMode.CALENDAR, anchor)

    def _fit(self) -> None:
        """Both charts over the same days, as the Charts view shows them (bands may run on)."""
        charts = [chart for chart in (self.shedding, self.density) if chart is not None]
        bands = {band.typical_line for band in self.density.bands} if self.density else set()
        spans = [s for chart in charts if (s := data_span(chart.getPlotItem(), bands))]
        if not spans:
            return
        first, last = min(s[0] for s in spans), max(s[1] for s in spans)
        for chart in charts:
            chart.getPlotItem().setXRange(first, last, padding=0.02)

    def _export_shedding(self) -> None:
        if self.shedding is not None:
            self.images[SHEDDING] = _export(self.shedding)

    def _export_density(self) -> None:
        if self.density is not None:
            self.images[DENSITY_TITLE] = _export(self.density)

    def _finish(self) -> None:
        figures = (
            shedding_figure(self.data, self.images.get(SHEDDING)),
            density_figure(self.data, self.images.get(DENSITY_TITLE)),
        )
        self._drop()
        self.made.emit(figures)

    def _drop(self) -> None:
        for holder in self.holders:
            holder.hide()
            holder.deleteLater()
        self.holders = []
        self.shedding = self.density = None


def _dark_bottom_axis(chart: pg.PlotWidget) -> None:
    """The dates in black: a date axis put in after the chart was styled keeps pyqtgraph's grey."""
    axis = chart.getPlotItem().getAxis("bottom")
    black = QColor(Qt.GlobalColor.black)
    axis.setTextPen(black)
    axis.setPen(pg.mkPen(black))


def _export(chart: pg.PlotWidget) -> QImage:
    """The chart as an image at ``IMAGE_WIDTH``, ticks and labels laid out first."""
    QApplication.processEvents()  # without it, tick labels can be missing from the image
    exporter = pyqtgraph.exporters.ImageExporter(chart.getPlotItem())
    exporter.parameters()["width"] = IMAGE_WIDTH
    image = exporter.export(toBytes=True)
    assert isinstance(image, QImage)
    return image
