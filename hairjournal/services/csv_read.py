"""Reading a CSV file whatever wrote it: its encoding, its separator, and its rows of cells.

Spreadsheets write CSV in several ways: UTF-8 with or without a byte-order mark, Excel's
"Unicode text" (UTF-16 with a byte-order mark, tab-separated), Windows-1252 from older
versions, and semicolons where the decimal separator is a comma. All are read here.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 512 * 1024 * 1024  # far beyond a lifetime of daily entries
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
SAMPLE_ROWS = 200
csv.field_size_limit(16 * 1024 * 1024)  # a long note is fine; the default 128 KB is not


class UnreadableFile(Exception):
    """The file cannot be read as a table; ``message`` says why in plain words."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Table:
    """A file's rows of cells as read; ``rows[0]`` is the first line (usually the header)."""

    path: Path
    rows: list[list[str]]
    encoding: str  # as people read it
    separator: str

    @property
    def separator_name(self) -> str:
        return SEPARATORS.get(self.separator, repr(self.separator))

    def describe(self) -> str:
        return f"{self.encoding}, cells separated by {self.separator_name}"


def read_table(path: Path) -> Table:
    """Read ``path``; raises ``UnreadableFile`` if it is not a text table."""
    path = Path(path)
    try:
        if path.is_symlink():
            raise UnreadableFile(path, f"{path.name} is a link; choose the file itself.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(path, f"{path.name} is too large to be a journal's CSV file.")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(path, f"{path.name} cannot be read: {error.strerror}.") from error
    text, encoding = _decode(path, data)
    if not text.strip():
        raise UnreadableFile(path, f"{path.name} is empty.")
    separator = _separator(text)
    try:
        # A loop, not list(): between rows the window's thread gets its turn to run.
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)]
    except csv.Error as error:
        raise UnreadableFile(path, f"{path.name} is not a readable CSV file ({error}).") from error
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # blank lines at the end
    if not rows:  # nothing but blank lines and empty quotes
        raise UnreadableFile(path, f"{path.name} is empty.")
    return Table(path, rows, encoding, separator)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _text(path, data[len(codecs.BOM_UTF8) :], "utf-8"), "UTF-8 with byte-order mark"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _text(path, data[len(bom) :], codec), "UTF-16 (Unicode text)"
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a byte-order mark: every other byte of Latin text is zero.
        codec = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        return _text(path, data, codec), "UTF-16 (Unicode text)"
    if b"\x00" in data:
        raise UnreadableFile(path, f"{path.name} is not a text file (it holds binary data).")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (Western European)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1 (Latin-1)"


def _text(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            path, f"{path.name} says it is {codec.upper()} text but is not ({error.reason})."
        ) from error


def _separator(text: str) -> str:
    """The separator that splits the first rows into the same number of cells, most of them."""
    best, best_score = ",", (0.0, 0)
    # In order of preference when two split equally well.
    for candidate in ("\t", ";", ",", "|"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=candidate)
        try:
            rows = [row for row in itertools.islice(reader, SAMPLE_ROWS) if row]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        steady = sum(len(row) == width for row in rows) / len(rows)
        score = (steady, width)
        if score > best_score:
            best, best_score = candidate, score
    return best
