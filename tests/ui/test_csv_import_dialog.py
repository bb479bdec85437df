"""Importing CSV files from the window: File > Import CSV…, the preview of every row, the
mapping of a spreadsheet kept before the app, the import on the thread pool, undo and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.ui.csv_import_dialog import CsvImportDialog
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.ui.conftest import read_journal
from tests.ui.fake_prompts import FakePrompts

WAIT_MS = 30_000
SHED_HEADER = "id,date,protocol,value,wash_day,notes"
SAMPLE_COUNTS = 122  # in tests/ui/sample_journal.py: 120 daily totals and 2 comb counts


def _day(today: dt.date, days_ago: int) -> str:
    return (today - dt.timedelta(days=days_ago)).isoformat()


def _open_dialog(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, paths: list[Path]
) -> CsvImportDialog:
    fake_prompts.csv_paths.append(paths)
    window.import_csv_action.trigger()
    dialog = window.csv_import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.previewing(), timeout=WAIT_MS)
    return dialog


def _cells(dialog: CsvImportDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _import(qtbot: QtBot, dialog: CsvImportDialog) -> None:
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_the_app_own_file_previews_every_row_then_imports_and_views_show_it(
    qtbot: QtBot,
    window: MainWindow,
    fake_prompts: FakePrompts,
    sample_path: Path,
    tmp_path: Path,
    today: dt.date,
) -> None:
    window.show_view("log")
    log = window.views["log"]
    assert log.counts.count_line.text() == f"{SAMPLE_COUNTS} shedding counts"
    path = tmp_path / "shed_counts.csv"
    path.write_text(
        f"{SHED_HEADER}\n"
        f"1,{_day(today, 200)},shower,40,yes,=SUM(A1:A9)\n"
        f"2,{_day(today, 1)},daily_total,60,no,\n"  # the sample journal has this one
        f"3,{_day(today, 2)},daily_total,-5,no,\n"
        f"4,{_day(today, 201)},shower,41,no,'=text\n",  # neutralised: the text is =text
        encoding="utf-8",
    )
    dialog = _open_dialog(qtbot, window, fake_prompts, [path])
    assert window.import_csv_action.shortcut().toString() == "Ctrl+Shift+I"
    assert dialog.files_text.text() == (
        "shed_counts.csv (shedding counts; UTF-8, cells separated by commas): "
        "2 to import, 1 already in the journal, 1 refused"
    )
    rows = _cells(dialog)
    assert [row[:2] for row in rows] == [
        ["2", "will import"],
        ["3", "duplicate: already in the journal"],
        ["4", "refused: value: A count cannot be negative."],
        ["5", "will import"],
    ]
    assert rows[0][2:] == ["1", _day(today, 200), "shower", "40", "yes", "=SUM(A1:A9)"]
    assert dialog.counts_text.text() == (
        "2 rows will be imported, 1 already in the journal, 1 refused."
    )
    assert dialog.import_button.text() == "&Import 2 rows"
    _import(qtbot, dialog)
    assert dialog.summary_title.text() == "Imported 2 records"
    assert "row 4: refused. value: A count cannot be negative." in (
        dialog.summary_text.toPlainText()
    )
    assert read_journal(
        sample_path, "SELECT date, value, notes FROM shed_count WHERE protocol = 'shower'"
    ) == [(_day(today, 200), 40, "=SUM(A1:A9)"), (_day(today, 201), 41, "=text")]
    qtbot.waitUntil(lambda: log.counts.count_line.text() == f"{SAMPLE_COUNTS + 2} shedding counts")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_undo_takes_the_whole_import_out_and_redo_puts_it_back(
    qtbot: QtBot,
    window: MainWindow,
    fake_prompts: FakePrompts,
    sample_path: Path,
    tmp_path: Path,
    today: dt.date,
) -> None:
    treatments = tmp_path / "treatments.csv"
    treatments.write_text(
        f"id,kind,product,started_on\n5,prp,Clinic PRP,{_day(today, 30)}\n",
        encoding="utf-8",
    )
    sessions = tmp_path / "sessions.csv"
    sessions.write_text(
        "treatment_id,treatment_kind,treatment_product,treatment_started_on,date,route\n"
        f"5,prp,Clinic PRP,{_day(today, 30)},{_day(today, 30)},micro_injection\n"
        f"5,prp,Clinic PRP,{_day(today, 30)},{_day(today, 2)},micro_injection\n",
        encoding="utf-8",
    )
    dialog = _open_dialog(qtbot, window, fake_prompts, [sessions, treatments])
    assert dialog.file_choice.isVisibleTo(dialog)
    assert [dialog.file_choice.itemText(i) for i in range(2)] == [
        "sessions.csv",
        "treatments.csv",
    ]
    _import(qtbot, dialog)
    sql = "SELECT count(*) FROM session JOIN treatment ON treatment.id = treatment_id " + (
        "WHERE kind = 'prp'"
    )
    assert read_journal(sample_path, sql) == [(2,)]
    assert window.undo_action.text() == "&Undo Import 3 records from CSV"
    window.undo_action.trigger()
    assert read_journal(sample_path, sql) == [(0,)]
    assert read_journal(sample_path, "SELECT count(*) FROM treatment WHERE kind = 'prp'") == [(0,)]
    window.redo_action.trigger()
    assert read_journal(sample_path, sql) == [(2,)]


def test_a_spreadsheet_kept_before_the_app_is_mapped_with_the_combo_boxes(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, sample_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "my counts.csv"
    path.write_text(
        "Day;Morning;Evening;Mood\n14/02/2025;50;12;ok\n15/02/2025;55;;tired\n",
        encoding="utf-8-sig",
    )
    dialog = _open_dialog(qtbot, window, fake_prompts, [path])
    assert dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.date_column.currentText() == "Day"
    assert dialog.count_column.currentText() == "Morning"  # the first column of numbers
    assert "UTF-8 with byte-order mark, cells separated by semicolons" in (dialog.files_text.text())
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.count_column.setCurrentIndex(dialog.count_column.findText("Evening"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.protocol.set_value(ShedProtocol.COMB_60S)
    assert [row[1] for row in _cells(dialog)] == [
        "will import",
        "refused: Evening: Please enter the count.",
    ]
    _import(qtbot, dialog)
    assert read_journal(
        sample_path, "SELECT date, value, notes FROM shed_count WHERE date < '2025-03-01'"
    ) == [("2025-02-14", 12, "Morning: 50; Mood: ok")]
    assert read_journal(
        sample_path, "SELECT protocol FROM shed_count WHERE date = '2025-02-14'"
    ) == [("comb_60s",)]


def test_dates_that_read_either_way_are_asked_for(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, sample_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("date,hairs\n03/04/2025,50\n05/06/2025,60\n", encoding="utf-8")
    dialog = _open_dialog(qtbot, window, fake_prompts, [path])
    assert "3rd of April or the 4th of March" in dialog.files_text.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.date_order.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.date_order.setCurrentIndex(dialog.date_order.findText("month/day/year"))
    assert dialog.import_button.isEnabled()
    _import(qtbot, dialog)
    assert read_journal(
        sample_path, "SELECT date FROM shed_count WHERE date < '2025-12-31' ORDER BY date"
    ) == [("2025-03-04",), ("2025-05-06",)]


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, sample_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "shed_counts.csv"
    start = dt.date(1990, 1, 1)
    rows = "".join(
        f"{n},{start + dt.timedelta(days=n)},brush,{n % 300},no,\n" for n in range(20_000)
    )
    path.write_text(f"{SHED_HEADER}\n{rows}", encoding="utf-8")
    dialog = _open_dialog(qtbot, window, fake_prompts, [path])
    before = read_journal(sample_path, "SELECT count(*) FROM shed_count")
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_title.text() == "Import cancelled"
    assert read_journal(sample_path, "SELECT count(*) FROM shed_count") == before
    assert window.undo_action.text() == "&Undo"


def test_photo_details_and_unreadable_files_say_why(
    qtbot: QtBot, window: MainWindow, fake_prompts: FakePrompts, tmp_path: Path
) -> None:
    photos = tmp_path / "photos.csv"
    photos.write_text("id,taken_at,region,sha256\n", encoding="utf-8")
    binary = tmp_path / "scan.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    dialog = _open_dialog(qtbot, window, fake_prompts, [photos, binary])
    text = dialog.files_text.text()
    assert "photos.csv (photos; UTF-8, cells separated by commas): not imported. It holds " in text
    assert "scan.csv: not imported. scan.csv is not a text file (it holds binary data)." in text
    assert not dialog.import_button.isEnabled()


def test_the_preview_model_follows_qt_rules(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    fake_prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    path = tmp_path / "events.csv"
    path.write_text(
        "kind,started_on,notes\nstress,2025-01-01,exams\ncovid,2099-01-01,\n", encoding="utf-8"
    )
    dialog = _open_dialog(qtbot, window, fake_prompts, [path])
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "kind"


def test_the_menu_item_is_off_without_a_journal(qtbot: QtBot) -> None:
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    assert not main.import_csv_action.isEnabled()
    main.import_csv()  # the shortcut without a journal does nothing
    assert not hasattr(main, "csv_import_dialog")
