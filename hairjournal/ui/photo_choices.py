"""The gallery's list of photos, grouped by region, with a tick box on each: the photos chosen.

A proxy over ``GalleryModel``, so thumbnails are decoded only when shown, on the thread pool.
Headings (the regions) have no tick box. Ticks survive a refresh for photos still in the
journal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette

from hairjournal.ui.gallery_model import PHOTO_ID_ROLE, GalleryModel

Index = QModelIndex | QPersistentModelIndex
THUMBNAIL_BOX = QSize(64, 48)


class PhotoChoices(QIdentityProxyModel):
    """See the module's docstring; ``chosen_changed`` when the ticks change, ``ticked`` when
    the person set or cleared one."""

    chosen_changed = Signal()
    ticked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gallery = GalleryModel(self, thumbnail_box=THUMBNAIL_BOX)
        self.setSourceModel(self.gallery)
        self.chosen: set[int] = set()

    def refresh(self) -> None:
        self.gallery.refresh()
        kept = self.chosen & set(self.gallery.photo_ids())
        if kept != self.chosen:
            self.chosen = kept
            self.chosen_changed.emit()

    def photo_ids(self) -> list[int]:
        """Every photo listed, in the order shown."""
        return self.gallery.photo_ids()

    def chosen_ids(self) -> list[int]:
        """The ticked photos, in the order shown."""
        return [photo_id for photo_id in self.gallery.photo_ids() if photo_id in self.chosen]

    def choose(self, photo_ids: Iterable[int]) -> None:
        """Tick exactly ``photo_ids`` (those listed)."""
        self.chosen = set(photo_ids) & set(self.gallery.photo_ids())
        if self.rowCount():
            last = self.index(self.rowCount() - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit()

    def loading(self) -> bool:
        return self.gallery.loading()

    def _photo_id(self, index: Index) -> int | None:
        return self.gallery.data(self.mapToSource(index), PHOTO_ID_ROLE)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._photo_id(index) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo_id = self._photo_id(index)
        if role == Qt.ItemDataRole.CheckStateRole:
            if photo_id is None:
                return None
            ticked = photo_id in self.chosen
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if photo_id is None and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if photo_id is None and role == Qt.ItemDataRole.ForegroundRole:
            return QPalette().brush(QPalette.ColorRole.WindowText)  # a heading, not greyed out
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        photo_id = self._photo_id(index) if index.isValid() else None
        if role != Qt.ItemDataRole.CheckStateRole or photo_id is None:
            return super().setData(index, value, role)
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        if ticked:
            self.chosen.add(photo_id)
        else:
            self.chosen.discard(photo_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit()
        self.ticked.emit()
        return True
