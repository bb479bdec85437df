"""The figures of the README's Reliability section: the crash, fault and hostile-input runs.

    python -m tests.reliability.report [--scale test|stress] [--seed N]

Runs the crash harness and every fuzzer at the scale given and prints a Markdown table, with
the seed and the command that repeats the run. Exits 1 if anything was lost or crashed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hairjournal.core.enums import Condition
from hairjournal.store.journal import create_journal
from tests.reliability.crash_harness import CrashReport, run_crash_rounds
from tests.reliability.csv_fuzz import import_examples
from tests.reliability.decoder_fuzz import decode_examples
from tests.reliability.journal_fuzz import (
    JournalFuzzReport,
    foreign_and_newer_cases,
    healthy_source,
    journal_cases,
    open_cases,
)
from tests.reliability.photo_fuzz import FuzzReport, hostile_photos, import_through_command
from tests.reliability.scale import SEED_VARIABLE, STRESS, TEST, Scale, run_seed

Result = TypeVar("Result")


def _timed(what: str, run: Callable[[], Result]) -> tuple[Result, float]:
    print(f"{what}…", file=sys.stderr, flush=True)
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started


def _n(value: int) -> str:
    return f"{value:,}"


def _crash_rows(report: CrashReport, seconds: float) -> list[tuple[str, str]]:
    tally = report.tally
    integrity_ok = report.kills - report.integrity_failures
    return [
        ("writer processes killed with SIGKILL at random moments", _n(report.kills)),
        ("writes acknowledged (committed, then reported) before a kill", _n(tally.acknowledged)),
        ("acknowledged writes lost or changed", _n(report.lost)),
        (
            "the write under way at the kill, found whole / found not begun",
            f"{_n(tally.in_flight_committed)} / {_n(tally.in_flight_rolled_back)}",
        ),
        (
            "half-written or stray records, and any other problem",
            _n(len(report.problems) - report.lost),
        ),
        (
            "`PRAGMA integrity_check` after each kill",
            f"ok {_n(integrity_ok)} of {_n(report.kills)}",
        ),
        ("`PRAGMA foreign_key_check` problems", _n(report.foreign_key_problems)),
        (
            "locks left by killed writers (empty ones: killed while writing it) / "
            "locks that blocked the next open",
            f"{_n(report.stale_locks)} ({_n(report.empty_locks)}) / {_n(report.refused_opens)}",
        ),
        (
            "writes under an injected fault (disk I/O error, full disk, journal busy) / "
            "failed with the app's message, nothing written",
            f"{_n(tally.faults)} / {_n(tally.faults_reported)}",
        ),
        (
            "writes the journal's rules refused (a day counted twice, an end before a start)",
            _n(tally.refused),
        ),
        ("time for the kills and checks", f"{seconds:,.0f} s"),
    ]


def _photo_rows(batch: FuzzReport, decoded: FuzzReport) -> list[tuple[str, str]]:
    return [
        (
            "damaged photos, links, pipes, folders and bombs through `hairjournal add-photos`",
            f"{_n(batch.cases)}: {_n(batch.imported)} imported whole, {_n(batch.refused)} "
            "refused by name and reason, the rest already in",
        ),
        (
            "hostile byte strings given to the photo decoder (hypothesis)",
            _n(decoded.cases),
        ),
    ]


def _journal_rows(damaged: JournalFuzzReport, foreign: JournalFuzzReport) -> list[tuple[str, str]]:
    return [
        (
            "journals cut short or damaged, opened",
            f"{_n(damaged.cases)}: {_n(damaged.refused)} refused untouched, "
            f"{_n(damaged.opened)} opened: the damage lay where the `quick_check` made on "
            "opening does not look (free space, a value inside a row, an index); a full "
            f"`integrity_check` finds it in {_n(damaged.opened_damaged)} of them",
        ),
        (
            "other programs' databases, newer journals, empty and text files, opened",
            f"{_n(foreign.cases)}: {_n(foreign.refused)} refused untouched",
        ),
    ]


def _csv_rows(report: FuzzReport) -> list[tuple[str, str]]:
    return [
        (
            "hostile CSV files (encodings, separators, odd cells) through the importer",
            f"{_n(report.cases)}: {_n(report.imported)} rows imported, {_n(report.refused)} "
            "rows or files refused with a reason, no half-imported file",
        )
    ]


def build_report(scale: Scale, seed: int) -> tuple[str, bool]:
    """The Markdown, and whether everything held."""
    with tempfile.TemporaryDirectory(prefix="hairjournal-reliability-") as temporary:
        folder = Path(temporary)
        crash, crash_seconds = _timed(
            f"killing {scale.kills} writers",
            lambda: run_crash_rounds(folder / "crash", scale.kills, seed),
        )
        journal = folder / "photos.hairjournal"
        with create_journal(journal, title="Fuzz", condition=Condition.AGA_MALE):
            pass
        batch, _ = _timed(
            "importing damaged photos",
            lambda: import_through_command(
                journal, hostile_photos(folder / "dropped", scale.photo_files, seed)
            ),
        )
        decoded, _ = _timed(
            "decoding hostile bytes",
            lambda: decode_examples(folder / "decoder", scale.photo_examples, seed),
        )
        rng = random.Random(seed)
        cases = journal_cases(healthy_source(folder / "source"), rng, scale.journal_cases)
        damaged, _ = _timed("opening damaged journals", lambda: open_cases(folder / "j", cases))
        others = foreign_and_newer_cases(rng, scale.foreign_cases)
        foreign, _ = _timed("opening foreign files", lambda: open_cases(folder / "f", others))
        csv, _ = _timed(
            "importing hostile CSV files",
            lambda: import_examples(folder / "csv", scale.csv_examples, seed),
        )
    fuzzers = (batch, decoded, damaged, foreign, csv)
    crashes = sum(report.crashes for report in fuzzers)
    hangs = batch.hangs
    rows = [
        *_crash_rows(crash, crash_seconds),
        *_photo_rows(batch, decoded),
        *_journal_rows(damaged, foreign),
        *_csv_rows(csv),
        ("crashes / hangs found by the fuzzers", f"{_n(crashes)} / {_n(hangs)}"),
    ]
    problems = [
        *crash.problems,
        *(problem for report in fuzzers for problem in report.problems),
    ]
    lines = [
        "| what | result |",
        "| --- | --- |",
        *(f"| {what} | {result} |" for what, result in rows),
        "",
        f"Measured {dt.date.today():%-d %B %Y} at the {scale.name} scale on {platform.system()} "
        f"({platform.machine()}, Python {platform.python_version()}) with seed {seed}; "
        f"`{SEED_VARIABLE}={seed} make reliability` makes the same writes, kill points and "
        "damage again (where exactly a kill lands also depends on timing).",
    ]
    if problems:
        lines += ["", "Problems:", *(f"- {problem}" for problem in problems[:40])]
    return "\n".join(lines), not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.report")
    parser.add_argument("--scale", choices=[TEST.name, STRESS.name], default=STRESS.name)
    parser.add_argument(
        "--seed", type=int, default=None, help=f"default: ${SEED_VARIABLE}, else new"
    )
    args = parser.parse_args(argv)
    scale = STRESS if args.scale == STRESS.name else TEST
    seed = args.seed if args.seed is not None else run_seed()
    text, held = build_report(scale, seed)
    print(text)
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
