"""Work run on the thread pool whose result comes back to the GUI thread as a signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QThreadPool, Signal


class BackgroundError(RuntimeError):
    """Work on the thread pool raised: a bug, re-raised on the GUI thread so it is reported."""


class Background(QObject):
    """Runs callables on the global thread pool; ``done(key, result)`` arrives on the GUI thread.

    Deliberately without a parent: every task holds a reference to it, so it outlives a view
    that is closed while work is under way. Connect its signals to bound methods of the
    receiving QObject (not lambdas): Qt then drops the connection when the receiver is deleted,
    and a late result never reaches a deleted object. Work must create ``QImage``, never
    ``QPixmap``, and must not touch widgets.
    """

    done = Signal(object, object)  # the key given to run(), what the work returned
    failed = Signal(object)  # the key of work that raised; the error is then raised again
    _raised = Signal(object, str)  # the key, the traceback

    def __init__(self) -> None:
        super().__init__(None)
        self.running = 0  # tasks started and not yet delivered (GUI thread's count)
        self._raised.connect(self._reraise)
        self.done.connect(self._delivered)

    def run(self, key: Hashable, work: Callable[[], object]) -> None:
        self.running += 1
        QThreadPool.globalInstance().start(lambda: self._work(key, work))

    def _work(self, key: Hashable, work: Callable[[], object]) -> None:
        try:
            result = work()
        except Exception:  # not lost in the thread: raised again on the GUI thread
            self._raised.emit(key, traceback.format_exc())
            return
        self.done.emit(key, result)

    def _delivered(self, _key: object, _result: object) -> None:
        self.running -= 1

    def _reraise(self, key: object, details: str) -> None:
        self.running -= 1
        self.failed.emit(key)  # so that the owner stops waiting for it
        raise BackgroundError(f"Work for {key!r} failed on the thread pool:\n{details}")
