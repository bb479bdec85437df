"""Something that can trigger or explain shedding: an illness, a birth, a new medicine."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from hairjournal.core.enums import EventKind
from hairjournal.core.validation import Verdict, validate_event
from hairjournal.store import models
from hairjournal.store.records import Values
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, OptionalDateInput
from hairjournal.ui.record_form import RecordForm

HINT = (
    "Shedding from a trigger such as a fever, surgery or childbirth usually starts two to three "
    "months later (telogen effluvium), so it helps to note the date."
)


class EventForm(RecordForm):
    model = models.Event
    noun = "event"

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(history, record_id, parent, today=today)
        self.kind = self.add_field("kind", "&What happened:", ChoiceInput(EventKind), HINT)
        self.started_on = self.add_field("started_on", "&Started on:", DateInput(self.today))
        self.ended_on = self.add_field(
            "ended_on", "&Ended on:", OptionalDateInput("It has ended, on", self.today)
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())
        self.load_record()

    def values(self) -> Values:
        return {
            "kind": self.kind.value(),
            "started_on": self.started_on.value(),
            "ended_on": self.ended_on.value(),
            "notes": self.notes.value(),
        }

    def load(self, values: Values) -> None:
        self.kind.set_value(values["kind"])
        self.started_on.set_value(values["started_on"])
        self.ended_on.set_value(values["ended_on"])
        self.notes.set_value(values["notes"])

    def verdict(self, values: Values) -> Verdict:
        return validate_event(values["started_on"], values["ended_on"], today=self.today)

    def describe(self, values: Values) -> str:
        verb = "Edit" if self.record_id else "Add"
        return f"{verb} event “{values['kind'].label}”"
