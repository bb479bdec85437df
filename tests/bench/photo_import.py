"""Benchmark: importing 12-megapixel JPEGs, against the work no import can avoid, and GUI stalls.

``make bench`` runs it. Each round imports the same photos twice, in turn:

- ours: ``PhotoImportJob`` into a new journal, inside a Qt event loop whose 10 ms heartbeat
  timer records the longest gap between ticks (the longest the window would freeze);
- the baseline: only what any import must do, on the same number of worker processes: read
  each file, sha256 it, decode it reduced (``draft``), make the thumbnail, and write the file's
  bytes and the thumbnail to SQLite (WAL, synchronous=FULL, one transaction per photo, as the
  journal must). Nothing else: no checks, no EXIF, no duplicates, no Qt.

The median of the rounds is reported against the performance budget (within 1.15x of the
baseline; no stall of 50 ms or more), as a table and as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps

from tests.bench.bench_table import Row, cpu_busy, proc_stat_ticks, report
from tests.bench.heartbeat import STALL_BUDGET_MS

PHOTO_SIZE = (4000, 3000)
THUMBNAIL_SIDE = 384  # as services.photo_decode makes them
RATIO_BUDGET = 1.15


def make_photos(folder: Path, count: int) -> list[Path]:
    """``count`` distinct scalp-like 12-megapixel camera JPEGs, kept in ``folder`` between runs."""
    from hairjournal.core.enums import ScalpRegion
    from hairjournal.services.demo_photos import REGIONS, DemoPhoto, write_photo

    folder.mkdir(parents=True, exist_ok=True)
    wanted = []
    for number in range(count):
        taken = dt.datetime(2026, 1, 1, 8) + dt.timedelta(days=7 * number)
        region: ScalpRegion = REGIONS[number % len(REGIONS)]
        wanted.append(DemoPhoto(region, 900 + number, number, number / max(1, count - 1), taken))
    missing = [p for p in wanted if not (folder / f"{p.region.value}-{p.file_name}").exists()]
    if missing:
        print(f"Generating {len(missing)} photos of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} (once)…")
        with ProcessPoolExecutor(os.cpu_count()) as pool:
            list(pool.map(write_photo, missing, [folder] * len(missing)))
    return [folder / f"{p.region.value}-{p.file_name}" for p in wanted]


# -- the baseline -----------------------------------------------------------------------------


def _unavoidable(path: Path) -> tuple[str, bytes, bytes]:
    """Read, hash, reduced decode, thumbnail: the least an import does per photo."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    image = Image.open(io.BytesIO(data))
    image.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    image = ImageOps.exif_transpose(image)
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    return digest, data, out.getvalue()


def baseline_import(files: Sequence[Path], database: Path, workers: int) -> float:
    """Seconds for the unavoidable work on ``files``, on ``workers`` processes."""
    import multiprocessing

    started = time.perf_counter()
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA synchronous=full")
    connection.execute("CREATE TABLE photo (sha256 TEXT UNIQUE, thumbnail BLOB, data BLOB)")
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for digest, data, thumbnail in pool.map(_unavoidable, files):
            connection.execute("BEGIN")
            connection.execute("INSERT INTO photo VALUES (?, ?, ?)", (digest, thumbnail, data))
            connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started


# -- ours ---------------------------------------------------------------------------------------


def our_import(files: Sequence[Path], journal: Path) -> tuple[float, float]:
    """Seconds for ``PhotoImportJob`` on ``files``, and the longest heartbeat gap in ms."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from hairjournal.core.enums import Condition, ScalpRegion
    from hairjournal.services.photo_import import Outcome
    from hairjournal.services.photo_import_job import PhotoImportJob
    from hairjournal.store.journal import create_journal
    from tests.bench.heartbeat import Heartbeat

    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = QEventLoop()
    results: list[object] = []
    with create_journal(journal, title="Bench", condition=Condition.AGA_MALE):
        job = PhotoImportJob(files, ScalpRegion.VERTEX)
        job.finished.connect(lambda found: (results.extend(found), loop.quit()))
        job.failed.connect(lambda message: (results.append(message), loop.quit()))
        with Heartbeat() as beat:
            job.start()
            loop.exec()
    app.processEvents()
    imported = [r for r in results if getattr(r, "outcome", None) is Outcome.IMPORTED]
    if len(imported) != len(files):
        raise RuntimeError(f"only {len(imported)} of {len(files)} imported: {results[:3]}")
    return beat.seconds, beat.longest_gap_ms


# -- the run ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=50, help="how many photos (default 50)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts")
    parser.add_argument("--cache", type=Path, default=Path("build/bench/photos"))
    parser.add_argument("--json", type=Path, default=Path("build/bench/photo_import.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    files = make_photos(args.cache, args.photos)
    workers = max(1, min(len(files), os.cpu_count() or 1))
    for path in files:
        path.read_bytes()  # both sides read from the page cache, not the disk
    ours, baseline, stalls, busy = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="hairjournal-bench-") as folder:
        for number in range(args.rounds):
            baseline.append(baseline_import(files, Path(folder) / f"base{number}.db", workers))
            before = proc_stat_ticks()
            seconds, stall = our_import(files, Path(folder) / f"ours{number}.hairjournal")
            busy.append(cpu_busy(before, proc_stat_ticks()))
            ours.append(seconds)
            stalls.append(stall)
            print(
                f"round {number + 1}: ours {seconds:.2f} s, baseline {baseline[-1]:.2f} s, "
                f"longest stall {stall:.0f} ms"
            )
    ratio = statistics.median(ours) / statistics.median(baseline)
    cores = statistics.median(busy) if all(b is not None for b in busy) else None
    rows = [
        Row(
            f"import {len(files)} photos of 12 MP",
            f"{statistics.median(ours):.2f} s",
            f"{statistics.median(baseline):.2f} s",
            f"{ratio:.2f}x",
            f"within {RATIO_BUDGET}x",
            ratio <= RATIO_BUDGET,
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
    if cores is not None:
        rows.append(
            Row(
                "cores busy during our import",
                f"{cores:.2f}",
                "",
                "",
                f"all {workers}",
                cores >= 0.75 * workers,
            )
        )
    return report(
        rows,
        args.json,
        "photo_import",
        {
            "photos": len(files),
            "photo_size": list(PHOTO_SIZE),
            "workers": workers,
            "rounds": args.rounds,
            "ours_seconds": ours,
            "baseline_seconds": baseline,
            "ratio": ratio,
            "ratio_budget": RATIO_BUDGET,
            "longest_stall_ms": max(stalls),
            "stall_budget_ms": STALL_BUDGET_MS,
            "cores_busy": cores,
        },
    )


if __name__ == "__main__":
    sys.exit(main())
