"""Benchmark: CSV export of 100,000 records against raw sqlite3 and csv.writer of the same rows.

``make bench`` runs it. A journal is filled with 100,000 records, most of them shedding counts
(five ways of counting a day over half a century), with check-ins, sessions, events and clinic
figures, notes included. Each round, in turn:

- ours: ``write_csv_files`` of the open journal (seven files, headers, neutralised text,
  booleans as yes/no, numbers formatted, stage names);
- the baseline: ``SELECT *`` of each table through a plain ``sqlite3`` connection, written with
  ``csv.writer.writerows`` to seven files in the same kind of folder.

The median of the rounds is reported against the budget (within 1.5x of the baseline), as a
table and as JSON. Importing the exported files into a new journal is timed once, for the record.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from peewee import chunked

from hairjournal.core.enums import (
    Condition,
    EventKind,
    MeasurementKind,
    Route,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.services.csv_export import write_csv_files
from hairjournal.services.csv_format import KINDS
from hairjournal.services.csv_import import run_import
from hairjournal.store import models
from hairjournal.store.journal import create_journal, open_journal
from tests.bench.bench_table import Row, report

RATIO_BUDGET = 1.5
START = dt.date(1975, 1, 1)
PROTOCOLS = (
    ShedProtocol.DAILY_TOTAL,
    ShedProtocol.SHOWER,
    ShedProtocol.BRUSH,
    ShedProtocol.COMB_60S,
    ShedProtocol.WASH_TEST,
)
SHED_COUNTS, CHECKINS, SESSIONS, EVENTS, MEASUREMENTS, TREATMENTS = (
    94_000,
    3_000,
    1_500,
    1_000,
    490,
    10,
)
RECORDS = SHED_COUNTS + CHECKINS + SESSIONS + EVENTS + MEASUREMENTS + TREATMENTS


def fill(path: Path) -> None:
    """A journal of ``RECORDS`` records (about 100,000)."""
    rng = random.Random(5)

    def day(index: int) -> dt.date:
        return START + dt.timedelta(days=index)

    with (
        create_journal(path, title="Benchmark", condition=Condition.AGA_MALE) as journal,
        journal.db.atomic(),
    ):
        courses = [
            models.Treatment.insert(
                kind=TreatmentKind.EXOSOME, product=f"Serum {n}", started_on=day(n * 1000)
            ).execute()
            for n in range(TREATMENTS)
        ]
        rows = [
            {
                "date": day(n // len(PROTOCOLS)),
                "protocol": PROTOCOLS[n % len(PROTOCOLS)],
                "value": rng.randint(10, 150),
                "wash_day": n % 3 == 0,
                "notes": "after the gym, = not a formula" if n % 7 == 0 else "",
            }
            for n in range(SHED_COUNTS)
        ]
        for batch in chunked(rows, 1000):
            models.ShedCount.insert_many(batch).execute()
        checkins = [
            {"date": day(n * 6), "density": n % 11, "itch": 2, "notes": "fine"}
            for n in range(CHECKINS)
        ]
        for batch in chunked(checkins, 1000):
            models.Checkin.insert_many(batch).execute()
        sessions = [
            {
                "treatment": courses[n % TREATMENTS],
                "date": day(n * 12),
                "route": Route.MICRO_INJECTION,
                "volume_ml": 2.5,
                "needle_depth_mm": 1.2,
                "areas": ["vertex", "frontal"],
                "pain": 3,
                "cost": 450.5,
                "notes": "-no reaction",
            }
            for n in range(SESSIONS)
        ]
        for batch in chunked(sessions, 500):
            models.Session.insert_many(batch).execute()
        models.Event.insert_many(
            [
                {"kind": EventKind.STRESS, "started_on": day(n * 18), "notes": "work"}
                for n in range(EVENTS)
            ]
        ).execute()
        models.Measurement.insert_many(
            [
                {"date": day(n * 30), "kind": MeasurementKind.DENSITY_PER_CM2, "value": 140.5}
                for n in range(MEASUREMENTS)
            ]
        ).execute()


def raw_export(path: Path, folder: Path) -> None:
    """The baseline: every table through plain sqlite3 and csv.writer, one file each."""
    connection = sqlite3.connect(path)
    try:
        for kind in KINDS:
            with (folder / kind.file_name).open("w", encoding="utf-8", newline="") as file:
                cursor = connection.execute(f"SELECT * FROM {kind.table}")
                writer = csv.writer(file)
                writer.writerow([column[0] for column in cursor.description])
                writer.writerows(cursor)
    finally:
        connection.close()


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the median counts")
    parser.add_argument("--json", type=Path, default=Path("build/bench/csv_export.json"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        journal = work / "bench.hairjournal"
        fill(journal)
        ours_folder, raw_folder = work / "ours", work / "raw"
        raw_folder.mkdir()
        with open_journal(journal):
            ours_s, raw_s = [], []
            for round_number in range(args.rounds + 1):  # the first round warms caches
                shutil.rmtree(ours_folder, ignore_errors=True)
                ours = timed(lambda: write_csv_files(ours_folder))
                raw = timed(lambda: raw_export(journal, raw_folder))
                if round_number:
                    ours_s.append(ours)
                    raw_s.append(raw)
        target = work / "imported.hairjournal"
        with create_journal(target, title="Imported", condition=Condition.AGA_MALE):
            files = [path for path in sorted(ours_folder.glob("*.csv")) if path.stem != "photos"]
            started = time.perf_counter()
            result = run_import(files)
            import_s = time.perf_counter() - started
        imported = result.added_count
    ours_ms = statistics.median(ours_s) * 1000
    raw_ms = statistics.median(raw_s) * 1000
    ratio = ours_ms / raw_ms
    rows = [
        Row(
            f"CSV export of {RECORDS:,} records",
            f"{ours_ms:.0f} ms",
            f"{raw_ms:.0f} ms",
            f"{ratio:.2f}x",
            f"within {RATIO_BUDGET}x",
            ratio <= RATIO_BUDGET,
        ),
        Row(
            f"CSV import of the same {imported:,} records into a new journal",
            f"{import_s:.1f} s",
            "",
            "",
            "",
            True,
        ),
    ]
    return report(
        rows,
        args.json,
        "csv_export",
        {
            "records": RECORDS,
            "rounds": args.rounds,
            "ours_ms": ours_ms,
            "baseline_ms": raw_ms,
            "ratio": ratio,
            "ratio_budget": RATIO_BUDGET,
            "import_s": import_s,
            "imported": imported,
        },
    )


if __name__ == "__main__":
    sys.exit(main())
