"""How a running backup or restore shows itself: a small dialog, or a bar in the status bar.

Both follow a ``BackupJob``: the bar moves with its pages (or runs without a count while the
copy is checked), and Cancel asks it to stop; nothing of a cancelled job is left behind. Whoever
started the job says when it is over (``finish()``): it hears the job's end on the GUI thread,
after these were connected, so the end is never missed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.services.backup_job import BackupJob
from hairjournal.ui.style import paragraph, quiet

CANCELLING = "Cancelling… nothing of it will be kept."


def _show_progress(bar: QProgressBar, done: int, total: int) -> None:
    if total <= 0:
        bar.setRange(0, 0)  # no count: the bar runs to show that work goes on
        return
    bar.setRange(0, total)
    bar.setValue(done)


class BackupProgressDialog(QDialog):
    """A job's progress with Cancel. ``exec()`` returns once ``finish()`` is called: the window
    waits for the job, and stays responsive, meanwhile."""

    def __init__(self, job: BackupJob, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(job.description)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.explanation = paragraph(explanation)
        self.stage = quiet(QLabel("Starting…"))
        self.stage.setObjectName("backupStage")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.bar)
        layout.addWidget(self.stage)
        layout.addLayout(buttons)
        job.progressed.connect(self._progressed)

    def _progressed(self, what: str, done: int, total: int) -> None:
        _show_progress(self.bar, done, total)
        if not self.job.cancelled:
            self.stage.setText(f"{what}…")

    def finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Cancel (or Escape, or closing the dialog) cancels the job; the dialog stays until it
        has stopped."""
        if self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText(CANCELLING)
            return
        super().reject()


class BackupStatus(QWidget):
    """A bar and a Cancel button for the status bar, shown while a job runs in the background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: BackupJob | None = None
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Backup progress")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop the backup; nothing of it is kept")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def follow(self, job: BackupJob) -> None:
        self.job = job
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.setToolTip(job.description)
        job.progressed.connect(self._progressed)
        self.show()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _progressed(self, _what: str, done: int, total: int) -> None:
        _show_progress(self.bar, done, total)

    def finish(self) -> None:
        self.job = None
        self.hide()
