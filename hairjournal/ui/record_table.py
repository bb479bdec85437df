"""The item model every list of records uses, and the filter in front of it.

API (the widget around them is ``record_list.RecordList``; columns are
``record_columns.Column``, importable from here too):

- ``RecordTableModel(history, model, columns, *, validate, describe)``: the rows of
  ``store.listing.rows(model)``; call ``refresh()`` to re-read them. An edit is checked with
  ``validate(row) -> Verdict`` on the whole edited row (errors refuse it and are shown with
  ``prompts.show_error``; confirmations are asked with ``prompts.confirm``) and written with
  ``History.change`` under the undo text ``"Edit " + describe(row)``. ``record_id(row)``,
  ``row_at(row)`` and ``row_of(record_id)`` map between rows and records. Numbers are
  right-aligned. ``sort(column, order)`` sorts dates and numbers by value, the rest by the
  text shown (``SORT_ROLE`` gives the same keys), in Python: a few thousand rows sort in
  milliseconds, where a proxy asking Python for every comparison takes half a second.
- ``RecordFilter(QSortFilterProxyModel)``: ``set_dates(first, last)`` (either may be None)
  on the kind's date field and ``set_text(text)``, a case-insensitive search of what each
  row shows; its ``sort`` is the source model's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from hairjournal.core.validation import Verdict
from hairjournal.store import listing, models
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.history import History
from hairjournal.ui.record_columns import Column, Kind, Row, resolve, sort_key

__all__ = ["SORT_ROLE", "Column", "Kind", "RecordFilter", "RecordTableModel", "Row"]

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts as people expect
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NOT_CHANGED = "The change was not saved"


class RecordTableModel(QAbstractTableModel):
    """Every record of one kind, a row each; see the module's docstring."""

    def __init__(
        self,
        history: History,
        model: type[models.BaseModel],
        columns: tuple[Column, ...] | list[Column],
        *,
        validate: Callable[[Row], Verdict],
        describe: Callable[[Row], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.model = model
        self.columns = tuple(resolve(column, model) for column in columns)
        self.validate = validate
        self.describe = describe
        self.date_field = listing.DATE_FIELD[model]
        self.dialog_parent = parent  # what error boxes and questions are shown over
        self._rows: list[Row] = []
        self._positions: dict[int, int] = {}
        self._search: list[str] | None = None
        self.sort_column = -1  # -1: as listed, newest first
        self.sort_order = Qt.SortOrder.DescendingOrder

    # -- rows ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every record again from the journal."""
        self.beginResetModel()
        self._set_rows(self._sorted(listing.rows(self.model)))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._set_rows([])
        self.endResetModel()

    def _set_rows(self, rows: list[Row]) -> None:
        self._rows = rows
        self._positions = {row["id"]: number for number, row in enumerate(rows)}
        self._search = None

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if not 0 <= self.sort_column < len(self.columns):
            return rows
        column = self.columns[self.sort_column]
        return sorted(  # stable: rows that tie stay newest first
            rows,
            key=lambda row: sort_key(
                column, row.get(column.field), column.text(row.get(column.field), row)
            ),
            reverse=self.sort_order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: newest first, as listed), keeping persistent indexes."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.record_id(index.row()) for index in persistent]
        self.sort_column, self.sort_order = column, order
        rows = self._rows
        if column < 0:
            date = self.date_field
            rows = sorted(rows, key=lambda row: (row[date] is not None, row[date], row["id"]))
            rows.reverse()
        self._set_rows(self._sorted(rows))
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._positions[i], index.column())
                for i, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def record_id(self, row: int) -> int:
        return self._rows[row]["id"]

    def row_of(self, record_id: int) -> int | None:
        return self._positions.get(record_id)

    def date_at(self, row: int) -> dt.date | None:
        return self._rows[row][self.date_field]

    def search_text(self, row: int) -> str:
        """What the row shows (texts in full, ticked boxes by their title), for the text filter."""
        if self._search is None:
            self._search = [self._row_search_text(values) for values in self._rows]
        return self._search[row]

    def _row_search_text(self, values: Row) -> str:
        parts = []
        for column in self.columns:
            value = values.get(column.field)
            if column.kind is Kind.BOOL:
                parts.append(column.title if value else "")
            else:
                parts.append(column.text(value, values))
                if column.kind is Kind.TEXT and isinstance(value, str):
                    parts.append(value)  # all of it, though only the first line is shown
        return "\n".join(parts).casefold()

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self.columns[index.column()]
        values = self._rows[index.row()]
        value = values.get(column.field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(value, values)
        if role == SORT_ROLE:
            return sort_key(column, value, column.text(value, values))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is Kind.NUMBER:
            return int(RIGHT)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is Kind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip and value:
            return ", ".join(value) if column.kind is Kind.LIST else str(value)
        if role == RECORD_ID_ROLE:
            return values["id"]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is Kind.NUMBER:
            return int(RIGHT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable:
            if column.kind is Kind.BOOL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Write ``value`` (a Python value of the field's type) to the record, if allowed.

        For a BOOL column the role is CheckStateRole and the value a check state.
        """
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        column = self.columns[index.column()]
        if column.kind is Kind.BOOL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        return self.write(self.record_id(index.row()), column.field, value)

    # -- writing ------------------------------------------------------------------------------

    def write(self, record_id: int, field: str, value: Any) -> bool:
        """Check and store one changed field of a record; True if the journal holds it."""
        row = self.row_of(record_id)
        if row is None:
            return False
        before = self._rows[row]
        if before.get(field) == value:
            return True
        after = {**before, field: value}
        verdict = self.validate(after)
        if verdict.errors:
            prompts.show_error(
                self.dialog_parent, NOT_CHANGED, "\n".join(p.message for p in verdict.errors)
            )
            return False
        for problem in verdict.confirmations:
            if not prompts.confirm(self.dialog_parent, "Please check", problem.message, "Save"):
                return False
        try:
            self.history.change(
                self.model, record_id, {field: value}, f"Edit {self.describe(before)}"
            )
        except WriteFailed as failure:
            prompts.show_error(self.dialog_parent, NOT_CHANGED, failure.message)
            return False
        row = self.row_of(record_id)  # the list may have been read again meanwhile
        if row is not None and self._rows[row].get(field) != value:
            self._rows[row] = {**self._rows[row], field: value}
            self._search = None
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True

    def show_unreadable(self, message: str) -> None:
        """An in-place entry that is not a value at all (letters in a number)."""
        prompts.show_error(self.dialog_parent, NOT_CHANGED, message)


class RecordFilter(QSortFilterProxyModel):
    """Rows of a ``RecordTableModel`` within a date range and containing a text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def set_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        """Only rows dated from ``first`` to ``last`` inclusive; None leaves that end open."""
        if (first, last) == (self.first, self.last):
            return
        self.beginFilterChange()
        self.first, self.last = first, last
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Only rows that show ``text`` somewhere (case does not matter)."""
        needle = text.strip().casefold()
        if needle == self.needle:
            return
        self.beginFilterChange()
        self.needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the source model; this proxy keeps its order."""
        self.sourceModel().sort(column, order)

    def is_filtering(self) -> bool:
        return bool(self.needle) or self.first is not None or self.last is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source: RecordTableModel = self.sourceModel()
        if self.first is not None or self.last is not None:
            day = source.date_at(source_row)
            if day is None:
                return False
            if (self.first is not None and day < self.first) or (
                self.last is not None and day > self.last
            ):
                return False
        return not self.needle or self.needle in source.search_text(source_row)
