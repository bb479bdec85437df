"""Render the app icon (resources/icons/hairjournal.svg) to the PNGs, .ico and .icns it ships as.

Run from the source folder with the project's Python: ``.venv/bin/python packaging/make_icons.py``.
The same SVG always gives the same files, so the results are kept in the repository; run this
again after changing the SVG. ``--out FOLDER`` writes the same layout under another folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = Path("resources/icons/hairjournal.svg")
# The sizes of the freedesktop icon theme's hicolor folders (the app's menu and window icon).
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows: what Explorer and the taskbar pick from
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # macOS: 1x and 2x of 16 to 512
ICO = Path("packaging/icons/hairjournal.ico")
ICNS = Path("packaging/icons/hairjournal.icns")


def theme_png(size: int) -> Path:
    """Where the PNG of ``size`` pixels lives, relative to the source folder."""
    return Path("resources/icons/hicolor") / f"{size}x{size}" / "apps" / "hairjournal.png"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn afresh at ``size`` pixels (sharper than scaling a large render down)."""
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return Image.frombytes("RGBA", (size, size), bytes(image.constBits()))


def make_icons(out: Path) -> list[Path]:
    """Write every icon file under ``out`` (the source folder's layout); returns what it wrote."""
    renderer = QSvgRenderer(str(ROOT / SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not an SVG that Qt can draw")
    images = {
        size: render(renderer, size) for size in sorted({*THEME_SIZES, *ICO_SIZES, *ICNS_SIZES})
    }
    written = []
    for size in THEME_SIZES:
        path = out / theme_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(path, "PNG", optimize=True)
        written.append(path)
    (out / ICO).parent.mkdir(parents=True, exist_ok=True)
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        out / ICO,
        "ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES],
    )
    largest_icns = images[max(ICNS_SIZES)]
    largest_icns.save(out / ICNS, "ICNS", append_images=[images[size] for size in ICNS_SIZES])
    written += [out / ICO, out / ICNS]
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT, help="the folder to write under (default: the source)"
    )
    args = parser.parse_args()
    application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in make_icons(args.out):
        print(path.relative_to(args.out))
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
