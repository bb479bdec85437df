"""Lining two photos up: the same two or three landmarks clicked on each, then saved.

The panel only collects points and fits the transform (``core.landmarks``); the compare view
stores the result, so that saving is one undoable step in the journal's history.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hairjournal.core.landmarks import MAX_POINTS, Alignment
from hairjournal.ui.compare_images import ScreenPhoto
from hairjournal.ui.landmark_picker import LandmarkPicker
from hairjournal.ui.style import paragraph, quiet

INSTRUCTIONS = (
    "Click the same two or three features on both photos, in the same order: a mole, a "
    "freckle or scar, the centre of the crown's whorl, the end of the part. Features far apart "
    "line the photos up best. Backspace takes back the last point."
)
MIN_SCALE, MAX_SCALE = 1 / 3, 3.0  # beyond this the points surely do not match
MAX_DISAGREEMENT = 0.03  # of the photo's diagonal, for three points


class AlignPanel(QWidget):
    saved = Signal(object)  # the Alignment of the later photo onto the earlier one
    removed = Signal()  # the person asked to forget the pair's alignment
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first: ScreenPhoto | None = None
        self.second: ScreenPhoto | None = None
        self._order: list[LandmarkPicker] = []  # which photo each point went on, in turn
        self.before = LandmarkPicker()
        self.before.setAccessibleName("Earlier photo: click landmarks")
        self.after = LandmarkPicker()
        self.after.setAccessibleName("Later photo: click landmarks")
        for picker in (self.before, self.after):
            picker.clicked.connect(lambda p=picker: self._order.append(p))
            picker.points_changed.connect(self._update)

        self.undo_button = QPushButton("&Undo last point")
        self.undo_button.setToolTip("Take back the last point clicked (Backspace)")
        self.undo_button.clicked.connect(self.undo_last_point)
        self.clear_button = QPushButton("C&lear points")
        self.clear_button.clicked.connect(self.clear)
        self.remove_button = QPushButton("&Forget alignment")
        self.remove_button.setToolTip("Show these photos as taken again, without lining them up")
        self.remove_button.clicked.connect(self.removed)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Back to comparing, nothing saved (Esc)")
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = QPushButton("&Save alignment")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in (self.undo_button, self.clear_button, self.remove_button, self.cancel_button):
            button.setAutoDefault(False)
        self.status = quiet(QLabel())
        self.status.setObjectName("align_status")
        self.status.setWordWrap(True)

        photos = QHBoxLayout()
        photos.setSpacing(8)
        photos.addWidget(self.before)
        photos.addWidget(self.after)
        buttons = QHBoxLayout()
        for button in (self.undo_button, self.clear_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(paragraph(INSTRUCTIONS))
        layout.addLayout(photos, 1)
        layout.addLayout(buttons)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Backspace), self, self.undo_last_point, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit, context=context)
        self._update()

    def start(
        self,
        first: ScreenPhoto,
        second: ScreenPhoto,
        captions: tuple[str, str],
        existing: Alignment | None,
    ) -> None:
        """Begin on a pair, with the points of its saved alignment if it has one."""
        self.first, self.second = first, second
        self.before.set_photo(first, captions[0])
        self.after.set_photo(second, captions[1])
        self._order = []
        if existing is not None and existing.reference == first.photo_id:
            self.before.set_points(list(existing.reference_points))
            self.after.set_points(list(existing.points))
            self._order = [self.before, self.after] * len(existing.points)
        else:
            self.clear()
        self.remove_button.setVisible(existing is not None)

    def undo_last_point(self) -> None:
        while self._order:
            picker = self._order.pop()
            if picker.points:
                picker.undo()
                return
        for picker in (self.after, self.before):  # points loaded from a saved alignment
            if picker.points:
                picker.undo()
                return

    def clear(self) -> None:
        self._order = []
        self.before.clear()
        self.after.clear()

    def alignment(self) -> Alignment | str:
        """The fitted alignment, or why the points cannot be used yet."""
        before, after = self.before.points, self.after.points
        if len(before) != len(after) or len(before) < 2:
            return f"Click {self._still_needed()}."
        assert self.first is not None
        assert self.second is not None
        try:
            fit = Alignment.fit(self.first.photo_id, after, before)
        except ValueError:
            return "Two points sit on the same spot; spread them out across the photo."
        if not MIN_SCALE <= fit.transform.scale <= MAX_SCALE:
            return (
                "These points would stretch one photo to several times the other's size; "
                "check that they are clicked in the same order."
            )
        diagonal = math.hypot(self.first.full_width, self.first.full_height)
        if fit.residual > MAX_DISAGREEMENT * diagonal:
            return (
                "The three points do not match up (check that they are in the same order on "
                "both photos), or the photos were taken from very different angles."
            )
        return fit

    def save(self) -> None:
        result = self.alignment()
        if isinstance(result, Alignment):
            self.saved.emit(result)
        else:
            self.status.setText(result)

    def _still_needed(self) -> str:
        before, after = len(self.before.points), len(self.after.points)
        if before == after:
            return f"at least {2 - before} more point{'s' if before == 0 else ''} on each photo"
        if before > after:
            return f"point {after + 1} on the later photo"
        return f"point {before + 1} on the earlier photo"

    def _update(self) -> None:
        before, after = len(self.before.points), len(self.after.points)
        result = self.alignment() if self.first is not None else "Opening the photos…"
        ready = isinstance(result, Alignment)
        self.save_button.setEnabled(ready)
        self.undo_button.setEnabled(bool(before or after))
        self.clear_button.setEnabled(bool(before or after))
        if ready:
            more = " (or a third on each)" if before < MAX_POINTS else ""
            self.status.setText(f"{before} points on each photo{more}: ready to save.")
        else:
            self.status.setText(str(result))
