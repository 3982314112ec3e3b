"""Sync conflict copies: the second versions sync clients leave beside a file two people changed.

    conflict_copies(Path("CYPE 2025-06-18.minutes"))
        -> [Path("CYPE 2025-06-18-CLERK-PC-12.minutes")]

The names each client gives a copy of `NAME.minutes`:

| client | copy |
|---|---|
| OneDrive, SharePoint | `NAME-MACHINE.minutes`, `NAME-MACHINE-2.minutes` |
| Dropbox | `NAME (Jane's conflicted copy 2025-06-18).minutes` (and `... (1))` forms) |
| Nextcloud, ownCloud | `NAME (conflicted copy 2025-06-18 101502).minutes` (or with a user) |
| older ownCloud | `NAME_conflict-20250618-101502.minutes` |
| Syncthing | `NAME.sync-conflict-20250618-101502-ABCDEFG.minutes` |
| copies made by hand, browsers, OneDrive's upload | `NAME (1).minutes` |

The OneDrive form and `(1)` are ambiguous: `cype-2025-06-18.minutes` beside `cype-2025.minutes`
is a neighbour, not a copy. For those the candidate must hold the same meeting: for a meeting
file, the same committee, authority and date (its header, read without loading the rest); for a
committee file, the same name and authority. The other forms are unmistakable.

Generic over the suffix: the committee window calls it for `.committee` files. No Qt.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from clerk_app.storage.folder import header

MAX_HEADER_SIZE = 64 * 1024 * 1024

_DROPBOX = r" \(.+?['’]s conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)(?: \(\d+\))?"
_NEXTCLOUD = r" \(conflicted copy (?:.+ )?\d{4}-\d{2}-\d{2} \d{6}\)(?: \(\d+\))?"
_OWNCLOUD = r"_conflict-\d{8}-\d{6}"
_SYNCTHING = r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}"
_ONEDRIVE = r"-[A-Za-z0-9][A-Za-z0-9_-]{0,62}"  # the machine's name, then -2, -3... (in it)
_NUMBERED = r" ?\(\d{1,3}\)"


def _forms(stem: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(unmistakable forms, forms that need the same meeting inside) for a file's stem."""
    name = re.escape(stem)
    sure = re.compile(rf"{name}(?:{_DROPBOX}|{_NEXTCLOUD}|{_OWNCLOUD}|{_SYNCTHING})", re.IGNORECASE)
    ambiguous = re.compile(rf"{name}(?:{_ONEDRIVE}|{_NUMBERED})", re.IGNORECASE)
    return sure, ambiguous


def _identity(path: Path) -> tuple[str, ...] | None:
    """What makes two files the same meeting (or committee): None when it cannot be read."""
    entry = header(path)
    if entry is not None:
        day = entry.date.isoformat()
        return ("meeting", day, entry.body.casefold(), entry.authority.casefold())
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_HEADER_SIZE:
            return None
        data: Any = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or "date" in data:
        return None
    name, authority = data.get("name"), data.get("authority")
    if not isinstance(name, str) or not isinstance(authority, str) or not name.strip():
        return None
    return ("committee", " ".join(name.split()).casefold(), " ".join(authority.split()).casefold())


class _Original:
    """The file whose copies are looked for: its name's forms, and what it holds (read once,
    only if an ambiguous name asks for it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sure, self.ambiguous = _forms(path.stem)
        self._identity: tuple[str, ...] | None = None
        self._read = False

    def identity(self) -> tuple[str, ...] | None:
        if not self._read:
            self._identity, self._read = _identity(self.path), True
        return self._identity

    def has_copy(self, candidate: Path) -> bool:
        path = self.path
        if candidate.suffix.casefold() != path.suffix.casefold() or candidate == path:
            return False
        stem = candidate.stem
        if self.sure.fullmatch(stem):
            return True
        if not self.ambiguous.fullmatch(stem):
            return False
        mine = self.identity()
        return mine is not None and mine == _identity(candidate)


def is_conflict_copy(path: Path, candidate: Path) -> bool:
    """Whether `candidate` (beside `path`) is a sync client's conflict copy of it."""
    return _Original(path).has_copy(candidate)


def conflict_copies(path: Path) -> list[Path]:
    """The conflict copies of `path` in its folder, by name; [] when there are none or the
    folder cannot be read. Never raises."""
    folder = path.parent
    prefix = path.stem.casefold()
    suffix = path.suffix.casefold()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    original = _Original(path)
    found: list[Path] = []
    for entry in entries:
        name = entry.name
        lowered = name.casefold()
        if not lowered.startswith(prefix) or not lowered.endswith(suffix):
            continue
        if lowered == path.name.casefold():
            continue
        try:
            if not entry.is_file():
                continue
        except OSError:
            continue
        candidate = folder / name
        if original.has_copy(candidate):
            found.append(candidate)
    return sorted(found, key=lambda p: p.name.casefold())
