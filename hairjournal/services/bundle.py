"""The clinician bundle: one ZIP of the CSV files, the PDF summary and the photos chosen.

Photos are encoded afresh with nothing but their pixels (``photo_export.clean_picture``), so no
EXIF, GPS position, camera or comment leaves with them. The ZIP is written private (0600) under
a temporary name and takes its final name only when whole: Cancel or a failure leaves nothing.
Runs on a worker thread with that thread's own connection to the journal.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hairjournal.core.enums import ScalpRegion
from hairjournal.services import csv_export
from hairjournal.services.export_file import (
    Cancelled,
    Progress,
    check_cancelled,
    written_privately,
)
from hairjournal.services.photo_export import ExportFailed, clean_picture, export_name
from hairjournal.store import photos as photo_store

SUFFIX = ".zip"
README = "README.txt"
CSV_FOLDER = "csv"
PHOTO_FOLDER = "photos"
CSV_SHARE = 0.3  # of the progress bar, before the photos


@dataclass(frozen=True)
class BundleWritten:
    path: Path
    members: tuple[str, ...]  # the names inside the ZIP, in order
    csv_files: int
    photos: int
    skipped: tuple[str, ...]  # photos left out, each with the reason


def suggested_name(today: dt.date) -> str:
    """'Hair journal for the clinic 2026-11-24.zip'."""
    return f"Hair journal for the clinic {today.isoformat()}{SUFFIX}"


def latest_of_each_region() -> list[int]:
    """The most recent photo of each region, in the vocabulary's order of regions."""
    latest = (photo_store.latest_photo(region) for region in ScalpRegion)
    return [info.id for info in latest if info is not None]


def readme_text(title: str, today: dt.date, report: str, csv_files: int, photos: int) -> str:
    return (
        f"Records from Hair Journal, for the clinic\n\n"
        f"Made on {today.isoformat()} from the journal “{title}”, by the person it describes.\n\n"
        f"{report}: a summary to read first: condition, treatments, a timeline, charts with "
        "the published ranges they are set against (with their sources), clinic figures, side "
        "effects, and the first and latest photo of each region.\n"
        f"{CSV_FOLDER}/: {csv_files} CSV files, one per kind of record (UTF-8, dates as "
        "YYYY-MM-DD, a header row naming each column).\n"
        f"{PHOTO_FOLDER}/: {photos} scalp photo{'' if photos == 1 else 's'}, named by the day "
        "taken and the region, without their hidden details (EXIF: time, place, camera).\n\n"
        "These files are health information and are not encrypted. Keep them private, and "
        "delete them when they are no longer needed.\n"
    )


def write_bundle(
    target: Path,
    *,
    title: str,
    today: dt.date,
    report: Path,
    photo_ids: Sequence[int],
    excel: bool = False,
    decimal_comma: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BundleWritten:
    """Write the bundle to ``target`` (0600): README, the PDF ``report``, the journal's CSV
    files and ``photo_ids`` without EXIF. ``progress(done, 1000)``; raises ExportCancelled or
    ExportError, and then leaves no file behind."""

    def report_share(start: float, end: float) -> Progress:
        def share(done: int, total: int) -> None:
            if progress is not None:
                progress(round(1000 * (start + (end - start) * done / max(total, 1))), 1000)

        return share

    with (
        written_privately(Path(target)) as temporary,
        tempfile.TemporaryDirectory(prefix="hairjournal-") as folder,
    ):
        csv_files = csv_export.write_csv_files(
            Path(folder),
            excel=excel,
            decimal_comma=decimal_comma,
            progress=report_share(0, CSV_SHARE),
            cancelled=cancelled,
        )
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.write(report, report.name)
            for path in csv_files:
                bundle.write(path, f"{CSV_FOLDER}/{path.name}")
            photos, skipped = _add_photos(bundle, photo_ids, report_share(CSV_SHARE, 1), cancelled)
            text = readme_text(title, today, report.name, len(csv_files), photos)
            bundle.writestr(README, text)
            members = tuple(bundle.namelist())
    return BundleWritten(Path(target), members, len(csv_files), photos, tuple(skipped))


def _add_photos(
    bundle: zipfile.ZipFile,
    photo_ids: Sequence[int],
    progress: Progress,
    cancelled: Cancelled | None,
) -> tuple[int, list[str]]:
    """Each photo, cleaned, under ``photos/``; returns how many went in and those left out."""
    taken: set[str] = set()
    skipped: list[str] = []
    wanted = list(dict.fromkeys(photo_ids))
    for done, photo_id in enumerate(wanted, start=1):
        check_cancelled(cancelled)
        info = photo_store.photo_info(photo_id)
        data = photo_store.original(photo_id)
        if info is None or data is None:
            skipped.append(f"photo {photo_id}: it is no longer in the journal")
            continue
        try:
            picture, suffix = clean_picture(bytes(data), info.format)
        except ExportFailed as failure:
            day = info.taken_at.date().isoformat()
            skipped.append(f"the {info.region.label.lower()} photo of {day}: {failure.message}")
            continue
        name = _unique(export_name(info.taken_at, info.region, suffix), taken)
        # Photos are compressed already: stored as they are, which is quicker and as small.
        bundle.writestr(f"{PHOTO_FOLDER}/{name}", picture, compress_type=zipfile.ZIP_STORED)
        progress(done, len(wanted))
    return len(wanted) - len(skipped), skipped


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or 'name (2)' and so on if the bundle already holds it."""
    stem, suffix = os.path.splitext(name)
    number = 1
    candidate = name
    while candidate in taken:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    taken.add(candidate)
    return candidate
