"""``hairjournal encrypt`` and ``decrypt``, and every command on an encrypted journal, run as
separate processes with the passphrase in ``HAIRJOURNAL_PASSPHRASE`` or typed at a terminal."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from hairjournal.services.backup_files import backup_files
from hairjournal.store.journal import SQLITE_MAGIC, backups_folder
from tests.backup_journals import holdings
from tests.encrypted_journals import (
    NOTE,
    PASSPHRASE,
    encrypted_holdings,
    encrypted_journal,
    forget_passphrases,  # noqa: F401 - an autouse fixture
    opens_with,
    plain_journal,
)
from tests.photo_files import write_jpeg

VARIABLE = "HAIRJOURNAL_PASSPHRASE"


def hairjournal(
    *args: str | Path, passphrase: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command with no terminal (as a script does), the passphrase, if any, in the
    environment."""
    env = {name: value for name, value in os.environ.items() if name != VARIABLE}
    if passphrase is not None:
        env[VARIABLE] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "hairjournal", *map(str, args)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _read(controller: int, so_far: bytes) -> bytes:
    """What the command wrote next; a command that stops writing fails the test, not hangs it."""
    ready, _, _ = select.select([controller], [], [], 60)
    assert ready, f"the command wrote nothing more after {so_far.decode()!r}"
    return os.read(controller, 4096)


def at_a_terminal(*args: str | Path, typed: list[str]) -> tuple[int, str]:
    """Run the command on a terminal of its own (a pseudo-terminal), typing ``typed`` line by
    line as it asks; its exit status and all it wrote."""
    controller, terminal = os.openpty()

    def take_the_terminal() -> None:  # what a shell does for a command it starts
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = {name: value for name, value in os.environ.items() if name != VARIABLE}
    process = subprocess.Popen(
        [sys.executable, "-m", "hairjournal", *map(str, args)],
        env=env,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
        preexec_fn=take_the_terminal,
    )
    os.close(terminal)
    output = b""
    for line in typed:
        # Typed only once the prompt is there: getpass turns echo off (and drops what was
        # typed before) just before it shows its prompt.
        while not output.endswith(b": ") or b"assphrase" not in output.rsplit(b"\n", 1)[-1]:
            output += _read(controller, output)
        os.write(controller, f"{line}\n".encode())
        output += _read(controller, output)  # at least the new line after what was typed
    try:
        while chunk := os.read(controller, 4096):
            output += chunk
    except OSError:  # the command has ended and closed the terminal
        pass
    os.close(controller)
    return process.wait(timeout=120), output.decode()


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return plain_journal(tmp_path / "mine.hairjournal")


def test_encrypt_warns_backs_up_first_and_encrypts(journal: Path) -> None:
    before = holdings(journal)

    result = hairjournal("encrypt", journal, passphrase=PASSPHRASE)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("If you lose the passphrase, this journal cannot be opened by")
    [first] = backup_files(backups_folder(journal), journal.stem)
    assert lines[1] == f"Backed up first to {first.path} (this backup is not encrypted)."
    assert lines[2] == "Encrypted mine.hairjournal: from now on it opens only with its passphrase."
    assert NOTE.encode() not in journal.read_bytes()
    assert encrypted_holdings(journal, PASSPHRASE) == before
    assert holdings(first.path) == before


def test_encrypt_refuses_a_short_passphrase_and_no_passphrase_at_all(journal: Path) -> None:
    before = journal.read_bytes()
    short = hairjournal("encrypt", journal, "--no-backup", passphrase="1234")
    assert short.returncode == 1
    assert short.stderr.startswith("hairjournal encrypt: Use at least 8 characters")
    none = hairjournal("encrypt", journal, "--no-backup")
    assert none.returncode == 1
    assert f"Give the new passphrase in the environment variable {VARIABLE}" in none.stderr
    assert journal.read_bytes() == before
    assert not backups_folder(journal).exists()


def test_every_command_opens_an_encrypted_journal_with_the_passphrase(
    tmp_path: Path,
) -> None:
    journal = encrypted_journal(tmp_path / "mine.hairjournal")
    photo = write_jpeg(tmp_path / "IMG_9.jpg", (640, 480), seed=9)

    checked = hairjournal("check", journal, passphrase=PASSPHRASE)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("mine.hairjournal is healthy.")
    assert "  Encrypted with its passphrase (SQLCipher): yes" in checked.stdout.splitlines()
    added = hairjournal("add-photos", journal, photo, "--region", "vertex", passphrase=PASSPHRASE)
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == "1 imported, 0 already in the journal, 0 refused."
    exported = hairjournal("export", journal, "--csv", tmp_path / "csv", passphrase=PASSPHRASE)
    assert exported.returncode == 0, exported.stderr
    assert NOTE in (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8")
    backed_up = hairjournal("backup", journal, passphrase=PASSPHRASE)
    assert backed_up.returncode == 0, backed_up.stderr
    [backup] = backup_files(backups_folder(journal), journal.stem)
    assert not backup.path.read_bytes().startswith(SQLITE_MAGIC)
    assert opens_with(backup.path, PASSPHRASE)
    listed = hairjournal("backup", journal, "--list", passphrase=PASSPHRASE)
    assert listed.returncode == 0, listed.stderr
    assert "passes its check" in listed.stdout
    restored = hairjournal("restore", backup.path, journal, passphrase=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    assert opens_with(journal, PASSPHRASE)


def test_without_the_right_passphrase_nothing_is_opened(tmp_path: Path) -> None:
    journal = encrypted_journal(tmp_path / "mine.hairjournal")
    before = journal.read_bytes()

    missing = hairjournal("check", journal)
    wrong = hairjournal("export", journal, "--csv", tmp_path / "csv", passphrase="Correct horse")

    assert missing.returncode == 1
    assert missing.stderr == (
        f"hairjournal check: mine.hairjournal is encrypted: give its passphrase in the "
        f"environment variable {VARIABLE}, or run this at a terminal to be asked for it.\n"
    )
    assert wrong.returncode == 1
    assert wrong.stderr == (
        f"hairjournal export: the passphrase in {VARIABLE} does not open mine.hairjournal. "
        "It has not been changed.\n"
    )
    assert not (tmp_path / "csv").exists()
    assert journal.read_bytes() == before


def test_decrypt_at_a_terminal_asks_again_after_a_wrong_passphrase(tmp_path: Path) -> None:
    journal = plain_journal(tmp_path / "mine.hairjournal")
    before = holdings(journal)
    assert hairjournal("encrypt", journal, "--no-backup", passphrase=PASSPHRASE).returncode == 0

    status, output = at_a_terminal("decrypt", journal, typed=["not it at all", PASSPHRASE])

    assert status == 0, output
    assert "Passphrase of mine.hairjournal:" in output
    assert "That passphrase does not open it." in output
    assert PASSPHRASE not in output  # typed, never shown
    assert "Decrypting stores your health data unencrypted" in output
    assert "Decrypted mine.hairjournal: it is stored unencrypted again." in output
    assert journal.read_bytes().startswith(SQLITE_MAGIC)
    assert holdings(journal) == before


def test_encrypt_at_a_terminal_asks_twice(journal: Path) -> None:
    status, output = at_a_terminal(
        "encrypt", journal, "--no-backup", typed=[PASSPHRASE, PASSPHRASE]
    )

    assert status == 0, output
    assert "New passphrase:" in output
    assert "The same passphrase again:" in output
    assert PASSPHRASE not in output
    assert opens_with(journal, PASSPHRASE)
