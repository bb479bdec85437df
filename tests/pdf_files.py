"""Reading a PDF the way a person's tools do: poppler's pdftotext, pdfinfo and pdftoppm, run as
separate processes."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _run(*command: str | Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of white space made one space, so that phrases broken
    across lines or table cells can be found whole."""
    return " ".join(_run("pdftotext", path, "-").split())


def page_texts(path: Path) -> list[str]:
    """Each page's text (pdftotext separates pages with a form feed)."""
    return [" ".join(page.split()) for page in _run("pdftotext", path, "-").split("\f")[:-1]]


def page_count(path: Path) -> int:
    for line in _run("pdfinfo", path).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo gave no page count for {path}")


def page_size_points(path: Path) -> tuple[float, float]:
    """The first page's width and height in points (1/72 inch)."""
    for line in _run("pdfinfo", path).splitlines():
        if line.startswith("Page size:"):
            width, _x, height = line.split()[2:5]
            return float(width), float(height)
    raise AssertionError(f"pdfinfo gave no page size for {path}")


def render_pages(path: Path, folder: Path, dpi: int = 40) -> list[Path]:
    """Every page rendered to a PNG in ``folder``, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    _run("pdftoppm", "-png", "-r", str(dpi), path, folder / "page")
    return sorted(folder.glob("page-*.png"))


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """The pixel size of each image the PDF holds, in page order (pdfimages -list)."""
    lines = _run("pdfimages", "-list", path).splitlines()[2:]
    return [(int(line.split()[3]), int(line.split()[4])) for line in lines if line.strip()]
