"""Findings with a direction but no number: a dotted line at each week a study reported one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.core.reference import Marker, markers_for
from hairjournal.store.chart_data import Course
from hairjournal.ui.charts.axis import TimeAxis

MARKER_COLOUR = QColor(44, 130, 60)
LABEL_HEIGHTS = (0.97, 0.9, 0.83)  # of the view's height
CLOSE_WEEKS = 3.0
GRADES = {"A": "randomised trial", "B": "prospective study", "C": "retrospective/abstract"}


@dataclass(frozen=True)
class WeekMarkers:
    """Every finding reported at one week since the first session."""

    week: float
    markers: tuple[Marker, ...]

    def label(self) -> str:
        return f"wk {self.week:g}"

    def tooltip(self) -> str:
        lines = [f"Week {self.week:g}: reported without a figure that could be drawn as a range."]
        for marker in self.markers:
            kind = GRADES.get(marker.grade, "secondary source")
            lines.append(
                f"• {marker.metric.replace('_', ' ')}: {marker.text}. {marker.source}, "
                f"grade {marker.grade} ({kind})."
            )
        return "\n".join(lines)


def course_markers(condition: Condition, course: Course) -> list[WeekMarkers]:
    """The course's treatment's markers for ``condition``, grouped by week, earliest first."""
    by_week: dict[float, list[Marker]] = {}
    for marker in markers_for(condition, TreatmentKind(course.kind)):
        by_week.setdefault(marker.week, []).append(marker)
    return [WeekMarkers(week, tuple(found)) for week, found in sorted(by_week.items())]


def draw_markers(
    plot: pg.PlotItem, axis: TimeAxis, weeks: Sequence[WeekMarkers], background: QColor
) -> list[pg.InfiniteLine]:
    """A labelled vertical dotted line at each week; its tooltip names the studies."""
    dark = background.lightness() < 128
    colour = MARKER_COLOUR.lighter(170) if dark else MARKER_COLOUR
    text = colour if dark else MARKER_COLOUR.darker(120)
    drawn = []
    level, previous = 0, None
    for one in weeks:
        # Labels of weeks close together are stepped down so that they do not overlap.
        close = previous is not None and one.week - previous < CLOSE_WEEKS
        level = (level + 1) % len(LABEL_HEIGHTS) if close else 0
        previous = one.week
        line = pg.InfiniteLine(
            axis.x_of_week(one.week),
            angle=90,
            movable=False,
            pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine),
            label=one.label(),
            labelOpts={"position": LABEL_HEIGHTS[level], "color": text},
        )
        line.setToolTip(one.tooltip())
        line.label.setToolTip(one.tooltip())
        line.setZValue(-4)
        plot.addItem(line, ignoreBounds=True)
        drawn.append(line)
    return drawn
