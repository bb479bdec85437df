"""The window's backups: File > Back Up Now and Restore from Backup…, automatic backups, and
the offer to restore a backup when a journal cannot be opened.

Automatic backups (on unless turned off in the File menu) are taken when the window closes and,
while it stays open, by an hourly look; each time only if the journal has no backup from that
calendar day yet. One backup or restore runs at a time, on the thread pool: in the status bar
with Cancel, or in a small dialog with Cancel when the window waits for it (closing, restoring).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from hairjournal.services.backup import BackupResult, header_problem
from hairjournal.services.backup_files import BackupFile, BackupKind, backup_files, taken_today
from hairjournal.services.backup_job import BackupJob
from hairjournal.services.backup_listing import BackupListing
from hairjournal.services.backup_restore import RestoreResult
from hairjournal.store.check import size_text
from hairjournal.store.journal import JournalRefused, Refusal, backups_folder
from hairjournal.ui import prompts
from hairjournal.ui.backup_progress import BackupProgressDialog, BackupStatus
from hairjournal.ui.restore_dialog import RestoreDialog, taken_text

if TYPE_CHECKING:
    from hairjournal.ui.main_window import MainWindow
    from hairjournal.ui.settings import Settings

CHECK_EVERY_MS = 60 * 60 * 1000  # how often an open window looks whether a backup is due
STATUS_MS = 10_000
# Refusals after which a backup may help: the file is gone, empty, not a database or damaged.
# A journal from a newer version or another program's file is sound: restoring would lose it.
OFFER_RESTORE_AFTER = {Refusal.MISSING, Refusal.EMPTY, Refusal.NOT_SQLITE, Refusal.DAMAGED}
CLOSING = (
    "Your journal is backed up when Hair Journal closes, once a day. Cancel closes without "
    "this backup; nothing half-written is kept."
)
RESTORING = (
    "The backup is checked, your journal as it is now is backed up, and then the backup is put "
    "in its place in one step. Cancel stops before anything is replaced."
)


class BackupActions(QObject):
    """``backup_done(result)`` after a backup; ``restore_done(result)`` once the restored journal
    is open; ``job_over()`` whenever a backup or restore has ended, however it ended."""

    backup_done = Signal(object)
    restore_done = Signal(object)
    job_over = Signal()

    def __init__(self, window: MainWindow, menu: QMenu, settings: Settings | None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.job: BackupJob | None = None
        self.waiting: BackupProgressDialog | None = None  # the dialog the window waits in
        self.restore_dialog: RestoreDialog | None = None
        self._restored: RestoreResult | None = None

        self.back_up_action = QAction("&Back Up Now", window)
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("Restore from Bac&kup…", window)
        self.restore_action.triggered.connect(self.choose_and_restore)
        self.automatic_action = QAction("Back Up &Automatically", window)
        self.automatic_action.setCheckable(True)
        self.automatic_action.setChecked(self.automatic())
        self.automatic_action.setVisible(settings is not None)
        self.automatic_action.toggled.connect(self._set_automatic)
        for action in (self.back_up_action, self.restore_action, self.automatic_action):
            menu.addAction(action)

        self.status = BackupStatus()
        window.statusBar().addPermanentWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        if settings is not None:  # a window for a screenshot takes no backups
            self.timer.start()

    # -- state --------------------------------------------------------------------------------

    def automatic(self) -> bool:
        return self.settings is not None and self.settings.automatic_backups()

    def _set_automatic(self, on: bool) -> None:
        if self.settings is not None:
            self.settings.set_automatic_backups(on)

    def due(self, today: dt.date | None = None) -> bool:
        """Whether the open journal has no backup from today yet."""
        journal = self.window.journal
        if journal is None:
            return False
        today = today or dt.date.today()
        return not taken_today(backups_folder(journal.path), journal.path.stem, today)

    def set_enabled(self, has_journal: bool) -> None:
        idle = self.job is None
        self.back_up_action.setEnabled(has_journal and idle)
        self.restore_action.setEnabled(has_journal and idle)

    def _update_actions(self) -> None:
        self.set_enabled(self.window.journal is not None)

    # -- backing up ---------------------------------------------------------------------------

    def back_up_now(self) -> None:
        if self.window.journal is not None and self.job is None:
            self._start_backup(self.window.journal.path)

    def back_up_if_due(self) -> None:
        """An automatic backup in the background, if they are on and one is due."""
        journal = self.window.journal
        if journal is not None and self.automatic() and self.job is None and self.due():
            self._start_backup(journal.path)

    def before_close(self) -> bool:
        """Take the automatic backup if one is due, or let a running one end, with the window
        waiting in a dialog with Cancel; False while that dialog is already up."""
        if self.waiting is not None:
            return False
        self.timer.stop()
        journal = self.window.journal
        if self.job is None:
            if journal is None or not (self.automatic() and self.due()):
                return True
            self._start_backup(journal.path, in_status_bar=False)
        assert self.job is not None
        self._wait(self.job, CLOSING)
        return True

    def _start_backup(self, journal: Path, *, in_status_bar: bool = True) -> None:
        job = BackupJob.backing_up(journal, parent=self)
        job.finished.connect(self._backed_up)
        job.failed.connect(self._backup_failed)
        job.stopped.connect(self._backup_stopped)
        self._begin(job, in_status_bar)

    def _backed_up(self, result: BackupResult) -> None:
        self._over()
        text = f"Backed up to {result.path.name} ({size_text(result.size)}), checked"
        if result.pruned:
            text += f"; {len(result.pruned)} older backup(s) no longer needed were removed"
        self.window.statusBar().showMessage(f"{text}.", STATUS_MS)
        self.backup_done.emit(result)
        self.job_over.emit()

    def _backup_failed(self, message: str) -> None:
        self._over()
        prompts.show_error(self.window, "The backup was not taken", message)
        self.job_over.emit()

    def _backup_stopped(self) -> None:
        self._over()
        self.window.statusBar().showMessage(
            "The backup was cancelled; nothing of it was kept.", STATUS_MS
        )
        self.job_over.emit()

    # -- the job in hand ------------------------------------------------------------------------

    def _begin(self, job: BackupJob, in_status_bar: bool) -> None:
        self.job = job
        self._update_actions()
        if in_status_bar:
            self.status.follow(job)
            self.window.statusBar().showMessage(f"{job.description}…", STATUS_MS)
        job.start()

    def _wait(self, job: BackupJob, explanation: str) -> None:
        """Show the job in a dialog with Cancel until it has ended (the window stays live)."""
        self.waiting = BackupProgressDialog(job, explanation, self.window)
        try:
            self.waiting.exec()
        finally:
            self.waiting.deleteLater()
            self.waiting = None

    def _over(self) -> None:
        self.job = None
        self.status.finish()
        if self.waiting is not None:
            self.waiting.finish()
        self._update_actions()

    # -- restoring ----------------------------------------------------------------------------

    def choose_and_restore(self) -> None:
        journal = self.window.journal
        if journal is None or self.job is not None:
            return
        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()  # the one shown last time
        dialog = RestoreDialog(journal.path, backups_folder(journal.path), self.window)
        dialog.restore_chosen.connect(self._restore_chosen)
        self.restore_dialog = dialog
        dialog.open()

    def _restore_chosen(self, listing: BackupListing) -> None:
        journal = self.window.journal
        if journal is not None:
            self.restore(listing.backup, journal.path)

    def restore(self, backup: BackupFile, journal: Path) -> bool:
        """Replace ``journal`` with ``backup`` (asked for already) and open it; the window waits
        with a progress dialog. True if the restored journal is open."""
        if self.job is not None:
            return False
        was_open = self.window.journal is not None and self.window.journal.path == journal
        if was_open:
            self.window.close_journal()  # its undo history cannot apply to the backup
        job = BackupJob.restoring(backup.path, journal, backup.taken_at, parent=self)
        job.finished.connect(self._restore_finished)
        job.failed.connect(self._restore_failed)
        job.stopped.connect(self._restore_stopped)
        self._restored = None
        self._begin(job, in_status_bar=False)
        self._wait(job, RESTORING)
        result, self._restored = self._restored, None
        if result is None:
            if was_open:
                self.window.open_path(journal)  # as it was: nothing was replaced
            return False
        if not self.window.open_path(journal):
            return False
        self.window.statusBar().showMessage(_restored_text(result, backup))
        self.restore_done.emit(result)
        return True

    def _restore_finished(self, result: RestoreResult) -> None:
        self._restored = result
        self._over()
        self.job_over.emit()

    def _restore_failed(self, message: str) -> None:
        self._over()
        prompts.show_error(self.window, "The backup was not restored", message)
        self.job_over.emit()

    def _restore_stopped(self) -> None:
        self._over()
        self.window.statusBar().showMessage(
            "The restore was cancelled; your journal has not been changed.", STATUS_MS
        )
        self.job_over.emit()

    # -- after a refusal ------------------------------------------------------------------------

    def restore_offer(self, refused: JournalRefused) -> BackupFile | None:
        """The newest backup of the refused journal worth offering: every backup was checked
        with ``quick_check`` before it got its name, and this one's header still reads as a
        journal (the restore checks it in full again before replacing anything)."""
        if refused.refusal not in OFFER_RESTORE_AFTER:
            return None
        for backup in backup_files(backups_folder(refused.path), refused.path.stem):
            if backup.kind is not BackupKind.REPLACED and header_problem(backup.path) is None:
                return backup
        return None


def offer_text(backup: BackupFile) -> str:
    return f"Restore the backup of {taken_text(backup)}"


def _restored_text(result: RestoreResult, backup: BackupFile) -> str:
    text = f"Restored the backup of {taken_text(backup)}."
    if result.previous is None:
        return text
    if result.previous_verified:
        return f"{text} The journal as it was is backed up as {result.previous.name}."
    return f"{text} The journal as it was could not be read; it is kept as {result.previous.name}."
