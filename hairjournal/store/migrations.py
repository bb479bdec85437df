"""Schema versions and the ordered steps that bring an older journal up to the newest.

A journal's schema version is its ``PRAGMA user_version``. Each step runs in its own transaction
together with the version bump, so a journal is always at exactly one version; the whole file is
copied to the backups folder before the first step runs.

A step may rebuild a table to the current model: SQLite cannot alter a CHECK constraint in
place, so the table is recreated under a temporary name, filled, and renamed, the procedure the
SQLite documentation gives for "other kinds of table schema changes".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from hairjournal.store import models
from hairjournal.store.snapshot import snapshot


@dataclass(frozen=True)
class Step:
    version: int  # the schema version the journal has after this step
    summary: str
    apply: Callable[[pw.SqliteDatabase], None]


def rebuild_table(db: pw.SqliteDatabase, model: type[models.BaseModel]) -> None:
    """Recreate ``model``'s table from the current model, keeping every row it can.

    Columns the old table lacks take their model default; the caller runs inside a transaction
    with foreign keys off, and the runner checks foreign keys before committing.
    """
    table = model._meta.table_name
    old_columns = {column.name for column in db.get_columns(table)}
    new_fields = [f for f in model._meta.sorted_fields if f.column_name in old_columns]
    temporary = f"{table}__rebuilt"
    model._meta.set_table_name(temporary)
    try:
        model._schema.create_table(safe=False)
    finally:
        model._meta.set_table_name(table)
    columns = ", ".join(f'"{f.column_name}"' for f in new_fields)
    db.execute_sql(f'INSERT INTO "{temporary}" ({columns}) SELECT {columns} FROM "{table}"')
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
    model._schema.create_indexes(safe=False)


def _v2_plans_savin_thumbnails(db: pw.SqliteDatabase) -> None:
    # Version 1 had no planned next session for a course, no Savin scale for clinic figures,
    # and kept each photo's thumbnail before its other columns, where listings had to read it.
    rebuild_table(db, models.Treatment)
    rebuild_table(db, models.Measurement)
    rebuild_table(db, models.Photo)


def _v3_picked_baselines(db: pw.SqliteDatabase) -> None:
    # Version 2 always compared a course with the 14 days before its first session.
    rebuild_table(db, models.Treatment)


STEPS: tuple[Step, ...] = (
    Step(
        2,
        "planned next session for a course; the Savin scale; thumbnails stored last",
        _v2_plans_savin_thumbnails,
    ),
    Step(3, "a baseline period the user picks for a course", _v3_picked_baselines),
)
SCHEMA_VERSION = STEPS[-1].version if STEPS else 1


class MigrationError(Exception):
    """A step failed; the journal is still at the last version that committed."""


def backup_before_migrating(db: pw.SqliteDatabase, journal: Path, backups: Path) -> Path:
    """Copy the journal, as it is, into ``backups`` before its schema is changed."""
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{journal.stem}-schema-{version}-{stamp}.hairjournal"
    snapshot(db.connection(), target)
    return target


def migrate(db: pw.SqliteDatabase, *, on_step: Callable[[Step], None] | None = None) -> int:
    """Run every step newer than the journal's version; return how many ran."""
    current = db.execute_sql("PRAGMA user_version").fetchone()[0]
    pending = [step for step in STEPS if step.version > current]
    for step in pending:
        db.execute_sql("PRAGMA foreign_keys = OFF")
        try:
            with db.atomic():
                step.apply(db)
                broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(
                        f"step to version {step.version} would leave {len(broken)} rows "
                        "pointing at records that do not exist"
                    )
                db.execute_sql(f"PRAGMA user_version = {step.version:d}")
        except pw.DatabaseError as error:
            raise MigrationError(f"step to version {step.version} failed: {error}") from error
        finally:
            db.execute_sql("PRAGMA foreign_keys = ON")
        if on_step is not None:
            on_step(step)
    return len(pending)
