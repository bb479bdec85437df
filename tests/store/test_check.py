"""Checking a journal file: what it reports, and that the file is never changed by it."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hairjournal.core.enums import ShedProtocol
from hairjournal.services.demo import DemoSummary, write_demo
from hairjournal.store.check import check_journal
from hairjournal.store.journal import read_only_connection
from hairjournal.store.migrations import SCHEMA_VERSION
from tests.journal_files import V1_FIXTURE, folder_fingerprint, make_newer_journal, make_sqlite

END = dt.date(2026, 11, 20)


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, DemoSummary]:
    path = tmp_path / "demo.hairjournal"
    return path, write_demo(path, seed=4, end=END, photos=False)


def count_by_protocol(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT protocol, count(*) FROM shed_count GROUP BY protocol")
        return {ShedProtocol(code).label: count for code, count in rows}
    finally:
        connection.close()


def test_healthy_demo_journal(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    before = folder_fingerprint(path.parent)
    report = check_journal(path)
    assert report.ok
    assert report.problems == ()
    contents = report.contents
    assert contents is not None
    assert (contents.title, contents.condition) == (
        "Demo journal",
        "Androgenetic alopecia (male pattern)",
    )
    assert contents.last_date == END
    assert (contents.last_date - contents.first_date).days + 1 == summary.days
    assert contents.treatments == {"Exosomes": 1, "Minoxidil (topical)": 1}
    assert contents.shed_counts == count_by_protocol(path)
    assert sum(contents.shed_counts.values()) == summary.shed_counts
    assert (
        contents.sessions,
        contents.checkins,
        contents.events,
        contents.measurements,
        contents.photos,
        contents.photo_bytes,
    ) == (6, summary.checkins, summary.events, summary.measurements, 0, 0)
    text = report.describe()
    assert text.startswith("demo.hairjournal is healthy.")
    assert f"Journal format: {SCHEMA_VERSION} (current)" in text
    assert "Sessions: 6" in text
    assert f"Shedding counts: {summary.shed_counts} (Daily total " in text
    assert folder_fingerprint(path.parent) == before


def write_empty(path: Path) -> None:
    path.write_bytes(b"")


def write_text(path: Path) -> None:
    path.write_text("shopping list: shampoo, minoxidil\n" * 20)


def write_foreign(path: Path) -> None:
    make_sqlite(path, application_id=0x12345678)


def write_newer(path: Path) -> None:
    make_newer_journal(path, SCHEMA_VERSION + 1)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (write_empty, "is empty (0 bytes)"),
        (write_text, "not an SQLite database at all"),
        (write_foreign, "made by another program"),
        (write_newer, "newer version of Hair Journal"),
    ],
)
def test_files_we_would_not_open_fail_the_check(
    tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    path = tmp_path / "suspect.hairjournal"
    make(path)
    before = folder_fingerprint(tmp_path)
    report = check_journal(path)
    assert not report.ok
    assert len(report.problems) == 1
    assert expected in report.problems[0]
    assert report.contents is None
    assert report.describe().startswith("suspect.hairjournal has problems.")
    assert folder_fingerprint(tmp_path) == before


def test_missing_file_fails_the_check(tmp_path: Path) -> None:
    report = check_journal(tmp_path / "nowhere.hairjournal")
    assert not report.ok
    assert "There is no journal at" in report.problems[0]
    assert list(tmp_path.iterdir()) == []


def zero_a_table_leaf_page(path: Path, table: str) -> None:
    """Overwrite with zeros the last leaf page of ``table``'s b-tree (its root's right child)."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    root_page = data[(root - 1) * page_size : root * page_size]
    assert root_page[0] == 0x05, "the table should span several pages under an interior root"
    leaf = int.from_bytes(root_page[8:12], "big")  # the right-most child pointer
    assert data[(leaf - 1) * page_size] == 0x0D  # a table leaf page
    data[(leaf - 1) * page_size : leaf * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))


def quick_check(path: Path) -> str:
    with read_only_connection(path) as connection:
        try:
            return "; ".join(row[0] for row in connection.execute("PRAGMA quick_check"))
        except sqlite3.DatabaseError as error:
            return f"error: {error}"


def test_page_corrupted_journal_fails_the_check(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    zero_a_table_leaf_page(path, "shed_count")
    # The damage hides from simple queries; only a check of the whole file finds it.
    with read_only_connection(path) as connection:
        assert connection.execute("SELECT title FROM journal").fetchone() == ("Demo journal",)
        assert connection.execute("SELECT count(*) FROM session").fetchone() == (6,)
    assert quick_check(path) != "ok"
    before = folder_fingerprint(path.parent)
    report = check_journal(path)
    assert not report.ok
    assert "is damaged and cannot be trusted" in report.problems[0]
    assert "demo.hairjournal has problems." in report.describe()
    assert folder_fingerprint(path.parent) == before


def test_orphaned_rows_fail_the_check(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    connection = sqlite3.connect(path)  # foreign keys are off in a plain connection
    with connection:
        connection.execute("UPDATE session SET treatment_id = 99 WHERE id IN (1, 2)")
    connection.close()
    report = check_journal(path)
    assert not report.ok
    assert report.problems == ("2 rows point at records that do not exist (foreign_key_check).",)
    assert report.contents is not None
    assert report.contents.sessions == 6


def test_older_journal_passes_and_will_be_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.hairjournal"
    shutil.copyfile(V1_FIXTURE, path)
    before = folder_fingerprint(tmp_path)
    report = check_journal(path)
    assert report.ok
    assert f"Journal format: 1, older than this version's {SCHEMA_VERSION}" in report.describe()
    assert "will be upgraded when opened" in report.describe()
    assert report.contents is not None
    assert report.contents.photos >= 1
    assert report.contents.photo_bytes > 0
    assert folder_fingerprint(tmp_path) == before


# Opens a journal for writing, adds a check-in, says so, and keeps it open until told to stop.
WRITER = """
import datetime as dt, sys
from hairjournal.store import models
from hairjournal.store.journal import open_journal
with open_journal(sys.argv[1]):
    models.Checkin.create(date=dt.date.fromisoformat(sys.argv[2]), density=7)
    print("open", flush=True)
    sys.stdin.readline()
"""


def test_journal_open_in_another_process_can_be_checked(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    day_after = END + dt.timedelta(days=1)
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), day_after.isoformat()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdin is not None
        assert writer.stdout is not None
        try:
            assert writer.stdout.readline() == "open\n"
            wal = path.with_name(path.name + "-wal")
            assert wal.stat().st_size > 0  # the new check-in is in the write-ahead log only
            report = check_journal(path)
            assert wal.exists()
        finally:
            writer.stdin.write("\n")
            writer.stdin.close()
    assert writer.returncode == 0
    assert report.ok
    assert report.contents is not None
    assert report.contents.checkins == summary.checkins + 1
    assert report.contents.last_date == day_after
