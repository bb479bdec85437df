"""A journal cut short is refused, however few bytes it lost (found by the journal fuzzer: the
last words of a note cut off read as zeros, and passed every check of the pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hairjournal.store import models
from hairjournal.store.journal import JournalRefused, Refusal, open_journal
from tests.journal_files import folder_fingerprint, make_journal


@pytest.mark.parametrize("lost", [1, 15, 4096], ids=["one byte", "a note's last words", "a page"])
def test_a_journal_cut_short_is_refused_untouched(tmp_path: Path, lost: int) -> None:
    path = make_journal(tmp_path / "j.hairjournal", counts=600)
    data = path.read_bytes()
    assert data.rstrip(b"\0") == data  # its last bytes are a row's, not free space
    path.write_bytes(data[:-lost])
    before = folder_fingerprint(tmp_path)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path)

    assert refused.value.refusal is Refusal.DAMAGED
    assert "it was cut short" in refused.value.message
    assert folder_fingerprint(tmp_path) == before
    assert models.database.obj is None
