"""Exporting photos from any view: a warning, a folder, a progress bar, and a summary.

``export_photos_with_prompt(parent, photo_ids)`` is the one entry point; the photos are written
on the thread pool (``services.photo_export``), so the window stays responsive throughout.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hairjournal.services.photo_export import ExportedPhoto, ExportFailed, export_photos
from hairjournal.store import models
from hairjournal.ui import prompts

WARNING = (
    "Exported photos are ordinary picture files: they are not encrypted, and they are health "
    "information. Anyone who can open the folder you choose can see them, and a synced folder "
    "(Dropbox, iCloud Drive, OneDrive…) copies them to the internet.\n\n"
    "Hidden details in the files (when and where they were taken, the phone) are removed; "
    "only the pictures are written."
)


def _count(number: int) -> str:
    return f"{number} photo{'' if number == 1 else 's'}"


class PhotoExportJob(QObject):
    """Photos written to a folder off the GUI thread; Cancel stops between photos."""

    progressed = Signal(int, int)  # photos written, photos in all
    finished = Signal(object)  # list[ExportedPhoto]
    failed = Signal(str, object)  # why, in plain words; the photos written before it

    def __init__(self, photo_ids: Sequence[int], folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.photo_ids = list(photo_ids)
        self.folder = Path(folder)
        self._database = models.database.obj  # the journal open now, whatever happens later
        self._cancelled = threading.Event()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        self._cancelled.set()

    def _run(self) -> None:
        database = self._database
        written: list[ExportedPhoto] = []
        problem: str | None = None
        try:
            database.connect(reuse_if_open=True)  # this thread's own connection
            written = export_photos(
                self.photo_ids,
                self.folder,
                progress=self.progressed.emit,
                cancelled=self._cancelled.is_set,
            )
        except ExportFailed as failure:
            problem, written = failure.message, failure.written
        except Exception as error:  # reported to the window; never lost in the thread
            problem = f"something unexpected happened ({error})"
        finally:
            if not database.is_closed():
                database.close()
        # Only now, with this thread's connection closed: the window may close the journal
        # as soon as it hears.
        if problem is None:
            self.finished.emit(written)
        else:
            self.failed.emit(problem, written)


def suggested_folder() -> Path:
    pictures = Path(platformdirs.user_pictures_dir())
    return pictures if pictures.is_dir() else Path.home()


def export_photos_with_prompt(parent: QWidget, photo_ids: Sequence[int]) -> PhotoExportJob | None:
    """Warn, ask for a folder, and export ``photo_ids`` there; None if the person stopped."""
    ids = list(dict.fromkeys(photo_ids))
    if not ids:
        return None
    title = f"Export {_count(len(ids))}"
    if not prompts.confirm(parent, title, WARNING, "Choose a folder…"):
        return None
    folder = prompts.ask_folder(parent, f"{title} to", suggested_folder())
    if folder is None:
        return None
    job = PhotoExportJob(ids, folder, parent)
    progress = QProgressDialog(f"Exporting {_count(len(ids))}…", "Cancel", 0, len(ids), parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(job.cancel)
    job.progressed.connect(lambda done, _total: progress.setValue(done))

    def done(written: list[ExportedPhoto]) -> None:
        progress.close()
        progress.deleteLater()
        stopped = "" if len(written) == len(ids) else f" (stopped after {len(written)})"
        prompts.show_info(
            parent,
            "Photos exported",
            f"{_count(len(written))} written to {folder}{stopped}. They are not encrypted: "
            "keep them somewhere private, and delete them when they are no longer needed.",
        )

    def failed(why: str, written: list[ExportedPhoto]) -> None:
        progress.close()
        progress.deleteLater()
        before = f" {_count(len(written))} were written before that." if written else ""
        prompts.show_error(parent, "Photos not exported", f"The export stopped: {why}.{before}")

    job.finished.connect(done)
    job.failed.connect(failed)
    job.start()
    return job
