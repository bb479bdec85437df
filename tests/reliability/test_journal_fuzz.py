"""Journals cut short, damaged, foreign or from a newer version: refused, and left as they were."""

from __future__ import annotations

import random
from pathlib import Path

from tests.reliability.journal_fuzz import (
    foreign_and_newer_cases,
    healthy_source,
    journal_cases,
    open_cases,
)
from tests.reliability.scale import current_scale, replay_hint, run_seed


def test_damaged_journals_are_refused_untouched(tmp_path: Path) -> None:
    seed = run_seed()
    cases = journal_cases(
        healthy_source(tmp_path), random.Random(seed), current_scale().journal_cases
    )
    report = open_cases(tmp_path / "cases", cases)
    assert report.problems == [], replay_hint(seed) + "\n" + "\n".join(report.problems[:30])
    assert report.crashes == 0
    assert report.refused > 0.8 * report.cases


def test_foreign_newer_and_empty_files_are_refused_untouched(tmp_path: Path) -> None:
    seed = run_seed()
    cases = foreign_and_newer_cases(random.Random(seed), current_scale().foreign_cases)
    report = open_cases(tmp_path, cases)
    assert report.problems == [], replay_hint(seed) + "\n" + "\n".join(report.problems[:30])
    assert report.refused == report.cases
