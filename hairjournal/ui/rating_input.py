"""A 0-10 rating on a slider with words at both ends, which may also be left unrated."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSlider, QWidget

from hairjournal.core import limits
from hairjournal.ui.style import quiet, scaled_font

NOT_RATED = "not rated"


class _Slider(QSlider):
    """Delete or Backspace takes the rating back."""

    cleared = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.cleared.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RatingInput(QWidget):
    """Not rated until the slider is moved (or "Rated" ticked); untick to take it back."""

    changed = Signal()

    def __init__(self, name: str, low: str, high: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rated = QCheckBox("Rated")
        self.rated.setAccessibleName(f"{name} was rated")
        self.slider = _Slider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(limits.RATING.low), int(limits.RATING.high))
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        # The same width for every rating, so that a form's sliders line up.
        self.slider.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.slider.setAccessibleName(f"{name}, 0 {low} to 10 {high}")
        self.slider.setToolTip("Drag or use the arrow keys; Delete takes the rating back.")
        self.reading = QLabel()
        self.reading.setObjectName("reading")
        self.reading.setMinimumWidth(self.fontMetrics().horizontalAdvance(f" {NOT_RATED} "))
        self.reading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.low = quiet(QLabel(f"0 · {low}"))
        self.high = quiet(QLabel(f"{high} · 10"))
        self.high.setAlignment(Qt.AlignmentFlag.AlignRight)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.rated, 0, 0)
        grid.addWidget(self.slider, 0, 1, 1, 2)
        grid.addWidget(self.reading, 0, 3)
        grid.addWidget(self.low, 1, 1)
        grid.addWidget(self.high, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.setFocusProxy(self.slider)

        self.rated.toggled.connect(self._show)
        # Any use of the slider rates, even a press that leaves it where it was.
        self.slider.actionTriggered.connect(lambda _action: self.rated.setChecked(True))
        self.slider.sliderPressed.connect(lambda: self.rated.setChecked(True))
        self.slider.valueChanged.connect(self._show)
        self.slider.cleared.connect(lambda: self.rated.setChecked(False))
        self._show()

    def value(self) -> int | None:
        return self.slider.value() if self.rated.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.slider.setValue(0 if value is None else value)
        self.rated.setChecked(value is not None)
        self._show()

    def _show(self) -> None:
        value = self.value()
        rated = value is not None
        self.reading.setText(NOT_RATED if not rated else str(value))
        self.reading.setFont(scaled_font(self, 1.15 if rated else 1.0, bold=rated))
        self.reading.setEnabled(rated)  # drawn quiet while unrated
        self.changed.emit()
