"""What the window's layer hands the PDF summary: chart and photo images, and its own words.

Charts are pyqtgraph widgets and the photo comparison is the Compare view's, so both are made
in the ui layer and arrive here as QImages; so do the dashboard's progress sentences and the
app's disclaimer, so that the summary says exactly what the window says.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

from hairjournal.core.reference import GRADES, METRICS, UNITS, Band


@dataclass(frozen=True)
class EvidenceRow:
    """A published range shown in the summary, with where it comes from."""

    shown: str  # what it is drawn against: 'Density chart, treated arm'
    source: str
    grade: str
    figures: str  # '+14.2 % at week 16'
    notes: str = ""

    @property
    def grade_meaning(self) -> str:
        return GRADES.get(self.grade, "")


@dataclass(frozen=True)
class ChartFigure:
    """A chart as an image (None when there is nothing to draw, and ``missing`` says why)."""

    title: str
    image: QImage | None
    caption: str
    missing: str = ""
    evidence: tuple[EvidenceRow, ...] = ()


@dataclass(frozen=True)
class PhotoPair:
    """A region's first photo beside its latest; ``after`` lined up with ``before`` if it can be.

    An image is None when the photo could not be decoded (``note`` says why), and ``after`` is
    None too when the region has one photo only.
    """

    region: str
    before: QImage | None
    before_caption: str
    after: QImage | None = None
    after_caption: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReportFigures:
    """Everything the summary shows that the window's layer makes."""

    charts: tuple[ChartFigure, ...] = ()
    photos: tuple[PhotoPair, ...] = ()
    photo_note: str = ""  # what photos can and cannot show
    # The dashboard's Progress card: its table (a heading row first) and the sentences below it.
    progress_table: tuple[tuple[str, ...], ...] = ()
    progress: tuple[str, ...] = ()
    disclaimer: tuple[str, ...] = ()


def band_figures(band: Band) -> str:
    """A band's figures at each sourced week after the baseline: '+14.2 % at week 16'."""
    unit = {"percent": " %", "hairs_per_cm2": " hairs/cm²", "percent_of_patients": " %"}.get(
        band.unit, f" {band.unit}"
    )
    parts = []
    for point in band.points:
        if point.week == 0 and point.low == point.high == 0:
            continue  # the baseline, 0 by definition
        if point.low == point.high:
            value = f"{point.low:+g}{unit}"
        else:
            value = f"{point.low:+g} to {point.high:+g}{unit}"
        parts.append(f"{value} at week {point.week:g}")
    return "; ".join(parts)


def evidence_row(band: Band, chart: str) -> EvidenceRow:
    """``band`` as a row of the summary's evidence table; ``chart`` names where it is drawn."""
    arm = "placebo or vehicle arm" if band.placebo else "treated arm"
    metric = METRICS.get(band.metric, band.metric)
    unit = UNITS.get(band.unit, band.unit)
    notes = [note for note in band.notes if not note.startswith("week 0:")]
    return EvidenceRow(
        shown=f"{chart}: {metric.lower()}, {unit}, {arm}",
        source=band.source,
        grade=band.grade,
        figures=band_figures(band),
        notes="; ".join(notes),
    )
