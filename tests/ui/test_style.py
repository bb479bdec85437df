"""Light and dark: the dark palette, legible secondary roles, following the scheme, quiet text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel
from pytestqt.qtbot import QtBot

from hairjournal.ui import style
from hairjournal.ui.main_window import MainWindow

Role = QPalette.ColorRole


@pytest.fixture
def palette_restored(qapp: QApplication) -> Iterator[None]:
    """Tests here change the application's palette; the next test gets the old one back."""
    before = QPalette(qapp.palette())
    yield
    qapp.setPalette(before)


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_dark_palette_reads_well() -> None:
    dark = style.dark_palette()
    assert style.is_dark(dark)
    base, window = dark.color(Role.Base), dark.color(Role.Window)
    assert contrast(dark.color(Role.Text), base) >= 7
    assert contrast(dark.color(Role.WindowText), window) >= 7
    assert contrast(dark.color(Role.HighlightedText), dark.color(Role.Highlight)) >= 3
    assert contrast(dark.color(Role.Link), base) >= 4.5
    for background in (Role.Window, Role.Light, Role.Base):  # quiet text on pages, cards, lists
        assert contrast(dark.color(Role.PlaceholderText), dark.color(background)) >= 4.5
    # Cards (the light role) stand apart from the window, and fields (base) from cards.
    assert dark.color(Role.Light).lightness() > window.lightness() > base.lightness()
    # Dashed boxes (mid), card borders (midlight) and faint marks (dark) stay visible on base.
    for role, distance in style.LIFTED.items():
        assert dark.color(role).lightness() - base.lightness() >= distance, role


def test_a_dark_palette_with_vanishing_lines_is_lifted_and_a_light_one_is_left_alone(
    qapp: QApplication,
) -> None:
    window = QColor(50, 50, 50)
    # Qt Fusion's own dark palette: mid and dark are darker than the base, which hides them.
    fusion = QPalette(QColor(240, 240, 240), window, window.lighter(150), window.darker(150),
                      window.darker(130), QColor(240, 240, 240), window.darker(140))  # fmt: skip
    base = fusion.color(Role.Base).lightness()
    assert fusion.color(Role.Dark).lightness() < base
    lifted = style.legible(fusion)
    for role, distance in style.LIFTED.items():
        assert lifted.color(role).lightness() == base + distance
    assert lifted.color(Role.Text) == fusion.color(Role.Text)
    light = qapp.style().standardPalette()
    assert style.legible(light) == light


def test_the_scheme_forced_dark_then_light(qapp: QApplication, palette_restored: None) -> None:
    scheme = style.ColourScheme(qapp, "Dark")
    try:
        assert scheme.forced == Qt.ColorScheme.Dark
        assert style.is_dark(qapp.palette())
        scheme.forced = Qt.ColorScheme.Light
        scheme.follow()
        assert not style.is_dark(qapp.palette())
    finally:
        scheme.setParent(None)


def test_the_environment_variable_chooses_the_scheme(
    qapp: QApplication, palette_restored: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(style.SCHEME_VARIABLE, " dark ")
    scheme = style.ColourScheme.from_environment(qapp)
    try:
        assert style.is_dark(qapp.palette())
    finally:
        scheme.setParent(None)
    monkeypatch.setenv(style.SCHEME_VARIABLE, "purple")
    assert style.ColourScheme.from_environment(qapp).forced is None


def test_without_a_word_from_the_desktop_the_palette_stays(
    qapp: QApplication, palette_restored: None
) -> None:
    before = QPalette(qapp.palette())
    scheme = style.ColourScheme(qapp)  # the offscreen desktop says neither light nor dark
    try:
        assert qapp.styleHints().colorScheme() == Qt.ColorScheme.Unknown
        assert qapp.palette() == before
    finally:
        scheme.setParent(None)


def test_quiet_text_follows_a_change_to_dark(
    qtbot: QtBot, qapp: QApplication, palette_restored: None
) -> None:
    label = style.quiet(QLabel("secondary"))
    qtbot.addWidget(label)
    light_colour = label.palette().color(Role.WindowText)
    assert light_colour == qapp.palette().color(Role.PlaceholderText)
    dark = style.dark_palette()
    qapp.setPalette(dark)
    qtbot.waitUntil(
        lambda: label.palette().color(Role.WindowText) == dark.color(Role.PlaceholderText)
    )
    assert label.palette().color(Role.WindowText) != light_colour


def test_the_window_in_dark_keeps_its_cards_and_banner_readable(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, palette_restored: None
) -> None:
    scheme = style.ColourScheme(qapp)
    try:
        banner = window.reminders.banner
        banner.label.setText("A reminder")
        banner.show()
        qapp.setPalette(style.dark_palette())  # as the desktop switches to dark
        qtbot.waitUntil(lambda: not scheme.restyle_pending)
        image = window.grab().toImage()
    finally:
        scheme.setParent(None)
    dark = style.dark_palette()
    for widget, colour in (
        (banner, dark.color(Role.AlternateBase)),
        (window.views["dashboard"].findChild(QFrame, "card"), dark.color(Role.Light)),
    ):
        inside = widget.mapTo(window, widget.rect().topLeft()) + QPoint(20, 4)
        painted = image.pixelColor(inside)
        assert abs(painted.lightness() - colour.lightness()) <= 1  # dark, not a light box
    text = banner.label.palette().color(Role.WindowText)
    assert contrast(text, dark.color(Role.AlternateBase)) >= 7
