"""Help > About: what the app is, what it is not, and where the data stays."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hairjournal import APP_NAME, __version__
from hairjournal.ui import disclaimer

PARAGRAPHS = (
    "A private journal for hair-loss treatment: courses and sessions, shedding counts, "
    "check-ins, clinic figures and scalp photos, kept in one file.",
    disclaimer.RECORDS_NOT_ADVICE,
    disclaimer.EXOSOME_EVIDENCE,
    disclaimer.PRIVACY,
    "Licensed under the GNU General Public License, version 3 or later.",
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        icon = QLabel()
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        heading = QLabel(f"<h2>{APP_NAME}</h2><p>Version {__version__}</p>")
        heading.setObjectName("aboutHeading")
        self.text = QLabel("".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS))
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(440)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(12)
        row.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
