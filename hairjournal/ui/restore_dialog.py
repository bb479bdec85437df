"""Restore from Backup: the journal's backups, what each holds and whether it passes its check.

The list shows at once what the file names tell (when, what kind, how big); each backup is then
checked in the background, newest first, one at a time (a check reads the whole file's
structure), and its row fills in. Only a backup that passed can be restored, after a question.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hairjournal.services.backup_files import BackupFile, backup_files
from hairjournal.services.backup_listing import BackupListing, describe_backup
from hairjournal.store.check import size_text
from hairjournal.ui import prompts
from hairjournal.ui.background import Background
from hairjournal.ui.style import heading, paragraph, quiet

COLUMNS = ("Taken", "Kind", "What it holds", "Size", "Check")
TAKEN, KIND, HOLDS, SIZE, CHECK = range(len(COLUMNS))
CHECKING = "Checking…"
PASSED = "Passed"
FAILED = "Fails its check"
FAILED_COLOUR = "#b3261e"


def taken_text(backup: BackupFile) -> str:
    return f"{backup.taken_at:%d %B %Y, %H:%M}".lstrip("0")


class RestoreDialog(QDialog):
    """``restore_chosen(listing)`` once the person has picked a backup and confirmed;
    ``checked()`` when every backup listed has been checked."""

    restore_chosen = Signal(object)
    checked = Signal()

    def __init__(self, journal: Path, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.backups = backup_files(folder, journal.stem)
        self.listings: dict[int, BackupListing] = {}
        self._checker = Background()  # bound methods only: dropped if the dialog goes first
        self._checker.done.connect(self._described)
        self._checker.failed.connect(self._not_described)
        self.setWindowTitle("Restore from backup")
        self.resize(860, 460)

        intro = paragraph(
            f"Backups of {journal.name} in {folder}. Restoring one replaces the journal with "
            "it; the journal as it is now is backed up first, so a restore can be undone by "
            "restoring that backup."
        )
        self.table = QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Backups")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOLDS, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            self._set_row(row, backup, "", CHECKING)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty = quiet(
            paragraph(
                "There are no backups of this journal yet. One is taken when Hair Journal "
                "closes (once a day), or now with File > Back Up Now."
            )
        )
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))

        self.restore_button = QPushButton("&Restore this backup…")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        close_button = QPushButton("Close")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Restore from backup", 1.3))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self._check_next()

    def _set_row(self, row: int, backup: BackupFile, holds: str, check: str) -> None:
        cells = (taken_text(backup), backup.kind.label, holds, size_text(backup.size), check)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(backup.path) if column != CHECK else text)
            if column == SIZE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    # -- checking each backup, newest first -------------------------------------------------------

    def checking(self) -> bool:
        return len(self.listings) < len(self.backups)

    def _check_next(self) -> None:
        row = len(self.listings)
        if row >= len(self.backups):
            self.checked.emit()
            return
        backup = self.backups[row]
        self._checker.run(row, lambda: describe_backup(backup))

    def _described(self, row: int, listing: BackupListing) -> None:
        self.listings[row] = listing
        check = PASSED if listing.verified else FAILED
        self._set_row(row, listing.backup, listing.summary(), check)
        if not listing.verified:
            self.table.item(row, CHECK).setForeground(QBrush(FAILED_COLOUR))
            holds = self.table.item(row, HOLDS)
            holds.setText("Cannot be restored: it is damaged or not a journal (details: hover)")
            for column in (HOLDS, CHECK):
                self.table.item(row, column).setToolTip(listing.problem or FAILED)
        elif not self.table.selectionModel().hasSelection():
            self.table.selectRow(row)  # the newest backup that passed, ready to restore
        self._selection_changed()
        self._check_next()

    def _not_described(self, row: int) -> None:
        backup = self.backups[row]
        self._described(row, BackupListing(backup, "it could not be checked", None, None))

    # -- restoring --------------------------------------------------------------------------------

    def selected(self) -> BackupListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.listings.get(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        listing = self.selected()
        self.restore_button.setEnabled(listing is not None and listing.verified)

    def restore_selected(self) -> None:
        listing = self.selected()
        if listing is None or not listing.verified:
            return
        question = (
            f"Replace {self.journal.name} with the backup of {taken_text(listing.backup)} "
            f"({listing.summary()})?\n\nEverything recorded since then is replaced. The journal "
            "as it is now is backed up first, so you can go back to it by restoring that backup."
        )
        if prompts.confirm(self, "Restore this backup?", question, "Restore"):
            self.accept()
            self.restore_chosen.emit(listing)
