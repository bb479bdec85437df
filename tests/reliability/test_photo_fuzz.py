"""Hostile photos: every one answered by name and reason, none crashes, none half-stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from hairjournal.core.enums import Condition
from hairjournal.store.journal import create_journal
from tests.reliability.decoder_fuzz import decode_examples
from tests.reliability.photo_fuzz import hostile_photos, import_through_command
from tests.reliability.scale import current_scale, replay_hint, run_seed


@pytest.mark.slow
def test_a_batch_of_hostile_photos_is_answered_file_by_file(tmp_path: Path) -> None:
    seed = run_seed()
    journal = tmp_path / "photos.hairjournal"
    with create_journal(journal, title="Fuzz", condition=Condition.AGA_MALE):
        pass
    files = hostile_photos(tmp_path / "dropped", current_scale().photo_files, seed)

    report = import_through_command(journal, files)

    assert report.problems == [], replay_hint(seed) + "\n" + "\n".join(report.problems[:30])
    assert (report.crashes, report.hangs) == (0, 0)
    assert report.cases == len(files) > current_scale().photo_files
    assert report.imported > 0  # some damage leaves a picture that still decodes
    assert report.refused > report.cases // 2


def test_the_decoder_answers_any_bytes(tmp_path: Path) -> None:
    seed = run_seed()
    report = decode_examples(tmp_path, current_scale().photo_examples, seed)
    assert report.problems == [], replay_hint(seed)
    assert report.cases >= current_scale().photo_examples
