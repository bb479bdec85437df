"""The Charts view in the window: the demo journal's data plotted, the controls, photo clicks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.store import models
from hairjournal.ui.charts.axis import WEEKS_LABEL
from hairjournal.ui.charts_view import DISCLAIMER, ChartsView
from hairjournal.ui.history import History
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.ui.chart_samples import click_at, epoch
from tests.ui.conftest import read_journal
from tests.ui.photo_journal import write_photo_journal


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_path(path)
    main.show_view("charts")
    return main


@pytest.fixture
def demo(qtbot: QtBot, demo_path: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, demo_path)
    yield main
    main.close_journal()


def charts(window: MainWindow) -> ChartsView:
    view = window.views["charts"]
    assert isinstance(view, ChartsView)
    return view


def data_items(chart: pg.PlotWidget) -> dict[str, pg.GraphicsObject]:
    return {item.name(): item for item in chart.getPlotItem().listDataItems() if item.name()}


def test_the_shedding_chart_plots_the_journals_counts(demo: MainWindow, demo_path: Path) -> None:
    view = charts(demo)
    assert view.isVisible()
    rows = read_journal(
        demo_path,
        "SELECT date, value, wash_day FROM shed_count WHERE protocol = 'daily_total' ORDER BY date",
    )
    items = data_items(view.shedding)
    for name, wash in (("Daily total", 0), ("Daily total, wash day", 1)):
        x, y = items[name].getData()
        expected = [(d, v) for d, v, w in rows if w == wash]
        assert x.tolist() == [epoch(dt.date.fromisoformat(d)) for d, _v in expected]
        assert y.tolist() == [v for _d, v in expected]
    comb = read_journal(demo_path, "SELECT value FROM shed_count WHERE protocol = 'comb_60s'")
    assert len(items["60-second comb count, wash day"].getData()[1]) == len(comb)
    sessions = read_journal(demo_path, "SELECT date FROM session ORDER BY date")
    lines = view.shedding.marks.sessions.starts
    assert lines.tolist() == [epoch(dt.date.fromisoformat(d)) for (d,) in sessions]
    assert len(view.density.marks.events.starts) == 2  # the fever and the stress
    assert view.disclaimer.text() == DISCLAIMER
    assert view.disclaimer.isVisible()


def test_the_density_chart_shows_clinic_density_and_the_courses_bands(
    demo: MainWindow, demo_path: Path
) -> None:
    view = charts(demo)
    figures = read_journal(
        demo_path,
        "SELECT value FROM measurement WHERE kind = 'density_per_cm2' ORDER BY date",
    )
    _x, y = data_items(view.density)["Clinic density per cm²"].getData()
    first = figures[0][0]
    assert y.tolist() == pytest.approx([(v / first - 1) * 100 for (v,) in figures])
    assert view.chosen_course() is not None
    assert "Exosomes" in view.course.currentText()
    assert {b.name for b in view.density.bands} >= {"Oh et al. 2020, grade A"}


def test_the_axis_toggle_switches_to_weeks_since_the_first_session(
    qtbot: QtBot, demo: MainWindow, demo_path: Path
) -> None:
    view = charts(demo)
    ((first_session,),) = read_journal(demo_path, "SELECT min(date) FROM session")
    anchor = dt.date.fromisoformat(first_session)
    qtbot.mouseClick(view.weeks_button, Qt.MouseButton.LeftButton)
    assert view.weeks_button.isChecked()
    for chart in (view.shedding, view.density):
        bottom = chart.getPlotItem().getAxis("bottom")
        assert not isinstance(bottom, pg.DateAxisItem)
        assert bottom.labelText == WEEKS_LABEL
    QApplication.processEvents()  # the view ranges itself to weeks; only what is in view is drawn
    assert view.shedding.marks.sessions.starts[0] == 0.0
    x, _y = data_items(view.shedding)["Daily total"].getData()
    ((day,),) = read_journal(
        demo_path,
        "SELECT min(date) FROM shed_count WHERE protocol = 'daily_total' AND wash_day = 0",
    )
    assert x[0] == pytest.approx((dt.date.fromisoformat(day) - anchor).days / 7)
    (left, right), _ = view.shedding.getPlotItem().viewRange()
    assert -10 < left < 0 < right < 60  # weeks, not seconds

    qtbot.mouseClick(view.calendar_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert isinstance(view.shedding.getPlotItem().getAxis("bottom"), pg.DateAxisItem)
    (left, right), _ = view.shedding.getPlotItem().viewRange()
    assert epoch(anchor) - 60 * 86400 < left < epoch(anchor)


def test_protocol_boxes_choose_what_is_drawn(qtbot: QtBot, demo: MainWindow) -> None:
    view = charts(demo)
    box = view.protocol_boxes[ShedProtocol.DAILY_TOTAL]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    names = set(data_items(view.shedding))
    assert not {n for n in names if n.startswith("Daily total")}
    assert "60-second comb count, 7-day mean" in names


def test_a_new_count_appears_after_saving(demo: MainWindow, qtbot: QtBot) -> None:
    view = charts(demo)
    day = dt.date.today() + dt.timedelta(days=1)
    demo.history.add(
        models.ShedCount,
        {"date": day, "protocol": ShedProtocol.DAILY_TOTAL, "value": 321, "wash_day": False},
        "Add a count",
    )
    qtbot.waitUntil(lambda: 321.0 in data_items(view.shedding)["Daily total"].getData()[1].tolist())


def test_clicking_a_photo_marker_opens_that_photo(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "photos.hairjournal"
    ids = write_photo_journal(path)
    window = open_window(qtbot, path)
    try:
        view = charts(window)
        markers = view.shedding.marks.photos
        x, y = markers.getData()
        assert len(x) == 3  # three days with photos
        click_at(view.shedding, x[1], y[1])
        qtbot.waitUntil(lambda: window.current_view() == "photos")
        viewer = window.views["photos"].viewer
        assert viewer is not None
        assert viewer.current_id() == ids[2]  # the first photo of 6 April
        qtbot.waitUntil(lambda: not viewer.loading(), timeout=10_000)
        viewer.close()
    finally:
        window.close_journal()


def test_the_line_between_the_charts_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = ChartsView(History(), settings=settings)
    qtbot.addWidget(first)
    first.resize(900, 700)
    first.show()
    first.splitter.moveSplitter(200, 1)  # as dragging the handle does
    sizes = first.splitter.sizes()
    assert sizes[0] < sizes[1]

    again = ChartsView(History(), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    again.resize(900, 700)
    again.show()
    assert again.splitter.sizes() == sizes
