"""The form every kind of record is added and edited in: fields, messages beside them, Save.

A subclass lays out its fields with ``add_field`` in ``build`` and says how to judge them
(``verdict``). Every field's input has ``value()`` and ``set_value(value)`` under the record's
field name, so reading (``values``) and filling (``load``) the form need no code of their own
unless a value needs shaping. Saving goes through the undo history. A refused entry keeps what
was typed and shows why next to the field; a failed save keeps it too and says what happened
above the buttons.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.validation import Problem, Verdict
from hairjournal.store import models, records
from hairjournal.store.records import Values, WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.history import History

ERROR_STYLE = "color: #b3261e;"


class RecordForm(QDialog):
    """Add (``record_id`` None) or edit one record of ``model``."""

    model: type[models.BaseModel]
    noun: str  # what one record is called, e.g. "shedding count"
    opening_field: str | None = None  # the field the cursor starts in; None for the first

    saved = Signal(int)  # the record's id, once it is in the journal

    def __init__(
        self,
        history: History,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.record_id = record_id
        self.today = today or dt.date.today()
        self.show_title()
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.field_errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.failure = QLabel()
        self.failure.setObjectName("save_failure")
        self.failure.setWordWrap(True)
        self.failure.setStyleSheet(ERROR_STYLE)
        self.failure.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.failure)
        layout.addWidget(self.buttons)
        self.build()
        self.load_record()
        opening = self.opening_field or next(iter(self.field_widgets))
        # Not the Save button, which comes first in the focus chain.
        self.field_widgets[opening].setFocus()

    @property
    def verb(self) -> str:
        """What saving does: "Add" a new record or "Edit" the one loaded."""
        return "Edit" if self.record_id else "Add"

    def show_title(self) -> None:
        """The title, e.g. "Edit check-in": a form may switch between adding and editing."""
        self.setWindowTitle(f"{self.verb} {self.noun}")

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        help_text: str = "",
        *,
        form: QFormLayout | None = None,
    ) -> QWidget:
        """A labelled field with room for its message below it (and an optional hint).

        Fields go in ``self.fields`` unless another ``form`` is given (a second column, say).
        """
        column = QWidget()
        # The column takes the form's full width, so that a hint or message below a narrow
        # input (a list of choices) wraps over that width instead of being cut off; the
        # input itself keeps its natural width unless it grows (text boxes do).
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(2)
        if widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal:
            column_layout.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            column_layout.addLayout(row)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setEnabled(False)  # drawn in the palette's quiet colour
            column_layout.addWidget(hint)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column_layout.addWidget(error)
        (self.fields if form is None else form).addRow(label, column)
        self.field_errors[name] = error
        self.field_widgets[name] = widget
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        return widget

    # -- for subclasses -------------------------------------------------------------------

    def build(self) -> None:
        """Lay out the fields with ``add_field``; called once, before the record is loaded."""
        raise NotImplementedError

    def load_record(self) -> None:
        """Fill the fields from the journal when editing; called once, after ``build``."""
        if self.record_id is not None:
            self.load(records.fetch(self.model, self.record_id))

    def values(self) -> Values:
        """What the fields hold, by field name."""
        return {name: widget.value() for name, widget in self.field_widgets.items()}

    def load(self, values: Values) -> None:
        """Show ``values`` in the fields they name; other fields keep what they hold."""
        for name, widget in self.field_widgets.items():
            if name in values:
                widget.set_value(values[name])

    def verdict(self, values: Values) -> Verdict:
        raise NotImplementedError

    def describe(self, values: Values) -> str:
        """The undo menu's words for this save, e.g. "Add shedding count"."""
        return f"{self.verb} {self.noun}"

    # -- saving ---------------------------------------------------------------------------

    def show_problems(self, verdict: Verdict) -> None:
        for name, label in self.field_errors.items():
            messages = [p.message for p in verdict.errors if p.field == name]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        first = next((p.field for p in verdict.errors if p.field in self.field_widgets), None)
        if first is not None:
            self.field_widgets[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def unreadable(self) -> Verdict:
        """Fields whose text is not a value at all (letters in a number field)."""
        problems = []
        for name, widget in self.field_widgets.items():
            check = getattr(widget, "input_problem", None)
            message = check() if check is not None else None
            if message:
                problems.append(Problem(name, message))
        return Verdict(tuple(problems))

    def accept(self) -> None:
        verdict = self.unreadable()
        if not verdict.errors:
            values = self.values()
            verdict = self.verdict(values)
        self.show_problems(verdict)
        if verdict.errors:
            return
        for problem in verdict.confirmations:
            if not prompts.confirm(self, "Please check", problem.message, "Save anyway"):
                self.field_widgets.get(problem.field, self).setFocus()
                return
        try:
            record_id = self.save(values)
        except WriteFailed as failure:
            self.failure.setText(failure.message)
            self.failure.show()
            return
        self.failure.hide()
        self.saved.emit(record_id)
        super().accept()

    def save(self, values: Values) -> int:
        text = self.describe(values)
        if self.record_id is None:
            return self.history.add(self.model, values, text)
        self.history.change(self.model, self.record_id, values, text)
        return self.record_id
