"""CSV import: files from Excel and LibreOffice in their many encodings and separators,
spreadsheets kept before the app, bad rows, duplicates, and all-or-nothing writes."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, ShedProtocol, TreatmentKind
from hairjournal.services.csv_dates import DateOrder
from hairjournal.services.csv_import import (
    Cancelled,
    ImportOptions,
    Mapping,
    Status,
    plan_import,
    run_import,
)
from hairjournal.store import models
from hairjournal.store.journal import OpenJournal, create_journal
from hairjournal.store.records import WriteFailed

TODAY = dt.date(2026, 6, 30)
OPTIONS = ImportOptions(today=TODAY)
SHED_HEADER = "id,date,protocol,value,wash_day,notes"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(
        tmp_path / "j.hairjournal",
        title="Import target",
        condition=Condition.AGA_FEMALE,
        first_treatment=(TreatmentKind.MINOXIDIL_TOPICAL, dt.date(2025, 1, 1)),
    ) as opened:
        yield opened


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _counts() -> list[tuple]:
    query = models.ShedCount.select(
        models.ShedCount.date,
        models.ShedCount.protocol,
        models.ShedCount.value,
        models.ShedCount.wash_day,
        models.ShedCount.notes,
    ).order_by(models.ShedCount.date, models.ShedCount.protocol)
    return [tuple(row) for row in query.tuples()]


def _reasons(result: object) -> list[str]:
    plan = result.plan if hasattr(result, "plan") else result  # type: ignore[attr-defined]
    return [f"{o.row} {o.status.name} {o.reason}" for o in plan.outcomes if o.reason]


# -- how files are written -------------------------------------------------------------------


def test_excel_unicode_text_utf16_with_tabs_and_day_first_dates(
    journal: OpenJournal, tmp_path: Path
) -> None:
    text = (
        "id\tdate\tprotocol\tvalue\twash_day\tnotes\r\n"
        "1\t14/03/2025\tdaily_total\t85\tyes\tCafé, “quoted”\r\n"
        "2\t03/04/2025\tshower\t40\tno\t\r\n"
    )
    path = tmp_path / "counts.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    plan = plan_import([path], OPTIONS).files[0]
    assert plan.table is not None
    assert plan.table.describe() == "UTF-16 (Unicode text), cells separated by tabs"
    assert plan.date_order is DateOrder.DAY_FIRST  # 14/03 settles 03/04 as the 3rd of April
    run_import([path], OPTIONS)
    assert _counts() == [
        (dt.date(2025, 3, 14), "daily_total", 85, True, "Café, “quoted”"),
        (dt.date(2025, 4, 3), "shower", 40, False, ""),
    ]


def test_semicolons_and_decimal_commas(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "measurements.csv",
        "id;date;kind;value;stage;site;notes\n"
        "1;2025-03-01;density_per_cm2;146,5;;vertex;\n"
        "2;2025-03-01;target_area_count;1.234;;vertex;thousands with a dot\n",
    )
    result = run_import([path], OPTIONS)
    assert result.plan.files[0].decimal_comma
    query = models.Measurement.select(models.Measurement.kind, models.Measurement.value)
    assert sorted(query.tuples()) == [("density_per_cm2", 146.5), ("target_area_count", 1234.0)]


def test_utf8_with_a_byte_order_mark(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(tmp_path, "counts.csv", f"\ufeff{SHED_HEADER}\n1,2025-03-01,brush,12,no,\n")
    result = run_import([path], OPTIONS)
    assert result.plan.files[0].table.encoding == "UTF-8 with byte-order mark"  # type: ignore[union-attr]
    assert _counts() == [(dt.date(2025, 3, 1), "brush", 12, False, "")]


def test_windows_1252_from_an_older_excel(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(tmp_path, "c.csv", f"{SHED_HEADER}\n1,2025-03-01,brush,12,no,Schön\n", "cp1252")
    run_import([path], OPTIONS)
    assert _counts()[0][-1] == "Schön"


# -- spreadsheets kept before the app --------------------------------------------------------


SHEET = (
    "Datum;Haare;Gewaschen;Bemerkung;Stimmung\n"
    "01.03.2025;85;ja;;gut\n"
    "02.03.2025;92;;nach dem Föhnen;\n"
    "\n"
    "03.03.2025;77;x;;müde\n"
)


def test_a_spreadsheet_is_read_through_the_guessed_mapping(
    journal: OpenJournal, tmp_path: Path
) -> None:
    path = _file(tmp_path, "meine_haare.csv", SHEET, "cp1252")
    result = run_import([path], ImportOptions(today=TODAY))
    plan = result.plan.files[0]
    assert plan.foreign
    assert plan.mapping == Mapping(
        "Datum", "Haare", ShedProtocol.DAILY_TOTAL, "Gewaschen", "Bemerkung"
    )
    assert not result.plan.refused_any
    assert _counts() == [
        (dt.date(2025, 3, 1), "daily_total", 85, True, "Stimmung: gut"),
        (dt.date(2025, 3, 2), "daily_total", 92, False, "nach dem Föhnen"),
        (dt.date(2025, 3, 3), "daily_total", 77, True, "Stimmung: müde"),
    ]


def test_a_spreadsheet_with_a_mapping_and_a_protocol(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "sheet.csv",
        "when,morning,evening comb test,comment\n3/14/2025,40,12,\n3/15/2025,38,,sick\n",
    )
    mapping = Mapping("when", "evening comb test", ShedProtocol.COMB_60S, "", "comment")
    result = run_import([path], ImportOptions(mapping=mapping, today=TODAY))
    assert result.plan.files[0].date_order is DateOrder.MONTH_FIRST
    assert _counts() == [(dt.date(2025, 3, 14), "comb_60s", 12, False, "morning: 40")]
    assert _reasons(result) == ["3 REFUSED evening comb test: Please enter the count."]


def test_a_sheet_without_a_header(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(tmp_path, "plain.csv", "2025-03-01,85\n2025-03-02,90\n")
    result = run_import([path], OPTIONS)
    assert result.plan.files[0].names == ["Column 1", "Column 2"]
    assert [o.row for o in result.plan.outcomes] == [1, 2]
    assert [row[2] for row in _counts()] == [85, 90]


def test_dates_that_could_be_read_either_way_are_asked_about(
    journal: OpenJournal, tmp_path: Path
) -> None:
    path = _file(tmp_path, "s.csv", "date,count\n03/04/2025,50\n04/05/2025,60\n")
    plan = plan_import([path], OPTIONS)
    assert plan.files[0].dates_unclear
    assert "3rd of April or the 4th of March" in plan.files[0].problem
    assert plan.refused_any
    run_import([path], ImportOptions(date_order=DateOrder.MONTH_FIRST, today=TODAY))
    assert [row[0] for row in _counts()] == [dt.date(2025, 3, 4), dt.date(2025, 4, 5)]


def test_a_sheet_naming_a_column_it_does_not_have(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(tmp_path, "s.csv", "date,count\n2025-03-01,50\n")
    options = ImportOptions(mapping=Mapping("date", "hairs"), today=TODAY)
    plan = plan_import([path], options).files[0]
    assert plan.problem == "It has no column “hairs”; its columns are: date, count."


# -- bad rows, duplicates, all or nothing --------------------------------------------------------


BAD = (
    f"{SHED_HEADER}\n"
    "1,2025-03-01,daily_total,85,yes,fine\n"
    "2,2025-03-02,daily_total,-4,no,negative\n"
    "3,2025-02-30,daily_total,50,no,no such day\n"
    "4,2099-01-01,daily_total,50,no,future\n"
    "5,2025-03-05,weekly,50,no,unknown protocol\n"
    "6,2025-03-06,visual_scale,9,no,\n"
    "7,2025-03-07,daily_total,1800,perhaps,\n"
    "8,2025-03-08,daily_total,1800,no,unusual but possible\n"
    "9,2025-03-09,daily_total,70,no,a,b\n"
)


def test_bad_rows_are_refused_by_number_with_the_reason_and_good_rows_go_in(
    journal: OpenJournal, tmp_path: Path
) -> None:
    result = run_import([_file(tmp_path, "shed_counts.csv", BAD)], OPTIONS)
    assert _reasons(result) == [
        "3 REFUSED value: A count cannot be negative.",
        "4 REFUSED date: “2025-02-30” is not a date on the calendar.",
        "5 REFUSED date: 1 Jan 2099 is in the future; today is 30 Jun 2026.",
        "6 REFUSED protocol: “weekly” is not one of: daily_total, shower, brush, comb_60s, "
        "wash_test, visual_scale.",
        "7 REFUSED value: A grade must be a whole number from 1 to 6, not 9.",
        "8 REFUSED wash_day: “perhaps” is neither yes nor no.",
        "9 NEW 1,800 is unusually high for a daily total (more than 1,500).",
        "10 REFUSED It has 7 cells, more than the file has columns; a text with the separator "
        "in it may need quotes.",
    ]
    assert [row[2] for row in _counts()] == [85, 1800]
    assert result.plan.refused_any
    lines = result.lines()
    assert lines[0] == (
        "shed_counts.csv (shedding counts; UTF-8, cells separated by commas): "
        "2 to import, 0 already in the journal, 7 refused"
    )
    assert "  row 3: refused. value: A count cannot be negative." in lines
    assert lines[-1] == "2 records added to the journal."


def test_a_row_already_in_the_journal_is_reported_not_doubled(
    journal: OpenJournal, tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        "shed_counts.csv",
        f"{SHED_HEADER}\n1,2025-03-01,daily_total,85,yes,\n2,2025-03-02,daily_total,90,no,\n",
    )
    run_import([path], OPTIONS)
    again = _file(
        tmp_path,
        "again.csv",
        f"{SHED_HEADER}\n"
        "1,2025-03-01,daily_total,85,yes,\n"  # the same
        "2,2025-03-02,daily_total,91,no,\n"  # another value for that day: refused, not lost
        "3,2025-03-03,daily_total,60,no,\n"  # new
        "4,2025-03-03,daily_total,60,no,\n",  # the same as the row before it
    )
    result = run_import([again], OPTIONS)
    assert _reasons(result) == [
        "2 DUPLICATE already in the journal",
        "3 REFUSED The journal already has a daily total count on 2025-03-02, with other "
        "values; change one of them in the app if this row is right.",
        "5 DUPLICATE the same as row 4 of again.csv",
    ]
    assert [row[2] for row in _counts()] == [85, 90, 60]


def test_a_failure_mid_import_leaves_nothing_written(journal: OpenJournal, tmp_path: Path) -> None:
    # The journal refuses the last row only when it is written, after a course, its session
    # and the rows before it went in within the same transaction.
    journal.db.execute_sql(
        "CREATE TRIGGER refuse BEFORE INSERT ON shed_count WHEN NEW.notes = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
    )
    treatments = _file(
        tmp_path,
        "treatments.csv",
        "id,kind,product,started_on,stopped_on,dose,next_session_on,baseline_from,"
        "baseline_to,notes\n7,exosome,Serum,2025-02-01,,,,,,\n",
    )
    sessions = _file(
        tmp_path,
        "sessions.csv",
        "id,treatment_id,treatment_kind,treatment_product,treatment_started_on,date,route\n"
        "1,7,exosome,Serum,2025-02-01,2025-02-01,topical\n",
    )
    counts = "".join(f"{n},2025-01-{n:02d},daily_total,{n},no,\n" for n in range(1, 29))
    shed = _file(
        tmp_path, "shed_counts.csv", f"{SHED_HEADER}\n{counts}29,2025-01-29,brush,1,no,boom\n"
    )
    with pytest.raises(WriteFailed) as failed:
        run_import([shed, sessions, treatments], OPTIONS)
    assert "refused by a test trigger" in failed.value.message
    assert models.Treatment.select().count() == 1  # the one the journal began with
    assert models.Session.select().count() == 0
    assert _counts() == []


def test_cancel_while_writing_leaves_nothing_written(journal: OpenJournal, tmp_path: Path) -> None:
    counts = "".join(
        f"{n},{dt.date(2010, 1, 1) + dt.timedelta(days=n)},daily_total,{n % 300},no,\n"
        for n in range(3000)
    )
    path = _file(tmp_path, "shed_counts.csv", f"{SHED_HEADER}\n{counts}")
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))

    def writing_began() -> bool:  # the 3,001 lines are read, then the rows written after them
        return bool(reports) and reports[-1][0] > 3001

    with pytest.raises(Cancelled):
        run_import([path], OPTIONS, progress=progress, cancelled=writing_began)
    assert reports[0] == (1000, 6002)  # reading, out of reading and writing every row
    assert reports[-1] == (5001, 6001)  # a first batch of 2,000 rows was written, then undone
    assert _counts() == []


def test_a_dry_run_writes_nothing(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(tmp_path, "c.csv", f"{SHED_HEADER}\n1,2025-03-01,brush,12,no,\n")
    result = run_import([path], OPTIONS, dry_run=True)
    assert result.plan.count(Status.NEW) == 1
    assert result.lines()[-1] == "Dry run: nothing was written to the journal."
    assert _counts() == []


# -- what each kind of file needs ----------------------------------------------------------------


def test_photo_details_are_refused_with_the_reason(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "photos.csv",
        "id,taken_at,region,sha256,format,width_px,height_px,notes,landmarks\n"
        f"1,2025-01-01 09:30:00,vertex,{'a' * 64},JPEG,4,3,,\n",
    )
    plan = plan_import([path], OPTIONS)
    assert plan.files[0].problem.startswith("It holds details of photos, not the photos")
    assert "File > Import Photos" in plan.files[0].problem
    assert plan.refused_any


def test_sessions_find_their_course_in_the_journal_or_are_refused(
    journal: OpenJournal, tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        "sessions.csv",
        "id,treatment_id,treatment_kind,treatment_product,treatment_started_on,date,route,pain\n"
        "1,99,minoxidil_topical,,2025-01-01,2025-01-02,topical,2\n"
        "2,99,exosome,ExoCell,2025-01-01,2025-01-03,micro_injection,\n",
    )
    result = run_import([path], OPTIONS)
    assert _reasons(result) == [
        "3 REFUSED Its course (Exosomes “ExoCell”, started 2025-01-01) is neither in the "
        "journal nor in a treatments.csv imported with it."
    ]
    (session,) = models.Session.select()
    assert (session.treatment.kind, session.pain) == ("minoxidil_topical", 2)


def test_stage_names_give_the_stage(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "measurements.csv",
        "date,kind,value,stage\n2025-03-01,norwood,,IIIa\n2025-03-02,ludwig,1,III (severe)\n",
    )
    result = run_import([path], OPTIONS)
    assert _reasons(result) == [
        "3 REFUSED stage: Stage III (severe) is position 3 on the Ludwig grade scale, but the "
        "value says 1; correct one of them."
    ]
    assert [m.value for m in models.Measurement.select()] == [5.0]


def test_columns_the_app_does_not_know_go_into_the_notes(
    journal: OpenJournal, tmp_path: Path
) -> None:
    path = _file(
        tmp_path, "events.csv", "kind,started_on,notes,doctor\nillness_fever,2025-03-01,Flu,Dr A\n"
    )
    result = run_import([path], OPTIONS)
    assert "  Columns Hair Journal does not know (“doctor”) go into the notes." in result.lines()
    assert [e.notes for e in models.Event.select()] == ["Flu; doctor: Dr A"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "e.csv is empty."),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "e.csv is not a text file (it holds binary data).",
        ),
    ],
)
def test_a_file_that_is_not_a_table_is_refused(
    journal: OpenJournal, tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(data)
    plan = plan_import([path], OPTIONS)
    assert plan.files[0].problem == reason
    assert plan.lines()[0] == f"e.csv: not imported. {reason}"


def test_a_session_without_its_course_start_says_so(journal: OpenJournal, tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "sessions.csv",
        "treatment_kind,treatment_product,treatment_started_on,date,route\n"
        "minoxidil_topical,,,2025-01-02,topical\n",
    )
    result = run_import([path], OPTIONS)
    assert _reasons(result) == [
        "2 REFUSED treatment_started_on: Please give the day its course started."
    ]
    assert models.Session.select().count() == 0
