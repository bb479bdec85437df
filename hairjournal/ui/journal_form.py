"""The questions a new journal starts from, shared by File > New and the first run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import Choice, Condition, TreatmentKind
from hairjournal.ui.date_text import from_qdate, to_qdate

DEFAULT_TITLE = "My hair journal"
EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class JournalDetails:
    """What a new journal is created with."""

    title: str
    condition: Condition
    onset_on: dt.date | None
    first_treatment: tuple[TreatmentKind, dt.date] | None


def choice_box(choice: type[Choice]) -> QComboBox:
    """A drop-down of a choice's labels, each carrying its code."""
    box = QComboBox()
    for member in choice:
        box.addItem(member.label, member.value)
    return box


def date_edit(today: dt.date) -> QDateEdit:
    """A date picker from 1900 up to today (a start date is never in the future)."""
    edit = QDateEdit(to_qdate(today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setDateRange(to_qdate(EARLIEST), to_qdate(today))
    return edit


class JournalForm(QWidget):
    """Title, condition, onset and first treatment; which of them it asks is up to the caller."""

    def __init__(
        self,
        *,
        ask_title: bool = True,
        ask_onset: bool = True,
        treatment_optional: bool = True,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        today = today or dt.date.today()

        self.title_edit = QLineEdit(DEFAULT_TITLE)
        self.title_edit.setPlaceholderText(DEFAULT_TITLE)
        self.title_edit.setMaxLength(120)
        self.condition_box = choice_box(Condition)

        self.onset_known = QCheckBox("I know when it began:")
        self.onset_edit = date_edit(today)
        self.onset_edit.setEnabled(False)
        self.onset_known.toggled.connect(self.onset_edit.setEnabled)
        onset_row = QHBoxLayout()
        onset_row.setContentsMargins(0, 0, 0, 0)
        onset_row.addWidget(self.onset_known)
        onset_row.addWidget(self.onset_edit, 1)

        about = QFormLayout()
        if ask_title:
            about.addRow("&Title:", self.title_edit)
        about.addRow("&Condition:", self.condition_box)
        if ask_onset:
            about.addRow("Onset:", onset_row)
        else:
            self.onset_known.hide()
            self.onset_edit.hide()
        if not ask_title:
            self.title_edit.hide()

        self.kind_box = choice_box(TreatmentKind)
        self.started_edit = date_edit(today)
        self.treatment_group = QGroupBox("First treatment")
        self.treatment_group.setCheckable(treatment_optional)
        treatment = QFormLayout(self.treatment_group)
        treatment.addRow("&Treatment:", self.kind_box)
        treatment.addRow("&Started on:", self.started_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(about)
        layout.addWidget(self.treatment_group)

    def details(self) -> JournalDetails:
        first_treatment = None
        if not self.treatment_group.isCheckable() or self.treatment_group.isChecked():
            kind = TreatmentKind(self.kind_box.currentData())
            first_treatment = (kind, from_qdate(self.started_edit.date()))
        onset = from_qdate(self.onset_edit.date()) if self.onset_known.isChecked() else None
        return JournalDetails(
            title=self.title_edit.text().strip() or DEFAULT_TITLE,
            condition=Condition(self.condition_box.currentData()),
            onset_on=onset,
            first_treatment=first_treatment,
        )
