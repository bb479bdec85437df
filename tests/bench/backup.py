"""Benchmark: backing up a large journal, against copying its file, and GUI stalls meanwhile.

``make bench`` runs it. A journal of about 2 GB is built once (kept in build/bench between runs):
the real schema, with photo originals of 5 MB of random bytes each (incompressible, as camera
files are) and a thumbnail each. Each round then, in turn:

- the baseline: ``shutil.copyfile`` of the journal file (after a checkpoint, so the file is
  the whole journal), then an fsync of the copy, so that both sides end with the copy on disk;
- ours: ``back_up``: the online backup API in steps inside one read transaction, the fsync,
  ``quick_check`` and the journal checks of the copy, the rename, and pruning.

A last run takes the backup as the window does, as a ``BackupJob`` on the thread pool, inside
a Qt event loop whose 10 ms heartbeat timer records the longest gap between ticks (the longest
the window would freeze). The median of the rounds' ratios is reported against the
performance budget (within 1.2x of the copy; no stall of 50 ms or more), as a table and as JSON;
the ratio to the copy without its fsync is shown too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.bench_table import Row, report
from tests.bench.heartbeat import STALL_BUDGET_MS

PHOTO_BYTES = 5_000_000
RATIO_BUDGET = 1.2


def build_journal(path: Path, size_gb: float) -> Path:
    """A journal of about ``size_gb`` GB of photo originals, kept at ``path`` between runs."""
    from hairjournal.core.enums import Condition
    from hairjournal.store.journal import create_journal

    photos = max(1, round(size_gb * 1e9 / PHOTO_BYTES))
    if path.exists() and path.stat().st_size >= photos * PHOTO_BYTES:
        return path
    print(f"Building a journal of {photos} photos of {PHOTO_BYTES / 1e6:.0f} MB (once)…")
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with create_journal(path, title="Large journal", condition=Condition.AGA_MALE):
        pass
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA synchronous=off")  # built once; durability is not measured here
    taken = dt.datetime(2020, 1, 1, 8)
    for number in range(photos):
        data = os.urandom(PHOTO_BYTES)
        connection.execute("BEGIN")
        cursor = connection.execute(
            "INSERT INTO photo (taken_at, region, sha256, format, width, height, original_name, "
            "notes, imported_at, thumbnail) VALUES (?, 'vertex', ?, 'JPEG', 4000, 3000, ?, '', "
            "?, ?)",
            (
                (taken + dt.timedelta(days=7 * number)).isoformat(" "),
                hashlib.sha256(data).hexdigest(),
                f"IMG_{number:04d}.jpg",
                taken.isoformat(" "),
                data[:40_000],
            ),
        )
        connection.execute(
            "INSERT INTO photo_original (photo_id, data) VALUES (?, ?)", (cursor.lastrowid, data)
        )
        connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def checkpoint(journal: Path) -> None:
    connection = sqlite3.connect(journal, isolation_level=None)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def baseline_copy(journal: Path, target: Path) -> tuple[float, float]:
    """Seconds to copy the file with shutil.copyfile, and to copy and fsync it."""
    started = time.perf_counter()
    shutil.copyfile(journal, target)
    copied = time.perf_counter() - started
    fsync(target)
    return copied, time.perf_counter() - started


def our_backup(journal: Path, folder: Path) -> float:
    from hairjournal.services.backup import back_up

    started = time.perf_counter()
    back_up(journal, folder)
    return time.perf_counter() - started


def backup_in_window(journal: Path, folder: Path) -> tuple[float, float]:
    """Seconds for a ``BackupJob`` on the thread pool, and the longest heartbeat gap in ms."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from hairjournal.services.backup_job import BackupJob
    from tests.bench.heartbeat import Heartbeat

    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = QEventLoop()
    outcome: list[object] = []
    job = BackupJob.backing_up(journal, folder)
    job.finished.connect(lambda result: (outcome.append(result), loop.quit()))
    job.failed.connect(lambda message: (outcome.append(message), loop.quit()))
    with Heartbeat() as beat:
        job.start()
        loop.exec()
    app.processEvents()
    if isinstance(outcome[0], str):
        raise RuntimeError(f"the backup failed: {outcome[0]}")
    return beat.seconds, beat.longest_gap_ms


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=2.0, help="journal size (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the median counts")
    parser.add_argument("--pages", type=int, help="pages per step (default: the app's)")
    parser.add_argument(
        "--journal", type=Path, default=Path("build/bench/backup/large.hairjournal")
    )
    parser.add_argument("--json", type=Path, default=Path("build/bench/backup.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hairjournal.store import snapshot

    if args.pages:
        snapshot.PAGES_PER_STEP = args.pages
    journal = build_journal(args.journal, args.size_gb)
    checkpoint(journal)
    size = journal.stat().st_size
    journal.read_bytes()  # both sides read from the page cache, not the disk
    copies, durable_copies, ours = [], [], []
    with tempfile.TemporaryDirectory(prefix="hairjournal-bench-", dir=journal.parent) as folder:
        for number in range(args.rounds):
            target = Path(folder) / "copy.hairjournal"
            backups = Path(folder) / f"backups{number}"
            # In turn first and second, so that neither side always follows the other's writes.
            if number % 2:
                ours.append(our_backup(journal, backups))
            copied, durable = baseline_copy(journal, target)
            if not number % 2:
                ours.append(our_backup(journal, backups))
            target.unlink()
            shutil.rmtree(backups)
            copies.append(copied)
            durable_copies.append(durable)
            print(
                f"round {number + 1}: ours {ours[-1]:.2f} s, copyfile {copied:.2f} s, "
                f"copyfile and fsync {durable:.2f} s"
            )
        window_seconds, stall = backup_in_window(journal, Path(folder) / "window")
        print(f"as the window runs it: {window_seconds:.2f} s, longest stall {stall:.0f} ms")
    # Each round's own ratio: both sides of a round ran moments apart, under the same load.
    ratio = statistics.median(o / b for o, b in zip(ours, durable_copies, strict=True))
    bare_ratio = statistics.median(o / b for o, b in zip(ours, copies, strict=True))
    gb = f"{size / 1e9:.2f} GB"
    rows = [
        Row(
            f"back up a {gb} journal (copy, fsync, checks)",
            f"{statistics.median(ours):.2f} s",
            f"{statistics.median(durable_copies):.2f} s",
            f"{ratio:.2f}x",
            f"within {RATIO_BUDGET}x",
            ratio <= RATIO_BUDGET,
        ),
        Row(
            "  the same against copyfile without fsync",
            f"{statistics.median(ours):.2f} s",
            f"{statistics.median(copies):.2f} s",
            f"{bare_ratio:.2f}x",
            "(shown only)",
            True,
        ),
        Row(
            "longest GUI stall (10 ms heartbeat)",
            f"{stall:.0f} ms",
            "",
            "",
            f"under {STALL_BUDGET_MS:.0f} ms",
            stall < STALL_BUDGET_MS,
        ),
    ]
    print(f"pages per step: {snapshot.PAGES_PER_STEP}")
    return report(
        rows,
        args.json,
        "backup",
        {
            "journal_bytes": size,
            "pages_per_step": snapshot.PAGES_PER_STEP,
            "rounds": args.rounds,
            "ours_seconds": ours,
            "copyfile_seconds": copies,
            "copyfile_fsync_seconds": durable_copies,
            "ratio": ratio,
            "ratio_without_fsync": bare_ratio,
            "ratio_budget": RATIO_BUDGET,
            "window_seconds": window_seconds,
            "longest_stall_ms": stall,
            "stall_budget_ms": STALL_BUDGET_MS,
        },
    )


if __name__ == "__main__":
    sys.exit(main())
