"""A fresh, open journal and its undo history for each form test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.history import History

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "forms.hairjournal",
        title="Forms",
        condition=Condition.AGA_FEMALE,
        first_treatment=(TreatmentKind.EXOSOME, dt.date(2026, 6, 1)),
    ) as opened:
        yield opened


@pytest.fixture
def history(journal: OpenJournal) -> History:
    return History()
