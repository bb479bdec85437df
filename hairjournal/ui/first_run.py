"""The first run: no journal yet, so ask the condition and the first treatment, then create it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from hairjournal.ui import disclaimer
from hairjournal.ui.journal_form import JournalForm
from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet


class FirstRunPage(QWidget):
    """Fills the window until the journal exists; Quit leaves without creating anything."""

    create_requested = Signal(object)  # JournalDetails
    quit_requested = Signal()

    def __init__(
        self, journal_path: Path, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        panel, inner = card()
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(heading("Welcome to Hair Journal", 1.7))
        inner.addWidget(
            paragraph(
                "Your journal keeps your treatment sessions, shedding counts, check-ins, clinic "
                "figures and scalp photos in one file on this computer. To start it, say what "
                "you are treating and with what."
            )
        )
        self.form = JournalForm(ask_title=False, ask_onset=False, treatment_optional=False)
        self.form.treatment_group.setTitle("Your treatment")
        inner.addWidget(self.form)
        inner.addWidget(quiet(paragraph(f"The journal will be created as {journal_path}.")))
        inner.addWidget(quiet(paragraph(f"{disclaimer.RECORDS_NOT_ADVICE} {disclaimer.PRIVACY}")))

        buttons = QDialogButtonBox()
        self.create_button = QPushButton("Create my journal")
        self.create_button.setDefault(True)
        self.quit_button = QPushButton("Quit")
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: self.create_requested.emit(self.form.details()))
        buttons.rejected.connect(self.quit_requested)
        inner.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(limited_width(panel, 640, centred=True))
        layout.addStretch(2)
