"""The ``hairjournal`` command: open the window, render a screenshot, or work on a journal file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hairjournal import APP_NAME, __version__
from hairjournal.commands import command_modules, command_name

VIEWS = ("dashboard", "log", "sessions", "photos", "compare", "charts", "export")

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
        "--journal",
        type=Path,
        nargs="?",  # a menu entry's "--journal %f" started without a file passes no PATH
        metavar="PATH",
        help="the journal file to open (default: yours)",
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
    for module in command_modules():
        command = commands.add_parser(
            command_name(module), help=module.HELP, description=module.DESCRIPTION
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
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
    if args.command is not None:
        return args.run(args)
    if args.screenshot is None and not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    if args.screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from hairjournal import app  # Qt is loaded only once we know it can start

    if args.screenshot is not None:
        return app.render_screenshot(args.screenshot, args.view, args.size, args.journal)
    return app.run_gui(args.journal)
