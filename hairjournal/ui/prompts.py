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


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Something the person asked for did not happen; ``message`` says why in plain words."""
    QMessageBox.warning(parent, title, message)


def ask_after_refusal(parent: QWidget | None, message: str) -> AfterRefusal:
    """Say why the journal was not opened, and offer to open another, start a new one, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The journal was not opened")
    box.setText(message)
    box.setInformativeText("What would you like to do?")
    choices = {
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


def show_unexpected_error(parent: QWidget | None, details: str) -> None:
    """A bug: say so plainly, and keep the technical details one click away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Something went wrong")
    box.setText(
        "Hair Journal ran into an unexpected problem. What you saved before is safe in the "
        "journal file. If this happens again, please report it with the details below."
    )
    box.setDetailedText(details)
    box.exec()


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder to write into (exported photos), or None if the person cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """Something the person asked for is done; ``message`` says what and where."""
    QMessageBox.information(parent, title, message)
