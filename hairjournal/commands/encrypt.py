"""``hairjournal encrypt JOURNAL``: encrypt a journal with a passphrase."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from hairjournal.commands._arguments import PASSPHRASE_VARIABLE, at_a_terminal, fail

ORDER = 65
HELP = "encrypt a journal with a passphrase (a lost passphrase cannot be recovered)"
WARNING = (
    "If you lose the passphrase, this journal cannot be opened by anyone, ever: there is no "
    "way to recover it. Write it down and keep it somewhere safe."
)
DESCRIPTION = (
    "Encrypt the whole journal, photos included, with a passphrase: from then on it opens only "
    "with it, in the app and in every command, and its backups are encrypted with it too. The "
    f"passphrase is asked for twice at a terminal, or taken from {PASSPHRASE_VARIABLE}; it is "
    "never an argument. The journal is backed up first (that backup is not encrypted) unless "
    f"--no-backup is given. {WARNING}"
)
UNCHANGED = "The journal has not been changed."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help="do not back the journal up first (a backup taken first is not encrypted)",
    )


def _new_passphrase() -> tuple[str, str | None]:
    """The new passphrase (from the environment, or typed twice at the terminal), and why it
    will not do if it will not."""
    from hairjournal.store.encryption import passphrase_problem

    if PASSPHRASE_VARIABLE in os.environ:
        passphrase = os.environ[PASSPHRASE_VARIABLE]
        return passphrase, passphrase_problem(passphrase)
    if not at_a_terminal():
        return "", (
            f"Give the new passphrase in the environment variable {PASSPHRASE_VARIABLE}, or run "
            "this at a terminal to be asked for it."
        )
    passphrase = getpass.getpass("New passphrase: ")
    again = getpass.getpass("The same passphrase again: ")
    return passphrase, passphrase_problem(passphrase, again)


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.backup import BackupError, back_up
    from hairjournal.store.connection import encryption_available
    from hairjournal.store.encryption import EncryptionFailed, encrypt_journal

    journal = args.journal.absolute()
    if not encryption_available():
        return fail(
            "encrypt",
            "this installation cannot encrypt: it lacks SQLCipher (install Hair Journal with "
            f"its 'encryption' extra). {UNCHANGED}",
        )
    print(WARNING)
    passphrase, problem = _new_passphrase()
    if problem is not None:
        return fail("encrypt", f"{problem} {UNCHANGED}")
    if not args.no_backup:
        try:
            kept = back_up(journal)
        except BackupError as error:
            return fail("encrypt", f"{error} It has not been encrypted.")
        print(f"Backed up first to {kept.path} (this backup is not encrypted).")
    try:
        encrypt_journal(journal, passphrase)
    except EncryptionFailed as failure:
        return fail("encrypt", failure.message)
    print(f"Encrypted {journal.name}: from now on it opens only with its passphrase.")
    return 0
