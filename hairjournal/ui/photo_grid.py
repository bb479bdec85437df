"""The gallery's grid: thumbnail tiles flowing left to right, each group under a full-width heading.

A ``QListView`` in list mode with wrapping: a heading is as wide as the view, so it starts a
line of its own and pushes the next tile onto a new one. Only tiles on screen are painted, and
painting is what asks the model for a thumbnail.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from hairjournal.ui.gallery_model import (
    COUNT_ROLE,
    PHOTO_ID_ROLE,
    UNREADABLE_ROLE,
    GalleryModel,
)
from hairjournal.ui.style import scaled_font

Index = QModelIndex | QPersistentModelIndex
PAD = 8  # around the picture inside a tile
SPACING = 4  # between tiles (QListView adds it on every side)


class TileDelegate(QStyledItemDelegate):
    """Paints headings and photo tiles; sizes a heading to the view's width."""

    def __init__(self, view: PhotoGrid) -> None:
        super().__init__(view)
        self.view = view

    def _lines(self, index: Index) -> list[str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Asked of every item at each layout: plain Python, no round trip through the model.
        model = self.view.gallery()
        line = self.view.fontMetrics().height()
        if model.is_heading(index.row()):
            width = self.view.viewport().width() - 2 * SPACING - 1
            return QSize(max(width, 1), round(line * 1.25) + 18)
        box = self.view.box
        lines = model.caption_lines()
        return QSize(box.width() + 2 * PAD, box.height() + 2 * PAD + lines * line + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(PHOTO_ID_ROLE) is None:
            self._paint_heading(painter, option, index)
        else:
            self._paint_tile(painter, option, index)
        painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        palette.setCurrentColorGroup(QPalette.ColorGroup.Active)  # a heading is not "disabled"
        rect = option.rect.adjusted(2, 10, -2, -4)
        title_font = scaled_font(self.view, 1.15, bold=True)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        count = int(index.data(COUNT_ROLE) or 0)
        after = painter.fontMetrics().horizontalAdvance(title) + 12
        painter.setFont(self.view.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            rect.adjusted(after, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{count} photo{'s' if count != 1 else ''}",
        )
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    def _paint_tile(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70 if selected else 25)
            painter.setPen(
                palette.color(QPalette.ColorRole.Highlight) if selected else Qt.PenStyle.NoPen
            )
            painter.setBrush(colour)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        box = QRect(
            rect.left() + PAD, rect.top() + PAD, self.view.box.width(), self.view.box.height()
        )
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if image is not None and not image.isNull():
            ratio = self.view.devicePixelRatioF()
            size = QSize(round(image.width() / ratio), round(image.height() / ratio))
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(box, 4, 4)
            if index.data(UNREADABLE_ROLE):
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "Cannot be shown")
        lines = self._lines(index)
        line_height = self.view.fontMetrics().height()
        text_rect = QRect(box.left(), box.bottom() + 5, box.width(), line_height)
        roles = (QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText)
        for number, line in enumerate(lines):
            painter.setPen(palette.color(roles[min(number, 1)]))
            elided = self.view.fontMetrics().elidedText(
                line, Qt.TextElideMode.ElideRight, box.width()
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, elided)
            text_rect.translate(0, line_height)


class PhotoGrid(QListView):
    """The tiles; ``open_requested(photo_id)`` on Enter or a double-click, ``delete_requested``
    on the Delete key."""

    open_requested = Signal(int)
    delete_requested = Signal()

    def __init__(self, model: GalleryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QSize(model.thumbnail_box)
        ratio = self.devicePixelRatioF()
        model.thumbnail_box = QSize(
            round(self.box.width() * ratio), round(self.box.height() * ratio)
        )
        self.setModel(model)
        self.setItemDelegate(TileDelegate(self))
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSpacing(SPACING)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setAccessibleName("Photos")
        self.activated.connect(self._activated)

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A thumbnail that arrives repaints its tile only: QListView would lay out every item
        again for any change, and with thousands of photos that stalls the scrolling."""
        if roles and all(role == Qt.ItemDataRole.DecorationRole for role in roles):
            for row in range(top_left.row(), bottom_right.row() + 1):
                self.update(self.model().index(row, 0))
            return
        super().dataChanged(top_left, bottom_right, roles)

    def gallery(self) -> GalleryModel:
        model = self.model()
        assert isinstance(model, GalleryModel)
        return model

    def _activated(self, index: QModelIndex) -> None:
        photo_id = index.data(PHOTO_ID_ROLE)
        if photo_id is not None:
            self.open_requested.emit(photo_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selected_ids():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[int]:
        """The selected photos, in the order they are shown."""
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        ids = [self.model().index(row, 0).data(PHOTO_ID_ROLE) for row in rows]
        return [photo_id for photo_id in ids if photo_id is not None]

    def current_id(self) -> int | None:
        """The photo with the keyboard focus if it is selected, else the first selected one."""
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isSelected(current):
            return current.data(PHOTO_ID_ROLE)
        selected = self.selected_ids()
        return selected[0] if selected else None

    def select_photos(self, photo_ids: list[int]) -> None:
        """Select these photos (those shown), the first one current and scrolled to."""
        rows = [self.gallery().row_of(photo_id) for photo_id in photo_ids]
        indexes = [self.model().index(row, 0) for row in rows if row is not None]
        selection = self.selectionModel()
        selection.clearSelection()
        for index in indexes:
            selection.select(index, selection.SelectionFlag.Select)
        if indexes:
            selection.setCurrentIndex(indexes[0], selection.SelectionFlag.NoUpdate)
            self.scrollTo(indexes[0])
