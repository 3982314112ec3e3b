"""The user's settings, kept by QSettings as an INI file in Clerk's app-data folder (readable,
and isolated in tests by pointing CLERK_DATA_DIR elsewhere).

A folder that cannot be written (read-only, a full disk) must not stop Clerk: the settings are
read if they are there, kept for the session, and `problem` says why they will not be kept.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from clerk_app.locations import why_not_written

MAX_RECENT = 8
log = logging.getLogger("clerk.settings")


def _committee_key(authority: str, name: str) -> str:
    return f"{authority.strip().casefold()}\n{name.strip().casefold()}"


class Settings:
    def __init__(self, data_dir: Path) -> None:
        with contextlib.suppress(OSError):  # said by `problem` (QSettings never raises)
            data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "settings.ini"
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.problem = self._probe()
        """Why the settings will not be kept ("the folder is read-only"); empty if they will."""

    def _probe(self) -> str:
        """QSettings only says "access error" when it fails to write: a file written beside the
        settings says why (nothing is left behind)."""
        probe = self.path.with_name(f"{self.path.name}.{os.getpid()}.probe")
        try:
            probe.write_bytes(b"Clerk")
        except OSError as exc:
            return why_not_written(exc)
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()
        return ""

    def _text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return value if isinstance(value, str) else default

    def _paths(self, key: str) -> list[Path]:
        value = self.qsettings.value(key, [])
        # an INI file gives back one string for a list of one
        names = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [Path(n) for n in names if isinstance(n, str) and n]

    def _put_first(self, key: str, path: Path) -> None:
        recent = [p for p in self._paths(key) if p != path]
        self.qsettings.setValue(key, [str(p) for p in [path, *recent][:MAX_RECENT]])

    def _drop(self, key: str, path: Path) -> None:
        self.qsettings.setValue(key, [str(p) for p in self._paths(key) if p != path])

    @property
    def recent_files(self) -> list[Path]:
        return self._paths("files/recent")

    def add_recent(self, path: Path) -> None:
        self._put_first("files/recent", path)

    def remove_recent(self, path: Path) -> None:
        self._drop("files/recent", path)

    @property
    def recent_folders(self) -> list[Path]:
        """Committee folders opened lately, the latest first."""
        return self._paths("folders/recent")

    def add_recent_folder(self, folder: Path) -> None:
        self._put_first("folders/recent", folder)

    def remove_recent_folder(self, folder: Path) -> None:
        """A folder that could not be read (gone, or moved) leaves the list."""
        self._drop("folders/recent", folder)

    def import_source(self, authority: str, name: str) -> tuple[str, str, str] | None:
        """The source (system, site, API) the clerk last imported the committee's agenda from;
        the last source used for any committee when this one has none; None before any."""
        sources = self._import_sources()
        found = sources.get(_committee_key(authority, name)) or sources.get("")
        return (found[0], found[1], found[2]) if found else None

    def remember_import_source(
        self, authority: str, name: str, system: str, site: str, api: str = ""
    ) -> None:
        """File > Import agenda…'s source, kept for the committee and as the last one used."""
        sources = self._import_sources()
        sources[_committee_key(authority, name)] = [system, site, api]
        sources[""] = [system, site, api]
        self.qsettings.setValue("import/sources", json.dumps(sources, sort_keys=True))

    def _import_sources(self) -> dict[str, list[str]]:
        try:
            value = json.loads(self._text("import/sources", "{}"))
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {
            str(key): [str(part) for part in found]
            for key, found in value.items()
            if isinstance(found, list) and len(found) == 3
        }

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
    def zoom(self) -> int:
        """The form area's and the preview's zoom, in per cent (View > Zoom in)."""
        value = self.qsettings.value("view/zoom", 100)
        try:
            return int(str(value))
        except ValueError:
            return 100

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self.qsettings.setValue("view/zoom", percent)

    @property
    def toolbar_visible(self) -> bool:
        value = self.qsettings.value("view/toolbar", True)
        return value not in (False, "false", "0")

    @toolbar_visible.setter
    def toolbar_visible(self, visible: bool) -> None:
        self.qsettings.setValue("view/toolbar", visible)

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
        """Write the settings out; a folder that will not take them is logged, not raised."""
        self.qsettings.sync()
        if self.qsettings.status() != QSettings.Status.NoError:
            self.problem = self.problem or "they could not be written"
            log.warning("The settings could not be saved to %s (%s)", self.path, self.problem)
