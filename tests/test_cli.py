"""The real ``hairjournal`` command, run as a separate process the way a person runs it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from hairjournal import APP_NAME, __version__
from hairjournal.services.demo import write_demo
from hairjournal.store.journal import inspect_journal
from tests.journal_files import corrupt_index_page, folder_fingerprint

END = "2026-11-20"


def hairjournal(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m hairjournal ARGS`` with this test's private folders (XDG_*)."""
    return subprocess.run(
        [sys.executable, "-m", "hairjournal", *map(str, args)],
        env=dict(os.environ) if env is None else env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_demo_writes_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    result = hairjournal("demo", path, "--seed", "3", "--end", END, "--no-photos")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote a demo journal to {path}: 273 days, ")
    assert "6 exosome sessions" in result.stdout
    assert "photos" not in result.stdout  # --no-photos: none generated
    assert inspect_journal(path).healthy
    assert sorted(item.name for item in tmp_path.iterdir()) == ["demo.hairjournal"]


def test_demo_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.hairjournal"
    path.write_bytes(b"months of my own counts")
    before = folder_fingerprint(tmp_path)
    result = hairjournal("demo", path)
    assert result.returncode != 0
    assert result.stderr.startswith("hairjournal demo: mine.hairjournal already exists")
    assert "Traceback" not in result.stderr
    assert folder_fingerprint(tmp_path) == before


def test_demo_refuses_a_date_that_is_not_one(tmp_path: Path) -> None:
    result = hairjournal("demo", tmp_path / "demo.hairjournal", "--end", "20/11/2026")
    assert result.returncode == 2
    assert "expected a date as YYYY-MM-DD" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_check_passes_a_demo_and_prints_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    summary = write_demo(path, seed=2, end=dt.date.fromisoformat(END), photos=False)
    result = hairjournal("check", path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("demo.hairjournal is healthy.")
    assert "Sessions: 6" in result.stdout
    assert f"Shedding counts: {summary.shed_counts} (" in result.stdout
    assert f"Check-ins: {summary.checkins}" in result.stdout


def test_check_fails_a_damaged_journal(tmp_path: Path) -> None:
    path = tmp_path / "demo.hairjournal"
    write_demo(path, seed=2, end=dt.date.fromisoformat(END), photos=False)
    corrupt_index_page(path)
    before = folder_fingerprint(tmp_path)
    result = hairjournal("check", path)
    assert result.returncode == 1
    assert result.stdout.startswith("demo.hairjournal has problems.")
    assert "is damaged and cannot be trusted" in result.stdout
    assert folder_fingerprint(tmp_path) == before


def test_version() -> None:
    result = hairjournal("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_help_documents_commands_and_options() -> None:
    result = hairjournal("--help")
    assert result.returncode == 0
    for word in ("demo", "check", "--journal", "--screenshot", "--view", "--size"):
        assert word in result.stdout, word


def test_without_a_display_it_explains_instead_of_aborting() -> None:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = hairjournal(env=env)
    # A Qt abort would show as a negative return code (killed by SIGABRT).
    assert result.returncode == 2, result.stderr
    assert "--screenshot" in result.stderr
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr
