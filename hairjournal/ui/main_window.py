"""The main window: navigation between the views, the menus, one journal and its undo history."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QChildEvent, QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hairjournal import APP_NAME
from hairjournal.store import locations, queries
from hairjournal.store.journal import (
    SUFFIX,
    JournalRefused,
    OpenJournal,
    Refusal,
    create_journal,
    inspect_journal,
    open_journal,
)
from hairjournal.ui import prompts
from hairjournal.ui.about import AboutDialog
from hairjournal.ui.backup_actions import BackupActions, offer_text
from hairjournal.ui.dashboard_view import DashboardView
from hairjournal.ui.encryption_actions import EncryptionActions, ask_to_unlock
from hairjournal.ui.first_run import FirstRunPage
from hairjournal.ui.history import History
from hairjournal.ui.journal_form import JournalDetails
from hairjournal.ui.lazy_views import LazyViews
from hairjournal.ui.new_journal_dialog import NewJournalDialog
from hairjournal.ui.no_journal_page import NoJournalPage
from hairjournal.ui.read_only_mode import ReadOnlyMode
from hairjournal.ui.reminders import Reminders, tray_available
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import STYLE_SHEET

if TYPE_CHECKING:
    from hairjournal.ui.photos_view import PhotosView

VIEWS = (
    ("dashboard", "Dashboard"),
    ("log", "Log"),
    ("sessions", "Sessions"),
    ("photos", "Photos"),
    ("charts", "Charts"),
    ("export", "Export"),
)
DEFAULT_SIZE = (1200, 780)
NOT_OPENED = "The journal was not opened"
STATUS_SECONDS = 6  # how long "Saved: …" and "Undone: …" stay in the status bar


class MainWindow(QMainWindow):
    """Without ``settings`` (screenshots) nothing is read from or written to the settings file."""

    journal_switched = Signal()  # a journal was opened, created or closed

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.journal: OpenJournal | None = None
        # Every write goes through this history; each view given it follows its ``changed``
        # signal itself (at once when shown, else when next shown).
        self.history = History(self)
        self._history_path: Path | None = None  # the journal the undo history belongs to
        self._redo_next: object = None  # the command a redo would repeat, to tell it from a save
        self.setStyleSheet(STYLE_SHEET)
        self.setAcceptDrops(True)  # photos or folders dropped anywhere on the window import

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Views")
        self.navigation.setFixedWidth(180)
        self.view_stack = QStackedWidget()
        for _name, label in VIEWS:
            self.navigation.addItem(label)
        self.views = LazyViews(
            self.view_stack,
            {
                "dashboard": lambda: DashboardView(self.history, settings=settings),
                "log": self._make_log,
                "sessions": self._make_sessions,
                "photos": self._make_photos,
                "charts": self._make_charts,
                "export": self._make_export,
            },
        )
        self.navigation.currentRowChanged.connect(self._show_row)

        self.workspace = QWidget()
        # A journal opened read-only: a banner across the top, and nothing that would write.
        self.read_only = ReadOnlyMode(self)
        column = QVBoxLayout(self.workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only.banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.view_stack, 1)
        column.addLayout(row, 1)

        self.no_journal_page = NoJournalPage()
        self.no_journal_page.open_requested.connect(self.choose_and_open)
        self.no_journal_page.new_requested.connect(self.new_journal)
        self.first_run_page: FirstRunPage | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.workspace)
        self.pages.addWidget(self.no_journal_page)
        self.setCentralWidget(self.pages)

        self.path_label = QLabel()
        self.statusBar().addPermanentWidget(self.path_label)
        self._build_menus()
        self.reminders = Reminders(self, settings)
        self.history.failed.connect(self._history_failed)
        self.history.stack.indexChanged.connect(self._history_moved)
        self._show_without_journal()
        self.navigation.setCurrentRow(0)

        self.resize(*DEFAULT_SIZE)
        if settings is not None:
            geometry = settings.geometry()
            if geometry is not None:
                self.restoreGeometry(geometry)
            state = settings.window_state()
            if state is not None:
                self.restoreState(state)

    # -- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action(file_menu, "&New Journal…", self.new_journal, "Ctrl+N")
        self.open_action = self._action(file_menu, "&Open…", self.choose_and_open, "Ctrl+O")
        self.open_read_only_action = self._action(
            file_menu, "Open Read-On&ly…", lambda: self.choose_and_open(read_only=True)
        )
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.import_photos_action = self._action(
            file_menu, "&Import Photos…", self.import_photos, "Ctrl+I"
        )
        self.import_csv_action = self._action(
            file_menu, "Import &CSV…", self.import_csv, "Ctrl+Shift+I"
        )
        self.export_action = self._action(
            file_menu, "&Export…", lambda: self.show_view("export"), "Ctrl+E"
        )
        file_menu.addSeparator()
        # Back Up Now, Restore from Backup…, Back Up Automatically; and the automatic backups.
        self.backups = BackupActions(self, file_menu, self.settings)
        file_menu.addSeparator()
        # Encrypt Journal…, Change Passphrase…, Decrypt Journal….
        self.encryption = EncryptionActions(self, file_menu)
        file_menu.addSeparator()
        self.settings_action = self._action(
            file_menu, "Se&ttings…", self.show_preferences, "Ctrl+,"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setEnabled(self.settings is not None)
        self.quit_action = self._action(file_menu, "&Quit", self.quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.history.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.history.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

        self.view_menu = self.menuBar().addMenu("&View")
        self.view_actions: dict[str, QAction] = {}
        for number, (name, label) in enumerate(VIEWS, start=1):
            self.view_actions[name] = self._action(
                self.view_menu, label, lambda n=name: self.show_view(n), f"Ctrl+{number}"
            )

        help_menu = self.menuBar().addMenu("&Help")
        self.shortcuts_action = self._action(
            help_menu, "&Keyboard Shortcuts", self.show_shortcuts, "F1"
        )
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.about_action = self._action(help_menu, f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.read_only.hold(
            self.import_photos_action,
            self.import_csv_action,
            self.undo_action,
            self.redo_action,
            self.backups.restore_action,
            *self.encryption.actions,
        )
        self._fill_recent_menu()

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_journals() if self.settings is not None else []
        for number, path in enumerate(recent, start=1):
            missing = not path.exists()
            text = f"&{number} {path.name}  ({path.parent})" + ("  — missing" if missing else "")
            action = self.recent_menu.addAction(text)
            action.setData(str(path))
            action.setEnabled(not missing)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if recent:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("Clear list")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(self.settings is not None)

    def _clear_recent(self) -> None:
        if self.settings is not None:
            self.settings.clear_recent()
        self._fill_recent_menu()
        self.statusBar().showMessage(
            "The list of recent journals was cleared.", STATUS_SECONDS * 1000
        )

    # -- views -------------------------------------------------------------------------------

    # Each view's module is imported when the view is first needed (see ``LazyViews``).

    def _make_log(self) -> QWidget:
        from hairjournal.ui.log_view import LogView

        return LogView(self.history, settings=self.settings)

    def _make_sessions(self) -> QWidget:
        from hairjournal.ui.sessions_view import SessionsView

        return SessionsView(self.history)

    def _make_photos(self) -> QWidget:
        from hairjournal.ui.photos_view import PhotosView

        return PhotosView(self.history, settings=self.settings)

    def _make_charts(self) -> QWidget:
        from hairjournal.ui.charts_view import ChartsView

        charts = ChartsView(self.history, settings=self.settings)
        charts.photo_requested.connect(self.open_photo)
        return charts

    def _make_export(self) -> QWidget:
        from hairjournal.ui.export_view import ExportView

        return ExportView(self.history)

    def show_view(self, name: str) -> None:
        self.navigation.setCurrentRow([n for n, _label in VIEWS].index(name))

    def current_view(self) -> str:
        return VIEWS[self.view_stack.currentIndex()][0]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.view_stack.setCurrentIndex(row)
        if self.journal is not None:
            self.views[VIEWS[row][0]].refresh()

    def show_about(self) -> None:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from hairjournal.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def show_preferences(self) -> None:
        """File > Settings…: the reminders, and whether to keep running in the tray."""
        from hairjournal.ui.preferences_dialog import PreferencesDialog

        if self.settings is None:
            return
        dialog = PreferencesDialog(self.settings, tray_available(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reminders.settings_changed)
        dialog.saved.connect(
            lambda: self.statusBar().showMessage(
                f"Settings saved. Reminders: {self.settings.reminder_times().describe()}.",
                STATUS_SECONDS * 1000,
            )
        )
        self.preferences_dialog = dialog
        dialog.open()

    def quit(self) -> None:
        """File > Quit: close the window and end the app, even where closing the window would
        leave it running in the tray."""
        self.reminders.quitting = True
        self.close()

    # -- starting ----------------------------------------------------------------------------

    def start(self, journal: Path | None) -> None:
        """Open the journal asked for; with none, the default one, or the first run if it is new."""
        if journal is None:
            journal = locations.default_journal_path()
            if not journal.exists():
                self.show_first_run(journal)
                return
        self.open_path(journal)

    def show_first_run(self, journal_path: Path, today: dt.date | None = None) -> None:
        if self.first_run_page is None:
            self.first_run_page = FirstRunPage(journal_path, today)
            self.first_run_page.create_requested.connect(
                lambda details: self.create_at(journal_path, details)
            )
            self.first_run_page.quit_requested.connect(self.close)
            self.pages.addWidget(self.first_run_page)
        self.pages.setCurrentWidget(self.first_run_page)
        self._set_enabled_for_journal(False)

    # -- opening, creating, closing ----------------------------------------------------------

    def choose_and_open(self, read_only: bool = False) -> None:
        folder = self.journal.path.parent if self.journal else locations.data_folder()
        path = prompts.ask_open_path(self, folder)
        if path is not None:
            self.open_path(path, read_only=read_only)

    def open_path(self, path: Path, *, read_only: bool = False) -> bool:
        """Open ``path`` instead of the current journal, which stays open if ``path`` is refused;
        ``read_only`` only to look at it. An encrypted journal asks for its passphrase first; a
        journal that cannot be written here is offered to be opened read-only."""
        path = Path(path).absolute()
        current = self.journal
        if current is not None and path == current.path and current.read_only == read_only:
            return True
        if not ask_to_unlock(self, path):
            return False  # the passphrase was not given: everything stays as it was
        was_read_only = current is not None and current.read_only
        try:
            if self.journal is not None:
                inspect_journal(path)  # refuse most bad files before letting go of the current one
            previous = self._release()
            try:
                opened = open_journal(path, read_only=read_only)
            except JournalRefused:
                self._reopen(previous, read_only=was_read_only)
                raise
        except JournalRefused as refused:
            if refused.refusal is Refusal.READ_ONLY:
                if prompts.confirm(self, "Open read-only?", refused.message, "Open Read-Only"):
                    return self.open_path(path, read_only=True)
                if self.journal is not None:
                    return False  # the journal open before stays, and the person has read why
            self._refused(refused.message, refused)
            return False
        self.adopt(opened)
        if opened.migrated_from is not None and opened.backup is not None:
            self.statusBar().showMessage(
                f"The journal was upgraded to this version's format; a copy of it as it was is "
                f"in {opened.backup}."
            )
        else:
            how = " read-only" if opened.read_only else ""
            self.statusBar().showMessage(f"Opened {path.name}{how}.", STATUS_SECONDS * 1000)
        return True

    def new_journal(self) -> None:
        dialog = NewJournalDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_new(dialog.details()))
        self.new_dialog = dialog
        dialog.open()

    def _save_new(self, details: JournalDetails) -> None:
        name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "", details.title).strip(" .") or "journal"
        path = prompts.ask_save_path(self, locations.data_folder() / f"{name}{SUFFIX}")
        if path is not None:
            self.create_at(path if path.suffix == SUFFIX else Path(f"{path}{SUFFIX}"), details)

    def create_at(self, path: Path, details: JournalDetails) -> bool:
        """Create a journal at ``path`` and switch to it; the current one stays open on failure."""
        path = Path(path).absolute()
        if path.exists():
            self._refused(f"{path.name} already exists; open it instead, or choose another name.")
            return False
        previous = self._release()
        try:
            created = create_journal(
                path,
                title=details.title,
                condition=details.condition,
                onset_on=details.onset_on,
                first_treatment=details.first_treatment,
            )
        except JournalRefused as refused:
            self._reopen(previous)
            self._refused(refused.message)
            return False
        except OSError as error:
            self._reopen(previous)
            self._refused(f"{path.name} could not be created: {error.strerror or error}.")
            return False
        self.adopt(created)
        self.statusBar().showMessage(
            f"Created {path.name} in {path.parent}.", STATUS_SECONDS * 1000
        )
        return True

    def close_journal(self) -> None:
        """Close the journal (releasing its lock) and show the window without one."""
        self._release()
        self._forget_history()
        self._show_without_journal()

    def _release(self) -> Path | None:
        if self.journal is None:
            return None
        path = self.journal.path
        self.journal.close()
        self.journal = None
        return path

    def _reopen(self, previous: Path | None, read_only: bool = False) -> None:
        if previous is None:
            self._show_without_journal()
            return
        try:
            self.adopt(open_journal(previous, read_only=read_only))
        except JournalRefused as refused:
            self._show_without_journal()
            prompts.show_error(self, "Your journal could not be reopened", refused.message)

    def _refused(self, message: str, refused: JournalRefused | None = None) -> None:
        if self.journal is not None:
            prompts.show_error(
                self, NOT_OPENED, f"{message}\n\n{self.journal.path.name} is still open."
            )
            return
        if self.first_run_page is not None and self.pages.currentWidget() is self.first_run_page:
            prompts.show_error(self, NOT_OPENED, message)  # the first run's form stays as it was
            return
        self._show_without_journal()
        offer = self.backups.restore_offer(refused) if refused is not None else None
        choice = prompts.ask_after_refusal(self, message, offer and offer_text(offer))
        if choice is prompts.AfterRefusal.RESTORE and refused is not None and offer is not None:
            self.backups.restore(offer, refused.path)
        elif choice is prompts.AfterRefusal.OPEN_ANOTHER:
            self.choose_and_open()
        elif choice is prompts.AfterRefusal.NEW:
            self.new_journal()
        else:
            self.close()

    def adopt(self, journal: OpenJournal) -> None:
        """Show ``journal``, which is open and bound; the window closes it when done."""
        self.journal = journal
        self.history.read_only = journal.read_only
        self.read_only.set_active(journal.read_only)
        if journal.read_only:
            self.backups.timer.stop()  # no automatic backups: nothing changes through this window
        elif self.settings is not None:
            self.backups.timer.start()
        if journal.path != self._history_path:
            self._forget_history()  # undoing an entry of another journal would write here
            self._history_path = journal.path
        if self.settings is not None:
            self.settings.add_recent(journal.path)
        self._fill_recent_menu()
        title = queries.journal_title()
        how = ", read-only" if journal.read_only else ""
        self.setWindowTitle(f"{APP_NAME} — {title} ({journal.path.name}{how})")
        self.path_label.setText(_readable_path(journal.path))
        self.path_label.setToolTip(str(journal.path))
        self.pages.setCurrentWidget(self.workspace)
        self._set_enabled_for_journal(True)
        if self.first_run_page is not None:
            self.pages.removeWidget(self.first_run_page)
            self.first_run_page.deleteLater()
            self.first_run_page = None
        # Only the view in sight reads the journal now; each other one reads it when shown
        # (``_show_row``), so that opening a journal of years waits for one view, not six.
        self.views[self.current_view()].refresh()
        self.journal_switched.emit()

    def _show_without_journal(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.path_label.setText("")
        if self.first_run_page is None or self.pages.currentWidget() is not self.first_run_page:
            self.pages.setCurrentWidget(self.no_journal_page)
        self.history.read_only = False
        self.read_only.set_active(False)
        self._set_enabled_for_journal(False)

    def _set_enabled_for_journal(self, has_journal: bool) -> None:
        self.edit_menu.setEnabled(has_journal)
        self.undo_action.setEnabled(has_journal and self.history.stack.canUndo())
        self.redo_action.setEnabled(has_journal and self.history.stack.canRedo())
        self.view_menu.setEnabled(has_journal)
        self.import_photos_action.setEnabled(has_journal)
        self.import_csv_action.setEnabled(has_journal)
        self.export_action.setEnabled(has_journal)
        self.backups.set_enabled(has_journal)
        self.encryption.set_enabled(self.journal if has_journal else None)
        for action in self.view_actions.values():
            action.setEnabled(has_journal)

    # -- the undo history ------------------------------------------------------------------------

    def _forget_history(self) -> None:
        self.history.clear()
        self._history_path = None
        self._redo_next = None

    def _history_failed(self, message: str) -> None:
        prompts.show_error(self, "Undo or redo failed", message)

    def _history_moved(self, index: int) -> None:
        """Say in the status bar what was just saved, undone or redone."""
        stack = self.history.stack
        previous = self._redo_next
        self._redo_next = stack.command(index) if index < stack.count() else None
        if stack.count() == 0:
            return  # cleared
        if index > 0 and stack.command(index - 1) is previous:
            text = f"Redone: {stack.text(index - 1)}"
        elif self._redo_next is not None:
            text = f"Undone: {stack.text(index)}"
        else:
            text = f"Saved: {stack.text(index - 1)}"
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    # -- photos ------------------------------------------------------------------------------

    def import_photos(self, paths: list[Path] | None = None) -> None:
        """Show the Photos view and import ``paths`` (files or folders), or files chosen now."""
        if self.journal is None or self.journal.read_only:
            return
        self.show_view("photos")
        photos = cast("PhotosView", self.views["photos"])
        photos.import_photos(paths)

    def import_csv(self) -> None:
        """Choose CSV files and show what importing them would do (then import on request)."""
        if self.journal is None or self.journal.read_only:
            return
        paths = prompts.ask_csv_paths(self, self.journal.path.parent)
        if paths:
            from hairjournal.ui.csv_import_dialog import CsvImportDialog

            self.csv_import_dialog = CsvImportDialog(paths, self.history, self)
            self.csv_import_dialog.open()

    def open_photo(self, photo_id: int) -> None:
        """Show the Photos view with the photo ``photo_id`` open (a chart's photo marker asks)."""
        self.show_view("photos")
        photos = cast("PhotosView", self.views["photos"])
        photos.open_photo(photo_id)

    def childEvent(self, event: QChildEvent) -> None:
        """An import dialog, however it was opened (menu, drop, the Photos view's buttons), says
        in the status bar what it imported once it is done."""
        super().childEvent(event)
        child = event.child()
        if event.type() != QEvent.Type.ChildPolished or not isinstance(child, QDialog):
            return
        from hairjournal.ui.photo_import_dialog import PhotoImportDialog

        if isinstance(child, PhotoImportDialog) and not child.property("reports_to_window"):
            child.setProperty("reports_to_window", True)
            child.photos_imported.connect(self._photos_imported)

    def _photos_imported(self, photo_ids: list[int]) -> None:
        count = len(photo_ids)
        text = (
            f"Imported {count} photo{'' if count == 1 else 's'}."
            if count
            else "No photos imported."
        )
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.journal is not None and not self.journal.read_only and _dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event)
        if self.journal is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_photos(paths)

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # A read-only journal gets no backup on close; one already under way is waited for.
        reading = self.journal is not None and self.journal.read_only and self.backups.job is None
        if not reading and not self.backups.before_close():  # the backup is still under way
            event.ignore()
            return
        if self.settings is not None:
            self.settings.save_window(self.saveGeometry(), self.saveState())
        if self._release() is not None:
            self.journal_switched.emit()
        super().closeEvent(event)


def _dropped_paths(event: QDropEvent) -> list[Path]:
    """The local files and folders being dragged, if that is what is dragged."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _readable_path(path: Path) -> str:
    """The path as people write it, with their home folder as ``~``."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)
