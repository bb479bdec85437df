"""Where the top-level ``resources`` folder is, from a source checkout or inside a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_folder() -> Path:
    """The top-level ``resources`` folder, beside the package or inside a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parent.parent.parent
    return base / "resources"
