"""The panel that lists one kind of record: add, edit, delete, filter by dates and text.

API:

``RecordList(history, model, columns, *, title, form_class, validate, describe,
consequence=None, also_refresh_on=(), plural=None, parent=None)``

- ``columns``: ``record_table.Column``s; ``validate(row) -> Verdict`` and ``describe(row)``
  as for ``record_table.RecordTableModel``. ``describe`` names one record without an article,
  e.g. "shedding count of 3 Nov 2026 (daily total, 85)": the delete question is
  "Delete the <describe>?" and the undo texts "Delete <describe>" / "Edit <describe>".
- ``consequence(row) -> str`` is added below the delete question when it returns text, e.g.
  "Its 4 sessions will be deleted with it."
- ``form_class(history, record_id, parent)`` is a ``RecordForm`` (or anything built the same
  way): Add… opens it with ``None``; Edit…, a double-click and Enter open it on the selected row.
  The open form is ``self.form``.
- Refreshes itself when ``history.changed`` emits ``model`` or one of ``also_refresh_on``
  (at once if shown, else when next shown), keeping the selection and scroll position.
  ``refresh()`` re-reads the journal now; call it when a journal is opened.
- ``current_id()``, ``select_record(record_id)``, ``delete_current()``, ``open_form(id)``;
  ``table`` (the view), ``records`` (the ``RecordTableModel``), ``filter`` (the
  ``RecordFilter``), ``count_line`` (the "412 of 1,204 shown" label).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.validation import Verdict
from hairjournal.store import models
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.history import History
from hairjournal.ui.history_follower import FollowsHistory
from hairjournal.ui.inputs import OptionalDateInput
from hairjournal.ui.record_table import Column, RecordFilter, RecordTableModel, Row
from hairjournal.ui.record_view import RecordEditors, RecordTable
from hairjournal.ui.style import heading, quiet
from hairjournal.ui.wrapping_row import WrappingRow

Index = QModelIndex | QPersistentModelIndex
SEARCH_WIDTH = 320  # at most; a wider box would only push the buttons apart
FILTER_DAYS = 30  # the "From" date first offered, this many days back


def _group(*widgets: QWidget) -> QWidget:
    """Widgets kept together on one line of the toolbar."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return group


class RecordList(FollowsHistory, QWidget):
    """A titled, filterable list of one kind of record; see the module's docstring."""

    def __init__(
        self,
        history: History,
        model: type[models.BaseModel],
        columns: Iterable[Column],
        *,
        title: str,
        form_class: Callable[..., Any],
        validate: Callable[[Row], Verdict],
        describe: Callable[[Row], str],
        consequence: Callable[[Row], str] | None = None,
        also_refresh_on: Iterable[type[models.BaseModel]] = (),
        plural: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.model = model
        self.form_class = form_class
        self.describe = describe
        self.consequence = consequence
        self.plural = plural or f"{getattr(form_class, 'noun', 'record')}s"
        self.form: QWidget | None = None
        self.stale = False

        self.records = RecordTableModel(
            history, model, list(columns), validate=validate, describe=describe, parent=self
        )
        self.filter = RecordFilter(self)
        self.filter.setSourceModel(self.records)
        self.table = self._table()
        self.count_line = quiet(QLabel())
        self.count_line.setObjectName("count_line")

        self.add_button = self._button("&Add…", "Add a new record", lambda: self.open_form(None))
        self.edit_button = self._button(
            "E&dit…", "Edit the selected record (Enter)", self.edit_current
        )
        self.delete_button = self._button(
            "Delete", "Delete the selected record (Del)", self.delete_current
        )
        today = dt.date.today()
        self.first = OptionalDateInput("From", today - dt.timedelta(days=FILTER_DAYS))
        self.last = OptionalDateInput("to", today)
        self.first.given.setAccessibleName("Only from a date")
        self.last.given.setAccessibleName("Only up to a date")
        self.first.date.setAccessibleName("From date")
        self.last.date.setAccessibleName("To date")
        for dates in (self.first, self.last):
            dates.given.toggled.connect(self._dates_changed)
            dates.date.dateChanged.connect(self._dates_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search.textChanged.connect(self._text_changed)
        self.clear_button = self._button(
            "Show all", "Clear the dates and the search", self.clear_filters
        )

        tools = WrappingRow()
        tools.addWidget(_group(self.add_button, self.edit_button, self.delete_button))
        tools.addWidget(_group(self.first, self.last))
        searching = _group(self.search, self.clear_button)
        searching.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        searching.setMaximumWidth(SEARCH_WIDTH + 8 + self.clear_button.sizeHint().width())
        tools.addWidget(searching)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if title:
            layout.addWidget(heading(title, 1.3))
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_line)

        self.follow(history, model, *also_refresh_on)
        self.filter.rowsInserted.connect(self._update_count)
        self.filter.rowsRemoved.connect(self._update_count)
        self.filter.modelReset.connect(self._update_count)
        self.filter.layoutChanged.connect(self._update_count)
        self._update_count()
        self._update_buttons()

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _table(self) -> RecordTable:
        table = RecordTable()
        table.setModel(self.filter)
        table.setItemDelegate(RecordEditors(table))
        self.records.dialog_parent = table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setResizeContentsPrecision(200)  # fit to the newest rows only
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        stretch = [n for n, c in enumerate(self.records.columns) if c.stretch]
        for number in stretch or [len(self.records.columns) - 1]:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        date_column = next(
            (n for n, c in enumerate(self.records.columns) if c.field == self.records.date_field),
            -1,
        )
        header.setSortIndicator(date_column, Qt.SortOrder.DescendingOrder)
        table.doubleClicked.connect(lambda _index: self.edit_current())
        table.open_requested.connect(self.edit_current)
        table.delete_requested.connect(self.delete_current)
        selection = table.selectionModel()
        selection.currentRowChanged.connect(lambda *_: self._update_buttons())
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        table.setAccessibleName(self.plural.capitalize())
        return table

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the records again, keeping the selected record and the scroll position."""
        current = self.current_id()
        scroll = self.table.verticalScrollBar().value()
        first_load = self.records.rowCount() == 0
        self.records.refresh()
        self.stale = False
        if first_load and self.records.rowCount():
            self.table.resizeColumnsToContents()
        if current is not None:
            self.select_record(current, scroll=False)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_buttons()

    def current_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        source = self.filter.mapToSource(index)
        return self.records.record_id(source.row())

    def current_row(self) -> Row | None:
        record_id = self.current_id()
        row = None if record_id is None else self.records.row_of(record_id)
        return None if row is None else self.records.row_at(row)

    def select_record(self, record_id: int, *, scroll: bool = True) -> bool:
        """Select the record's row (if it is shown); False if it is not."""
        row = self.records.row_of(record_id)
        if row is None:
            return False
        index = self.filter.mapFromSource(self.records.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if scroll:
            self.table.scrollTo(index)
        return True

    # -- filters --------------------------------------------------------------------------------

    def _dates_changed(self) -> None:
        self.filter.set_dates(self.first.value(), self.last.value())
        self._update_count()

    def _text_changed(self, text: str) -> None:
        self.filter.set_text(text)
        self._update_count()

    def clear_filters(self) -> None:
        self.first.set_value(None)
        self.last.set_value(None)
        self.search.clear()

    def _update_count(self) -> None:
        total, shown = self.records.rowCount(), self.filter.rowCount()
        if not total:
            text = f"No {self.plural} yet."
        elif self.filter.is_filtering():
            text = f"{shown:,} of {total:,} shown"
        else:
            noun = getattr(self.form_class, "noun", "record") if total == 1 else self.plural
            text = f"{total:,} {noun}"
        self.count_line.setText(text)
        self.clear_button.setEnabled(self.filter.is_filtering())

    def _update_buttons(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- changing -------------------------------------------------------------------------------

    def open_form(self, record_id: int | None) -> QWidget:
        """Open the form to add (``record_id`` None) or edit a record; it saves through history."""
        form = self.form_class(self.history, record_id, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self.select_record)
        form.finished.connect(lambda _result, f=form: self._form_closed(f))
        self.form = form
        form.open()
        return form

    def _form_closed(self, form: QWidget) -> None:
        if self.form is form:
            self.form = None

    def edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.open_form(record_id)

    def delete_current(self) -> bool:
        """Delete the selected record once the person confirms; True if it was deleted."""
        row = self.current_row()
        if row is None:
            return False
        what = self.describe(row)
        question = f"Delete the {what}?"
        extra = self.consequence(row) if self.consequence is not None else ""
        if extra:
            question += f"\n\n{extra}"
        if not prompts.confirm(self, "Delete?", question, "Delete"):
            return False
        position = self.table.selectionModel().currentIndex().row()
        try:
            self.history.remove(self.model, row["id"], f"Delete {what}")
        except WriteFailed as failure:
            prompts.show_error(self, "Nothing was deleted", failure.message)
            return False
        if self.stale:
            self.refresh()
        below = self.filter.index(min(position, self.filter.rowCount() - 1), 0)
        if below.isValid():
            self.select_record(self.records.record_id(self.filter.mapToSource(below).row()))
        return True
