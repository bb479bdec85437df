"""What the app remembers between runs: the window, recent journals, the last choices made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from hairjournal.core.enums import ScalpRegion, ShedProtocol
from hairjournal.store import locations

MAX_RECENT = 8


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

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
