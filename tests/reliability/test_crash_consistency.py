"""A writer killed at any moment loses no write it acknowledged, and leaves a healthy journal."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.crash_harness import CrashHarness, run_crash_rounds
from tests.reliability.expected_state import Write
from tests.reliability.scale import current_scale, replay_hint, run_seed

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kills process groups (POSIX)")


@pytest.mark.slow
def test_killed_writers_lose_no_acknowledged_write(tmp_path: Path) -> None:
    scale = current_scale()
    seed = run_seed()
    report = run_crash_rounds(tmp_path, scale.kills, seed)
    hint = replay_hint(seed)

    assert report.problems == [], f"{hint}\n" + "\n".join(report.problems[:30])
    assert report.kills == scale.kills
    assert (report.integrity_failures, report.foreign_key_problems) == (0, 0)
    assert report.writer_crashes == 0
    tally = report.tally
    assert tally.acknowledged > 3 * scale.kills, hint  # the writers did write
    assert tally.faults > 0, hint
    assert tally.faults_reported == tally.faults, hint
    # Kills came both before and after a write under way had committed.
    assert tally.in_flight_committed > 0, hint
    assert tally.in_flight_rolled_back > 0, hint
    # Every writer killed after opening left its lock behind, and none of them blocked.
    assert report.writers_ready > scale.kills // 2, hint
    assert report.stale_locks == report.writers_ready, hint


class Tampered(CrashHarness):
    """A harness whose journal is damaged behind its back after one kill."""

    def __init__(self, folder: Path, seed: int, sql: str) -> None:
        super().__init__(folder, seed)
        self.sql = sql

    def _check(self, writes: list[Write], ready: bool, number: int) -> None:
        connection = sqlite3.connect(self.journal)
        with connection:
            connection.execute(self.sql)
        connection.close()
        super()._check(writes, ready, number)


TAMPERING = {
    "a record removed": (
        "DELETE FROM journal",
        "lost: journal 1 is missing",
    ),
    "a value changed": (
        "UPDATE journal SET title = 'Someone else'",
        "lost: journal 1 title is 'Someone else', expected 'Crash test'",
    ),
    "a record nobody wrote": (
        "INSERT INTO event (kind, started_on, notes) VALUES ('covid', '2020-02-02', 'stray')",
        "was never written",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", TAMPERING, ids=list(TAMPERING))
def test_the_harness_notices_a_lost_or_changed_record(tmp_path: Path, case: str) -> None:
    sql, words = TAMPERING[case]
    harness = Tampered(tmp_path, seed=1, sql=sql)
    try:
        report = harness.run(1)
    finally:
        harness.close()
    assert any(words in problem for problem in report.problems), report.problems


@pytest.mark.slow
def test_the_harness_notices_a_photo_without_its_original(tmp_path: Path) -> None:
    harness = CrashHarness(tmp_path, seed=3)
    try:
        for _ in range(100):  # until a writer has imported a photo
            if harness.state["photo"]:
                break
            harness.run(1)
        photo_id = min(harness.state["photo"])
        connection = sqlite3.connect(harness.journal)
        with connection:
            connection.execute("DELETE FROM photo_original WHERE photo_id = ?", (photo_id,))
        connection.close()
        report = harness.run(1)
    finally:
        harness.close()
    assert f"round 0: photo {photo_id} has no original" in report.problems
