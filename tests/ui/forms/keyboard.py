"""Typing into the forms' inputs as a person does on the keyboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QWidget
from pytestqt.qtbot import QtBot


def type_date(qtbot: QtBot, widget: QDateEdit, day: dt.date) -> None:
    """Type a date section by section: year, month name, day."""
    widget.setFocus()
    for section, text in (
        (QDateEdit.Section.YearSection, str(day.year)),
        (QDateEdit.Section.MonthSection, f"{day:%b}"),
        (QDateEdit.Section.DaySection, str(day.day)),
    ):
        widget.setSelectedSection(section)
        qtbot.keyClicks(widget, text)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what a text box holds and type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def press_enter(qtbot: QtBot, widget: QWidget) -> None:
    """Press Enter in ``widget``, where the dialog takes it as Save."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
