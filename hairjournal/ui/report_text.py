"""The window's own words that the PDF summary repeats: the dashboard's progress and disclaimers.

Built from the same functions as the dashboard's Progress card, so the summary and the window
never say different things.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple

from hairjournal.store.progress import Progress
from hairjournal.ui import disclaimer, progress_text


def progress_table(progress: Progress) -> tuple[tuple[str, ...], ...]:
    """The Progress card's table: a heading row, then one row per way of counting; empty when
    nothing is counted."""
    if not progress.protocols:
        return ()
    first = progress.protocols[0]
    baseline = "Baseline"
    if first.baseline_first is not None and first.baseline_last is not None:
        name = progress_text.baseline_name(first)
        baseline = f"Baseline: {name} ({_span(first.baseline_first, first.baseline_last)})"
    week = "" if progress.current is None else f" at week {progress.current.week}"
    headings = (
        "Way of counting",
        f"Mean of the last 7 days ({_span(first.recent_first, first.recent_last)})",
        baseline,
        "Change from baseline",
        f"Published figures{week}",
    )
    rows = (progress_text.progress_row(shed, progress.current) for shed in progress.protocols)
    return (headings, *(astuple(row) for row in rows))


def progress_lines(progress: Progress) -> tuple[str, ...]:
    """The Progress card's sentences below its table, in its order."""
    lines = [] if progress.protocols else ["No shedding counts are recorded yet."]
    lines.append(progress_text.PHOTO_LIMIT)
    if progress.triggers:
        lines.append("Events of the last six months that can set off shedding:")
        lines += [f"• {progress_text.trigger_text(trigger)}." for trigger in progress.triggers]
    else:
        lines.append("No events of the last six months that can set off shedding are recorded.")
    return tuple(lines)


def disclaimer_lines() -> tuple[str, ...]:
    """What the app says plainly about itself, at the top of the summary."""
    return (
        progress_text.DISCLAIMER,
        disclaimer.RECORDS_NOT_ADVICE,
        disclaimer.EXOSOME_EVIDENCE,
    )


def _span(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()} to {last.isoformat()}"
