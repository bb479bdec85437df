"""Hostile CSV files: the importer answers each row, never crashes, and writes all or nothing."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.csv_fuzz import import_examples
from tests.reliability.scale import current_scale, replay_hint, run_seed


def test_the_importer_answers_any_csv_file(tmp_path: Path) -> None:
    seed = run_seed()
    report = import_examples(tmp_path, current_scale().csv_examples, seed)
    assert report.problems == [], replay_hint(seed)
    assert report.cases >= current_scale().csv_examples
    assert report.refused > 0
