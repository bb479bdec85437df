"""A check-in: how hair and scalp feel on a day, six ratings from 0 to 10, and notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from hairjournal.core.validation import Problem, Verdict, validate_checkin_entry
from hairjournal.store import models, queries, records
from hairjournal.store.records import Values
from hairjournal.ui.date_text import day_text, weekday_text
from hairjournal.ui.forms.shed_count_form import existing_notice
from hairjournal.ui.history import History
from hairjournal.ui.inputs import DateInput, NotesInput
from hairjournal.ui.rating_input import RatingInput
from hairjournal.ui.record_form import RecordForm

RATINGS = (
    # field, form label, the words at 0, the words at 10
    ("density", "De&nsity:", "very thin", "very full"),
    ("quality", "&Quality (thickness, shine):", "fine and dull", "thick and shiny"),
    ("breakage", "&Breakage:", "none", "a lot"),
    ("itch", "&Itch:", "none", "severe"),
    ("flaking", "&Flaking:", "none", "severe"),
    ("redness", "&Redness:", "none", "severe"),
)
FIELDS = tuple(field for field, *_ in RATINGS)


def checkin_verdict(values: Values, *, today: dt.date, record_id: int | None) -> Verdict:
    """The checks of ``core.validation``, plus: one check-in a day (for the form and the list)."""
    day = values["date"]
    ratings = {field: values.get(field) for field in FIELDS}
    verdict = validate_checkin_entry(day, ratings, values.get("notes") or "", today=today)
    if day is not None:
        other = queries.checkin_id_on(day)
        if other is not None and other != record_id:
            taken = Problem(
                "date",
                f"There is already a check-in for {day_text(day)}. Edit that one, or pick "
                "another day.",
            )
            verdict = Verdict((*verdict.problems, taken))
    return verdict


def describe_checkin(values: Values) -> str:
    """'check-in of 3 Nov 2026', for undo texts and questions."""
    return f"check-in of {day_text(values['date'])}"


class CheckinForm(RecordForm):
    """Add or edit a check-in. Adding on a day that already has one edits that one instead."""

    model = models.Checkin
    noun = "check-in"

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        day: dt.date | None = None,
    ) -> None:
        self.opened_to_edit = record_id is not None
        self.offered_day = day
        self._loading = False
        super().__init__(history, record_id, parent, today=today)
        self.date.dateChanged.connect(self._look_for_existing)
        self._look_for_existing()

    def build(self) -> None:
        self.setMinimumWidth(640)
        self.notice = existing_notice()
        self.layout().insertWidget(0, self.notice)

        self.date = self.add_field("date", "&Date:", DateInput(self.offered_day or self.today))
        self.ratings: dict[str, RatingInput] = {}
        for field, label, low, high in RATINGS:
            name = label.replace("&", "").rstrip(":")
            self.ratings[field] = self.add_field(field, label, RatingInput(name, low, high))
        self.notes = self.add_field("notes", "N&otes:", NotesInput())

    def _look_for_existing(self) -> None:
        """When adding, a day that has a check-in switches the form to editing it."""
        if self._loading or self.opened_to_edit:
            return
        day = self.date.value()
        existing = queries.checkin_id_on(day)
        if existing is not None and existing != self.record_id:
            self.record_id = existing
            self._loading = True
            try:
                self.load(records.fetch(self.model, existing))
            finally:
                self._loading = False
            self.notice.setText(
                f"There is already a check-in for {weekday_text(day)}, so you are editing it."
            )
            self.notice.show()
            self.show_title()
        elif existing is None and self.record_id is not None:
            self.record_id = None  # moved on to a day without one: back to adding
            for rating in self.ratings.values():
                rating.set_value(None)
            self.notes.clear()
            self.notice.hide()
            self.show_title()

    def verdict(self, values: Values) -> Verdict:
        return checkin_verdict(values, today=self.today, record_id=self.record_id)

    def describe(self, values: Values) -> str:
        return f"{self.verb} {describe_checkin(values)}"
