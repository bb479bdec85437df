"""The Charts view: shedding above, density and quality below, with their controls."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import Condition, ShedProtocol
from hairjournal.store import chart_data, models
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
from hairjournal.ui.charts.shedding_chart import SheddingChart, ShedLines, with_means
from hairjournal.ui.date_text import span_text
from hairjournal.ui.history import History
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import heading, paragraph, quiet

DISCLAIMER = (
    "The evidence behind these ranges is thin: a few small, mostly open-label studies, and no "
    "exosome product is approved. The app compares your numbers with what studies report; it "
    "does not judge whether a treatment works."
)
NO_COURSE = "No course with a session yet: the weeks axis and reference ranges need one."
HELP = "Drag to pan, scroll to zoom, rest the pointer on a point for its value."


class ChartsView(QWidget):
    """``photo_requested`` carries the id of a photo whose marker was clicked."""

    photo_requested = Signal(int)

    def __init__(
        self, history: History, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.pending = False
        self.lines: list[ShedLines] = []
        self.checkins: dict[str, chart_data.Series] = {}
        self.clinic = chart_data.Series(np.array([], dtype="datetime64[D]"), np.array([]))
        self.marks = Marks()
        self.condition: Condition | None = None
        self.courses: list[chart_data.Course] = []

        self.course = QComboBox()
        self.course.setAccessibleName("Course")
        self.course.currentIndexChanged.connect(lambda _index: self.redraw())
        self.calendar_button = QRadioButton("&Dates")
        self.weeks_button = QRadioButton("&Weeks since first session")
        self.calendar_button.setChecked(True)
        self.axis_group = QButtonGroup(self)
        for button in (self.calendar_button, self.weeks_button):
            self.axis_group.addButton(button)
        self.weeks_button.toggled.connect(lambda _on: self.redraw())
        self.protocol_row = QHBoxLayout()
        self.protocol_boxes: dict[ShedProtocol, QCheckBox] = {}

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Course:"))
        controls.addWidget(self.course, 1)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Time axis:"))
        controls.addWidget(self.calendar_button)
        controls.addWidget(self.weeks_button)
        controls.addStretch(1)

        self.shedding = SheddingChart()
        self.density = DensityChart()
        for chart in (self.shedding, self.density):
            chart.photo_requested.connect(self.photo_requested)
        self.density.setXLink(self.shedding)  # the same days (or weeks) one above the other
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._titled("Shedding", self.shedding, self.protocol_row))
        splitter.addWidget(self._titled("Density and quality", self.density))
        if settings is not None:  # where the person left the line between the two charts
            state = settings.splitter_state("charts")
            if state is not None:
                splitter.restoreState(state)
            splitter.splitterMoved.connect(
                lambda _pos, _index: settings.save_splitter_state("charts", splitter.saveState())
            )
        self.note = quiet(paragraph(""))
        self.disclaimer = quiet(paragraph(DISCLAIMER))
        self.disclaimer.setObjectName("charts_disclaimer")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.addWidget(heading("Charts", 1.5))
        layout.addLayout(controls)
        layout.addWidget(self.disclaimer)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        history.changed.connect(self._history_changed)

    def _titled(self, title: str, chart: QWidget, extra: QHBoxLayout | None = None) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        title_label = heading(title, 1.1)
        title_label.setWordWrap(False)
        top.addWidget(title_label)
        if extra is not None:
            top.addSpacing(16)
            top.addLayout(extra)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(chart, 1)
        return holder

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the journal again and redraw."""
        self.pending = False
        self.condition = chart_data.condition()
        self.lines = with_means(chart_data.shed_series())
        self.checkins = chart_data.checkin_series()
        self.clinic = chart_data.clinic_density()
        self.marks = Marks(
            chart_data.session_days(), chart_data.event_spans(), chart_data.photo_days()
        )
        self._fill_courses(chart_data.courses())
        self._fill_protocols([line.series.protocol for line in self.lines])
        self.redraw()

    def _fill_courses(self, courses: list[chart_data.Course]) -> None:
        chosen = self.course.currentData()
        self.courses = [c for c in courses if c.first_session_on is not None]
        self.course.blockSignals(True)
        self.course.clear()
        for course in self.courses:
            self.course.addItem(course.label, course.id)
        index = self.course.findData(chosen)
        self.course.setCurrentIndex(max(index, 0) if self.courses else -1)
        self.course.blockSignals(False)
        self.course.setEnabled(bool(self.courses))
        self.weeks_button.setEnabled(bool(self.courses))

    def _fill_protocols(self, protocols: list[ShedProtocol]) -> None:
        if list(self.protocol_boxes) == protocols:
            return
        for box in self.protocol_boxes.values():
            self.protocol_row.removeWidget(box)
            box.deleteLater()
        self.protocol_boxes = {}
        for protocol in protocols:
            box = QCheckBox(protocol.label)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.redraw())
            self.protocol_row.addWidget(box)
            self.protocol_boxes[protocol] = box

    # -- drawing -----------------------------------------------------------------------------

    def chosen_course(self) -> chart_data.Course | None:
        index = self.course.currentIndex()
        return self.courses[index] if 0 <= index < len(self.courses) else None

    def axis(self) -> TimeAxis:
        course = self.chosen_course()
        anchor = None if course is None else course.first_session_on
        weeks = self.weeks_button.isChecked() and anchor is not None
        return TimeAxis(AxisMode.WEEKS if weeks else AxisMode.CALENDAR, anchor)

    def shown_protocols(self) -> set[ShedProtocol]:
        return {protocol for protocol, box in self.protocol_boxes.items() if box.isChecked()}

    def redraw(self) -> None:
        """Draw both charts from what was last read, with the current choices."""
        if self.condition is None:
            return
        axis, course = self.axis(), self.chosen_course()
        self.shedding.show_data(self.lines, self.marks, axis, self.shown_protocols())
        series = [
            relative(DENSITY, self.checkins["density"], course, clinic=False),
            relative(QUALITY, self.checkins["quality"], course, clinic=False),
            relative(CLINIC, self.clinic, course, clinic=True),
        ]
        bands: list[BandLine] = [] if course is None else course_bands(self.condition, course)
        markers = [] if course is None else course_markers(self.condition, course)
        self.density.show_data(series, bands, self.marks, axis, markers)
        self._fit_days()
        self.note.setText(self._note(course, bands, markers, series))

    def _fit_days(self) -> None:
        """Show every day (or week) of the journal; the charts share the x range.

        Reference bands may run on past the last entry; panning or zooming out shows the rest.
        Set here rather than by each chart's auto-range: linked views switch that off in each
        other, and a range left in seconds would hide everything after a switch to weeks.
        """
        bands = {band.typical_line for band in self.density.bands}
        spans = [
            span
            for chart in (self.shedding, self.density)
            if (span := data_span(chart.getPlotItem(), bands)) is not None
        ]
        if spans:
            first = min(low for low, _high in spans)
            last = max(high for _low, high in spans)
            self.shedding.getPlotItem().setXRange(first, last, padding=0.02)

    def _note(
        self,
        course: chart_data.Course | None,
        bands: list[BandLine],
        markers: list[WeekMarkers],
        series: list[Relative],
    ) -> str:
        if course is None:
            return NO_COURSE
        parts = [HELP]
        if course.baseline is not None:
            days = span_text(*course.baseline)
            which = (
                "the days you picked"
                if course.baseline_picked
                else "the 14 days before the first session"
            )
            parts.append(
                f"Baseline: {days}, {which} (change it in the course's form under Sessions)."
            )
        if not bands:
            parts.append(f"No published figures for {course.label} to draw as a range.")
        if markers:
            parts.append(
                "Dotted green lines: weeks at which studies reported improvement without a "
                "figure; rest the pointer on one for the study."
            )
        if not any(len(one.days) for one in series):
            parts.append("No check-ins or clinic figures in the baseline days.")
        return " ".join(parts)

    # -- following the journal -------------------------------------------------------------

    def _history_changed(self, _model: type[models.BaseModel]) -> None:
        """Read again once the change is complete; when hidden, showing the view reads again."""
        if self.isVisible() and not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self._refresh_pending)

    def _refresh_pending(self) -> None:
        if self.pending and models.database.obj is not None:
            self.refresh()
