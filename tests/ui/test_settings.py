"""What is remembered between runs: window geometry and state, and recent journals."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hairjournal.store import locations
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import MAX_RECENT, Settings


def test_window_geometry_is_saved_on_close_and_restored_by_the_next_window(
    qtbot: QtBot,
) -> None:
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Within the offscreen screen (800x600): restoring fits a window to the screen it is on.
    first.resize(730, 520)
    qtbot.waitUntil(lambda: first.size().width() == 730)
    first.close()
    assert locations.settings_file().exists()

    second = MainWindow(Settings())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (730, 520)


def test_a_first_window_has_a_sensible_size(qtbot: QtBot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.width() >= 1000
    assert window.height() >= 700
    assert not locations.settings_file().exists()  # nothing written until it closes


def test_recent_journals_newest_first_without_repeats_and_at_most_eight(tmp_path: Path) -> None:
    settings = Settings()
    paths = [tmp_path / f"journal{n}.hairjournal" for n in range(MAX_RECENT + 2)]
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[5])
    recent = Settings().recent_journals()  # read back from the file
    assert recent[0] == paths[5]
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT
    assert recent[1:4] == [paths[9], paths[8], paths[7]]
    assert paths[0] not in recent
    assert paths[1] not in recent


def test_a_single_recent_journal_reads_back_as_a_list(tmp_path: Path) -> None:
    Settings().add_recent(tmp_path / "only.hairjournal")
    assert Settings().recent_journals() == [tmp_path / "only.hairjournal"]
    Settings().clear_recent()
    assert Settings().recent_journals() == []
