"""Chart inputs with known values, and a real mouse click on a plotted point, for chart tests."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from hairjournal.core.enums import EventKind, ShedProtocol
from hairjournal.store.chart_data import EventSpan, PhotoDay, ShedSeries
from hairjournal.ui.charts.chart_decorations import Marks

START = dt.date(2026, 3, 1)
FIRST_SESSION = dt.date(2026, 3, 15)


def days(count: int, start: dt.date = START) -> np.ndarray:
    return np.datetime64(start, "D") + np.arange(count)


def sample_series() -> list[ShedSeries]:
    """Six weeks of daily totals (every third day a wash day) and a comb count on wash days."""
    count = 42
    daily_days = days(count)
    wash = np.arange(count) % 3 == 0
    daily = ShedSeries(
        ShedProtocol.DAILY_TOTAL, daily_days, 80.0 + (np.arange(count) % 5) * 3, wash
    )
    comb = ShedSeries(
        ShedProtocol.COMB_60S,
        daily_days[wash],
        12.0 + np.arange(wash.sum()),
        np.ones(wash.sum(), dtype=bool),
    )
    return [daily, comb]


def sample_marks() -> Marks:
    return Marks(
        sessions=[(FIRST_SESSION, 1), (dt.date(2026, 4, 5), 1)],
        events=[EventSpan(EventKind.ILLNESS_FEVER, dt.date(2026, 3, 20), dt.date(2026, 3, 23), "")],
        photos=[
            PhotoDay(dt.date(2026, 3, 2), (7, 8)),
            PhotoDay(dt.date(2026, 3, 30), (9,)),
        ],
    )


def epoch(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()


def click_at(widget: pg.PlotWidget, x: float, y: float) -> None:
    """Press and release the left button over the data position (x, y), as a user would.

    Sent as events rather than with QTest, which warns that the view did not accept them
    (pyqtgraph's scene takes the click without marking the viewport's event accepted).
    """
    QApplication.processEvents()
    scene_point = widget.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    local = QPointF(widget.mapFromScene(scene_point))
    viewport = widget.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(
            kind, local, viewport.mapToGlobal(local), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)
    QApplication.processEvents()
