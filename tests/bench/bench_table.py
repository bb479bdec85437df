"""What every benchmark prints (a table of ours against the baseline) and how busy the CPU was."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HEADINGS = ("what", "ours", "baseline", "ratio", "budget", "met")


@dataclass(frozen=True)
class Row:
    what: str
    ours: str
    baseline: str
    ratio: str
    budget: str
    met: bool


def print_table(rows: list[Row]) -> None:
    cells = [HEADINGS] + [
        (r.what, r.ours, r.baseline, r.ratio, r.budget, "yes" if r.met else "NO") for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADINGS))]
    for number, row in enumerate(cells):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def report(rows: list[Row], path: Path, benchmark: str, details: dict[str, Any]) -> int:
    """Print the table, write it and ``details`` as JSON to ``path``; exit status 0 if all met.

    ``python -m tests.bench.suite`` gathers every benchmark's ``rows`` into one table.
    """
    print_table(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    met = all(row.met for row in rows)
    document = {"benchmark": benchmark, "rows": [asdict(row) for row in rows], "met": met}
    path.write_text(json.dumps(document | details, indent=2))
    print(f"Written to {path}")
    return 0 if met else 1


def proc_stat_ticks() -> tuple[int, int] | None:
    """The whole machine's (busy, total) CPU ticks so far, where Linux tells them."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(value) for value in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and waiting for I/O
    return sum(ticks) - idle, sum(ticks)


def cpu_busy(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """How many cores were busy on average between two ``proc_stat_ticks`` readings."""
    if before is None or after is None or after[1] == before[1]:
        return None
    share = (after[0] - before[0]) / (after[1] - before[1])
    return share * (os.cpu_count() or 1)
