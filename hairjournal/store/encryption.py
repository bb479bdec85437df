"""Encrypting a journal with a passphrase, decrypting it again, and changing its passphrase.

SQLCipher's ``sqlcipher_export()`` rewrites the whole journal, photos included, into a new file
beside it: encrypted, or plain again. The new file is checked before anything else happens: it
opens with its key, passes quick_check, and holds as many records of every kind as the journal
and every photo's original with the same sha256. Only then, synced to
the disk, is it renamed over the journal in one step: there is never a moment without a whole
journal, and the journal as it was does not stay behind as a file of its own. The journal's lock
is held throughout, so it must be closed everywhere first.

A lost passphrase cannot be recovered: nothing here, or anywhere, can open the file without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hairjournal.store.connection import (
    ERRORS,
    JournalKey,
    PassphraseNeeded,
    connect,
    derive_key,
    encryption_available,
    forget_passphrase,
    key_for,
    looks_encrypted,
    new_key,
    remember_passphrase,
)
from hairjournal.store.journal import (
    APPLICATION_ID,
    JournalRefused,
    acquire_lock,
    inspect_journal,
)
from hairjournal.store.privacy import private_files
from hairjournal.store.snapshot import move_into_place, partial_path, sync_to_disk

MIN_PASSPHRASE_LENGTH = 8
ENCRYPTING = "Encrypting the journal"
DECRYPTING = "Decrypting the journal"
CHECKING = "Checking the new file"
UNCHANGED = "Your journal has not been changed."
PROGRESS_EVERY_S = 0.1  # how often the export's progress is looked at (and Cancel noticed)

Progress = Callable[[str, int, int], None]  # what is being done, done, in all (0: no count)
Cancelled = Callable[[], bool]


class EncryptionFailed(Exception):
    """Nothing was changed; ``message`` says why, for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EncryptionCancelled(Exception):
    """The person cancelled; the journal is as it was and no new file is left behind."""


def passphrase_problem(passphrase: str, repeated: str | None = None) -> str | None:
    """Why ``passphrase`` will not do as a new one (``repeated``: typed again), or None."""
    if not passphrase:
        return "Type a passphrase."
    if passphrase != passphrase.strip():
        return "A passphrase may not begin or end with a space (it would be easy to mistype)."
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy "
            "to remember and hard to guess."
        )
    if repeated is not None and repeated != passphrase:
        return "The two passphrases are not the same."
    return None


@dataclass(frozen=True)
class Contents:
    """What must survive a rewrite: rows per table, and the sha256 of each photo's original
    (computed from its bytes), by photo."""

    rows: dict[str, int]
    originals: tuple[tuple[int, str], ...]


def contents(connection: sqlite3.Connection, cancelled: Cancelled | None = None) -> Contents:
    """Count what the journal behind ``connection`` holds, and hash every photo's original."""
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    rows = {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in tables
    }
    originals = []
    for photo_id, data in connection.execute(
        "SELECT photo_id, data FROM photo_original ORDER BY photo_id"
    ):
        originals.append((photo_id, hashlib.sha256(data).hexdigest()))
        if cancelled is not None and cancelled():
            raise EncryptionCancelled
    return Contents(rows, tuple(originals))


def encrypt_journal(
    path: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Replace the plain journal at ``path`` with an encrypted one; the passphrase is then
    known to this process. Raises ``EncryptionFailed`` or ``EncryptionCancelled``."""
    path = _existing(path)
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise EncryptionFailed(f"{problem} {UNCHANGED}")
    if not encryption_available():
        raise EncryptionFailed(
            "This installation of Hair Journal cannot encrypt: it lacks SQLCipher (install Hair "
            f"Journal with its 'encryption' extra). {UNCHANGED}"
        )
    if looks_encrypted(path):
        raise EncryptionFailed(f"{path.name} is encrypted already. {UNCHANGED}")
    key = new_key(passphrase)
    _rewrite(path, None, key, ENCRYPTING, progress, cancelled)
    remember_passphrase(path, passphrase)


def decrypt_journal(
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Replace the encrypted journal at ``path`` (its passphrase known to this process) with a
    plain one. Raises ``EncryptionFailed`` or ``EncryptionCancelled``."""
    path = _existing(path)
    if not looks_encrypted(path):
        raise EncryptionFailed(f"{path.name} is not encrypted. {UNCHANGED}")
    key = _known_key(path)
    _rewrite(path, key, None, DECRYPTING, progress, cancelled)
    forget_passphrase(path)


def change_passphrase(path: Path, passphrase: str) -> None:
    """Give the encrypted journal at ``path`` (its passphrase known to this process) a new
    passphrase (SQLCipher's ``PRAGMA rekey``: every page is encrypted again, in one
    transaction). Raises ``EncryptionFailed``."""
    path = _existing(path)
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise EncryptionFailed(f"{problem} {UNCHANGED}")
    if not looks_encrypted(path):
        raise EncryptionFailed(f"{path.name} is not encrypted. {UNCHANGED}")
    with _locked(path):
        key = _known_key(path)
        _inspect(path)
        new = derive_key(passphrase, key.salt)  # the salt stays; the key is derived anew
        try:
            connection = connect(path, key=key, isolation_level=None)
            try:
                connection.execute(f"PRAGMA rekey = \"x'{new.raw.hex()}'\"")
            finally:
                connection.close()
            connect(path, read_only=True, key=new).close()
        except (PassphraseNeeded, *ERRORS, OSError) as error:
            raise EncryptionFailed(
                f"The passphrase of {path.name} could not be changed ({error}). Its passphrase "
                "is still the one it had."
            ) from error
    remember_passphrase(path, passphrase)


def _existing(path: Path) -> Path:
    path = Path(path).absolute()
    if not path.is_file():
        raise EncryptionFailed(f"There is no journal at {path}.")
    return path


def _known_key(path: Path) -> JournalKey:
    try:
        key = key_for(path)
    except PassphraseNeeded as error:
        raise EncryptionFailed(
            f"{path.name} is encrypted and its passphrase has not been given. {UNCHANGED}"
        ) from error
    assert key is not None  # the file looks encrypted
    return key


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        lock = acquire_lock(path)
    except JournalRefused as refused:
        raise EncryptionFailed(f"{refused.message} {UNCHANGED}") from refused
    try:
        yield
    finally:
        lock.unlock()


def _inspect(path: Path) -> int:
    """The journal's format version, if it is a sound journal; else ``EncryptionFailed``."""
    try:
        return inspect_journal(path).schema_version
    except JournalRefused as refused:
        raise EncryptionFailed(refused.message) from refused


def _rewrite(
    path: Path,
    source_key: JournalKey | None,
    target_key: JournalKey | None,
    doing: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Export the journal at ``path`` into a new file with ``target_key`` (None: plain), check
    it, and rename it over the journal."""
    with _locked(path):
        version = _inspect(path)
        partial = partial_path(path)
        partial.unlink(missing_ok=True)
        try:
            source = connect(path, key=source_key, cipher=True, isolation_level=None)
            try:
                before = contents(source, cancelled)
                total = _bytes(source)
                with private_files():
                    _export(source, partial, target_key, version, doing, total, progress, cancelled)
            finally:
                source.close()
            if progress is not None:
                progress(CHECKING, 0, 0)
            _check(partial, target_key, before, cancelled)
            sync_to_disk(partial)
            if cancelled is not None and cancelled():
                raise EncryptionCancelled
            # SQLite would replay a -wal of the file it replaces onto the new one.
            for suffix in ("-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            move_into_place(partial, path)
        except (*ERRORS, OSError) as error:
            raise EncryptionFailed(
                f"{path.name} could not be rewritten ({error}). {UNCHANGED}"
            ) from error
        finally:
            for leftover in (partial, partial.with_name(partial.name + "-journal")):
                leftover.unlink(missing_ok=True)


def _bytes(connection: sqlite3.Connection) -> int:
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    size = connection.execute("PRAGMA page_size").fetchone()[0]  # text, from SQLCipher
    return int(pages) * int(size)


def _export(
    source: sqlite3.Connection,
    partial: Path,
    key: JournalKey | None,
    version: int,
    doing: str,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """``sqlcipher_export()`` of ``source`` into the new file ``partial``, with progress (the
    new file's size against the journal's) and Cancel, looked at from a thread of its own
    while SQLCipher works."""
    connection = source  # sqlcipher3's: sqlcipher_export() is SQLCipher's
    connection.execute(
        "ATTACH DATABASE ? AS rewritten KEY ?",
        (str(partial), "" if key is None else key.pragma_value),
    )
    finished = threading.Event()
    interrupted = threading.Event()

    def watch() -> None:
        while not finished.wait(PROGRESS_EVERY_S):
            if progress is not None:
                with contextlib.suppress(OSError):
                    progress(doing, min(partial.stat().st_size, total), total)
            if cancelled is not None and cancelled():
                interrupted.set()
                connection.interrupt()
                return

    watcher = threading.Thread(target=watch, name="journal rewrite progress", daemon=True)
    watcher.start()
    try:
        connection.execute("SELECT sqlcipher_export('rewritten')")
    except ERRORS as error:
        if interrupted.is_set():
            raise EncryptionCancelled from error
        raise
    finally:
        finished.set()
        watcher.join()
    if interrupted.is_set():
        raise EncryptionCancelled
    # sqlcipher_export copies the schema and the rows, not the header's two numbers.
    connection.execute(f"PRAGMA rewritten.application_id = {APPLICATION_ID:d}")
    connection.execute(f"PRAGMA rewritten.user_version = {version:d}")
    connection.execute("DETACH DATABASE rewritten")
    if progress is not None:
        progress(doing, total, total)


def _check(
    partial: Path, key: JournalKey | None, before: Contents, cancelled: Cancelled | None
) -> None:
    """The new file opens with ``key``, is a sound journal, and holds what the journal held:
    as many rows in every table, and every photo's original with the same sha256."""
    connection = connect(partial, read_only=True, key=key)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise EncryptionFailed(f"The new file failed its check ({problems[0]}). {UNCHANGED}")
        if contents(connection, cancelled) != before:
            raise EncryptionFailed(
                f"The new file does not hold what the journal holds. {UNCHANGED}"
            )
    finally:
        connection.close()
