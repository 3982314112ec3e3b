"""Upgrades of meeting files written in older formats.

Each entry of MIGRATIONS turns data of format N into data of format N + 1. A change to the file
format bumps FORMAT_VERSION and adds one entry here, with a test that loads a file of the old
format; files are never rewritten on disk until the clerk saves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]

FORMAT_VERSION = 1
"""The format this version of Clerk writes, and the newest it reads."""

MIGRATIONS: Mapping[int, Migration] = {}


class MigrationError(Exception):
    pass


def migrate(
    data: JsonObject,
    version: int,
    *,
    current: int = FORMAT_VERSION,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> JsonObject:
    """Bring `data`, written in format `version`, up to format `current`."""
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise MigrationError(f"format {version} can no longer be read by this version of Clerk")
        data = step(dict(data))
        version += 1
    return data
