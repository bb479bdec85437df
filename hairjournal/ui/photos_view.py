"""The Photos view: the gallery with its filters, the viewer, importing, and comparing two photos.

API: ``PhotosView(history, parent=None, *, settings=None)``; ``refresh()`` re-reads the journal;
``import_photos(paths=None)`` opens the import dialog on ``paths`` (files or folders), or asks
for files first; ``open_photo(photo_id)`` opens the viewer (``self.viewer`` while open);
``model`` (``GalleryModel``), ``grid`` (``PhotoGrid``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hairjournal.core.enums import ScalpRegion
from hairjournal.store import models
from hairjournal.store import photos as photo_store
from hairjournal.store.records import WriteFailed
from hairjournal.ui import prompts
from hairjournal.ui.compare_view import CompareView
from hairjournal.ui.date_text import span_text
from hairjournal.ui.gallery_model import GalleryModel, Grouping, describe_photo
from hairjournal.ui.history import History
from hairjournal.ui.history_follower import FollowsHistory
from hairjournal.ui.inputs import OptionalDateInput
from hairjournal.ui.photo_export_action import export_photos_with_prompt
from hairjournal.ui.photo_grid import PhotoGrid
from hairjournal.ui.photo_import_dialog import PhotoImportDialog
from hairjournal.ui.photo_viewer import PhotoViewer
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet
from hairjournal.ui.wrapping_row import WrappingRow

COMPARE_TAB = 1
FILTER_DAYS = 90  # the "From" date first offered, this many days back
EMPTY_TEXT = (
    "Import the photos of your scalp from your phone or camera: JPEG, PNG, WebP or HEIC. "
    "They are kept inside the journal file, never beside it. Drop photos or a whole folder "
    "onto this window, or choose them with Import photos…"
)


def _plural(count: int, one: str) -> str:
    return f"{count:,} {one}{'' if count == 1 else 's'}"


class PhotosView(FollowsHistory, QWidget):
    """See the module's docstring."""

    def __init__(
        self, history: History, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.settings = settings
        self.stale = False
        self.viewer: PhotoViewer | None = None
        self.import_dialog: PhotoImportDialog | None = None
        self.model = GalleryModel(self)
        self.grid = PhotoGrid(self.model)
        self.grid.open_requested.connect(self.open_photo)
        self.grid.delete_requested.connect(self.delete_selected)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.import_button = self._button("&Import photos…", "Import photos (Ctrl+I)")
        self.import_button.clicked.connect(lambda: self.import_photos())
        self.open_button = self._button("&Open", "Open the selected photo (Enter)")
        self.open_button.clicked.connect(self._open_selected)
        self.compare_button = self._button("Com&pare", "")
        self.compare_button.clicked.connect(self.compare_selected)
        self.export_button = self._button(
            "E&xport…", "Save copies of the selected photos, without their hidden details"
        )
        self.export_button.clicked.connect(
            lambda: export_photos_with_prompt(self, self.grid.selected_ids())
        )
        self.delete_button = self._button("Delete…", "Delete the selected photos (Del)")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.region_filter = QComboBox()
        self.region_filter.setAccessibleName("Region shown")
        self.region_filter.addItem("All regions", None)
        for region in ScalpRegion:
            self.region_filter.addItem(region.label, region.value)
        self.region_filter.currentIndexChanged.connect(self._filter_changed)
        today = dt.date.today()
        self.first = OptionalDateInput("From", today - dt.timedelta(days=FILTER_DAYS))
        self.last = OptionalDateInput("to", today)
        for dates in (self.first, self.last):
            dates.given.toggled.connect(self._filter_changed)
            dates.date.dateChanged.connect(self._filter_changed)
        self.grouping = QComboBox()
        self.grouping.setAccessibleName("Group photos")
        self.grouping.addItem("By region", Grouping.REGION.value)
        self.grouping.addItem("By month", Grouping.MONTH.value)
        self.grouping.currentIndexChanged.connect(self._grouping_changed)

        self.toolbar = QWidget()  # hidden while there are no photos: the invitation says it all
        tools = WrappingRow(self.toolbar)
        tools.addWidget(
            _row(
                self.import_button,
                self.open_button,
                self.compare_button,
                self.export_button,
                self.delete_button,
            )
        )
        tools.addWidget(self.region_filter)
        tools.addWidget(_row(self.first, self.last))
        tools.addWidget(self.grouping)
        self.summary = quiet(paragraph(""))
        self.summary.setObjectName("photos_summary")
        self.count_line = quiet(QLabel())
        self.count_line.setObjectName("count_line")

        empty, empty_layout = card("No photos yet")
        empty_layout.addWidget(paragraph(EMPTY_TEXT))
        first_import = self._button("Import photos…", "Choose photos to import")
        first_import.clicked.connect(lambda: self.import_photos())
        empty_layout.addWidget(first_import, 0, Qt.AlignmentFlag.AlignLeft)
        empty_page = QWidget()
        empty_column = QVBoxLayout(empty_page)
        empty_column.setContentsMargins(0, 12, 0, 0)
        empty_column.addWidget(limited_width(empty, 720))
        empty_column.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(empty_page)
        self.pages.addWidget(self.grid)

        gallery = QWidget()
        gallery_layout = QVBoxLayout(gallery)
        gallery_layout.setContentsMargins(0, 12, 0, 0)
        gallery_layout.setSpacing(8)
        gallery_layout.addWidget(self.toolbar)
        gallery_layout.addWidget(self.pages, 1)
        gallery_layout.addWidget(self.count_line)
        self.compare = CompareView(history)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(gallery, "&Gallery")
        # Scrolls rather than make the whole window wider than a small screen allows.
        compare_page = QScrollArea()
        compare_page.setObjectName("page")
        compare_page.setWidgetResizable(True)
        compare_page.setFrameShape(QFrame.Shape.NoFrame)
        compare_page.setWidget(self.compare)
        self.tabs.addTab(compare_page, "&Compare")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.addWidget(heading("Photos", 1.5))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.follow(history, models.Photo)
        self._update_buttons()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the journal again, keeping the selection and the scroll position."""
        selected = self.grid.selected_ids()
        scroll = self.grid.verticalScrollBar().value()
        self.model.refresh()
        self.stale = False
        self.pages.setCurrentIndex(1 if self.model.total else 0)
        self.toolbar.setVisible(bool(self.model.total))
        self.grid.select_photos(selected)
        self.grid.verticalScrollBar().setValue(scroll)
        self._update_summary()
        self._update_buttons()
        if self.tabs.currentIndex() == COMPARE_TAB:
            self.compare.refresh()
        else:
            self.compare.stale = True  # it reads the journal when next shown

    def busy(self) -> bool:
        """Whether thumbnails are still being loaded (screenshots wait for them)."""
        return self.model.loading()

    def _update_summary(self) -> None:
        overview = photo_store.photo_overview()
        self.summary.setVisible(overview.count > 0)
        if overview.first is None or overview.last is None:
            self.summary.setText("")
            self.count_line.setText("")
            return
        self.summary.setText(
            f"{_plural(overview.count, 'photo')} of {_plural(overview.regions, 'region')}, "
            f"{span_text(overview.first.date(), overview.last.date())}."
        )
        shown = len(self.model.photo_ids())
        self.count_line.setText(
            f"{shown:,} of {_plural(overview.count, 'photo')} shown"
            if self.model.is_filtering()
            else _plural(overview.count, "photo")
        )

    def _update_buttons(self) -> None:
        selected = self.grid.selected_ids()
        self.open_button.setEnabled(len(selected) == 1)
        self.delete_button.setEnabled(bool(selected))
        self.export_button.setEnabled(bool(selected))
        infos = [self.model.info(self.model.row_of(photo_id)) for photo_id in selected]
        can_compare = len(infos) == 2 and len({info.region for info in infos}) == 1
        self.compare_button.setEnabled(can_compare)
        self.compare_button.setToolTip(
            "Compare the two selected photos"
            if can_compare
            else "Select two photos of one region (Ctrl+click the second) to compare them"
        )

    # -- filters ----------------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        code = self.region_filter.currentData()
        region = ScalpRegion(code) if code else None
        self.model.set_filter(region, self.first.value(), self.last.value())
        self._update_summary()
        self._update_buttons()

    def _grouping_changed(self) -> None:
        selected = self.grid.selected_ids()
        self.model.set_grouping(Grouping(self.grouping.currentData()))
        self.grid.select_photos(selected)
        self._update_summary()

    # -- acting on photos -------------------------------------------------------------------------

    def open_photo(self, photo_id: int) -> PhotoViewer:
        viewer = PhotoViewer(self.history, self.model.photo_ids(), photo_id, self.window())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.finished.connect(lambda _result, v=viewer: self._viewer_closed(v))
        self.viewer = viewer
        viewer.open()
        return viewer

    def _open_selected(self) -> None:
        photo_id = self.grid.current_id()
        if photo_id is not None:
            self.open_photo(photo_id)

    def _viewer_closed(self, viewer: PhotoViewer) -> None:
        last = viewer.current_id()
        if self.viewer is viewer:
            self.viewer = None
        if last is not None:
            self.grid.select_photos([last])
        self.grid.setFocus()

    def compare_selected(self) -> None:
        """Show the two selected photos, the earlier first, on the Compare tab."""
        infos = [
            self.model.info(self.model.row_of(photo_id)) for photo_id in self.grid.selected_ids()
        ]
        if len(infos) != 2:
            return
        first, second = sorted(infos, key=lambda info: (info.taken_at, info.id))
        self.tabs.setCurrentIndex(COMPARE_TAB)
        self.compare.compare(first.id, second.id)

    def delete_selected(self) -> bool:
        """Delete the selected photos once the person confirms; one step to undo."""
        infos = [self.model.info(self.model.row_of(i)) for i in self.grid.selected_ids()]
        if not infos:
            return False
        what = describe_photo(infos[0]) if len(infos) == 1 else f"{len(infos)} selected photos"
        them = "It is" if len(infos) == 1 else "They are"
        question = (
            f"Delete the {what}?\n\n{them} removed from the journal, original and all. "
            "Edit > Undo brings it all back."
        )
        if not prompts.confirm(self, "Delete photos?", question, "Delete"):
            return False
        stack = self.history.stack
        stack.beginMacro(f"Delete {what}")
        try:
            for info in infos:
                self.history.remove(models.Photo, info.id, f"Delete {describe_photo(info)}")
        except WriteFailed as failure:
            prompts.show_error(self, "Not every photo was deleted", failure.message)
            return False
        finally:
            stack.endMacro()
        return True

    # -- importing --------------------------------------------------------------------------------

    def import_photos(self, paths: list[Path] | None = None) -> PhotoImportDialog | None:
        """Open the import dialog on ``paths``, or on files the person chooses."""
        if paths is None:
            paths = prompts.ask_photo_paths(self, Path.home())
            if not paths:
                return None
        region = self.settings.last_photo_region() if self.settings is not None else None
        dialog = PhotoImportDialog(paths, region or ScalpRegion.VERTEX, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.region_used.connect(self._remember_region)
        dialog.photos_imported.connect(self._imported)
        dialog.finished.connect(lambda _result, d=dialog: self._import_closed(d))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _remember_region(self, region: ScalpRegion) -> None:
        if self.settings is not None:
            self.settings.set_last_photo_region(region)

    def _imported(self, photo_ids: list[int]) -> None:
        self.tabs.setCurrentIndex(0)
        self.history.changed.emit(models.Photo)  # every view that shows photos reads again
        self.grid.select_photos(photo_ids)

    def _import_closed(self, dialog: PhotoImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None


def _row(*widgets: QWidget) -> QWidget:
    """Widgets kept together on one line of the toolbar."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for widget in widgets:
        row.addWidget(widget)
    return group
