"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void Qt call.

The process then died after a few thousand calls (``Fatal Python error: none_dealloc``); the
dependency pin keeps that release out, and this test keeps it honest.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 20_000


def test_void_qt_calls_leave_none_refcount_unchanged(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    texts = [f"count {i}" for i in range(CALLS)]
    before = sys.getrefcount(None)
    for text in texts:
        label.setText(text)
    after = sys.getrefcount(None)
    # The broken release loses exactly one reference per call; allow a little unrelated churn.
    assert abs(after - before) < CALLS // 100
    assert label.text() == texts[-1]


def test_installed_pyside_is_within_the_pin() -> None:
    major, minor, *_ = (int(part) for part in PySide6.__version__.split(".")[:3])
    assert (6, 10) <= (major, minor) < (6, 12)
