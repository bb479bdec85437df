"""File > Encrypt Journal…, Change Passphrase… and Decrypt Journal…: what it means, first.

Encrypting says before anything else that a lost passphrase means nobody can ever open the
journal again, offers a backup first, and asks for the new passphrase twice. Changing it and
decrypting ask for the current passphrase, so that nobody passing an unlocked computer can do
either; decrypting says plainly that the health data will then be stored unencrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hairjournal.services.encryption_job import Change
from hairjournal.store.connection import encryption_available, opens_with
from hairjournal.store.encryption import MIN_PASSPHRASE_LENGTH, passphrase_problem
from hairjournal.ui.background import Background
from hairjournal.ui.record_form import ERROR_STYLE
from hairjournal.ui.style import heading, paragraph, quiet

LOST_PASSPHRASE = (
    "<b>If you lose the passphrase, this journal cannot be opened by anyone, ever</b>: not by "
    "you, not by Hair Journal's makers, not by any expert. There is no way to recover it. "
    "Write it down and keep it somewhere safe, away from this computer."
)
UNAVAILABLE = (
    "Encryption is not available in this installation of Hair Journal: it needs SQLCipher (the "
    "Python package sqlcipher3). Install Hair Journal with its 'encryption' extra to use it."
)
HINT = (
    f"At least {MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember "
    "and hard to guess."
)
TITLES = {
    Change.ENCRYPT: "Encrypt the journal",
    Change.CHANGE_PASSPHRASE: "Change the passphrase",
    Change.DECRYPT: "Decrypt the journal",
}
BUTTONS = {
    Change.ENCRYPT: "Encrypt",
    Change.CHANGE_PASSPHRASE: "Change Passphrase",
    Change.DECRYPT: "Decrypt",
}


def explanation(change: Change) -> str:
    """What the dialog says first, as rich text."""
    if change is Change.ENCRYPT:
        return (
            f"{LOST_PASSPHRASE}<br><br>Everything in the journal, photos included, is encrypted "
            "with the passphrase, and Hair Journal asks for it each time it opens the journal. "
            "Backups taken from now on are encrypted with it too. Backups taken before now, and "
            "files you export, are not encrypted."
        )
    if change is Change.CHANGE_PASSPHRASE:
        return (
            "Once it is changed, only the new passphrase opens this journal; backups taken "
            f"before keep the old one. {LOST_PASSPHRASE}"
        )
    return (
        "<b>Decrypting stores your health data unencrypted.</b> Anyone who can read the file "
        "(another account on this computer, someone with the disk, a sync service) can then "
        "read everything in it, photos included, and so can anyone with the backups taken from "
        "now on. Backups taken before stay encrypted with the passphrase."
    )


def off_the_gui_thread(work: Callable[[], bool]) -> bool:
    """What ``work`` returns, run on the thread pool: a passphrase is tried through a key
    derivation that takes a fifth of a second on purpose. The window keeps painting meanwhile;
    clicks and keys wait until it is done."""
    background = Background()
    loop = QEventLoop()
    results: list[object] = []
    background.done.connect(lambda _key, result: (results.append(result), loop.quit()))
    background.failed.connect(lambda _key: loop.quit())
    background.run("passphrase", work)
    if not results:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return bool(results and results[0])


def _masked(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class EncryptionDialog(QDialog):
    """Asks what ``change`` needs; ``chosen(passphrase, back_up_first)`` when confirmed (the
    new passphrase; empty when decrypting)."""

    chosen = Signal(str, bool)

    def __init__(self, change: Change, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.journal = journal
        self.setWindowTitle(TITLES[change])
        self.setMinimumWidth(520)
        self.available = encryption_available()
        self.current = _masked("Current passphrase")
        self.new = _masked("New passphrase")
        self.again = _masked("New passphrase again")
        self.show_typed = QCheckBox("&Show what I type")
        self.back_up_first = QCheckBox("&Back up the journal first (that backup is not encrypted)")
        self.back_up_first.setChecked(True)
        self.hint = quiet(QLabel(HINT))
        self.hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            BUTTONS[change], QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(TITLES[change], 1.2))
        if not self.available:
            layout.addWidget(paragraph(UNAVAILABLE))
            self.buttons.removeButton(self.confirm_button)
            self.confirm_button.setEnabled(False)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            layout.addWidget(self.buttons)
            return
        text = paragraph(explanation(change))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setObjectName("encryption_explanation")
        layout.addWidget(text)
        form = QFormLayout()
        if change is not Change.ENCRYPT:
            form.addRow("&Current passphrase:", self.current)
        if change is not Change.DECRYPT:
            form.addRow("&New passphrase:", self.new)
            form.addRow("&Type it again:", self.again)
            form.addRow("", self.hint)
        form.addRow("", self.show_typed)
        layout.addLayout(form)
        if change is Change.ENCRYPT:
            layout.addWidget(self.back_up_first)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.show_typed.toggled.connect(self._show_typed)
        for field in (self.current, self.new, self.again):
            field.textChanged.connect(lambda _text: self._update())
        self._update()

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.current, self.new, self.again):
            field.setEchoMode(mode)

    def _new_problem(self) -> str | None:
        if self.change is Change.DECRYPT:
            return None
        return passphrase_problem(self.new.text(), self.again.text())

    def _update(self) -> None:
        """The hint says what is still missing; the button waits until nothing is."""
        problem = self._new_problem()
        if self.change is not Change.DECRYPT:
            typed = bool(self.new.text())
            self.hint.setText(problem if typed and problem is not None else HINT)
        needs_current = self.change is not Change.ENCRYPT and not self.current.text()
        self.confirm_button.setEnabled(problem is None and not needs_current)

    def confirm(self) -> None:
        """Check the current passphrase (where asked) and the new one; then ``chosen``."""
        problem = self._new_problem()
        if problem is None and self.change is not Change.ENCRYPT:
            current, journal = self.current.text(), self.journal
            if not off_the_gui_thread(lambda: opens_with(journal, current)):
                problem = "The current passphrase is not right."
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        passphrase = "" if self.change is Change.DECRYPT else self.new.text()
        back_up_first = self.change is Change.ENCRYPT and self.back_up_first.isChecked()
        self.accept()
        self.chosen.emit(passphrase, back_up_first)
