"""The Export view: CSV files, the PDF summary and the clinician bundle, each written off the GUI
thread with a progress bar and Cancel.

It says plainly, before anything is written, that exported files hold unencrypted health data,
and when an export ends it says where the files went (with a button to show the folder).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hairjournal.services.bundle import latest_of_each_region
from hairjournal.services.bundle import suggested_name as bundle_name
from hairjournal.services.report_pdf import Paper, default_paper
from hairjournal.store import models
from hairjournal.ui import prompts
from hairjournal.ui.export_job import BundleJob, CsvJob, ExportDone, ExportJob, ReportJob
from hairjournal.ui.history import History
from hairjournal.ui.history_follower import FollowsHistory
from hairjournal.ui.photo_choices import THUMBNAIL_BOX, PhotoChoices
from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet

WARNING = (
    "Exported files are not encrypted. They hold health information about you: anyone who can "
    "open them can read them, and a folder that syncs (Dropbox, iCloud Drive, OneDrive…) copies "
    "them to the internet. Keep them somewhere private, and delete them when they are no longer "
    "needed. Photos leave without their hidden details (when and where they were taken, the "
    "camera)."
)
CSV_TEXT = (
    "One file per kind of record (courses, sessions, shedding counts, check-ins, events, clinic "
    "figures, photo details), UTF-8, dates as YYYY-MM-DD: for a spreadsheet, or to read back."
)
PDF_TEXT = (
    "A few pages to take to your clinician: your condition and courses of treatment, the "
    "dashboard's progress figures, the shedding and density charts with the published ranges "
    "they are set against (and their sources), a timeline of sessions and events, side effects, "
    "clinic figures, and the first and latest photo of each region."
)
BUNDLE_TEXT = (
    "One ZIP file for your clinician: the PDF summary, the CSV files (with the options above) "
    "and the photos ticked here."
)
NO_PHOTOS = (
    "There are no photos in the journal yet: the bundle will hold the summary and the CSV "
    "files. Photos you import (Photos, Ctrl+I) can be ticked here."
)
PDF_FILTER = "PDF files (*.pdf)"
ZIP_FILTER = "ZIP files (*.zip)"
PAPERS = ((Paper.A4, "A4"), (Paper.LETTER, "Letter (US)"))
CONTENT_WIDTH = 1240


def documents_folder() -> Path:
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at the left of its own row (an alignment flag would cut wrapped labels short)."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class ExportView(FollowsHistory, QWidget):
    """``export_ended`` fires once a job has finished, failed or been cancelled."""

    export_ended = Signal()

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.job: ExportJob | None = None
        self.done: ExportDone | None = None
        self.folder: Path | None = None  # where the last export went, to start there next
        self._journal: object = None  # the journal the ticks belong to
        self._chosen_by_person = False

        self.excel_box = QCheckBox("For &Excel")
        self.excel_box.setToolTip("Marks the files as UTF-8, so that Excel shows accents right")
        self.comma_box = QCheckBox("Decimal &comma (1,5) and semicolons")
        self.comma_box.setToolTip("For spreadsheets set up for languages that write 1,5 for 1.5")
        self.csv_button = QPushButton("Export &CSV files to a folder…")
        self.csv_button.clicked.connect(self.export_csv)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for paper, label in PAPERS:
            self.paper.addItem(label, paper)
        self.paper.setCurrentIndex(self.paper.findData(default_paper()))
        self.pdf_button = QPushButton("Save the &PDF summary as…")
        self.pdf_button.clicked.connect(self.export_pdf)

        self.choices = PhotoChoices(self)
        self.choices.chosen_changed.connect(self._show_chosen)
        self.choices.ticked.connect(self._ticked)
        self.photo_list = QListView()
        self.photo_list.setAccessibleName("Photos to include")
        self.photo_list.setModel(self.choices)
        self.photo_list.setIconSize(THUMBNAIL_BOX)
        self.photo_list.setUniformItemSizes(False)
        self.latest_button = QPushButton("&Latest of each region")
        self.latest_button.clicked.connect(lambda: self._choose(latest_of_each_region()))
        self.all_button = QPushButton("&All")
        self.all_button.clicked.connect(lambda: self._choose(self.choices.photo_ids()))
        self.none_button = QPushButton("&None")
        self.none_button.clicked.connect(lambda: self._choose([]))
        self.no_photos = paragraph(NO_PHOTOS)
        self.no_photos.setObjectName("no_photos")
        self.chosen_label = quiet(QLabel())
        self.chosen_label.setObjectName("photos_chosen")
        self.bundle_button = QPushButton("Save the &bundle as…")
        self.bundle_button.clicked.connect(self.export_bundle)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = paragraph("")
        self.status.setObjectName("export_status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.show_folder_button = QPushButton("Show the &folder")
        self.show_folder_button.clicked.connect(self._show_folder)

        warning = paragraph(WARNING)
        warning.setObjectName("export_warning")
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Export", 1.5))
        column.addWidget(self._warning_card(warning))
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._csv_card())
        left.addWidget(self._pdf_card())
        left.addWidget(self._progress_card())
        left.addStretch(1)
        columns.addLayout(left, 5)
        columns.addSpacing(8)
        columns.addWidget(self._bundle_card(), 5)
        column.addLayout(columns, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(limited_width(content, CONTENT_WIDTH))
        self.follow(history, models.Photo)
        self._set_running(False)
        self.progress_panel.hide()

    # -- building ------------------------------------------------------------------------------

    def _warning_card(self, warning: QLabel) -> QFrame:
        frame, inner = card()
        frame.setObjectName("warning_card")
        frame.setStyleSheet(
            "QFrame#warning_card { background: #fff6d6; border: 1px solid #d9b44a; "
            "border-radius: 8px; } QFrame#warning_card QLabel { color: #3d3000; }"
        )
        title = heading("Exported files hold unencrypted health data", 1.05)
        inner.addWidget(title)
        inner.addWidget(warning)
        return frame

    def _csv_card(self) -> QFrame:
        frame, inner = card("CSV files")
        inner.addWidget(quiet(paragraph(CSV_TEXT)))
        options = QHBoxLayout()
        options.addWidget(self.excel_box)
        options.addSpacing(12)
        options.addWidget(self.comma_box)
        options.addStretch(1)
        inner.addLayout(options)
        inner.addLayout(_left(self.csv_button))
        return frame

    def _pdf_card(self) -> QFrame:
        frame, inner = card("PDF summary")
        inner.addWidget(quiet(paragraph(PDF_TEXT)))
        row = QHBoxLayout()
        row.addWidget(QLabel("Paper:"))
        row.addWidget(self.paper)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addLayout(_left(self.pdf_button))
        return frame

    def _bundle_card(self) -> QFrame:
        frame, inner = card("Clinician bundle")
        inner.addWidget(quiet(paragraph(BUNDLE_TEXT)))
        inner.addWidget(self.photo_list, 1)
        inner.addWidget(self.no_photos)
        inner.addStretch(0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Tick:"))
        for button in (self.latest_button, self.all_button, self.none_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.chosen_label)
        inner.addLayout(row)
        inner.addLayout(_left(self.bundle_button))
        return frame

    def _progress_card(self) -> QFrame:
        frame, inner = card()
        self.progress_panel = frame
        inner.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        inner.addLayout(row)
        inner.addLayout(_left(self.show_folder_button))
        return frame

    # -- the photos ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the photos again; a journal opened since starts with the latest of each region."""
        self.stale = False
        if models.database.obj is None:
            return
        self.choices.refresh()
        if models.database.obj is not self._journal:
            self._journal = models.database.obj
            self._chosen_by_person = False
        if not self._chosen_by_person:
            self.choices.choose(latest_of_each_region())
        self._show_chosen()

    def busy(self) -> bool:
        """Whether thumbnails are still being loaded (screenshots wait for them)."""
        return self.choices.loading()

    def _choose(self, photo_ids: list[int]) -> None:
        self._chosen_by_person = True
        self.choices.choose(photo_ids)

    def _show_chosen(self) -> None:
        chosen, listed = len(self.choices.chosen), len(self.choices.photo_ids())
        self.photo_list.setVisible(bool(listed))
        self.no_photos.setVisible(not listed)
        for button in (self.latest_button, self.all_button, self.none_button):
            button.setEnabled(bool(listed))
        if not listed:
            self.chosen_label.setText("No photos in the journal")
        else:
            self.chosen_label.setText(f"{chosen} of {listed} photo{'' if listed == 1 else 's'}")

    def _ticked(self) -> None:
        self._chosen_by_person = True  # from now on a refresh keeps the choice

    # -- exporting -------------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        return self.folder if self.folder is not None else documents_folder()

    def export_csv(self) -> None:
        if self.job is not None:
            return
        folder = prompts.ask_folder(self, "Export the CSV files to", self._start_folder())
        if folder is None:
            return
        self._start(
            CsvJob(
                folder,
                excel=self.excel_box.isChecked(),
                decimal_comma=self.comma_box.isChecked(),
                parent=self,
            )
        )

    def export_pdf(self) -> None:
        if self.job is not None:
            return
        suggested = self._start_folder() / "Hair journal summary.pdf"
        path = prompts.ask_export_path(self, "Save the PDF summary", suggested, PDF_FILTER)
        if path is None:
            return
        self._start(
            ReportJob(_with_suffix(path, ".pdf"), paper=self.paper.currentData(), parent=self)
        )

    def export_bundle(self) -> None:
        if self.job is not None:
            return
        suggested = self._start_folder() / bundle_name(dt.date.today())
        path = prompts.ask_export_path(self, "Save the clinician bundle", suggested, ZIP_FILTER)
        if path is None:
            return
        job = BundleJob(
            _with_suffix(path, ".zip"),
            self.choices.chosen_ids(),
            excel=self.excel_box.isChecked(),
            decimal_comma=self.comma_box.isChecked(),
            paper=self.paper.currentData(),
            parent=self,
        )
        self._start(job)

    def _start(self, job: ExportJob) -> None:
        self.job = job
        self.done = None
        job.progressed.connect(self._progressed)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.stopped.connect(self._stopped)
        self.progress.setValue(0)
        self.status.setText("Starting…")
        self.progress_panel.show()
        self._set_running(True)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling…")

    def exporting(self) -> bool:
        return self.job is not None

    def _progressed(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if self.job is not None and not self.job.cancelled:
            self.status.setText(text)

    def _finished(self, done: ExportDone) -> None:
        self.done = done
        self.folder = done.folder
        self.status.setText(
            f"{done.text} Keep it private: it is not encrypted."
            if len(done.paths) == 1
            else f"{done.text} Keep them private: they are not encrypted."
        )
        self._ended()

    def _failed(self, message: str) -> None:
        self.status.setText(f"The export stopped: {message}. Nothing was written.")
        self._ended()
        prompts.show_error(
            self,
            "The export did not finish",
            f"The export stopped: {message}. Nothing was written.",
        )

    def _stopped(self) -> None:
        self.status.setText("Cancelled. Nothing was written.")
        self._ended()

    def _ended(self) -> None:
        self.job = None
        self._set_running(False)
        self.export_ended.emit()

    def _set_running(self, running: bool) -> None:
        for button in (self.csv_button, self.pdf_button, self.bundle_button):
            button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.show_folder_button.setVisible(not running and self.done is not None)

    def _show_folder(self) -> None:
        if self.done is not None:
            prompts.show_folder(self.done.folder)
