"""The window's encryption: File > Encrypt Journal…, Change Passphrase… and Decrypt Journal…,
and asking for the passphrase of an encrypted journal before it is opened.

Each change runs on the thread pool with the journal closed (its lock is the job's), in the
progress dialog backups use, with Cancel; the journal is opened again when it is done, changed
or, after a failure or a cancel, as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from hairjournal.services.encryption_job import Change, encryption_job
from hairjournal.store.connection import (
    encryption_available,
    looks_encrypted,
    needs_passphrase,
    unlock,
)
from hairjournal.ui import prompts
from hairjournal.ui.backup_progress import BackupProgressDialog
from hairjournal.ui.encryption_dialog import UNAVAILABLE, EncryptionDialog, off_the_gui_thread

if TYPE_CHECKING:
    from hairjournal.store.journal import OpenJournal
    from hairjournal.ui.main_window import MainWindow

STATUS_MS = 10_000
WAITING = {
    Change.ENCRYPT: (
        "The journal is copied into an encrypted file, which is checked (every record, every "
        "photo) before it takes the journal's place. Cancel stops before anything is replaced."
    ),
    Change.CHANGE_PASSPHRASE: (
        "Every page of the journal is encrypted again with the new passphrase, in one step."
    ),
    Change.DECRYPT: (
        "The journal is copied into a plain file, which is checked (every record, every photo) "
        "before it takes the journal's place. Cancel stops before anything is replaced."
    ),
}
TITLE_FAILED = {
    Change.ENCRYPT: "The journal was not encrypted",
    Change.CHANGE_PASSPHRASE: "The passphrase was not changed",
    Change.DECRYPT: "The journal was not decrypted",
}


def ask_to_unlock(parent: QWidget | None, path: Path) -> bool:
    """Ask for the passphrase of the encrypted journal at ``path`` until one opens it; False if
    the person cancelled. A plain journal, or one unlocked already, asks nothing."""
    if not looks_encrypted(path) or not encryption_available():
        return True  # opening it says what it is
    # The passphrases known for other journals are tried too: each costs a key derivation.
    if not off_the_gui_thread(lambda: needs_passphrase(path)):
        return True
    wrong = False
    while True:
        passphrase = prompts.ask_passphrase(parent, path.name, wrong)
        if passphrase is None:
            return False
        if off_the_gui_thread(lambda p=passphrase: unlock(path, p)):
            return True
        wrong = True


class EncryptionActions(QObject):
    """``changed(change)`` once a change is done and the journal is open again."""

    changed = Signal(object)

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: EncryptionDialog | None = None
        self.waiting: BackupProgressDialog | None = None
        self._ended: list[str | None] = []
        self.encrypt_action = QAction("Encr&ypt Journal…", window)
        self.change_action = QAction("Change &Passphrase…", window)
        self.decrypt_action = QAction("&Decrypt Journal…", window)
        for action, change in (
            (self.encrypt_action, Change.ENCRYPT),
            (self.change_action, Change.CHANGE_PASSPHRASE),
            (self.decrypt_action, Change.DECRYPT),
        ):
            action.triggered.connect(lambda _checked=False, c=change: self.ask(c))
            menu.addAction(action)
        if not encryption_available():
            self.encrypt_action.setToolTip(UNAVAILABLE)
            self.encrypt_action.setStatusTip(UNAVAILABLE)
        self.set_enabled(None)

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.encrypt_action, self.change_action, self.decrypt_action)

    def set_enabled(self, journal: OpenJournal | None) -> None:
        """Encrypt a plain journal; change the passphrase of, or decrypt, an encrypted one."""
        writable = journal is not None and not journal.read_only
        encrypted = journal is not None and journal.encrypted
        self.encrypt_action.setEnabled(writable and not encrypted)
        self.change_action.setEnabled(writable and encrypted)
        self.decrypt_action.setEnabled(writable and encrypted)

    def ask(self, change: Change) -> None:
        """Show what ``change`` means and ask for what it needs."""
        journal = self.window.journal
        if journal is None or journal.read_only:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()  # the one shown last time
        dialog = EncryptionDialog(change, journal.path, self.window)
        dialog.chosen.connect(
            lambda passphrase, back_up_first: self.run(change, passphrase, back_up_first)
        )
        self.dialog = dialog
        dialog.open()

    def run(self, change: Change, passphrase: str, back_up_first: bool = False) -> bool:
        """Make ``change`` to the open journal, the window waiting in a progress dialog; True
        if it was made. The journal is open again afterwards, changed or as it was."""
        journal = self.window.journal
        if journal is None:
            return False
        if self.window.backups.job is not None:
            prompts.show_error(
                self.window,
                "Please wait for the backup",
                "A backup or restore is under way. Try again when it has finished.",
            )
            return False
        path = journal.path
        self.window.close_journal()  # the job takes the journal's lock
        job = encryption_job(
            change, path, passphrase or None, back_up_first=back_up_first, parent=self
        )
        self._ended = []
        waiting = BackupProgressDialog(job, WAITING[change], self.window)
        waiting.cancel_button.setVisible(change is not Change.CHANGE_PASSPHRASE)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.stopped.connect(self._stopped)
        self.waiting = waiting
        try:
            job.start()
            waiting.exec()
        finally:
            waiting.deleteLater()
            self.waiting = None
        outcome = self._ended[0] if self._ended else ""
        reopened = self.window.open_path(path)
        if outcome is None:
            if reopened:
                self.window.statusBar().showMessage(f"{path.name} {change.done}.", STATUS_MS)
            self.changed.emit(change)
            return True
        if outcome:
            prompts.show_error(self.window, TITLE_FAILED[change], outcome)
        else:
            self.window.statusBar().showMessage(
                "Cancelled; the journal has not been changed.", STATUS_MS
            )
        return False

    # The job's end, heard on the GUI thread: None when done, else why not ("": cancelled).

    def _finished(self, _journal: Path) -> None:
        self._end(None)

    def _failed(self, message: str) -> None:
        self._end(message)

    def _stopped(self) -> None:
        self._end("")

    def _end(self, outcome: str | None) -> None:
        self._ended.append(outcome)
        if self.waiting is not None:
            self.waiting.finish()
