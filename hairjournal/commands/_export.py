"""What the report and bundle commands share: checking --out, and running an export job.

An export draws charts with Qt, so it needs a QApplication; without a display it renders
offscreen. Ctrl+C cancels the job, which leaves no file behind.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hairjournal.commands._arguments import fail, open_or_none

if TYPE_CHECKING:
    from hairjournal.ui.export_job import ExportJob

INTERRUPTED = 130  # the shell's status for a process stopped by Ctrl+C
SIGNAL_CHECK_MS = 200  # how often Python gets to see a Ctrl+C while Qt's loop runs


def add_output_arguments(parser: argparse.ArgumentParser, suffix: str, what: str) -> None:
    parser.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=f"FILE{suffix}",
        help=f"the {what} to write (readable by you only)",
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="the summary's paper size (default: Letter in the US, else A4)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def output_problem(out: Path, force: bool) -> str | None:
    """Why ``out`` cannot be written, before any work is done; None if it can."""
    if out.is_dir():
        return f"{out} is a folder; give the name of the file to write"
    if not out.parent.is_dir():
        return f"the folder {out.parent} does not exist"
    if out.exists() and not force:
        return f"{out} already exists; choose another name, or add --force to replace it"
    return None


def _without_offscreen_noise(_kind: object, _context: object, message: str) -> None:
    """Qt's messages on standard error, but the offscreen platform's remark about windows."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_export(command: str, args: argparse.Namespace, make_job: Callable[[], ExportJob]) -> int:
    """Open the journal, run the job ``make_job()`` returns, print what it wrote."""
    problem = output_problem(args.out, args.force)
    if problem is not None:
        return fail(command, problem)
    from hairjournal.cli import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer, qInstallMessageHandler

    from hairjournal.app import create_application

    create_application()
    qInstallMessageHandler(_without_offscreen_noise)
    journal = open_or_none(command, args.journal)
    if journal is None:
        return 1
    ended: list[tuple[str, Any]] = []  # how the job ended: ("done", ExportDone), ...
    with journal:
        job = make_job()
        loop = QEventLoop()
        job.finished.connect(lambda done: (ended.append(("done", done)), loop.quit()))
        job.failed.connect(lambda message: (ended.append(("failed", message)), loop.quit()))
        job.stopped.connect(lambda: (ended.append(("stopped", None)), loop.quit()))
        previous = signal.signal(signal.SIGINT, lambda _number, _frame: job.cancel())
        wake = QTimer()
        wake.timeout.connect(lambda: None)  # lets Python run its signal handler
        wake.start(SIGNAL_CHECK_MS)
        try:
            job.start()
            loop.exec()
        finally:
            wake.stop()
            signal.signal(signal.SIGINT, previous)
            QThreadPool.globalInstance().waitForDone()
    how, what = ended[0]
    if how == "stopped":
        fail(command, f"stopped; {args.out} was not written")
        return INTERRUPTED
    if how == "failed":
        return fail(command, f"{args.out} was not written: {what}.")
    print(what.text)
    print("It holds your health data unencrypted: keep it private, and only you can read it here.")
    return 0
