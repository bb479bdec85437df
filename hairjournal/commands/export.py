"""``hairjournal export JOURNAL --csv DIR``: write the journal's records to CSV files."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import fail, unlocked

ORDER = 40
HELP = "export a journal's records to CSV files"
DESCRIPTION = (
    "Write every kind of record (treatments, sessions, shedding counts, check-ins, events, "
    "clinic figures, photo details) to one CSV file each in DIR, UTF-8 with ISO dates, "
    "readable by owner only. The journal is only read, never changed, and may be open in "
    "the app meanwhile. The files hold your health data unencrypted."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument(
        "--csv",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write the CSV files to (created if missing)",
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="start each file with a byte-order mark so that Excel reads it as UTF-8",
    )
    parser.add_argument(
        "--decimal-comma",
        action="store_true",
        help="write numbers with a decimal comma and separate cells with ';' (as spreadsheets "
        "in comma-decimal countries expect)",
    )


def run(args: argparse.Namespace) -> int:
    import csv

    from hairjournal.services.csv_export import export_csv_files
    from hairjournal.store.journal import JournalRefused, inspect_journal, read_only_connection

    if not unlocked("export", args.journal):
        return 1
    try:
        inspect_journal(args.journal)
        with read_only_connection(args.journal) as connection:
            files = export_csv_files(
                connection, args.csv, excel=args.excel, decimal_comma=args.decimal_comma
            )
    except JournalRefused as refused:
        return fail("export", refused.message)
    except OSError as error:
        return fail("export", f"the files could not be written to {args.csv}: {error.strerror}.")
    for path in files:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = sum(1 for _row in csv.reader(file, delimiter=";" if args.decimal_comma else ","))
        print(f"{path}: {rows - 1} row{'s' if rows != 2 else ''}")
    print("These files hold your health data unencrypted; only you can read them here.")
    return 0
