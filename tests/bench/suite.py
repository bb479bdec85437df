"""Every benchmark, one after another, gathered into one table (``make bench``).

Each benchmark runs in its own process (a fresh interpreter: no warm caches carried from one
to the next), writes its rows to ``build/bench/NAME.json``, and this prints them all as one
table, writes them to ``build/bench/results.json``, and, with ``--markdown``, as the README's
Performance table. The synthetic journals and photos they need are built on the first run and
kept in ``build/bench``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.bench_table import Row, print_table

FOLDER = Path("build/bench")
# (module, its arguments): the order the README's table lists them in.
BENCHMARKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("open_dashboard", ("--years", "1", "2", "5")),
    ("photo_import", ()),
    ("chart_redraw", ()),
    ("growth", ()),
    ("gallery", ()),
    ("csv_export", ()),
    ("report_export", ()),
    ("backup", ()),
)


def run(module: str, arguments: Sequence[str]) -> tuple[list[Row], float, int]:
    """Run one benchmark; its rows, how long it took, and its exit status."""
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-m", f"tests.bench.{module}", *arguments], check=False
    )
    seconds = time.perf_counter() - started
    path = FOLDER / f"{module}.json"
    if not path.exists() or path.stat().st_mtime < time.time() - seconds - 1:
        failed = Row(f"{module}: did not finish", "", "", "", "", False)
        return [failed], seconds, finished.returncode or 1
    rows = [Row(**row) for row in json.loads(path.read_text())["rows"]]
    return rows, seconds, finished.returncode


def markdown(rows: list[Row]) -> str:
    lines = [
        "| what | ours | baseline | ratio | budget | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = (
            row.what,
            row.ours,
            row.baseline,
            row.ratio,
            row.budget,
            "yes" if row.met else "no",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)
    chosen = [(m, a) for m, a in BENCHMARKS if args.only is None or m in args.only]
    rows: list[Row] = []
    took: dict[str, float] = {}
    worst = 0
    for module, arguments in chosen:
        print(f"\n== {module} ==", flush=True)
        found, seconds, status = run(module, arguments)
        rows += found
        took[module] = seconds
        worst = max(worst, status)
    print("\n== all benchmarks ==")
    print_table(rows)
    print("took: " + ", ".join(f"{module} {seconds:.0f} s" for module, seconds in took.items()))
    FOLDER.mkdir(parents=True, exist_ok=True)
    results = {"rows": [row.__dict__ for row in rows], "seconds": took}
    (FOLDER / "results.json").write_text(json.dumps(results, indent=2))
    if args.markdown:
        print()
        print(markdown(rows))
    return 0 if all(row.met for row in rows) and worst == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
