"""The undo history of a journal open read-only refuses every write before SQLite is asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import EventKind
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, open_journal
from hairjournal.store.records import Failure, WriteFailed
from hairjournal.ui.history import History
from tests.journal_files import make_journal
from tests.ui.conftest import read_journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = make_journal(tmp_path / "mine.hairjournal", counts=3)
    with open_journal(path) as opened:  # writable: only the history says no
        yield opened


def test_every_write_and_undo_is_refused_while_read_only(journal: OpenJournal) -> None:
    history = History()
    event = history.add(models.Event, {"kind": EventKind.STRESS, "started_on": "2024-01-02"}, "x")
    history.read_only = True
    failures = []
    for write in (
        lambda: history.add(models.Event, {"kind": EventKind.DIET, "started_on": "2024-01-03"}, ""),
        lambda: history.change(models.ShedCount, 1, {"value": 500}, "Edit"),
        lambda: history.remove(models.ShedCount, 2, "Delete"),
    ):
        with pytest.raises(WriteFailed) as failed:
            write()
        failures.append((failed.value.failure, failed.value.message))
    told: list[str] = []
    history.failed.connect(told.append)
    history.stack.undo()

    assert (
        failures
        == [(Failure.READ_ONLY, "The journal is read-only here, so nothing was saved.")] * 3
    )
    [message] = told
    assert "could not be undone or redone" in message
    assert read_journal(journal.path, "SELECT id FROM event") == [(event,)]
    assert read_journal(journal.path, "SELECT value FROM shed_count ORDER BY id") == [
        (0,),
        (1,),
        (2,),
    ]
