"""What the window shows when no journal is open (the one asked for could not be opened)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hairjournal.ui.style import card, heading, limited_width, paragraph


class NoJournalPage(QWidget):
    open_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        panel, inner = card()
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(heading("No journal is open", 1.5))
        inner.addWidget(
            paragraph(
                "Open a journal file, or start a new one. Each journal is one file on this "
                "computer; the app never uses the network."
            )
        )
        self.open_button = QPushButton("Open a journal…")
        self.new_button = QPushButton("New journal…")
        self.open_button.clicked.connect(self.open_requested)
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        inner.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(limited_width(panel, 560, centred=True))
        layout.addStretch(2)
