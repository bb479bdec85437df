"""The PDF summary as HTML for QTextDocument, with its images as named resources.

Qt's rich text understands a subset of HTML 4 and CSS: tables, headings, page breaks before a
block, ``thead`` (repeated on every page a table spans). Everything the journal holds is
escaped; dates are ISO (YYYY-MM-DD), as in the CSV files the summary travels with.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QImage

from hairjournal import __version__
from hairjournal.core.enums import CellSource, MeasurementKind, ScalpRegion
from hairjournal.core.reference import GRADES
from hairjournal.core.scales import STAGE_SCALES, salt_band
from hairjournal.services.report_facts import ReportFacts, Row
from hairjournal.services.report_figures import ChartFigure, ReportFigures

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TEXT_WIDTH = 657  # px at 96 dpi: A4 less 18 mm margins (Letter is wider; images still fit)
PHOTO_BOX = (320, 360)  # px: each photo fits this box; two regions to a page
REGIONS_PER_PAGE = 2
NEW_PAGE = " style='page-break-before: always;'"  # charts and photos start on a page of their own
STYLE = """
body { font-size: 9.5pt; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; color: #1f3a5f; }
h3 { font-size: 10.5pt; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 2px; margin-bottom: 4px; }
th { background-color: #e8edf3; text-align: left; font-weight: bold; }
td, th { padding: 3px; font-size: 8.5pt; }
.quiet { color: #555555; }
.caption { color: #444444; font-size: 8.5pt; }
.missing { color: #8a4b00; }
"""


@dataclass
class ReportPage:
    """The summary's HTML and the images it names (``report:...`` URLs)."""

    html: str
    images: dict[str, QImage] = field(default_factory=dict)


def report_html(facts: ReportFacts, figures: ReportFigures) -> ReportPage:
    page = ReportPage("")
    parts = [
        _header(facts, figures),
        _condition(facts),
        _courses(facts),
        _progress(figures),
        _charts(figures.charts, page),
        _evidence(figures.charts),
        _timeline(facts),
        _side_effects(facts),
        _clinic_figures(facts),
        _photos(figures, page),
    ]
    page.html = f"<html><body>{''.join(parts)}</body></html>"
    return page


# -- sections -------------------------------------------------------------------------------------


def _header(facts: ReportFacts, figures: ReportFigures) -> str:
    made = f"Made on {facts.made_on.isoformat()} with Hair Journal {__version__}"
    lines = "".join(f"<p>{_text(line)}</p>" for line in figures.disclaimer)
    return (
        f"<h1>Hair journal summary: {_text(facts.title)}</h1>"
        f"<p class='quiet'>{made}, by the person it describes, from their own records. "
        "Dates in tables are written year-month-day.</p>"
        f"<table width='100%' cellspacing='0' cellpadding='6' border='1' "
        f"style='border-color: #c9a227; background-color: #fff8e1;'><tr><td>{lines}</td></tr>"
        "</table>"
    )


def _condition(facts: ReportFacts) -> str:
    rows = [("Condition", facts.condition.label)]
    if facts.onset_on is not None:
        rows.append(("Hair loss noticed", facts.onset_on.isoformat()))
    if facts.birth_year is not None:
        rows.append(("Year of birth", str(facts.birth_year)))
    if facts.notes:
        rows.append(("Notes", facts.notes))
    rows.append(("Records", _records_text(facts)))
    body = "".join(
        f"<tr><td width='22%'><b>{_text(name)}</b></td><td>{_text(value)}</td></tr>"
        for name, value in rows
    )
    return f"<h2>Condition</h2>{_table(body)}"


def _records_text(facts: ReportFacts) -> str:
    totals = facts.totals
    counts = _plural(totals.shed_counts, "shedding count")
    if facts.first_count_on is not None and facts.last_count_on is not None:
        counts += f" ({facts.first_count_on.isoformat()} to {facts.last_count_on.isoformat()})"
    return ", ".join(
        [
            counts,
            _plural(totals.checkins, "check-in"),
            _plural(totals.sessions, "session"),
            _plural(totals.events, "event"),
            _plural(totals.measurements, "clinic figure"),
            _plural(totals.photos, "photo"),
        ]
    )


def _courses(facts: ReportFacts) -> str:
    if not facts.courses:
        return _missing("Courses of treatment", "No course of treatment is recorded.")
    current = facts.current.course.id if facts.current is not None else None
    rows = []
    for course in facts.courses:
        sessions = str(course.session_count)
        if course.first_session_on is not None and course.last_session_on is not None:
            sessions += f" ({_span(course.first_session_on, course.last_session_on)})"
        name = course.kind.label + (" *" if course.id == current else "")
        rows.append(
            [
                name,
                course.product,
                course.dose,
                course.started_on.isoformat(),
                course.stopped_on.isoformat() if course.stopped_on else "ongoing",
                sessions,
                course.next_session_on.isoformat() if course.next_session_on else "",
            ]
        )
    headings = ["Treatment", "Product", "Dose", "Started", "Stopped", "Sessions", "Next planned"]
    note = ""
    if facts.current is not None:
        anchor = "first session" if facts.current.from_first_session else "start"
        note = (
            f"<p class='caption'>* The course the charts and progress figures follow: week "
            f"{facts.current.week} since its {anchor} ({facts.current.anchor.isoformat()}).</p>"
        )
    widths = (16, 18, 18, 12, 11, 14, 11)
    return f"<h2>Courses of treatment</h2>{_grid(headings, rows, widths)}{note}"


def _progress(figures: ReportFigures) -> str:
    table = ""
    if figures.progress_table:
        headings, *rows = figures.progress_table
        table = _grid(headings, rows, (16, 20, 20, 22, 22))
    lines = "".join(f"<p>{_text(line)}</p>" for line in figures.progress)
    return f"<h2>Progress: shedding against the baseline</h2>{table}{lines}"


def _charts(charts: Sequence[ChartFigure], page: ReportPage) -> str:
    drawn = any(chart.image is not None for chart in charts)
    parts = [f"<h2{NEW_PAGE if drawn else ''}>Charts</h2>"]
    for number, chart in enumerate(charts):
        parts.append(f"<h3>{_text(chart.title)}</h3>")
        if chart.image is None:
            parts.append(f"<p class='missing'>{_text(chart.missing)}</p>")
            continue
        url = f"report:chart/{number}"
        page.images[url] = chart.image
        parts.append(f"<p><img src='{url}' width='{TEXT_WIDTH}'></p>")
        parts.append(f"<p class='caption'>{_text(chart.caption)}</p>")
    return "".join(parts)


def _evidence(charts: Sequence[ChartFigure]) -> str:
    rows = [row for chart in charts for row in chart.evidence]
    title = "<h2>Published ranges shown, and their evidence</h2>"
    if not rows:
        return (
            f"{title}<p>No published range is drawn in this summary: the studies give no figures "
            "for these records yet, or there is nothing yet to set them against. Nothing is "
            "invented where the literature is silent.</p>"
        )
    grades = "; ".join(f"{grade} {meaning}" for grade, meaning in GRADES.items())
    body = [[row.shown, row.source, row.grade, row.figures, row.notes] for row in rows]
    return f"{title}<p class='caption'>Evidence grades: {_text(grades)}.</p>" + _grid(
        ["Shown", "Source", "Grade", "Figures", "Notes"], body, (22, 20, 7, 16, 35)
    )


def _timeline(facts: ReportFacts) -> str:
    title = "<h2>Timeline of sessions and events</h2>"
    if not facts.timeline:
        return _missing("Timeline of sessions and events", "No sessions or events are recorded.")
    rows = []
    for row in facts.timeline:
        if "started_on" in row:
            details = [f"until {row['ended_on'].isoformat()}"] if row["ended_on"] else []
            details += [row["notes"]] if row["notes"] else []
            rows.append([row["started_on"].isoformat(), f"Event: {row['kind'].label}", details])
        else:
            rows.append([row["date"].isoformat(), _session_name(row), _session_details(row)])
    body = [[day, what, "; ".join(details)] for day, what, details in rows]
    return title + _grid(["Date", "What", "Details"], body, (12, 26, 62))


def _session_name(row: Row) -> str:
    name = f"Session: {row['course_kind'].label}"
    return f"{name} ({row['course_product']})" if row["course_product"] else name


def _session_details(row: Row) -> list[str]:
    details = [row["route"].label]
    product = " ".join(part for part in (row["product"], row["maker"]) if part)
    if product:
        details.append(product + (f", lot {row['lot']}" if row["lot"] else ""))
    if row["cell_source"] not in (None, CellSource.UNKNOWN):
        details.append(f"from {row['cell_source'].label.lower()}")
    if row["volume_ml"] is not None:
        details.append(f"{row['volume_ml']:g} ml")
    if row["needle_depth_mm"] is not None:
        details.append(f"needle depth {row['needle_depth_mm']:g} mm")
    if row["areas"]:
        details.append("areas: " + ", ".join(_region(code).lower() for code in row["areas"]))
    if row["clinic"]:
        details.append(row["clinic"])
    if row["pain"] is not None:
        details.append(f"pain {row['pain']}/10")
    if row["side_effects"]:
        details.append("side effects: " + ", ".join(row["side_effects"]))
    if row["notes"]:
        details.append(row["notes"])
    return details


def _side_effects(facts: ReportFacts) -> str:
    title = "<h2>Side effects reported at sessions</h2>"
    if not facts.sessions:
        return _missing("Side effects reported at sessions", "No sessions are recorded.")
    if not facts.side_effects:
        sessions = _plural(len(facts.sessions), "session")
        return f"{title}<p>None were noted at any of the {sessions}.</p>"
    body = [
        [
            row["date"].isoformat(),
            _session_name(row).removeprefix("Session: "),
            ", ".join(row["side_effects"]),
            "" if row["pain"] is None else f"{row['pain']}/10",
            row["notes"],
        ]
        for row in facts.side_effects
    ]
    count = f"<p>At {len(body)} of the {_plural(len(facts.sessions), 'session')}:</p>"
    return (
        title
        + count
        + _grid(["Date", "Course", "Side effects", "Pain", "Notes"], body, (12, 24, 28, 7, 29))
    )


def _clinic_figures(facts: ReportFacts) -> str:
    title = "<h2>Clinic figures</h2>"
    if not facts.figures:
        return _missing("Clinic figures", "No clinic figures are recorded.")
    body = [
        [
            row["date"].isoformat(),
            row["kind"].label,
            figure_value(row["kind"], row["value"]),
            row["site"],
            row["notes"],
        ]
        for row in facts.figures
    ]
    return title + _grid(["Date", "Figure", "Value", "Site", "Notes"], body, (12, 28, 14, 16, 30))


def figure_value(kind: MeasurementKind, value: float) -> str:
    """A stage by its name, a SALT score with its band, any other figure as a number."""
    scale = STAGE_SCALES.get(kind)
    if scale is not None:
        try:
            return scale.label(value)
        except ValueError:
            return f"{value:g}"
    if kind is MeasurementKind.SALT:
        return f"{value:.1f} ({salt_band(value)})"
    return f"{value:,g}"


def _photos(figures: ReportFigures, page: ReportPage) -> str:
    parts = [
        f"<h2{NEW_PAGE if figures.photos else ''}>Photos: first and latest of each region</h2>",
        f"<p class='caption'>{_text(figures.photo_note)}</p>" if figures.photo_note else "",
    ]
    if not figures.photos:
        parts.append("<p class='missing'>No photos are in the journal.</p>")
    for number, pair in enumerate(figures.photos):
        new_page = number and number % REGIONS_PER_PAGE == 0
        parts.append(f"<h3{NEW_PAGE if new_page else ''}>{_text(pair.region)}</h3>")
        cells, captions = [], []
        for side, image, caption in (
            ("before", pair.before, pair.before_caption),
            ("after", pair.after, pair.after_caption),
        ):
            if not caption:
                continue
            if image is None:
                cells.append("<td width='50%' class='missing'>This photo cannot be shown.</td>")
            else:
                url = f"report:photo/{number}/{side}"
                page.images[url] = image
                width, height = _fitted(image, PHOTO_BOX)
                cells.append(f"<td><img src='{url}' width='{width}' height='{height}'></td>")
            captions.append(f"<td class='caption'>{_text(caption)}</td>")
        note = ""
        if pair.note:
            note = f"<tr><td colspan='2' class='caption'>{_text(pair.note)}</td></tr>"
        parts.append(
            f"<table cellspacing='0' cellpadding='2'><tr>{''.join(cells)}</tr>"
            f"<tr>{''.join(captions)}</tr>{note}</table>"
        )
    return "".join(parts)


def _fitted(image: QImage, box: tuple[int, int]) -> tuple[int, int]:
    """The size ``image`` is shown at: as large as fits in ``box``, its shape kept."""
    scale = min(box[0] / max(image.width(), 1), box[1] / max(image.height(), 1))
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))


# -- pieces ---------------------------------------------------------------------------------------


def _missing(title: str, text: str) -> str:
    """A section with nothing to show, saying what is missing."""
    return f"<h2>{_text(title)}</h2><p class='missing'>{_text(text)}</p>"


def _region(code: str) -> str:
    return ScalpRegion(code).label if code in ScalpRegion.codes() else code


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plural(count: int, one: str) -> str:
    return f"{count:,} {one}" + ("" if count == 1 else "s")


def _span(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _table(body: str) -> str:
    return (
        "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
        f"style='border-color: #b0b8c4; border-style: solid;'>{body}</table>"
    )


def _grid(
    headings: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int] = ()
) -> str:
    """A table whose heading row repeats on every page it spans; ``widths`` in percent."""
    head = "".join(
        f"<th width='{width}%'>{_text(heading)}</th>" if width else f"<th>{_text(heading)}</th>"
        for heading, width in itertools.zip_longest(headings, widths)
    )
    body = "".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in rows)
    return _table(f"<thead><tr>{head}</tr></thead>{body}")


def _cell(text: str) -> str:
    """A table cell; a date is never broken across lines."""
    if ISO_DATE.fullmatch(text):
        return f"<td style='white-space: nowrap;'>{text}</td>"
    return f"<td>{_text(text)}</td>"
