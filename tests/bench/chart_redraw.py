"""Benchmark: redrawing the shedding chart with ten years of days, against a bare pyqtgraph plot.

``make bench`` runs it. Each round, in turn:

- ours: ``SheddingChart.show_data`` with 3,650 daily 60-second comb counts (wash days marked),
  their 7-day mean (worked out once beforehand, as the Charts view does), the normal range
  band, 120 sessions, 20 events and 120 photo markers, then a paint of the widget;
- the baseline: a bare ``PlotWidget`` given the same 3,650 points by ``setData`` (as symbols,
  no line), then a paint of the widget at the same size.

The median of the rounds is reported against the performance budget (under 16 ms, within 1.5x of
the baseline), as a table and as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from hairjournal.core.enums import EventKind, ShedProtocol
from hairjournal.store.chart_data import EventSpan, PhotoDay, ShedSeries
from hairjournal.ui.charts.axis import TimeAxis
from hairjournal.ui.charts.chart_decorations import Marks
from hairjournal.ui.charts.shedding_chart import SheddingChart, with_means
from tests.bench.bench_table import Row, report

DAYS = 3650
SIZE = (1100, 420)
TIME_BUDGET_MS = 16.0
RATIO_BUDGET = 1.5
START = dt.date(2016, 1, 1)


def ten_years() -> tuple[ShedSeries, Marks]:
    rng = np.random.default_rng(7)
    days = np.datetime64(START, "D") + np.arange(DAYS)
    values = np.round(rng.lognormal(np.log(14), 0.3, DAYS))
    wash = np.arange(DAYS) % 3 == 0
    series = ShedSeries(ShedProtocol.COMB_60S, days, values, wash)
    month_days = [START + dt.timedelta(days=int(d)) for d in np.arange(0, DAYS, 30.4)][:120]
    events = [
        EventSpan(
            EventKind.STRESS, START + dt.timedelta(days=d), START + dt.timedelta(days=d + 9), ""
        )
        for d in range(60, DAYS, 180)
    ][:20]
    photos = [PhotoDay(day, (number,)) for number, day in enumerate(month_days, 1)]
    return series, Marks([(day, 1) for day in month_days], events, photos)


def paint(widget: pg.PlotWidget) -> None:
    """Let the event loop lay out and repaint ``widget``, as it does on screen after a change."""
    widget.viewport().update()
    QApplication.processEvents()


def timed(run: Callable[[], None], rounds: int) -> list[float]:
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds; the median counts")
    parser.add_argument("--json", type=Path, default=Path("build/bench/chart_redraw.json"))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    series, marks = ten_years()
    started = time.perf_counter()
    lines = with_means([series])
    mean_ms = (time.perf_counter() - started) * 1000

    chart = SheddingChart()
    chart.resize(*SIZE)
    chart.show()
    axis = TimeAxis()

    bare = pg.PlotWidget()
    bare.resize(*SIZE)
    bare.show()
    item = pg.PlotDataItem(pen=None, symbol="o", symbolSize=5)
    bare.addItem(item)
    x = axis.x(series.days)

    def ours() -> None:
        chart.show_data(lines, marks, axis)
        paint(chart)

    def baseline() -> None:
        item.setData(x, series.values)
        paint(bare)

    for run in (ours, baseline):
        timed(run, 3)  # warm up: first paints build caches both sides keep
    ours_s, baseline_s = [], []
    for _ in range(args.rounds):  # in turn, so a slow moment hits both sides alike
        ours_s += timed(ours, 1)
        baseline_s += timed(baseline, 1)
    ours_ms = statistics.median(ours_s) * 1000
    baseline_ms = statistics.median(baseline_s) * 1000
    ratio = ours_ms / baseline_ms
    rows = [
        Row(
            f"redraw the shedding chart, {DAYS:,} days",
            f"{ours_ms:.1f} ms",
            f"{baseline_ms:.1f} ms",
            f"{ratio:.2f}x",
            f"under {TIME_BUDGET_MS:.0f} ms, within {RATIO_BUDGET}x",
            ours_ms < TIME_BUDGET_MS and ratio <= RATIO_BUDGET,
        ),
        Row("7-day mean, worked out once per read", f"{mean_ms:.1f} ms", "", "", "", True),
    ]
    status = report(
        rows,
        args.json,
        "chart_redraw",
        {
            "days": DAYS,
            "size": list(SIZE),
            "rounds": args.rounds,
            "ours_ms": ours_ms,
            "baseline_ms": baseline_ms,
            "ratio": ratio,
            "time_budget_ms": TIME_BUDGET_MS,
            "ratio_budget": RATIO_BUDGET,
            "rolling_mean_ms": mean_ms,
        },
    )
    chart.close()
    bare.close()
    app.processEvents()
    return status


if __name__ == "__main__":
    sys.exit(main())
