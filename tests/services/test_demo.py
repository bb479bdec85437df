"""The demo journal: deterministic, realistic in shape, and never written over an existing file."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
import statistics
from pathlib import Path

import pytest

from hairjournal.core.enums import (
    CellSource,
    MeasurementKind,
    Route,
    ScalpRegion,
    ShedProtocol,
    TreatmentKind,
)
from hairjournal.core.scales import STAGE_SCALES
from hairjournal.services.demo import write_demo
from hairjournal.store.check import DATE_COLUMNS
from hairjournal.store.journal import JournalRefused, Refusal, inspect_journal
from hairjournal.store.migrations import SCHEMA_VERSION
from tests.journal_files import folder_fingerprint

END = dt.date(2026, 11, 20)


def rows_by_table(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()


def query(path: Path, sql: str) -> list[sqlite3.Row]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_same_seed_and_end_give_identical_journals(tmp_path: Path) -> None:
    first = write_demo(tmp_path / "a.hairjournal", seed=7, end=END, photos=False)
    second = write_demo(tmp_path / "b.hairjournal", seed=7, end=END, photos=False)
    rows_a = rows_by_table(tmp_path / "a.hairjournal")
    assert rows_a == rows_by_table(tmp_path / "b.hairjournal")
    assert first == second
    assert {table for table, rows in rows_a.items() if rows} == {
        "journal",
        "treatment",
        "session",
        "shed_count",
        "checkin",
        "event",
        "measurement",
    }
    # Created "on" the first day of the demo, not when the file was written.
    (created_at,) = query(tmp_path / "a.hairjournal", "SELECT created_at FROM journal")[0]
    assert created_at == f"{END - dt.timedelta(days=first.days - 1)} 20:30:00"


def test_another_seed_gives_other_counts(tmp_path: Path) -> None:
    one = write_demo(tmp_path / "one.hairjournal", seed=1, end=END, photos=False)
    two = write_demo(tmp_path / "two.hairjournal", seed=2, end=END, photos=False)
    assert one.shed_counts != two.shed_counts
    assert rows_by_table(tmp_path / "one.hairjournal") != rows_by_table(
        tmp_path / "two.hairjournal"
    )


def test_summary_counts_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    summary = write_demo(path, end=END, photos=False)
    rows = rows_by_table(path)
    assert (
        summary.treatments,
        summary.sessions,
        summary.shed_counts,
        summary.checkins,
        summary.events,
        summary.measurements,
    ) == tuple(
        len(rows[table])
        for table in ("treatment", "session", "shed_count", "checkin", "event", "measurement")
    )
    assert f"{summary.days} days, 2 treatments, 6 exosome sessions" in str(summary)
    assert f"{summary.shed_counts} shedding counts" in str(summary)
    assert rows["photo"] == []


def test_six_micro_injection_sessions_four_weeks_apart_all_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    write_demo(path, seed=3, end=END, photos=False)
    treatments = query(path, "SELECT kind, dose, stopped_on, next_session_on FROM treatment")
    kinds = {row["kind"]: tuple(row)[1:] for row in treatments}
    assert kinds[TreatmentKind.MINOXIDIL_TOPICAL] == ("5 % foam, 1 ml twice daily", None, None)
    # The six sessions are done and a maintenance session is booked a few weeks ahead.
    _dose, stopped_on, next_session_on = kinds[TreatmentKind.EXOSOME]
    assert stopped_on is None
    assert 14 <= (dt.date.fromisoformat(next_session_on) - END).days <= 42
    sessions = query(
        path,
        "SELECT session.*, treatment.kind FROM session JOIN treatment "
        "ON treatment.id = session.treatment_id ORDER BY date",
    )
    assert len(sessions) == 6
    dates = [dt.date.fromisoformat(row["date"]) for row in sessions]
    assert [(b - a).days for a, b in itertools.pairwise(dates)] == [28] * 5
    for row in sessions:
        assert (row["kind"], row["route"]) == (TreatmentKind.EXOSOME, Route.MICRO_INJECTION)
        assert row["cell_source"] == CellSource.ADSC
        assert all(row[name] for name in ("product", "maker", "lot", "clinic", "notes"))
        assert 2 <= row["volume_ml"] <= 4
        assert 1.0 <= row["needle_depth_mm"] <= 1.5
        assert 0 <= row["pain"] <= 10
        assert row["cost"] > 0
        areas = json.loads(row["areas"])
        assert ScalpRegion.VERTEX in areas
        assert set(areas) <= set(ScalpRegion.codes())
        assert all(isinstance(effect, str) and effect for effect in json.loads(row["side_effects"]))
    assert len({row["lot"] for row in sessions}) == 3  # a new batch every other visit


def daily_totals(path: Path) -> dict[dt.date, int]:
    rows = query(path, "SELECT date, value FROM shed_count WHERE protocol = 'daily_total'")
    return {dt.date.fromisoformat(day): value for day, value in rows}


def seven_day_means(counts: dict[dt.date, int], first: dt.date, last: dt.date) -> list[float]:
    """The mean of each 7-day window that starts between ``first`` and ``last``, inclusive."""
    means = []
    for start in range((last - first).days + 1):
        week_start = first + dt.timedelta(days=start)
        week = [counts[d] for d in counts if week_start <= d < week_start + dt.timedelta(days=7)]
        means.append(statistics.mean(week))
    return means


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_fever_is_followed_by_shedding_that_settles_below_baseline(
    tmp_path: Path, seed: int
) -> None:
    path = tmp_path / "demo.hairjournal"
    summary = write_demo(path, seed=seed, end=END, photos=False)
    counts = daily_totals(path)
    first_day = END - dt.timedelta(days=summary.days - 1)
    assert min(counts) == first_day
    [(started, ended)] = query(
        path, "SELECT started_on, ended_on FROM event WHERE kind = 'illness_fever'"
    )
    fever, fever_end = dt.date.fromisoformat(started), dt.date.fromisoformat(ended)
    assert 2 <= (fever_end - fever).days <= 6
    assert 7 * 8 <= (fever - first_day).days <= 7 * 12
    day = dt.timedelta(days=1)
    baseline = statistics.mean(seven_day_means(counts, first_day, first_day + 14 * day))
    after_fever = seven_day_means(counts, fever + 60 * day, fever + 93 * day)
    assert statistics.mean(after_fever) > 1.3 * baseline
    last_three_weeks = seven_day_means(counts, END - 20 * day, END - 6 * day)
    assert max(last_three_weeks) < 0.8 * max(after_fever)
    assert statistics.mean(last_three_weeks) < baseline
    # Before the fever, nothing like that peak.
    assert max(seven_day_means(counts, first_day, fever - 7 * day)) < max(after_fever)


def test_counts_by_two_protocols_with_wash_days_marked(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    summary = write_demo(path, seed=5, end=END, photos=False)
    rows = query(path, "SELECT date, protocol, value, wash_day FROM shed_count")
    daily = {day: (value, wash) for day, protocol, value, wash in rows if protocol == "daily_total"}
    comb = {day: (value, wash) for day, protocol, value, wash in rows if protocol == "comb_60s"}
    assert {protocol for _, protocol, _, _ in rows} == {
        ShedProtocol.DAILY_TOTAL.value,
        ShedProtocol.COMB_60S.value,
    }
    assert summary.days - 10 <= len(daily) < summary.days  # a few days were missed
    assert summary.days / 3.5 <= len(comb) <= summary.days / 2
    assert all(wash == 1 for _, wash in comb.values())
    assert {day for day, (_, wash) in daily.items() if wash} == set(comb)
    wash_dates = sorted(dt.date.fromisoformat(day) for day in comb)
    gaps = [(b - a).days for a, b in itertools.pairwise(wash_dates)]
    assert min(gaps) == 2
    assert 2 <= statistics.mean(gaps) <= 3  # longer gaps only where a count was missed
    baseline = sorted(daily)[:21]  # no day of the three baseline weeks is missed
    assert 80 <= statistics.mean(daily[day][0] for day in baseline) <= 120
    assert 10 <= statistics.mean(comb[day][0] for day in baseline if day in comb) <= 25
    washed = [daily[day][0] for day in baseline if daily[day][1]]
    unwashed = [daily[day][0] for day in baseline if not daily[day][1]]
    assert statistics.mean(washed) > statistics.mean(unwashed)


def test_checkins_and_clinic_figures_improve_gently(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    write_demo(path, seed=6, end=END, photos=False)
    checkins = query(path, "SELECT date, density, quality, breakage FROM checkin ORDER BY date")
    dates = [dt.date.fromisoformat(row[0]) for row in checkins]
    assert {(b - a).days for a, b in itertools.pairwise(dates)} == {7}
    first, last = checkins[:4], checkins[-4:]
    assert statistics.mean(r[1] for r in last) > statistics.mean(r[1] for r in first)
    assert statistics.mean(r[3] for r in last) < statistics.mean(r[3] for r in first)
    figures: dict[str, list[float]] = {}
    for kind, value in query(path, "SELECT kind, value FROM measurement ORDER BY date, id"):
        figures.setdefault(kind, []).append(value)
    density = figures[MeasurementKind.DENSITY_PER_CM2]
    assert len(density) == 4
    assert 120 <= density[0] <= 140
    assert all(a < b for a, b in itertools.pairwise(density))
    assert density[-1] < density[0] * 1.25
    assert len(figures[MeasurementKind.SHAFT_DIAMETER_UM]) == 4
    iii_vertex = STAGE_SCALES[MeasurementKind.NORWOOD].position("III vertex")
    assert figures[MeasurementKind.NORWOOD] == [iii_vertex, iii_vertex]
    # Every other figure a male-pattern journal would hold; no SALT or women's scales.
    assert set(figures) == {
        MeasurementKind.DENSITY_PER_CM2,
        MeasurementKind.SHAFT_DIAMETER_UM,
        MeasurementKind.TARGET_AREA_COUNT,
        MeasurementKind.PULL_TEST,
        MeasurementKind.NORWOOD,
    }
    counts = figures[MeasurementKind.TARGET_AREA_COUNT]
    assert [round(c / d) for c, d in zip(counts, density, strict=True)] == [2, 2, 2, 2]
    assert all(
        0 <= hairs <= 6 and hairs == int(hairs) for hairs in figures[MeasurementKind.PULL_TEST]
    )


def test_nothing_after_the_end_and_the_journal_is_sound(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    write_demo(path, seed=8, end=END, photos=False)
    inspection = inspect_journal(path)
    assert inspection.healthy
    assert inspection.schema_version == SCHEMA_VERSION
    dates = " UNION ALL ".join(f"SELECT {column} AS day FROM {t}" for t, column in DATE_COLUMNS)
    [(last,)] = query(path, f"SELECT max(day) FROM ({dates})")
    assert last == END.isoformat()
    [(created_at,)] = query(path, "SELECT created_at FROM journal")
    assert created_at < END.isoformat()
    assert sorted(item.name for item in tmp_path.iterdir()) == ["demo.hairjournal"]


def test_end_defaults_to_today(tmp_path: Path) -> None:
    before = dt.date.today()
    write_demo(tmp_path / "demo.hairjournal", photos=False)
    after = dt.date.today()
    [(last,)] = query(tmp_path / "demo.hairjournal", "SELECT max(date) FROM checkin")
    assert dt.date.fromisoformat(last) in {before, after}


def test_an_existing_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "mine.hairjournal"
    path.write_bytes(b"my real journal, not to be touched")
    before = folder_fingerprint(tmp_path)
    with pytest.raises(JournalRefused) as refused:
        write_demo(path, end=END)  # refused before any photo is generated
    assert refused.value.refusal is Refusal.EXISTS
    assert "already exists" in refused.value.message
    assert folder_fingerprint(tmp_path) == before
