"""Printing in a process of its own: images arrive whole, pages are reported, Cancel stops it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from hairjournal.services.export_file import ExportCancelled, ExportError
from hairjournal.services.report_html import ReportPage
from hairjournal.services.report_pdf import Paper
from hairjournal.services.report_printer import flat, print_in_process, unflat
from tests.pdf_files import image_sizes, page_count, pdf_text


def pattern(kind: QImage.Format) -> QImage:
    image = QImage(321, 123, kind)  # an odd width: lines padded to four bytes
    image.fill(Qt.GlobalColor.transparent if image.hasAlphaChannel() else QColor("white"))
    painter = QPainter(image)
    painter.fillRect(10, 10, 100, 50, QColor(200, 30, 40, 180))
    painter.end()
    return image


@pytest.mark.parametrize(
    "kind",
    [QImage.Format.Format_RGB888, QImage.Format.Format_ARGB32_Premultiplied],
)
def test_an_image_goes_to_the_other_process_pixel_for_pixel(kind: QImage.Format) -> None:
    image = pattern(kind)
    assert unflat(flat(image)) == image


def long_page(pages: int = 3) -> ReportPage:
    words = "".join(f"<p>Paragraph {n} of the summary.</p>" for n in range(45 * pages))
    page = ReportPage(f"<html><body>{words}<img src='report:a' width='300'></body></html>")
    page.images["report:a"] = pattern(QImage.Format.Format_RGB888)
    return page


def test_the_pages_are_printed_and_reported_one_by_one(qapp: QApplication, tmp_path: Path) -> None:
    reported: list[tuple[int, int]] = []
    target = tmp_path / "summary.pdf"
    pages = print_in_process(
        long_page(),
        target,
        title="A summary",
        footer="footer words",
        paper=Paper.A4,
        progress=lambda done, total: reported.append((done, total)),
    )
    assert pages == page_count(target) >= 3
    assert reported == [(n, pages) for n in range(1, pages + 1)]
    assert "Paragraph 0 of the summary." in pdf_text(target)
    assert f"footer words Page {pages} of {pages}" in pdf_text(target)
    assert image_sizes(target) == [(321, 123)]


def test_cancel_stops_the_printing_process(qapp: QApplication, tmp_path: Path) -> None:
    reported: list[int] = []
    before = threading.active_count()
    with pytest.raises(ExportCancelled):
        print_in_process(
            long_page(40),
            tmp_path / "summary.pdf",
            title="A summary",
            footer="",
            paper=Paper.A4,
            progress=lambda done, _total: reported.append(done),
            cancelled=lambda: bool(reported),
        )
    assert 1 <= len(reported) < 40
    assert threading.active_count() == before


def test_a_file_that_cannot_be_written_is_said_in_plain_words(
    qapp: QApplication, tmp_path: Path
) -> None:
    target = tmp_path / "gone" / "summary.pdf"
    with pytest.raises(ExportError) as raised:
        print_in_process(long_page(1), target, title="", footer="", paper=Paper.A4)
    assert raised.value.message == f"the folder {tmp_path / 'gone'} does not exist"
