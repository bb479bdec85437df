"""The PDF summary for a clinician: the journal's facts and the window's figures, paged.

``write_report(target, facts, figures)`` lays out ``report_facts.gather_facts()`` and the
images and sentences of ``report_figures.ReportFigures`` (made in the ui layer) as HTML, and
prints it to ``target`` through a private temporary file, renamed into place only when whole.
It runs on a worker thread, and prints in a process of its own (``report_printer``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hairjournal.services.export_file import Cancelled, Progress, written_privately
from hairjournal.services.report_facts import ReportFacts
from hairjournal.services.report_figures import ReportFigures
from hairjournal.services.report_html import report_html
from hairjournal.services.report_pdf import Paper, default_paper
from hairjournal.services.report_printer import print_in_process

SUFFIX = ".pdf"


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    pages: int


def report_title(facts: ReportFacts) -> str:
    return f"Hair journal summary: {facts.title}"


def suggested_name(facts: ReportFacts) -> str:
    """'Hair journal summary 2026-11-24.pdf'."""
    return f"Hair journal summary {facts.made_on.isoformat()}{SUFFIX}"


def write_report(
    target: Path,
    facts: ReportFacts,
    figures: ReportFigures,
    *,
    paper: Paper | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportWritten:
    """Write the summary to ``target`` (0600); raises ExportCancelled or ExportError, and then
    leaves no file behind."""
    page = report_html(facts, figures)
    footer = f"{facts.title} · summary of {facts.made_on.isoformat()} · Hair Journal"
    with written_privately(Path(target)) as temporary:
        pages = print_in_process(
            page,
            temporary,
            title=report_title(facts),
            footer=footer,
            paper=paper or default_paper(),
            progress=progress,
            cancelled=cancelled,
        )
    return ReportWritten(Path(target), pages)
