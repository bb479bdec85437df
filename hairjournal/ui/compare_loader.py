"""The two photos of a comparison, decoded (and the later one warped) on the thread pool.

A few decoded photos are kept, so that switching between pairs is quick. Each is kept by its
journal and its file, so that an id that comes back meaning another photo (in another journal,
or imported after a delete) is decoded afresh.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from hairjournal.core.alignment import Similarity
from hairjournal.store import models
from hairjournal.store.photos import PhotoInfo
from hairjournal.ui.background import Background
from hairjournal.ui.compare_images import ScreenPhoto, load_screen_photo, warp_onto

KEPT = 4  # decoded photos kept
PhotoKey = tuple[int, int, str, int, int, str]


@dataclass(frozen=True)
class LoadedPair:
    first: ScreenPhoto
    second: ScreenPhoto
    aligned: QImage | None  # the second on the first's pixels, when a transform was given


class PairLoader(QObject):
    """``pair(...)`` answers at once with the pair or with what is under way; ``arrived``
    says that work finished, so that it is worth asking again."""

    arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoded: OrderedDict[PhotoKey, ScreenPhoto] = OrderedDict()
        self.warped: tuple[object, QImage] | None = None  # (what it was warped for, image)
        self._pending: set[object] = set()
        self._database: object = None
        self._journal_number = 0
        self.background = Background()
        self.background.done.connect(self._done)

    def follow_journal(self) -> None:
        """Forget the photos of a journal that is no longer the one open."""
        if models.database.obj is not self._database:
            self._database = models.database.obj
            self._journal_number += 1
            self.decoded.clear()
            self.warped = None

    def pair(
        self, first: PhotoInfo, second: PhotoInfo, transform: Similarity | None
    ) -> LoadedPair | str:
        """The pair, decoded (and warped by ``transform``), or a message while it is not."""
        keys = (self._key(first), self._key(second))
        for key, info in zip(keys, (first, second), strict=True):
            if key not in self.decoded:
                self._start(("photo", key), partial(load_screen_photo, info.id))
        if not all(key in self.decoded for key in keys):
            return "Opening the photos…"
        shown = [self.decoded[key] for key in keys]
        for key in keys:
            self.decoded.move_to_end(key)
        if shown[0].image is None or shown[1].image is None:
            return f"This photo cannot be shown. {shown[0].problem or shown[1].problem}"
        if transform is None:
            return LoadedPair(shown[0], shown[1], None)
        warp = ("warp", *keys, transform)
        if self.warped is None or self.warped[0] != warp:
            self._start(warp, partial(warp_onto, shown[0], shown[1], transform))
            return "Lining the photos up…"
        return LoadedPair(shown[0], shown[1], self.warped[1])

    def _key(self, info: PhotoInfo) -> PhotoKey:
        file = (info.original_name, info.width, info.height, info.format)
        return (self._journal_number, info.id, *file)

    def _start(self, key: object, work: Callable[[], object]) -> None:
        if key not in self._pending:
            self._pending.add(key)
            self.background.run(key, work)

    def _done(self, key: object, result: object) -> None:
        self._pending.discard(key)
        if not isinstance(key, tuple):
            return
        if key[0] == "photo" and isinstance(result, ScreenPhoto):
            if key[1][0] != self._journal_number:
                return  # read from a journal no longer open
            self.decoded[key[1]] = result
            while len(self.decoded) > KEPT:
                self.decoded.popitem(last=False)
        elif key[0] == "warp" and isinstance(result, QImage):
            self.warped = (key, result)
        self.arrived.emit()
