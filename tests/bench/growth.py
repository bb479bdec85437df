"""Benchmark: how the dashboard, the charts and memory grow with the journal, at 1, 2 and 5 years.

``make bench`` runs it. For each size a fresh process opens the synthetic journal (see
``synthetic_journal``) and times, as medians of several rounds, reading and painting the
dashboard and the Charts view (which shows every day of the journal, so its cost should grow
in proportion to the days, no faster), then reads its resident memory. The dashboard shows a
fixed number of days and should not grow at all. Reported as a table (with the 5-year figure
against the 1-year one) and as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.bench.bench_table import Row, report

YEARS = (1.0, 2.0, 5.0)
WINDOW = (1280, 800)
# Budgets for how the 5-year figure may compare with the 1-year one: flat for the dashboard
# (it shows the same days), in proportion to the days for the charts (they show them all).
DASHBOARD_GROWTH = 1.5
CHARTS_GROWTH = 5.0 * 1.2


def child(path: Path, rounds: int) -> dict[str, float]:
    """Times (ms) of the dashboard and the Charts view refreshed and painted; memory (MB)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hairjournal.store.journal import open_journal
    from hairjournal.ui.charts_view import ChartsView
    from hairjournal.ui.dashboard_view import DashboardView
    from hairjournal.ui.history import History

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with open_journal(path):
        history = History()
        results = {}
        for name, view in (("dashboard", DashboardView(history)), ("charts", ChartsView(history))):
            view.resize(*WINDOW)
            view.show()

            def once(view: object = view) -> None:
                view.refresh()  # type: ignore[attr-defined]
                view.repaint()  # type: ignore[attr-defined]
                app.processEvents()

            results[f"{name}_ms"] = _median_ms(once, rounds)
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        results["resident_mb"] = pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    return results


def _median_ms(run: Callable[[], None], rounds: int) -> float:
    run()  # warm up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the median counts")
    parser.add_argument("--json", type=Path, default=Path("build/bench/growth.json"))
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child, args.rounds)))
        return 0

    from tests.bench.synthetic_journal import Size, journal

    by_size = {}
    for years in YEARS:
        path = journal(Size(years=years))
        command = [sys.executable, "-m", "tests.bench.growth", "--child", str(path)]
        finished = subprocess.run(
            [*command, "--rounds", str(args.rounds)],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        by_size[years] = json.loads(finished.stdout.strip().splitlines()[-1])
    first, last = by_size[YEARS[0]], by_size[YEARS[-1]]
    rows = []
    for key, what, budget in (
        ("dashboard_ms", "dashboard read and painted", DASHBOARD_GROWTH),
        ("charts_ms", "Charts view read and painted", CHARTS_GROWTH),
    ):
        growth = last[key] / first[key]
        rows.append(
            Row(
                f"{what}: " + ", ".join(f"{y:g} y" for y in YEARS),
                ", ".join(f"{by_size[y][key]:.0f}" for y in YEARS) + " ms",
                "",
                f"{growth:.2f}x",
                f"5 y within {budget:g}x of 1 y",
                growth <= budget,
            )
        )
    memory = ", ".join(f"{by_size[y]['resident_mb']:.0f}" for y in YEARS)
    growth = last["resident_mb"] / first["resident_mb"]
    rows.append(
        Row(
            "memory with both views open: " + ", ".join(f"{y:g} y" for y in YEARS),
            f"{memory} MB",
            "",
            f"{growth:.2f}x",
            "5 y within 1.5x of 1 y",
            growth <= 1.5,
        )
    )
    details = {"years": list(YEARS), "by_size": {str(y): by_size[y] for y in YEARS}}
    return report(rows, args.json, "growth", details)


if __name__ == "__main__":
    sys.exit(main())
