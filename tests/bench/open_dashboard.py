"""Benchmark: starting the app on a five-year journal until the dashboard is painted.

``make bench`` runs it. Each round starts two fresh processes, in turn, and times each from the
moment it is started to the end of its window's first paint:

- ours: ``python -m tests.bench.open_dashboard --child ours JOURNAL``, which starts the app as
  ``hairjournal --journal JOURNAL`` does (the main window, the journal opened from inside the
  event loop) and waits for the dashboard's first paint;
- the baseline: ``--child bare``, a bare PySide6 + pyqtgraph window of the same size plotting
  3,650 points, waiting for its first paint.

Each child's peak memory (its maximum resident set) is read when it ends. The median of the
rounds is reported against the budget (within 1.3x of the baseline) as a table and as JSON.
Run with ``--years 1 2 5`` it reports how start-up time and memory grow with the journal.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.bench_table import Row, report

RATIO_BUDGET = 1.3
WINDOW = (1280, 800)
POINTS = 3650
PAINTED = "painted"


@dataclass(frozen=True)
class Start:
    seconds: float
    peak_mb: float


def start(arguments: list[str], environment: dict[str, str]) -> Start:
    """Run a child until it exits; how long until it said it was painted, and its peak memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.open_dashboard", *arguments],
        stdout=subprocess.PIPE,
        env=environment,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    painted = time.perf_counter() - started
    child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if line.strip() != PAINTED or child.returncode != 0:
        raise RuntimeError(f"{arguments[1]} child failed ({child.returncode}): {line!r}")
    return Start(painted, usage.ru_maxrss / 1024)  # Linux gives kilobytes


def child_ours(path: Path) -> int:
    """Start as ``hairjournal --journal path`` does; print when the dashboard is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from hairjournal.app import create_application
    from hairjournal.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(settings=None)
    window.resize(*WINDOW)
    dashboard = window.views["dashboard"]

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.journal is not None:
                QTimer.singleShot(0, app.quit)  # once this paint has finished
            return False

    watcher = FirstPaint()
    dashboard.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(0, lambda: window.start(path))
    app.exec()
    print(PAINTED, flush=True)
    window.close_journal()
    return 0


def child_bare() -> int:
    """A bare PySide6 + pyqtgraph window plotting ``POINTS`` points; print when first painted."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    plot = pg.PlotWidget()
    plot.resize(*WINDOW)
    rng = np.random.default_rng(1)
    plot.plot(np.arange(POINTS, dtype=float), rng.normal(90, 20, POINTS), pen=None, symbol="o")

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    plot.viewport().installEventFilter(watcher)
    plot.show()
    app.exec()
    print(PAINTED, flush=True)
    return 0


def measure(path: Path, rounds: int) -> tuple[Start, Start]:
    """The medians of ``rounds`` starts of each, in turn, with private settings folders."""
    with tempfile.TemporaryDirectory() as home:
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[name] = str(Path(home) / name.lower())
        ours_runs, bare_runs = [], []
        start(["--child", "bare"], environment)  # warm the disk cache for both
        start(["--child", "ours", str(path)], environment)
        for _ in range(rounds):
            ours_runs.append(start(["--child", "ours", str(path)], environment))
            bare_runs.append(start(["--child", "bare"], environment))
    return _median(ours_runs), _median(bare_runs)


def _median(runs: list[Start]) -> Start:
    return Start(
        statistics.median(r.seconds for r in runs), statistics.median(r.peak_mb for r in runs)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("ours", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("journal", nargs="?", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=7, help="rounds; the median counts")
    parser.add_argument(
        "--years", type=float, nargs="+", default=[5.0], help="journal sizes in years"
    )
    parser.add_argument("--json", type=Path, default=Path("build/bench/open_dashboard.json"))
    args = parser.parse_args(argv)
    if args.child == "ours":
        return child_ours(args.journal)
    if args.child == "bare":
        return child_bare()

    # Imported here, not at the top: the children must not pay for what only the parent needs.
    from tests.bench.synthetic_journal import Size, journal

    rows, results = [], []
    for years in args.years:
        size = Size(years=years)
        ours, bare = measure(journal(size), args.rounds)
        ratio = ours.seconds / bare.seconds
        met = ratio <= RATIO_BUDGET
        rows.append(
            Row(
                f"open a {years:g}-year journal to a painted dashboard",
                f"{ours.seconds * 1000:.0f} ms",
                f"{bare.seconds * 1000:.0f} ms",
                f"{ratio:.2f}x",
                f"within {RATIO_BUDGET}x",
                met,
            )
        )
        rows.append(
            Row(
                f"peak memory, {years:g}-year journal open",
                f"{ours.peak_mb:.0f} MB",
                f"{bare.peak_mb:.0f} MB",
                f"{ours.peak_mb / bare.peak_mb:.2f}x",
                "",
                True,
            )
        )
        results.append(
            {
                "years": years,
                "days": size.days,
                "photos": size.photos,
                "ours_ms": ours.seconds * 1000,
                "baseline_ms": bare.seconds * 1000,
                "ratio": ratio,
                "ours_peak_mb": ours.peak_mb,
                "baseline_peak_mb": bare.peak_mb,
                "met": met,
            }
        )
    return report(
        rows, args.json, "open_dashboard", {"ratio_budget": RATIO_BUDGET, "runs": results}
    )


if __name__ == "__main__":
    sys.exit(main())
