"""The dashboard's "Progress" card: shedding against baseline and published figures, as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from hairjournal.store.progress import Progress, ProtocolProgress
from hairjournal.store.queries import CourseWeek
from hairjournal.ui import progress_text
from hairjournal.ui.date_text import span_text
from hairjournal.ui.style import card, paragraph, quiet

TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _line(text: str, name: str) -> QLabel:
    label = paragraph(text)
    label.setObjectName(name)
    return label


def progress_card(progress: Progress) -> QFrame:
    frame, layout = card("Progress: shedding against your baseline")
    current = progress.current
    if progress.protocols:
        layout.addLayout(_table(progress.protocols, current))
    else:
        layout.addWidget(_line("No shedding counts are recorded yet.", "progress_none"))
    layout.addWidget(quiet(_line(progress_text.DISCLAIMER, "progress_disclaimer")))
    layout.addSpacing(4)
    layout.addWidget(_line(progress_text.PHOTO_LIMIT, "progress_photos"))
    layout.addSpacing(4)
    if progress.triggers:
        layout.addWidget(
            _line("Events of the last six months that can set off shedding:", "progress_triggers")
        )
        for index, trigger in enumerate(progress.triggers):
            layout.addWidget(_line(f"• {progress_text.trigger_text(trigger)}.", f"trigger_{index}"))
    else:
        text = "No events of the last six months that can set off shedding are recorded."
        layout.addWidget(_line(text, "progress_triggers"))
    layout.addStretch(1)
    return frame


def _table(protocols: tuple[ProtocolProgress, ...], current: CourseWeek | None) -> QGridLayout:
    """One row per protocol: the last 7 days, the baseline, the change, published figures."""
    grid = QGridLayout()
    grid.setObjectName("progress_table")
    grid.setHorizontalSpacing(20)
    grid.setVerticalSpacing(6)
    first = protocols[0]
    headers = [f"Last 7 days\n{span_text(first.recent_first, first.recent_last)}"]
    if first.baseline_first is not None and first.baseline_last is not None:
        name = progress_text.baseline_name(first)
        span = span_text(first.baseline_first, first.baseline_last)
        headers.append(f"{name[0].upper()}{name[1:]}\n{span}")
    else:
        headers.append("Baseline")
    headers.append("Change from baseline")
    week = "" if current is None else f" at week {current.week}"
    headers.append(f"Published figures{week}")
    for column, text in enumerate(headers, start=1):
        grid.addWidget(quiet(_cell(text, f"progress_header_{column}")), 0, column)
    for row, shed in enumerate(protocols, start=1):
        code = shed.protocol.value
        cells = progress_text.progress_row(shed, current)
        grid.addWidget(_cell(cells.label), row, 0)
        grid.addWidget(_cell(cells.recent, f"progress_recent_{code}"), row, 1)
        if cells.baseline:
            grid.addWidget(_cell(cells.baseline, f"progress_baseline_{code}"), row, 2)
        change = _cell(cells.change, f"progress_change_{code}")
        if cells.has_change:
            grid.addWidget(change, row, 3)
            grid.addWidget(quiet(_cell(cells.bands, f"progress_band_{code}")), row, 4)
        else:  # why there is no change, across both columns
            grid.addWidget(change, row, 3, 1, 2)
    for column, stretch in enumerate((0, 2, 2, 3, 3)):
        grid.setColumnStretch(column, stretch)
    return grid


def _cell(text: str, name: str = "") -> QLabel:
    label = paragraph(text)
    label.setAlignment(TOP)
    if name:
        label.setObjectName(name)
    return label
