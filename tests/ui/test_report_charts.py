"""The summary's charts: the Charts view's charts drawn to images in short GUI-thread steps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, ShedProtocol
from hairjournal.services.report_figures import ChartFigure
from hairjournal.store import queries
from hairjournal.store.journal import create_journal, open_journal
from hairjournal.ui.charts.density_chart import CLINIC
from hairjournal.ui.report_charts import (
    DENSITY_TITLE,
    IMAGE_WIDTH,
    SHEDDING,
    ChartData,
    ChartImages,
    read_chart_data,
)
from tests.ui import sample_journal as sample


def sample_data(path: Path, today: dt.date) -> ChartData:
    with open_journal(path):
        current = queries.current_course(queries.courses(), today)
        assert current is not None
        return read_chart_data(current.course.id)


def made(qtbot: QtBot, data: ChartData) -> tuple[ChartFigure, ChartFigure]:
    images = ChartImages(data)
    with qtbot.waitSignal(images.made, timeout=20_000) as signal:
        images.start()
    return signal.args[0]


def colours(image: QImage) -> int:
    """How many distinct colours a picture holds: a blank or flat one has one or two."""
    converted = image.convertToFormat(QImage.Format.Format_RGB32)  # kept while its bits are read
    pixels = np.frombuffer(converted.constBits(), np.uint32).copy()
    return len(np.unique(pixels))


def test_the_data_follows_the_current_course(sample_path: Path, today: dt.date) -> None:
    data = sample_data(sample_path, today)
    assert data.course is not None
    assert data.course.label == f"Exosomes ({sample.EXOSOME_PRODUCT})"
    assert data.course.first_session_on == today - dt.timedelta(days=90)
    assert [line.series.protocol for line in data.lines] == [
        ShedProtocol.DAILY_TOTAL,
        ShedProtocol.COMB_60S,
    ]
    assert {band.band.source for band in data.bands} >= {"Oh et al. 2020"}
    clinic = next(one for one in data.density if one.name == CLINIC)
    assert clinic.baseline == 140.0  # the clinic's figure in the 14 days before the first session
    assert len(data.marks.sessions) == len(sample.SESSION_DAYS_AGO)
    assert data.marks.photos == ()  # nothing to click on paper


def test_both_charts_are_drawn_with_their_data_on_one_time_span(
    qtbot: QtBot, sample_path: Path, today: dt.date
) -> None:
    images = ChartImages(sample_data(sample_path, today))
    for _step in range(5):  # make and draw both, then fit them to the same days
        images.steps.pop(0)()
    try:
        check_drawn(images, today)
    finally:
        images.cancel()
        with qtbot.waitSignal(images.dropped):
            images.start()
    assert images.holders == []


def check_drawn(images: ChartImages, today: dt.date) -> None:
    assert images.shedding is not None
    assert images.density is not None
    points = {item.name(): item.getData() for item in images.shedding.getPlotItem().listDataItems()}
    x, y = points["Daily total, 7-day mean"]
    # The mean of the last seven days counted: six recent days and one before them.
    assert y[-1] == pytest.approx((6 * sample.RECENT_VALUE + sample.OTHER_VALUE) / 7)
    days = [dt.datetime.fromtimestamp(value, dt.UTC).date() for value in x]
    assert days[-1] == today - dt.timedelta(days=1)
    assert {band.name for band in images.density.bands} >= {"Oh et al. 2020, grade A"}
    # The findings without figures are drawn too, one line a week (week 8: Tak et al.).
    assert len(images.density.markers) == len(images.data.markers) >= 1
    shedding_range = images.shedding.getPlotItem().viewRange()[0]
    density_range = images.density.getPlotItem().viewRange()[0]
    assert shedding_range == pytest.approx(density_range)


def test_the_images_are_sharp_drawings_with_captions_and_their_evidence(
    qtbot: QtBot, sample_path: Path, today: dt.date
) -> None:
    shedding, density = made(qtbot, sample_data(sample_path, today))
    assert (shedding.title, density.title) == (SHEDDING, DENSITY_TITLE)
    for figure in (shedding, density):
        assert figure.image is not None
        assert figure.image.width() == IMAGE_WIDTH
        assert 0.3 < figure.image.height() / figure.image.width() < 0.6
        assert colours(figure.image) > 50  # points, lines, bands and text, not a blank
        assert figure.missing == ""
    assert "illness or fever" in shedding.caption
    assert [(row.source, row.grade) for row in shedding.evidence] == [("Wasko 2008", "B")]
    assert "60-second comb count" in shedding.evidence[0].shown
    first_session = today - dt.timedelta(days=sample.FIRST_SESSION_DAYS_AGO)
    baseline = (
        f"{(first_session - dt.timedelta(days=14)).isoformat()} to "
        f"{(first_session - dt.timedelta(days=1)).isoformat()}, the 14 days before the first "
        f"session of Exosomes ({sample.EXOSOME_PRODUCT})."
    )
    assert baseline in density.caption
    sources = {row.source for row in density.evidence}
    assert "Oh et al. 2020" in sources
    assert all(row.grade in "ABCS" for row in density.evidence)


def test_cancel_drops_the_charts_and_says_so(
    qtbot: QtBot, sample_path: Path, today: dt.date
) -> None:
    images = ChartImages(sample_data(sample_path, today))
    finished: list[object] = []
    images.made.connect(finished.append)
    images.start()
    images.cancel()
    with qtbot.waitSignal(images.dropped):
        pass
    assert finished == []
    assert images.holders == []


def test_a_journal_without_counts_or_sessions_says_what_is_missing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with create_journal(tmp_path / "new.hairjournal", title="New", condition=Condition.TE):
        data = read_chart_data(None)
    shedding, density = made(qtbot, data)
    assert shedding.image is None
    assert shedding.missing == "No shedding counts are recorded, so there is no chart."
    assert density.image is None
    assert density.missing.startswith("No course has a session yet.")
    assert shedding.evidence == density.evidence == ()
