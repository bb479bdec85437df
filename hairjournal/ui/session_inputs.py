"""Inputs of the session form (its course, areas, side effects, cost), and remembered texts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ScalpRegion
from hairjournal.store.queries import Course
from hairjournal.ui.check_grid import CheckGrid
from hairjournal.ui.date_text import DASH, day_text
from hairjournal.ui.inputs import NumberInput, TextInput

# What clinics and studies list most often after scalp injections and microneedling.
COMMON_SIDE_EFFECTS = (
    "redness",
    "pinpoint bleeding",
    "swelling",
    "itching",
    "headache",
    "tenderness",
)


def course_text(course: Course) -> str:
    """'Exosomes, RegenaScalp (since 3 Mar 2026)' or with the date it stopped."""
    name = course.kind.label + (f", {course.product}" if course.product else "")
    if course.stopped_on is None:
        return f"{name} (since {day_text(course.started_on)})"
    return f"{name} ({day_text(course.started_on)} {DASH} {day_text(course.stopped_on)})"


def remembered_text_input(texts: list[str]) -> TextInput:
    """A text box that suggests ``texts`` (what was typed there before) as one types."""
    box = TextInput()
    completer = QCompleter(texts, box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    box.setCompleter(completer)
    return box


class CourseInput(QComboBox):
    """One of the journal's courses; ``value`` is its id, or None if there are none."""

    def __init__(self, courses: Iterable[Course], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(560)  # a very long product name is cut; its tooltip has it all
        for course in courses:
            self.addItem(course_text(course), course.id)
            self.setItemData(self.count() - 1, course_text(course), Qt.ItemDataRole.ToolTipRole)

    def value(self) -> int | None:
        return self.currentData()

    def set_value(self, course_id: int | None) -> None:
        self.setCurrentIndex(self.findData(course_id))


# "1,250" or "1,250.50": an amount with thousands separators, not a decimal comma.
AMOUNT_WITH_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


class CostInput(NumberInput):
    """An amount of money: "1,250" is twelve hundred and fifty, "12,50" twelve and a half."""

    def value(self) -> float | None:
        text = self.text().strip().replace(" ", "").replace("\u2009", "")
        if AMOUNT_WITH_THOUSANDS.fullmatch(text):
            return float(text.replace(",", ""))
        return super().value()


class RegionPicker(CheckGrid):
    """The scalp regions treated, any number of them, stored by their codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(((r.value, r.label) for r in ScalpRegion), columns=3, parent=parent)


class SideEffectsInput(QWidget):
    """Common side effects to tick, and any other typed in and added to the list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.choices = CheckGrid(((text, text) for text in COMMON_SIDE_EFFECTS), columns=3)
        self.other = QLineEdit()
        self.other.setPlaceholderText("Something else, e.g. scabs")
        self.other.setAccessibleName("Another side effect")
        self.other.setClearButtonEnabled(True)
        self.other.installEventFilter(self)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add this side effect to the list")
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        self.other.textChanged.connect(lambda text: self.add_button.setEnabled(bool(text.strip())))
        self.add_button.clicked.connect(self.add_other)
        self.choices.changed.connect(self.changed)

        row = QHBoxLayout()
        row.addWidget(self.other, 1)
        row.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.choices)
        column.addLayout(row)
        self.setFocusProxy(self.choices)

    def add_other(self) -> None:
        """Put the typed side effect in the list, ticked; untick it to leave it out."""
        text = self.other.text().strip()
        if text:
            self.choices.add_item(text, text, checked=True, wide=True)
            self.other.clear()
            self.changed.emit()

    def value(self) -> list[str]:
        """What is ticked, and what is typed but not yet added (it would be a pity to lose it)."""
        ticked = self.choices.value()
        typed = self.other.text().strip()
        return [*ticked, typed] if typed and typed not in ticked else ticked

    def set_value(self, effects: Iterable[str]) -> None:
        self.choices.set_value(effects)
        self.other.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the text box adds the side effect instead of saving the form; with the
        # box empty it saves, as everywhere else.
        if (
            watched is self.other
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.other.text().strip()
        ):
            self.add_other()
            return True
        return super().eventFilter(watched, event)
