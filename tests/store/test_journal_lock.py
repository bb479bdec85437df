"""A lock that names no process: left by a kill (and passed over), or being written (respected)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hairjournal.store.journal import JournalRefused, Refusal, lock_path, open_journal
from tests.journal_files import folder_fingerprint, make_journal


def test_an_empty_lock_left_by_a_killed_process_does_not_block_for_ever(tmp_path: Path) -> None:
    # The process died between creating its lock file and writing its name into it.
    path = make_journal(tmp_path / "j.hairjournal", counts=3)
    lock = lock_path(path)
    lock.touch()
    os.utime(lock, (1_000_000, 1_000_000))
    with open_journal(path) as journal:
        assert journal.path == path
    assert not lock.exists()


def test_a_lock_being_written_this_moment_is_respected(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.hairjournal", counts=3)
    lock_path(path).touch()  # another process has just created it
    before = folder_fingerprint(tmp_path)
    with pytest.raises(JournalRefused) as refused:
        open_journal(path)
    assert refused.value.refusal is Refusal.LOCKED
    assert folder_fingerprint(tmp_path) == before
