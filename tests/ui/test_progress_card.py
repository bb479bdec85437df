"""The Progress card: its sentences from known numbers, and its place on the window's dashboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import Condition, EventKind, ShedProtocol, TreatmentKind
from hairjournal.core.statistics import Change, percent_change
from hairjournal.store import models
from hairjournal.store.progress import BandPosition, ProtocolProgress, Trigger
from hairjournal.store.queries import Course, CourseWeek
from hairjournal.ui import progress_text
from hairjournal.ui.main_window import MainWindow
from tests.ui.sample_journal import BASELINE_VALUE, RECENT_VALUE

TODAY = dt.date(2026, 6, 15)
COURSE = Course(1, TreatmentKind.EXOSOME, "", dt.date(2026, 5, 1), None, None, 2, None, None)
WEEK_4 = CourseWeek(COURSE, dt.date(2026, 5, 18), True, 28)


def shed(
    recent: tuple[float, ...],
    baseline: tuple[float, ...],
    change: Change | None,
    bands: tuple[BandPosition, ...] = (),
    *,
    picked: bool = False,
) -> ProtocolProgress:
    return ProtocolProgress(
        ShedProtocol.DAILY_TOTAL,
        dt.date(2026, 6, 9),
        TODAY,
        recent,
        dt.date(2026, 5, 4),
        dt.date(2026, 5, 17),
        baseline,
        picked,
        change,
        bands,
    )


def test_the_comparison_in_words() -> None:
    change = Change(percent=-25.2, low=-31.4, high=-18.6)
    one = shed((78.0,) * 6, (104.0,) * 14, change)
    assert progress_text.change_text(one) == "25 % lower (95 % interval 19 % to 31 % lower)"
    assert progress_text.mean_text(one.recent, one.recent_first, one.recent_last) == (
        "78.0 (6 of 7 days counted)"
    )
    assert progress_text.mean_text((), one.baseline_first, one.baseline_last) == (
        "no counts (of 14 days)"
    )
    assert progress_text.baseline_name(one) == "the 14 days before the first session"
    assert progress_text.baseline_name(shed((), (), None, picked=True)) == "your baseline"


def test_intervals_on_either_side_of_no_change() -> None:
    assert progress_text.interval_text(Change(12.0, 4.4, 20.0)) == "4 % to 20 % higher"
    assert progress_text.interval_text(Change(2.0, -4.4, 9.6)) == "4 % lower to 10 % higher"
    assert progress_text.interval_text(Change(50.0, 3.0, float("inf"))) == (
        "3 % higher or more, with no upper bound"
    )


def test_what_is_missing_is_said() -> None:
    text = progress_text.missing_text(shed((80.0,) * 2, (100.0,) * 9, None), WEEK_4)
    assert text == (
        "Too few days counted in the last 7 days to compare: at least 4 are needed in each."
    )
    text = progress_text.missing_text(shed((80.0,) * 2, (), None, picked=True), WEEK_4)
    assert "in the last 7 days and in your baseline to compare" in text
    assert "no baseline" in progress_text.missing_text(shed((80.0,), (), None), None)


def test_no_band_says_so_and_a_band_names_its_source() -> None:
    change = Change(-25.0, -31.0, -19.0)
    assert progress_text.band_text(shed((78.0,), (104.0,), change)) == (
        "No published figures for this week"
    )
    band = BandPosition("Example et al. 2030", "B", -30.0, -10.0, "within")
    assert progress_text.band_text(shed((78.0,), (104.0,), change, (band,))) == (
        "Within the range reported by Example et al. 2030, grade B (-30 % to -10 %)"
    )


def test_a_trigger_and_its_window() -> None:
    trigger = Trigger(
        EventKind.ILLNESS_FEVER, dt.date(2026, 6, 3), dt.date(2026, 8, 2), dt.date(2026, 9, 1)
    )
    assert progress_text.trigger_text(trigger) == (
        "Illness or fever on 3 Jun 2026: shedding from it would be expected "
        "from about 2 Aug to 1 Sep 2026"
    )
    across = Trigger(
        EventKind.SURGERY, dt.date(2025, 11, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 30)
    )
    assert "from about 31 Dec 2025 to 30 Jan 2026" in progress_text.trigger_text(across)


def label(window: MainWindow, name: str) -> QLabel:
    found = window.views["dashboard"].findChild(QLabel, name)
    assert found is not None, name
    return found


def expected_change(recent: list[float]) -> str:
    change = percent_change(recent, [float(BASELINE_VALUE)] * 14)
    return (
        f"{progress_text.signed(change.percent)} "
        f"(95 % interval {progress_text.interval_text(change)})"
    )


def test_the_card_is_on_the_dashboard_and_follows_a_new_count(
    qtbot: QtBot, window: MainWindow, today: dt.date
) -> None:
    # The sample journal counts the last six days (not today) and the baseline at fixed values.
    assert models.Journal.get().condition == Condition.AGA_FEMALE
    recent = [float(RECENT_VALUE)] * 6
    assert label(window, "progress_change_daily_total").text() == expected_change(recent)
    assert label(window, "progress_change_daily_total").isVisible()
    assert label(window, "progress_band_daily_total").text() == "No published figures for this week"
    assert label(window, "progress_header_4").text() == "Published figures at week 12"
    assert label(window, "progress_recent_daily_total").text() == (
        f"{RECENT_VALUE:.1f} (6 of 7 days counted)"
    )
    assert label(window, "progress_baseline_daily_total").text() == (
        f"{BASELINE_VALUE:.1f} (14 of 14 days counted)"
    )
    assert label(window, "progress_disclaimer").text() == progress_text.DISCLAIMER
    assert "22 %" in label(window, "progress_photos").text()
    illness = today - dt.timedelta(days=70)
    assert label(window, "trigger_0").text() == (
        "• "
        + progress_text.trigger_text(
            Trigger(
                EventKind.ILLNESS_FEVER,
                illness,
                illness + dt.timedelta(days=60),
                illness + dt.timedelta(days=90),
            )
        )
        + "."
    )

    window.history.add(
        models.ShedCount,
        {"date": today, "protocol": ShedProtocol.DAILY_TOTAL, "value": 130},
        "Add count",
    )

    after = expected_change([*recent, 130.0])
    qtbot.waitUntil(lambda: label(window, "progress_change_daily_total").text() == after)
    assert label(window, "progress_recent_daily_total").text() == "70.0 (7 of 7 days counted)"
