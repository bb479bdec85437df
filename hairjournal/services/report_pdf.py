"""HTML printed to a paged PDF with QTextDocument and QPdfWriter, each page numbered.

The writer works at 96 dots per inch, the unit Qt's rich text lays out in, so an image given
``width='657'`` fills the text width; images keep their own pixels inside the PDF, so charts
drawn at twice that width stay sharp. Text is vector and searchable. Both classes may be used
off the GUI thread (nothing here makes a QPixmap).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from hairjournal.services.export_file import Cancelled, Progress, check_cancelled
from hairjournal.services.report_html import STYLE, ReportPage

DOTS_PER_INCH = 96
MARGINS_MM = QMarginsF(18, 15, 18, 12)
FOOTER_HEIGHT = 28  # px at 96 dpi, below the text on every page
FONT_FAMILY = "DejaVu Sans"  # where installed; Qt falls back to the system's sans serif


class Paper(Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def page_size(self) -> QPageSize:
        size = QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.Letter
        return QPageSize(size)


def default_paper() -> Paper:
    """Letter where the locale measures in inches (the US and a few others), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return Paper.LETTER if imperial else Paper.A4


def print_pdf(
    page: ReportPage,
    path: Path,
    *,
    title: str,
    footer: str,
    paper: Paper,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print ``page`` to the PDF file ``path``; returns the number of pages.

    ``progress(pages printed, pages)`` after each page; ExportCancelled between pages when
    ``cancelled()``. The caller removes a file left unfinished.
    """
    with open(path, "wb"):  # the system's reason, if it cannot be (Qt would give none)
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(DOTS_PER_INCH)
    writer.setPageSize(paper.page_size)
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Hair Journal")
    area = writer.pageLayout().paintRectPixels(DOTS_PER_INCH)
    width, height = float(area.width()), float(area.height() - FOOTER_HEIGHT)

    document = QTextDocument()
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(9.5)
    # No ligatures: text copied from the PDF (or searched in it) reads 'fi', not one glyph 'ﬁ'.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    for url, image in page.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(page.html)
    document.setPageSize(QSizeF(width, height))
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path} could not be opened for writing")
    try:
        small = QFont(font)
        small.setPointSizeF(7.5)
        for number in range(pages):
            check_cancelled(cancelled)
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor(110, 110, 110))
            painter.drawText(
                QRectF(0, height, width, FOOTER_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                footer,
            )
            painter.drawText(
                QRectF(0, height, width, FOOTER_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                f"Page {number + 1} of {pages}",
            )
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()
    return pages
