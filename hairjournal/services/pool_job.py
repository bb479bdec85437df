"""Long work on Qt's thread pool that a person can cancel: what every job has in common."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool


class PoolJob(QObject):
    """Subclasses define their signals and ``_run`` (called on a pool thread by ``start``).

    ``_run`` checks ``cancelled`` between steps and sets ``running`` to False before it emits
    its last signal.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self.running = False

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _run(self) -> None:
        raise NotImplementedError
