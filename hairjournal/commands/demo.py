"""``hairjournal demo PATH``: write a demo journal to try the app with."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import fail, iso_date

ORDER = 10
HELP = "write a demo journal to try the app with"
DESCRIPTION = (
    "Write a realistic demo journal: about nine months of androgenetic alopecia with six "
    "exosome micro-injection sessions four weeks apart, topical minoxidil, daily counts "
    "by two protocols, a fever and the shedding that follows it, weekly check-ins, "
    "clinic figures and a scalp photo a month of four regions. The same --seed and --end "
    "always give the same journal."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the new journal file to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--end", type=iso_date, metavar="DATE", help="the last day of the demo (default: today)"
    )
    parser.add_argument(
        "--no-photos",
        action="store_true",
        help="leave out the generated scalp photos (much quicker, and a far smaller file)",
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.demo import write_demo
    from hairjournal.store.journal import JournalRefused

    try:
        summary = write_demo(args.path, seed=args.seed, end=args.end, photos=not args.no_photos)
    except JournalRefused as refused:
        return fail("demo", refused.message)
    print(f"Wrote a demo journal to {args.path}: {summary}")
    return 0
