"""Something that can trigger or explain shedding: an illness, a birth, a new medicine."""

from __future__ import annotations

from hairjournal.core.enums import EventKind
from hairjournal.core.validation import Verdict, validate_event
from hairjournal.store import models
from hairjournal.store.records import Values
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, OptionalDateInput
from hairjournal.ui.record_form import RecordForm

HINT = (
    "Shedding from a trigger such as a fever, surgery or childbirth usually starts two to three "
    "months later (telogen effluvium), so it helps to note the date."
)


class EventForm(RecordForm):
    model = models.Event
    noun = "event"

    def build(self) -> None:
        self.kind = self.add_field("kind", "&What happened:", ChoiceInput(EventKind), HINT)
        self.started_on = self.add_field("started_on", "&Started on:", DateInput(self.today))
        self.ended_on = self.add_field(
            "ended_on", "&Ended on:", OptionalDateInput("It has ended, on", self.today)
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())

    def verdict(self, values: Values) -> Verdict:
        return validate_event(values["started_on"], values["ended_on"], today=self.today)

    def describe(self, values: Values) -> str:
        return f"{self.verb} event “{values['kind'].label}”"
