"""The density chart: percent change from baseline, the course's reference bands, markers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.core.reference import load_reference
from hairjournal.store.chart_data import Course, Series
from hairjournal.ui.charts.axis import AxisMode, TimeAxis
from hairjournal.ui.charts.density_chart import CLINIC, DENSITY, DensityChart, relative
from hairjournal.ui.charts.reference_bands import course_bands
from hairjournal.ui.charts.reference_markers import course_markers
from tests.ui.chart_samples import FIRST_SESSION, click_at, epoch, sample_marks

WEEKS = TimeAxis(AxisMode.WEEKS, FIRST_SESSION)
EXOSOME = Course(
    1,
    "Exosomes",
    TreatmentKind.EXOSOME.value,
    FIRST_SESSION,
    (FIRST_SESSION - dt.timedelta(days=14), FIRST_SESSION - dt.timedelta(days=1)),
)


@pytest.fixture
def chart(qtbot: QtBot) -> DensityChart:
    widget = DensityChart()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def series(*pairs: tuple[str, float]) -> Series:
    return Series(
        np.array([dt.date.fromisoformat(d) for d, _v in pairs], dtype="datetime64[D]"),
        np.array([v for _d, v in pairs], dtype=float),
    )


CHECKINS = series(
    ("2026-03-03", 4), ("2026-03-10", np.nan), ("2026-03-14", 6), ("2026-04-12", 6.0)
)  # fmt: skip
CLINIC_FIGURES = series(("2026-03-15", 120.0), ("2026-06-14", 132.0))


def test_checkins_are_percent_change_from_the_14_days_before_the_first_session() -> None:
    change = relative(DENSITY, CHECKINS, EXOSOME, clinic=False)
    assert change.baseline == 5.0  # 4 and 6; the missing rating is left out
    assert change.percent.tolist() == pytest.approx([-20.0, 20.0, 20.0])
    assert change.raw.tolist() == [4.0, 6.0, 6.0]


def test_a_clinic_figure_on_the_first_session_day_is_the_baseline() -> None:
    change = relative(CLINIC, CLINIC_FIGURES, EXOSOME, clinic=True)
    assert change.baseline == 120.0
    assert change.percent.tolist() == pytest.approx([0.0, 10.0])
    assert relative(DENSITY, CLINIC_FIGURES, EXOSOME, clinic=False).percent.size == 0
    assert relative(DENSITY, CHECKINS, None, clinic=False).percent.size == 0


def test_days_the_user_picked_are_the_baseline_as_they_are() -> None:
    picked = dataclasses.replace(
        EXOSOME, baseline=(dt.date(2026, 3, 14), dt.date(2026, 3, 14)), baseline_picked=True
    )
    change = relative(DENSITY, CHECKINS, picked, clinic=False)
    assert change.baseline == 6.0
    assert change.percent.tolist() == pytest.approx([-100 / 3, 0.0, 0.0])
    # no clinic figure that day: with picked days the day after the span is not added
    assert relative(CLINIC, CLINIC_FIGURES, picked, clinic=True).percent.size == 0


def test_plotted_lines_are_the_percent_changes(chart: DensityChart) -> None:
    lines = [
        relative(DENSITY, CHECKINS, EXOSOME, clinic=False),
        relative(CLINIC, CLINIC_FIGURES, EXOSOME, clinic=True),
    ]
    chart.show_data(lines, [], sample_marks(), TimeAxis())
    x, y = chart.lines[CLINIC].getData()
    assert x.tolist() == [epoch(dt.date(2026, 3, 15)), epoch(dt.date(2026, 6, 14))]
    assert y.tolist() == pytest.approx([0.0, 10.0])
    assert chart.lines[DENSITY].getData()[1].tolist() == pytest.approx([-20.0, 20.0, 20.0])
    assert isinstance(chart.plot_item.getAxis("bottom"), pg.DateAxisItem)


def sourced(source: str, placebo: bool) -> list[tuple[float, float, float | None, float]]:
    """The reference file's rows for one band of the male exosome density, straight from it."""
    return [
        (row.week, row.low, row.typical, row.high)
        for row in load_reference().rows
        if row.condition is Condition.AGA_MALE
        and row.treatment is TreatmentKind.EXOSOME
        and row.metric == "density"
        and row.unit == "percent"
        and row.source == source
        and row.placebo == placebo
    ]


def test_bands_equal_the_reference_rows_and_stop_at_the_last_sourced_week(
    chart: DensityChart,
) -> None:
    bands = course_bands(Condition.AGA_MALE, EXOSOME)
    chart.show_data([], bands, sample_marks(), WEEKS)
    drawn = {band.name: band for band in chart.bands}
    oh = drawn["Oh et al. 2020, grade A"]
    rows = sourced("Oh et al. 2020", placebo=False)
    assert len(rows) == 2
    for week, low, typical, high in rows:
        at = list(oh.x).index(week)
        assert (oh.low[at], oh.typical[at], oh.high[at]) == (low, typical, high)
    assert (oh.x.min(), oh.x.max()) == (rows[0][0], rows[-1][0])  # never past the last week
    placebo = drawn["Oh et al. 2020, grade A, placebo"]
    assert placebo.high.tolist() == [0.0] * len(placebo.x)
    wan = drawn["Wan et al., Aesthetic Plast Surg 2025, grade B"]
    (week, low, _typical, high) = sourced("Wan et al., Aesthetic Plast Surg 2025", False)[-1]
    assert (wan.x[-1], wan.low[-1], wan.high[-1]) == (week, low, high)
    assert np.isnan(wan.typical[-1])  # only a range is sourced: no typical line is invented
    assert all(b.x.max() <= 52 for b in chart.bands)
    assert "hairs_per_cm2" not in " ".join(chart.bands[i].name for i in range(len(chart.bands)))


def test_each_band_tooltip_names_source_and_grade(chart: DensityChart) -> None:
    chart.show_data([], course_bands(Condition.AGA_MALE, EXOSOME), sample_marks(), WEEKS)
    assert chart.bands
    for band in chart.bands:
        tip = band.fill.toolTip()
        source = band.name.split(", grade")[0]
        assert source in tip
        assert f"grade {band.name.split('grade ')[1][0]}" in tip
    placebo = [b for b in chart.bands if b.name.endswith("placebo")]
    assert placebo
    assert placebo[0].fill.toolTip().startswith("Placebo")


def test_bands_sit_at_weeks_after_the_first_session_on_the_calendar(chart: DensityChart) -> None:
    calendar = TimeAxis(AxisMode.CALENDAR, FIRST_SESSION)
    chart.show_data([], course_bands(Condition.AGA_MALE, EXOSOME), sample_marks(), calendar)
    oh = next(b for b in chart.bands if b.name == "Oh et al. 2020, grade A")
    assert oh.x[0] == epoch(FIRST_SESSION)
    assert oh.x[-1] == epoch(FIRST_SESSION + dt.timedelta(weeks=16))


def test_no_bands_for_a_treatment_without_published_percent_figures() -> None:
    minoxidil = Course(2, "Minoxidil", TreatmentKind.MINOXIDIL_TOPICAL.value, FIRST_SESSION)
    assert course_bands(Condition.AGA_MALE, minoxidil) == []  # its figures are in hairs/cm²


def test_findings_without_figures_are_dotted_lines_at_their_weeks(chart: DensityChart) -> None:
    reported = [
        m
        for m in load_reference().markers
        if m.condition is Condition.AGA_MALE and m.treatment is TreatmentKind.EXOSOME
    ]
    weeks = course_markers(Condition.AGA_MALE, EXOSOME)
    assert [one.week for one in weeks] == sorted({m.week for m in reported})
    assert sum(len(one.markers) for one in weeks) == len(reported)

    chart.show_data([], [], sample_marks(), WEEKS, weeks)
    assert [line.value() for line in chart.markers] == [one.week for one in weeks]
    at_13 = next(line for line in chart.markers if line.value() == 13)
    assert "Koumprentziotis et al., Clin Dermatol 2025, grade B" in at_13.toolTip()
    assert "density" in at_13.toolTip()
    assert "thickness" in at_13.toolTip()
    assert at_13.label.toPlainText() == "wk 13"

    calendar = TimeAxis(AxisMode.CALENDAR, FIRST_SESSION)
    chart.show_data([], [], sample_marks(), calendar, weeks)
    assert chart.markers[0].value() == epoch(FIRST_SESSION + dt.timedelta(weeks=weeks[0].week))
    chart.show_data([], [], sample_marks(), TimeAxis(), weeks)  # no course: nothing to anchor
    assert chart.markers == []
    assert not any(getattr(item, "label", None) for item in chart.plot_item.items)


def test_photo_markers_open_photos_here_too(qtbot: QtBot, chart: DensityChart) -> None:
    clinic = relative(CLINIC, CLINIC_FIGURES, EXOSOME, clinic=True)
    chart.show_data([clinic], [], sample_marks(), WEEKS)
    markers = chart.marks.photos
    x, y = markers.getData()
    with qtbot.waitSignal(chart.photo_requested) as asked:
        click_at(chart, x[0], y[0])
    assert asked.args == [7]  # the day's first photo


def test_renders_to_a_png(chart: DensityChart, tmp_path: Path) -> None:
    chart.show_data([], course_bands(Condition.AGA_MALE, EXOSOME), sample_marks(), WEEKS)
    QApplication.processEvents()
    exporter = pyqtgraph.exporters.ImageExporter(chart.plot_item)
    exporter.parameters()["width"] = 640
    out = tmp_path / "density.png"
    exporter.export(str(out))
    assert QImage(str(out)).width() == 640
