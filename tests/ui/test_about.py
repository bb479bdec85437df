"""Help > About says what the app is and is not."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hairjournal import __version__
from hairjournal.ui.about import AboutDialog
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings


def test_about_shows_the_version_and_the_disclaimer(qtbot: QtBot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = " ".join(dialog.text.text().split())
    heading = dialog.findChild(type(dialog.text), "aboutHeading").text()
    assert f"Version {__version__}" in heading
    for words in (
        "records and compares",
        "does not diagnose or recommend",
        "small, mostly open-label studies",
        "FDA has approved no exosome product",
        "6 December 2019",
        "Your data stays on this computer",
        "never uses the network",
    ):
        assert words in text
    dialog.reject()
    assert not dialog.isVisible()
