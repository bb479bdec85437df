"""The crash writer's records fill every column, and the journal accepts them as they are."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.store import models, records
from hairjournal.store.journal import OpenJournal, create_journal
from tests.reliability import random_entries as entries


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[OpenJournal]:
    with create_journal(tmp_path / "j.hairjournal", title="t", condition=Condition.TE) as opened:
        yield opened


def _columns(model: type[models.BaseModel]) -> set[str]:
    return {field.name for field in model._meta.sorted_fields} - {model._meta.primary_key.name}


@pytest.mark.parametrize("table", [*entries.NEW_RECORDS, "session"])
def test_every_column_of_a_new_record_is_written(table: str) -> None:
    rng = random.Random(1)
    values = entries.session(rng, 1) if table == "session" else entries.NEW_RECORDS[table](rng)
    assert set(values) == _columns(entries.MODELS[table]), (
        "a column was added: give the crash writer a value for it (random_entries.py)"
    )


def test_what_a_person_may_change_in_a_photo_is_covered() -> None:
    assert set(entries.photo_changes(random.Random(1))) == {"region", "taken_at", "notes"}


def test_generated_records_keep_every_rule_of_the_journal(journal: OpenJournal) -> None:
    rng = random.Random(7)
    course = records.add(
        models.Treatment, {"kind": TreatmentKind.PRP, "started_on": entries.day(rng)}
    )
    refused: list[str] = []
    for number in range(400):
        table = list(entries.NEW_RECORDS)[number % len(entries.NEW_RECORDS)]
        values = entries.NEW_RECORDS[table](rng)
        if number % 3 == 0:
            table, values = "session", entries.session(rng, course)
        try:
            record_id = records.add(entries.MODELS[table], values)
        except records.WriteFailed as failed:
            refused.append(failed.detail)
            continue
        stored = journal.db.execute_sql(
            f'SELECT * FROM "{table}" WHERE id = ?', (record_id,)
        )  # what the harness reads back
        row = dict(zip([d[0] for d in stored.description], stored.fetchone(), strict=True))
        assert {name: row[name] for name in entries.stored(table, values)} == entries.stored(
            table, values
        )
    # Only a day counted twice may be refused (one count per day and protocol, one check-in).
    assert all(detail.startswith("UNIQUE constraint failed") for detail in refused), refused
    assert len(refused) < 10
