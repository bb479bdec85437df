"""Killing a writer at random moments, and checking after every kill that nothing was lost.

One round: the writer process (``tests.reliability.writer``) opens the journal and writes;
the harness kills its whole process group with SIGKILL, either a random time after it started
or a random fraction of a millisecond after it announced its n-th write; then it opens the
journal with ``open_journal`` (which must not be blocked by the dead writer's lock), runs
``integrity_check`` and ``foreign_key_check``, and compares every row with the replay of the
acknowledged writes. The next round writes on to the same journal. Every random choice comes
from one seed, printed with the figures, so a failure can be replayed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store.journal import (
    ABANDONED_LOCK_AGE_S,
    JournalRefused,
    create_journal,
    lock_path,
    open_journal,
)
from tests.reliability.expected_state import Replay, Tally, Write
from tests.reliability.journal_state import read_state

ROOT = Path(__file__).resolve().parents[2]
STUCK_AFTER_S = 120.0  # no line from the writer for this long: it hangs, and that is a failure
TIMED_SHARE = 0.25  # rounds killed at a random time rather than just after a write began
TIMED_KILL_S = 0.05
KILL_AFTER_WRITE_S = 0.002
KILL_AFTER_PHOTO_S = 0.01
MOST_WRITES_BEFORE_KILL = 14


class HarnessFailed(Exception):
    """The writer process did something the harness cannot go on from."""


@dataclass
class CrashReport:
    """What the rounds did and found."""

    seed: int
    kills: int = 0
    tally: Tally = field(default_factory=Tally)
    integrity_failures: int = 0
    foreign_key_problems: int = 0
    writers_ready: int = 0  # writers that had opened the journal (and locked it) when killed
    stale_locks: int = 0  # locks left by a killed writer that did not stop the next open
    empty_locks: int = 0  # of those, locks the writer was killed in the middle of writing
    refused_opens: int = 0
    writer_crashes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return sum(problem.startswith("lost:") for problem in self.problems)


class Lines:
    """JSON lines from the writer process, with a limit on how long any one may take."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self.fd = process.stdout.fileno()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)
        self.buffer = b""
        self.cut_short = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        while True:
            while b"\n" not in self.buffer:
                if not self.selector.select(STUCK_AFTER_S):
                    raise HarnessFailed(f"no word from the writer for {STUCK_AFTER_S:.0f} s")
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    raise HarnessFailed("the writer process ended unexpectedly")
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\n", 1)
            if not line:
                continue
            try:
                yield json.loads(line)
            except ValueError:
                self.cut_short += 1  # the kill came in the middle of a long line


def _new_journal(path: Path) -> None:
    with create_journal(
        path,
        title="Crash test",
        condition=Condition.AGA_MALE,
        first_treatment=(TreatmentKind.EXOSOME, dt.date(2024, 1, 1)),
    ):
        pass


class CrashHarness:
    """A journal, the writer process, and the replay of what it acknowledged."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.journal = folder / "crash.hairjournal"
        self.photos = folder / "photos"
        self.photos.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(seed)
        self.report = CrashReport(seed)
        _new_journal(self.journal)
        with open_journal(self.journal) as journal:
            self.state, _ = read_state(journal.db)
        environment = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=environment,
        )
        self.reader = Lines(self.process)
        self.lines = iter(self.reader)
        first = next(self.lines)
        if "serving" not in first:
            raise HarnessFailed(f"the writer did not start: {first}")

    def close(self) -> None:
        """End the writer process: it stops when its standard input closes."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.reader.selector.close()

    def run(self, kills: int, progress: Callable[[int], None] | None = None) -> CrashReport:
        for number in range(kills):
            self.round(number)
            if progress is not None:
                progress(number + 1)
        return self.report

    def round(self, number: int) -> None:
        """Start a writer, kill it, and check the journal."""
        for leftover in self.photos.iterdir():
            leftover.unlink()
        command = {"journal": str(self.journal), "photos": str(self.photos)}
        command["seed"] = self.rng.getrandbits(32)
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()
        writes, ready = self._kill_at_random(number)
        self.report.kills += 1
        self.report.writers_ready += ready
        self._check(writes, ready, number)

    def _kill_at_random(self, number: int) -> tuple[list[Write], bool]:
        timed = self.rng.random() < TIMED_SHARE
        target = self.rng.randint(1, MOST_WRITES_BEFORE_KILL)
        delay = self.rng.random()
        pid = None
        announced = 0
        writes: list[Write] = []
        ready = False
        killed = False
        for line in self.lines:
            if "start" in line:
                pid = line["start"]
            elif "ready" in line:
                ready = True
            elif "intent" in line:
                writes.append(Write(line))
            elif "ack" in line:
                writes[-1].acks.append(line)
            elif "crashed" in line:
                self.report.writer_crashes += 1
                self.report.problems.append(f"round {number}: the writer crashed: {line}")
            elif "reaped" in line:
                break
            if killed or pid is None:
                continue
            if timed:  # a random time after the process started
                time.sleep(delay * TIMED_KILL_S)
                killed = self._kill(pid)
            elif "intent" in line or "storing" in line:
                announced += 1
                if announced >= target:  # a moment into the n-th write
                    pause = KILL_AFTER_PHOTO_S if "storing" in line else KILL_AFTER_WRITE_S
                    time.sleep(delay * pause)
                    killed = self._kill(pid)
        return writes, ready

    @staticmethod
    def _kill(pid: int) -> bool:
        with contextlib.suppress(ProcessLookupError):  # it ended on its own: it crashed
            os.killpg(pid, signal.SIGKILL)
        return True

    def _check(self, writes: list[Write], ready: bool, number: int) -> None:
        replay = Replay(self.state, self.report.tally)
        in_flight = None
        for write in writes:
            if write.finished:
                replay.apply(write)
            else:
                in_flight = write
                if write.intent["op"] == "photos" and not write.intent.get("fault"):
                    replay.apply(write)  # the photos acknowledged before the kill
        lock = lock_path(self.journal)
        if ready and lock.exists():
            self.report.stale_locks += 1
        if lock.exists() and not lock.read_text(errors="replace").split("\n")[0].isdigit():
            # Killed while writing its lock: the file names no process. The person starts
            # the app again a moment later; the lock is then old enough to be judged abandoned.
            self.report.empty_locks += 1
            past = time.time() - 2 * ABANDONED_LOCK_AGE_S
            os.utime(lock, (past, past))
        try:
            journal = open_journal(self.journal)
        except JournalRefused as refused:
            self.report.refused_opens += 1
            raise HarnessFailed(f"round {number}: the journal was refused: {refused}") from None
        with journal:
            integrity = [row[0] for row in journal.db.execute_sql("PRAGMA integrity_check")]
            orphans = journal.db.execute_sql("PRAGMA foreign_key_check").fetchall()
            actual, photo_problems = read_state(journal.db)
        closed = {self.journal.name, self.photos.name}  # no -wal, -shm or lock once closed
        leftovers = sorted({item.name for item in self.journal.parent.iterdir()} - closed)
        if integrity != ["ok"]:
            self.report.integrity_failures += 1
        self.report.foreign_key_problems += len(orphans)
        problems = [
            *replay.problems,
            *photo_problems,
            *(f"integrity_check: {line}" for line in integrity if line != "ok"),
            *(f"foreign_key_check: {row}" for row in orphans),
            *replay.settle(in_flight, actual),
            *(f"left beside the closed journal: {name}" for name in leftovers),
        ]
        self.report.problems += [f"round {number}: {problem}" for problem in problems]
        self.state = actual  # go on from what is there, so one fault is reported once


def run_crash_rounds(
    folder: Path, kills: int, seed: int, progress: Callable[[int], None] | None = None
) -> CrashReport:
    """``kills`` rounds on a new journal in ``folder``."""
    harness = CrashHarness(folder, seed)
    try:
        return harness.run(kills, progress)
    finally:
        harness.close()
