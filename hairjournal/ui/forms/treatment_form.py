"""A course of treatment: what it is, the product and dose, when it started and stopped."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from hairjournal.core.enums import TreatmentKind
from hairjournal.core.validation import Verdict, validate_treatment
from hairjournal.store import models
from hairjournal.store.records import Values
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, OptionalDateInput
from hairjournal.ui.record_form import RecordForm

KIND_HINT = "A course is one product or procedure over a span of time; its sessions belong to it."
PLANNING_AHEAD = dt.timedelta(weeks=4)  # the date offered when a next session is ticked
NEXT_HINT = "The date of the next planned session or visit; the dashboard reminds you of it."


class TreatmentForm(RecordForm):
    model = models.Treatment
    noun = "course"

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(history, record_id, parent, today=today)
        self.setMinimumWidth(520)
        self.kind = self.add_field("kind", "&Treatment:", ChoiceInput(TreatmentKind), KIND_HINT)
        self.product = self.add_field("product", "&Product:", QLineEdit())
        self.product.setPlaceholderText("e.g. the product's name, or the clinic's name for it")
        self.dose = self.add_field("dose", "&Dose:", QLineEdit())
        self.dose.setPlaceholderText("e.g. 1 ml twice daily, or 3 ml every 4 weeks")
        self.started_on = self.add_field("started_on", "&Started on:", DateInput(self.today))
        self.stopped_on = self.add_field(
            "stopped_on", "St&opped on:", OptionalDateInput("It has stopped, on", self.today)
        )
        self.next_session_on = self.add_field(
            "next_session_on",
            "Ne&xt session:",
            OptionalDateInput("One is planned, on", self.today + PLANNING_AHEAD),
            NEXT_HINT,
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())
        self.load_record()
        self.kind.setFocus()  # not the Save button, which comes first in the focus chain

    def values(self) -> Values:
        return {
            "kind": self.kind.value(),
            "product": self.product.text().strip(),
            "dose": self.dose.text().strip(),
            "started_on": self.started_on.value(),
            "stopped_on": self.stopped_on.value(),
            "next_session_on": self.next_session_on.value(),
            "notes": self.notes.value(),
        }

    def load(self, values: Values) -> None:
        self.kind.set_value(values["kind"])
        self.product.setText(values["product"])
        self.dose.setText(values["dose"])
        self.started_on.set_value(values["started_on"])
        self.stopped_on.set_value(values["stopped_on"])
        self.next_session_on.set_value(values["next_session_on"])
        self.notes.set_value(values["notes"])

    def verdict(self, values: Values) -> Verdict:
        return validate_treatment(
            values["started_on"],
            values["stopped_on"],
            values["next_session_on"],
            today=self.today,
        )

    def describe(self, values: Values) -> str:
        verb = "Edit" if self.record_id else "Add"
        return f"{verb} course “{values['kind'].label}”"
