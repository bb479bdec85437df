"""One session of a course: the day, what was applied and how, where, and how it went.

A new session starts as a copy of the course's last one (product, lot, volume, areas and the
rest), because most visits repeat the previous one; only the day's own details are left blank.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from hairjournal.core.enums import CellSource, Route
from hairjournal.core.validation import Problem, Verdict, validate_session
from hairjournal.store import course_queries, models
from hairjournal.store.records import Values
from hairjournal.ui.date_text import day_text
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, NumberInput, TextInput
from hairjournal.ui.rating_input import RatingInput
from hairjournal.ui.record_form import RecordForm
from hairjournal.ui.session_inputs import (
    CostInput,
    CourseInput,
    RegionPicker,
    SideEffectsInput,
    remembered_text_input,
)

NO_COURSE = "Every session belongs to a course: add the course first, in the list of courses."
DEPTH_HINT = "How deep the needles or injections went, if the clinic said."
# A new session's carried-over fields when the course has no session to copy.
BLANK: Values = {
    "route": Route.TOPICAL,
    "product": "",
    "maker": "",
    "lot": "",
    "cell_source": CellSource.UNKNOWN,
    "volume_ml": None,
    "needle_depth_mm": None,
    "areas": [],
    "clinic": "",
    "cost": None,
}
SIDE_EFFECTS_HINT = "Tick what you noticed; add anything else and tick it off again to drop it."


class SessionForm(RecordForm):
    model = models.Session
    noun = "session"

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        treatment_id: int | None = None,
    ) -> None:
        self.treatment_id = treatment_id  # the course a new session starts in
        super().__init__(history, record_id, parent, today=today)

    def build(self) -> None:
        self.prefill_note = QLabel()
        self.prefill_note.setObjectName("prefill_note")
        self.prefill_note.setWordWrap(True)
        self.prefill_note.hide()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        page = self.layout()
        page.insertWidget(0, self.prefill_note)
        page.insertLayout(1, columns)

        def field(name: str, label: str, widget: Any, form: QFormLayout, hint: str = "") -> Any:
            return self.add_field(name, label, widget, hint, form=form)

        def remembered(column: Any) -> TextInput:
            return remembered_text_input(course_queries.known_texts(column))

        courses = course_queries.course_choices()
        self.treatment = field("treatment", "&Course:", CourseInput(courses), left)
        self.date = field("date", "&Date:", DateInput(self.today), left)
        self.route = field("route", "&Route:", ChoiceInput(Route), left)
        self.product = field("product", "&Product:", remembered(models.Session.product), left)
        self.maker = field("maker", "&Maker:", remembered(models.Session.maker), left)
        self.lot = field("lot", "&Lot or batch:", TextInput(), left)
        self.cell_source = field("cell_source", "Cell so&urce:", ChoiceInput(CellSource), left)
        self.clinic = field(
            "clinic", "Cli&nic or provider:", remembered(models.Session.clinic), left
        )
        self.cost = field("cost", "Cos&t:", CostInput(), left)
        self.volume_ml = field("volume_ml", "&Volume (ml):", NumberInput(), right)
        self.needle_depth_mm = field(
            "needle_depth_mm", "Needle dep&th (mm):", NumberInput(), right, DEPTH_HINT
        )
        self.areas = field("areas", "&Areas treated:", RegionPicker(), right)
        pain = RatingInput("Pain", "none", "worst")
        pain.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.pain = field("pain", "Pa&in:", pain, right)
        self.side_effects = field(
            "side_effects", "Side &effects:", SideEffectsInput(), right, SIDE_EFFECTS_HINT
        )
        self.notes = field("notes", "N&otes:", NotesInput(), right)
        for number in (self.cost, self.volume_ml, self.needle_depth_mm):
            number.setMaximumWidth(120)  # a few digits, kept near their label

    def load_record(self) -> None:
        """Editing fills the fields from the journal; adding, from the course's last session."""
        if self.record_id is not None:
            super().load_record()
            return
        if self.treatment_id is not None:
            self.treatment.set_value(self.treatment_id)
        self.fill_from_last_session()
        self.treatment.currentIndexChanged.connect(self.fill_from_last_session)

    def fill_from_last_session(self) -> None:
        """Copy the chosen course's last session into the fields, except the day's own details."""
        course_id = self.treatment.value()
        last = None if course_id is None else course_queries.last_session(course_id)
        if last is None:
            self.load(self.values() | BLANK)  # nothing carried over from another course
            self.prefill_note.setVisible(course_id is not None)
            self.prefill_note.setText("This is the first session of this course.")
            return
        self.load(self.values() | {name: last[name] for name in course_queries.CARRIED_OVER})
        self.prefill_note.setText(
            f"Filled in from the session of {day_text(last['date'])}; "
            "the date, pain, side effects and notes are today's own."
        )
        self.prefill_note.show()

    def verdict(self, values: Values) -> Verdict:
        verdict = validate_session(
            values["date"],
            volume_ml=values["volume_ml"],
            needle_depth_mm=values["needle_depth_mm"],
            pain=values["pain"],
            cost=values["cost"],
            today=self.today,
        )
        if values["treatment"] is None:
            return Verdict((Problem("treatment", NO_COURSE), *verdict.problems))
        return verdict

    def describe(self, values: Values) -> str:
        return f"{self.verb} session of {day_text(values['date'])}"
