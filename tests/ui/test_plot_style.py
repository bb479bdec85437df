"""The charts take their colours from the palette and follow a change between light and dark."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.ui.charts.chart_decorations import PHOTO_COLOUR, PHOTO_COLOUR_ON_DARK
from hairjournal.ui.charts_view import ChartsView
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.style import ColourScheme, dark_palette

Role = QPalette.ColorRole


@pytest.fixture
def scheme(qapp: QApplication) -> Iterator[ColourScheme]:
    """What the app installs (``app.create_application``); the palette is put back after."""
    before = QPalette(qapp.palette())
    follower = ColourScheme(qapp)
    yield follower
    qapp.setPalette(before)
    follower.setParent(None)


@pytest.fixture
def charts(window: MainWindow, scheme: ColourScheme) -> ChartsView:
    window.show_view("charts")
    view = window.views["charts"]
    assert isinstance(view, ChartsView)
    return view


def brush_colour(value: object) -> QColor:
    return pg.mkBrush(value).color()


def look(chart: pg.PlotWidget) -> dict[str, QColor]:
    """The colours a person sees on ``chart``."""
    plot = chart.getPlotItem()
    _sample, first_label = plot.legend.items[0]
    return {
        "background": chart.backgroundBrush().color(),
        "axis text": plot.getAxis("left").textPen().color(),
        "axis line": plot.getAxis("bottom").pen().color(),
        "legend text": pg.mkColor(first_label.opts["color"]),
        "sessions": pg.mkPen(chart.marks.sessions.opts["pen"]).color(),
        "events": brush_colour(chart.marks.events.opts["brush"]),
        "photos": brush_colour(chart.marks.photos.opts["brush"]),
    }


def test_the_charts_follow_a_change_to_dark_and_back(
    qtbot: QtBot, qapp: QApplication, charts: ChartsView
) -> None:
    light = QPalette(qapp.palette())
    dark = dark_palette()
    for chart in (charts.shedding, charts.density):
        colours = look(chart)
        assert colours["background"] == light.color(Role.Base)
        assert colours["axis text"] == light.color(Role.WindowText)
        assert colours["photos"] == PHOTO_COLOUR

    qapp.setPalette(dark)  # as when the desktop switches to dark while the app runs
    for chart in (charts.shedding, charts.density):
        qtbot.waitUntil(lambda c=chart: look(c)["background"] == dark.color(Role.Base))
        colours = look(chart)
        assert colours["axis text"] == dark.color(Role.WindowText)
        assert colours["axis line"] == dark.color(Role.WindowText)
        assert colours["legend text"] == dark.color(Role.WindowText)
        assert colours["photos"] == PHOTO_COLOUR_ON_DARK
        # Blended with the dark background now: dim, not light blocks on a dark chart.
        assert colours["events"].lightness() < 100
        assert colours["sessions"].lightness() < 140
    # The 60-second count's normal range is drawn in the sample journal; it is dark too.
    comb = charts.shedding.ranges[ShedProtocol.COMB_60S]
    assert brush_colour(comb.region.brush).lightness() < 80

    qapp.setPalette(light)
    qtbot.waitUntil(lambda: look(charts.shedding)["background"] == light.color(Role.Base))
    assert look(charts.shedding)["photos"] == PHOTO_COLOUR
    assert brush_colour(comb.region.brush).lightness() > 200


def test_a_chart_made_in_dark_is_dark(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, scheme: ColourScheme
) -> None:
    dark = dark_palette()
    qapp.setPalette(dark)
    qtbot.waitUntil(lambda: not scheme.restyle_pending)
    window.show_view("charts")  # made now, under the dark palette
    view = window.views["charts"]
    assert isinstance(view, ChartsView)
    colours = look(view.shedding)
    assert colours["background"] == dark.color(Role.Base)
    assert colours["photos"] == PHOTO_COLOUR_ON_DARK
    assert colours["events"].lightness() < 100
