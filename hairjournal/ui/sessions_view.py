"""The Sessions view: every session in the journal, listed read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from hairjournal.store import queries
from hairjournal.ui.date_text import day_text
from hairjournal.ui.style import heading, paragraph, quiet

Index = QModelIndex | QPersistentModelIndex


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


COLUMNS: tuple[tuple[str, Any, bool, bool], ...] = (
    # header, text of a row, right-aligned, long text (shares the spare width, elided)
    ("Date", lambda r: day_text(r.date), False, False),
    ("Course", lambda r: r.course_kind.label, False, False),
    ("Route", lambda r: r.route.label, False, False),
    ("Product", lambda r: r.product or r.course_product, False, True),
    ("Clinic", lambda r: r.clinic, False, True),
    ("Volume (ml)", lambda r: _number(r.volume_ml), True, False),
    ("Depth (mm)", lambda r: _number(r.needle_depth_mm), True, False),
    ("Pain (0-10)", lambda r: "" if r.pain is None else str(r.pain), True, False),
    ("Side effects", lambda r: ", ".join(r.side_effects), False, True),
)


class SessionsTableModel(QAbstractTableModel):
    """Sessions as rows, newest first; read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[queries.SessionRow] = []

    def set_rows(self, rows: list[queries.SessionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> queries.SessionRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        _header, text, right, long = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or (role == Qt.ItemDataRole.ToolTipRole and long):
            return text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(len(self._rows) - section)  # sessions numbered from the first
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SessionsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SessionsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, (_header, _text, _right, long) in enumerate(COLUMNS):
            mode = (
                QHeaderView.ResizeMode.Stretch if long else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.summary = paragraph("")
        self.note = quiet(
            paragraph(
                "This list is read-only: adding and editing sessions is not built yet. "
                "Sessions are numbered from the first."
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading("Sessions", 1.5))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def refresh(self) -> None:
        rows = queries.session_rows()
        self.model.set_rows(rows)
        if rows:
            self.summary.setText(
                f"{len(rows)} session{'s' if len(rows) != 1 else ''}, "
                f"from {day_text(rows[-1].date)} to {day_text(rows[0].date)}."
            )
        else:
            self.summary.setText("No sessions are recorded in this journal yet.")
