"""The 6-grade visual scale as six large buttons, and a count field that becomes it when needed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QToolButton, QWidget

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.protocols import GRADES, grade
from hairjournal.ui.inputs import NumberInput

FRAME_STYLE = """
QFrame#visualScale {{ border: 2px solid {border}; border-radius: 7px; }}
QFrame#visualScale QToolButton {{
    border: 1px solid palette(mid); border-radius: 5px; background: palette(base);
    padding: 4px 2px;
}}
QFrame#visualScale QToolButton:checked {{
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}}
"""
STEP_KEYS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: 1,
}


class VisualScale(QFrame):
    """Pick a grade from 1 to 6: click a button, or type 1-6, or use the arrow keys.

    The frame is one stop in the Tab order; the buttons themselves take no focus. Enter is
    left to the parent (a dialog's default button, or the quick entry's Save).
    """

    changed = Signal()

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visualScale")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Visual scale grade, 1 to 6")
        self.group = QButtonGroup(self)
        self.buttons: list[QToolButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)
        row.setSpacing(4)
        for entry in GRADES:
            button = QToolButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            description = entry.describe()
            if compact:
                button.setText(str(entry.grade))
                button.setMinimumSize(34, 30)
            else:
                lines = (str(entry.grade), entry.words, entry.band)
                button.setText("\n".join(lines))
                widest = max(button.fontMetrics().horizontalAdvance(line) for line in lines)
                button.setMinimumSize(widest + 20, button.fontMetrics().lineSpacing() * 3 + 16)
            button.setToolTip(description)
            button.setAccessibleName(description)
            self.group.addButton(button, entry.grade)
            self.buttons.append(button)
            row.addWidget(button, 1)
        self.group.idClicked.connect(self._clicked)
        self._show_focus(False)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        if value == self.value():
            return
        if value is None:
            self.group.setExclusive(False)  # an exclusive group keeps one button checked
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            grade(value)  # refuses a grade the scale does not have
            self.buttons[value - 1].setChecked(True)
        self._announce()

    def clear(self) -> None:
        self.set_value(None)

    def _clicked(self, _grade: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._announce()

    def _announce(self) -> None:
        value = self.value()
        self.setAccessibleDescription(grade(value).describe() if value else "No grade chosen")
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.value()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
            self.set_value(key - Qt.Key.Key_0)
        elif key in STEP_KEYS:
            start = current if current is not None else (0 if STEP_KEYS[key] > 0 else 7)
            self.set_value(min(max(start + STEP_KEYS[key], 1), len(GRADES)))
        elif key == Qt.Key.Key_Home:
            self.set_value(1)
        elif key == Qt.Key.Key_End:
            self.set_value(len(GRADES))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            super().keyPressEvent(event)  # Enter, Tab and Esc go on to the parent
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_focus(False)
        super().focusOutEvent(event)

    def _show_focus(self, focused: bool) -> None:
        self.setStyleSheet(
            FRAME_STYLE.format(border="palette(highlight)" if focused else "transparent")
        )


class CountOrGrade(QWidget):
    """A typed count, or the grade picker when the protocol is the visual scale."""

    changed = Signal()

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = NumberInput(whole=True)
        self.count.setAccessibleName("Count")
        self.scale = VisualScale(compact=compact)
        self.protocol = ShedProtocol.DAILY_TOTAL
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count)
        row.addWidget(self.scale)
        self.count.textChanged.connect(self.changed)
        self.scale.changed.connect(self.changed)
        self.set_protocol(self.protocol)

    @property
    def graded(self) -> bool:
        return self.protocol is ShedProtocol.VISUAL_SCALE

    def set_protocol(self, protocol: ShedProtocol) -> None:
        """Show the field that suits ``protocol``; what was entered in the other is kept."""
        self.protocol = protocol
        self.count.setVisible(not self.graded)
        self.scale.setVisible(self.graded)
        self.setFocusProxy(self.scale if self.graded else self.count)

    def editor(self) -> QWidget:
        return self.scale if self.graded else self.count

    def value(self) -> float | None:
        """The grade, or the typed number (whole when it is one; a fraction is left to refuse)."""
        return self.scale.value() if self.graded else self.count.value()

    def set_value(self, value: int | None) -> None:
        if self.graded:
            self.scale.set_value(value)
        else:
            self.count.set_value(value)

    def clear(self) -> None:
        self.count.clear()
        self.scale.clear()

    def input_problem(self) -> str | None:
        return None if self.graded else self.count.input_problem()

    def text(self) -> str:
        """What was typed, or the grade chosen, as it stands."""
        if self.graded:
            value = self.scale.value()
            return "" if value is None else str(value)
        return self.count.text()
