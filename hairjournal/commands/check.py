"""``hairjournal check PATH``: check a journal file without changing it."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 20
HELP = "check a journal file without changing it"
DESCRIPTION = (
    "Run SQLite's integrity_check and foreign_key_check and the schema version check on a "
    "journal, read-only, and print what it holds. Exits 1 if anything is wrong."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the journal file to check")


def run(args: argparse.Namespace) -> int:
    from hairjournal.commands._arguments import unlocked
    from hairjournal.store.check import check_journal

    if not unlocked("check", args.path):
        return 1
    report = check_journal(args.path)
    print(report.describe())
    return 0 if report.ok else 1
