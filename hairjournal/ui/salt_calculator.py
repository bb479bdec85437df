"""The SALT score from the percent of hair lost in four regions, or typed in as a total."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from hairjournal.core.scales import SALT_BANDS, SALT_WEIGHTS, salt_band, salt_score
from hairjournal.ui.inputs import NumberInput
from hairjournal.ui.record_form import ERROR_STYLE
from hairjournal.ui.style import quiet

REGIONS = (
    ("vertex", "Top (vertex)"),
    ("posterior", "Back"),
    ("left_side", "Left side"),
    ("right_side", "Right side"),
)
BAND_WORDS = {name: f"{low}-{high} % hair loss" for low, high, name in SALT_BANDS}
BAND_WORDS["S0"] = "no hair loss"
BAND_WORDS["S5"] = "100 %, all scalp hair lost"


def band_text(score: float) -> str:
    """'S3: 50-74 % hair loss'."""
    band = salt_band(score)
    return f"{band}: {BAND_WORDS[band]}"


class SaltCalculator(QWidget):
    """Four percent inputs weighted 40/24/18/18 fill in the total; the total may also be typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regions: dict[str, NumberInput] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        intro = quiet(
            QLabel("Percent of hair lost in each region, 0-100 (its weight in brackets):")
        )
        grid.addWidget(intro, 0, 0, 1, 6)
        for number, (name, label) in enumerate(REGIONS):
            weight = round(SALT_WEIGHTS[name] * 100)
            box = NumberInput()
            box.setAccessibleName(f"{label}, percent of hair lost")
            box.setPlaceholderText("0")
            box.setClearButtonEnabled(False)
            box.setMaximumWidth(72)
            box.textChanged.connect(self._regions_changed)
            title = QLabel(f"{label} ({weight} %):")
            title.setBuddy(box)
            row, column = 1 + number // 2, (number % 2) * 3
            grid.addWidget(title, row, column)
            grid.addWidget(box, row, column + 1)
            grid.addWidget(QLabel("%"), row, column + 2)
            self.regions[name] = box
        self.total = NumberInput()
        self.total.setObjectName("salt_total")
        self.total.setAccessibleName("SALT total score")
        self.total.setClearButtonEnabled(False)
        self.total.setMaximumWidth(72)
        self.total.textChanged.connect(self._total_changed)
        total_title = QLabel("SALT &total:")
        total_title.setBuddy(self.total)
        self.band = QLabel()
        self.band.setObjectName("salt_band")
        self.message = QLabel()
        self.message.setObjectName("salt_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        grid.addWidget(total_title, 3, 0)
        grid.addWidget(self.total, 3, 1)
        grid.addWidget(self.band, 3, 2, 1, 4)
        grid.addWidget(self.message, 4, 0, 1, 6)
        grid.setColumnStretch(5, 1)
        self.setFocusProxy(self.regions["vertex"])
        self._total_changed()

    def value(self) -> float | None:
        return self.total.value()

    def set_value(self, total: float | None) -> None:
        """Show a stored total; the regions it came from are not stored, so they start empty."""
        for box in self.regions.values():
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.total.set_value(total)
        self.message.clear()
        self.message.hide()

    def region_problem(self) -> str | None:
        """Why the regions give no total: a region that is not a percent."""
        for name, label in REGIONS:
            box = self.regions[name]
            if box.input_problem():
                return f"{label}: {box.input_problem()}"
            percent = box.value()
            if percent is not None and not 0 <= percent <= 100:
                return f"{label}: a percent of hair lost runs from 0 to 100, not {percent:g}."
        return None

    def input_problem(self) -> str | None:
        return self.region_problem() or self.total.input_problem()

    def _regions_changed(self) -> None:
        problem = self.region_problem()
        self.message.setText(problem or "")
        self.message.setVisible(problem is not None)
        typed = [box.value() for box in self.regions.values()]
        if problem is not None:
            self.total.clear()  # no total for regions that cannot be
        elif any(box.text().strip() for box in self.regions.values()):
            # A region left empty counts as no hair lost there.
            score = salt_score(*(percent or 0.0 for percent in typed))
            self.total.setText(f"{score:.1f}")
        self.changed.emit()

    def _total_changed(self) -> None:
        total = self.total.value()
        if total is None or not 0 <= total <= 100:
            self.band.setText("")
        else:
            self.band.setText(band_text(total))
        self.changed.emit()
