"""Importing CSV files: how each file was read, the columns of a spreadsheet kept before the app,
a preview of every row (will import, duplicate, or refused and why), then the import.

The preview and the import both run as a ``CsvImportJob`` off the GUI thread. The import is
one transaction, added to the undo history as one step: Edit > Undo takes every imported
record out again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ShedProtocol
from hairjournal.services.csv_dates import DateOrder
from hairjournal.services.csv_import import (
    FilePlan,
    ImportOptions,
    ImportPlan,
    ImportResult,
    Mapping,
    Status,
)
from hairjournal.services.csv_import_job import CsvImportJob
from hairjournal.services.csv_planner import RowOutcome
from hairjournal.store import csv_rows, models
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput
from hairjournal.ui.style import heading, paragraph, quiet

Index = QModelIndex | QPersistentModelIndex
REFUSED_COLOUR = QColor("#b3261e")
NONE = "(none)"


def status_text(outcome: RowOutcome) -> str:
    if outcome.status is Status.NEW:
        return "will import" + (f" (note: {outcome.reason})" if outcome.reason else "")
    if outcome.status is Status.DUPLICATE:
        return f"duplicate: {outcome.reason}"
    return f"refused: {outcome.reason}"


class PreviewModel(QAbstractTableModel):
    """The rows of one file: number, what will happen, and the cells as the file has them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.outcomes: list[RowOutcome] = []

    def show_file(self, plan: FilePlan | None) -> None:
        self.beginResetModel()
        self.names = list(plan.names) if plan is not None else []
        self.outcomes = list(plan.outcomes) if plan is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        return ("Row", "Status", *self.names)[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.outcomes):
            return None
        outcome = self.outcomes[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(outcome.row)
            if column == 1:
                return status_text(outcome)
            cells = outcome.cells
            return cells[column - 2] if column - 2 < len(cells) else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return REFUSED_COLOUR if outcome.status is Status.REFUSED else None
        return None


class _Imported(QUndoCommand):
    """An import that has happened; undo removes every record it added, redo puts them back."""

    def __init__(self, history: History, added: dict[type[models.BaseModel], list[int]]) -> None:
        count = sum(len(ids) for ids in added.values())
        super().__init__(f"Import {count} record{'s' if count != 1 else ''} from CSV")
        self.history, self.added = history, added
        self.model = next(iter(added))  # History.run reports this one; the others below
        self.removed: list[csv_rows.RemovedRows] = []
        self.done = True

    def redo(self) -> None:
        if self.done:
            return  # the import itself was the first "redo"
        self.history.run(self, lambda: csv_rows.put_back(self.removed))  # type: ignore[arg-type]
        self._refresh()
        self.done = True

    def undo(self) -> None:
        def take_out() -> None:
            self.removed = csv_rows.remove_all(self.added)

        self.history.run(self, take_out)  # type: ignore[arg-type]
        self._refresh()
        self.done = False

    def _refresh(self) -> None:
        for model in list(self.added)[1:]:
            self.history.changed.emit(model)


class CsvImportDialog(QDialog):
    """``preview_ready()`` when the rows are planned; ``import_finished()`` when the summary
    shows; ``records_imported(added)`` with the new ids by model when anything went in."""

    preview_ready = Signal()
    import_finished = Signal()
    records_imported = Signal(object)

    def __init__(self, paths: list[Path], history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.history = history
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.preview_job: CsvImportJob | None = None
        self.job: CsvImportJob | None = None
        self._filling = False  # the mapping is being shown, not changed by the person
        self.setWindowTitle("Import from CSV")
        self.resize(1000, 680)

        self.title = heading("Reading the files…", 1.3)
        self.files_text = paragraph("")
        self.files_text.setObjectName("csv_files")
        self.files_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_column = QComboBox()
        self.count_column = QComboBox()
        self.protocol = ChoiceInput(ShedProtocol)
        self.wash_column = QComboBox()
        self.notes_column = QComboBox()
        self.keep_others = QCheckBox("Keep the other columns in each count's notes")
        self.keep_others.setChecked(True)
        self.date_order = QComboBox()
        self.date_order.addItem("as the file shows", None)
        for order in DateOrder:
            self.date_order.addItem(order.label, order)
        self.mapping_box = self._mapping_box()
        self.file_choice = QComboBox()
        self.file_choice.setAccessibleName("File to preview")
        self.file_choice.currentIndexChanged.connect(self._show_file)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Rows")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # widths from a few rows
        self.counts_text = paragraph("")
        self.counts_text.setObjectName("csv_counts")
        self.progress = QProgressBar()
        self.progress.hide()
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        self.summary_title = heading("", 1.3)
        self.summary_text = QPlainTextEdit()
        self.summary_text.setReadOnly(True)
        self.summary_text.setAccessibleName("What was imported")
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._summary_page())
        QVBoxLayout(self).addWidget(self.pages)
        for combo in (
            self.date_column,
            self.count_column,
            self.protocol,
            self.wash_column,
            self.notes_column,
            self.date_order,
        ):
            combo.currentIndexChanged.connect(self._options_changed)
        self.keep_others.toggled.connect(self._options_changed)
        self._preview(ImportOptions())

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox("Your spreadsheet's columns (it comes in as shedding counts)")
        form = QFormLayout(box)
        form.addRow("&Date", self.date_column)
        form.addRow("Co&unt", self.count_column)
        form.addRow("Counted &by", self.protocol)
        form.addRow("&Wash day", self.wash_column)
        form.addRow("&Notes", self.notes_column)
        form.addRow("", self.keep_others)
        form.addRow("Dates like 03/04/2025 are", self.date_order)
        box.hide()
        return box

    def _setup_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.files_text)
        layout.addWidget(self.mapping_box)
        choice = QHBoxLayout()
        self.preview_label = QLabel("Rows of")
        choice.addWidget(self.preview_label)
        choice.addWidget(self.file_choice, 1)
        layout.addLayout(choice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        layout.addWidget(
            quiet(
                paragraph(
                    "Rows already in the journal are not added twice. Nothing is "
                    "written until you press Import; then all rows go in together, "
                    "and Edit > Undo takes them out again."
                )
            )
        )
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    # -- the preview ---------------------------------------------------------------------------

    def options(self) -> ImportOptions:
        """What the mapping and date order widgets say."""
        if self.mapping_box.isHidden() and self.date_order.currentData() is None:
            return ImportOptions()

        def column(combo: QComboBox) -> str | None:
            data = combo.currentData()
            return None if data is None else data

        mapping = Mapping(
            date_column=column(self.date_column),
            count_column=column(self.count_column),
            protocol=ShedProtocol(self.protocol.value()),
            wash_day_column=column(self.wash_column),
            notes_column=column(self.notes_column),
            keep_other_columns=self.keep_others.isChecked(),
        )
        return ImportOptions(mapping=mapping, date_order=self.date_order.currentData())

    def _options_changed(self) -> None:
        if not self._filling:
            self._preview(self.options())

    def _preview(self, options: ImportOptions) -> None:
        if self.preview_job is not None:
            self.preview_job.cancel()  # its result, if it comes, is for other options
        self.import_button.setEnabled(False)
        self.counts_text.setText("Reading the rows…")
        job = self.preview_job = CsvImportJob(self.paths, options, dry_run=True, parent=self)
        job.finished.connect(self._previewed)
        job.failed.connect(self._preview_failed)
        job.start()

    def previewing(self) -> bool:
        return self.preview_job is not None

    def _previewed(self, job: CsvImportJob, result: ImportResult) -> None:
        if job is not self.preview_job:
            return  # a preview for options changed since
        self.preview_job = None
        self.plan = result.plan
        self._fill_mapping(result.plan)
        lines = [plan.describe() for plan in result.plan.files]
        self.files_text.setText("\n".join(lines))
        count = len(self.paths)
        self.title.setText(f"Import {count} file{'s' if count != 1 else ''}")
        current = self.file_choice.currentIndex()
        self.file_choice.blockSignals(True)
        self.file_choice.clear()
        for plan in result.plan.files:
            self.file_choice.addItem(plan.path.name)
        self.file_choice.setCurrentIndex(max(current, 0))
        self.file_choice.blockSignals(False)
        self.file_choice.setVisible(count > 1)
        self.preview_label.setVisible(count > 1)
        self._show_file(self.file_choice.currentIndex())
        new = result.plan.count(Status.NEW)
        self.counts_text.setText(
            f"{new} row{'s' if new != 1 else ''} will be imported, "
            f"{result.plan.count(Status.DUPLICATE)} already in the journal, "
            f"{result.plan.count(Status.REFUSED)} refused."
        )
        self.import_button.setText(f"&Import {new} row{'s' if new != 1 else ''}")
        self.import_button.setEnabled(new > 0)
        self.preview_ready.emit()

    def _preview_failed(self, job: CsvImportJob, message: str) -> None:
        if job is self.preview_job:
            self.preview_job = None
            self.counts_text.setText(message)
            self.preview_ready.emit()

    def _fill_mapping(self, plan: ImportPlan) -> None:
        """Show the mapping of the first spreadsheet kept before the app, as it was used."""
        foreign = next((f for f in plan.files if f.foreign), None)
        unclear = any(f.dates_unclear for f in plan.files)
        self._filling = True
        try:
            if foreign is not None:
                mapping = foreign.mapping or Mapping(None, None)
                for combo, chosen, optional in (
                    (self.date_column, mapping.date_column, False),
                    (self.count_column, mapping.count_column, False),
                    (self.wash_column, mapping.wash_day_column, True),
                    (self.notes_column, mapping.notes_column, True),
                ):
                    combo.clear()
                    combo.addItem(NONE, "" if optional else None)
                    for name in foreign.names:
                        combo.addItem(name, name)
                    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
                self.protocol.set_value(mapping.protocol)
            self.mapping_box.setVisible(foreign is not None or unclear)
            for widget in (self.date_column, self.count_column, self.wash_column):
                widget.setVisible(foreign is not None)
        finally:
            self._filling = False

    def _show_file(self, index: int) -> None:
        files = self.plan.files if self.plan is not None else []
        self.model.show_file(files[index] if 0 <= index < len(files) else None)
        self.table.resizeColumnsToContents()

    # -- importing -----------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.job is not None or self.plan is None:
            return
        self.job = CsvImportJob(self.paths, self.options(), dry_run=False, parent=self)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.stopped.connect(self._stopped)
        for widget in (self.mapping_box, self.import_button, self.file_choice):
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.job.start()

    def importing(self) -> bool:
        return self.job is not None and self.pages.currentIndex() == 0

    def _progressed(self, _job: CsvImportJob, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, _job: CsvImportJob, result: ImportResult) -> None:
        self.result = result
        if result.added:
            self.history.stack.push(_Imported(self.history, result.added))
            for model in result.added:
                self.history.changed.emit(model)  # every view showing these reads again
            self.records_imported.emit(result.added)
        added = result.added_count
        title = f"Imported {added} record{'s' if added != 1 else ''}"
        self._summary(title, "\n".join(result.lines()))

    def _failed(self, _job: CsvImportJob, message: str) -> None:
        self._summary("Nothing was imported", message)

    def _stopped(self, _job: CsvImportJob) -> None:
        self._summary("Import cancelled", "The import was cancelled; nothing was written.")

    def _summary(self, title: str, text: str) -> None:
        self.summary_title.setText(title)
        self.summary_text.setPlainText(text)
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.import_finished.emit()

    def reject(self) -> None:
        """Cancel during an import cancels it (nothing is written); the dialog then says so."""
        if self.importing():
            assert self.job is not None
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            return
        if self.preview_job is not None:
            self.preview_job.cancel()
        super().reject()
