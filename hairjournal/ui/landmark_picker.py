"""One photo on which a person clicks up to three landmarks, each marked with its number.

Points are kept in the photo's original pixels (after its EXIF orientation), whatever size it
is shown at. While the pointer is over the photo, a magnifier in the corner shows the spot
under it enlarged, so that a small mole or the end of a part can be hit precisely.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hairjournal.core.landmarks import MAX_POINTS, Point
from hairjournal.ui.compare_images import ScreenPhoto
from hairjournal.ui.photo_pair_canvas import BACKDROP, CAPTION_HEIGHT, MARGIN, fitted
from hairjournal.ui.style import scaled_font

# The same colour for the same number on both photos, told apart without relying on hue alone.
MARKER_COLOURS = (QColor(255, 110, 64), QColor(64, 160, 255), QColor(120, 220, 90))
MARKER_RADIUS = 11
LOUPE_SIDE = 150
LOUPE_ZOOM = 4.0


class LandmarkPicker(QWidget):
    points_changed = Signal()
    clicked = Signal()  # a point was added by a click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: ScreenPhoto | None = None
        self.caption = ""
        self.points: list[Point] = []
        self._hover: QPointF | None = None
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 160)

    def set_photo(self, photo: ScreenPhoto | None, caption: str) -> None:
        self.photo, self.caption = photo, caption
        self.update()

    def set_points(self, points: list[Point]) -> None:
        self.points = list(points)[:MAX_POINTS]
        self.update()
        self.points_changed.emit()

    def undo(self) -> None:
        if self.points:
            self.points.pop()
            self.update()
            self.points_changed.emit()

    def clear(self) -> None:
        self.set_points([])

    # -- where things are ------------------------------------------------------------------------

    def image_rect(self) -> QRectF:
        if self.photo is None or self.photo.image is None:
            return QRectF()
        box = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - CAPTION_HEIGHT)
        return fitted(self.photo.image.size(), box)

    def to_widget(self, point: Point) -> QPointF:
        """A point in the photo's original pixels, as a position on this widget."""
        assert self.photo is not None
        assert self.photo.image is not None
        target = self.image_rect()
        on_image = self.photo.to_image(point)
        factor = target.width() / self.photo.image.width()
        return target.topLeft() + on_image * factor

    def to_photo(self, position: QPointF) -> Point | None:
        """A position on this widget in the photo's original pixels; None off the photo."""
        target = self.image_rect()
        if self.photo is None or self.photo.image is None or not target.contains(position):
            return None
        factor = self.photo.image.width() / target.width()
        return self.photo.to_original((position - target.topLeft()) * factor)

    # -- clicking ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.to_photo(event.position())
        if event.button() == Qt.MouseButton.LeftButton and point is not None:
            if len(self.points) < MAX_POINTS:
                self.points.append(point)
                self.update()
                self.points_changed.emit()
                self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover = event.position() if self.image_rect().contains(event.position()) else None
        self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    # -- drawing ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.image_rect()
        if self.photo is None or self.photo.image is None:
            painter.setPen(QColor(220, 220, 220))
            text = self.photo.problem if self.photo is not None else "Opening the photo…"
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            return
        painter.drawImage(target, self.photo.image)
        for number, point in enumerate(self.points, start=1):
            self._draw_marker(painter, self.to_widget(point), number)
        painter.setPen(QColor(235, 235, 235))
        painter.setFont(scaled_font(self, 1.0, bold=True))
        caption = QRectF(target.left(), target.bottom() + 4, target.width(), CAPTION_HEIGHT)
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, self.caption)
        if self._hover is not None:
            self._draw_loupe(painter, target, self._hover)
        painter.end()

    def _draw_marker(self, painter: QPainter, centre: QPointF, number: int) -> None:
        colour = MARKER_COLOURS[(number - 1) % len(MARKER_COLOURS)]
        painter.setPen(QPen(QColor(0, 0, 0, 200), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, MARKER_RADIUS, MARKER_RADIUS)
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(centre, MARKER_RADIUS, MARKER_RADIUS)
        painter.drawPoint(centre)
        label = QRectF(centre.x() + 9, centre.y() - 30, 22, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(label)
        painter.setPen(QColor(0, 0, 0))
        painter.setFont(scaled_font(self, 0.9, bold=True))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(number))

    def _draw_loupe(self, painter: QPainter, target: QRectF, at: QPointF) -> None:
        assert self.photo is not None
        assert self.photo.image is not None
        factor = self.photo.image.width() / target.width()
        centre = (at - target.topLeft()) * factor  # on the screen image
        side = LOUPE_SIDE / LOUPE_ZOOM * factor
        source = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        loupe = QRectF(target.left() + 6, target.top() + 6, LOUPE_SIDE, LOUPE_SIDE)
        if loupe.adjusted(-20, -20, 20, 20).contains(at):  # never under the pointer
            loupe.moveRight(target.right() - 6)
        painter.fillRect(loupe, BACKDROP)
        painter.drawImage(loupe, self.photo.image, source)
        painter.setPen(QPen(QColor(255, 255, 255, 220), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(loupe)
        mid = loupe.center()
        painter.drawLine(QPointF(mid.x() - 10, mid.y()), QPointF(mid.x() + 10, mid.y()))
        painter.drawLine(QPointF(mid.x(), mid.y() - 10), QPointF(mid.x(), mid.y() + 10))
