"""The table a record list shows: in-place editors, and Enter and Delete keys that ask for more.

``RecordEditors`` edits a cell with the input a form uses for that kind of value; the write
waits until the editor has closed. ``RecordTable`` emits ``open_requested`` on Enter and
``delete_requested`` on Delete (when no cell is being edited).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from hairjournal.ui.inputs import ChoiceInput, DateInput, NumberInput
from hairjournal.ui.record_table import Column, Kind, RecordTableModel

Index = QModelIndex | QPersistentModelIndex


def _source(index: Index) -> QModelIndex:
    """The index in the ``RecordTableModel`` behind any proxies."""
    index = QModelIndex(index)
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = index.model()
    return index


class RecordEditors(QStyledItemDelegate):
    """In-place editors: the same inputs as the forms. The write happens once the editor closed,
    so that a question or an error box never appears while an editor still has the focus."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        source = _source(index)
        column: Column = source.model().columns[source.column()]
        editor: QWidget
        if column.kind is Kind.DATE:
            editor = DateInput(dt.date.today(), parent)
        elif column.kind is Kind.CHOICE:
            assert column.choice is not None
            editor = ChoiceInput(column.choice, parent)
            editor.activated.connect(lambda _i, e=editor: self._finish(e))
        elif column.kind is Kind.NUMBER:
            editor = NumberInput(whole=bool(column.whole), parent=parent)
        else:
            editor = QLineEdit(parent)
        editor.setAccessibleName(column.title)
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """The cell's place, widened if the editor needs more room (a date with its arrow)."""
        cell = option.rect
        editor.setGeometry(
            cell.x(), cell.y(), max(cell.width(), editor.sizeHint().width()), cell.height()
        )

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        source = _source(index)
        records: RecordTableModel = source.model()
        value = records.row_at(source.row()).get(records.columns[source.column()].field)
        if isinstance(editor, NumberInput | DateInput | ChoiceInput):
            if value is not None:
                editor.set_value(value)
                if isinstance(editor, NumberInput):
                    editor.selectAll()
        else:
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        source = _source(index)
        records: RecordTableModel = source.model()
        record_id = records.record_id(source.row())
        field = records.columns[source.column()].field
        problem = editor.input_problem() if isinstance(editor, NumberInput) else None
        if problem:
            QTimer.singleShot(0, records, lambda: records.show_unreadable(problem))
            return
        value: Any = editor.text().strip() if type(editor) is QLineEdit else editor.value()
        QTimer.singleShot(0, records, lambda: records.write(record_id, field, value))


class RecordTable(QTableView):
    """The table: Enter asks to open the selected record, Delete to delete it."""

    open_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit()
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                event.accept()
                return
        super().keyPressEvent(event)
