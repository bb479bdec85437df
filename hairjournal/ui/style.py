"""The window's look: cards, headings and quiet text, from the palette so dark themes work."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

STYLE_SHEET = """
QFrame#card {
    background: palette(base);
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
"""


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
    """Secondary text: the palette's placeholder colour, which themes keep readable."""
    palette = label.palette()
    colour = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    label.setPalette(palette)
    return label


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
