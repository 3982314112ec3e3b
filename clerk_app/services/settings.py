"""The user's settings, kept by QSettings as an INI file in Clerk's app-data folder (readable,
and isolated in tests by pointing CLERK_DATA_DIR elsewhere)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "settings.ini"
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def recent_files(self) -> list[Path]:
        value = self.qsettings.value("files/recent", [])
        # an INI file gives back one string for a list of one
        names = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [Path(n) for n in names if isinstance(n, str) and n]

    def add_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_files if p != path]
        self.qsettings.setValue("files/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self.qsettings.setValue("files/recent", [str(p) for p in self.recent_files if p != path])

    @property
    def default_style(self) -> str:
        return self._text("minutes/default_style", "leicester")

    @default_style.setter
    def default_style(self, name: str) -> None:
        self.qsettings.setValue("minutes/default_style", name)

    @property
    def clerk_name(self) -> str:
        return self._text("clerk/name")

    @clerk_name.setter
    def clerk_name(self, name: str) -> None:
        self.qsettings.setValue("clerk/name", name)

    @property
    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self.qsettings.setValue("window/splitter", value)

    def sync(self) -> None:
        self.qsettings.sync()
