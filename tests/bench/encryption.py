"""Benchmark: encrypting a journal, and what an encrypted journal costs in daily use.

Run with ``python -m tests.bench.encryption``. A plain journal of photo originals (random bytes,
incompressible like camera files; ``tests.bench.backup`` builds it, kept in build/bench) is
copied afresh for each round, outside the timing. Measured, each against a baseline taken in the
same round:

- encrypting it (``encrypt_journal``: SQLCipher's export, the check of every record and the
  sha256 of every photo on both sides, quick_check, fsync, the swap) against the bare
  ``sqlcipher_export`` into a new encrypted file and its fsync, the unavoidable part;
- backing the encrypted journal up against backing up the plain one (``back_up``);
- opening a connection and reading the schema, 200 times, encrypted (the derived key given raw)
  against plain: what every worker thread and check pays;
- the longest pause of a 10 ms heartbeat on the GUI thread while the window's encryption job
  runs, and while the window opens the encrypted journal, its passphrase typed (the key
  derivation runs on the thread pool), against opening the plain one (budget: under 50 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.backup import build_journal, checkpoint, fsync
from tests.bench.bench_table import Row, report
from tests.bench.heartbeat import STALL_BUDGET_MS

PASSPHRASE = "benchmark passphrase, not a secret"
CONNECTIONS = 200


def bare_export(journal: Path, target: Path) -> float:
    """Seconds for ``sqlcipher_export`` of ``journal`` into an encrypted ``target``, synced."""
    from hairjournal.store.connection import _cipher, new_key

    key = new_key(PASSPHRASE)
    started = time.perf_counter()
    connection = _cipher().connect(str(journal), isolation_level=None)
    connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.pragma_value))
    connection.execute("SELECT sqlcipher_export('encrypted')")
    connection.execute("DETACH DATABASE encrypted")
    connection.close()
    fsync(target)
    return time.perf_counter() - started


def our_encryption(journal: Path) -> float:
    from hairjournal.store.encryption import encrypt_journal

    started = time.perf_counter()
    encrypt_journal(journal, PASSPHRASE)
    return time.perf_counter() - started


def backup_seconds(journal: Path, folder: Path) -> float:
    from hairjournal.services.backup import back_up

    started = time.perf_counter()
    back_up(journal, folder)
    return time.perf_counter() - started


def connections_seconds(journal: Path) -> float:
    from hairjournal.store.connection import connect

    started = time.perf_counter()
    for _ in range(CONNECTIONS):
        connection = connect(journal)
        connection.execute("SELECT count(*) FROM photo").fetchone()
        connection.close()
    return time.perf_counter() - started


def encryption_in_window(journal: Path) -> tuple[float, float]:
    """Seconds for the window's encryption job, and the longest heartbeat gap in ms."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from hairjournal.services.encryption_job import Change, encryption_job
    from tests.bench.heartbeat import Heartbeat

    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = QEventLoop()
    outcome: list[object] = []
    job = encryption_job(Change.ENCRYPT, journal, PASSPHRASE)
    job.finished.connect(lambda result: (outcome.append(result), loop.quit()))
    job.failed.connect(lambda message: (outcome.append(RuntimeError(message)), loop.quit()))
    with Heartbeat() as beat:
        job.start()
        loop.exec()
    app.processEvents()
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return beat.seconds, beat.longest_gap_ms


def opening_in_window(journal: Path) -> float:
    """The longest heartbeat gap in ms while the window opens ``journal``, asking for its
    passphrase (typed at once) if it is encrypted."""
    from PySide6.QtCore import QEventLoop, QTimer

    from hairjournal.store.connection import forget_all_passphrases
    from hairjournal.ui import prompts
    from hairjournal.ui.main_window import MainWindow
    from tests.bench.heartbeat import Heartbeat

    forget_all_passphrases()
    prompts.ask_passphrase = lambda _parent, _name, _wrong=False: PASSPHRASE
    window = MainWindow(settings=None)
    loop = QEventLoop()
    opened: list[bool] = []
    QTimer.singleShot(50, lambda: (opened.append(window.open_path(journal)), loop.quit()))
    with Heartbeat() as beat:
        loop.exec()
    window.close_journal()
    window.deleteLater()
    if opened != [True]:
        raise RuntimeError(f"{journal} did not open")
    return beat.longest_gap_ms


def fresh_copy(source: Path, target: Path) -> Path:
    for leftover in (target, target.with_name(target.name + "-wal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=0.5, help="journal size (default 0.5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts")
    parser.add_argument(
        "--journal", type=Path, default=Path("build/bench/encryption/plain.hairjournal")
    )
    parser.add_argument("--json", type=Path, default=Path("build/bench/encryption.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hairjournal.store.connection import encryption_available

    if not encryption_available():
        print("SQLCipher (sqlcipher3) is not installed: nothing to measure.")
        return 1
    source = build_journal(args.journal, args.size_gb)
    checkpoint(source)
    size = source.stat().st_size
    ours, bare, plain_backups, cipher_backups, plain_opens, cipher_opens = ([] for _ in range(6))
    with tempfile.TemporaryDirectory(prefix="hairjournal-bench-", dir=source.parent) as temp:
        folder = Path(temp)
        for number in range(args.rounds):
            plain = fresh_copy(source, folder / "plain.hairjournal")
            journal = fresh_copy(source, folder / "journal.hairjournal")
            target = folder / "bare.hairjournal"
            # In turn first and second, so that neither side always follows the other's writes.
            if number % 2:
                ours.append(our_encryption(journal))
            bare.append(bare_export(plain, target))
            if not number % 2:
                ours.append(our_encryption(journal))
            target.unlink()
            plain_backups.append(backup_seconds(plain, folder / f"plain-backups{number}"))
            cipher_backups.append(backup_seconds(journal, folder / f"backups{number}"))
            plain_opens.append(connections_seconds(plain))
            cipher_opens.append(connections_seconds(journal))
            print(
                f"round {number + 1}: encrypt {ours[-1]:.2f} s (bare export {bare[-1]:.2f} s), "
                f"back up {cipher_backups[-1]:.2f} s (plain {plain_backups[-1]:.2f} s), "
                f"{CONNECTIONS} connections {cipher_opens[-1] * 1000:.0f} ms "
                f"(plain {plain_opens[-1] * 1000:.0f} ms)"
            )
        window = fresh_copy(source, folder / "window.hairjournal")
        window_seconds, stall = encryption_in_window(window)
        print(f"as the window runs it: {window_seconds:.2f} s, longest stall {stall:.0f} ms")
        plain_open = opening_in_window(fresh_copy(source, folder / "plain.hairjournal"))
        cipher_open = opening_in_window(window)
        print(f"opening in the window: longest stall {cipher_open:.0f} ms (plain {plain_open:.0f})")

    def ratio(a: list[float], b: list[float]) -> float:
        return statistics.median(x / y for x, y in zip(a, b, strict=True))

    gb = f"{size / 1e9:.2f} GB"
    rows = [
        Row(
            f"encrypt a {gb} journal (export, check every record and photo, swap)",
            f"{statistics.median(ours):.2f} s",
            f"{statistics.median(bare):.2f} s",
            f"{ratio(ours, bare):.2f}x",
            "(shown only)",
            True,
        ),
        Row(
            f"back up the encrypted {gb} journal, against the plain one",
            f"{statistics.median(cipher_backups):.2f} s",
            f"{statistics.median(plain_backups):.2f} s",
            f"{ratio(cipher_backups, plain_backups):.2f}x",
            "(shown only)",
            True,
        ),
        Row(
            f"{CONNECTIONS} connections to it and a first read, against the plain one",
            f"{statistics.median(cipher_opens) * 1000:.0f} ms",
            f"{statistics.median(plain_opens) * 1000:.0f} ms",
            f"{ratio(cipher_opens, plain_opens):.2f}x",
            "(shown only)",
            True,
        ),
        Row(
            "longest GUI stall while encrypting (10 ms heartbeat)",
            f"{stall:.0f} ms",
            "",
            "",
            f"under {STALL_BUDGET_MS:.0f} ms",
            stall < STALL_BUDGET_MS,
        ),
        Row(
            "longest GUI stall opening it, passphrase typed, against the plain one",
            f"{cipher_open:.0f} ms",
            f"{plain_open:.0f} ms",
            "",
            f"under {STALL_BUDGET_MS:.0f} ms",
            cipher_open < STALL_BUDGET_MS,
        ),
    ]
    details = {"journal_bytes": size, "rounds": args.rounds, "window_seconds": window_seconds}
    return report(rows, args.json, "encryption", details)


if __name__ == "__main__":
    sys.exit(main())
