"""Today's shedding count in one row: protocol, count (or grade), wash day, Enter to save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ShedProtocol
from hairjournal.core.protocols import grade, guide
from hairjournal.store import models, queries
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.forms.shed_count_form import count_verdict, describe_count, how_to_html
from hairjournal.ui.history import History
from hairjournal.ui.inputs import ChoiceInput
from hairjournal.ui.record_form import ERROR_STYLE
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import quiet
from hairjournal.ui.visual_scale import CountOrGrade

COUNT_WIDTH = 120


def takes_focus_on_show() -> bool:
    """Whether a view just shown should put the cursor in its count field.

    Not while someone moves through the window's navigation list with the arrow keys: the
    focus would jump away from the list at every step.
    """
    focus = QApplication.focusWidget()
    in_navigation = focus is not None and focus.objectName() == "navigation"
    return not in_navigation or QApplication.mouseButtons() != Qt.MouseButton.NoButton


def value_text(protocol: ShedProtocol, value: int) -> str:
    """'85', or for the visual scale 'grade 3 (a medium bundle, normal)'."""
    if protocol is ShedProtocol.VISUAL_SCALE:
        entry = grade(value)
        return f"grade {value} ({entry.bundle}, {entry.band})"
    return f"{value:,}"


class QuickEntry(QWidget):
    """Enter today's count; if today already has one for the protocol, the save changes it."""

    count_saved = Signal(object)  # the ShedProtocol whose count was saved
    protocol_changed = Signal(object)  # the ShedProtocol now chosen

    def __init__(
        self, history: History, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.settings = settings
        self.fixed_today: dt.date | None = None
        self.existing: queries.SavedCount | None = None
        self.saved_at: dict[tuple[dt.date, ShedProtocol], dt.datetime] = {}
        self._shown_text = ""  # what the field was filled with (not typed), to replace freely
        self.cleared_after_save = False
        self.protocol_known = False  # chosen from the settings or the journal on first refresh

        self.protocol = ChoiceInput(ShedProtocol)
        self.protocol.setAccessibleName("Shedding protocol")
        self.how_to_button = QToolButton()
        self.how_to_button.setText("How to count")
        self.how_to_button.setCheckable(True)
        self.how_to_button.setAccessibleName("Show how to count")
        self.value = CountOrGrade(compact=True)
        self.value.count.setFixedWidth(COUNT_WIDTH)
        self.value.count.setPlaceholderText("count")
        self.value.count.setAccessibleName("Today's count")
        self.value.scale.setAccessibleName("Today's grade on the visual scale, 1 to 6")
        self.grade_words = quiet(QLabel())
        self.grade_words.setObjectName("grade_words")
        self.wash_day = QCheckBox("&Wash day")
        self.wash_day.setToolTip("Tick on days you washed your hair: shampoo days run higher.")
        self.save_button = QPushButton("Save")
        self.save_button.setAutoDefault(False)
        self.error = QLabel()
        self.error.setObjectName("entry_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("entry_status")
        self.status.setWordWrap(True)
        self.how_to = quiet(QLabel())
        self.how_to.setObjectName("entry_how_to")
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.RichText)
        self.how_to.hide()

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.protocol)
        row.addWidget(self.value)
        row.addWidget(self.grade_words)
        row.addWidget(self.wash_day)
        row.addWidget(self.save_button)
        row.addSpacing(8)
        row.addWidget(self.how_to_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.how_to)
        self.setTabOrder(self.protocol, self.value)
        self.setTabOrder(self.value, self.wash_day)
        self.setTabOrder(self.wash_day, self.save_button)
        self.setTabOrder(self.save_button, self.how_to_button)

        self.protocol.currentIndexChanged.connect(self._protocol_chosen)
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.how_to_button.toggled.connect(self.how_to.setVisible)
        self.value.changed.connect(self._value_edited)
        self._show_protocol()

    # -- the day and the protocol -----------------------------------------------------------------

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def chosen(self) -> ShedProtocol:
        return ShedProtocol(self.protocol.value())

    def _first_protocol(self) -> ShedProtocol:
        remembered = self.settings.last_protocol() if self.settings is not None else None
        return remembered or queries.latest_protocol() or ShedProtocol.DAILY_TOTAL

    def _protocol_chosen(self) -> None:
        self._show_protocol()
        self.refresh(fill=True)
        self.protocol_changed.emit(self.chosen())

    def _show_protocol(self) -> None:
        protocol = self.chosen()
        self.value.set_protocol(protocol)
        rule = guide(protocol)
        self.how_to.setText(how_to_html(protocol))
        self.how_to_button.setToolTip(rule.text())
        self.grade_words.setVisible(self.value.graded)
        self._value_edited()

    # -- what is shown ----------------------------------------------------------------------------

    def refresh(self, today: dt.date | None = None, *, fill: bool = False) -> None:
        """Show whether today is counted, and today's saved count in the field.

        The field is left alone when something was typed in it, and after a save (it is cleared
        for the next entry) until ``fill`` asks for it again, as when the view is shown.
        """
        if today is not None:
            self.fixed_today = today
        if not self.protocol_known:
            self.protocol_known = True
            self.protocol.blockSignals(True)
            self.protocol.set_value(self._first_protocol())
            self.protocol.blockSignals(False)
            self._show_protocol()
        if fill:
            self.cleared_after_save = False
        protocol = self.chosen()
        self.existing = queries.shed_count_on(self.today(), protocol)
        self.save_button.setText("Update" if self.existing else "Save")
        untouched = self.value.text() == self._shown_text
        if untouched and not self.cleared_after_save:
            if self.existing is not None:
                self.value.set_value(self.existing.value)
                self.wash_day.setChecked(self.existing.wash_day)
                if self.value.count.hasFocus():
                    self.value.count.selectAll()
            else:
                self.value.clear()
                self.wash_day.setChecked(False)
            self._shown_text = self.value.text()
        self._show_status()

    def _show_status(self) -> None:
        protocol = self.chosen()
        name = guide(protocol).noun
        if self.existing is None:
            action = "pick the grade" if self.value.graded else "type the count"
            self.status.setText(f"No {name} yet today: {action} and press Enter.")
            return
        details = ["wash day"] if self.existing.wash_day else []
        saved = self.saved_at.get((self.today(), protocol))
        if saved is not None:
            details.append(f"saved at {saved:%H:%M}")
        extra = f" ({', '.join(details)})" if details else ""
        again = "Pick another grade" if self.value.graded else "Type a new number"
        self.status.setText(
            f"Today's {name}: {value_text(protocol, self.existing.value)}{extra}. "
            f"{again} and press Enter to change it."
        )

    def _value_edited(self) -> None:
        if self.value.graded:
            chosen = self.value.value()
            self.grade_words.setText(
                grade(int(chosen)).describe() if chosen else "1 smallest … 6 largest bundle"
            )

    def focus_entry(self) -> None:
        """Put the cursor in the count field (or on the grade picker)."""
        self.value.editor().setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.value.graded:
            self.value.count.selectAll()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # -- saving -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere in the row saves (on "How to count" it opens or closes the how-to)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.how_to_button.hasFocus():
                self.how_to_button.toggle()
            else:
                self.save()
            event.accept()
            return
        super().keyPressEvent(event)

    def save(self) -> bool:
        """Check and store today's count; True once the journal holds it."""
        protocol, today = self.chosen(), self.today()
        problem = self.value.input_problem()
        if problem:
            return self._refuse(problem)
        value = self.value.value()
        existing = queries.shed_count_on(today, protocol)
        verdict = count_verdict(
            today, protocol, value, today=today, record_id=existing.id if existing else None
        )
        if verdict.errors:
            return self._refuse(" ".join(p.message for p in verdict.errors))
        for confirmation in verdict.confirmations:
            if not prompts.confirm(self, "Please check", confirmation.message, "Save anyway"):
                self.focus_entry()
                return False
        assert value is not None
        wash_day = self.wash_day.isChecked()
        text = describe_count(today, protocol, value)
        try:
            if existing is None:
                self.history.add(
                    models.ShedCount,
                    {
                        "date": today,
                        "protocol": protocol,
                        "value": int(value),
                        "wash_day": wash_day,
                    },
                    f"Add {text}",
                )
            else:
                self.history.change(
                    models.ShedCount,
                    existing.id,
                    {"value": int(value), "wash_day": wash_day},
                    f"Edit {text}",
                )
        except WriteFailed as failure:
            return self._refuse(failure.message)
        self.show_error("")
        self.saved_at[(today, protocol)] = dt.datetime.now()
        if self.settings is not None:
            self.settings.set_last_protocol(protocol)
        self.value.clear()
        self._shown_text = ""
        self.cleared_after_save = True
        self.refresh()
        self.focus_entry()
        self.count_saved.emit(protocol)
        return True

    def _refuse(self, message: str) -> bool:
        self.show_error(message)
        self.focus_entry()
        return False
