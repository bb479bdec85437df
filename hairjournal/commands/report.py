"""``hairjournal report JOURNAL --out FILE.pdf``: the PDF summary for a clinician."""

from __future__ import annotations

import argparse

from hairjournal.commands._export import add_output_arguments, run_export

ORDER = 50
HELP = "write the PDF summary for your clinician"
DESCRIPTION = (
    "Write a PDF summary of a journal: condition and courses of treatment, the dashboard's "
    "progress figures, the shedding and density charts with the published ranges they are set "
    "against (and their sources), a timeline of sessions and events, side effects, clinic "
    "figures, and each region's first and latest photo. The file holds your health data "
    "unencrypted; it is readable by you only."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_arguments(parser, ".pdf", "PDF file")


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.report_pdf import Paper
    from hairjournal.ui.export_job import ReportJob

    paper = Paper(args.paper) if args.paper else None
    return run_export("report", args, lambda: ReportJob(args.out, paper=paper))
