"""CSV export: one private file per kind of record, documented columns, cells a spreadsheet
will not run as formulas, numbers as numbers, and the Excel variants."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from hairjournal.core.enums import MeasurementKind, Route, ShedProtocol, TreatmentKind
from hairjournal.services.csv_export import ExportCancelled, export_csv_files, write_csv_files
from hairjournal.services.csv_format import KINDS
from hairjournal.store import models
from hairjournal.store.journal import open_journal, read_only_connection
from tests.journal_files import make_journal
from tests.services.csv_journals import INJECTION, write_journal

NAMES = [
    "treatments.csv",
    "sessions.csv",
    "shed_counts.csv",
    "checkins.csv",
    "events.csv",
    "measurements.csv",
    "photos.csv",
]


def _rows(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=delimiter))


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "j.hairjournal"
    records = {
        "treatments": [
            {
                "kind": TreatmentKind.EXOSOME,
                "product": "=cmd|' /C calc'!A0",
                "started_on": dt.date(2025, 1, 6),
                "stopped_on": None,
                "dose": "'quoted",
                "next_session_on": None,
                "baseline_from": None,
                "baseline_to": None,
                "notes": "-3 is not a number here",
            }
        ],
        "sessions": [
            {
                "treatment": 0,
                "date": dt.date(2025, 1, 6),
                "route": Route.MICRO_INJECTION,
                "product": "",
                "maker": "+maker",
                "lot": "@lot",
                "cell_source": "adsc",
                "volume_ml": 2.5,
                "needle_depth_mm": 1.0,
                "areas": ["vertex", "frontal"],
                "clinic": "\tTabbed",
                "pain": 3,
                "side_effects": ["itch; then redness"],
                "cost": 450.75,
                "notes": "\rreturn",
            }
        ],
        "shed_counts": [
            {
                "date": dt.date(2025, 1, 7),
                "protocol": ShedProtocol.DAILY_TOTAL,
                "value": 85,
                "wash_day": True,
                "notes": INJECTION,
            },
            {
                "date": dt.date(2025, 1, 8),
                "protocol": ShedProtocol.DAILY_TOTAL,
                "value": 0,
                "wash_day": False,
                "notes": "",
            },
        ],
        "checkins": [],
        "events": [],
        "measurements": [
            {
                "date": dt.date(2025, 1, 6),
                "kind": MeasurementKind.NORWOOD,
                "value": 5,
                "site": "",
                "notes": "",
            },
            {
                "date": dt.date(2025, 1, 6),
                "kind": MeasurementKind.SHAFT_DIAMETER_UM,
                "value": 61.3,
                "site": "vertex",
                "notes": "",
            },
        ],
    }
    write_journal(path, records, photos=1)
    return path


def test_one_private_file_per_kind_with_the_documented_header(
    journal: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    with open_journal(journal):
        files = write_csv_files(folder)
    assert [path.name for path in files] == NAMES
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path, kind in zip(files, KINDS, strict=True):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert _rows(path)[0] == kind.header
        assert not path.read_bytes().startswith(codecs.BOM_UTF8)
    assert _rows(folder / "shed_counts.csv")[1:] == [
        ["1", "2025-01-07", "daily_total", "85", "yes", "'" + INJECTION],
        ["2", "2025-01-08", "daily_total", "0", "no", ""],
    ]
    assert _rows(folder / "photos.csv")[1] == [
        "1",
        "2025-01-01 09:30:00",
        "vertex",
        "0" * 64,
        "JPEG",
        "4000",
        "3000",
        "'" + INJECTION,
        "",
    ]


def test_a_file_that_was_readable_by_others_becomes_private(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "events.csv").write_text("old")
    (folder / "events.csv").chmod(0o644)
    with open_journal(journal):
        write_csv_files(folder)
    assert stat.S_IMODE((folder / "events.csv").stat().st_mode) == 0o600
    assert _rows(folder / "events.csv") == [["id", "kind", "started_on", "ended_on", "notes"]]


def test_text_that_a_spreadsheet_would_run_is_neutralised_and_numbers_stay_numbers(
    journal: Path, tmp_path: Path
) -> None:
    with open_journal(journal):
        write_csv_files(tmp_path)
    course = dict(zip(*_rows(tmp_path / "treatments.csv"), strict=True))
    assert course["product"] == "'=cmd|' /C calc'!A0"
    assert course["dose"] == "''quoted"  # a leading apostrophe of its own is doubled
    assert course["notes"] == "'-3 is not a number here"
    session = dict(zip(*_rows(tmp_path / "sessions.csv"), strict=True))
    assert (session["maker"], session["lot"]) == ("'+maker", "'@lot")
    assert (session["clinic"], session["notes"]) == ("'\tTabbed", "'\rreturn")
    assert (session["volume_ml"], session["needle_depth_mm"], session["cost"]) == (
        "2.5",
        "1",
        "450.75",
    )
    assert session["areas"] == "vertex; frontal"
    assert session["side_effects"] == '["itch; then redness"]'  # a ; inside an item: JSON
    assert (session["treatment_kind"], session["treatment_started_on"]) == (
        "exosome",
        "2025-01-06",
    )
    figures = _rows(tmp_path / "measurements.csv")
    assert figures[1][2:5] == ["norwood", "5", "IIIa"]  # the position, and the stage's name
    assert figures[2][2:5] == ["shaft_diameter_um", "61.3", ""]


def test_for_excel_with_decimal_commas(journal: Path, tmp_path: Path) -> None:
    with open_journal(journal):
        files = write_csv_files(tmp_path, excel=True, decimal_comma=True)
    assert all(path.read_bytes().startswith(codecs.BOM_UTF8) for path in files)
    session = dict(zip(*_rows(tmp_path / "sessions.csv", ";"), strict=True))
    assert (session["volume_ml"], session["cost"]) == ("2,5", "450,75")
    assert _rows(tmp_path / "measurements.csv", ";")[2][3] == "61,3"
    assert b"\r\n" in (tmp_path / "shed_counts.csv").read_bytes()


def test_progress_counts_every_row(journal: Path, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    with open_journal(journal):
        write_csv_files(tmp_path, progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (7, 7)  # a course, a session, 2 counts, 2 clinic figures, a photo
    assert all(done <= total for done, total in reports)


def test_cancel_removes_what_was_written(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "big.hairjournal", counts=5000)
    folder = tmp_path / "export"
    with open_journal(journal), pytest.raises(ExportCancelled):
        write_csv_files(folder, cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_a_read_only_connection_exports_without_writing_the_journal(
    journal: Path, tmp_path: Path
) -> None:
    before = journal.read_bytes()
    siblings = sorted(p.name for p in journal.parent.iterdir())
    with read_only_connection(journal) as connection:
        files = export_csv_files(connection, tmp_path / "out")
    assert len(files) == len(NAMES)
    assert journal.read_bytes() == before
    assert sorted(p.name for p in journal.parent.iterdir()) == [*siblings, "out"]


def test_a_journal_from_before_a_column_existed_exports_it_empty(
    journal: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "old.hairjournal"
    with sqlite3.connect(journal) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    connection = sqlite3.connect(copy)
    connection.execute("ALTER TABLE treatment DROP COLUMN next_session_on")
    connection.close()
    with read_only_connection(copy) as reading:
        export_csv_files(reading, tmp_path / "out")
    course = dict(zip(*_rows(tmp_path / "out" / "treatments.csv"), strict=True))
    assert course["next_session_on"] == ""
    assert course["kind"] == "exosome"


def test_rows_stream_in_the_order_they_were_added(tmp_path: Path) -> None:
    journal = make_journal(tmp_path / "big.hairjournal", counts=3000)
    with open_journal(journal):
        models.ShedCount.delete().where(models.ShedCount.id == 2).execute()
        write_csv_files(tmp_path / "out")
    rows = _rows(tmp_path / "out" / "shed_counts.csv")
    assert len(rows) == 3000
    assert [row[0] for row in rows[1:4]] == ["1", "3", "4"]


def test_the_readme_documents_every_file_and_column() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## CSV files\n", 1)[1].split("\n## ", 1)[0]
    for kind in KINDS:
        assert f"| {kind.file_name} |" in section, kind.file_name
        for column in kind.header:
            assert f"`{column}`" in section, f"{kind.file_name}: {column}"
        for code in (c for column in kind.columns if column.choice for c in column.choice.codes()):
            assert f"`{code}`" in section, code
