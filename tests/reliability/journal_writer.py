"""A writer that saves to a journal as the app does, announcing and acknowledging every write.

It opens the journal with ``open_journal`` and writes through ``store.records`` and
``services.photo_import``: new records of every kind with all their columns, several counts in
one transaction, edits, deletes (with what cascades), undoing a delete, and photo imports. Now
and then a write runs under an injected fault (a disk I/O error, a full journal, the journal
busy in another connection) and must fail with its message, writing nothing.

Every line it prints is one JSON object written with a single ``os.write``: ``intent`` just
before a transaction starts, ``storing`` just before each photo is written, ``ack`` only after
the transaction has committed (or failed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from hairjournal.core.enums import ScalpRegion
from hairjournal.services import photo_import
from hairjournal.store import models, records
from hairjournal.store.journal import open_journal
from tests.reliability import random_entries as entries
from tests.reliability.faults import busy_in_another_connection, failing_disk, journal_may_not_grow

EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
CAPS = {"photo": 10, "session": 30, "treatment": 8}
CAP = 40
FAULTS = ("io_error", "disk_full", "locked")
# How often each kind of write comes up (JournalWriter.run names the method for each).
WEIGHTS = {
    "add": 9,
    "session": 3,
    "add_many": 1,
    "change": 4,
    "remove": 3,
    "restore": 1,
    "photos": 1.2,
    "faulted": 1.2,
}


def say(**line: Any) -> None:
    """One line to the harness in a single write, so that a kill never splits a short one."""
    os.write(1, (json.dumps(line, default=str, ensure_ascii=False) + "\n").encode())


class JournalWriter:
    """One writer process: a seeded sequence of writes, each announced and acknowledged."""

    def __init__(self, journal: Path, photos: Path, seed: int) -> None:
        self.journal = journal
        self.photo_folder = photos
        self.rng = random.Random(seed)
        self.seed = seed
        self.sequence = 0
        self.removed: tuple[int, records.Removed] | None = None

    def ids(self, table: str) -> list[int]:
        model = entries.MODELS[table]
        key = model._meta.primary_key
        return [row[0] for row in model.select(key).order_by(key).tuples()]

    def run(self) -> None:
        self.opened = open_journal(self.journal)  # and its lock, until the process is killed
        say(ready=os.getpid())
        kinds = {
            "add": self.add,
            "session": self.session,
            "add_many": self.add_many,
            "change": self.change,
            "remove": self.remove,
            "restore": self.restore,
            "photos": self.photos,
            "faulted": self.faulted,
        }
        while True:
            self.sequence += 1
            kinds[self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]]()

    # Records ---------------------------------------------------------------------------

    def write(
        self, op: str, table: str, attempt: Callable[[], Any], fault: str | None = None, **what: Any
    ) -> None:
        """Announce, attempt and acknowledge one transaction."""
        say(intent=self.sequence, op=op, table=table, fault=fault, **what)
        try:
            with self.fault(fault):
                result = attempt()
        except records.WriteFailed as failed:
            say(ack=self.sequence, failed=failed.failure.value, message=failed.message)
            return
        say(ack=self.sequence, **(result or {}))

    def new_values(self, table: str) -> entries.Values:
        if table == "session":
            return entries.session(self.rng, self.rng.choice(self.ids("treatment")))
        return entries.NEW_RECORDS[table](self.rng)

    def add(self, table: str | None = None, fault: str | None = None) -> None:
        table = table or self.rng.choice(list(entries.NEW_RECORDS))
        if fault is None and len(self.ids(table)) >= CAPS.get(table, CAP):
            return self.remove(table)
        values = self.new_values(table)
        if fault == "disk_full":
            values["notes"] = "x" * self.bytes_beyond_free_pages()
        model = entries.MODELS[table]
        self.write(
            "add",
            table,
            lambda: {"id": records.add(model, values)},
            fault,
            values=entries.stored(table, values),
        )

    def session(self) -> None:
        if not self.ids("treatment"):
            return self.add("treatment")
        return self.add("session")

    def add_many(self) -> None:
        rows = [entries.shed_count(self.rng) for _ in range(self.rng.randint(2, 8))]

        def attempt() -> dict[str, Any]:
            records.add_many(models.ShedCount, rows)
            found = models.ShedCount.select(models.ShedCount.id)
            return {
                "ids": [
                    found.where(
                        (models.ShedCount.date == row["date"])
                        & (models.ShedCount.protocol == row["protocol"])
                    ).scalar()
                    for row in rows
                ]
            }

        stored = [entries.stored("shed_count", row) for row in rows]
        self.write("add_many", "shed_count", attempt, rows=stored)

    def change(self) -> None:
        table = self.rng.choice([*entries.NEW_RECORDS, "session", "photo"])
        ids = self.ids(table)
        if not ids:
            return self.add()
        record_id = self.rng.choice(ids)
        if table == "photo":
            values = entries.photo_changes(self.rng)
        else:
            values = entries.changes(self.rng, table, self.new_values(table))
        model = entries.MODELS[table]
        self.write(
            "change",
            table,
            lambda: records.change(model, record_id, values) and None,
            id=record_id,
            values=entries.stored(table, values),
        )

    def remove(self, table: str | None = None) -> None:
        table = table or self.rng.choice([*entries.NEW_RECORDS, "session", "photo"])
        ids = self.ids(table)
        if not ids:
            return self.add()
        record_id = self.rng.choice(ids)
        model = entries.MODELS[table]

        def attempt() -> dict[str, Any]:
            removed = records.remove(model, record_id)
            self.removed = (self.sequence, removed)
            return {"removed": [[m._meta.table_name, _key(m, row)] for m, row in removed.rows]}

        self.write("remove", table, attempt, id=record_id)

    def restore(self) -> None:
        if self.removed is None:
            return self.add()
        sequence, removed = self.removed
        self.removed = None
        self.write("restore", "", lambda: records.restore(removed), of=sequence)

    # Photos ----------------------------------------------------------------------------

    def photos_batch(self, fault: str | None = None) -> list[tuple[Path, dict[str, Any]]]:
        batch = []
        for number in range(self.rng.randint(1, 3)):
            size = (self.rng.randint(16, 320), self.rng.randint(16, 320))
            taken = dt.datetime.combine(entries.day(self.rng), dt.time(self.rng.randrange(24), 5))
            exif = Image.Exif()
            exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
            image = Image.frombytes("RGB", size, self.rng.randbytes(size[0] * size[1] * 3))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=self.rng.choice([60, 90]), exif=exif.tobytes())
            data = out.getvalue()
            path = self.photo_folder / f"{self.seed}-{self.sequence}-{number}.jpg"
            path.write_bytes(data)
            sha256 = hashlib.sha256(data).hexdigest()
            expected = {
                "sha256": sha256,
                "format": "JPEG",
                "width": size[0],
                "height": size[1],
                "taken_at": taken.isoformat(sep=" "),
                "original_name": path.name,
                "notes": "",
                "landmarks": None,
            }
            batch.append((path, expected))
        if fault is None and self.rng.random() < 0.3:
            broken = self.photo_folder / f"{self.seed}-{self.sequence}-cut.jpg"
            broken.write_bytes(data[: len(data) // 2])
            batch.append((broken, {}))
        return batch

    def photos(self, fault: str | None = None) -> None:
        if fault is None and len(self.ids("photo")) >= CAPS["photo"]:
            return self.remove("photo")
        region = self.rng.choice(list(ScalpRegion))
        taken = entries.day(self.rng) if self.rng.random() < 0.3 else None
        batch = self.photos_batch(fault)
        for _path, expected in batch:
            if expected:
                expected["region"] = region.value
                if taken is not None:
                    expected["taken_at"] = f"{taken.isoformat()} {expected['taken_at'][11:]}"
        say(
            intent=self.sequence,
            op="photos",
            table="photo",
            fault=fault,
            photos=[expected for _path, expected in batch if expected],
        )
        faulted = contextlib.ExitStack()

        def storing() -> bool:
            # Called just before each photo is written: the fault covers the writing only.
            say(storing=self.sequence)
            faulted.enter_context(self.fault(fault))
            return False

        def stored(_done: int, _total: int, path: Path) -> None:
            faulted.close()
            found = models.Photo.get_or_none(models.Photo.original_name == path.name)
            if found is not None:
                say(ack=self.sequence, photo=found.sha256, id=found.id)

        with faulted:
            results = photo_import.import_photos(
                [path for path, _expected in batch],
                region,
                taken=taken,
                progress=stored,
                cancelled=storing,
            )
        refused = [[r.path.name, r.reason] for r in results if r.outcome.value == "refused"]
        say(ack=self.sequence, done=True, refused=refused)
        for path, _expected in batch:
            path.unlink()

    # Faults ----------------------------------------------------------------------------

    def fault(self, fault: str | None) -> contextlib.AbstractContextManager[None]:
        if fault == "io_error":
            return failing_disk()
        if fault == "disk_full":
            return journal_may_not_grow()
        if fault == "locked":
            return busy_in_another_connection(self.journal)
        return contextlib.nullcontext()

    def bytes_beyond_free_pages(self) -> int:
        """A note longer than the free pages of the journal, so that it needs new ones."""
        db = models.database
        free = db.execute_sql("PRAGMA freelist_count").fetchone()[0]
        page = db.execute_sql("PRAGMA page_size").fetchone()[0]
        return (free + 4) * page

    def faulted(self) -> None:
        """A new record, or a photo import, while the disk fails, fills or is busy."""
        fault = self.rng.choice(FAULTS)
        if fault != "disk_full" and self.rng.random() < 0.3:
            return self.photos(fault)
        # Kinds with no one-per-day rule: a day counted twice would be refused before the
        # fault could show.
        return self.add(self.rng.choice(["event", "measurement", "treatment"]), fault)


def _key(model: type[models.BaseModel], row: dict[str, Any]) -> int:
    return row[model._meta.primary_key.name]
