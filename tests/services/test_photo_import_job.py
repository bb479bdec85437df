"""The import job runs off the GUI thread, reports progress, and can be cancelled."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ScalpRegion
from hairjournal.services import photo_import
from hairjournal.services.photo_import import Outcome
from hairjournal.services.photo_import_job import PhotoImportJob
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from tests.photo_files import write_jpeg


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    path = tmp_path / "job.hairjournal"
    with create_journal(path, title="Job", condition=Condition.AA) as opened:
        yield opened


def test_job_imports_in_another_thread_and_reports_progress(
    qtbot: QtBot, journal: OpenJournal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [write_jpeg(tmp_path / f"{n}.jpg", (320, 240), seed=n) for n in range(3)]
    threads: set[int] = set()
    real_store = photo_import._store

    def store_and_note_thread(*args: object) -> object:
        threads.add(threading.get_ident())
        return real_store(*args)

    monkeypatch.setattr(photo_import, "_store", store_and_note_thread)
    job = PhotoImportJob(files, ScalpRegion.TEMPORAL_LEFT, taken=dt.date(2026, 2, 2))
    progress: list[tuple[int, int, str]] = []
    job.progressed.connect(lambda done, total, name: progress.append((done, total, name)))
    with qtbot.waitSignal(job.finished, timeout=60_000) as finished:
        job.start()

    assert [r.outcome for r in finished.args[0]] == [Outcome.IMPORTED] * 3
    assert sorted(done for done, _total, _name in progress) == [1, 2, 3]
    assert threading.get_ident() not in threads
    assert (
        models.Photo.select().where(models.Photo.region == ScalpRegion.TEMPORAL_LEFT).count() == 3
    )
    assert not job.running


def test_cancelled_job_stops_between_photos(
    qtbot: QtBot, journal: OpenJournal, tmp_path: Path
) -> None:
    files = [write_jpeg(tmp_path / f"{n}.jpg", (320, 240), seed=n) for n in range(8)]
    job = PhotoImportJob(files, ScalpRegion.VERTEX)
    # Directly, in the job's thread, as if Cancel were pressed the moment photo 2 was stored.
    job.progressed.connect(
        lambda done, _total, _name: job.cancel() if done == 2 else None,
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(job.finished, timeout=60_000) as finished:
        job.start()
    stored = models.Photo.select().count()
    assert len(finished.args[0]) == stored
    assert stored == 2
    assert models.PhotoOriginal.select().count() == stored
