"""How this process connects to a journal file: plain SQLite, or SQLCipher with its passphrase.

Every connection to a journal is made here, so that an encrypted journal is opened the same way
everywhere (the window, its worker threads, checks, backups, exports, the commands). The
passphrases of journals unlocked in this process are kept in memory only, by path: never
written anywhere, never logged, never shown in a ``repr``.

SQLCipher derives a file's key from its passphrase and the random salt in the file's first 16
bytes with PBKDF2 (about 0.15 s, on purpose). Each thread and each check opens a connection of
its own, so the key is derived here once per passphrase and file, and handed to SQLCipher raw
(``x'key salt'``): a further connection costs microseconds. The derivation is SQLCipher 4's own
(the tests open a file keyed here with SQLCipher's plain ``PRAGMA key``), so a journal always
opens with nothing but its passphrase.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import peewee as pw

SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
# SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, a 256-bit key.
KDF_HASH = "sha512"
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
# An SQLCipher file is whole pages of what looks like noise: of 1,024 random bytes about 251
# values differ; the first kilobyte of an SQLite file (its header and schema) or of a text file
# has far fewer.
SAMPLE_BYTES = 1024
NOISE_MIN_DISTINCT = 200
# SQLite's result codes that matter here.
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
CHECK_QUERY = "SELECT count(*) FROM sqlite_schema"

# sqlcipher3 raises errors of its own classes, with the same names as sqlite3's; catch these.
try:
    from sqlcipher3 import dbapi2 as _cipher_api

    ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, _cipher_api.Error)
    DATABASE_ERRORS: tuple[type[Exception], ...] = (
        sqlite3.DatabaseError,
        _cipher_api.DatabaseError,
    )
except ImportError:  # the optional encryption extra is not installed
    ERRORS = (sqlite3.Error,)
    DATABASE_ERRORS = (sqlite3.DatabaseError,)


class PassphraseNeeded(Exception):
    """The file is encrypted and no passphrase known in this process opens it."""

    def __init__(self, path: Path, *, tried: bool) -> None:
        super().__init__(f"{path.name} is encrypted")
        self.path = path
        self.tried = tried  # a passphrase was known, and it does not open the file


class EncryptionUnavailable(Exception):
    """The file looks encrypted, and SQLCipher (the ``sqlcipher3`` package) is not installed."""


class UnreadableWal(Exception):
    """A journal on a read-only medium has changes in its ``-wal`` file that SQLite could only
    read by writing its ``-shm`` file beside it."""


@dataclass(frozen=True, repr=False)
class JournalKey:
    """The key SQLCipher uses for one file: derived from a passphrase and the file's salt."""

    raw: bytes
    salt: bytes

    def __repr__(self) -> str:
        return "JournalKey(…)"  # never the key itself, in a log or a traceback

    @property
    def pragma_value(self) -> str:
        """The key as ``PRAGMA key`` and ``ATTACH … KEY`` take it, without a derivation."""
        return f"x'{self.raw.hex()}{self.salt.hex()}'"


_lock = threading.Lock()
_passphrases: dict[Path, str] = {}  # journal -> passphrase, for this process only
_derived: dict[tuple[str, bytes], bytes] = {}  # (passphrase, salt) -> raw key


def _known_as(path: Path) -> Path:
    return Path(path).absolute().resolve()


def derive_key(passphrase: str, salt: bytes) -> JournalKey:
    """The key SQLCipher derives from ``passphrase`` for a file with ``salt`` (remembered)."""
    with _lock:
        raw = _derived.get((passphrase, salt))
    if raw is None:
        raw = hashlib.pbkdf2_hmac(KDF_HASH, passphrase.encode(), salt, KDF_ITERATIONS, KEY_BYTES)
        with _lock:
            _derived[(passphrase, salt)] = raw
    return JournalKey(raw, salt)


def new_key(passphrase: str) -> JournalKey:
    """A key for a new encrypted file: the passphrase with a fresh random salt."""
    return derive_key(passphrase, os.urandom(SALT_BYTES))


def remember_passphrase(path: Path, passphrase: str) -> None:
    """Keep ``passphrase`` in memory as the one of the journal at ``path``, for this process."""
    with _lock:
        _passphrases[_known_as(path)] = passphrase


def forget_passphrase(path: Path) -> None:
    with _lock:
        _passphrases.pop(_known_as(path), None)


def forget_all_passphrases() -> None:
    with _lock:
        _passphrases.clear()
        _derived.clear()


def encryption_available() -> bool:
    """Whether SQLCipher is installed (the optional ``encryption`` extra)."""
    try:
        _cipher()
    except EncryptionUnavailable:
        return False
    return True


_silenced = False


def _cipher() -> ModuleType:
    """sqlcipher3's DB-API module, its own logging to standard error turned off (a wrong
    passphrase is reported to the caller as an error, not printed)."""
    global _silenced
    try:
        from sqlcipher3 import dbapi2
    except ImportError as error:
        raise EncryptionUnavailable(
            "SQLCipher (the Python package sqlcipher3) is not installed"
        ) from error
    if not _silenced:
        connection = dbapi2.connect(":memory:")
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")  # for the whole library
        finally:
            connection.close()
        _silenced = True
    return dbapi2


def looks_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` reads as SQLCipher writes one: whole pages that look like
    noise from the first byte on, where SQLite's own files begin with "SQLite format 3"."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            sample = file.read(SAMPLE_BYTES)
    except OSError:
        return False
    if size < SAMPLE_BYTES or size % 512 or sample.startswith(SQLITE_MAGIC):
        return False
    return len(set(sample)) >= NOISE_MIN_DISTINCT


def _salt(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(SALT_BYTES)


def _candidate_passphrases(path: Path) -> list[str]:
    """The passphrase unlocked for ``path`` first, then the others unlocked in this process (a
    backup opens with its journal's)."""
    with _lock:
        own = _passphrases.get(_known_as(path))
        others = [p for p in dict.fromkeys(_passphrases.values()) if p != own]
    return ([own] if own is not None else []) + others


def _candidate_keys(path: Path) -> Iterator[JournalKey]:
    salt = _salt(path)
    for passphrase in _candidate_passphrases(path):
        yield derive_key(passphrase, salt)


def _code(error: BaseException) -> int:
    return getattr(error, "sqlite_errorcode", 0) & 0xFF


def _uri(path: Path, *, immutable: bool) -> str:
    return f"{_known_as(path).as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _read_only_target(path: Path, key: JournalKey | None, cipher: bool) -> str:
    """The URI that opens ``path`` read-only: ``mode=ro``, or also ``immutable=1`` where SQLite
    needs it and it is safe.

    A journal in WAL mode is read with the help of its ``-shm`` file, which SQLite creates
    beside it; on a read-only medium (a DVD, a read-only mount) it cannot, and ``mode=ro`` fails
    with "unable to open database file". ``immutable=1`` then reads the file without locks or
    ``-shm``, which is safe only because nothing can write to a file there: no other process
    can change it under us. It would not read a ``-wal`` file, so one that holds changes is
    refused (``UnreadableWal``) rather than shown without them.
    """
    uri = _uri(path, immutable=False)
    connection = _open(uri, key, cipher, uri=True)
    try:
        connection.execute(CHECK_QUERY).fetchone()
    except Exception as error:  # any other failure is the caller's queries' to report
        if _code(error) != SQLITE_CANTOPEN or os.access(path.parent, os.W_OK):
            return uri  # the caller's own queries will say what is wrong
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise UnreadableWal(path) from error
        return _uri(path, immutable=True)
    finally:
        connection.close()
    return uri


def _open(target: str, key: JournalKey | None, cipher: bool, **options: Any) -> sqlite3.Connection:
    if not cipher:
        return sqlite3.connect(target, **options)
    connection = _cipher().connect(target, **options)
    if key is not None:
        connection.execute(f'PRAGMA key = "{key.pragma_value}"')
    return connection


def connect(
    path: Path,
    *,
    read_only: bool = False,
    key: JournalKey | None = None,
    cipher: bool = False,
    **options: Any,
) -> sqlite3.Connection:
    """A DB-API connection to the journal at ``path`` (sqlite3's, or sqlcipher3's, which works
    the same way).

    An encrypted file is opened with ``key``, else with the passphrases unlocked in this process;
    ``PassphraseNeeded`` says none opens it (SQLCipher connects whatever the key and fails on the
    first read, so that read is made here at once). ``cipher`` opens a plain file through
    SQLCipher (whose ``sqlcipher_export`` encrypts it). ``options`` go to ``connect``.
    """
    path = Path(path)
    encrypted = key is not None or looks_encrypted(path)
    cipher = cipher or encrypted
    if cipher:
        _cipher()  # EncryptionUnavailable before anything else
    keys: Iterator[JournalKey | None] = (
        iter([key]) if key is not None or not encrypted else _candidate_keys(path)
    )
    tried = False
    for candidate in keys:
        tried = True
        target = str(path)
        if read_only:
            target = _read_only_target(path, candidate, cipher)
            options = {**options, "uri": True}
        connection = _open(target, candidate, cipher, **options)
        if not encrypted:
            return connection
        try:
            connection.execute(CHECK_QUERY).fetchone()
        except ERRORS as error:
            connection.close()
            if _code(error) == SQLITE_NOTADB:
                continue  # the wrong key: SQLCipher cannot read its first page
            raise
        return connection
    raise PassphraseNeeded(path, tried=tried)


def key_for(path: Path) -> JournalKey | None:
    """The key that opens the file at ``path``; None for a plain file.

    Raises ``PassphraseNeeded`` or ``EncryptionUnavailable`` for an encrypted file no passphrase
    known here opens.
    """
    path = Path(path)
    if not looks_encrypted(path):
        return None
    _cipher()
    for key in _candidate_keys(path):
        try:
            connect(path, read_only=True, key=key).close()
        except PassphraseNeeded:
            continue
        return key
    raise PassphraseNeeded(path, tried=bool(_candidate_passphrases(path)))


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the encrypted journal at ``path``."""
    path = Path(path)
    key = derive_key(passphrase, _salt(path))
    try:
        connect(path, read_only=True, key=key).close()
    except PassphraseNeeded:
        return False
    return True


def unlock(path: Path, passphrase: str) -> bool:
    """Remember ``passphrase`` for the encrypted journal at ``path`` if it opens it."""
    if not opens_with(path, passphrase):
        return False
    remember_passphrase(path, passphrase)
    return True


def needs_passphrase(path: Path) -> bool:
    """Whether ``path`` is an encrypted journal that no passphrase known here opens yet."""
    if not looks_encrypted(Path(path)) or not encryption_available():
        return False
    try:
        key_for(path)
    except PassphraseNeeded:
        return True
    except (UnreadableWal, OSError, *ERRORS):
        return False  # opening it says what is wrong
    return False


def key_of(connection: sqlite3.Connection) -> JournalKey | None:
    """The key of the file behind an open connection (None for a plain one)."""
    if isinstance(connection, sqlite3.Connection):
        return None
    row = connection.execute("PRAGMA database_list").fetchone()
    return key_for(Path(row[2])) if row is not None and row[2] else None


def is_cipher_connection(connection: object) -> bool:
    """Whether ``connection`` is SQLCipher's (a copy from it must be made by SQLCipher too)."""
    return not isinstance(connection, sqlite3.Connection)


def journal_database(
    path: Path, *, pragmas: dict[str, object], read_only: bool = False
) -> pw.SqliteDatabase:
    """The peewee database for the journal at ``path``: ``SqliteDatabase``, or
    ``SqlCipherDatabase`` with the file's key, with the same ``pragmas``; each thread's
    connection gets them (and the key) when it connects."""
    path = Path(path)
    key = key_for(path)
    target, options = str(path), {}
    if read_only:
        target, options = _read_only_target(path, key, key is not None), {"uri": True}
    if key is None:
        return pw.SqliteDatabase(target, pragmas=pragmas, **options)
    _cipher()
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    return SqlCipherDatabase(target, passphrase=key.pragma_value, pragmas=pragmas, **options)
