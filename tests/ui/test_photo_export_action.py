"""Exporting photos from the window: the warning first, a folder, then files off the GUI thread."""

from __future__ import annotations

import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition
from hairjournal.services import photo_export
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.ui.compare_view import CompareView
from hairjournal.ui.history import History
from hairjournal.ui.photo_export_action import export_photos_with_prompt
from tests.ui.compare_photos import store_pair
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = tmp_path / "export.hairjournal"
    with create_journal(path, title="Export", condition=Condition.AGA_MALE) as opened:
        yield opened


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_warns_then_asks_for_a_folder_then_writes_off_the_gui_thread(
    qtbot: QtBot,
    journal: OpenJournal,
    parent: QWidget,
    fake_prompts: FakePrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = store_pair(tmp_path)
    out = tmp_path / "for the clinic"
    out.mkdir()
    fake_prompts.confirm_answers.append(True)
    fake_prompts.folders.append(out)
    threads: list[int] = []
    real = photo_export.export_photo

    def noting_the_thread(photo_id: int, folder: Path) -> photo_export.ExportedPhoto:
        threads.append(threading.get_ident())
        return real(photo_id, folder)

    monkeypatch.setattr(photo_export, "export_photo", noting_the_thread)
    job = export_photos_with_prompt(parent, [*ids, ids[0]])  # a repeated id is written once
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=20_000) as finished:
        pass

    [question] = fake_prompts.questions
    assert "not encrypted" in question
    assert "health information" in question
    assert fake_prompts.folder_titles == ["Export 2 photos to"]
    written = [item.path for item in finished.args[0]]
    assert [path.name for path in written] == ["2026-03-02 vertex.jpg", "2026-09-07 vertex.jpg"]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with Image.open(path) as image:
            assert len(image.getexif()) == 0
    assert threading.get_ident() not in threads
    [(title, message)] = fake_prompts.infos
    assert title == "Photos exported"
    assert f"2 photos written to {out}" in message
    assert "not encrypted" in message


def test_saying_no_to_the_warning_or_the_folder_writes_nothing(
    journal: OpenJournal, parent: QWidget, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    ids = store_pair(tmp_path)
    fake_prompts.confirm_answers.append(False)
    assert export_photos_with_prompt(parent, ids) is None
    assert fake_prompts.folder_titles == []
    fake_prompts.confirm_answers.append(True)
    fake_prompts.folders.append(None)
    assert export_photos_with_prompt(parent, ids) is None
    assert export_photos_with_prompt(parent, []) is None
    assert fake_prompts.infos == []


def test_a_failure_is_reported_in_plain_words(
    qtbot: QtBot, journal: OpenJournal, parent: QWidget, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    ids = store_pair(tmp_path)
    fake_prompts.confirm_answers.append(True)
    fake_prompts.folders.append(tmp_path / "gone")  # removed after it was chosen
    job = export_photos_with_prompt(parent, ids)
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=20_000):
        pass
    [(title, message)] = fake_prompts.errors
    assert title == "Photos not exported"
    assert "is not a folder that can be written to" in message


def test_the_compare_view_exports_the_pair_it_shows(
    qtbot: QtBot, journal: OpenJournal, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    ids = store_pair(tmp_path)
    view = CompareView(History())
    qtbot.addWidget(view)
    view.refresh()
    fake_prompts.confirm_answers.append(True)
    fake_prompts.folders.append(tmp_path)
    view.export_button.click()
    qtbot.waitUntil(lambda: bool(fake_prompts.infos), timeout=20_000)
    assert sorted(p.name for p in tmp_path.glob("2026-*.jpg")) == [
        "2026-03-02 vertex.jpg",
        "2026-09-07 vertex.jpg",
    ]
    assert len(ids) == 2
