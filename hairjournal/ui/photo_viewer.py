"""One photo at a time: zoom and pan, previous and next, its details to edit, delete with undo.

The stored thumbnail is shown at once; the original is decoded at full resolution on the
thread pool (a 200-megapixel HEIC takes seconds) and replaces it when ready, only the photo
being looked at. Edits and deletes go through the undo history; unsaved edits are saved when
the person moves to another photo or closes the viewer.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.store import models
from hairjournal.store import photos as photo_store
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.background import Background
from hairjournal.ui.date_text import day_text
from hairjournal.ui.gallery_model import describe_photo
from hairjournal.ui.history import History
from hairjournal.ui.photo_canvas import PhotoCanvas
from hairjournal.ui.photo_details import PhotoDetails
from hairjournal.ui.photo_images import OpenedPhoto, open_photo, thumbnail_image
from hairjournal.ui.style import heading, quiet

PREVIEW_BOX = QSize(384, 384)  # the stored thumbnail's size at most


class PhotoViewer(QDialog):
    """``photo_ids`` in the gallery's order; opens on ``photo_id``. ``picture_loaded(id)`` is
    emitted when the full photo is shown (or found unreadable)."""

    picture_loaded = Signal(int)

    def __init__(
        self, history: History, photo_ids: list[int], photo_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.photo_ids = list(photo_ids)
        self.current: photo_store.PhotoInfo | None = None
        self.deleted: list[tuple[int, int]] = []  # (position, photo id), to put back on undo
        self._background = Background()
        self._background.done.connect(self._opened)
        self._background.failed.connect(self._open_failed)
        self._decoding: int | None = None  # the photo whose original is being decoded
        self.setWindowTitle("Photo")
        self.resize(1120, 780)

        self.title = heading("", 1.2)
        self.position = quiet(QLabel())
        self.canvas = PhotoCanvas()
        self.details = PhotoDetails()
        self.details.save_button.clicked.connect(lambda: self.save_changes())
        self.details.delete_button.clicked.connect(lambda: self.delete_current())
        self.details.edited.connect(self._edited)

        self.previous_button = self._button("◀ &Previous", "Previous photo (←, Page Up)")
        self.next_button = self._button("&Next ▶", "Next photo (→, Page Down)")
        self.zoom_out_button = self._button("\N{MINUS SIGN}", "Zoom out (-, or the mouse wheel)")
        self.fit_button = self._button("&Fit", "Fit the photo to the window (0)")
        self.actual_button = self._button("100%", "One photo pixel per screen pixel (1)")
        self.zoom_in_button = self._button("+", "Zoom in (+, or the mouse wheel)")
        for small in (self.zoom_out_button, self.zoom_in_button):
            small.setFixedWidth(small.sizeHint().height() + 8)
        self.zoom_label = quiet(QLabel())
        self.loading_note = quiet(QLabel())
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.zoom_out_button.clicked.connect(lambda: self.canvas.zoom_out())
        self.fit_button.clicked.connect(self.canvas.fit)
        self.actual_button.clicked.connect(lambda: self.canvas.zoom_to(1.0))
        self.zoom_in_button.clicked.connect(lambda: self.canvas.zoom_in())
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.status = quiet(QLabel())
        self.undo_button = self._button("&Undo", "Bring the deleted photo back")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        close_button = QPushButton("Close")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.accept)
        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.position)
        middle = QHBoxLayout()
        middle.addWidget(self.canvas, 1)
        middle.addWidget(self.details)
        tools = QHBoxLayout()
        for widget in (self.previous_button, self.next_button):
            tools.addWidget(widget)
        tools.addSpacing(16)
        for widget in (self.zoom_out_button, self.fit_button, self.actual_button):
            tools.addWidget(widget)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.zoom_label)
        tools.addSpacing(12)
        tools.addWidget(self.loading_note)
        tools.addStretch(1)
        tools.addWidget(self.status)
        tools.addWidget(self.undo_button)
        tools.addSpacing(16)
        tools.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(tools)
        history.changed.connect(self._history_changed)
        self.show_photo(photo_id)
        self.canvas.setFocus()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        # Not focused by a click: the arrow keys keep going to previous and next.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # -- which photo ------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        return None if self.current is None else self.current.id

    def show_photo(self, photo_id: int) -> bool:
        """Show ``photo_id`` (saving edits to the one shown); False if it is not in the journal."""
        if self.current is not None and self.current.id != photo_id and not self.save_changes():
            return False
        info = photo_store.photo_info(photo_id)
        if info is None:
            return False
        self.current = info
        self.details.show_photo(info)
        self._show_text()
        preview = thumbnail_image(photo_store.thumbnail(info.id) or b"", PREVIEW_BOX)
        size = QSize(info.width, info.height)
        if preview is None:
            self.canvas.set_message("Opening the photo…")
        else:
            self.canvas.set_picture([preview], size)
        self.loading_note.setText("Opening the full photo…")
        self._decode(info.id)
        return True

    def _show_text(self) -> None:
        info = self.current
        assert info is not None
        when = f"{day_text(info.taken_at.date())}, {info.taken_at:%H:%M}"
        self.title.setText(f"{info.region.label} · {when}")
        self.setWindowTitle(f"{info.region.label}, {day_text(info.taken_at.date())}")
        number = self.photo_ids.index(info.id) + 1 if info.id in self.photo_ids else 0
        self.position.setText(f"{number} of {len(self.photo_ids)}" if number else "")
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(0 < number < len(self.photo_ids))

    def _step(self, by: int) -> None:
        if self.current is None or self.current.id not in self.photo_ids:
            return
        number = self.photo_ids.index(self.current.id) + by
        if 0 <= number < len(self.photo_ids):
            self.show_photo(self.photo_ids[number])

    def show_previous(self) -> None:
        self._step(-1)

    def show_next(self) -> None:
        self._step(1)

    # -- the full photo ---------------------------------------------------------------------------

    def _decode(self, photo_id: int) -> None:
        """Decode the original of the photo shown, one at a time: a photo passed by quickly is
        never decoded."""
        if self._decoding is None:
            self._decoding = photo_id
            self._background.run(photo_id, lambda: open_photo(photo_id))

    def _opened(self, photo_id: int, opened: OpenedPhoto) -> None:
        self._decoding = None
        if self.current is None:
            self.loading_note.setText("")
            return
        if photo_id != self.current.id:
            self._decode(self.current.id)
            return
        if opened.levels:
            self.canvas.set_picture(opened.levels, opened.levels[0].size(), keep_view=True)
        else:
            self.canvas.set_message(f"This photo cannot be shown. {opened.problem}")
        self.loading_note.setText("")
        self.picture_loaded.emit(photo_id)

    def _open_failed(self, photo_id: int) -> None:
        self._opened(photo_id, OpenedPhoto(photo_id, (), "It failed to open."))

    def loading(self) -> bool:
        return self._decoding is not None

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(f"{scale:.0%}")

    # -- changes ----------------------------------------------------------------------------------

    def save_changes(self) -> bool:
        """Save the edited region, date and notes; False (with a message) if it failed."""
        info = self.current
        if info is None:
            return True
        values = self.details.changes()
        if not values:
            return True
        try:
            self.history.change(models.Photo, info.id, values, f"Edit {describe_photo(info)}")
        except WriteFailed as failure:
            prompts.show_error(self, "The changes were not saved", failure.message)
            return False
        self.undo_button.hide()
        self.current = photo_store.photo_info(info.id)
        if self.current is not None:
            self.details.show_photo(self.current)
            self._show_text()
        return True

    def delete_current(self) -> bool:
        """Delete the photo shown once the person confirms; True if it was deleted."""
        info = self.current
        if info is None:
            return False
        what = describe_photo(info)
        question = (
            f"Delete the {what}?\n\nThe photo is removed from the journal, original and all. "
            "Undo brings it back."
        )
        if not prompts.confirm(self, "Delete this photo?", question, "Delete"):
            return False
        try:
            self.history.remove(models.Photo, info.id, f"Delete {what}")
        except WriteFailed as failure:
            prompts.show_error(self, "Nothing was deleted", failure.message)
            return False
        position = self.photo_ids.index(info.id) if info.id in self.photo_ids else 0
        self.deleted.append((position, info.id))
        if info.id in self.photo_ids:
            self.photo_ids.remove(info.id)
        self.current = None
        self.status.setText(f"Deleted the {what}.")
        self.undo_button.show()
        if self.photo_ids:
            self.show_photo(self.photo_ids[min(position, len(self.photo_ids) - 1)])
        else:
            self.canvas.set_message("No photos left to show.")
            self.details.show_photo(None)
            self.title.setText("")
            self.position.setText("")
        return True

    def _edited(self) -> None:
        if self.details.changes():
            self.undo_button.hide()  # Undo now means the typing, no longer the delete

    def undo(self) -> None:
        """Forget unsaved edits if there are any, else undo the last change (a delete)."""
        if self.current is not None and self.details.changes():
            self.details.show_photo(self.current)
            return
        self.history.stack.undo()

    def _history_changed(self, model: object) -> None:
        """A deleted photo that an undo brought back is shown again, in its place."""
        if model is not models.Photo:
            return
        for position, photo_id in list(self.deleted):
            if photo_store.photo_info(photo_id) is not None:
                self.deleted.remove((position, photo_id))
                self.photo_ids.insert(min(position, len(self.photo_ids)), photo_id)
                self.current = None  # nothing to save: the shown photo's edits were saved
                self.show_photo(photo_id)
                self.status.setText("The photo is back.")
                self.undo_button.setVisible(bool(self.deleted))
        if self.current is not None and photo_store.photo_info(self.current.id) is None:
            self.current = None  # a redo deleted it again
            self.canvas.set_message("This photo was deleted.")
            self.details.show_photo(None)

    # -- keys and closing -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Left: self.show_previous,
            Qt.Key.Key_PageUp: self.show_previous,
            Qt.Key.Key_Right: self.show_next,
            Qt.Key.Key_PageDown: self.show_next,
            Qt.Key.Key_Plus: self.canvas.zoom_in,
            Qt.Key.Key_Equal: self.canvas.zoom_in,
            Qt.Key.Key_Minus: self.canvas.zoom_out,
            Qt.Key.Key_0: self.canvas.fit,
            Qt.Key.Key_1: lambda: self.canvas.zoom_to(1.0),
            Qt.Key.Key_Delete: self.delete_current,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def done(self, result: int) -> None:
        if self.save_changes():  # a failed save keeps the viewer open, with the edits
            super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.save_changes():
            super().closeEvent(event)
        else:
            event.ignore()
