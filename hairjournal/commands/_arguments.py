"""Argument types and messages shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hairjournal.store.journal import OpenJournal


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def fail(command: str, message: str) -> int:
    """Print ``hairjournal COMMAND: message`` to standard error; the exit status 1."""
    print(f"hairjournal {command}: {message}", file=sys.stderr)
    return 1


def open_or_none(command: str, path: Path) -> OpenJournal | None:
    """The journal opened for writing, or None after saying why it was refused."""
    from hairjournal.store.journal import JournalRefused, open_journal

    try:
        return open_journal(path)
    except JournalRefused as refused:
        fail(command, refused.message)
        return None
