"""Files the journal writes are readable by their owner only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def private_files() -> Iterator[None]:
    """Within this block new files are created 0600 and new folders 0700."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700; an existing folder is left as it is."""
    if folder.is_dir():
        return
    with private_files():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
