"""A CSV import (or its preview) running off the GUI thread, reporting through signals.

The job reads and writes through its own connection to the journal (peewee keeps one per
thread, and WAL lets the window keep reading meanwhile), closed before anyone is told the
outcome. Cancel stops it between batches of rows; a cancelled import writes nothing.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hairjournal.services.csv_import import (
    Cancelled,
    ImportOptions,
    ImportResult,
    plan_import,
    run_import,
)
from hairjournal.services.pool_job import PoolJob
from hairjournal.store import models
from hairjournal.store.records import WriteFailed

_collector_lock = threading.Lock()
_collector_pausers = 0
_collector_was_on = True


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a job runs (reference counting still frees nearly
    everything): with 100,000 rows in memory, a full collection holds the interpreter, and so
    the window, for a tenth of a second at a time. Jobs that overlap share the pause."""
    global _collector_pausers, _collector_was_on
    with _collector_lock:
        if _collector_pausers == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _collector_pausers += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pausers -= 1
            if _collector_pausers == 0 and _collector_was_on:
                gc.enable()


class CsvImportJob(PoolJob):
    """``dry_run``: only plan (the preview); else plan and write."""

    # Each signal names the job first, so that a window running several can tell them apart.
    progressed = Signal(object, int, int)  # rows done, rows in all (reading, then writing)
    finished = Signal(object, object)  # ImportResult
    stopped = Signal(object)  # stopped by Cancel; nothing was written
    failed = Signal(object, str)  # nothing was written; the message says why

    def __init__(
        self,
        paths: Sequence[Path],
        options: ImportOptions,
        *,
        dry_run: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.options = options
        self.dry_run = dry_run

    def _run(self) -> None:
        database = models.database
        result: ImportResult | None = None
        message = ""
        try:
            database.connect(reuse_if_open=True)
            with _collector_paused():
                result = self._work()
                result.report  # noqa: B018 - the report is worked out here, not in the window
        except Cancelled:
            pass
        except WriteFailed as failure:
            message = failure.message
        except Exception as error:  # reported to the window; never lost in the thread
            message = f"The import stopped, and nothing was written: {error}"
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only, before anyone is told
            self.running = False
        if result is not None:
            self.finished.emit(self, result)
        elif message:
            self.failed.emit(self, message)
        else:
            self.stopped.emit(self)

    def _work(self) -> ImportResult:
        if self.dry_run:
            plan = plan_import(
                self.paths, self.options, progress=self._progress, cancelled=self._cancelled.is_set
            )
            return ImportResult(plan, {}, dry_run=True)
        return run_import(
            self.paths, self.options, progress=self._progress, cancelled=self._cancelled.is_set
        )

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(self, done, total)
