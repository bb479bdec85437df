"""The chosen course's published density bands, sampled weekly between their sourced weeks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.core.reference import Band, band_at, bands_for
from hairjournal.store.chart_data import Course
from hairjournal.ui.charts.axis import TimeAxis
from hairjournal.ui.charts.chart_decorations import DrawnBand, reference_band

METRIC = "density"
UNIT = "percent"  # the chart shows percent change; bands in hairs/cm² would not be comparable
BAND_COLOURS = (
    QColor(148, 103, 189),
    QColor(23, 190, 207),
    QColor(188, 189, 34),
    QColor(227, 119, 194),
)


@dataclass(frozen=True)
class BandLine:
    """A band at weekly steps and at every sourced week: weeks since the first session."""

    band: Band
    weeks: np.ndarray
    low: np.ndarray
    typical: np.ndarray  # NaN where the source gives no typical value
    high: np.ndarray

    @property
    def name(self) -> str:
        return self.band.label

    def tooltip(self) -> str:
        grade = {"A": "randomised trial", "B": "prospective study", "C": "retrospective/abstract"}
        kind = grade.get(self.band.grade, "secondary source")
        arm = "Placebo or vehicle arm" if self.band.placebo else "Treated arm"
        return (
            f"{arm}: {self.band.source}, grade {self.band.grade} ({kind}).\n"
            f"Density, % change from baseline, weeks {self.band.first_week:g}"
            f"-{self.band.last_week:g} only; nothing is drawn beyond the sourced weeks."
        )


def band_line(band: Band) -> BandLine:
    """``band`` sampled from its first sourced week to its last, never beyond."""
    first, last = band.first_week, band.last_week
    steps = np.arange(math.ceil(first), math.floor(last) + 1, dtype=float)
    sourced = np.array([point.week for point in band.points], dtype=float)
    weeks = np.unique(np.concatenate([sourced, steps]))
    values = [band_at(band, float(week)) for week in weeks]
    return BandLine(
        band,
        weeks,
        np.array([v.low for v in values], dtype=float),
        np.array([np.nan if v.typical is None else v.typical for v in values], dtype=float),
        np.array([v.high for v in values], dtype=float),
    )


def course_bands(condition: Condition, course: Course) -> list[BandLine]:
    """The percent-change density bands for ``course``'s treatment: treated arms, then placebo."""
    treatment = TreatmentKind(course.kind)
    bands = bands_for(condition, treatment, METRIC)
    return [band_line(band) for band in bands if band.unit == UNIT]


def draw_bands(plot: pg.PlotItem, axis: TimeAxis, lines: Sequence[BandLine]) -> list[DrawnBand]:
    """Each band beside the others, a placebo arm dotted in its treated arm's colour."""
    drawn = []
    colours: dict[str, QColor] = {}
    for line in lines:
        colour = colours.setdefault(
            line.band.source, BAND_COLOURS[len(colours) % len(BAND_COLOURS)]
        )
        x = np.array([axis.x_of_week(week) for week in line.weeks])
        drawn.append(
            reference_band(
                plot,
                x,
                line.low,
                line.typical,
                line.high,
                colour,
                line.name,
                line.tooltip(),
                dashed=line.band.placebo,
            )
        )
    return drawn
