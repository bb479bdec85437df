"""The read-only sessions list and its table model."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from hairjournal.core.enums import Route, TreatmentKind
from hairjournal.store.queries import SessionRow
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.sessions_view import COLUMNS, SessionsTableModel


def row(number: int, **changes: object) -> SessionRow:
    values: dict[str, object] = {
        "id": number,
        "date": dt.date(2026, 3, number),
        "course_kind": TreatmentKind.EXOSOME,
        "course_product": "Course product",
        "route": Route.MICRO_INJECTION,
        "product": "",
        "clinic": "Clinic A",
        "volume_ml": 2.5,
        "needle_depth_mm": None,
        "pain": 3,
        "side_effects": ("redness", "itch"),
    }
    values.update(changes)
    return SessionRow(**values)  # type: ignore[arg-type]


def test_the_model_passes_qts_model_checks(qtmodeltester: ModelTester) -> None:
    model = SessionsTableModel()
    qtmodeltester.check(model)
    model.set_rows([row(3), row(2, product="Own product", pain=None), row(1)])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_the_model_shows_each_column_as_a_person_reads_it() -> None:
    model = SessionsTableModel()
    model.set_rows([row(3), row(2, product="Own product", pain=None)])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    first = {h: model.index(0, c).data() for c, h in enumerate(headers)}
    second = {h: model.index(1, c).data() for c, h in enumerate(headers)}
    assert first["Date"] == "3 Mar 2026"
    assert first["Course"] == "Exosomes"
    assert first["Route"] == "Scalp micro-injections"
    assert first["Product"] == "Course product"  # the course's product when the session has none
    assert second["Product"] == "Own product"
    assert first["Volume (ml)"] == "2.5"
    assert first["Depth (mm)"] == ""
    assert first["Pain (0-10)"] == "3"
    assert second["Pain (0-10)"] == ""
    assert first["Side effects"] == "redness, itch"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # numbered from the first
    assert model.headerData(1, Qt.Orientation.Vertical) == "1"
    volume = headers.index("Volume (ml)")
    alignment = model.index(0, volume).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_the_view_on_a_journal_passes_model_checks(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    window.show_view("sessions")
    qtmodeltester.check(window.views["sessions"].model)
