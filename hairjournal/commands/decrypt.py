"""``hairjournal decrypt JOURNAL``: store an encrypted journal unencrypted again."""

from __future__ import annotations

import argparse
from pathlib import Path

from hairjournal.commands._arguments import PASSPHRASE_VARIABLE, fail, unlocked

ORDER = 66
HELP = "decrypt an encrypted journal (it is then stored unencrypted)"
WARNING = (
    "Decrypting stores your health data unencrypted: anyone who can read the file, or the "
    "backups taken from now on, can read everything in it, photos included."
)
DESCRIPTION = (
    "Rewrite an encrypted journal as a plain one, checked record by record and photo by photo "
    "before it takes the journal's place. The passphrase is asked for at a terminal, or taken "
    f"from {PASSPHRASE_VARIABLE}. {WARNING}"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")


def run(args: argparse.Namespace) -> int:
    from hairjournal.store.connection import looks_encrypted
    from hairjournal.store.encryption import EncryptionFailed, decrypt_journal

    journal = args.journal.absolute()
    if journal.is_file() and not looks_encrypted(journal):
        return fail("decrypt", f"{journal.name} is not encrypted. It has not been changed.")
    if not unlocked("decrypt", journal):
        return 1
    print(WARNING)
    try:
        decrypt_journal(journal)
    except EncryptionFailed as failure:
        return fail("decrypt", failure.message)
    print(f"Decrypted {journal.name}: it is stored unencrypted again.")
    return 0
