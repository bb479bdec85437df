"""The views not built yet: each says what it will hold, and that it does nothing today."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet

NOT_BUILT = "Not built yet: nothing can be entered or changed here in this version."

PLANNED = {
    "export": (
        "Export",
        "CSV files of every kind of record and a PDF summary to take to your clinician. Exported "
        "files are not encrypted and contain health data, so the export will say where it "
        "writes them.",
    ),
}


class PlaceholderView(QWidget):
    """An honest panel for a view that is still to come."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, plan = PLANNED[name]
        panel, inner = card()
        inner.addWidget(heading(title, 1.5))
        self.plan = paragraph(plan)
        self.status = quiet(paragraph(NOT_BUILT))
        inner.addWidget(self.plan)
        inner.addWidget(self.status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(limited_width(panel, 760))
        layout.addStretch(1)

    def refresh(self) -> None:
        """Nothing to read yet."""
