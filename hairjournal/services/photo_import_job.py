"""A photo import running off the GUI thread, reporting progress through signals.

The job writes through its own connection to the journal (peewee keeps one per thread, and WAL
lets the window keep reading meanwhile). Cancel stops it between photos; what was stored by then
is stored whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.photo_import import import_photos
from hairjournal.services.pool_job import PoolJob
from hairjournal.store import models


class PhotoImportJob(PoolJob):
    progressed = Signal(int, int, str)  # photos done, photos in all, the file just done
    finished = Signal(object)  # list[PhotoResult], in the order the files were given
    failed = Signal(str)  # the import could not run at all; the message says why

    def __init__(
        self,
        files: Sequence[Path],
        region: ScalpRegion,
        *,
        taken: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.files = list(files)
        self.region = region
        self.taken = taken

    def _run(self) -> None:
        database = models.database
        error: Exception | None = None
        try:
            database.connect(reuse_if_open=True)
            results = import_photos(
                self.files,
                self.region,
                taken=self.taken,
                progress=lambda done, total, path: self.progressed.emit(done, total, path.name),
                cancelled=self._cancelled.is_set,
            )
        except Exception as raised:  # reported to the window; never lost in the thread
            error = raised
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only, before anyone is told
            self.running = False
        if error is not None:
            self.failed.emit(f"The import stopped: {error}")
        else:
            self.finished.emit(results)
