"""Help > Keyboard Shortcuts: every menu shortcut, read from the window's own menus when the
dialog opens (so the list cannot go stale), and the keys that work inside the views."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hairjournal.ui.style import paragraph, quiet, scaled_font


@dataclass(frozen=True)
class Shortcut:
    """Keys (in Qt's portable text, as ``QKeySequence`` reads them) and what they do where."""

    section: str
    keys: tuple[str, ...]
    what: str

    def keys_text(self) -> str:
        """The keys as this system writes them ('Ctrl+Shift+Z, Ctrl+Y')."""
        native = QKeySequence.SequenceFormat.NativeText
        return ", ".join(QKeySequence(key).toString(native) for key in self.keys)


# Keys handled inside views and dialogs (key handlers and view shortcuts, not menu actions).
VIEW_KEYS = (
    Shortcut("Dashboard and Log", ("Return",), "Save today's count (in the count's field)"),
    Shortcut("Dashboard and Log", ("Left", "Right", "Up", "Down"), "Move between the days"),
    Shortcut("Dashboard and Log", ("Return",), "Add or change the chosen day's count"),
    Shortcut("Lists", ("Return",), "Open the selected row in its form"),
    Shortcut("Lists", ("Del",), "Delete the selected row (after asking)"),
    Shortcut("Forms", ("Return",), "Save the form"),
    Shortcut("Forms", ("Esc",), "Close the form without saving"),
    Shortcut("Forms", ("1", "2", "3", "4", "5", "6"), "Choose a grade on the visual scale"),
    Shortcut("Photos", ("Return",), "Open the selected photo"),
    Shortcut("Photos", ("Del",), "Delete the selected photos (after asking)"),
    Shortcut("Photo viewer", ("Left", "PgUp"), "Previous photo"),
    Shortcut("Photo viewer", ("Right", "PgDown"), "Next photo"),
    Shortcut("Photo viewer", ("+", "-"), "Zoom in, zoom out"),
    Shortcut("Photo viewer", ("0", "1"), "Fit the window, actual size"),
    Shortcut("Photo viewer", ("Del",), "Delete the photo (after asking)"),
    Shortcut("Compare", ("1",), "Side by side"),
    Shortcut("Compare", ("2",), "Wipe"),
    Shortcut("Compare", ("3",), "Overlay"),
    Shortcut("Compare", ("4",), "Align: click the same landmarks on both photos"),
    Shortcut("Compare", ("Left", "Right"), "Move the wipe, or change the overlay's strength"),
    Shortcut("Compare", ("Backspace",), "While aligning: take back the last landmark"),
    Shortcut("Compare", ("Esc",), "While aligning: stop without saving"),
)


def plain(text: str) -> str:
    """A menu item's text as read: without its mnemonic '&' or a trailing ellipsis."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    """Every action of ``menu`` and its submenus, in order."""
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_actions(submenu)
        elif not action.isSeparator():
            yield action


def menu_shortcuts(menu_bar: QMenuBar) -> list[Shortcut]:
    """The shortcut of every menu action that has one, by menu, as the menus hold them now."""
    found = []
    portable = QKeySequence.SequenceFormat.PortableText
    for top in menu_bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu_actions(menu):
            keys = tuple(key.toString(portable) for key in action.shortcuts() if not key.isEmpty())
            if keys:
                found.append(Shortcut(plain(top.text()), keys, plain(action.text())))
    return found


class ShortcutsDialog(QDialog):
    """The list of shortcuts, grouped by menu and by view, with a search field."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.shortcuts = [*menu_shortcuts(menu_bar), *VIEW_KEYS]
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the shortcuts")
        self.search.setAccessibleName("Search the shortcuts")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "What they do"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(quiet(paragraph("Menu items without a shortcut are reached with Alt.")))
        layout.addWidget(buttons)
        self.resize(620, 640)

    def _fill(self) -> None:
        sections: dict[str, QTreeWidgetItem] = {}
        for shortcut in self.shortcuts:
            section = sections.get(shortcut.section)
            if section is None:
                section = sections[shortcut.section] = QTreeWidgetItem([shortcut.section])
                section.setFont(0, scaled_font(self.tree, 1.0, bold=True))
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(section)
                section.setFirstColumnSpanned(True)
            row = QTreeWidgetItem([shortcut.keys_text(), shortcut.what])
            row.setData(0, Qt.ItemDataRole.UserRole, shortcut)
            section.addChild(row)
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the dialog lists, as (section, keys, what), in order; hidden rows left out."""
        listed = []
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            for child in range(section.childCount()):
                row = section.child(child)
                if not row.isHidden():
                    listed.append((section.text(0), row.text(0), row.text(1)))
        return listed

    def _filter(self, text: str) -> None:
        wanted = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            shown = 0
            for child in range(section.childCount()):
                row = section.child(child)
                words = f"{section.text(0)} {row.text(0)} {row.text(1)}".lower()
                row.setHidden(wanted not in words)
                shown += not row.isHidden()
            section.setHidden(shown == 0)
