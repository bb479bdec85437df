"""``hairjournal backup JOURNAL [--to DIR] [--list]``: back a journal up, or list its backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import fail, unlocked

ORDER = 60
HELP = "back a journal up (verified, with tiered retention), or list its backups"
DESCRIPTION = (
    "Copy a journal, consistently even while it is open, into its backups folder (or the one "
    "given with --to) under a name with the date and time, and check the copy with SQLite's "
    "integrity_check. Only then are older backups of the journal pruned, keeping the newest of "
    "each of the last 7 days, 4 weeks and 12 months. With --list, show each backup: when it "
    "was taken, what it holds and whether it passes the checks a restore makes."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help="the folder to write the backup to (default: 'backups' beside the journal)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the journal's backups instead of taking one; exits 1 if any fails its check",
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.backup import BackupError, back_up
    from hairjournal.store.check import size_text
    from hairjournal.store.journal import backups_folder

    journal = args.journal.absolute()
    folder = args.to.absolute() if args.to is not None else backups_folder(journal)
    if not unlocked("backup", journal):
        return 1
    if args.list:
        return _list(journal, folder)
    try:
        result = back_up(journal, folder)
    except BackupError as error:
        return fail("backup", str(error))
    print(
        f"Backed up {journal.name} to {result.path} ({size_text(result.size)}); "
        "the copy passed its check."
    )
    if result.pruned:
        count = len(result.pruned)
        print(
            f"Removed {count} older backup{'s' if count != 1 else ''} (keeping the newest of each "
            "of the last 7 days, 4 weeks and 12 months)."
        )
    return 0


def _list(journal: Path, folder: Path) -> int:
    from hairjournal.services.backup_listing import list_backups
    from hairjournal.store.check import size_text

    failed = 0
    count = 0
    print(f"Backups of {journal.name} in {folder}:")
    for listing in list_backups(folder, journal.stem):
        count += 1
        backup = listing.backup
        if listing.verified:
            state = f"passes its check, format {listing.schema_version}: {listing.summary()}"
        else:
            failed += 1
            state = f"FAILS ITS CHECK: {listing.problem}"
        print(
            f"  {backup.taken_at:%Y-%m-%d %H:%M:%S}  {backup.kind.label:<28}  "
            f"{size_text(backup.size):>9}  {backup.path.name}"
        )
        print(f"      {state}")
    if count == 0:
        print("  none yet")
    elif failed:
        print(f"{failed} of {count} fail their check and cannot be restored.")
    return 1 if failed else 0
