"""The composition root: the QApplication, the main window on a journal, screenshots, error hook."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget

import hairjournal
from hairjournal.core.resources import resources_folder
from hairjournal.store import locations
from hairjournal.store.journal import JournalRefused, open_journal
from hairjournal.ui import prompts
from hairjournal.ui.error_log import error_details, write_error
from hairjournal.ui.main_window import VIEWS, MainWindow
from hairjournal.ui.settings import Settings
from hairjournal.ui.style import ColourScheme

ORGANISATION = "HairJournal"
SETTLE_SECONDS = 10  # at most, for a screenshot's view to load what it shows
# Screens a screenshot can show besides the views: the Photos view's Compare tab.
SCREENS = ("compare",)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def app_icon() -> QIcon:
    return QIcon(str(resources_folder() / "icons" / "hairjournal.svg"))


def create_application() -> QApplication:
    """The one QApplication, named and given its icon (an existing instance is reused)."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "hairjournal"])
    assert isinstance(app, QApplication)
    app.setApplicationName(ORGANISATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(hairjournal.__version__)
    app.setDesktopFileName("hairjournal")
    app.setWindowIcon(app_icon())
    if app.findChild(ColourScheme) is None:
        ColourScheme.from_environment(app)  # light or dark, as the desktop says
    return app


def install_excepthook() -> Callable[[], None]:
    """Show uncaught errors in a dialog, log them (``ui.error_log``) and write them to stderr;
    returns a function that undoes it."""
    previous: ExceptHook = sys.excepthook
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        details = error_details(kind, error, tb)
        sys.stderr.write(details)
        log = write_error(details)
        if showing or QApplication.instance() is None:
            return  # an error while the dialog is up goes to stderr and the log only
        showing = True
        try:
            prompts.show_unexpected_error(QApplication.activeWindow(), details, log)
        finally:
            showing = False

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def run_gui(journal: Path | None) -> int:
    """Open the window on ``journal`` (default: the user's journal, or the first run)."""
    app = create_application()
    restore_hook = install_excepthook()
    window = MainWindow(Settings())
    try:
        window.show()
        # Started from inside the event loop, so that a "Quit" answer ends the loop cleanly.
        QTimer.singleShot(0, lambda: window.start(journal))
        return app.exec()
    finally:
        window.close_journal()
        restore_hook()


def render_screenshot(out: Path, view: str, size: tuple[int, int], journal: Path | None) -> int:
    """Render ``view`` (a view, or one of ``SCREENS``) offscreen at exactly ``size`` to the PNG
    ``out``; settings are untouched."""
    if view not in dict(VIEWS) and view not in SCREENS:
        print(f"hairjournal: there is no view called {view!r}", file=sys.stderr)
        return 2
    create_application()
    window = MainWindow(settings=None)
    try:
        if journal is None and locations.default_journal_path().exists():
            journal = locations.default_journal_path()
        if journal is None:
            window.show_first_run(locations.default_journal_path())
        elif not _open_for_screenshot(window, journal):
            return 1
        busy = _show_for_screenshot(window, view)
        image = grab(window, size)
        if _settle(busy):
            image = grab(window, size)  # again, with what the view loaded in the background
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            print(f"hairjournal: could not write the screenshot to {out}", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close_journal()
        window.hide()
        window.deleteLater()


def _open_for_screenshot(window: MainWindow, journal: Path) -> bool:
    try:
        opened = open_journal(journal)
    except JournalRefused as refused:
        print(f"hairjournal: {refused.message}", file=sys.stderr)
        return False
    window.adopt(opened)
    return True


def _show_for_screenshot(window: MainWindow, view: str) -> Callable[[], bool] | None:
    """Show ``view``; returns what says whether it is still loading in the background."""
    if view != "compare":
        window.show_view(view)
        return getattr(window.views[view], "busy", None)
    # The Photos view's Compare tab, on its own choice: the first and latest photo of the first
    # region with two or more. It is busy until that pair is on screen (lined up, if it can be).
    from hairjournal.ui.photos_view import COMPARE_TAB, PhotosView

    window.show_view("photos")
    photos = window.views["photos"]
    assert isinstance(photos, PhotosView)
    shown: list[bool] = []
    photos.compare.photos_shown.connect(lambda: shown.append(True))
    photos.tabs.setCurrentIndex(COMPARE_TAB)
    return lambda: photos.compare.pair is not None and not shown


def _settle(busy: Callable[[], bool] | None) -> bool:
    """Let a view that loads in the background (``busy()``, as the gallery's thumbnails or the
    photos compared) finish what its first paint asked for; True if it had anything to load."""
    if busy is None or not busy():
        return False
    deadline = time.monotonic() + SETTLE_SECONDS
    while busy() and time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(20)
        QApplication.processEvents()
    return True


def grab(widget: QWidget, size: tuple[int, int]) -> QImage:
    """Lay ``widget`` out at ``size`` without showing it on screen, and paint it to an image."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.setMinimumSize(1, 1)
    widget.resize(*size)
    widget.show()
    for _ in range(3):  # layouts settle over a few passes; labels can be missing otherwise
        QApplication.processEvents()
    widget.resize(*size)
    QApplication.processEvents()
    return widget.grab().toImage()
