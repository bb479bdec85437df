"""The ``hairjournal`` command: open the window, render a screenshot, or work on a journal file."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hairjournal import APP_NAME, __version__
from hairjournal.core.enums import ScalpRegion

VIEWS = ("dashboard", "log", "sessions", "photos", "charts", "export")

NO_DISPLAY_MESSAGE = (
    "hairjournal: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "Run it from a desktop session, under a virtual display (xvfb-run -a hairjournal), or\n"
    "render a view to a picture instead: hairjournal --screenshot FILE.png [--view NAME]"
)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT such as 1280x800, not {text!r}"
        ) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240 to 8000x8000")
    return width, height


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hairjournal",
        description=(
            f"{APP_NAME}: a private journal for hair-loss treatment. With no command it opens "
            "the window on your journal (or the one given with --journal)."
        ),
        epilog=(
            "Run 'hairjournal COMMAND --help' for a command's options. Everything stays on this "
            "computer; the app never uses the network."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--journal", type=Path, metavar="PATH", help="the journal file to open (default: yours)"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render a view to a PNG file without showing a window, then exit",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default="dashboard",
        help="with --screenshot: the view to render (default: dashboard)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1280, 800),
        metavar="WxH",
        help="with --screenshot: the window size in pixels (default: 1280x800)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="write a demo journal to try the app with",
        description=(
            "Write a realistic demo journal: about nine months of androgenetic alopecia with six "
            "exosome micro-injection sessions four weeks apart, topical minoxidil, daily counts "
            "by two protocols, a fever and the shedding that follows it, weekly check-ins, "
            "clinic figures and a scalp photo a month of four regions. The same --seed and --end "
            "always give the same journal."
        ),
    )
    demo.add_argument("path", type=Path, metavar="PATH", help="the new journal file to write")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    demo.add_argument(
        "--end", type=_date, metavar="DATE", help="the last day of the demo (default: today)"
    )
    demo.add_argument(
        "--no-photos",
        action="store_true",
        help="leave out the generated scalp photos (much quicker, and a far smaller file)",
    )

    check = commands.add_parser(
        "check",
        help="check a journal file without changing it",
        description=(
            "Run SQLite's quick_check and foreign_key_check and the schema version check on a "
            "journal, read-only, and print what it holds. Exits 1 if anything is wrong."
        ),
    )
    check.add_argument("path", type=Path, metavar="PATH", help="the journal file to check")

    add_photos = commands.add_parser(
        "add-photos",
        help="import scalp photos into a journal",
        description=(
            "Import photos (JPEG, PNG, WebP, HEIC; folders are searched for them) into a "
            "journal. Prints one line per file: imported, already in the journal, or refused "
            "with the reason. Exits 1 if any file was refused."
        ),
    )
    add_photos.add_argument("journal", type=Path, metavar="JOURNAL", help="the journal file")
    add_photos.add_argument("files", type=Path, nargs="+", metavar="FILE", help="photos or folders")
    add_photos.add_argument(
        "--region",
        required=True,
        choices=ScalpRegion.codes(),
        help="the part of the scalp the photos show",
    )
    add_photos.add_argument(
        "--taken",
        type=_date,
        metavar="DATE",
        help="the day the photos were taken (default: from the photo, else the file's date)",
    )
    return parser


def has_display() -> bool:
    """Whether Qt can open a window here without aborting the process."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # every file the app creates is private to its owner
    if args.command == "demo":
        return _demo(args)
    if args.command == "check":
        return _check(args)
    if args.command == "add-photos":
        return _add_photos(args)
    if args.screenshot is None and not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    if args.screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from hairjournal import app  # Qt is loaded only once we know it can start

    if args.screenshot is not None:
        return app.render_screenshot(args.screenshot, args.view, args.size, args.journal)
    return app.run_gui(args.journal)


def _demo(args: argparse.Namespace) -> int:
    from hairjournal.services.demo import write_demo
    from hairjournal.store.journal import JournalRefused

    try:
        summary = write_demo(args.path, seed=args.seed, end=args.end, photos=not args.no_photos)
    except JournalRefused as refused:
        print(f"hairjournal demo: {refused.message}", file=sys.stderr)
        return 1
    print(f"Wrote a demo journal to {args.path}: {summary}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from hairjournal.store.check import check_journal

    report = check_journal(args.path)
    print(report.describe())
    return 0 if report.ok else 1


def _add_photos(args: argparse.Namespace) -> int:
    from hairjournal.services.photo_import import Outcome, import_photos
    from hairjournal.store.journal import JournalRefused, open_journal

    try:
        journal = open_journal(args.journal)
    except JournalRefused as refused:
        print(f"hairjournal add-photos: {refused.message}", file=sys.stderr)
        return 1
    with journal:
        results = import_photos(args.files, ScalpRegion(args.region), taken=args.taken)
    for result in results:
        print(result.describe())
    counts = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    print(
        f"{counts[Outcome.IMPORTED]} imported, {counts[Outcome.DUPLICATE]} already in the "
        f"journal, {counts[Outcome.REFUSED]} refused."
    )
    return 1 if counts[Outcome.REFUSED] else 0
