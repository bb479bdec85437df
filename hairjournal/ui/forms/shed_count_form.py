"""One shedding count: the day, the protocol with its how-to, the count or grade, wash day."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLayout, QWidget

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.protocols import guide
from hairjournal.core.validation import Problem, Verdict, validate_shed_count
from hairjournal.store import models, queries, records
from hairjournal.store.records import Values
from hairjournal.ui.date_text import day_text, weekday_text
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput
from hairjournal.ui.record_form import RecordForm
from hairjournal.ui.visual_scale import CountOrGrade

NOTICE_STYLE = "background: rgba(64, 128, 224, 0.14); border-radius: 5px; padding: 6px 8px;"
HOW_TO_STYLE = (
    "QLabel { border: 1px solid palette(midlight); border-radius: 5px; padding: 6px 8px; }"
)


def how_to_html(protocol: ShedProtocol) -> str:
    """The protocol's how-to as a short rich-text block: steps, what studies report, source."""
    rule = guide(protocol)
    steps = "".join(f"<li>{html.escape(step)}</li>" for step in rule.steps)
    return (
        f"<p style='margin:0'>{html.escape(rule.summary)}</p>"
        f"<ol style='margin-top:2px; margin-bottom:2px'>{steps}</ol>"
        f"<p style='margin:0'>{html.escape(rule.reference)} "
        f"<i>Source: {html.escape(rule.source)}.</i></p>"
    )


def count_verdict(
    day: dt.date | None,
    protocol: ShedProtocol,
    value: float | None,
    *,
    today: dt.date,
    record_id: int | None,
) -> Verdict:
    """The checks of ``core.validation``, plus: one count per day and protocol.

    Used by the form, the quick entry and the list's in-place edits alike.
    """
    verdict = validate_shed_count(day, protocol, value, today=today)
    if day is not None:
        other = queries.shed_count_on(day, protocol)
        if other is not None and other.id != record_id:
            taken = Problem(
                "date",
                f"A {guide(protocol).noun} for {day_text(day)} is already saved "
                f"({other.value}). Edit that one, or pick another day.",
            )
            verdict = Verdict((*verdict.problems, taken))
    return verdict


def describe_count(day: dt.date, protocol: ShedProtocol, value: float | None) -> str:
    """'shedding count of 3 Nov 2026 (daily total, 85)', for undo texts and questions."""
    shown = protocol.label.lower() if value is None else f"{protocol.label.lower()}, {value:g}"
    return f"shedding count of {day_text(day)} ({shown})"


class ShedCountForm(RecordForm):
    """Add or edit a count. Adding on a day that already has one edits that one instead."""

    model = models.ShedCount
    noun = "shedding count"

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        day: dt.date | None = None,
        protocol: ShedProtocol | None = None,
    ) -> None:
        super().__init__(history, record_id, parent, today=today)
        self.opened_to_edit = record_id is not None
        # The dialog grows to what its fields need, so a longer how-to is never cut off.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.notice = QLabel()
        self.notice.setObjectName("existing_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.layout().insertWidget(0, self.notice)

        self.date = self.add_field("date", "&Date:", DateInput(day or self.today))
        self.protocol = self.add_field("protocol", "&Protocol:", ChoiceInput(ShedProtocol))
        self.how_to = QLabel()
        self.how_to.setObjectName("how_to")
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.RichText)
        self.how_to.setStyleSheet(HOW_TO_STYLE)
        self.how_to.setMinimumWidth(self.how_to.fontMetrics().averageCharWidth() * 80)
        self.fields.addRow(self.how_to)  # the whole width: the steps are read, not skimmed
        self.value = self.add_field("value", "&Count:", CountOrGrade())
        self.wash_day = self.add_field(
            "wash_day", "&Wash day:", QCheckBox("I washed my hair on this day")
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())
        if protocol is not None:
            self.protocol.set_value(protocol)
        self._loading = False
        self.load_record()
        self._protocol_changed()
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        self.date.dateChanged.connect(self._look_for_existing)
        self.value.setFocus()

    # -- what is shown ----------------------------------------------------------------------------

    def _protocol_changed(self) -> None:
        protocol = self.protocol.value()
        self.how_to.setText(how_to_html(protocol))
        self.value.set_protocol(protocol)
        label = self.fields.labelForField(self.value.parentWidget())
        label.setText("&Grade:" if self.value.graded else "&Count:")
        self.value.setAccessibleName("Grade" if self.value.graded else "Count")
        self._look_for_existing()

    def _look_for_existing(self) -> None:
        """When adding, a day and protocol already counted switch the form to editing it."""
        if self._loading or self.opened_to_edit:
            return
        day, protocol = self.date.value(), self.protocol.value()
        existing = queries.shed_count_on(day, protocol)
        if existing is not None and existing.id != self.record_id:
            self.record_id = existing.id
            self._loading = True
            try:
                self.load(records.fetch(self.model, existing.id))
            finally:
                self._loading = False
            self.notice.setText(
                f"A {guide(protocol).noun} for {weekday_text(day)} is already saved "
                f"({existing.value}), so you are editing it."
            )
            self.notice.show()
            self.setWindowTitle(f"Edit {self.noun}")
        elif existing is None and self.record_id is not None:
            self.record_id = None  # moved on to a day not counted yet: back to adding
            self.value.clear()
            self.wash_day.setChecked(False)
            self.notes.clear()
            self.notice.hide()
            self.setWindowTitle(f"Add {self.noun}")

    # -- RecordForm -------------------------------------------------------------------------------

    def values(self) -> Values:
        return {
            "date": self.date.value(),
            "protocol": self.protocol.value(),
            "value": self.value.value(),
            "wash_day": self.wash_day.isChecked(),
            "notes": self.notes.value(),
        }

    def load(self, values: Values) -> None:
        self.date.set_value(values["date"])
        self.protocol.set_value(values["protocol"])
        self.value.set_protocol(self.protocol.value())
        self.value.set_value(values["value"])
        self.wash_day.setChecked(bool(values["wash_day"]))
        self.notes.set_value(values["notes"])

    def verdict(self, values: Values) -> Verdict:
        return count_verdict(
            values["date"],
            values["protocol"],
            values["value"],
            today=self.today,
            record_id=self.record_id,
        )

    def describe(self, values: Values) -> str:
        verb = "Edit" if self.record_id else "Add"
        return f"{verb} {describe_count(values['date'], values['protocol'], values['value'])}"
