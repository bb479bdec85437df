"""The dashboard's "Progress" card: shedding against baseline and published figures, in words."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from hairjournal.store.progress import Progress
from hairjournal.ui import progress_text
from hairjournal.ui.style import card, paragraph, quiet


def _line(text: str, name: str) -> QLabel:
    label = paragraph(text)
    label.setObjectName(name)
    return label


def progress_card(progress: Progress) -> QFrame:
    frame, layout = card("Progress: shedding against your baseline")
    current = progress.current
    if not progress.protocols:
        layout.addWidget(_line("No shedding counts are recorded yet.", "progress_none"))
    for shed in progress.protocols:
        code = shed.protocol.value
        layout.addWidget(
            _line(progress_text.comparison_text(shed, current), f"progress_change_{code}")
        )
        if shed.change is not None and current is not None:
            band = quiet(_line(progress_text.band_text(shed, current), f"progress_band_{code}"))
            layout.addWidget(band)
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
