"""The window's look: cards, headings and quiet text, from the palette so dark themes work.

The app follows the desktop's light or dark setting (``QStyleHints.colorScheme()``), live. Where
the desktop says dark but the style's palette is light, the app takes a dark palette of its own;
in any dark palette, the roles this app draws secondary lines and marks in (mid, midlight,
dark) are lifted where they would vanish on the dark background. ``HAIRJOURNAL_COLOR_SCHEME``
(``dark`` or ``light``) overrides the desktop, for screenshots.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

STYLE_SHEET = """
QFrame#card {
    background: palette(light);
    border: 1px solid palette(midlight);
    border-radius: 8px;
}
QListWidget#navigation {
    border: none;
    border-right: 1px solid palette(midlight);
    background: palette(window);
    padding: 8px 6px;
    outline: 0;
}
QListWidget#navigation::item {
    padding: 9px 12px;
    margin: 1px 0;
    border-radius: 6px;
}
QListWidget#navigation::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QScrollArea#page { border: none; }
QFrame#reminder_banner {
    background: palette(alternate-base);
    border: 1px solid palette(highlight);
    border-radius: 8px;
}
"""
SCHEME_VARIABLE = "HAIRJOURNAL_COLOR_SCHEME"
Role = QPalette.ColorRole
# How far from the base colour a light palette draws these roles: a dark palette keeps the same
# distance, the other way, so a dashed box or a faint dash reads as well on either.
LIFTED = {Role.Midlight: 53, Role.Mid: 71, Role.Dark: 96}


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.25, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setWordWrap(True)
    return label


def quiet(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, which themes keep readable (and which
    follows a change between light and dark)."""
    _quiet_colour(label)
    label.installEventFilter(_QuietFollower.instance())
    return label


def _quiet_colour(label: QLabel) -> None:
    palette = label.palette()
    colour = palette.color(QPalette.ColorRole.PlaceholderText)
    if palette.color(QPalette.ColorRole.WindowText) == colour:
        return
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    label.setPalette(palette)


class _QuietFollower(QObject):
    """Gives quiet labels the new placeholder colour when the palette changes."""

    _shared: _QuietFollower | None = None

    @classmethod
    def instance(cls) -> _QuietFollower:
        if cls._shared is None:
            cls._shared = cls(QApplication.instance())
        return cls._shared

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QLabel):
            _quiet_colour(watched)
        return False


def paragraph(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def limited_width(widget: QWidget, width: int, *, centred: bool = False) -> QWidget:
    """``widget`` at most ``width`` wide, left-aligned or centred in whatever space there is.

    A row with stretches, not an alignment flag: with alignment, a layout stops asking
    word-wrapped labels for their height at the given width, and their text is cut off.
    """
    widget.setMaximumWidth(width)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    if centred:
        row.addStretch(1)
    row.addWidget(widget, 1000)
    row.addStretch(1)
    return holder


def card(title: str | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel with an optional heading; returns the frame and its layout."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    layout.setSpacing(8)
    if title:
        layout.addWidget(heading(title, 1.1))
    return frame, layout


# -- light and dark -----------------------------------------------------------------------------


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette after Qt Fusion's (what Qt gives a dark desktop), made legible.

    Fusion outlines fields and check boxes a shade darker than the window; its dark base is
    that same shade, so the outlines vanish. Here the base is darker and the window lighter,
    and cards (drawn in the light role, white in a light palette) a step lighter still, so
    that fields and check boxes stand out on cards and in lists as they do in a light palette.
    """
    text = QColor(240, 240, 240)
    window = QColor(58, 58, 58)
    palette = QPalette(text, window, QColor(68, 68, 68), QColor(36, 36, 36),
                       QColor(44, 44, 44), text, QColor(30, 30, 30))  # fmt: skip
    palette.setColor(Role.Button, window)
    palette.setColor(Role.Shadow, QColor(20, 20, 20))
    palette.setColor(Role.HighlightedText, text)
    palette.setColor(Role.Highlight, QColor(48, 140, 198))
    palette.setColor(Role.Link, QColor(110, 175, 235))
    palette.setColor(Role.LinkVisited, QColor(180, 145, 235))
    palette.setColor(Role.AlternateBase, QColor(40, 40, 40))
    palette.setColor(Role.ToolTipBase, QColor(68, 68, 68))
    palette.setColor(Role.ToolTipText, text)
    # Opaque, and light enough for secondary text on cards as well as on the window.
    palette.setColor(Role.PlaceholderText, QColor(178, 178, 178))
    disabled = QPalette.ColorGroup.Disabled
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(disabled, role, QColor(130, 130, 130))
    palette.setColor(disabled, Role.Highlight, QColor(145, 145, 145))
    return legible(palette)


def legible(palette: QPalette) -> QPalette:
    """``palette`` with mid, midlight and dark far enough from the base colour to be seen."""
    if not is_dark(palette):
        return palette
    lifted = QPalette(palette)
    base = palette.color(Role.Base).lightness()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, distance in LIFTED.items():
            colour = palette.color(group, role)
            if colour.lightness() - base < distance:
                lighter = QColor.fromHsl(
                    max(colour.hslHue(), 0), colour.hslSaturation(), min(base + distance, 255)
                )
                lifted.setColor(group, role, lighter)
    return lifted


class ColourScheme(QObject):
    """Keeps the app's palette light or dark as the desktop (or ``forced``) says, live; and
    when the palette changes, however it changed, has style sheets read their colours again
    (a style sheet's ``palette(base)`` is looked up once, not on each change)."""

    def __init__(self, app: QApplication, forced: str | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.forced = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(
            (forced or "").strip().lower()
        )
        self.changed_palette = False
        self.restyle_pending = False
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.follow())
        app.installEventFilter(self)
        self.follow()

    @classmethod
    def from_environment(cls, app: QApplication) -> ColourScheme:
        return cls(app, os.environ.get(SCHEME_VARIABLE))

    def scheme(self) -> Qt.ColorScheme:
        return self.forced or QGuiApplication.styleHints().colorScheme()

    def follow(self) -> None:
        current = self.app.palette()
        scheme = self.scheme()
        if scheme == Qt.ColorScheme.Dark:
            wanted = legible(current) if is_dark(current) else dark_palette()
        elif scheme == Qt.ColorScheme.Light and (self.changed_palette or is_dark(current)):
            wanted = self.app.style().standardPalette()
        else:
            return  # the desktop does not say: its palette stays as it is
        if wanted != current:
            self.app.setPalette(wanted)
            self.changed_palette = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.app
            and event.type() == QEvent.Type.ApplicationPaletteChange
            and not self.restyle_pending
        ):
            self.restyle_pending = True
            QTimer.singleShot(0, self, self.restyle)
        return False

    def restyle(self) -> None:
        """Apply every style sheet again, with the palette as it is now."""
        self.restyle_pending = False
        for widget in QApplication.allWidgets():
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)
