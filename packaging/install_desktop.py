"""Add Hair Journal to this user's desktop (menu entry, icons, file type, app details) or remove it.

Files go under ``$XDG_DATA_HOME`` (by default ``~/.local/share``): ``applications/``,
``icons/hicolor/``, ``mime/packages/`` and ``metainfo/``; the desktop's caches are refreshed
with ``update-desktop-database``, ``update-mime-database`` and ``gtk-update-icon-cache`` where
they are installed. Needs nothing but Python's standard library, so that it runs from a source
folder (``make install-desktop``) and from inside a packaged build alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The source folder, or a packaged build's ``_internal`` folder, which holds the same files.
ROOT = Path(__file__).resolve().parent.parent
DESKTOP_FILE = "hairjournal.desktop"
ICON_NAME = "hairjournal"
# Characters that the desktop entry spec reserves: an argument holding one must be quoted.
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Placement:
    """One file of the integration: where it comes from and where it goes under the data folder."""

    source: Path
    target: Path


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is set to an absolute path, else ``~/.local/share``."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def placements() -> list[Placement]:
    """Every file that ``install`` copies (the desktop entry is written, not copied)."""
    icons = ROOT / "resources" / "icons"
    found = [
        Placement(
            icons / "hairjournal.svg", Path("icons/hicolor/scalable/apps") / f"{ICON_NAME}.svg"
        ),
        Placement(
            ROOT / "packaging" / "hairjournal-mime.xml", Path("mime/packages/hairjournal.xml")
        ),
        Placement(
            ROOT / "packaging" / "org.hairjournal.HairJournal.metainfo.xml",
            Path("metainfo/org.hairjournal.HairJournal.metainfo.xml"),
        ),
    ]
    for png in sorted((icons / "hicolor").glob(f"*/apps/{ICON_NAME}.png")):
        found.append(Placement(png, Path("icons/hicolor") / png.relative_to(icons / "hicolor")))
    return found


def default_command() -> Path | None:
    """The Hair Journal to launch: the build this script ships in, else one in the source folder
    (a packaged build, then the development set-up), else ``hairjournal`` on the PATH."""
    if ROOT.name == "_internal" and (ROOT.parent / "hairjournal").is_file():
        return ROOT.parent / "hairjournal"
    built, developed = ROOT / "dist/hairjournal/hairjournal", ROOT / ".venv/bin/hairjournal"
    for candidate in (built, developed):
        if candidate.is_file():
            return candidate
    on_path = shutil.which("hairjournal")
    return Path(on_path) if on_path else None


def exec_argument(path: Path) -> str:
    """``path`` as one argument of a desktop entry's ``Exec`` key, quoted and escaped as the
    desktop entry spec asks (its quoting rule first, then the string escapes of the file)."""
    text = str(path)
    if RESERVED & set(text):
        for character in '\\"`$':
            text = text.replace(character, "\\" + character)
        text = f'"{text}"'
    return text.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(template: str, command: Path) -> str:
    """The packaged desktop entry with its ``Exec`` (and a ``TryExec``) pointing at ``command``,
    so the menu launches this copy of the app and hides the entry once it is gone."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            options = line.removeprefix("Exec=").split(" ", 1)[1:]
            lines.append(" ".join([f"Exec={exec_argument(command)}", *options]))
            lines.append("TryExec=" + str(command).replace("\\", "\\\\"))
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def refresh_caches(data: Path) -> list[str]:
    """Run whichever of the desktop's cache tools are installed; returns the ones that ran."""
    tools = {
        "update-desktop-database": ["-q", str(data / "applications")],
        "update-mime-database": [str(data / "mime")],
        "gtk-update-icon-cache": ["-q", "-t", "-f", str(data / "icons" / "hicolor")],
    }
    ran = []
    for tool, arguments in tools.items():
        executable = shutil.which(tool)
        if executable is None or not Path(arguments[-1]).is_dir():
            continue
        subprocess.run([executable, *arguments], check=True)
        ran.append(tool)
    return ran


def install(data: Path, command: Path) -> list[Path]:
    """Copy the integration's files under ``data``; returns the files written."""
    missing = [item.source for item in placements() if not item.source.is_file()]
    template = ROOT / "packaging" / DESKTOP_FILE
    if not template.is_file():
        missing.append(template)
    if missing:
        raise SystemExit(
            "install_desktop: these files are missing, so nothing was installed: "
            + ", ".join(str(path) for path in missing)
        )
    written = []
    for item in placements():
        target = data / item.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item.source, target)
        written.append(target)
    entry = data / "applications" / DESKTOP_FILE
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(template.read_text(encoding="utf-8"), command), "utf-8")
    written.append(entry)
    return written


def uninstall(data: Path) -> list[Path]:
    """Remove what ``install`` wrote under ``data``; returns the files removed."""
    targets = [data / item.target for item in placements()]
    targets.append(data / "applications" / DESKTOP_FILE)
    removed = []
    for target in targets:
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(target)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument(
        "--command",
        type=Path,
        metavar="PATH",
        help="the hairjournal program the menu entry starts (default: this build, else the "
        "source folder's packaged build or development set-up, else hairjournal on the PATH)",
    )
    args = parser.parse_args(argv)
    data = data_home()
    if args.action == "uninstall":
        removed = uninstall(data)
        refresh_caches(data)
        print(f"Removed {len(removed)} files of Hair Journal's desktop integration from {data}.")
        return 0
    command = args.command or default_command()
    if command is None:
        print(
            "install_desktop: there is no Hair Journal to start from the menu yet. Build one with "
            "'make package' or set one up with 'make run', or name it with --command PATH.",
            file=sys.stderr,
        )
        return 1
    command = command.absolute()
    if not (command.is_file() and os.access(command, os.X_OK)):
        print(f"install_desktop: {command} is not a program that can be run.", file=sys.stderr)
        return 1
    written = install(data, command)
    ran = refresh_caches(data)
    print(f"Installed {len(written)} files of Hair Journal's desktop integration under {data}.")
    print(f"The menu entry starts {command}.")
    if ran:
        print("Refreshed: " + ", ".join(ran) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
