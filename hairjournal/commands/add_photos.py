"""``hairjournal add-photos JOURNAL FILE...``: import scalp photos."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import iso_date, open_or_none
from hairjournal.core.enums import ScalpRegion

ORDER = 30
HELP = "import scalp photos into a journal"
DESCRIPTION = (
    "Import photos (JPEG, PNG, WebP, HEIC; folders are searched for them) into a "
    "journal. Prints one line per file: imported, already in the journal, or refused "
    "with the reason. Exits 1 if any file was refused."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="photos or folders")
    parser.add_argument(
        "--region",
        required=True,
        choices=ScalpRegion.codes(),
        help="the part of the scalp the photos show",
    )
    parser.add_argument(
        "--taken",
        type=iso_date,
        metavar="DATE",
        help="the day the photos were taken (default: from the photo, else the file's date)",
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.photo_import import Outcome, import_photos

    journal = open_or_none("add-photos", args.journal)
    if journal is None:
        return 1
    with journal:
        results = import_photos(args.files, ScalpRegion(args.region), taken=args.taken)
    for result in results:
        print(result.describe())
    counts = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    print(
        f"{counts[Outcome.IMPORTED]} imported, {counts[Outcome.DUPLICATE]} already in the "
        f"journal, {counts[Outcome.REFUSED]} refused."
    )
    return 1 if counts[Outcome.REFUSED] else 0
