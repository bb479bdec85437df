"""Widgets that show records follow the undo history: at once when visible, else when next shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent

from hairjournal.store import models
from hairjournal.ui.history import History


class FollowsHistory:
    """Mix into a QWidget whose ``refresh()`` re-reads the journal and sets ``stale = False``."""

    stale = False
    watched: set[type[models.BaseModel]]

    def follow(self, history: History, *watched: type[models.BaseModel]) -> None:
        """Refresh when records of any of ``watched`` are added, changed or deleted."""
        self.watched = set(watched)
        history.changed.connect(self._history_changed)

    def _history_changed(self, model: type[models.BaseModel]) -> None:
        if model not in self.watched:
            return
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()  # type: ignore[attr-defined]
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.refresh()  # type: ignore[attr-defined]
        super().showEvent(event)  # type: ignore[misc]
