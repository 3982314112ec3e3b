"""Upgrades of meeting files written in older formats.

Each entry of MIGRATIONS turns data of format N into data of format N + 1. A change to the file
format bumps FORMAT_VERSION and adds one entry here, with a test that loads a file of the old
format; files are never rewritten on disk until the clerk saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]

FORMAT_VERSION = 3
"""The format this version of Clerk writes, and the newest it reads."""


class MigrationError(Exception):
    pass


def _blocks_within(blocks: Any) -> Iterator[JsonObject]:
    """Every block object in a format 1 `blocks` list, nested ones included, in reading order.
    Anything that is not what format 1 wrote is left for validation to report."""
    stack: list[Iterator[Any]] = [iter(blocks if isinstance(blocks, list) else ())]
    done = object()
    while stack:
        block = next(stack[-1], done)
        if block is done:
            stack.pop()
            continue
        if not isinstance(block, dict):
            continue
        yield block
        nested = [
            child
            for key in ("entries", "resolutions", "questions", "responses")
            if isinstance(block.get(key), list)
            for entry in block[key]
            if isinstance(entry, dict) and isinstance(entry.get("blocks"), list)
            for child in entry["blocks"]
        ]
        stack.append(iter(nested))


def format_1_to_2(data: JsonObject) -> JsonObject:
    """Format 2 adds fields, all with defaults that mean what format 1 meant, and says one thing
    format 1 left implicit: a resolution's empty `lead_word` meant "the house style's word",
    which format 2 says with `lead: "style"`, and a word given becomes `lead: "given"` (so that
    a third state, "none", can be said). Changes the parsed data in place."""
    items = data.get("items")
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict):
            continue
        for block in _blocks_within(item.get("blocks")):
            if block.get("type") != "resolution" or "lead" in block:
                continue
            word = block.get("lead_word", "")
            block["lead"] = "given" if isinstance(word, str) and word.strip() else "style"
    return data


def format_2_to_3(data: JsonObject) -> JsonObject:
    """Format 3 adds fields for the committee's year (a carried action's origin and when it was
    done, whether a member votes, the previous minutes item's meeting and its confirmation, the
    matters arising standing item), each with a default that means what format 2 meant: nothing
    to change."""
    return data


MIGRATIONS: Mapping[int, Migration] = {1: format_1_to_2, 2: format_2_to_3}


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
