"""Importing photos: the region and date, the files with a preview, progress, then a summary.

The preview decodes the selected file the way the import will (in a worker process, with the
same limits), so a file that will be refused says why before anything is imported; over it
lies a ghost of the region's latest photo, to check that the framing matches. The import runs
as a ``PhotoImportJob`` off the GUI thread, with a progress bar and Cancel; what was imported
before a Cancel stays, each photo whole.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.photo_decode import RefusedPhoto
from hairjournal.services.photo_import import Outcome, PhotoResult, decode_all, photo_files
from hairjournal.services.photo_import_job import PhotoImportJob
from hairjournal.store import photos as photo_store
from hairjournal.ui.background import Background
from hairjournal.ui.date_text import day_text
from hairjournal.ui.ghost_preview import GHOST_OPACITY, GhostPreview
from hairjournal.ui.inputs import ChoiceInput, OptionalDateInput
from hairjournal.ui.photo_images import thumbnail_image
from hairjournal.ui.photo_summary import summary_lines
from hairjournal.ui.style import heading, paragraph, quiet

PREVIEW_BOX = QSize(384, 384)
NO_FILES = "Nothing here is a photo Hair Journal can import (JPEG, PNG, WebP or HEIC)."


@dataclass(frozen=True)
class Preview:
    path: Path
    image: QImage | None
    text: str  # the date it will have, or why it will be refused
    sha256: str = ""


def preview_of(path: Path) -> Preview:
    """Decode ``path`` as the import will, in a worker process; runs on the thread pool."""
    try:
        _index, prepared = next(decode_all([path], workers=1))
    except BrokenProcessPool:  # the worker was stopped from outside; the import will say more
        return Preview(path, None, f"{path.name} could not be opened to preview.")
    if isinstance(prepared, RefusedPhoto):
        return Preview(path, None, f"{path.name} will not be imported: the file {prepared.reason}.")
    source = "" if prepared.taken_from_exif else " (the file's date; the photo has none)"
    taken = f"{day_text(prepared.taken_at.date())}, {prepared.taken_at:%H:%M}{source}"
    image = thumbnail_image(prepared.thumbnail, PREVIEW_BOX)
    return Preview(path, image, f"{path.name}: taken {taken}", prepared.sha256)


class PhotoImportDialog(QDialog):
    """``photos_imported(ids)`` when an import stored photos; ``region_used(region)`` when one
    starts; ``files_listed()``, ``preview_shown(path)`` and ``import_finished()`` say when those
    are on screen. Folders are searched for photos in the background (``listing()``)."""

    photos_imported = Signal(list)
    region_used = Signal(object)
    files_listed = Signal()
    preview_shown = Signal(object)
    import_finished = Signal()

    def __init__(
        self, paths: list[Path], region: ScalpRegion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.files: list[Path] = []
        self.job: PhotoImportJob | None = None
        self.results: list[PhotoResult] | None = None
        self._preview_wanted: Path | None = None
        self._previewing: Path | None = None
        self._background = Background()
        self._background.done.connect(self._previewed)
        self._background.failed.connect(self._preview_failed)
        self._lister = Background()  # bound methods only: dropped if the dialog is closed first
        self._lister.done.connect(self._found)
        self._lister.failed.connect(self._not_found)
        self.setWindowTitle("Import photos")
        self.resize(960, 640)

        self.region = ChoiceInput(ScalpRegion)
        self.region.set_value(region)
        self.region.setAccessibleName("Region")
        self.region.currentIndexChanged.connect(self._show_ghost)
        self.taken = OptionalDateInput("Set the day taken for all of them", dt.date.today())
        self.taken.date.setMaximumDate(QDate.currentDate())
        self.file_list = QListWidget()
        self.file_list.setAccessibleName("Files")
        self.file_list.currentRowChanged.connect(self._selected)

        self.preview = GhostPreview()
        self.preview_caption = quiet(paragraph(""))
        self.ghost_box = QCheckBox("Lay the last photo of this region over it")
        self.ghost_box.setChecked(True)
        self.ghost_box.toggled.connect(self.preview.show_ghost)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(round(GHOST_OPACITY * 100))
        self.opacity.setAccessibleName("How visible the last photo is")
        self.opacity.valueChanged.connect(lambda value: self.preview.set_opacity(value / 100))
        self.ghost_box.toggled.connect(self.opacity.setEnabled)
        self.ghost_caption = quiet(paragraph(""))

        self.progress = QProgressBar()
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m")
        self.progress_label = quiet(QLabel())
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        self.summary_title = heading("", 1.3)
        self.summary_text = paragraph("")
        self.summary_text.setObjectName("import_summary")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Files not imported")
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)

        self.pages = QStackedWidget()
        self.title = heading("", 1.3)
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._show_ghost()
        folders = [path for path in paths if path.is_dir()]
        if folders:  # a folder may hold thousands of files: searched off the GUI thread
            self._listing = True
            self.title.setText("Looking for photos…")
            where = folders[0].name if len(folders) == 1 else f"{len(folders)} folders"
            self.preview.set_photo(None, f"Looking for photos in {where}…")
            self._lister.run(tuple(paths), lambda: photo_files(paths))
        else:
            self._listing = False
            self._listed(photo_files(paths))

    def listing(self) -> bool:
        return self._listing

    def _found(self, _key: object, files: list[Path]) -> None:
        self._listed(files)

    def _not_found(self, _key: object) -> None:
        self._listed([])

    def _listed(self, files: list[Path]) -> None:
        self._listing = False
        self.files = files
        count = len(files)
        photos = f"{count} photo{'s' if count != 1 else ''}"
        self.title.setText(f"Import {photos}")
        self.import_button.setText(f"&Import {photos}")
        self.import_button.setEnabled(count > 0)
        self.progress.setRange(0, max(count, 1))
        for path in files:
            self.file_list.addItem(path.name)
            self.file_list.item(self.file_list.count() - 1).setToolTip(str(path))
        if files:
            self.file_list.setCurrentRow(0)
        else:
            self.preview.set_photo(None, NO_FILES)
        self.files_listed.emit()

    def _setup_page(self) -> QWidget:
        form = QFormLayout()
        form.addRow("&Region", self.region)
        form.addRow("", self.taken)
        form.addRow(
            "",
            quiet(
                paragraph(
                    "Otherwise each photo keeps its own date: when the camera took it, "
                    "else the file's date. Either can be changed later."
                )
            ),
        )
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addLayout(form)
        left.addWidget(QLabel("Files (select one to preview it)"))
        left.addWidget(self.file_list, 1)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_caption)
        ghost_row = QHBoxLayout()
        ghost_row.addWidget(self.ghost_box)
        ghost_row.addWidget(self.opacity, 1)
        right.addLayout(ghost_row)
        right.addWidget(self.ghost_caption)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(12)
        columns.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.progress_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        self.progress.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_text)
        layout.addWidget(self.problems, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    # -- the preview and the ghost ----------------------------------------------------------------

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.files):
            self._preview_wanted = self.files[row]
            self.preview.set_photo(None, "Opening the photo…")
            self.preview_caption.setText(self.files[row].name)
            self._start_preview()

    def _start_preview(self) -> None:
        """One file is decoded at a time; only the last one selected is decoded next."""
        path = self._preview_wanted
        if self._previewing is None and path is not None:
            self._previewing = path
            self._background.run(path, lambda: preview_of(path))

    def _previewed(self, path: Path, preview: Preview) -> None:
        self._previewing = None
        if path != self._preview_wanted:
            self._start_preview()
            return
        text = preview.text
        if preview.sha256 and photo_store.has_photo(preview.sha256):
            text = f"{path.name} is already in the journal; it will be skipped."
        self.preview.set_photo(preview.image, "" if preview.image else text)
        self.preview_caption.setText(text)
        self.preview_shown.emit(path)

    def _preview_failed(self, path: Path) -> None:
        self._previewed(path, Preview(path, None, f"{path.name} could not be opened to preview."))

    def previewing(self) -> bool:
        return self._previewing is not None

    def _show_ghost(self) -> None:
        region = self.region.value()
        latest = photo_store.latest_photo(region)
        label = region.label.lower()
        if latest is None:
            self.preview.set_ghost(None)
            self.ghost_caption.setText(f"No earlier {label} photo to line this one up with.")
            return
        image = thumbnail_image(photo_store.thumbnail(latest.id) or b"", PREVIEW_BOX)
        self.preview.set_ghost(image)
        day = day_text(latest.taken_at.date())
        if image is None:
            self.ghost_caption.setText(f"The last {label} photo, {day}, cannot be shown.")
            return
        self.ghost_caption.setText(
            f"Laid over it: the last {label} photo, {day}. Match its distance, angle and parting."
        )

    # -- importing --------------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.job is not None or not self.files:
            return
        region = self.region.value()
        self.job = PhotoImportJob(self.files, region, taken=self.taken.value(), parent=self)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        for widget in (self.region, self.taken, self.import_button):
            widget.setEnabled(False)
        self.progress.show()
        self.progress_label.setText("Starting…")
        self.region_used.emit(region)
        self.job.start()

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.job is not None and not self.job.cancelled:
            self.progress_label.setText(f"{done} of {total} · {name}")

    def cancel_import(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText("Cancelling after the photo in hand…")

    def importing(self) -> bool:
        return self.job is not None and self.results is None

    def _finished(self, results: list[PhotoResult]) -> None:
        self.results = results
        assert self.job is not None
        title, text, problems = summary_lines(self.files, results, cancelled=self.job.cancelled)
        self._show_summary(title, text, problems)
        imported = [r.photo_id for r in results if r.outcome is Outcome.IMPORTED]
        if imported:
            self.photos_imported.emit(imported)

    def _failed(self, message: str) -> None:
        self.results = []
        self._show_summary("The import stopped", message, [])
        self.photos_imported.emit([])  # what was stored before it stopped is shown

    def _show_summary(self, title: str, text: str, problems: list[str]) -> None:
        self.summary_title.setText(title)
        self.summary_text.setText(text)
        self.problems.setPlainText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.import_finished.emit()

    def reject(self) -> None:
        """Cancel (or Escape, or closing the window) during an import cancels it; the dialog
        stays until the import has stopped, then says what was done."""
        if self.importing():
            self.cancel_import()
            return
        super().reject()
