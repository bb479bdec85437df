"""The PDF summary: what it states, read back with poppler's tools; pages, paper, Cancel."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from hairjournal.core.enums import Condition, MeasurementKind, TreatmentKind
from hairjournal.core.reference import bands_for
from hairjournal.services.export_file import ExportCancelled
from hairjournal.services.report import write_report
from hairjournal.services.report_facts import gather_facts
from hairjournal.services.report_figures import (
    ChartFigure,
    EvidenceRow,
    PhotoPair,
    ReportFigures,
    evidence_row,
)
from hairjournal.services.report_html import figure_value
from hairjournal.services.report_pdf import Paper
from hairjournal.store import models
from hairjournal.store.journal import create_journal, open_journal
from tests.pdf_files import image_sizes, page_count, page_size_points, page_texts, pdf_text
from tests.ui import sample_journal as sample
from tests.ui.sample_journal import write_sample

A4_POINTS = (595.0, 842.0)
LETTER_POINTS = (612.0, 792.0)


def picture(width: int, height: int, colour: str) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def figures(**changes: object) -> ReportFigures:
    """Figures as the window's layer hands them over, with words a test can look for."""
    chart = ChartFigure(
        "Shedding",
        picture(1800, 700, "steelblue"),
        "Hairs counted by each way of counting.",
        evidence=(
            EvidenceRow("Shedding chart: normal range", "Wasko 2008", "B", "0 to 78 hairs", "men"),
        ),
    )
    missing = ChartFigure("Density and quality", None, "", "No check-ins in the baseline days.")
    pair = PhotoPair(
        "Vertex (crown)",
        picture(1000, 750, "peru"),
        "Before · 2 Mar 2026",
        picture(1000, 750, "sienna"),
        "After · 4 May 2026, 2 months later",
        "Not lined up.",
    )
    values: dict[str, object] = {
        "charts": (chart, missing),
        "photos": (pair,),
        "photo_note": "Photos show change only once it is large.",
        "progress_table": (("Way of counting", "Mean of the last 7 days"), ("Daily total", "60.0")),
        "progress": ("Stress on 3 Jun 2026: shedding would be expected later.",),
        "disclaimer": ("The evidence is thin and no exosome product is approved.",),
    }
    values.update(changes)
    return ReportFigures(**values)  # type: ignore[arg-type]


@pytest.fixture
def sample_path(tmp_path: Path, today: dt.date) -> Path:
    path = tmp_path / "sample.hairjournal"
    write_sample(path, today)
    return path


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


def test_the_summary_states_the_journals_facts_and_the_figures_it_was_given(
    qapp: QApplication, sample_path: Path, tmp_path: Path, today: dt.date
) -> None:
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    with open_journal(sample_path):
        facts = gather_facts(today)
        written = write_report(target, facts, figures(), paper=Paper.A4)

    assert written.path == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["summary.pdf"]
    assert page_count(target) == written.pages
    text = pdf_text(target)
    for fact in (
        f"Hair journal summary: {sample.TITLE}",
        f"Made on {today.isoformat()}",
        "Androgenetic alopecia (female pattern)",
        "Exosomes *",
        sample.EXOSOME_PRODUCT,
        "Minoxidil (topical)",
        "3 (",  # the exosome course's three sessions
        "Event: Illness or fever",
        "Event: Stress",
        "side effects: redness",
        "Density (hairs/cm²) 140",
        "Density (hairs/cm²) 151",
        "The evidence is thin and no exosome product is approved.",
        "Daily total 60.0",
        "Stress on 3 Jun 2026: shedding would be expected later.",
        "Hairs counted by each way of counting.",
        "No check-ins in the baseline days.",
        "Wasko 2008",
        "0 to 78 hairs",
        "Evidence grades: A randomised controlled trial",
        "Before · 2 Mar 2026",
        "Not lined up.",
    ):
        assert fact in text, fact
    for days in sample.SESSION_DAYS_AGO:
        assert (today - dt.timedelta(days=days)).isoformat() in text
    first_session = today - dt.timedelta(days=sample.FIRST_SESSION_DAYS_AGO)
    assert f"week 12 since its first session ({first_session.isoformat()})" in text
    pages = page_texts(target)
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}"), page[-80:]
        assert f"{sample.TITLE} · summary of {today.isoformat()}" in page
    # The chart and both photos are in the file at their own resolution.
    assert sorted(image_sizes(target)) == [(1000, 750), (1000, 750), (1800, 700)]


def test_what_the_person_typed_is_shown_as_written_never_as_markup(
    qapp: QApplication, tmp_path: Path, today: dt.date
) -> None:
    typed = "<b>not bold</b> & <img src='x'> 5 < 7"
    with create_journal(tmp_path / "j.hairjournal", title="Mine <i>", condition=Condition.TE):
        models.Journal.update(notes=typed).execute()
        write_report(tmp_path / "s.pdf", gather_facts(today), figures(charts=(), photos=()))
    text = pdf_text(tmp_path / "s.pdf")
    assert typed in text
    assert "Hair journal summary: Mine <i>" in text


@pytest.mark.parametrize(
    ("paper", "points"), [(Paper.A4, A4_POINTS), (Paper.LETTER, LETTER_POINTS)]
)
def test_a4_or_letter(
    qapp: QApplication, sample_path: Path, tmp_path: Path, paper: Paper, points: tuple
) -> None:
    with open_journal(sample_path):
        write_report(tmp_path / "s.pdf", gather_facts(dt.date.today()), figures(), paper=paper)
    width, height = page_size_points(tmp_path / "s.pdf")
    assert (round(width), round(height)) == points


def test_cancel_between_pages_leaves_no_file(
    qapp: QApplication, sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    printed: list[int] = []
    with open_journal(sample_path), pytest.raises(ExportCancelled):
        write_report(
            out / "summary.pdf",
            gather_facts(dt.date.today()),
            figures(),
            progress=lambda done, _total: printed.append(done),
            cancelled=lambda: bool(printed),  # Cancel pressed once the first page is printed
        )
    assert printed == [1]
    assert list(out.iterdir()) == []


def test_an_empty_journal_makes_a_short_summary_that_says_what_is_missing(
    qapp: QApplication, tmp_path: Path
) -> None:
    with create_journal(tmp_path / "new.hairjournal", title="New", condition=Condition.AA):
        facts = gather_facts(dt.date(2026, 11, 20))
        empty = figures(
            charts=(ChartFigure("Shedding", None, "", "No shedding counts are recorded."),),
            photos=(),
            progress_table=(),
            progress=("No shedding counts are recorded yet.",),
        )
        written = write_report(tmp_path / "new.pdf", facts, empty)
    assert written.pages == 1
    text = pdf_text(tmp_path / "new.pdf")
    for missing in (
        "Alopecia areata",
        "0 shedding counts, 0 check-ins, 0 sessions, 0 events, 0 clinic figures, 0 photos",
        "No course of treatment is recorded.",
        "No shedding counts are recorded yet.",
        "No shedding counts are recorded.",
        "No sessions or events are recorded.",
        "Side effects reported at sessions No sessions are recorded.",
        "No clinic figures are recorded.",
        "No photos are in the journal.",
        "Nothing is invented where the literature is silent.",
    ):
        assert missing in text, missing
    assert image_sizes(tmp_path / "new.pdf") == []


def test_a_photo_that_cannot_be_decoded_is_said_so_in_its_place(
    qapp: QApplication, sample_path: Path, tmp_path: Path
) -> None:
    broken = PhotoPair("Vertex (crown)", None, "The only photo · 2 May 2026", note="Unreadable.")
    with open_journal(sample_path):
        write_report(tmp_path / "s.pdf", gather_facts(dt.date.today()), figures(photos=(broken,)))
    text = pdf_text(tmp_path / "s.pdf")
    assert "Vertex (crown) This photo cannot be shown. The only photo · 2 May 2026" in text


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        (MeasurementKind.NORWOOD, 6, "III vertex"),
        (MeasurementKind.LUDWIG, 2, "II (moderate)"),
        (MeasurementKind.NORWOOD, 40, "40"),  # not a stage: shown as stored, not hidden
        (MeasurementKind.SALT, 42.5, "42.5 (S2)"),
        (MeasurementKind.TARGET_AREA_COUNT, 1250, "1,250"),
        (MeasurementKind.SHAFT_DIAMETER_UM, 61.3, "61.3"),
    ],
)
def test_clinic_figures_as_a_clinician_reads_them(
    kind: MeasurementKind, value: float, shown: str
) -> None:
    assert figure_value(kind, value) == shown


def test_a_published_band_becomes_a_row_with_its_source_grade_and_figures() -> None:
    bands = bands_for(Condition.AGA_MALE, TreatmentKind.EXOSOME, "density")
    oh = next(band for band in bands if band.source == "Oh et al. 2020" and not band.placebo)
    wan = next(b for b in bands if b.source.startswith("Wan") and b.unit == "percent")
    row = evidence_row(oh, "Density chart")
    assert row.shown == "Density chart: hair density, % change from baseline, treated arm"
    assert (row.source, row.grade, row.grade_meaning) == (
        "Oh et al. 2020",
        "A",
        "randomised controlled trial",
    )
    assert row.figures == "+14.2 % at week 16"
    assert "week 0" not in row.notes
    assert row.notes.startswith("day 112")
    assert evidence_row(wan, "Density chart").figures == "+37 to +47 % at week 52"
