"""The gallery's list: photos grouped by region or by month, thumbnails decoded only when shown.

Rows are group headings and photos. Asking a photo's ``DecorationRole`` returns its thumbnail
if it is decoded, else None and queues it: the queued thumbnails are read from the journal in
one query and decoded on the thread pool, newest request first, a few at a time; each arrives
as ``dataChanged``. Decoded thumbnails sit in a least-recently-used cache with a byte budget,
keyed by the photo's sha256 (the same photo has the same thumbnail, in any journal).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage

from hairjournal.core.enums import ScalpRegion
from hairjournal.core.month_names import MONTH_NAMES
from hairjournal.store import photos as photo_store
from hairjournal.store.photos import PhotoInfo
from hairjournal.ui.background import Background
from hairjournal.ui.date_text import day_text
from hairjournal.ui.photo_images import thumbnail_image

Index = QModelIndex | QPersistentModelIndex
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int, or None on a heading
INFO_ROLE = Qt.ItemDataRole.UserRole + 2  # PhotoInfo, or None on a heading
UNREADABLE_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the thumbnail cannot be decoded
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # a heading's number of photos

THUMBNAIL_BOX = QSize(180, 135)
CACHE_BYTES = 48 * 2**20  # about 500 thumbnails of 180 x 135
TASKS = 2  # decoding tasks in flight at once
BATCH = 6  # thumbnails per task
WANTED = 240  # requests kept; older ones (scrolled past long ago) are dropped


class Grouping(Enum):
    REGION = "region"  # by region, newest first within each
    MONTH = "month"  # by month, newest first; photos of one day in region order


@dataclass(frozen=True)
class Heading:
    text: str
    count: int


class ThumbnailCache:
    """Decoded thumbnails by sha256, the least recently used dropped beyond ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes_used = 0
        self._images: OrderedDict[str, QImage] = OrderedDict()

    def get(self, key: str) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: str, image: QImage) -> None:
        old = self._images.pop(key, None)
        if old is not None:
            self.bytes_used -= old.sizeInBytes()
        self._images[key] = image
        self.bytes_used += image.sizeInBytes()
        while self.bytes_used > self.max_bytes and len(self._images) > 1:
            _key, dropped = self._images.popitem(last=False)
            self.bytes_used -= dropped.sizeInBytes()

    def keys(self) -> list[str]:
        return list(self._images)

    def __contains__(self, key: str) -> bool:
        return key in self._images


def _grouped(photos: list[PhotoInfo], grouping: Grouping) -> list[Heading | PhotoInfo]:
    order = {region: number for number, region in enumerate(ScalpRegion)}
    if grouping is Grouping.REGION:
        ranked = sorted(photos, key=lambda p: (order[p.region], -p.taken_at.timestamp(), -p.id))
        groups = itertools.groupby(ranked, key=lambda p: p.region.label)
    else:
        ranked = sorted(
            photos,
            key=lambda p: (-p.taken_at.toordinal(), order[p.region], -p.taken_at.timestamp()),
        )
        groups = itertools.groupby(
            ranked, key=lambda p: f"{MONTH_NAMES[p.taken_at.month - 1]} {p.taken_at.year}"
        )
    rows: list[Heading | PhotoInfo] = []
    for text, members in groups:
        group = list(members)
        rows += [Heading(text, len(group)), *group]
    return rows


def describe_photo(info: PhotoInfo) -> str:
    """'vertex (crown) photo of 3 Mar 2026', as delete questions and undo texts name it."""
    return f"{info.region.label.lower()} photo of {day_text(info.taken_at.date())}"


class GalleryModel(QAbstractListModel):
    """See the module's docstring. ``refresh()`` reads the journal again."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        thumbnail_box: QSize = THUMBNAIL_BOX,
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        super().__init__(parent)
        self.thumbnail_box = QSize(thumbnail_box)
        self.cache = ThumbnailCache(cache_bytes)
        self.grouping = Grouping.REGION
        self.region: ScalpRegion | None = None
        self.since: dt.date | None = None
        self.until: dt.date | None = None
        self.total = 0  # photos in the journal, whatever the filter
        self._rows: list[Heading | PhotoInfo] = []
        self._row_of_id: dict[int, int] = {}
        self._rows_of_sha: dict[str, list[int]] = {}
        self._unreadable: set[str] = set()
        self._wanted: OrderedDict[str, None] = OrderedDict()  # sha256s asked for, newest last
        self._in_flight: set[str] = set()
        self._tasks = 0
        self._background = Background()
        self._background.done.connect(self._decoded)
        self._background.failed.connect(self._not_decoded)
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        photos = photo_store.photo_list(self.region, self.since, self.until)
        self.total = photo_store.photo_count()
        self.beginResetModel()
        self._rows = _grouped(photos, self.grouping)
        self._row_of_id = {}
        self._rows_of_sha = {}
        for number, row in enumerate(self._rows):
            if isinstance(row, PhotoInfo):
                self._row_of_id[row.id] = number
                self._rows_of_sha.setdefault(row.sha256, []).append(number)
        self._wanted.clear()  # what is shown next asks again
        self.endResetModel()

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping is not self.grouping:
            self.grouping = grouping
            self.refresh()

    def set_filter(
        self, region: ScalpRegion | None, since: dt.date | None, until: dt.date | None
    ) -> None:
        if (region, since, until) != (self.region, self.since, self.until):
            self.region, self.since, self.until = region, since, until
            self.refresh()

    def is_filtering(self) -> bool:
        return (self.region, self.since, self.until) != (None, None, None)

    def photo_ids(self) -> list[int]:
        """The photos' ids in the order they are shown."""
        return list(self._row_of_id)

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of_id.get(photo_id)

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], Heading)

    def caption_lines(self) -> int:
        """Lines of text under each thumbnail: the day, and the region when grouped by month."""
        return 1 if self.grouping is Grouping.REGION else 2

    def info(self, row: int) -> PhotoInfo | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, PhotoInfo) else None

    # -- the model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], Heading):
            return Qt.ItemFlag.NoItemFlags  # not selectable, skipped by the arrow keys
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, Heading):
            return self._heading_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            day = day_text(row.taken_at.date())
            return day if self.grouping is Grouping.REGION else f"{day}\n{row.region.label}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.region.label}, {day_text(row.taken_at.date())}"
        if role == PHOTO_ID_ROLE:
            return row.id
        if role == INFO_ROLE:
            return row
        if role == UNREADABLE_ROLE:
            return row.sha256 in self._unreadable
        return None

    def _heading_data(self, heading: Heading, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return heading.text
        if role == COUNT_ROLE:
            return heading.count
        if role == UNREADABLE_ROLE:
            return False
        return None

    # -- thumbnails -------------------------------------------------------------------------------

    def _thumbnail(self, info: PhotoInfo) -> QImage | None:
        image = self.cache.get(info.sha256)
        if image is None and info.sha256 not in self._unreadable:
            self._wanted[info.sha256] = None
            self._wanted.move_to_end(info.sha256)
            while len(self._wanted) > WANTED:
                self._wanted.popitem(last=False)
            self._pump_timer.start()
        return image

    def _pump(self) -> None:
        """Start decoding the most recently asked-for thumbnails, a few tasks at a time."""
        while self._tasks < TASKS and self._wanted:
            batch: list[str] = []
            while self._wanted and len(batch) < BATCH:
                sha = self._wanted.popitem(last=True)[0]
                if sha not in self._in_flight and sha not in self.cache:
                    batch.append(sha)
            if not batch:
                continue
            blobs = photo_store.thumbnails(batch)
            if not blobs:
                continue
            self._in_flight |= set(blobs)
            self._tasks += 1
            box = QSize(self.thumbnail_box)
            self._background.run(
                tuple(blobs),
                lambda blobs=blobs, box=box: {
                    sha: thumbnail_image(data, box) for sha, data in blobs.items()
                },
            )

    def _decoded(self, _key: object, images: dict[str, QImage | None]) -> None:
        self._tasks -= 1
        for sha, image in images.items():
            self._in_flight.discard(sha)
            if image is None:
                self._unreadable.add(sha)
            else:
                self.cache.put(sha, image)
            for number in self._rows_of_sha.get(sha, ()):
                index = self.index(number)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
        self._pump()

    def _not_decoded(self, shas: tuple[str, ...]) -> None:
        self._decoded(shas, dict.fromkeys(shas))

    def loading(self) -> bool:
        """Whether thumbnails are queued or being decoded."""
        return bool(self._tasks or self._wanted or self._pump_timer.isActive())


def _tooltip(info: PhotoInfo) -> str:
    lines = [
        info.region.label,
        f"{day_text(info.taken_at.date())}, {info.taken_at:%H:%M}",
        f"{info.width:,} \N{MULTIPLICATION SIGN} {info.height:,} pixels, {info.format}",
    ]
    if info.original_name:
        lines.append(info.original_name)
    if info.notes:
        lines.append(f"Notes: {info.notes}")
    return "\n".join(lines)
