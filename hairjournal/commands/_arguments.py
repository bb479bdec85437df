"""Argument types, messages and passphrases shared by the commands.

The passphrase of an encrypted journal is never an argument (others can read a command line, and
shells keep it in their history): it is asked for at the terminal, or read from the environment
variable ``HAIRJOURNAL_PASSPHRASE`` for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hairjournal.store.journal import OpenJournal

PASSPHRASE_VARIABLE = "HAIRJOURNAL_PASSPHRASE"
TRIES_AT_A_TERMINAL = 3


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def fail(command: str, message: str) -> int:
    """Print ``hairjournal COMMAND: message`` to standard error; the exit status 1."""
    print(f"hairjournal {command}: {message}", file=sys.stderr)
    return 1


def at_a_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def given_passphrase(prompt: str) -> str | None:
    """``HAIRJOURNAL_PASSPHRASE`` if set, else one typed at the terminal (not shown), else None."""
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if passphrase is not None:
        return passphrase
    if not at_a_terminal():
        return None
    return getpass.getpass(prompt)


def unlocked(command: str, path: Path) -> bool:
    """Whether the journal at ``path`` may be opened: plain, or encrypted and its passphrase
    given (from the environment, or typed at the terminal, with three tries); False after
    saying why not. A file that only looks encrypted is left for opening it to explain."""
    from hairjournal.store.connection import needs_passphrase, unlock

    path = Path(path)
    if not needs_passphrase(path):
        return True
    from_environment = PASSPHRASE_VARIABLE in os.environ
    if not from_environment and not at_a_terminal():
        fail(
            command,
            f"{path.name} is encrypted: give its passphrase in the environment variable "
            f"{PASSPHRASE_VARIABLE}, or run this at a terminal to be asked for it.",
        )
        return False
    for _try in range(1 if from_environment else TRIES_AT_A_TERMINAL):
        passphrase = given_passphrase(f"Passphrase of {path.name}: ")
        if passphrase is not None and unlock(path, passphrase):
            return True
        if not from_environment:
            print("That passphrase does not open it.", file=sys.stderr)
    given = f"the passphrase in {PASSPHRASE_VARIABLE}" if from_environment else "the passphrase"
    fail(command, f"{given} does not open {path.name}. It has not been changed.")
    return False


def open_or_none(command: str, path: Path) -> OpenJournal | None:
    """The journal opened for writing, or None after saying why it was refused."""
    from hairjournal.store.journal import JournalRefused, open_journal

    if not unlocked(command, path):
        return None
    try:
        return open_journal(path)
    except JournalRefused as refused:
        fail(command, refused.message)
        return None
