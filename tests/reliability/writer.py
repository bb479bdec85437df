"""The process the crash tests kill: ``python -m tests.reliability.writer``.

It imports the app once, then waits for rounds on standard input, one JSON line each. For
every round it forks a ``JournalWriter`` in a process group of its own, which writes until the
harness kills the whole group with SIGKILL; then it waits until every process of the group is
gone and says so. Forking a process that has already imported the app makes a round take
milliseconds rather than an interpreter's start-up.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

from hairjournal.services import photo_import
from tests.reliability.journal_writer import JournalWriter, say

PR_SET_CHILD_SUBREAPER = 36


def _fork_round(command: dict[str, Any]) -> int:
    """Start one writer in a new process group; the harness kills the group."""
    sys.stdout.flush()
    pid = os.fork()
    if pid:
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)
        return pid
    code = 0
    try:
        os.setpgid(0, 0)
        say(start=os.getpid())
        writer = JournalWriter(Path(command["journal"]), Path(command["photos"]), command["seed"])
        writer.run()
    except BaseException as error:  # a crash of the writer itself is reported, then it ends
        say(crashed=f"{type(error).__name__}: {error}")
        code = 1
    finally:
        os._exit(code)


def _reap(pid: int) -> int:
    """Wait for the writer and for every process of its group (its decode workers).

    The workers are forks of the writer and share its open lock file; until the last of them
    is gone the lock is still held, as it would be by any live process.
    """
    _, status = os.waitpid(pid, 0)
    while True:
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-pid, os.WNOHANG)[0]:  # workers handed to this process
                pass
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return status
        time.sleep(0.001)


def serve() -> None:
    """Run rounds from standard input until it closes."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    # Decode workers are forks of the writer: it runs no Qt threads, and a round stays quick.
    photo_import.worker_context = lambda: multiprocessing.get_context("fork")
    say(serving=os.getpid())
    for line in sys.stdin:
        pid = _fork_round(json.loads(line))
        status = _reap(pid)
        os.write(1, b"\n")  # ends a line the kill may have cut short
        say(reaped=pid, status=status)


if __name__ == "__main__":
    serve()
