"""The last 14 days of shedding counts as a grid of day buttons: click one to add or edit it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ShedProtocol
from hairjournal.store import queries
from hairjournal.ui.date_text import DASH, WEEKDAYS, weekday_text
from hairjournal.ui.forms.shed_count_form import ShedCountForm
from hairjournal.ui.history import History
from hairjournal.ui.style import quiet, scaled_font

CELL_STYLE = """
QScrollArea#stripScroll, QWidget#stripBoard { background: transparent; }
QToolButton#day {
    border: 1px solid palette(midlight); border-radius: 4px; background: palette(base);
    padding: 2px;
}
QToolButton#day[missing="true"] { border: 1px dashed palette(mid); color: palette(dark); }
QToolButton#day[wash="true"] { background: rgba(64, 128, 224, 0.16); }
QToolButton#day[today="true"] { border: 2px solid palette(highlight); }
QToolButton#day:hover { border-color: palette(highlight); }
QToolButton#day:focus { background: palette(highlight); color: palette(highlighted-text); }
"""
MOVES = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}
Key = tuple[ShedProtocol, dt.date]
LEGEND = (
    "Shaded days marked “wash” were wash days; a dashed box is a day not counted. Click a day "
    "(or use the arrow keys and Enter) to add or change its count."
)


class DayCell(QToolButton):
    """One day of one protocol; the arrow keys move between days and protocols."""

    moved = Signal(int, int)  # rows, columns

    def __init__(self, protocol: ShedProtocol, count: queries.DayCount, today: dt.date) -> None:
        super().__init__()
        self.key: Key = (protocol, count.day)
        self.setObjectName("day")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        missing = count.value is None
        text = DASH if missing else f"{count.value:,}"
        if count.wash_day:
            text += "\nwash"
        self.setText(text)
        self.setMinimumWidth(40)
        self.setFixedHeight(self.height_for(self))
        self.setProperty("missing", missing)
        self.setProperty("wash", count.wash_day)
        self.setProperty("today", count.day == today)
        when = "today" if count.day == today else weekday_text(count.day)
        if missing:
            tip = f"{protocol.label}, {when}: not counted. Click to add it."
        else:
            wash = ", wash day" if count.wash_day else ""
            tip = f"{protocol.label}, {when}: {count.value}{wash}. Click to change it."
        self.setToolTip(tip)
        self.setAccessibleName(tip)

    @staticmethod
    def height_for(widget: QWidget) -> int:
        """Two lines of text: the count and "wash"."""
        return widget.fontMetrics().lineSpacing() * 2 + 12

    def keyPressEvent(self, event: QKeyEvent) -> None:
        move = MOVES.get(Qt.Key(event.key()))
        if move is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.moved.emit(*move)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


class DayStrip(QWidget):
    """One row per protocol counted in the last 14 days (and any asked for); rebuilt on refresh."""

    form_opened = Signal(object)  # the ShedCountForm a day opened

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.today = dt.date.today()
        self.rows: tuple[queries.ProtocolDays, ...] = ()
        self.cells: dict[Key, DayCell] = {}
        self.form: ShedCountForm | None = None
        self.setStyleSheet(CELL_STYLE)
        self.board = QWidget()
        self.board.setObjectName("stripBoard")
        self.grid = QGridLayout(self.board)
        self.grid.setObjectName("sheddingStrip")
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(4)
        # Too narrow a window scrolls the older days out of sight to the left; today stays.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("stripScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self.board)
        self.scroll.viewport().setAutoFillBackground(False)
        self.board.setAutoFillBackground(False)
        self.names = QVBoxLayout()  # the protocols' names stay put while the days scroll
        self.names.setContentsMargins(0, 0, 0, 0)
        self.names.setSpacing(self.grid.verticalSpacing())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.names)
        layout.addWidget(self.scroll, 1)

    def refresh(self, today: dt.date, include: Iterable[ShedProtocol] = ()) -> None:
        focused = next((key for key, cell in self.cells.items() if cell.hasFocus()), None)
        self.today = today
        self.rows = queries.strip(today, include)
        for old in (self.grid, self.names):
            while old.count():
                widget = old.takeAt(0).widget()
                if widget is not None:
                    widget.setParent(None)  # out of sight (and findChild) until deleted
                    widget.deleteLater()
        self.cells = {}
        if not self.rows:
            return
        self._add_names()
        for column, count in enumerate(self.rows[0].days, start=1):
            day = count.day
            header = QLabel(f"{WEEKDAYS[day.weekday()]}\n{day.day}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if day == today:
                header.setText(f"Today\n{day.day}")
                header.setFont(scaled_font(header, 1.0, bold=True))
            else:
                quiet(header)
            self.grid.addWidget(header, 0, column)
            self.grid.setColumnStretch(column, 1)
        for row, line in enumerate(self.rows, start=1):
            for column, count in enumerate(line.days, start=1):
                cell = DayCell(line.protocol, count, today)
                cell.clicked.connect(lambda _c=False, key=cell.key: self.open_day(*key))
                cell.moved.connect(lambda rows, cols, r=row, c=column: self._move(r, c, rows, cols))
                self.grid.addWidget(cell, row, column)
                self.cells[cell.key] = cell
        for index in range(self.grid.count()):
            self.grid.itemAt(index).widget().show()  # at once, not from the event loop
        if focused in self.cells:
            self.cells[focused].setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()

    def _add_names(self) -> None:
        """One name per row, as high as the row beside it."""
        heading = QLabel("\n")  # as high as the two-line day headings
        self.names.addWidget(heading)
        for line in self.rows:
            name = QLabel(line.protocol.label)
            name.setFixedHeight(DayCell.height_for(name))
            self.names.addWidget(name)
        self.names.addStretch(1)
        for index in range(self.names.count()):
            widget = self.names.itemAt(index).widget()
            if widget is not None:
                widget.show()

    def _fit(self) -> None:
        """As tall as the rows (and the scroll bar, if one is needed); today in sight."""
        bar = self.scroll.horizontalScrollBar()
        needs_bar = self.board.minimumSizeHint().width() > self.scroll.width()
        extra = bar.sizeHint().height() if needs_bar else 0
        self.scroll.setFixedHeight(self.board.sizeHint().height() + extra)
        bar.setValue(bar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _move(self, row: int, column: int, rows: int, columns: int) -> None:
        row = min(max(row + rows, 1), len(self.rows))
        column = min(max(column + columns, 1), len(self.rows[0].days))
        line = self.rows[row - 1]
        cell = self.cells[(line.protocol, line.days[column - 1].day)]
        cell.setFocus(Qt.FocusReason.TabFocusReason)
        self.scroll.ensureWidgetVisible(cell, 4, 0)

    def cell(self, protocol: ShedProtocol, day: dt.date) -> DayCell:
        return self.cells[(protocol, day)]

    def open_day(self, protocol: ShedProtocol, day: dt.date) -> ShedCountForm:
        """Open the form on ``day``'s count of ``protocol``: to edit it, or to add it."""
        form = ShedCountForm(
            self.history, None, self.window(), today=self.today, day=day, protocol=protocol
        )
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.destroyed.connect(lambda *_: setattr(self, "form", None))
        self.form = form
        form.open()
        self.form_opened.emit(form)
        return form
