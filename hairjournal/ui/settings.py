"""What the app remembers between runs: the window, recent journals, the last choices made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from hairjournal.core.enums import ScalpRegion, ShedProtocol
from hairjournal.core.reminder_times import ReminderTimes
from hairjournal.store import locations

MAX_RECENT = 8
WEEKDAY_CODES = ("0", "1", "2", "3", "4", "5", "6")  # Monday to Sunday, as stored


class Settings:
    """The app's settings file, in INI format at ``store.locations.settings_file()``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or locations.settings_file()
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)
        self._store.sync()

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def save_splitter_state(self, name: str, state: QByteArray) -> None:
        self._store.setValue(f"splitters/{name}", state)
        self._store.sync()

    def recent_journals(self) -> list[Path]:
        """Most recent first; files that have gone missing stay listed until cleared."""
        count = self._store.beginReadArray("recent")
        paths = []
        for index in range(count):
            self._store.setArrayIndex(index)
            value = self._store.value("path")
            if isinstance(value, str) and value:
                paths.append(Path(value))
        self._store.endArray()
        return paths

    def add_recent(self, path: Path) -> None:
        path = Path(path).absolute()
        others = [p for p in self.recent_journals() if p != path]
        self._write_recent([path, *others][:MAX_RECENT])

    def clear_recent(self) -> None:
        self._write_recent([])

    def _write_recent(self, paths: list[Path]) -> None:
        self._store.remove("recent")
        self._store.beginWriteArray("recent", len(paths))
        for index, path in enumerate(paths):
            self._store.setArrayIndex(index)
            self._store.setValue("path", str(path))
        self._store.endArray()
        self._store.sync()

    def last_protocol(self) -> ShedProtocol | None:
        """The shedding protocol last saved from the quick entry, if any (and still known)."""
        value = self._store.value("entry/protocol")
        return ShedProtocol(value) if value in ShedProtocol.codes() else None

    def set_last_protocol(self, protocol: ShedProtocol) -> None:
        self._store.setValue("entry/protocol", protocol.value)
        self._store.sync()

    def last_photo_region(self) -> ScalpRegion | None:
        """The scalp region photos were last imported as, if any (and still known)."""
        value = self._store.value("photos/region")
        return ScalpRegion(value) if value in ScalpRegion.codes() else None

    def set_last_photo_region(self, region: ScalpRegion) -> None:
        self._store.setValue("photos/region", region.value)
        self._store.sync()

    def automatic_backups(self) -> bool:
        """Whether a backup is taken on close and daily; on unless turned off."""
        return self._store.value("backups/automatic", "true") not in ("false", False)

    def set_automatic_backups(self, on: bool) -> None:
        self._store.setValue("backups/automatic", "true" if on else "false")
        self._store.sync()

    def reminder_times(self) -> ReminderTimes:
        """The reminders chosen in Settings; off unless set (a value not understood is off)."""
        weekday = str(self._store.value("reminders/photos_weekday", "6"))
        return ReminderTimes(
            count_at=_clock_time(self._store.value("reminders/count_at")),
            photos_weekday=int(weekday) if weekday in WEEKDAY_CODES else 6,
            photos_at=_clock_time(self._store.value("reminders/photos_at")),
        )

    def set_reminder_times(self, times: ReminderTimes) -> None:
        for key, at in (("count_at", times.count_at), ("photos_at", times.photos_at)):
            self._store.setValue(f"reminders/{key}", "" if at is None else f"{at:%H:%M}")
        self._store.setValue("reminders/photos_weekday", str(times.photos_weekday))
        self._store.sync()

    def keep_in_tray(self) -> bool:
        """Whether closing the window leaves the app running in the system tray; off unless set."""
        return self._store.value("tray/keep_running", "false") in ("true", True)

    def set_keep_in_tray(self, on: bool) -> None:
        self._store.setValue("tray/keep_running", "true" if on else "false")
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _clock_time(value: object) -> dt.time | None:
    """'21:00' as a time; anything else (empty, garbled) as None."""
    try:
        return dt.datetime.strptime(str(value), "%H:%M").time()
    except ValueError:
        return None
