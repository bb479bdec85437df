"""File > New: the details of a new journal; where to save it is asked next, through prompts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hairjournal.ui.journal_form import JournalDetails, JournalForm
from hairjournal.ui.style import paragraph, quiet


class NewJournalDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New journal")
        self.form = JournalForm()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Choose where to save…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(
            quiet(paragraph("The new journal is one file; you choose where it is saved next."))
        )
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def details(self) -> JournalDetails:
        return self.form.details()
