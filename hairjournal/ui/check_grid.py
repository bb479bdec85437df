"""Any number of items ticked in a grid of checkboxes, each item kept as a short text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QSizePolicy, QWidget


class CheckGrid(QWidget):
    """Checkboxes in rows of ``columns``; ``value`` lists the ticked items' codes in order."""

    changed = Signal()

    def __init__(
        self, items: Iterable[tuple[str, str]], columns: int = 3, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.boxes: dict[str, QCheckBox] = {}
        self._next = (0, 0)  # the grid cell the next item goes in
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        for code, label in items:
            self.add_item(code, label)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)

    def add_item(
        self, code: str, label: str, *, checked: bool = False, wide: bool = False
    ) -> QCheckBox:
        """A new checkbox at the end (or the existing one for ``code``), ticked if asked.

        A ``wide`` item (a long text someone typed) takes a row of its own.
        """
        box = self.boxes.get(code)
        if box is None:
            box = QCheckBox(label)
            box.toggled.connect(self.changed)
            row, column = self._next
            if wide:
                if column:
                    row += 1
                self.grid.addWidget(box, row, 0, 1, self.columns)
                self._next = (row + 1, 0)
            else:
                self.grid.addWidget(box, row, column)
                self._next = (row, column + 1) if column + 1 < self.columns else (row + 1, 0)
            self.boxes[code] = box
            if len(self.boxes) == 1:
                self.setFocusProxy(box)
        if checked:
            box.setChecked(True)
        return box

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, codes: Iterable[str]) -> None:
        """Tick exactly ``codes``; a code the grid does not offer is added as its own item."""
        wanted = list(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)
        for code in wanted:
            if code not in self.boxes:
                self.add_item(code, code, checked=True, wide=True)
