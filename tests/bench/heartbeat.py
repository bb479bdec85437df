"""How long the window would freeze: a 10 ms timer on the GUI thread, and its longest gap."""

from __future__ import annotations

import itertools
import time
from types import TracebackType

from PySide6.QtCore import QTimer

HEARTBEAT_MS = 10
STALL_BUDGET_MS = 50.0  # the GUI thread never blocks longer than this


class Heartbeat:
    """``with Heartbeat() as beat:`` around an event loop; then ``beat.longest_gap_ms``.

    ``seconds`` is how long the ``with`` block took.
    """

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.seconds = 0.0

    def __enter__(self) -> Heartbeat:
        self.timer.start()
        self.ticks = [time.perf_counter()]
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        self.seconds = self.ticks[-1] - self.ticks[0]

    @property
    def longest_gap_ms(self) -> float:
        return 1000 * max((b - a for a, b in itertools.pairwise(self.ticks)), default=0.0)
