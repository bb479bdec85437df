"""Export jobs: work off the GUI thread, one ending each, and Cancel at any step leaves nothing."""

from __future__ import annotations

import datetime as dt
import stat
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hairjournal.services import report as report_service
from hairjournal.services.csv_format import KINDS
from hairjournal.store.journal import OpenJournal, open_journal
from hairjournal.ui import export_job
from hairjournal.ui.charts.shedding_chart import SheddingChart
from hairjournal.ui.export_job import BundleJob, CsvJob, ExportDone, ExportJob, ReportJob
from tests.pdf_files import pdf_text
from tests.ui import sample_journal as sample

TIMEOUT = 60_000


@pytest.fixture
def journal(sample_path: Path) -> Iterator[OpenJournal]:
    with open_journal(sample_path) as opened:
        yield opened


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def finished(qtbot: QtBot, job: ExportJob) -> ExportDone:
    """Start ``job`` and wait for it to finish; a failure or a stop fails the test."""
    endings: list[tuple[str, object]] = []
    job.failed.connect(lambda message: endings.append(("failed", message)))
    job.stopped.connect(lambda: endings.append(("stopped", None)))
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as signal:
        job.start()
    assert endings == []
    assert not job.running
    return signal.args[0]


def stopped_at(qtbot: QtBot, job: ExportJob, percent: int) -> list[int]:
    """Start ``job``, press Cancel once it reports ``percent``; returns what it reported."""
    seen: list[int] = []

    def progressed(value: int, _text: str) -> None:
        seen.append(value)
        if value >= percent:
            job.cancel()

    job.progressed.connect(progressed)
    job.finished.connect(lambda _done: pytest.fail("cancelled, yet it finished"))
    with qtbot.waitSignal(job.stopped, timeout=TIMEOUT):
        job.start()
    assert not job.running
    return seen


def test_the_summary_repeats_the_dashboards_words_and_is_saved_privately(
    qtbot: QtBot, journal: OpenJournal, out: Path, today: dt.date
) -> None:
    reported: list[tuple[int, str]] = []
    job = ReportJob(out / "summary.pdf", today=today)
    job.progressed.connect(lambda percent, text: reported.append((percent, text)))
    done = finished(qtbot, job)

    target = out / "summary.pdf"
    assert done.paths == (target,)
    assert done.folder == out
    assert done.text.startswith("The summary (")
    assert done.text.endswith(f"pages) was saved as {target}.")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["summary.pdf"]
    percents = [percent for percent, _text in reported]
    assert percents == sorted(percents)
    assert percents[-1] == 100
    texts = [text for _percent, text in reported]
    for step in ("Reading the journal…", "Drawing the charts…", "Writing the pages…"):
        assert step in texts
    text = pdf_text(target)
    for words in (
        # the dashboard's progress table: the 7-day mean and the change against the baseline
        f"{sample.RECENT_VALUE:.1f} (6 of 7 days counted)",
        f"{sample.BASELINE_VALUE:.1f} (14 of 14 days counted)",
        "40 % lower",
        "Events of the last six months that can set off shedding",
        "Photos cannot show changes under about 22 %",
        # the app's disclaimer
        "The evidence is thin and no exosome product is approved.",
        "it does not judge whether a treatment works",
        # a band's source and grade, in the evidence table
        "Oh et al. 2020",
        "Wasko 2008",
        # the sample's only photo has no picture in it: said in its place
        "This photo cannot be shown.",
    ):
        assert words in text, words


def test_the_heavy_work_runs_off_the_gui_thread(
    qtbot: QtBot, journal: OpenJournal, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, threading.Thread] = {}
    for name in ("gather_facts", "photo_pairs", "write_report"):
        real = getattr(export_job, name)

        def noting(*args: object, _real: object = real, _name: str = name, **kwargs: object):
            threads[_name] = threading.current_thread()
            return _real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(export_job, name, noting)
    finished(qtbot, ReportJob(out / "summary.pdf"))
    assert set(threads) == {"gather_facts", "photo_pairs", "write_report"}
    assert threading.main_thread() not in threads.values()


@pytest.mark.parametrize(
    "percent",
    [
        0,  # while the journal is read
        5,  # while the charts are drawn on the GUI thread
        10,  # while the photos are decoded
        50,  # while the pages are written
    ],
)
def test_cancel_at_any_step_leaves_no_file(
    qtbot: QtBot, journal: OpenJournal, out: Path, percent: int
) -> None:
    stopped_at(qtbot, ReportJob(out / "summary.pdf"), percent)
    assert list(out.iterdir()) == []


def test_cancel_while_the_bundle_is_zipped_leaves_no_file(
    qtbot: QtBot, journal: OpenJournal, out: Path
) -> None:
    seen = stopped_at(qtbot, BundleJob(out / "bundle.zip", [1]), 66)
    assert max(seen) >= 66
    assert list(out.iterdir()) == []


def test_a_folder_that_is_gone_fails_in_plain_words_and_writes_nothing(
    qtbot: QtBot, journal: OpenJournal, tmp_path: Path
) -> None:
    job = ReportJob(tmp_path / "gone" / "summary.pdf")
    with qtbot.waitSignal(job.failed, timeout=TIMEOUT) as signal:
        job.start()
    assert signal.args == [f"the folder {tmp_path / 'gone'} does not exist"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journals"]


def test_an_unexpected_error_is_reported_not_lost(
    qtbot: QtBot,
    journal: OpenJournal,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a bug in the layout")

    monkeypatch.setattr(report_service, "report_html", broken)
    job = ReportJob(out / "summary.pdf")
    with qtbot.waitSignal(job.failed, timeout=TIMEOUT) as signal:
        job.start()
    assert signal.args == ["something unexpected happened (a bug in the layout)"]
    assert "ValueError: a bug in the layout" in capsys.readouterr().err  # the details, for a report
    assert list(out.iterdir()) == []


def test_the_bundle_holds_the_summary_the_csv_files_and_the_chosen_photo(
    qtbot: QtBot, journal: OpenJournal, out: Path, today: dt.date
) -> None:
    done = finished(qtbot, BundleJob(out / "bundle.zip", [], excel=True, today=today))
    assert done.paths == (out / "bundle.zip",)
    assert "the summary, 7 CSV files and 0 photos" in done.text
    with zipfile.ZipFile(out / "bundle.zip") as archive:
        names = archive.namelist()
        assert f"Hair journal summary {today.isoformat()}.pdf" in names
        assert archive.read("csv/treatments.csv").startswith("\ufeff".encode())
    assert {f"csv/{kind.file_name}" for kind in KINDS} <= set(names)
    assert stat.S_IMODE((out / "bundle.zip").stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["bundle.zip"]


def test_a_photo_the_bundle_cannot_decode_is_named_in_the_result(
    qtbot: QtBot, journal: OpenJournal, out: Path
) -> None:
    done = finished(qtbot, BundleJob(out / "bundle.zip", [1]))  # the sample's photo is no JPEG
    assert "and 0 photos" in done.text
    assert "Left out: the vertex (crown) photo of " in done.text
    assert done.text.endswith("the stored photo cannot be decoded.")


def test_csv_files_are_written_to_the_folder(qtbot: QtBot, journal: OpenJournal, out: Path) -> None:
    done = finished(qtbot, CsvJob(out, decimal_comma=True))
    assert done.text == f"7 CSV files written to {out}."
    assert sorted(p.name for p in out.iterdir()) == sorted(kind.file_name for kind in KINDS)
    assert ";" in (out / "shed_counts.csv").read_text(encoding="utf-8").splitlines()[0]


def test_cancelled_csv_files_are_removed(qtbot: QtBot, journal: OpenJournal, out: Path) -> None:
    job = CsvJob(out)
    job.cancel()  # pressed before the first rows are written
    with qtbot.waitSignal(job.stopped, timeout=TIMEOUT):
        job.start()
    assert list(out.iterdir()) == []


def test_a_chart_that_cannot_be_drawn_ends_the_export_and_is_reported(
    qtbot: QtBot, journal: OpenJournal, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a bug in the chart")

    monkeypatch.setattr(SheddingChart, "show_data", broken)
    job = ReportJob(out / "summary.pdf")
    with (
        qtbot.captureExceptions() as raised,
        qtbot.waitSignal(job.failed, timeout=TIMEOUT) as signal,
    ):
        job.start()
    assert signal.args == ["something unexpected happened while the charts were drawn"]
    assert [str(error) for _kind, error, _trace in raised] == ["a bug in the chart"]
    assert not job.running
    assert list(out.iterdir()) == []
