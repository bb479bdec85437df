"""One shedding count: the day, the protocol with its how-to, the count or grade, wash day."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.protocols import guide
from hairjournal.core.validation import Problem, Verdict, validate_shed_count
from hairjournal.store import models, queries, records
from hairjournal.store.records import Values
from hairjournal.ui.date_text import day_text, weekday_text
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput, DateInput, NotesInput, TickInput
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


def existing_notice() -> QLabel:
    """The note above a form that switched from adding to editing what the day already has."""
    notice = QLabel()
    notice.setObjectName("existing_notice")
    notice.setWordWrap(True)
    notice.setStyleSheet(NOTICE_STYLE)
    notice.hide()
    return notice


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
    opening_field = "value"  # the day and protocol offered are usually the ones wanted

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
        self.opened_to_edit = record_id is not None
        self.offered_day, self.offered_protocol = day, protocol
        self._loading = False
        super().__init__(history, record_id, parent, today=today)
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        self.date.dateChanged.connect(self._look_for_existing)

    def build(self) -> None:
        # The dialog grows to what its fields need, so a longer how-to is never cut off.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.notice = existing_notice()
        self.layout().insertWidget(0, self.notice)

        self.date = self.add_field("date", "&Date:", DateInput(self.offered_day or self.today))
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
            "wash_day", "&Wash day:", TickInput("I washed my hair on this day")
        )
        self.notes = self.add_field("notes", "&Notes:", NotesInput())
        if self.offered_protocol is not None:
            self.protocol.set_value(self.offered_protocol)

    def load_record(self) -> None:
        super().load_record()
        self._protocol_changed()  # the how-to and input of the protocol offered or loaded

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
            self.show_title()
        elif existing is None and self.record_id is not None:
            self.record_id = None  # moved on to a day not counted yet: back to adding
            self.value.clear()
            self.wash_day.setChecked(False)
            self.notes.clear()
            self.notice.hide()
            self.show_title()

    # -- RecordForm -------------------------------------------------------------------------------

    def load(self, values: Values) -> None:
        self.value.set_protocol(ShedProtocol(values["protocol"]))  # a count or a grade
        super().load(values)

    def verdict(self, values: Values) -> Verdict:
        return count_verdict(
            values["date"],
            values["protocol"],
            values["value"],
            today=self.today,
            record_id=self.record_id,
        )

    def describe(self, values: Values) -> str:
        return f"{self.verb} {describe_count(values['date'], values['protocol'], values['value'])}"
