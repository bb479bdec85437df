"""The desktop integration's files as a Linux desktop reads them: entries, icons, validators."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP_ENTRY = PACKAGING / "hairjournal.desktop"
METAINFO = PACKAGING / "org.hairjournal.HairJournal.metainfo.xml"
MIME_XML = PACKAGING / "hairjournal-mime.xml"
ICONS = ROOT / "resources" / "icons"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def read_entry(path: Path) -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys, with the spec's string escapes undone."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return {key: unescape(value) for key, value in parser["Desktop Entry"].items()}


def unescape(value: str) -> str:
    """A desktop entry string with ``\\s``, ``\\n``, ``\\t``, ``\\r`` and ``\\\\`` undone."""
    return re.sub(r"\\(.)", lambda match: STRING_ESCAPES.get(match[1], match[0]), value)


def exec_arguments(entry: dict[str, str], file: Path | None) -> list[str]:
    """The command line a launcher runs for ``Exec`` when opening ``file`` (or no file)."""
    arguments = []
    for argument in shlex.split(entry["Exec"]):  # the spec's quoting is a subset of the shell's
        if argument == "%f":
            if file is not None:
                arguments.append(str(file))
        else:
            arguments.append(argument.replace("%%", "%"))
    return arguments


def require(tool: str, package: str) -> str:
    """The path of a desktop tool; if it is missing the test is skipped, saying how to get it."""
    executable = shutil.which(tool)
    if executable is None:
        pytest.skip(f"{tool} is not installed (Debian: apt-get install {package})")
    return executable


def validate(tool: str, *arguments: str | Path, package: str) -> str:
    """Run a freedesktop validator on files; it must pass."""
    executable = require(tool, package)
    result = subprocess.run(
        [executable, *map(str, arguments)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def assert_theme_icons(hicolor: Path) -> None:
    """Every size of the app's icon is in ``hicolor`` and each PNG has the size its folder says."""
    pngs = sorted(hicolor.glob("*/apps/hairjournal.png"))
    assert sorted(int(png.parent.parent.name.split("x")[0]) for png in pngs) == sorted(THEME_SIZES)
    for png in pngs:
        width, height = (int(part) for part in png.parent.parent.name.split("x"))
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.size == (width, height), png
            assert image.mode == "RGBA"  # a transparent background around the rounded square
            assert image.getpixel((0, 0))[3] == 0
            assert image.getpixel((width // 2, height // 2))[3] == 255
