"""The window with a journal open read-only: a banner across the top, and no way to write.

Every write is refused by the undo history anyway (``History.read_only``) and by SQLite
(``query_only``); this keeps what would ask for one out of reach, so that nobody types an entry
only to be told it cannot be saved. Menu actions given to ``hold`` stay disabled, and the views'
and dialogs' write buttons (``WRITE_CONTROLS``) are disabled as they appear, kept so while the
journal is read-only even where a view enables them again (after a selection, say), and given
back when a journal is opened normally.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QWidget
from shiboken6 import isValid

BANNER_TEXT = "Read-only: this journal cannot be changed here. Open it normally to make changes."
HELD_TIP = "The journal is open read-only: open it normally to make changes."
# The controls that write, by the class that holds them (or a base class of it: every record
# form is a RecordForm) and the attribute it keeps them in. Names, not classes: the views are
# imported only when first shown.
WRITE_CONTROLS: dict[str, tuple[str, ...]] = {
    "QuickEntry": ("value", "wash_day", "save_button"),
    "RecordList": ("add_button", "delete_button"),
    "RecordForm": ("buttons",),  # its Save button
    "PhotosView": ("import_button", "delete_button"),
    "PhotoDetails": ("save_button", "delete_button"),
    "AlignPanel": ("save_button", "remove_button"),
}
SAVE_BUTTONS = (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok)


class ReadOnlyBanner(QFrame):
    """The line across the top of the workspace while the journal is read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setStyleSheet(
            "QFrame#read_only_banner { background: palette(alternate-base); "
            "border-bottom: 1px solid palette(mid); border-left: 4px solid palette(highlight); }"
        )
        self.label = QLabel(BANNER_TEXT)
        self.label.setObjectName("read_only_text")
        self.label.setWordWrap(True)
        self.setAccessibleName(BANNER_TEXT)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(self.label, 1)
        self.hide()


class ReadOnlyMode(QObject):
    """Shows ``banner`` and keeps the window's writing controls disabled while ``active``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.banner = ReadOnlyBanner()
        self.active = False
        self._actions: list[QAction] = []
        self._held: dict[int, tuple[QWidget, str]] = {}  # control, and its own tooltip

    def hold(self, *actions: QAction) -> None:
        """Keep ``actions`` disabled while the journal is read-only."""
        for action in actions:
            self._actions.append(action)
            action.changed.connect(lambda a=action: self._keep_disabled(a))

    def set_active(self, active: bool) -> None:
        """Read-only on or off; off gives the controls back to their views (which enable them
        as they see fit when they next refresh)."""
        app = QApplication.instance()
        if active and not self.active:
            app.installEventFilter(self)
        elif not active and self.active:
            app.removeEventFilter(self)
        self.active = active
        self.banner.setVisible(active)
        if active:
            for action in self._actions:
                action.setEnabled(False)
            for widget in self.window.findChildren(QWidget):
                self._disable_controls_of(widget)
            return
        held, self._held = self._held, {}
        for widget, tooltip in held.values():
            if isValid(widget):
                widget.setEnabled(True)
                widget.setToolTip(tooltip)

    def held_controls(self) -> list[QWidget]:
        """The controls disabled now because the journal is read-only."""
        return [widget for widget, _tip in self._held.values() if isValid(widget)]

    def _keep_disabled(self, action: QAction) -> None:
        if self.active and action.isEnabled():
            action.setEnabled(False)

    def _disable_controls_of(self, owner: QObject) -> None:
        for control in _write_controls(owner):
            if id(control) not in self._held:
                self._held[id(control)] = (control, control.toolTip())
            control.setEnabled(False)
            control.setToolTip(HELD_TIP)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:  # a widget about to be shown for the first time
            self._disable_controls_of(watched)
        elif kind == QEvent.Type.EnabledChange and id(watched) in self._held:
            control = self._held[id(watched)][0]
            if control is watched and control.isEnabled():
                control.setEnabled(False)  # a view enabled it again: not while read-only
        return False


def _write_controls(owner: QObject) -> Iterator[QWidget]:
    """The write controls ``owner`` holds, if it is (or derives from) a class that has some."""
    names = next(
        (WRITE_CONTROLS[c.__name__] for c in type(owner).__mro__ if c.__name__ in WRITE_CONTROLS),
        (),
    )
    for name in names:
        control = getattr(owner, name, None)
        if isinstance(control, QDialogButtonBox):
            for which in SAVE_BUTTONS:
                button = control.button(which)
                if button is not None:
                    yield button
        elif isinstance(control, QWidget):
            yield control
