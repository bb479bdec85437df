"""A real read-only file system for tests: a small tmpfs, filled, then remounted read-only.

Root can write to any file whatever its mode, so chmod cannot make a journal read-only for these
tests; a read-only mount can. Mounting needs root and a kernel that allows it: where it is not
permitted the tests that need it are skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class ReadOnlyMedium:
    """A folder on a file system of its own; ``seal()`` makes it read-only (like a DVD)."""

    folder: Path

    def put(self, source: Path, name: str | None = None) -> Path:
        """Copy ``source`` (and any -wal beside it) into the folder, before it is sealed."""
        target = self.folder / (name or source.name)
        shutil.copyfile(source, target)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return target

    def seal(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
        assert not os.access(self.folder, os.W_OK)


def _mount(folder: Path) -> str | None:
    """Mount a tmpfs on ``folder``; why it could not be, or None."""
    if os.geteuid() != 0:
        return "mounting a read-only file system needs root"
    if shutil.which("mount") is None:
        return "there is no mount command"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else f"mount is not permitted here: {done.stderr.strip()}"


def mounted_medium(tmp_path: Path) -> Iterator[ReadOnlyMedium]:
    """For a fixture: a mounted ``ReadOnlyMedium`` (the test is skipped if it cannot be),
    unmounted afterwards."""
    folder = tmp_path / "medium"
    folder.mkdir()
    problem = _mount(folder)
    if problem is not None:
        pytest.skip(problem)
    try:
        yield ReadOnlyMedium(folder)
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=False)
