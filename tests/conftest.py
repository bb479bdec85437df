"""Every test runs offscreen, with its data, settings and logs in its own temporary folder."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.store import models
from tests.reliability.no_network import block_network, take_attempts

block_network()  # the app never uses the network, and no test may either


@pytest.fixture(autouse=True)
def _no_network_used() -> Iterator[None]:
    yield
    if attempts := take_attempts():  # raised, and perhaps caught and swallowed
        pytest.fail(f"the network was used: {attempts}")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (platformdirs follows XDG on Linux) at a fresh temp folder."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in {
        "XDG_DATA_HOME": "data",
        "XDG_CONFIG_HOME": "config",
        "XDG_STATE_HOME": "state",
        "XDG_CACHE_HOME": "cache",
    }.items():
        monkeypatch.setenv(variable, str(home / folder))
    return home


@pytest.fixture(autouse=True)
def _no_journal_left_open() -> Iterator[None]:
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    leftover = models.database.obj
    if leftover is not None:
        leftover.close()
        models.database.initialize(None)
        pytest.fail("a test left a journal open")
