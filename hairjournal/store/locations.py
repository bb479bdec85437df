"""Where journals and settings live by default (platformdirs: never a hard-coded home path)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "HairJournal"


def data_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_journal_path() -> Path:
    return data_folder() / "journal.hairjournal"


def settings_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / "settings.ini"


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
