"""A figure from the clinic: a count or size, a stage on a scale, or a SALT score.

The value's input follows the kind: a number, a list of the scale's stages (the journal keeps
the stage's position), or the SALT calculator.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core import limits
from hairjournal.core.enums import MeasurementKind
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.core.validation import Verdict, validate_measurement
from hairjournal.store import course_queries, models
from hairjournal.store.records import Values
from hairjournal.ui.figure_text import FIGURE_NAMES, UNITS, figure_text
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, NumberInput
from hairjournal.ui.record_form import RecordForm
from hairjournal.ui.salt_calculator import SaltCalculator
from hairjournal.ui.session_inputs import remembered_text_input
from hairjournal.ui.style import quiet

# How each figure is taken, in the words of its clinical sources.
HINTS = {
    MeasurementKind.DENSITY_PER_CM2: (
        "Hairs per square centimetre, as the clinic measured it (trichoscopy of a marked area)."
    ),
    MeasurementKind.TARGET_AREA_COUNT: "The number of hairs the clinic counted in its marked area.",
    MeasurementKind.SHAFT_DIAMETER_UM: "The hairs' average thickness in micrometres (µm).",
    MeasurementKind.PULL_TEST: (
        "How many hairs came out when the clinician gently pulled a bundle of 40-60 hairs "
        "(crown, both sides and the back; no shampoo for 24 hours). More than about 10 % of "
        "the bundle, 4-6 hairs, counts as a positive test."
    ),
    MeasurementKind.NORWOOD: "The Hamilton-Norwood stage of male-pattern hair loss, I to VII.",
    MeasurementKind.LUDWIG: (
        "The Ludwig grade of female-pattern hair loss; the front hairline is kept."
    ),
    MeasurementKind.SINCLAIR: (
        "The Sinclair grade of female-pattern hair loss, 1 to 5, by the width of the part."
    ),
    MeasurementKind.SAVIN: (
        "The Savin grade of thinning along the part: I-1 to III, Advanced, or Frontal."
    ),
    MeasurementKind.SALT: (
        "SALT (Severity of Alopecia Tool) for alopecia areata: the share of scalp hair lost, "
        "0-100, with the top weighted 40 %, the back 24 % and each side 18 %."
    ),
}


class MeasurementValueInput(QWidget):
    """The value of a figure of ``kind``: a number, a stage, or a SALT score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = MeasurementKind.DENSITY_PER_CM2
        self.number = NumberInput()
        self.number.setMaximumWidth(160)
        self.unit = QLabel()
        self.stage = QComboBox()
        self.stage.setAccessibleName("Stage")
        self.salt = SaltCalculator()
        self.hint = quiet(QLabel())
        self.hint.setObjectName("value_hint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()  # the number and its unit, or the stage list
        row.addWidget(self.number)
        row.addWidget(self.unit)
        row.addWidget(self.stage)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.salt)  # hidden inputs take no room, so only one shows at a time
        column.addWidget(self.hint)
        self.set_kind(self.kind)

    def set_kind(self, kind: MeasurementKind) -> None:
        self.kind = kind
        scale = STAGE_SCALES.get(kind)
        if scale is not None:
            chosen = self.stage.currentText()
            self.stage.clear()
            self.stage.addItems(scale.stages)
            self.stage.setCurrentIndex(max(self.stage.findText(chosen), 0))
            self.stage.setAccessibleName(f"{FIGURE_NAMES[kind]} stage")
            shown: QWidget = self.stage
        elif kind is MeasurementKind.SALT:
            shown = self.salt
        else:
            self.number.whole = limits.MEASUREMENT[kind].whole
            self.unit.setText(UNITS[kind])
            self.number.setAccessibleName(f"{FIGURE_NAMES[kind]} in {UNITS[kind]}")
            shown = self.number
        for widget in (self.number, self.stage, self.salt):
            widget.setVisible(widget is shown)
        self.unit.setVisible(shown is self.number)
        self.setFocusProxy(shown)
        self.hint.setText(HINTS[kind])

    def value(self) -> float | None:
        if self.kind in STAGE_SCALES:
            return float(self.stage.currentIndex() + 1)
        if self.kind is MeasurementKind.SALT:
            return self.salt.value()
        number = self.number.value()
        return None if number is None else float(number)

    def set_value(self, value: float | None) -> None:
        if self.kind in STAGE_SCALES:
            self.stage.setCurrentIndex(0 if value is None else int(value) - 1)
        elif self.kind is MeasurementKind.SALT:
            self.salt.set_value(value)
        else:
            self.number.set_value(value)

    def input_problem(self) -> str | None:
        if self.kind in STAGE_SCALES:
            return None
        if self.kind is MeasurementKind.SALT:
            return self.salt.input_problem()
        return self.number.input_problem()


class MeasurementForm(RecordForm):
    model = models.Measurement
    noun = "clinic figure"

    def build(self) -> None:
        self.setMinimumWidth(600)
        self.date = self.add_field("date", "&Date:", DateInput(self.today))
        self.kind = self.add_field("kind", "&Figure:", ChoiceInput(MeasurementKind))
        self.value = self.add_field("value", "&Value:", MeasurementValueInput())
        sites = course_queries.known_texts(models.Measurement.site)
        self.site = self.add_field("site", "&Where:", remembered_text_input(sites))
        self.site.setPlaceholderText("e.g. vertex, or the clinic's target area")
        self.notes = self.add_field("notes", "&Notes:", NotesInput())
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _kind_changed(self) -> None:
        self.value.set_kind(self.kind.value())
        self.layout().activate()
        self.resize(self.width(), self.sizeHint().height())  # fit the new input, no gaps

    def load(self, values: Values) -> None:
        self.value.set_kind(values["kind"])  # a number, a stage or a SALT score
        super().load(values)

    def verdict(self, values: Values) -> Verdict:
        return validate_measurement(
            values["date"], values["kind"], values["value"], today=self.today
        )

    def describe(self, values: Values) -> str:
        kind = values["kind"]
        figure = f"{FIGURE_NAMES[kind]} {figure_text(kind, values['value'])}"
        return f"{self.verb} clinic figure “{figure}”"
