"""Creating, opening and refusing journal files: every refusal leaves the file as it was."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store import models
from hairjournal.store.journal import (
    APPLICATION_ID,
    JournalRefused,
    Refusal,
    create_journal,
    inspect_journal,
    open_journal,
)
from hairjournal.store.migrations import SCHEMA_VERSION
from hairjournal.store.privacy import make_private_folder
from tests.journal_files import (
    corrupt_index_page,
    folder_fingerprint,
    make_journal,
    make_newer_journal,
    make_sqlite,
)


def test_new_journal_is_marked_private_and_current(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "mine.hairjournal"
    with create_journal(
        path,
        title="Crown",
        condition=Condition.AGA_MALE,
        onset_on=dt.date(2023, 5, 1),
        birth_year=1990,
        first_treatment=(TreatmentKind.EXOSOME, dt.date(2024, 2, 1)),
    ) as journal:
        pragmas = {
            name: journal.db.execute_sql(f"PRAGMA {name}").fetchone()[0]
            for name in (
                "application_id",
                "user_version",
                "journal_mode",
                "foreign_keys",
                "synchronous",
                "busy_timeout",
            )
        }
        row = models.Journal.get()
        treatment = models.Treatment.get()
    assert pragmas == {
        "application_id": APPLICATION_ID,
        "user_version": SCHEMA_VERSION,
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,  # FULL
        "busy_timeout": 5000,
    }
    assert (row.title, row.condition, row.onset_on, row.birth_year) == (
        "Crown",
        Condition.AGA_MALE,
        dt.date(2023, 5, 1),
        1990,
    )
    assert (treatment.kind, treatment.started_on) == (TreatmentKind.EXOSOME, dt.date(2024, 2, 1))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == ["mine.hairjournal"]


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    make_journal(folder / "j.hairjournal")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE((folder / "j.hairjournal").stat().st_mode) == 0o600


def test_private_folder_is_created_owner_only(tmp_path: Path) -> None:
    make_private_folder(tmp_path / "a" / "b")
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.hairjournal", counts=3)
    before = folder_fingerprint(tmp_path)
    with pytest.raises(JournalRefused) as refused:
        create_journal(path, title="Again", condition=Condition.TE)
    assert refused.value.refusal is Refusal.EXISTS
    assert folder_fingerprint(tmp_path) == before


def test_reopened_journal_keeps_what_was_written(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.hairjournal", counts=30)
    with open_journal(path) as journal:
        assert journal.migrated_from is None
        assert models.ShedCount.select().count() == 30
    assert models.database.obj is None


def _write_text(path: Path) -> None:
    path.write_text("Shedding: 80, 95, 110\n", encoding="utf-8")


REFUSED_FILES: dict[str, tuple[Callable[[Path], object], Refusal, str]] = {
    "zero bytes": (lambda p: p.touch(), Refusal.EMPTY, "is empty"),
    "a text file": (_write_text, Refusal.NOT_SQLITE, "not an SQLite database"),
    "another program's SQLite": (make_sqlite, Refusal.FOREIGN, "made by another program"),
    "another application id": (
        lambda p: make_sqlite(p, application_id=0x4D504246),
        Refusal.FOREIGN,
        "made by another program",
    ),
    "a newer schema": (
        lambda p: make_newer_journal(p, SCHEMA_VERSION + 1),
        Refusal.NEWER,
        "newer version of Hair Journal",
    ),
    "a damaged page": (
        lambda p: corrupt_index_page(make_journal(p, counts=600)),
        Refusal.DAMAGED,
        "is damaged",
    ),
}


@pytest.mark.parametrize("case", REFUSED_FILES, ids=list(REFUSED_FILES))
def test_untrusted_file_is_refused_and_left_unchanged(tmp_path: Path, case: str) -> None:
    make, refusal, words = REFUSED_FILES[case]
    path = tmp_path / "journal.hairjournal"
    make(path)
    before = folder_fingerprint(tmp_path)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path)

    assert refused.value.refusal is refusal
    assert words in refused.value.message
    assert "has not been changed" in refused.value.message
    assert folder_fingerprint(tmp_path) == before  # same bytes, and no -wal, -shm or lock left
    assert models.database.obj is None


def test_damaged_file_still_answers_simple_queries(tmp_path: Path) -> None:
    # The reason quick_check runs on every open: a damaged journal does not look damaged.
    path = make_journal(tmp_path / "j.hairjournal", counts=600)
    corrupt_index_page(path)
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert connection.execute("SELECT title FROM journal").fetchone() == ("Test journal",)
    assert connection.execute("PRAGMA quick_check").fetchone() != ("ok",)
    connection.close()


def test_a_damaged_photo_original_is_found_by_the_thorough_check(tmp_path: Path) -> None:
    # Opening checks every table but the originals (gigabytes in a journal of years); the
    # thorough check of `hairjournal check` and of every backup reads them too.
    path = make_journal(tmp_path / "j.hairjournal", counts=10)
    filler = b"\xab" * 200_000
    with open_journal(path):
        photo = models.Photo.create(
            taken_at=dt.datetime(2026, 1, 1, 8),
            region="vertex",
            sha256="a" * 64,
            format="JPEG",
            width=10,
            height=10,
            imported_at=dt.datetime(2026, 1, 1, 8),
            thumbnail=b"",
        )
        models.PhotoOriginal.create(photo=photo, data=filler)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    overflow = next(
        start
        for start in range(page, len(data), page)
        if data[start + 4 : start + page] == filler[: page - 4]
    )
    data[overflow : overflow + 4] = (2**31).to_bytes(4, "big")  # a next page that cannot be
    path.write_bytes(data)

    inspect_journal(path)  # opening stays quick: the originals are not read
    with pytest.raises(JournalRefused) as refused:
        inspect_journal(path, thorough=True)
    assert refused.value.refusal is Refusal.DAMAGED


def test_missing_file_is_not_created_by_open(tmp_path: Path) -> None:
    with pytest.raises(JournalRefused) as refused:
        open_journal(tmp_path / "nowhere.hairjournal")
    assert refused.value.refusal is Refusal.MISSING
    assert list(tmp_path.iterdir()) == []


def test_inspection_reads_a_journal_without_touching_it(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.hairjournal", counts=10)
    before = folder_fingerprint(tmp_path)
    inspection = inspect_journal(path)
    assert inspection.healthy
    assert inspection.schema_version == SCHEMA_VERSION
    assert folder_fingerprint(tmp_path) == before


HOLD_OPEN = """
import sys
from pathlib import Path
from hairjournal.store.journal import open_journal
journal = open_journal(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
journal.close()
"""


@pytest.fixture
def held_open(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A journal held open for writing by another real process."""
    path = make_journal(tmp_path / "j.hairjournal", counts=5)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        yield path, holder
        if holder.poll() is None:
            holder.kill()


@pytest.mark.slow
def test_journal_open_in_another_process_is_refused_naming_it(
    held_open: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, holder = held_open
    with pytest.raises(JournalRefused) as refused:
        open_journal(path)
    assert refused.value.refusal is Refusal.LOCKED
    assert f"process {holder.pid}" in refused.value.message
    assert models.database.obj is None

    assert holder.stdin is not None
    holder.stdin.write("done\n")
    holder.stdin.flush()
    assert holder.wait(timeout=30) == 0
    with open_journal(path) as journal:
        assert journal.path == path


@pytest.mark.slow
def test_lock_of_a_killed_process_does_not_block_the_journal(
    held_open: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, holder = held_open
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    with open_journal(path) as journal:
        assert models.ShedCount.select().count() == 5
        assert journal.migrated_from is None


def test_second_journal_in_one_process_is_a_programming_error(tmp_path: Path) -> None:
    first = make_journal(tmp_path / "a.hairjournal")
    second = make_journal(tmp_path / "b.hairjournal")
    with open_journal(first), pytest.raises(RuntimeError, match="still open"):
        open_journal(second)
    with open_journal(second) as journal:
        assert journal.path == second
