"""A picture to zoom and pan: the wheel zooms about the pointer, dragging pans, fit or 100%.

The picture is given as copies of decreasing size (the full photo first); each paint draws
only the visible part of the smallest copy that is still sharp at the current zoom, so a
200-megapixel photo pans as smoothly as a small one. Workers make the copies as QImages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_ZOOM = 0.01
MAX_ZOOM = 8.0
STEP = 1.25  # one wheel notch or one press of + or -
MARGIN = 8  # around a fitted picture


class PhotoCanvas(QWidget):
    """``set_picture(levels, size)`` shows a picture fitted; ``zoom_changed(scale)`` reports
    the zoom (1.0 is one photo pixel per screen pixel)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels: tuple[QImage, ...] = ()
        self.picture_size = QSize()  # the full photo's size, whatever copies are shown
        self.scale = 1.0
        self.fitting = True  # the zoom follows the window's size until the person zooms
        self.message = ""
        self._centre = QPointF()  # the photo point at the middle of the widget
        self._drag_from: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName("Photo")

    # -- what is shown ---------------------------------------------------------------------------

    def set_picture(
        self, levels: Sequence[QImage], size: QSize, *, keep_view: bool = False
    ) -> None:
        """Show ``levels`` (largest first) as a photo of ``size``; ``keep_view`` keeps the zoom
        and position, for a sharper copy of the picture already shown."""
        self.levels = tuple(sorted(levels, key=lambda image: -image.width()))
        self.picture_size = QSize(size)
        self.message = ""
        if not keep_view:
            self.fit()
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of a picture."""
        self.levels = ()
        self.picture_size = QSize()
        self.message = text
        self.update()

    def has_picture(self) -> bool:
        return bool(self.levels) and not self.picture_size.isEmpty()

    # -- zooming ----------------------------------------------------------------------------------

    def fit_scale(self) -> float:
        if not self.has_picture():
            return 1.0
        width = max(1, self.width() - 2 * MARGIN)
        height = max(1, self.height() - 2 * MARGIN)
        fitted = min(width / self.picture_size.width(), height / self.picture_size.height())
        return min(fitted, 1.0)  # a small photo is shown at its own size, not blown up

    def fit(self) -> None:
        self.fitting = True
        self._set_scale(self.fit_scale())
        self._centre = QPointF(self.picture_size.width() / 2, self.picture_size.height() / 2)
        self.update()

    def zoom_to(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``scale`` keeping the photo point under ``anchor`` (default: the middle)."""
        if not self.has_picture():
            return
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        under = self.to_photo(anchor)
        self.fitting = False
        self._set_scale(scale)
        middle = QPointF(self.width() / 2, self.height() / 2)
        self._centre = under - (anchor - middle) / self.scale
        self._clamp()
        self.update()

    def zoom_in(self, anchor: QPointF | None = None) -> None:
        self.zoom_to(self.scale * STEP, anchor)

    def zoom_out(self, anchor: QPointF | None = None) -> None:
        self.zoom_to(self.scale / STEP, anchor)

    def _set_scale(self, scale: float) -> None:
        changed = not math.isclose(scale, self.scale)
        self.scale = scale
        if changed:
            self.zoom_changed.emit(scale)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) screen pixels, as dragging does."""
        before = QPointF(self._centre)
        self._centre -= QPointF(dx, dy) / self.scale
        self._clamp()
        if self._centre != before:
            self.fitting = False
            self.update()

    def _clamp(self) -> None:
        """A picture narrower (or lower) than the view is centred that way; a larger one always
        fills the view, so it can never be dragged out of sight."""

        def along(value: float, size: int, view: int) -> float:
            half = view / 2 / self.scale
            if 2 * half >= size:
                return size / 2
            return min(max(value, half), size - half)

        self._centre = QPointF(
            along(self._centre.x(), self.picture_size.width(), self.width()),
            along(self._centre.y(), self.picture_size.height(), self.height()),
        )

    # -- geometry ---------------------------------------------------------------------------------

    def to_photo(self, point: QPointF) -> QPointF:
        middle = QPointF(self.width() / 2, self.height() / 2)
        return self._centre + (point - middle) / self.scale

    def picture_rect(self) -> QRectF:
        """Where the whole picture lies on the widget."""
        size = self.picture_size
        top_left = QPointF(self.width() / 2, self.height() / 2) - self._centre * self.scale
        return QRectF(
            top_left.x(), top_left.y(), size.width() * self.scale, size.height() * self.scale
        )

    def _level_for_scale(self) -> QImage:
        """The smallest copy still at least as detailed as the screen needs."""
        needed = self.picture_size.width() * self.scale
        fitting = [image for image in self.levels if image.width() >= needed]
        return fitting[-1] if fitting else self.levels[0]

    # -- events -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Dark))
        if not self.has_picture():
            painter.setPen(self.palette().color(QPalette.ColorRole.BrightText))
            painter.drawText(
                self.rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            return
        whole = self.picture_rect()
        shown = whole.intersected(QRectF(event.rect()))
        if shown.isEmpty():
            return
        image = self._level_for_scale()
        per_pixel = image.width() / whole.width()  # copy pixels per screen pixel
        source = QRectF(
            (shown.left() - whole.left()) * per_pixel,
            (shown.top() - whole.top()) * per_pixel,
            shown.width() * per_pixel,
            shown.height() * per_pixel,
        )
        if per_pixel > 0.5:  # past 200% the photo's pixels are shown as they are
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(shown, image, source)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.has_picture():
            return
        if self.fitting:
            self.fit()
        else:
            self._clamp()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps and self.has_picture():
            self.zoom_to(self.scale * STEP**steps, event.position())
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.has_picture():
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            moved = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(moved.x(), moved.y())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Between fitted and 100% at the point clicked."""
        if not self.has_picture():
            return
        if self.fitting:
            self.zoom_to(1.0, event.position())
        else:
            self.fit()
