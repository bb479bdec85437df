"""``hairjournal bundle JOURNAL --out FILE.zip``: CSV files, the PDF summary and photos, zipped."""

from __future__ import annotations

import argparse

from hairjournal.commands._export import add_output_arguments, run_export

ORDER = 55
HELP = "write a ZIP for your clinician: CSV files, the PDF summary and photos"
DESCRIPTION = (
    "Write one ZIP file holding the PDF summary (as 'hairjournal report' writes it), one CSV "
    "file per kind of record, and scalp photos with their hidden details (EXIF: time, place, "
    "camera) removed. The file holds your health data unencrypted; it is readable by you only."
)
PHOTO_CHOICES = {
    "latest": "the latest photo of each region (the default)",
    "all": "every photo",
    "none": "no photos",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_output_arguments(parser, ".zip", "ZIP file")
    parser.add_argument(
        "--photos",
        choices=tuple(PHOTO_CHOICES),
        default="latest",
        help="which photos to include: "
        + "; ".join(f"{name}: {what}" for name, what in PHOTO_CHOICES.items()),
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="start each CSV file with a byte-order mark so that Excel reads it as UTF-8",
    )
    parser.add_argument(
        "--decimal-comma",
        action="store_true",
        help="write numbers with a decimal comma and separate cells with ';'",
    )


def run(args: argparse.Namespace) -> int:
    from hairjournal.services.report_pdf import Paper
    from hairjournal.ui.export_job import BundleJob

    def job() -> BundleJob:
        from hairjournal.services.bundle import latest_of_each_region
        from hairjournal.store import photos as photo_store

        if args.photos == "all":
            photo_ids = [info.id for info in photo_store.photo_list()]
        elif args.photos == "latest":
            photo_ids = latest_of_each_region()
        else:
            photo_ids = []
        return BundleJob(
            args.out,
            photo_ids,
            excel=args.excel,
            decimal_comma=args.decimal_comma,
            paper=Paper(args.paper) if args.paper else None,
        )

    return run_export("bundle", args, job)
