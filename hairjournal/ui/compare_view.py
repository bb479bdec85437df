"""Comparing two photos of one region: side by side, a wipe, an overlay, and lining them up.

API: ``CompareView(history, parent=None)``; ``refresh()`` re-reads the journal; ``compare(first,
second)`` shows that pair of photo ids; ``set_mode(name)`` with ``"side_by_side"``, ``"wipe"``,
``"overlay"`` or ``"align"``; ``photos_shown`` fires once a pair is on screen (aligned, if it
can be). By default a region's first and latest photos are compared. Keys 1 to 4 switch the
modes; the arrow keys move the wipe or change the overlay's strength.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.alignment import Similarity
from hairjournal.core.enums import ScalpRegion
from hairjournal.core.landmarks import Alignment, transform_between
from hairjournal.store import models
from hairjournal.store import photos as photo_store
from hairjournal.store.photo_landmarks import landmarks as stored_landmarks
from hairjournal.store.photos import PhotoInfo
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.align_panel import AlignPanel
from hairjournal.ui.compare_loader import PairLoader
from hairjournal.ui.compare_text import (
    NOTE,
    alignment_text,
    captions,
    date_choices,
    empty_text,
    photo_name,
)
from hairjournal.ui.date_text import day_text
from hairjournal.ui.history import History
from hairjournal.ui.history_follower import FollowsHistory
from hairjournal.ui.photo_export_action import export_photos_with_prompt
from hairjournal.ui.photo_pair_canvas import Mode, PhotoPairCanvas
from hairjournal.ui.style import quiet

MODES = (
    ("side_by_side", "Side by side"),
    ("wipe", "Wipe"),
    ("overlay", "Overlay"),
    ("align", "Align…"),
)
MODE_STYLE = """
QToolButton#compare_mode {
    padding: 4px 12px;
    border: 1px solid palette(mid);
    background: palette(button);
}
QToolButton#compare_mode:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
QToolButton#compare_mode:disabled { color: palette(mid); }
"""


class CompareView(FollowsHistory, QWidget):
    """See the module's docstring."""

    photos_shown = Signal()

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.stale = False
        self.mode = "side_by_side"
        self.infos: dict[int, PhotoInfo] = {}
        self.regions: dict[ScalpRegion, list[PhotoInfo]] = {}
        self.alignments: dict[int, Alignment | None] = {}
        self.pair: tuple[int, int] | None = None
        self.transform: Similarity | None = None
        self.loader = PairLoader(self)
        self.loader.arrived.connect(self._present)

        self.region_box = self._combo("Region compared")
        self.region_box.currentIndexChanged.connect(lambda: self._region_chosen())
        self.before_box = self._combo("Earlier photo")
        self.after_box = self._combo("Later photo")
        for box in (self.before_box, self.after_box):
            box.currentIndexChanged.connect(lambda: self._show_pair())
        self.export_button = QPushButton("&Export these photos…")
        self.export_button.setToolTip("Save copies of both photos, without their hidden details")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_pair)

        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for number, (name, label) in enumerate(MODES, start=1):
            button = QToolButton()
            button.setObjectName("compare_mode")
            button.setText(label)
            button.setCheckable(True)
            button.setToolTip(f"{label.rstrip('…')} ({number})")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(partial(self.set_mode, name))
            self.mode_group.addButton(button)
            self.mode_buttons[name] = button
            QShortcut(
                QKeySequence(str(number)),
                self,
                partial(self.set_mode, name),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.split_slider = self._slider("Where the wipe divides the photos", 1000)
        self.opacity_slider = self._slider("How strongly the later photo shows", 100)
        self.slider_hint = quiet(QLabel())

        self.canvas = PhotoPairCanvas()
        self.split_slider.valueChanged.connect(lambda v: self.canvas.set_split(v / 1000))
        self.opacity_slider.valueChanged.connect(lambda v: self.canvas.set_opacity(v / 100))
        self.canvas.split_changed.connect(lambda f: self._set_quietly(self.split_slider, f, 1000))
        self.canvas.opacity_changed.connect(self._opacity_changed)
        self.align_panel = AlignPanel()
        self.align_panel.saved.connect(self._save_alignment)
        self.align_panel.removed.connect(self._forget_alignment)
        self.align_panel.cancelled.connect(lambda: self.set_mode("wipe"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.canvas)
        self.pages.addWidget(self.align_panel)
        self.status = quiet(QLabel())
        self.status.setObjectName("alignment_status")
        self.status.setWordWrap(True)
        self.note = quiet(QLabel(NOTE))
        self.note.setObjectName("visibility_note")
        self.note.setWordWrap(True)

        choose = QHBoxLayout()
        for label, box in (("Region", self.region_box), ("Before", self.before_box)):
            choose.addWidget(QLabel(label))
            choose.addWidget(box)
        choose.addWidget(QLabel("After"))
        choose.addWidget(self.after_box)
        choose.addStretch(1)
        choose.addWidget(self.export_button)
        modes = QHBoxLayout()
        modes.setSpacing(2)
        for button in self.mode_buttons.values():
            modes.addWidget(button)
        modes.addSpacing(16)
        modes.addWidget(self.split_slider, 1)
        modes.addWidget(self.opacity_slider, 1)
        modes.addWidget(self.slider_hint)
        modes.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(choose)
        layout.addLayout(modes)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        self.canvas.set_split(0.5)
        self.opacity_slider.setValue(50)
        self.split_slider.setValue(500)
        self._opacity_changed(0.5)
        self.follow(history, models.Photo)
        self.setStyleSheet(MODE_STYLE)
        self.set_mode("side_by_side")

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _slider(self, name: str, maximum: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setAccessibleName(name)
        slider.setToolTip(name)
        slider.setRange(0, maximum)
        slider.setMaximumWidth(260)
        return slider

    @staticmethod
    def _set_quietly(slider: QSlider, fraction: float, maximum: int) -> None:
        slider.blockSignals(True)
        slider.setValue(round(fraction * maximum))
        slider.blockSignals(False)

    def _opacity_changed(self, opacity: float) -> None:
        self._set_quietly(self.opacity_slider, opacity, 100)
        self._update_hint()

    def _update_hint(self) -> None:
        if self.mode == "wipe":
            self.slider_hint.setText("or drag across the photos, or press ← →")
        elif self.mode == "overlay":
            later = round(self.canvas.opacity * 100)
            self.slider_hint.setText(f"Later photo {later} % over the earlier one (← →)")

    # -- reading the journal ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the photos again, keeping the region and the pair when they are still there."""
        self.stale = False
        self.loader.follow_journal()
        photos = photo_store.photo_list()
        self.infos = {info.id: info for info in photos}
        self.regions = {}
        for info in photos:
            self.regions.setdefault(info.region, []).append(info)
        chosen = self.region_box.currentData()
        keep = (self.before_box.currentData(), self.after_box.currentData())
        self.region_box.blockSignals(True)
        self.region_box.clear()
        for region in ScalpRegion:
            if region in self.regions:
                count = len(self.regions[region])
                photos = f"{count} photo{'' if count == 1 else 's'}"
                self.region_box.addItem(f"{region.label} ({photos})", region.value)
        if chosen not in [region.value for region in self.regions]:
            chosen = self._default_region()
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(chosen)))
        self.region_box.blockSignals(False)
        self._region_chosen(keep)

    def _default_region(self) -> str | None:
        """The first region with photos to compare, else the first with any."""
        for region in ScalpRegion:
            if len(self.regions.get(region, ())) >= 2:
                return region.value
        return next((region.value for region in ScalpRegion if region in self.regions), None)

    def _region_chosen(self, keep: tuple[int | None, int | None] = (None, None)) -> None:
        code = self.region_box.currentData()
        photos = self.regions.get(ScalpRegion(code), []) if code else []
        ids = [info.id for info in photos]
        before = keep[0] if keep[0] in ids else (ids[0] if ids else None)
        after = keep[1] if keep[1] in ids else (ids[-1] if ids else None)
        for box, wanted in ((self.before_box, before), (self.after_box, after)):
            box.blockSignals(True)
            box.clear()
            for text, photo_id in date_choices(photos):
                box.addItem(text, photo_id)
            box.setCurrentIndex(max(0, box.findData(wanted)))
            box.blockSignals(False)
        self._show_pair()

    def compare(self, first_id: int, second_id: int) -> None:
        """Show two photos of the same region (the region's photos to choose from, too)."""
        if self.stale or first_id not in self.infos or second_id not in self.infos:
            self.refresh()
        first, second = self.infos.get(first_id), self.infos.get(second_id)
        if first is None or second is None or first.region != second.region:
            return
        self.region_box.blockSignals(True)
        self.region_box.setCurrentIndex(self.region_box.findData(first.region.value))
        self.region_box.blockSignals(False)
        self._region_chosen((first_id, second_id))

    # -- the pair on screen -----------------------------------------------------------------------

    def _show_pair(self) -> None:
        code = self.region_box.currentData()
        photos = self.regions.get(ScalpRegion(code), []) if code else []
        before, after = self.before_box.currentData(), self.after_box.currentData()
        comparable = len(photos) >= 2 and before is not None and after is not None
        for widget in (self.export_button, *self.mode_buttons.values()):
            widget.setEnabled(comparable)
        if not comparable:
            self.pair, self.transform = None, None
            self.status.setText("")
            if self.mode == "align":
                self.set_mode("side_by_side")
            self.canvas.set_message(empty_text(photos))
            return
        self.pair = (before, after)
        landmarks = stored_landmarks([info.id for info in photos])
        self.alignments = {key: Alignment.from_json(text) for key, text in landmarks.items()}
        self.transform = transform_between(before, after, self.alignments)
        self.status.setText(alignment_text(before, after, self.alignments, self.transform))
        self._present()

    def _present(self) -> None:
        """Show the pair once both photos are decoded (and warped, once aligned)."""
        if self.pair is None:
            return
        first, second = (self.infos[photo_id] for photo_id in self.pair)
        loaded = self.loader.pair(first, second, self.transform)
        if isinstance(loaded, str):
            self.canvas.set_message(loaded)
            return
        self.canvas.set_photos(
            loaded.first.image, loaded.second.image, captions(first, second), loaded.aligned
        )
        self.canvas.set_message("")
        if self.mode == "align" and self.align_panel.first is None:
            self._start_aligning()
        self.photos_shown.emit()

    # -- modes -------------------------------------------------------------------------------------

    def set_mode(self, name: str) -> None:
        if name != "side_by_side" and self.pair is None:
            name = "side_by_side"  # nothing to wipe, overlay or align
        self.mode = name
        self.mode_buttons[name].setChecked(True)
        aligning = name == "align"
        self.pages.setCurrentWidget(self.align_panel if aligning else self.canvas)
        self.split_slider.setVisible(name == "wipe")
        self.opacity_slider.setVisible(name == "overlay")
        self.slider_hint.setVisible(name in ("wipe", "overlay"))
        self._update_hint()
        self.status.setVisible(not aligning)
        self.align_panel.first = None
        if aligning:
            self._start_aligning()
        else:
            self.canvas.set_mode(Mode(name))
            self.canvas.setFocus()

    def _start_aligning(self) -> None:
        if self.pair is None:
            return
        first, second = (self.infos[photo_id] for photo_id in self.pair)
        loaded = self.loader.pair(first, second, None)
        if isinstance(loaded, str):
            return  # started again once the photos are decoded
        existing = self.alignments.get(second.id)
        if existing is not None and existing.reference != first.id:
            existing = None
        self.align_panel.start(loaded.first, loaded.second, captions(first, second), existing)
        self.align_panel.before.setFocus()

    def _save_alignment(self, alignment: Alignment) -> None:
        assert self.pair is not None
        first, second = (self.infos[photo_id] for photo_id in self.pair)
        text = f"Line up {photo_name(second)} with the one of {day_text(first.taken_at.date())}"
        self._store_landmarks(second.id, alignment.to_json(), text)

    def _forget_alignment(self) -> None:
        assert self.pair is not None
        second = self.infos[self.pair[1]]
        self._store_landmarks(second.id, None, f"Forget how {photo_name(second)} was lined up")

    def _store_landmarks(self, photo_id: int, landmarks: str | None, text: str) -> None:
        try:
            self.history.change(models.Photo, photo_id, {"landmarks": landmarks}, text)
        except WriteFailed as failure:
            prompts.show_error(self, "The alignment was not saved", failure.message)
            return
        self.refresh()  # at once, even while hidden: the wipe should use the new alignment
        self.set_mode("wipe")

    def export_pair(self) -> None:
        if self.pair is not None:
            export_photos_with_prompt(self, list(self.pair))
