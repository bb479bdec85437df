"""``hairjournal restore BACKUP JOURNAL``: put a backup back in place of a journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import fail, unlocked

ORDER = 61
HELP = "replace a journal with one of its backups (the journal as it is is backed up first)"
DESCRIPTION = (
    "Check the backup (SQLite's quick_check, and that it is a journal this version reads), "
    "back the journal up as it is (or, if it cannot be read, keep a copy of it unchanged), "
    "then put the backup in its place in one step. Refused while the journal is open in the "
    "app or another process; the journal is then left as it was. 'hairjournal backup JOURNAL "
    "--list' shows the backups there are."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file to restore")
    parser.add_argument(
        "journal", type=Path, metavar="JOURNAL", help="the journal to replace (or create)"
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.backup import BackupCancelled, BackupError
    from hairjournal.services.backup_restore import restore

    if not unlocked("restore", args.backup):
        return 1
    try:
        result = restore(args.backup, args.journal)
    except BackupError as error:
        return fail("restore", str(error))
    except BackupCancelled:  # pragma: no cover - nothing cancels a command-line restore
        return fail("restore", "cancelled; the journal has not been changed.")
    print(f"Restored {result.backup.name} to {result.journal}.")
    if result.previous is None:
        print("There was no journal there before.")
    elif result.previous_verified:
        print(f"The journal as it was is backed up as {result.previous}.")
    else:
        print(
            f"The journal as it was could not be read; it is kept unchanged as {result.previous}."
        )
    return 0
