"""A photo about to be imported, with the region's last photo laid over it, half see-through.

The "ghost" shows how the new photo's framing matches the last one of the same region: the
same distance, angle and parting make the photos comparable over the months.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

GHOST_OPACITY = 0.4


def _fitted(image: QImage, area: QRectF) -> QRectF:
    """The largest rectangle of ``image``'s shape centred in ``area``."""
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)


class GhostPreview(QWidget):
    """``set_photo(image, message)``, ``set_ghost(image)``; the ghost is drawn over the photo
    in the same frame at ``opacity`` while ``ghost_shown``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: QImage | None = None
        self.ghost: QImage | None = None
        self.message = ""
        self.opacity = GHOST_OPACITY
        self.ghost_shown = True
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Preview")

    def set_photo(self, image: QImage | None, message: str = "") -> None:
        self.photo = image if image is not None and not image.isNull() else None
        self.message = message
        self.update()

    def set_ghost(self, image: QImage | None) -> None:
        self.ghost = image if image is not None and not image.isNull() else None
        self.update()

    def set_opacity(self, opacity: float) -> None:
        self.opacity = max(0.0, min(1.0, opacity))
        self.update()

    def show_ghost(self, shown: bool) -> None:
        self.ghost_shown = shown
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Dark))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        frame = area
        if self.photo is not None:
            frame = _fitted(self.photo, area)
            painter.drawImage(frame, self.photo)
        elif self.message:
            painter.setPen(self.palette().color(QPalette.ColorRole.BrightText))
            painter.drawText(
                area.adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
        if self.ghost is not None and self.ghost_shown and self.photo is not None:
            painter.setOpacity(self.opacity)
            painter.drawImage(_fitted(self.ghost, frame), self.ghost)
