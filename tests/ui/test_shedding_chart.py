"""The shedding chart: plotted counts, wash days, the 7-day mean, normal ranges, axis, markers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.statistics import rolling_mean
from hairjournal.ui.charts.axis import WEEKS_LABEL, AxisMode, TimeAxis
from hairjournal.ui.charts.chart_decorations import PHOTO_NAME
from hairjournal.ui.charts.shedding_chart import SheddingChart, with_means
from tests.ui.chart_samples import (
    FIRST_SESSION,
    click_at,
    epoch,
    sample_marks,
    sample_series,
)

CALENDAR = TimeAxis()
WEEKS = TimeAxis(AxisMode.WEEKS, FIRST_SESSION)


@pytest.fixture
def chart(qtbot: QtBot) -> SheddingChart:
    widget = SheddingChart()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def by_name(chart: SheddingChart) -> dict[str, pg.GraphicsObject]:
    return {item.name(): item for item in chart.plot_item.listDataItems() if item.name()}


def test_points_split_by_wash_day_equal_the_series(chart: SheddingChart) -> None:
    series = sample_series()
    chart.show_data(with_means(series), sample_marks(), CALENDAR)
    items = by_name(chart)
    daily = series[0]
    x, y = items["Daily total"].getData()
    assert x.tolist() == [epoch(d) for d in daily.days[~daily.wash].tolist()]
    assert y.tolist() == daily.values[~daily.wash].tolist()
    x, y = items["Daily total, wash day"].getData()
    assert y.tolist() == daily.values[daily.wash].tolist()
    assert items["Daily total, wash day"].opts["symbol"] != items["Daily total"].opts["symbol"]
    assert "60-second comb count" not in items  # every comb count is on a wash day: no empty entry
    assert (
        items["60-second comb count, wash day"].getData()[1].tolist() == series[1].values.tolist()
    )


def test_the_mean_line_is_the_rolling_7_day_mean(chart: SheddingChart) -> None:
    daily = sample_series()[0]
    chart.show_data(with_means([daily]), sample_marks(), CALENDAR)
    x, y = by_name(chart)["Daily total, 7-day mean"].getData()
    expected = rolling_mean(daily.days.tolist(), daily.values.tolist())
    assert x.tolist() == [epoch(day) for day, _mean in expected]
    assert y.tolist() == pytest.approx([mean for _day, mean in expected])


def test_normal_ranges_follow_the_evidence_and_daily_totals_get_none(chart: SheddingChart) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), CALENDAR)
    assert set(chart.ranges) == {ShedProtocol.COMB_60S}
    comb = chart.ranges[ShedProtocol.COMB_60S]
    assert comb.region.getRegion() == (0, 78)
    assert "Wasko 2008, grade B" in comb.region.toolTip()
    assert "mean 10.2" in comb.region.toolTip()
    legend = [label.text for _sample, label in chart.plot_item.legend.items]
    assert "60-s comb normal 0-78 (Wasko 2008, B)" in legend

    only_daily = [
        line
        for line in with_means(sample_series())
        if line.series.protocol != ShedProtocol.COMB_60S
    ]
    chart.show_data(only_daily, sample_marks(), CALENDAR)
    assert chart.ranges == {}
    assert comb.region not in chart.plot_item.items
    assert not any("normal" in label.text for _sample, label in chart.plot_item.legend.items)


def test_the_wash_test_range_is_27_9_plus_or_minus_12_2(chart: SheddingChart) -> None:
    days = np.datetime64("2026-03-01") + np.arange(3)
    wash = sample_series()[1].__class__(
        ShedProtocol.WASH_TEST, days, np.array([30.0, 25.0, 41.0]), np.ones(3, dtype=bool)
    )
    chart.show_data(with_means([wash]), sample_marks(), CALENDAR)
    low, high = chart.ranges[ShedProtocol.WASH_TEST].region.getRegion()
    assert (low, high) == pytest.approx((15.7, 40.1))
    assert "Li 2022, grade B" in chart.ranges[ShedProtocol.WASH_TEST].region.toolTip()


def test_only_the_chosen_protocols_are_drawn(chart: SheddingChart) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), CALENDAR, {ShedProtocol.COMB_60S})
    names = set(by_name(chart))
    assert names == {
        "60-second comb count, wash day",
        "60-second comb count, 7-day mean",
        PHOTO_NAME,
    }
    assert set(chart.ranges) == {ShedProtocol.COMB_60S}


def test_weeks_axis_counts_from_the_first_session(chart: SheddingChart) -> None:
    lines = with_means(sample_series())
    chart.show_data(lines, sample_marks(), CALENDAR)
    assert isinstance(chart.plot_item.getAxis("bottom"), pg.DateAxisItem)

    chart.show_data(lines, sample_marks(), WEEKS)
    bottom = chart.plot_item.getAxis("bottom")
    assert not isinstance(bottom, pg.DateAxisItem)
    assert bottom.labelText == WEEKS_LABEL
    daily = sample_series()[0]
    x, _y = by_name(chart)["Daily total, wash day"].getData()
    wash_days = (daily.days[daily.wash] - np.datetime64(FIRST_SESSION, "D")).astype(int)
    assert wash_days[0] == -14  # the first day, two weeks before the first session
    assert x.tolist() == pytest.approx((wash_days / 7).tolist())
    assert chart.marks.sessions.starts.tolist() == [0.0, 3.0]
    QApplication.processEvents()
    (left, right), _ = chart.plot_item.viewRange()
    assert left <= -2  # weeks now, not seconds since 1970
    assert 3.7 <= right < 10


def test_events_are_shaded_spans_and_sessions_lines(chart: SheddingChart) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), WEEKS)
    events = chart.marks.events
    assert events.starts.tolist() == pytest.approx([5 / 7])  # 20 to 23 March, the last day whole
    assert events.ends.tolist() == pytest.approx([9 / 7])
    assert events.text_at(1.0) == "Illness or fever: 20 Mar 2026 to 23 Mar 2026"
    assert events.text_at(2.0) == ""
    assert chart.marks.sessions.text_at(3.0) == "Session on 5 Apr 2026"
    x0 = events.opts["x0"]
    assert list(x0) == pytest.approx([5 / 7])  # what the item draws


def test_clicking_a_photo_marker_asks_for_that_photo(qtbot: QtBot, chart: SheddingChart) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), WEEKS)
    markers = chart.marks.photos
    x, y = markers.getData()
    assert x.tolist() == pytest.approx([-13 / 7, 15 / 7])
    with qtbot.assertNotEmitted(chart.photo_requested):
        click_at(chart, (x[0] + x[1]) / 2, y[1])  # between the markers
    with qtbot.waitSignal(chart.photo_requested) as asked:
        click_at(chart, x[1], y[1])
    assert asked.args == [9]


def test_hovering_a_point_tells_its_value_and_day(chart: SheddingChart) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), CALENDAR)
    item = by_name(chart)["Daily total"]
    tip = item.scatter.opts["tip"](x=epoch(FIRST_SESSION), y=83.0, data=None)
    assert tip == "Daily total: 83\n15 Mar 2026"


def test_renders_to_a_png(chart: SheddingChart, tmp_path: Path) -> None:
    chart.show_data(with_means(sample_series()), sample_marks(), CALENDAR)
    QApplication.processEvents()  # tick labels are laid out from the event loop
    exporter = pyqtgraph.exporters.ImageExporter(chart.plot_item)
    exporter.parameters()["width"] = 800
    out = tmp_path / "shedding.png"
    exporter.export(str(out))
    image = QImage(str(out))
    assert image.width() == 800
    assert image.height() > 200
