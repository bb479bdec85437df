"""Help > Keyboard Shortcuts: made from the window's own menus, so it lists every shortcut."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.shortcuts_dialog import VIEW_KEYS, ShortcutsDialog, plain

NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText


def every_menu_action(window: MainWindow) -> list[tuple[str, QAction]]:
    """(menu title, action) for every action of every menu and submenu, walked here anew."""
    found = []

    def walk(title: str, menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(title, action.menu())
            elif not action.isSeparator():
                found.append((title, action))

    for top in window.menuBar().actions():
        walk(plain(top.text()), top.menu())
    return found


def open_dialog(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_and_ctrl_slash_open_it_from_the_help_menu(qtbot: QtBot, window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.shortcuts_action in help_menu.actions()
    assert [key.toString(PORTABLE) for key in window.shortcuts_action.shortcuts()] == [
        "F1",
        "Ctrl+/",
    ]
    first = open_dialog(qtbot, window)
    assert first.windowTitle() == "Keyboard shortcuts"
    first.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert window.shortcuts_dialog is not first
    qtbot.waitExposed(window.shortcuts_dialog)


def test_every_menu_shortcut_is_listed(qtbot: QtBot, window: MainWindow) -> None:
    listed = set(open_dialog(qtbot, window).rows())
    with_keys = [(menu, a) for menu, a in every_menu_action(window) if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 15  # File, Edit, View and Help all have some
    for menu, action in with_keys:
        keys = ", ".join(key.toString(NATIVE) for key in action.shortcuts())
        assert (menu, keys, plain(action.text())) in listed, action.text()


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    keys = Counter(
        key.toString(PORTABLE)
        for _menu, action in every_menu_action(window)
        for key in action.shortcuts()
    )
    assert [key for key, count in keys.items() if count > 1] == []
    # Nor does a menu shortcut take a key the views use for themselves.
    for name in window.views:
        window.views[name]  # every view made, with its own shortcuts
    view_keys = {shortcut.key().toString(PORTABLE) for shortcut in window.findChildren(QShortcut)}
    assert view_keys  # the Compare view's 1 to 4, at least
    assert not view_keys & set(keys)


def test_the_keys_views_handle_themselves_are_listed(qtbot: QtBot, window: MainWindow) -> None:
    for name in window.views:
        window.views[name]
    listed_keys = {key for shortcut in VIEW_KEYS for key in shortcut.keys}
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.key().toString(PORTABLE) in listed_keys
    rows = open_dialog(qtbot, window).rows()
    assert ("Compare", "4", "Align: click the same landmarks on both photos") in rows
    assert ("Lists", "Del", "Delete the selected row (after asking)") in rows
    sections = list(dict.fromkeys(section for section, _keys, _what in rows))
    assert sections[:4] == ["File", "Edit", "View", "Help"]


def test_the_list_follows_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    window.undo_action.setShortcuts([QKeySequence("Ctrl+Alt+U")])
    rows = open_dialog(qtbot, window).rows()
    native = QKeySequence("Ctrl+Alt+U").toString(NATIVE)
    assert ("Edit", native, "Undo") in rows
    assert not any(keys == QKeySequence("Ctrl+Z").toString(NATIVE) for _s, keys, _w in rows)


def test_searching_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    everything = dialog.rows()
    qtbot.keyClicks(dialog.search, "redo")
    assert [(section, what) for section, _keys, what in dialog.rows()] == [("Edit", "Redo")]
    dialog.search.clear()
    assert dialog.rows() == everything
