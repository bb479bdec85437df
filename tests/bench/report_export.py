"""Benchmark: the PDF summary of the demo journal, its GUI stalls, and the GUI thread's share.

``make bench`` runs it. Each round writes the summary of the demo journal (with its photos)
twice, in turn:

- ours: ``ReportJob``, inside a Qt event loop whose 10 ms heartbeat timer records the longest
  gap between ticks (the longest the window would freeze); the time the GUI thread spends
  drawing the charts is summed step by step;
- the baseline: only what any such summary must do: decode each region's first and latest
  photo at print size (Pillow, reduced), and print them with the same text to a PDF of the same
  pages (QTextDocument and QPdfWriter). No charts, no queries, no worker threads.

The median of the rounds is reported: the stall against its budget (under 50 ms, as for every
export), the time against the baseline, and the GUI thread's share of the whole.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.bench_table import Row, report
from tests.bench.heartbeat import STALL_BUDGET_MS

PRINT_SIDE = 1000


def demo_journal(folder: Path) -> Path:
    """The demo journal with its photos, written once and kept in ``folder`` between runs."""
    path = folder / "demo.hairjournal"
    if not path.exists():
        from hairjournal.services.demo import write_demo

        print("Writing the demo journal with its photos (once)…")
        folder.mkdir(parents=True, exist_ok=True)
        write_demo(path, seed=1, photos=True)
    return path


# -- the baseline -----------------------------------------------------------------------------


def baseline_report(journal: Path, target: Path) -> float:
    """Seconds to decode the photos a summary shows and print them with its text."""
    import sqlite3

    from PIL import Image, ImageOps
    from PySide6.QtCore import QUrl

    from hairjournal.services.report_html import ReportPage
    from hairjournal.services.report_pdf import Paper, print_pdf
    from hairjournal.ui.photo_images import to_qimage

    started = time.perf_counter()
    connection = sqlite3.connect(f"{journal.resolve().as_uri()}?mode=ro", uri=True)
    ids = [
        photo_id
        for row in connection.execute(
            "SELECT min(id), max(id) FROM photo GROUP BY region ORDER BY region"
        )
        for photo_id in row
    ]
    page = ReportPage("<html><body><h1>Baseline</h1>")
    for number, photo_id in enumerate(ids):
        (data,) = connection.execute(
            "SELECT data FROM photo_original WHERE photo_id = ?", (photo_id,)
        ).fetchone()
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (PRINT_SIDE, PRINT_SIDE))
        image = ImageOps.exif_transpose(image)
        image.thumbnail((PRINT_SIDE, PRINT_SIDE), Image.Resampling.LANCZOS, reducing_gap=2.0)
        url = f"report:photo/{number}"
        page.images[url] = to_qimage(image)
        page.html += f"<p>Photo {number}</p><img src='{QUrl(url).toString()}' width='320'>"
    connection.close()
    page.html += "<p>" + "Words of the summary. " * 2000 + "</p></body></html>"
    print_pdf(page, target, title="Baseline", footer="Baseline", paper=Paper.A4)
    return time.perf_counter() - started


# -- ours ---------------------------------------------------------------------------------------


def our_report(journal: Path, target: Path) -> tuple[float, float, float]:
    """Seconds for ``ReportJob``, the longest heartbeat gap in ms, and the GUI steps' seconds."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from hairjournal.store.journal import open_journal
    from hairjournal.ui import report_charts
    from hairjournal.ui.export_job import ReportJob
    from tests.bench.heartbeat import Heartbeat

    app = QApplication.instance() or QApplication([sys.argv[0]])
    gui_seconds: list[float] = []
    step = report_charts.ChartImages._next

    def timed_step(images: report_charts.ChartImages) -> None:
        began = time.perf_counter()
        step(images)
        gui_seconds.append(time.perf_counter() - began)

    report_charts.ChartImages._next = timed_step  # type: ignore[method-assign]
    loop = QEventLoop()
    endings: list[object] = []
    try:
        with open_journal(journal):
            job = ReportJob(target)
            job.finished.connect(lambda done: (endings.append(done), loop.quit()))
            job.failed.connect(lambda message: (endings.append(message), loop.quit()))
            with Heartbeat() as beat:
                job.start()
                loop.exec()
    finally:
        report_charts.ChartImages._next = step  # type: ignore[method-assign]
    app.processEvents()
    if not target.exists():
        raise RuntimeError(f"the summary was not written: {endings}")
    return beat.seconds, beat.longest_gap_ms, sum(gui_seconds)


# -- the run ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts")
    parser.add_argument("--cache", type=Path, default=Path("build/bench/demo"))
    parser.add_argument("--json", type=Path, default=Path("build/bench/report_export.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert app is not None
    journal = demo_journal(args.cache)
    journal.read_bytes()  # both sides read from the page cache, not the disk
    ours, baseline, stalls, gui = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="hairjournal-bench-") as folder:
        for number in range(args.rounds):
            baseline.append(baseline_report(journal, Path(folder) / f"base{number}.pdf"))
            seconds, stall, on_gui = our_report(journal, Path(folder) / f"ours{number}.pdf")
            ours.append(seconds)
            stalls.append(stall)
            gui.append(on_gui)
            print(
                f"round {number + 1}: ours {seconds:.2f} s ({1000 * on_gui:.0f} ms on the GUI "
                f"thread), baseline {baseline[-1]:.2f} s, longest stall {stall:.0f} ms"
            )
    ratio = statistics.median(ours) / statistics.median(baseline)
    share = statistics.median(g / o for g, o in zip(gui, ours, strict=True))
    rows = [
        Row(
            "PDF summary of the demo journal (4 regions' photos)",
            f"{statistics.median(ours):.2f} s",
            f"{statistics.median(baseline):.2f} s",
            f"{ratio:.2f}x",
            "(none set)",
            True,
        ),
        Row(
            "GUI thread's share (charts drawn in steps)",
            f"{1000 * statistics.median(gui):.0f} ms",
            "",
            f"{100 * share:.0f} %",
            "(none set)",
            True,
        ),
        Row(
            "longest GUI stall (10 ms heartbeat)",
            f"{max(stalls):.0f} ms",
            "",
            "",
            f"under {STALL_BUDGET_MS:.0f} ms",
            max(stalls) < STALL_BUDGET_MS,
        ),
    ]
    return report(
        rows,
        args.json,
        "report_export",
        {
            "rounds": args.rounds,
            "ours_seconds": ours,
            "baseline_seconds": baseline,
            "gui_seconds": gui,
            "ratio": ratio,
            "longest_stall_ms": max(stalls),
            "stall_budget_ms": STALL_BUDGET_MS,
        },
    )


if __name__ == "__main__":
    sys.exit(main())
