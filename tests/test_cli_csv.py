"""``hairjournal export --csv`` and ``hairjournal import-csv``, run as a person runs them."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from hairjournal.services.demo import write_demo
from tests.journal_files import folder_fingerprint, make_journal, make_sqlite
from tests.test_cli import hairjournal

END = dt.date(2026, 5, 20)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "journals" / "demo.hairjournal"
    path.parent.mkdir()
    write_demo(path, seed=4, end=END, photos=False)
    return path


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_export_writes_private_files_and_leaves_the_journal_as_it_was(
    demo: Path, tmp_path: Path
) -> None:
    before = folder_fingerprint(demo.parent)
    out = tmp_path / "for the clinic"
    result = hairjournal("export", demo, "--csv", out)
    assert result.returncode == 0, result.stderr
    assert folder_fingerprint(demo.parent) == before
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(
        f"{kind}.csv"
        for kind in (
            "treatments",
            "sessions",
            "shed_counts",
            "checkins",
            "events",
            "measurements",
            "photos",
        )
    )
    assert all(stat.S_IMODE((out / name).stat().st_mode) == 0o600 for name in names)
    counts = _count(demo, "shed_count")
    assert f"{out / 'shed_counts.csv'}: {counts} rows" in result.stdout.splitlines()
    assert "unencrypted" in result.stdout


def test_export_for_excel_with_decimal_commas(demo: Path, tmp_path: Path) -> None:
    result = hairjournal("export", demo, "--csv", tmp_path / "x", "--excel", "--decimal-comma")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "x" / "measurements.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;date;kind;value;stage;site;notes\r\n")


def test_export_refuses_a_file_that_is_not_a_journal(tmp_path: Path) -> None:
    other = make_sqlite(tmp_path / "other.db")
    result = hairjournal("export", other, "--csv", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith("hairjournal export: other.db is an SQLite database made by")
    assert not (tmp_path / "out").exists()


def test_export_then_import_into_a_new_journal_brings_everything_back(
    demo: Path, tmp_path: Path
) -> None:
    assert hairjournal("export", demo, "--csv", tmp_path / "out").returncode == 0
    target = make_journal(tmp_path / "new.hairjournal")
    files = sorted((tmp_path / "out").glob("*.csv"))
    files.remove(tmp_path / "out" / "photos.csv")
    result = hairjournal("import-csv", target, *files)
    assert result.returncode == 0, result.stdout + result.stderr
    for table in ("session", "shed_count", "checkin", "event", "measurement"):
        assert _count(target, table) == _count(demo, table), table
    # The new journal began with an exosome course; the demo's comes in beside it.
    assert _count(target, "treatment") == _count(demo, "treatment") + 1
    again = hairjournal("import-csv", target, *files)
    assert again.returncode == 0
    assert "0 records added to the journal." in again.stdout
    assert _count(target, "shed_count") == _count(demo, "shed_count")


def test_import_exits_1_when_a_row_is_refused_and_says_which(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "j.hairjournal")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Date;Hairs\n01.03.2025;85\n02.03.2025;-3\n", encoding="utf-8")
    result = hairjournal("import-csv", journal, sheet)
    assert result.returncode == 1
    assert "  row 3: refused. Hairs: A count cannot be negative." in result.stdout
    assert result.stdout.splitlines()[-1] == "1 record added to the journal."
    assert _count(journal, "shed_count") == 1


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "j.hairjournal")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Date,Hairs\n2025-03-01,85\n", encoding="utf-8")
    result = hairjournal("import-csv", journal, sheet, "--dry-run")
    assert result.returncode == 0
    assert "1 to import" in result.stdout
    assert result.stdout.splitlines()[-1] == "Dry run: nothing was written to the journal."
    assert _count(journal, "shed_count") == 0


def test_columns_protocol_and_date_order_from_the_command_line(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "j.hairjournal")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("when,a,b\n03/04/2025,40,12\n", encoding="utf-8")
    unclear = hairjournal("import-csv", journal, sheet, "--count-column", "3")
    assert unclear.returncode == 1
    assert "could be day/month/year or month/day/year" in unclear.stdout
    result = hairjournal(
        "import-csv",
        journal,
        sheet,
        "--count-column",
        "3",
        "--protocol",
        "comb_60s",
        "--date-order",
        "dmy",
    )
    assert result.returncode == 0, result.stdout
    connection = sqlite3.connect(journal)
    rows = connection.execute("SELECT date, protocol, value, notes FROM shed_count").fetchall()
    connection.close()
    assert rows == [("2025-04-03", "comb_60s", 12, "a: 40")]


def test_import_of_a_missing_file_says_so(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "j.hairjournal")
    result = hairjournal("import-csv", journal, tmp_path / "nowhere.csv")
    assert result.returncode == 1
    assert "nowhere.csv: not imported. nowhere.csv cannot be read: No such file or directory." in (
        result.stdout
    )
    assert "Traceback" not in result.stderr
