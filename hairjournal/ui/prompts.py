"""Every file dialog, question and error box the window shows, in one place tests replace.

Each function blocks until the person answers and returns plain values; the window never calls
QFileDialog or QMessageBox itself.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hairjournal.services.photo_import import PHOTO_SUFFIXES

JOURNAL_FILTER = "Hair Journal files (*.hairjournal);;All files (*)"
# Both cases: the file dialog matches names case-sensitively where the file system does.
PHOTO_FILTER = "Photos ({});;All files (*)".format(
    " ".join(f"*{suffix} *{suffix.upper()}" for suffix in sorted(PHOTO_SUFFIXES))
)


class AfterRefusal(Enum):
    """What a person chose after the journal they asked for could not be opened."""

    OPEN_ANOTHER = "open_another"
    NEW = "new"
    QUIT = "quit"
    RESTORE = "restore"  # the backup offered


def ask_open_path(parent: QWidget | None, folder: Path) -> Path | None:
    """The journal file to open, or None if the person cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, "Open a journal", str(folder), JOURNAL_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to create a new journal, or None if the person cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "Create the journal file", str(suggested), JOURNAL_FILTER
    )
    return Path(name) if name else None


def ask_photo_paths(parent: QWidget | None, folder: Path) -> list[Path]:
    """The photo files to import, or an empty list if the person cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import photos", str(folder), PHOTO_FILTER)
    return [Path(name) for name in names]


def ask_csv_paths(parent: QWidget | None, folder: Path) -> list[Path]:
    """The CSV files to import, or an empty list if the person cancelled."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        "Import from CSV",
        str(folder),
        "CSV and text files (*.csv *.CSV *.txt *.TXT *.tsv *.TSV);;All files (*)",
    )
    return [Path(name) for name in names]


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Something the person asked for did not happen; ``message`` says why in plain words."""
    QMessageBox.warning(parent, title, message)


def ask_after_refusal(
    parent: QWidget | None, message: str, restore_offer: str | None = None
) -> AfterRefusal:
    """Say why the journal was not opened, and offer to open another, start a new one, or quit;
    with ``restore_offer`` (the button's text), also to restore the journal's newest backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The journal was not opened")
    box.setText(message)
    box.setInformativeText("What would you like to do?")
    choices = {}
    if restore_offer is not None:
        restore = box.addButton(restore_offer, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore)
        choices[restore] = AfterRefusal.RESTORE
    choices |= {
        box.addButton("Open another…", QMessageBox.ButtonRole.AcceptRole): (
            AfterRefusal.OPEN_ANOTHER
        ),
        box.addButton("New journal…", QMessageBox.ButtonRole.AcceptRole): AfterRefusal.NEW,
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole): AfterRefusal.QUIT,
    }
    box.exec()
    return choices.get(box.clickedButton(), AfterRefusal.QUIT)


def confirm(parent: QWidget | None, title: str, question: str, yes: str) -> bool:
    """Ask before something the person may not mean (an unusual value, a delete)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes_button


def ask_passphrase(parent: QWidget | None, journal_name: str, wrong: bool = False) -> str | None:
    """The passphrase of the encrypted journal ``journal_name`` (typed masked), or None if the
    person cancelled; ``wrong`` says the last one given did not open it."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text = f"{journal_name} is encrypted. Type its passphrase to open it."
    if wrong:
        text = f"That passphrase does not open {journal_name}. Check Caps Lock, and try again."
    passphrase, given = QInputDialog.getText(
        parent, "Passphrase", text, QLineEdit.EchoMode.Password
    )
    return passphrase if given else None


def show_unexpected_error(parent: QWidget | None, details: str, log: Path | None = None) -> None:
    """A bug: say so plainly, keep the technical details one click away (and one more to copy
    them), and say where they were logged."""
    unexpected_error_box(parent, details, log).exec()


def unexpected_error_box(parent: QWidget | None, details: str, log: Path | None) -> QMessageBox:
    """The box ``show_unexpected_error`` shows; "Copy details" copies and leaves it open."""
    from PySide6.QtWidgets import QApplication

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Something went wrong")
    box.setText(
        "Hair Journal ran into an unexpected problem. What you saved before is safe in the "
        "journal file. If this happens again, please report it with the details below."
    )
    box.setInformativeText(
        f"The details are also in the error log: {log}"
        if log is not None
        else "The details could not be written to the error log."
    )
    box.setDetailedText(details)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying does not close the box
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    return box


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder to write into (exported photos), or None if the person cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """Something the person asked for is done; ``message`` says what and where."""
    QMessageBox.information(parent, title, message)


def ask_export_path(
    parent: QWidget | None, title: str, suggested: Path, file_filter: str
) -> Path | None:
    """Where to save an export (the dialog asks before replacing a file), or None."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def show_folder(folder: Path) -> None:
    """Open ``folder`` in the system's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
