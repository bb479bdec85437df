"""The summary printed to PDF in a process of its own.

Qt lays out and draws rich text while holding Python's lock, for up to a tenth of a second a
page (each photo is compressed as it is drawn), so on a thread the window would stall. A
separate process shares no lock: it gets the HTML and the images' pixels, prints them with
``report_pdf.print_pdf`` and reports each page; Cancel stops it at once.
"""

from __future__ import annotations

import os
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from PySide6.QtGui import QImage

from hairjournal.services.export_file import (
    Cancelled,
    ExportError,
    Progress,
    check_cancelled,
    why_not_written,
)
from hairjournal.services.photo_import import worker_context
from hairjournal.services.report_html import ReportPage
from hairjournal.services.report_pdf import Paper, print_pdf

POLL_SECONDS = 0.05  # how often Cancel is looked at while the process prints
STOPPED = "the process printing it stopped unexpectedly"

FlatImage = tuple[int, int, int, int, bytes]  # width, height, bytes per line, format, pixels


def flat(image: QImage) -> FlatImage:
    """An image as plain values that can go to another process."""
    return (
        image.width(),
        image.height(),
        image.bytesPerLine(),
        image.format().value,
        bytes(image.constBits()),
    )


def unflat(values: FlatImage) -> QImage:
    width, height, per_line, kind, pixels = values
    # A copy: the QImage must own its pixels once ``pixels`` goes.
    return QImage(pixels, width, height, per_line, QImage.Format(kind)).copy()


def print_in_process(
    page: ReportPage,
    path: Path,
    *,
    title: str,
    footer: str,
    paper: Paper,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """``report_pdf.print_pdf`` in a process of its own; returns the number of pages.

    Raises ExportCancelled (the process is stopped) or ExportError; the caller removes the
    unfinished file.
    """
    context = worker_context()
    receiver, sender = context.Pipe(duplex=False)
    images = {url: flat(image) for url, image in page.images.items()}
    process = context.Process(  # type: ignore[attr-defined]
        target=_print,
        args=(page.html, images, str(path), title, footer, paper.value, sender),
        daemon=True,
    )
    process.start()
    sender.close()  # the child's end: without this, a dead child would never be noticed
    pages: int | None = None
    try:
        while pages is None:
            check_cancelled(cancelled)
            if not receiver.poll(POLL_SECONDS):
                if not process.is_alive() and not receiver.poll():
                    raise ExportError(STOPPED)
                continue
            try:
                message = receiver.recv()
            except EOFError:
                raise ExportError(STOPPED) from None
            if message[0] == "page" and progress is not None:
                progress(message[1], message[2])
            elif message[0] == "done":
                pages = message[1]
            elif message[0] == "failed":
                raise ExportError(message[1])
    except BaseException:
        process.terminate()
        raise
    finally:
        receiver.close()
        process.join()
    return pages


def _print(
    html: str,
    images: dict[str, FlatImage],
    path: str,
    title: str,
    footer: str,
    paper: str,
    sender: Connection,
) -> None:
    """The printing process: a window-less Qt, the page printed, each step sent back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the parent, which stops us
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # it never shows a window
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication.instance() or QGuiApplication(["hairjournal-print"])
    try:
        page = ReportPage(html, {url: unflat(values) for url, values in images.items()})
        pages = print_pdf(
            page,
            Path(path),
            title=title,
            footer=footer,
            paper=Paper(paper),
            progress=lambda done, total: sender.send(("page", done, total)),
        )
        sender.send(("done", pages))
    except OSError as error:
        sender.send(("failed", why_not_written(error, Path(path))))
    finally:
        sender.close()
        del application
