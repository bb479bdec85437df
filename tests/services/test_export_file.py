"""An exported file appears whole under its name, private, or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from hairjournal.services.export_file import (
    ExportCancelled,
    ExportError,
    partial_path,
    why_not_written,
    written_privately,
)


def test_the_file_takes_its_name_only_when_whole_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    with written_privately(target) as temporary:
        assert temporary.parent == tmp_path
        assert temporary.name.startswith(".")  # hidden while it is being written
        assert stat.S_IMODE(temporary.stat().st_mode) == 0o600
        assert not target.exists()
        temporary.write_bytes(b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_a_wide_umask_still_gives_a_private_file(tmp_path: Path) -> None:
    previous = os.umask(0o000)
    try:
        with written_privately(tmp_path / "out.zip") as temporary:
            temporary.write_bytes(b"zip")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.zip").stat().st_mode) == 0o600


def test_a_replaced_file_becomes_private_too(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"an older summary")
    target.chmod(0o644)
    with written_privately(target) as temporary:
        temporary.write_bytes(b"the new one")
    assert target.read_bytes() == b"the new one"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("stop", [ExportCancelled(), ValueError("a bug"), KeyboardInterrupt()])
def test_cancel_or_any_failure_leaves_nothing_and_keeps_an_older_file(
    tmp_path: Path, stop: BaseException
) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the summary from last month")

    def half_written() -> None:
        with written_privately(target) as temporary:
            temporary.write_bytes(b"half a new summ")
            raise stop

    with pytest.raises(type(stop)):
        half_written()
    assert target.read_bytes() == b"the summary from last month"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_a_partial_file_left_by_a_killed_export_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "bundle.zip"
    partial_path(target).write_bytes(b"left when the power went")
    with written_privately(target) as temporary:
        assert temporary.read_bytes() == b""
        temporary.write_bytes(b"whole")
    assert target.read_bytes() == b"whole"
    assert not partial_path(target).exists()


def test_a_folder_that_cannot_be_written_is_said_in_plain_words(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(ExportError) as raised, written_privately(folder / "summary.pdf"):
            pytest.fail("the block must not run")
    finally:
        folder.chmod(0o700)
    assert raised.value.message == f"{folder} cannot be written to (no permission)"
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_said_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as raised, written_privately(tmp_path / "gone" / "a.pdf"):
        pytest.fail("the block must not run")
    assert raised.value.message == f"the folder {tmp_path / 'gone'} does not exist"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk holding /x is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk holding /x is full"),
        (OSError(errno.EROFS, "Read-only file system"), "/x cannot be written to (no permission)"),
        (
            OSError(errno.EIO, "Input/output error"),
            "a.pdf could not be written (input/output error)",
        ),
    ],
)
def test_disk_errors_in_words(error: OSError, words: str) -> None:
    assert why_not_written(error, Path("/x/a.pdf")) == words


def test_a_full_disk_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.pdf"

    def full(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError) as raised, written_privately(target) as temporary:
        temporary.write_bytes(b"all of it")
    assert raised.value.message == f"the disk holding {tmp_path} is full"
    assert list(tmp_path.iterdir()) == []
