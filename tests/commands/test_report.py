"""``hairjournal report``, run as a separate process the way a person runs it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from hairjournal.services.demo import write_demo
from tests.journal_files import folder_fingerprint, make_sqlite
from tests.pdf_files import page_count, page_size_points, pdf_text, render_pages
from tests.test_cli import hairjournal
from tests.ui.conftest import read_journal


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo journal ending today, so that its last seven days are the report's."""
    path = tmp_path_factory.mktemp("demo") / "demo.hairjournal"
    write_demo(path, seed=3, end=dt.date.today(), photos=False)
    return path


def without_display() -> dict[str, str]:
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    return {name: value for name, value in os.environ.items() if name not in hidden}


def latest_mean(journal: Path) -> str:
    """The last seven days' mean of the daily totals as the dashboard words it, read with plain
    sqlite3: '81.3 (6 of 7 days counted)'."""
    first = (dt.date.today() - dt.timedelta(days=6)).isoformat()
    [(mean, days)] = read_journal(
        journal,
        "SELECT avg(value), count(*) FROM shed_count "
        f"WHERE protocol = 'daily_total' AND date >= '{first}'",
    )
    return f"{mean:.1f} ({days} of 7 days counted)"


def test_the_report_of_the_demo_states_its_key_facts(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    result = hairjournal("report", demo, "--out", out, env=without_display())

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no Qt chatter, no traceback
    assert result.stdout.startswith("The summary (")
    assert f"was saved as {out}." in result.stdout
    assert "unencrypted" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]
    text = pdf_text(out)
    for fact in (
        "Androgenetic alopecia (male pattern)",
        "Exosomes *",
        "Minoxidil (topical)",
        latest_mean(demo),
        "Oh et al. 2020",
        "Evidence grades: A randomised controlled trial",
        "The evidence is thin and no exosome product is approved.",
        "it does not judge whether a treatment works",
        "No photos are in the journal.",
    ):
        assert fact in text, fact
    days = [day for (day,) in read_journal(demo, "SELECT date FROM session ORDER BY date")]
    assert len(days) == 6
    for day in days:
        assert day in text
    pages = render_pages(out, tmp_path / "pages")
    assert len(pages) == page_count(out) >= 3
    assert all(page.stat().st_size > 1000 for page in pages)


def test_letter_paper(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = hairjournal("report", demo, "--out", out, "--paper", "letter")
    assert result.returncode == 0, result.stderr
    width, height = page_size_points(out)
    assert (round(width), round(height)) == (612, 792)


def test_an_existing_file_is_kept_unless_told_to_replace_it(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"last month's summary")
    result = hairjournal("report", demo, "--out", out)
    assert result.returncode == 1
    assert result.stderr == (
        f"hairjournal report: {out} already exists; choose another name, or add --force to "
        "replace it\n"
    )
    assert out.read_bytes() == b"last month's summary"
    result = hairjournal("report", demo, "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("journal", "message"),
    [
        ("missing.hairjournal", "There is no journal at {journal}."),
        ("other.db", "other.db is an SQLite database made by another program, not a Hair Journal."),
    ],
)
def test_a_journal_that_cannot_be_opened_is_said_so_and_nothing_is_written(
    tmp_path: Path, journal: str, message: str
) -> None:
    path = tmp_path / journal
    if path.suffix == ".db":
        make_sqlite(path)
    before = folder_fingerprint(tmp_path)
    result = hairjournal("report", path, "--out", tmp_path / "summary.pdf")
    assert result.returncode == 1
    assert result.stderr.startswith(f"hairjournal report: {message.format(journal=path)}")
    assert "Traceback" not in result.stderr
    assert folder_fingerprint(tmp_path) == before


def test_a_folder_that_does_not_exist_is_said_so(demo: Path, tmp_path: Path) -> None:
    result = hairjournal("report", demo, "--out", tmp_path / "gone" / "summary.pdf")
    assert result.returncode == 1
    assert result.stderr == f"hairjournal report: the folder {tmp_path / 'gone'} does not exist\n"
    assert list(tmp_path.iterdir()) == []


def test_the_help_says_the_file_is_unencrypted() -> None:
    result = hairjournal("report", "--help")
    assert result.returncode == 0
    assert "unencrypted" in result.stdout
    assert "--paper" in result.stdout
