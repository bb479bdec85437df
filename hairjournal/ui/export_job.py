"""Exports off the GUI thread: CSV files, the PDF summary and the clinician bundle.

A job reads the journal on the thread pool through that thread's own connection, reports how far
it is (0-100) with words for what it is doing, and stops at its next step after ``cancel()``,
leaving no file behind. The summary's charts are pyqtgraph widgets, so they are drawn on the GUI
thread in short steps (``report_charts.ChartImages``) between two stretches of worker time.
Each job ends with exactly one of ``finished(ExportDone)``, ``failed(message)`` or
``stopped()``, sent after its worker's connection is closed.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from hairjournal.services import csv_export
from hairjournal.services.bundle import write_bundle
from hairjournal.services.export_file import ExportCancelled, ExportError
from hairjournal.services.pool_job import PoolJob
from hairjournal.services.report import suggested_name, write_report
from hairjournal.services.report_facts import ReportFacts, gather_facts
from hairjournal.services.report_figures import ChartFigure, ReportFigures
from hairjournal.services.report_pdf import Paper
from hairjournal.store import models
from hairjournal.store.progress import progress as progress_figures
from hairjournal.ui.compare_text import NOTE as PHOTO_NOTE
from hairjournal.ui.report_charts import ChartData, ChartImages, read_chart_data
from hairjournal.ui.report_photos import photo_pairs
from hairjournal.ui.report_text import disclaimer_lines, progress_lines, progress_table

CLOSED = "the journal was closed while the export was under way"


@dataclass(frozen=True)
class ExportDone:
    """What an export wrote, and where, in words for the person."""

    paths: tuple[Path, ...]
    folder: Path
    text: str


@dataclass(frozen=True)
class Gathered:
    """What the summary needs from the journal, read on a worker."""

    facts: ReportFacts
    charts: ChartData
    progress_table: tuple[tuple[str, ...], ...]
    progress: tuple[str, ...]


class ExportJob(PoolJob):
    """The steps, signals and Cancel common to every export; see the module's docstring."""

    progressed = Signal(int, str)  # percent done, what is being done
    finished = Signal(object)  # ExportDone
    failed = Signal(str)  # why, in plain words; nothing was left behind
    stopped = Signal()  # cancelled; nothing was left behind
    _worked = Signal(object, object)  # a worker step's continuation and its result

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = models.database.obj  # the journal open now, whatever happens later
        self._worked.connect(self._continue)

    def start(self) -> None:
        """Begins on the GUI thread: each export alternates worker steps and GUI steps."""
        self.running = True
        self._begin()

    def _begin(self) -> None:
        raise NotImplementedError

    def _continue(self, then: Callable[[Any], None], result: object) -> None:
        then(result)

    def _on_worker(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run ``work`` on the thread pool, then ``then(result)`` on the GUI thread."""
        QThreadPool.globalInstance().start(lambda: self._work(work, then))

    def _work(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        database = self._database
        problem: str | None = None
        result: Any = None
        stopped = False
        try:
            if database is None or models.database.obj is not database:
                raise ExportError(CLOSED)
            database.connect(reuse_if_open=True)  # this thread's own connection
            result = work()
        except ExportCancelled:
            stopped = True
        except ExportError as error:
            problem = error.message
        except Exception as error:  # reported to the window; never lost in the thread
            traceback.print_exc()
            if models.database.obj is not database:
                problem = CLOSED
            else:
                problem = f"something unexpected happened ({error})"
        finally:
            if database is not None and not database.is_closed():
                database.close()  # this thread's connection only, before anyone is told
        # After Cancel, whatever went wrong next (Ctrl+C reaching the printing process) is its echo.
        if stopped or (problem is not None and self.cancelled):
            self._worked.emit(self._stopped, None)
        elif problem is not None:
            self._worked.emit(self._failed, problem)
        else:
            self._worked.emit(then, result)

    def _share(self, start: int, end: int, text: str) -> Callable[[int, int], None]:
        """A progress callback mapping ``done`` of ``total`` into ``start``-``end`` percent."""

        def report(done: int, total: int) -> None:
            self.progressed.emit(start + (end - start) * done // max(total, 1), text)

        return report

    def _done(self, done: ExportDone) -> None:
        self.running = False
        self.progressed.emit(100, "Done")
        self.finished.emit(done)

    def _failed(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)

    def _stopped(self, _result: object = None) -> None:
        self.running = False
        self.stopped.emit()


class CsvJob(ExportJob):
    """Every kind of record to its own CSV file in ``folder``."""

    def __init__(
        self,
        folder: Path,
        *,
        excel: bool = False,
        decimal_comma: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.excel = excel
        self.decimal_comma = decimal_comma

    def _begin(self) -> None:
        self.progressed.emit(0, "Writing the CSV files…")
        self._on_worker(self._write, self._done)

    def _write(self) -> ExportDone:
        try:
            paths = csv_export.write_csv_files(
                self.folder,
                excel=self.excel,
                decimal_comma=self.decimal_comma,
                progress=self._share(0, 100, "Writing the CSV files…"),
                cancelled=self._cancelled.is_set,
            )
        except OSError as error:
            raise ExportError(f"the files could not be written to {self.folder}: {error}") from None
        count = f"{len(paths)} CSV file{'' if len(paths) == 1 else 's'}"
        return ExportDone(tuple(paths), self.folder, f"{count} written to {self.folder}.")


class ReportJob(ExportJob):
    """The PDF summary, saved as ``target``."""

    def __init__(
        self,
        target: Path,
        *,
        paper: Paper | None = None,
        today: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = Path(target)
        self.paper = paper
        self.today = today or dt.date.today()
        self.chart_images: ChartImages | None = None

    def cancel(self) -> None:
        super().cancel()
        if self.chart_images is not None:
            self.chart_images.cancel()  # it says ``dropped``, and the job ``stopped``

    def _begin(self) -> None:
        self.progressed.emit(0, "Reading the journal…")
        self._on_worker(self._gather, self._draw_charts)

    def _gather(self) -> Gathered:
        facts = gather_facts(self.today)
        figures = progress_figures(self.today)
        course = facts.current.course.id if facts.current is not None else None
        return Gathered(
            facts, read_chart_data(course), progress_table(figures), progress_lines(figures)
        )

    def _draw_charts(self, gathered: Gathered) -> None:
        if self.cancelled:
            self._stopped()
            return
        self.progressed.emit(5, "Drawing the charts…")
        self.chart_images = ChartImages(gathered.charts, self)
        self.chart_images.made.connect(lambda charts: self._charts_drawn(gathered, charts))
        self.chart_images.dropped.connect(self._charts_dropped)
        self.chart_images.start()

    def _charts_dropped(self) -> None:
        self.chart_images = None
        if self.cancelled:
            self._stopped()
        else:
            self._failed("something unexpected happened while the charts were drawn")

    def _charts_drawn(self, gathered: Gathered, charts: tuple[ChartFigure, ...]) -> None:
        self.chart_images = None
        self.progressed.emit(10, "Preparing the photos…")
        self._on_worker(lambda: self._write(gathered, charts), self._done)

    def _figures(self, gathered: Gathered, charts: tuple[ChartFigure, ...]) -> ReportFigures:
        """The charts with the photos, decoded here on the worker (10-50 %)."""
        photos = photo_pairs(
            progress=self._share(10, 50, "Preparing the photos…"),
            cancelled=self._cancelled.is_set,
        )
        return ReportFigures(
            charts=charts,
            photos=photos,
            photo_note=PHOTO_NOTE,
            progress_table=gathered.progress_table,
            progress=gathered.progress,
            disclaimer=disclaimer_lines(),
        )

    def _write(self, gathered: Gathered, charts: tuple[ChartFigure, ...]) -> ExportDone:
        figures = self._figures(gathered, charts)
        written = write_report(
            self.target,
            gathered.facts,
            figures,
            paper=self.paper,
            progress=self._share(50, 100, "Writing the pages…"),
            cancelled=self._cancelled.is_set,
        )
        pages = f"{written.pages} page{'' if written.pages == 1 else 's'}"
        return ExportDone(
            (written.path,),
            written.path.parent,
            f"The summary ({pages}) was saved as {written.path}.",
        )


class BundleJob(ReportJob):
    """The summary, the CSV files and the photos ``photo_ids``, in one ZIP saved as ``target``."""

    def __init__(
        self,
        target: Path,
        photo_ids: Sequence[int],
        *,
        excel: bool = False,
        decimal_comma: bool = False,
        paper: Paper | None = None,
        today: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(target, paper=paper, today=today, parent=parent)
        self.photo_ids = list(photo_ids)
        self.excel = excel
        self.decimal_comma = decimal_comma

    def _write(self, gathered: Gathered, charts: tuple[ChartFigure, ...]) -> ExportDone:
        figures = self._figures(gathered, charts)
        facts = gathered.facts
        with tempfile.TemporaryDirectory(prefix="hairjournal-") as folder:
            report = Path(folder) / suggested_name(facts)
            write_report(
                report,
                facts,
                figures,
                paper=self.paper,
                progress=self._share(50, 65, "Writing the summary…"),
                cancelled=self._cancelled.is_set,
            )
            written = write_bundle(
                self.target,
                title=facts.title,
                today=facts.made_on,
                report=report,
                photo_ids=self.photo_ids,
                excel=self.excel,
                decimal_comma=self.decimal_comma,
                progress=self._share(65, 100, "Adding the CSV files and photos…"),
                cancelled=self._cancelled.is_set,
            )
        photos = f"{written.photos} photo{'' if written.photos == 1 else 's'}"
        text = (
            f"The bundle (the summary, {written.csv_files} CSV files and {photos}) was saved as "
            f"{written.path}."
        )
        if written.skipped:
            text += " Left out: " + "; ".join(written.skipped) + "."
        return ExportDone((written.path,), written.path.parent, text)
