"""Benchmark: the gallery of 2,000 photos, its first screen of thumbnails, and memory scrolling.

``make bench`` runs it, on a journal of 2,000 photos (originals of 1 MB: the gallery must never
read them, so their size only makes the file realistic). Each round opens the Photos view on the
journal afresh, with an empty thumbnail cache, and times from ``refresh()`` until every
thumbnail of the first screen is decoded and painted. Then the grid is scrolled to the end, a
screen at a time, back to the top and down again, reading the process's resident memory at
each step: once the first pass has filled the thumbnail cache (it has a byte budget), the
passes after it must not take more memory than the first one's peak. Budgets: the first
screen under 150 ms; memory bounded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from hairjournal.store.journal import open_journal
from hairjournal.ui.gallery_model import CACHE_BYTES
from hairjournal.ui.history import History
from hairjournal.ui.photos_view import PhotosView
from tests.bench.bench_table import Row, report
from tests.bench.synthetic_journal import Size, journal

FIRST_SCREEN_BUDGET_MS = 150.0
WINDOW = (1100, 760)
PASSES = 3  # down, up, down again
GALLERY = Size(years=10, photos_per_year=200, original_bytes=2**20)  # 2,000 photos


def resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def settle(view: PhotosView) -> None:
    """Until the thumbnails asked for are decoded and shown."""
    while view.model.loading():
        QThreadPool.globalInstance().waitForDone(2)
        QApplication.processEvents()
    QApplication.processEvents()


def first_screen(history: History) -> float:
    """Seconds from opening the view to its first screen of thumbnails, painted."""
    view = PhotosView(history)
    view.resize(*WINDOW)
    view.show()
    QApplication.processEvents()
    started = time.perf_counter()
    view.refresh()
    QApplication.processEvents()  # the first paint asks for the thumbnails it shows
    settle(view)
    view.grid.viewport().repaint()
    seconds = time.perf_counter() - started
    view.close()
    view.deleteLater()
    QApplication.processEvents()
    return seconds


def scroll_memory(history: History, passes: int = PASSES) -> list[list[float]]:
    """Resident memory (MB) after each screen, scrolling to the end and back ``passes`` times."""
    view = PhotosView(history)
    view.resize(*WINDOW)
    view.show()
    view.refresh()
    QApplication.processEvents()
    settle(view)
    bar = view.grid.verticalScrollBar()
    readings = []
    for number in range(passes):
        down = number % 2 == 0
        step = bar.pageStep() if down else -bar.pageStep()
        this_pass = [resident_mb()]
        while (bar.value() < bar.maximum()) if down else (bar.value() > bar.minimum()):
            bar.setValue(bar.value() + step)
            QApplication.processEvents()
            settle(view)
            this_pass.append(resident_mb())
        readings.append(this_pass)
    view.close()
    return readings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the median counts")
    parser.add_argument("--json", type=Path, default=Path("build/bench/gallery.json"))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    path = journal(GALLERY)
    with open_journal(path):
        history = History()
        first_screen(history)  # warm up: imports, the file's pages in the disk cache
        times = [first_screen(history) for _ in range(args.rounds)]
        passes = scroll_memory(history)
    first_ms = statistics.median(times) * 1000
    # Bounded: the first pass fills the thumbnail cache (up to its byte budget); passes after
    # it, over the same 2,000 photos again, must not take memory beyond the first one's peak.
    start, first_peak = passes[0][0], max(passes[0])
    last_peak = max(max(one) for one in passes[1:])
    bounded = last_peak - first_peak < 0.25 * CACHE_BYTES / 2**20
    rows = [
        Row(
            f"gallery of {GALLERY.photos:,} photos: first screen of thumbnails",
            f"{first_ms:.0f} ms",
            "",
            "",
            f"under {FIRST_SCREEN_BUDGET_MS:.0f} ms",
            first_ms < FIRST_SCREEN_BUDGET_MS,
        ),
        Row(
            f"memory scrolling the whole gallery, {PASSES} passes (start, peak of first, of rest)",
            f"{start:.0f}, {first_peak:.0f}, {last_peak:.0f} MB",
            "",
            "",
            f"bounded (cache at most {CACHE_BYTES // 2**20} MB)",
            bounded,
        ),
    ]
    status = report(
        rows,
        args.json,
        "gallery",
        {
            "photos": GALLERY.photos,
            "first_screen_ms": first_ms,
            "first_screen_budget_ms": FIRST_SCREEN_BUDGET_MS,
            "resident_mb_by_pass": passes,
            "cache_budget_bytes": CACHE_BYTES,
        },
    )
    app.processEvents()
    return status


if __name__ == "__main__":
    sys.exit(main())
