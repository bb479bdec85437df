"""A backup or a restore running on the thread pool, reporting progress through signals.

The work opens its own connections (the window's stays on the GUI thread); Cancel is noticed
between steps of the copy, and a cancelled or failed job leaves no partial file behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hairjournal.services.backup import (
    BackupCancelled,
    BackupError,
    Cancelled,
    Progress,
    back_up,
)
from hairjournal.services.backup_restore import restore
from hairjournal.services.pool_job import PoolJob

Work = Callable[[Progress, Cancelled], object]


class BackupJob(PoolJob):
    progressed = Signal(str, int, int)  # what is being done, done, in all (0: no count)
    finished = Signal(object)  # the BackupResult or RestoreResult
    failed = Signal(str)  # why it did not happen, for people; nothing was changed
    stopped = Signal()  # cancelled; nothing was changed

    def __init__(self, work: Work, description: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.description = description  # "Backing up", "Restoring": what the job is, for people

    @classmethod
    def backing_up(
        cls, journal: Path, folder: Path | None = None, parent: QObject | None = None
    ) -> BackupJob:
        def work(progress: Progress, cancelled: Cancelled) -> object:
            return back_up(journal, folder, progress=progress, cancelled=cancelled)

        return cls(work, f"Backing up {journal.name}", parent)

    @classmethod
    def restoring(
        cls,
        backup: Path,
        journal: Path,
        taken_at: dt.datetime | None = None,
        parent: QObject | None = None,
    ) -> BackupJob:
        def work(progress: Progress, cancelled: Cancelled) -> object:
            return restore(backup, journal, progress=progress, cancelled=cancelled)

        when = f" of {taken_at:%d %B %Y, %H:%M}" if taken_at is not None else ""
        return cls(work, f"Restoring the backup{when}", parent)

    def _run(self) -> None:
        try:
            result = self.work(self.progressed.emit, self._cancelled.is_set)
        except BackupCancelled:
            self.running = False
            self.stopped.emit()
        except BackupError as error:
            self.running = False
            self.failed.emit(str(error))
        except Exception as error:  # reported to the window; never lost in the thread
            self.running = False
            self.failed.emit(f"It stopped on an unexpected problem: {error}")
        else:
            self.running = False
            self.finished.emit(result)
