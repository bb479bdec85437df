"""Two photos drawn for comparing: side by side, a wipe across them, or one over the other.

In the wipe, the earlier photo shows left of the split and the later one right of it; dragging
or clicking moves the split, and so do the arrow keys (Shift for bigger steps). In the overlay
the arrow keys change how strongly the later photo shows. Once the photos are aligned, the
wipe and the overlay draw the later photo moved onto the earlier one.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hairjournal.ui.style import scaled_font

BACKDROP = QColor(34, 34, 36)  # photos are judged against a neutral dark grey
MARGIN = 8
CAPTION_HEIGHT = 26
STEP, BIG_STEP = 0.02, 0.1


class Mode(Enum):
    SIDE_BY_SIDE = "side_by_side"
    WIPE = "wipe"
    OVERLAY = "overlay"


def fitted(size: QSize, box: QRectF) -> QRectF:
    """The largest rectangle of ``size``'s shape centred in ``box``."""
    if size.isEmpty() or box.isEmpty():
        return QRectF()
    scale = min(box.width() / size.width(), box.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


class PhotoPairCanvas(QWidget):
    split_changed = Signal(float)  # 0 (all later photo) to 1 (all earlier photo)
    opacity_changed = Signal(float)  # of the later photo over the earlier, 0 to 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = Mode.SIDE_BY_SIDE
        self.first: QImage | None = None
        self.second: QImage | None = None
        self.aligned: QImage | None = None  # the second on the first's pixels, if aligned
        self.captions = ("", "")
        self.split = 0.5
        self.opacity = 0.5
        self.message = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.setAccessibleName("Photos compared")

    # -- what is shown ---------------------------------------------------------------------------

    def set_photos(
        self,
        first: QImage | None,
        second: QImage | None,
        captions: tuple[str, str],
        aligned: QImage | None = None,
    ) -> None:
        self.first, self.second, self.aligned = first, second, aligned
        self.captions = captions
        self.update()

    def set_message(self, text: str) -> None:
        """Shown instead of the photos (while they open, or when there is nothing to compare)."""
        self.message = text
        self.update()

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.setCursor(
            Qt.CursorShape.SplitHCursor if mode is Mode.WIPE else Qt.CursorShape.ArrowCursor
        )
        self.update()

    def set_split(self, split: float) -> None:
        split = min(max(split, 0.0), 1.0)
        if split != self.split:
            self.split = split
            self.update()
            self.split_changed.emit(split)

    def set_opacity(self, opacity: float) -> None:
        opacity = min(max(opacity, 0.0), 1.0)
        if opacity != self.opacity:
            self.opacity = opacity
            self.update()
            self.opacity_changed.emit(opacity)

    def photo_rect(self) -> QRectF:
        """Where the earlier photo is drawn in the wipe and the overlay."""
        if self.first is None:
            return QRectF()
        box = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return fitted(self.first.size(), box)

    # -- drawing -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.message or self.first is None or self.second is None:
            self._draw_message(painter, self.message)
        elif self.mode is Mode.SIDE_BY_SIDE:
            self._draw_side_by_side(painter)
        elif self.mode is Mode.WIPE:
            self._draw_wipe(painter)
        else:
            self._draw_overlay(painter)
        painter.end()

    def _later_image(self) -> QImage:
        assert self.second is not None
        return self.aligned if self.aligned is not None else self.second

    def _later_rect(self, target: QRectF) -> QRectF:
        """Aligned, the later photo covers exactly the earlier one's place; else it is fitted."""
        if self.aligned is not None:
            return target
        assert self.second is not None
        return fitted(self.second.size(), target)

    def _draw_side_by_side(self, painter: QPainter) -> None:
        assert self.first is not None
        assert self.second is not None
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - CAPTION_HEIGHT)
        half = (area.width() - MARGIN) / 2
        painter.setFont(scaled_font(self, 1.0, bold=True))
        for index, image in enumerate((self.first, self.second)):
            box = QRectF(area.x() + index * (half + MARGIN), area.y(), half, area.height())
            target = fitted(image.size(), box)
            painter.drawImage(target, image)
            caption = QRectF(box.x(), target.bottom() + 4, box.width(), CAPTION_HEIGHT)
            painter.setPen(QColor(235, 235, 235))
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, self.captions[index])

    def _draw_wipe(self, painter: QPainter) -> None:
        assert self.first is not None
        target = self.photo_rect()
        split_x = target.left() + self.split * target.width()
        left = QRectF(target.left(), target.top(), split_x - target.left(), target.height())
        right = QRectF(split_x, target.top(), target.right() - split_x, target.height())
        painter.save()
        painter.setClipRect(left)
        painter.drawImage(target, self.first)
        painter.setClipRect(right)
        painter.drawImage(self._later_rect(target), self._later_image())
        painter.restore()
        painter.setPen(QPen(QColor(255, 255, 255, 230), 2))
        painter.drawLine(QPointF(split_x, target.top()), QPointF(split_x, target.bottom()))
        self._draw_handle(painter, QPointF(split_x, target.center().y()))
        self._draw_tag(painter, target, self.captions[0], left_side=True)
        self._draw_tag(painter, target, self.captions[1], left_side=False)

    def _draw_handle(self, painter: QPainter, centre: QPointF) -> None:
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
        painter.drawEllipse(centre, 15, 15)
        arrows = QPainterPath()
        for direction in (-1, 1):
            tip = centre + QPointF(11 * direction, 0)
            arrows.moveTo(tip)
            arrows.lineTo(tip + QPointF(-6 * direction, -6))
            arrows.lineTo(tip + QPointF(-6 * direction, 6))
            arrows.closeSubpath()
        painter.setBrush(QColor(40, 40, 40))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(arrows)

    def _draw_overlay(self, painter: QPainter) -> None:
        assert self.first is not None
        target = self.photo_rect()
        painter.drawImage(target, self.first)
        painter.setOpacity(self.opacity)
        painter.drawImage(self._later_rect(target), self._later_image())
        painter.setOpacity(1.0)
        self._draw_tag(painter, target, self.captions[0], left_side=True)
        later = f"{self.captions[1]} · {round(self.opacity * 100)} %"
        self._draw_tag(painter, target, later, left_side=False)

    def _draw_tag(self, painter: QPainter, target: QRectF, text: str, *, left_side: bool) -> None:
        """A label on a dark band in a top corner of the photo, readable on any picture."""
        painter.setFont(scaled_font(self, 0.95, bold=True))
        metrics = painter.fontMetrics()
        width, height = metrics.horizontalAdvance(text) + 16, metrics.height() + 8
        x = target.left() + 8 if left_side else target.right() - 8 - width
        band = QRectF(x, target.top() + 8, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(band, 4, 4)
        painter.setPen(QColor(250, 250, 250))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_message(self, painter: QPainter, text: str) -> None:
        painter.setPen(QColor(220, 220, 220))
        painter.setFont(scaled_font(self, 1.1))
        box = QRectF(self.rect()).adjusted(40, 20, -40, -20)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    # -- moving the split, changing the opacity ---------------------------------------------------

    def _split_at(self, x: float) -> None:
        target = self.photo_rect()
        if target.width() > 0:
            self.set_split((x - target.left()) / target.width())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.mode is Mode.WIPE and event.button() == Qt.MouseButton.LeftButton:
            self._split_at(event.position().x())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.mode is Mode.WIPE and event.buttons() & Qt.MouseButton.LeftButton:
            self._split_at(event.position().x())
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.mode is not Mode.SIDE_BY_SIDE:
            step = BIG_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
            step = -step if key == Qt.Key.Key_Left else step
            if self.mode is Mode.WIPE:
                self.set_split(self.split + step)
            else:
                self.set_opacity(self.opacity + step)
            event.accept()
            return
        super().keyPressEvent(event)
