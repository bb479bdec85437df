"""The viewer's side panel: a photo's region, date and notes to edit, its file, and Delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hairjournal.core.enums import ScalpRegion
from hairjournal.store.photos import PhotoInfo
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput
from hairjournal.ui.style import heading, quiet

WIDTH = 290


class PhotoDetails(QWidget):
    """``changes()`` are the edited fields as the journal stores them (``taken_at`` keeps the
    time of day); ``edited`` is emitted on every change of an input."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: PhotoInfo | None = None
        self.setFixedWidth(WIDTH)
        self.region = ChoiceInput(ScalpRegion)
        self.region.setAccessibleName("Region")
        self.taken_on = DateInput(dt.date.today())
        self.taken_on.setAccessibleName("Taken on")
        self.notes = NotesInput()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("What you noticed, the light, the camera…")
        self.file = quiet(QLabel())
        self.file.setWordWrap(True)
        self.save_button = QPushButton("&Save changes")
        self.save_button.setToolTip("Changes are also saved when you go to another photo or close")
        self.save_button.setAutoDefault(False)
        self.delete_button = QPushButton("&Delete photo…")
        self.delete_button.setAutoDefault(False)
        self.region.currentIndexChanged.connect(self._changed)
        self.taken_on.dateChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Region", self.region)
        form.addRow("&Taken on", self.taken_on)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(heading("Details", 1.1))
        layout.addLayout(form)
        notes_label = QLabel("N&otes")
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.save_button)
        layout.addSpacing(12)
        layout.addWidget(self.file)
        layout.addStretch(1)
        layout.addWidget(self.delete_button)
        self.show_photo(None)

    def show_photo(self, info: PhotoInfo | None) -> None:
        """Fill the inputs from ``info`` (None: empty and disabled), dropping unsaved edits."""
        self.info = info
        for widget in (self.region, self.taken_on, self.notes, self.delete_button):
            widget.setEnabled(info is not None)
        self.taken_on.setMaximumDate(QDate.currentDate())
        if info is None:
            self.notes.set_value("")
            self.file.setText("")
        else:
            self.region.set_value(info.region)
            self.taken_on.set_value(info.taken_at.date())
            self.notes.set_value(info.notes)
            name = f"\n{info.original_name}" if info.original_name else ""
            self.file.setText(
                f"{info.width:,} \N{MULTIPLICATION SIGN} {info.height:,} pixels, "
                f"{info.format}{name}"
            )
        self._changed()

    def changes(self) -> dict[str, Any]:
        """The fields whose inputs differ from the photo as stored."""
        info = self.info
        if info is None:
            return {}
        values: dict[str, Any] = {}
        if self.region.value() != info.region:
            values["region"] = self.region.value()
        if self.taken_on.value() != info.taken_at.date():
            values["taken_at"] = dt.datetime.combine(self.taken_on.value(), info.taken_at.time())
        if self.notes.value() != info.notes:
            values["notes"] = self.notes.value()
        return values

    def _changed(self) -> None:
        self.save_button.setEnabled(bool(self.changes()))
        self.edited.emit()
