"""Fixtures for driving the window: journals with known contents, prompts that answer themselves."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.services.demo import write_demo
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.ui.fake_prompts import FakePrompts
from tests.ui.sample_journal import write_sample


@pytest.fixture(autouse=True)
def fake_prompts(monkeypatch: pytest.MonkeyPatch) -> FakePrompts:
    return FakePrompts().install(monkeypatch)


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture
def sample_path(tmp_path: Path, today: dt.date) -> Path:
    path = tmp_path / "journals" / "sample.hairjournal"
    write_sample(path, today)
    return path


@pytest.fixture
def other_path(tmp_path: Path, today: dt.date) -> Path:
    """A second sample journal; name it before ``window`` so it is written first."""
    path = tmp_path / "journals" / "other.hairjournal"
    write_sample(path, today)
    return path


@pytest.fixture
def demo_path(tmp_path: Path, today: dt.date) -> Path:
    path = tmp_path / "journals" / "demo.hairjournal"
    write_demo(path, seed=3, end=today, photos=False)
    return path


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    """The window as a user sees it, on the sample journal."""
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_path(sample_path)
    yield main
    main.close_journal()


def read_journal(path: Path, sql: str) -> list[tuple]:
    """What the journal file holds, read with plain sqlite3 (not through the app's queries)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()
