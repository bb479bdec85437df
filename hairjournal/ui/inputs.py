"""Input widgets that speak the journal's types: dates, coded choices, numbers, texts, ticks.

Each has ``value()`` and ``set_value(value)`` in the journal's own type, which is all a record
form needs of a field's input.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hairjournal.core.enums import Choice

DATE_FORMAT = "d MMM yyyy"
THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


class DateInput(QDateEdit):
    """A calendar date, typed or picked from a calendar; never later than ``latest``."""

    def __init__(self, value: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.set_value(value)

    def value(self) -> dt.date:
        return self.date().toPython()

    def set_value(self, value: dt.date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class OptionalDateInput(QWidget):
    """A date that may be left out (an end date for something still going on)."""

    def __init__(self, label: str, value: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = QCheckBox(label)
        self.date = DateInput(value)
        self.date.setAccessibleName(f"{label.replace('&', '')} (date)")  # the box names it
        self.date.setEnabled(False)
        self.given.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.date, 1)

    def value(self) -> dt.date | None:
        return self.date.value() if self.given.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.given.setChecked(value is not None)
        if value is not None:
            self.date.set_value(value)


class DateSpanInput(QWidget):
    """A span of days that may be left out: "from" and "to", both included."""

    def __init__(
        self, label: str, first: dt.date, last: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.given = QCheckBox(label)
        self.first = DateInput(first)
        self.last = DateInput(last)
        self.first.setAccessibleName("First day")
        self.last.setAccessibleName("Last day")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.first, 1)
        row.addWidget(QLabel("to"))
        row.addWidget(self.last, 1)
        for date in (self.first, self.last):
            date.setEnabled(False)
            self.given.toggled.connect(date.setEnabled)

    def value(self) -> tuple[dt.date, dt.date] | None:
        return (self.first.value(), self.last.value()) if self.given.isChecked() else None

    def set_value(self, value: tuple[dt.date, dt.date] | None) -> None:
        self.given.setChecked(value is not None)
        if value is not None:
            self.first.set_value(value[0])
            self.last.set_value(value[1])


class ChoiceInput(QComboBox):
    """One member of a ``Choice`` enum, shown by its label."""

    def __init__(self, choice: type[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice_type = choice
        for member in choice:
            self.addItem(member.label, member.value)

    def value(self) -> Choice:
        return self.choice_type(self.currentData())

    def set_value(self, value: Choice | str) -> None:
        self.setCurrentIndex(self.findData(self.choice_type(value).value))


class NumberInput(QLineEdit):
    """A number typed as text, so that what was typed is kept even when it is refused."""

    def __init__(self, *, whole: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = whole
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setClearButtonEnabled(True)

    def value(self) -> float | None:
        """The number, or None when the field is empty or not a number (see ``input_problem``)."""
        text = self.text().strip().replace(" ", "").replace("\u2009", "")
        if self.whole and THOUSANDS.fullmatch(text):
            text = text.replace(",", "")  # 1,500 hairs
        elif "," in text and "." not in text:
            text = text.replace(",", ".")  # 2,5 ml
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        if number != number or number in (float("inf"), float("-inf")):
            return None
        return int(number) if self.whole and number.is_integer() else number

    def input_problem(self) -> str | None:
        if self.text().strip() and self.value() is None:
            kind = "a whole number" if self.whole else "a number"
            return f"“{self.text().strip()}” is not {kind}."
        return None

    def set_value(self, value: float | None) -> None:
        if value is None:
            self.clear()
        else:
            self.setText(f"{value:g}" if isinstance(value, float) else str(value))


class TextInput(QLineEdit):
    """One line of text; its value leaves out the spaces around what was typed."""

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: str) -> None:
        self.setText(value or "")


class TickInput(QCheckBox):
    """Yes or no, as a box to tick."""

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool) -> None:
        self.setChecked(bool(value))


class NotesInput(QPlainTextEdit):
    """Free text, a few lines high."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, value: str) -> None:
        self.setPlainText(value or "")
