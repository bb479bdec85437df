"""Every control a person types in, ticks, picks or moves in any view has a name a screen reader
can say: its own accessible name, its text (a check box's), or a label that is its buddy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hairjournal.ui.main_window import VIEWS, MainWindow
from hairjournal.ui.photos_view import COMPARE_TAB
from hairjournal.ui.settings import Settings

INPUTS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes, date and time edits
    QCheckBox,
    QSlider,
    QAbstractItemView,  # lists, tables, trees
    QPlainTextEdit,
    QTextEdit,
)


def inputs_in(root: QWidget) -> Iterator[QWidget]:
    """The input controls under ``root``, without the parts other controls are made of (a
    combo box's line edit, a date edit's text, a view's scroll bars)."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
            continue
        if isinstance(widget, QHeaderView) or _inside_combo_box(widget):
            continue  # a table's header, a combo box's drop-down list
        yield widget


def _inside_combo_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Each input control under ``root`` that a screen reader could not name."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in inputs_in(root):
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        where = widget.objectName() or type(widget).__name__
        missing.append(f"{where} in {type(widget.parentWidget()).__name__}")
    return missing


@pytest.fixture
def demo_window(qtbot: QtBot, demo_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(demo_path)
    yield window
    window.close_journal()


@pytest.mark.parametrize("view", [name for name, _label in VIEWS])
def test_every_input_in_every_view_has_a_name(demo_window: MainWindow, view: str) -> None:
    demo_window.show_view(view)
    shown = demo_window.views[view]
    if view == "photos":
        shown.tabs.setCurrentIndex(COMPARE_TAB)  # the Compare tab too
    controls = list(inputs_in(shown))
    assert controls, f"the {view} view has no input controls to check"
    assert unnamed(shown) == [], "\n".join(unnamed(shown))


def test_the_window_around_the_views_names_its_controls(demo_window: MainWindow) -> None:
    assert demo_window.navigation.accessibleName()
    assert unnamed(demo_window) == []


def test_the_check_finds_an_unnamed_control(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    bare, named, with_buddy, ticked = QLineEdit(holder), QComboBox(holder), QSlider(holder), None
    named.setAccessibleName("Protocol")
    label = QLabel("&Strength", holder)
    label.setBuddy(with_buddy)
    ticked = QCheckBox("Wash day", holder)
    blank = QCheckBox(holder)
    bare.setObjectName("bare")
    blank.setObjectName("blank")
    assert ticked.text()
    assert unnamed(holder) == ["bare in QWidget", "blank in QWidget"]


def test_the_settings_and_shortcuts_dialogs_name_their_controls(demo_window: MainWindow) -> None:
    demo_window.show_preferences()
    demo_window.show_shortcuts()
    for dialog in (demo_window.preferences_dialog, demo_window.shortcuts_dialog):
        assert list(inputs_in(dialog))
        assert unnamed(dialog) == []
