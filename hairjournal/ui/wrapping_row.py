"""A layout that lines widgets up in a row and wraps them onto more rows when space runs out.

A widget whose horizontal size policy expands takes the spare width of its row (a search box)
up to its maximum width; what is still left parts the row's first widget from the others, so
a toolbar's buttons sit on the left and its filters on the right. A wide window shows one tidy
row, and a narrow one still fits every control.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class WrappingRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            needed = item.sizeHint().width() + (self.spacing() if lines[-1] else 0)
            if lines[-1] and used + needed > width:
                lines.append([])
                used, needed = 0, item.sizeHint().width()
            lines[-1].append(item)
            used += needed
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items within ``rect`` (if ``move``); return the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            widths = [min(item.sizeHint().width(), area.width()) for item in line]
            spare = area.width() - sum(widths) - self.spacing() * (len(line) - 1)
            growing = [
                n
                for n, item in enumerate(line)
                if item.widget() is not None  # its own policy, not what its children want
                and item.widget().sizePolicy().expandingDirections() & Qt.Orientation.Horizontal
            ]
            for n in growing:
                grown = min(
                    widths[n] + max(spare, 0) // len(growing), line[n].maximumSize().width()
                )
                spare -= grown - widths[n]
                widths[n] = grown
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for number, (item, item_width) in enumerate(zip(line, widths, strict=True)):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(item_width, height)))
                x += item_width + self.spacing()
                if number == 0 and len(line) > 1:
                    x += max(spare, 0)  # what is left parts the first item from the rest
            y += height + self.spacing()
        return y - self.spacing() - area.y() + margins.top() + margins.bottom()
