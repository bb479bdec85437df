"""A course of treatment: what it is, the product and dose, when it started and stopped."""

from __future__ import annotations

import datetime as dt

from hairjournal.core.enums import TreatmentKind
from hairjournal.core.statistics import BASELINE_DAYS
from hairjournal.core.validation import Verdict, validate_treatment
from hairjournal.store import models
from hairjournal.store.records import Values
from hairjournal.ui.inputs import (
    ChoiceInput,
    DateInput,
    DateSpanInput,
    NotesInput,
    OptionalDateInput,
    TextInput,
)
from hairjournal.ui.record_form import RecordForm

KIND_HINT = "A course is one product or procedure over a span of time; its sessions belong to it."
PLANNING_AHEAD = dt.timedelta(weeks=4)  # the date offered when a next session is ticked
NEXT_HINT = "The date of the next planned session or visit; the dashboard reminds you of it."
BASELINE_HINT = (
    "The days your counts and check-ins are compared with. Left unticked: the 14 days before "
    "the course's first session. Pick your own if those days were unusual (an illness, say)."
)


class TreatmentForm(RecordForm):
    model = models.Treatment
    noun = "course"

    def build(self) -> None:
        self.setMinimumWidth(520)
        self.kind = self.add_field("kind", "&Treatment:", ChoiceInput(TreatmentKind), KIND_HINT)
        self.product = self.add_field("product", "&Product:", TextInput())
        self.product.setPlaceholderText("e.g. the product's name, or the clinic's name for it")
        self.dose = self.add_field("dose", "&Dose:", TextInput())
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
        self.baseline = self.add_field(
            "baseline",
            "&Baseline:",
            DateSpanInput(
                "My own days, from",
                self.today - dt.timedelta(days=BASELINE_DAYS),
                self.today - dt.timedelta(days=1),
            ),
            BASELINE_HINT,
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())

    def values(self) -> Values:
        values = super().values()
        picked = values.pop("baseline")
        values["baseline_from"], values["baseline_to"] = picked or (None, None)
        return values

    def load(self, values: Values) -> None:
        if "baseline_from" in values:
            first, last = values["baseline_from"], values["baseline_to"]
            values = {**values, "baseline": None if first is None else (first, last)}
        super().load(values)

    def verdict(self, values: Values) -> Verdict:
        first, last = values["baseline_from"], values["baseline_to"]
        return validate_treatment(
            values["started_on"],
            values["stopped_on"],
            values["next_session_on"],
            today=self.today,
            baseline=None if first is None else (first, last),
        )

    def describe(self, values: Values) -> str:
        return f"{self.verb} course “{values['kind'].label}”"
