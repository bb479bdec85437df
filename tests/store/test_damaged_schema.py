"""A journal whose schema SQLite cannot read is refused as damaged, never raised, and left as it
was (found by the journal fuzzer: these used to escape ``open_journal`` as raw errors)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hairjournal.store import models
from hairjournal.store.journal import JournalRefused, Refusal, open_journal
from tests.journal_files import folder_fingerprint, make_journal

DAMAGE = {
    # A CHECK naming a column that is not there: only a connection that may write notices.
    "a rule naming no column": (
        "UPDATE sqlite_schema SET sql = replace(sql, 'value <=', 'valum <=') "
        "WHERE name = 'measurement'",
        "no such column: valum",
    ),
    # A table's name that is not text at all.
    "a name that is not text": (
        "UPDATE sqlite_schema SET tbl_name = CAST(x'6576ff' AS TEXT), "
        "name = CAST(x'6576ff' AS TEXT) WHERE name = 'event'",
        "can't decode byte 0xff",
    ),
}


@pytest.mark.parametrize("case", DAMAGE, ids=list(DAMAGE))
def test_a_schema_that_cannot_be_read_is_refused_untouched(tmp_path: Path, case: str) -> None:
    sql, detail = DAMAGE[case]
    path = make_journal(tmp_path / "j.hairjournal", counts=3)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    with connection:
        connection.execute(sql)
    connection.close()
    before = folder_fingerprint(tmp_path)

    with pytest.raises(JournalRefused) as refused:
        open_journal(path)

    assert refused.value.refusal is Refusal.DAMAGED
    assert detail in refused.value.message
    assert "It has not been changed" in refused.value.message
    assert folder_fingerprint(tmp_path) == before
    assert models.database.obj is None
