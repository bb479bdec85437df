"""Upgrading a journal of every released schema, and what happens when a step fails."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from hairjournal.core.enums import Condition, MeasurementKind
from hairjournal.store import migrations, models
from hairjournal.store.journal import create_journal, open_journal
from hairjournal.store.migrations import SCHEMA_VERSION, MigrationError, Step, migrate
from tests.journal_files import V1_FIXTURE, V2_FIXTURE

# One committed fixture per released schema version; each must open and migrate to the newest.
RELEASED_FIXTURES = {1: V1_FIXTURE, 2: V2_FIXTURE}
ADDED_SINCE_V1 = {"treatment": ("next_session_on", "baseline_from", "baseline_to")}


def _rows(path: Path, table: str, columns: str = "*") -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(f'SELECT {columns} FROM "{table}" ORDER BY 1').fetchall()
    finally:
        connection.close()


def _schema(path: Path) -> list[tuple[object, ...]]:
    return _rows(path, "sqlite_master", "name, type, tbl_name, sql")


def _version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def v1_journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.hairjournal"
    shutil.copyfile(V1_FIXTURE, path)
    return path


def test_every_released_schema_has_a_fixture() -> None:
    assert set(RELEASED_FIXTURES) == set(range(1, SCHEMA_VERSION))
    assert all(_version(path) == version for version, path in RELEASED_FIXTURES.items())


@pytest.mark.parametrize("version", RELEASED_FIXTURES)
def test_released_journal_migrates_to_the_fresh_schema(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.hairjournal"
    shutil.copyfile(RELEASED_FIXTURES[version], old)
    with create_journal(tmp_path / "fresh.hairjournal", title="x", condition=Condition.TE):
        pass
    with open_journal(old) as journal:
        assert journal.migrated_from == version
    assert _version(old) == SCHEMA_VERSION
    assert _schema(old) == _schema(tmp_path / "fresh.hairjournal")


def _records(path: Path, table: str) -> list[dict[str, object]]:
    """Every row of ``table`` by column name, so that a change of column order does not count."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1')]
    finally:
        connection.close()


@pytest.mark.parametrize("version", RELEASED_FIXTURES)
def test_released_rows_survive_the_upgrade_unchanged(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.hairjournal"
    shutil.copyfile(RELEASED_FIXTURES[version], old)
    tables = [model._meta.table_name for model in models.MODELS]
    before = {table: _records(old, table) for table in tables}

    with open_journal(old):
        pass

    after = {table: _records(old, table) for table in tables}
    # Columns added since are empty where the old file had none; every other value is kept.
    for table, columns in ADDED_SINCE_V1.items():
        for row_before, row_after in zip(before[table], after[table], strict=True):
            for column in columns:
                assert row_after.pop(column) == row_before.pop(column, None)
    assert after == before
    assert all(before.values())  # the fixture has rows in every table


def test_upgraded_journal_takes_what_version_2_added(v1_journal: Path) -> None:
    with open_journal(v1_journal):
        models.Measurement.create(date="2025-04-01", kind=MeasurementKind.SAVIN, value=3)
        treatment = models.Treatment.get_by_id(1)
        treatment.next_session_on = "2025-04-07"
        treatment.save()
        # the rebuilt tables kept their rules and their relations
        with pytest.raises(pw.IntegrityError):
            models.Measurement.create(date="2025-04-01", kind=MeasurementKind.SAVIN, value=10)
        models.Treatment.delete_by_id(1)
        assert models.Session.select().count() == 0


def test_upgraded_journal_takes_a_picked_baseline(tmp_path: Path) -> None:
    old = tmp_path / "old.hairjournal"
    shutil.copyfile(V2_FIXTURE, old)
    with open_journal(old):
        treatment = models.Treatment.get_by_id(1)
        assert treatment.next_session_on == dt.date(2025, 4, 7)  # version 2's value kept
        treatment.baseline_from, treatment.baseline_to = "2024-12-01", "2024-12-31"
        treatment.save()
        with pytest.raises(pw.IntegrityError):  # a span that ends before it starts
            models.Treatment.update(baseline_to="2024-11-01").where(
                models.Treatment.id == 1
            ).execute()
        with pytest.raises(pw.IntegrityError):  # one end without the other
            models.Treatment.update(baseline_to=None).where(models.Treatment.id == 1).execute()


def test_upgrade_is_preceded_by_a_backup_of_the_old_file(v1_journal: Path) -> None:
    original = v1_journal.read_bytes()
    with open_journal(v1_journal) as journal:
        backup = journal.backup
    assert backup is not None
    assert backup.parent == v1_journal.parent / "backups"
    assert _version(backup) == 1
    assert _schema(backup) == _schema(V1_FIXTURE)
    assert _rows(backup, "session") == _rows(V1_FIXTURE, "session")
    assert original == V1_FIXTURE.read_bytes()
    assert oct(backup.stat().st_mode & 0o777) == "0o600"


def _connect(path: Path) -> pw.SqliteDatabase:
    db = pw.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    db.connect()
    return db


def test_failed_step_rolls_back_to_the_last_committed_version(
    v1_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_column(db: pw.SqliteDatabase) -> None:
        db.execute_sql("ALTER TABLE event ADD COLUMN severity INTEGER")

    def break_halfway(db: pw.SqliteDatabase) -> None:
        db.execute_sql("DELETE FROM shed_count")
        db.execute_sql("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(
        migrations,
        "STEPS",
        (Step(2, "adds a column", add_column), Step(3, "fails", break_halfway)),
    )
    counts_before = _rows(v1_journal, "shed_count")
    db = _connect(v1_journal)
    try:
        with pytest.raises(MigrationError, match="version 3"):
            migrate(db)
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()
    assert _version(v1_journal) == 2  # step 2 committed on its own
    assert _rows(v1_journal, "shed_count") == counts_before  # step 3 left nothing behind
    assert "severity" in str(_schema(v1_journal))


def test_step_that_orphans_rows_is_refused(
    v1_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def orphan_sessions(db: pw.SqliteDatabase) -> None:
        db.execute_sql("DELETE FROM treatment")

    monkeypatch.setattr(migrations, "STEPS", (Step(2, "orphans", orphan_sessions),))
    db = _connect(v1_journal)
    try:
        with pytest.raises(MigrationError, match="pointing at records that do not exist"):
            migrate(db)
    finally:
        db.close()
    assert _version(v1_journal) == 1
    assert len(_rows(v1_journal, "treatment")) == 2


def test_current_journal_runs_no_step(tmp_path: Path) -> None:
    with create_journal(tmp_path / "j.hairjournal", title="x", condition=Condition.AA) as journal:
        assert migrate(journal.db) == 0
