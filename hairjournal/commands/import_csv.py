"""``hairjournal import-csv JOURNAL FILE...``: import records from CSV files."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import fail, open_or_none
from hairjournal.core.enums import ShedProtocol

ORDER = 50
HELP = "import records from CSV files (the app's own, or a spreadsheet of counts)"
DESCRIPTION = (
    "Import CSV files written by 'hairjournal export' (any of them, in any order; sessions "
    "find their courses in a treatments.csv given with them, else in the journal), or a "
    "spreadsheet of shedding counts kept before the app (say which column is the date and "
    "which the count if the guess is wrong). Every row is checked as the forms check it; "
    "rows already in the journal are not added twice; the valid rows go in together in one "
    "transaction. Prints a line for every row that is not imported, with the reason. Exits 1 "
    "if any row or file was refused."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from hairjournal.services.csv_format import KINDS

    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="CSV files")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be imported, and write nothing",
    )
    parser.add_argument(
        "--kind",
        choices=[kind.name for kind in KINDS if kind.importable],
        help="what the files hold, if not recognised from their header",
    )
    parser.add_argument(
        "--date-column", metavar="NAME", help="a spreadsheet's date column (name or number)"
    )
    parser.add_argument(
        "--count-column", metavar="NAME", help="a spreadsheet's count column (name or number)"
    )
    parser.add_argument(
        "--wash-day-column", metavar="NAME", help="a spreadsheet's column saying wash days"
    )
    parser.add_argument("--notes-column", metavar="NAME", help="a spreadsheet's column of notes")
    parser.add_argument(
        "--protocol",
        choices=ShedProtocol.codes(),
        default=ShedProtocol.DAILY_TOTAL.value,
        help="how a spreadsheet's counts were counted (default: daily_total)",
    )
    parser.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="dates like 03/04/2025 are day/month/year (dmy) or month/day/year (mdy)",
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.csv_dates import DateOrder
    from hairjournal.services.csv_format import KINDS_BY_NAME
    from hairjournal.services.csv_import import ImportOptions, run_import
    from hairjournal.services.csv_mapping import Mapping
    from hairjournal.store.records import WriteFailed

    options = ImportOptions(
        kind=KINDS_BY_NAME[args.kind] if args.kind else None,
        mapping=Mapping(
            date_column=args.date_column,
            count_column=args.count_column,
            protocol=ShedProtocol(args.protocol),
            wash_day_column=args.wash_day_column,
            notes_column=args.notes_column,
        ),
        date_order=DateOrder(args.date_order) if args.date_order else None,
    )
    journal = open_or_none("import-csv", args.journal)
    if journal is None:
        return 1
    with journal:
        try:
            result = run_import(args.files, options, dry_run=args.dry_run)
        except WriteFailed as failure:
            return fail("import-csv", failure.message)
    print("\n".join(result.lines()))
    return 1 if result.plan.refused_any else 0
