"""Everything a journal holds, read as plain values, and the differences from what it should hold.

A state maps each table to its rows by key, and each row to its columns. Blobs are kept as
their sha256, after checking that every photo has its original (with the photo's sha256) and
a thumbnail that decodes.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

import peewee as pw
from PIL import Image

from hairjournal.store import models

Row = dict[str, Any]
State = dict[str, dict[int, Row]]


def blob(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def key_column(table: str) -> str:
    model = next(m for m in models.MODELS if m._meta.table_name == table)
    return model._meta.primary_key.column_name


def read_state(db: pw.SqliteDatabase) -> tuple[State, list[str]]:
    """The journal's rows, and the problems found in its photos."""
    state: State = {}
    problems: list[str] = []
    for model in models.MODELS:
        table = model._meta.table_name
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        columns = [description[0] for description in cursor.description]
        key = key_column(table)
        rows: dict[int, Row] = {}
        for values in cursor.fetchall():
            row = dict(zip(columns, values, strict=True))
            if table == "photo":
                problems += _thumbnail_problems(row)
            rows[row[key]] = {
                name: blob(value) if isinstance(value, bytes) else value
                for name, value in row.items()
            }
        state[table] = rows
    originals = state.get("photo_original", {})
    for photo_id, photo in state.get("photo", {}).items():
        original = originals.get(photo_id)
        if original is None:
            problems.append(f"photo {photo_id} has no original")
        elif original["data"] != f"sha256:{photo['sha256']}":
            problems.append(f"photo {photo_id}: its original's bytes do not match its sha256")
    return state, problems


def _thumbnail_problems(row: Row) -> list[str]:
    try:
        with Image.open(io.BytesIO(row["thumbnail"])) as thumbnail:
            thumbnail.load()
            if thumbnail.format != "JPEG":
                return [f"photo {row['id']}: its thumbnail is {thumbnail.format}, not JPEG"]
    except (OSError, SyntaxError, ValueError, TypeError) as error:
        return [f"photo {row['id']}: its thumbnail does not decode ({error})"]
    return []


def differences(expected: State, actual: State) -> list[str]:
    """What ``actual`` lacks or holds differently; only the columns ``expected`` knows count."""
    found: list[str] = []
    for table in sorted(set(expected) | set(actual)):
        want = expected.get(table, {})
        have = actual.get(table, {})
        for key in sorted(set(want) - set(have)):
            found.append(f"lost: {table} {key} is missing")
        for key in sorted(set(have) - set(want)):
            found.append(f"unexpected: {table} {key} was never written")
        for key in sorted(set(want) & set(have)):
            for column, value in want[key].items():
                if have[key].get(column) != value:
                    found.append(
                        f"lost: {table} {key} {column} is {_short(have[key].get(column))}, "
                        f"expected {_short(value)}"
                    )
    return found


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
