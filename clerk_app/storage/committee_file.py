"""The `.committee` file: UTF-8 JSON holding one committee, with a format version of its own.

    {"format_version": 1, "generator": "Clerk 0.1.0", "authority": ..., "name": ...,
     "members": [...], "standing_items": [...], "numbering": {...}, "meeting_dates": [...]}

It lives in the committee's folder beside its meetings (one per folder). Read and saved as
meeting files are: nothing it does not understand is accepted, every problem is a
MeetingFileError naming the file and the field, and a save is atomic, keeps a backup and refuses
to replace a version someone else saved since it was read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clerk_app.domain.committee import Committee
from clerk_app.storage.atomic import (
    FileVersion,
    write_new,
)
from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.meeting_file import (
    Saved,
    describe_validation_error,
    json_from_bytes,
    os_problem,
    read_file,
    save_bytes,
    upgraded_fields,
)
from clerk_app.storage.migrations import Migration

COMMITTEE_SUFFIX = ".committee"
COMMITTEE_FORMAT_VERSION = 1
"""The committee format this version of Clerk writes, and the newest it reads."""
COMMITTEE_MIGRATIONS: Mapping[int, Migration] = {}
"""Upgrades from each older committee format (none yet: format 1 is the first)."""

_FILE_KEYS = ("format_version", "generator")


def committee_to_json(committee: Committee) -> str:
    from clerk_app import __version__

    data: dict[str, Any] = {
        "format_version": COMMITTEE_FORMAT_VERSION,
        "generator": f"Clerk {__version__}",
    }
    data.update(committee.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def save_committee(
    committee: Committee, path: Path, expected: FileVersion | None = None, *, new: bool = False
) -> Saved:
    """Save atomically, keeping the previous version as `<name>.bak`; `expected` as for
    `clerk_app.storage.meeting_file.save_meeting`. `new`: the folder's first committee file,
    refused (nothing written) if one appeared meanwhile, another Clerk's perhaps."""
    data = committee_to_json(committee).encode("utf-8")
    if new:
        # of two Clerks saving the folder's first committee file at once, the second is
        # refused rather than replacing the first's
        try:
            return Saved(write_new(path, data), None, None)
        except FileExistsError:
            raise MeetingFileError(
                path, "already exists: open the folder again to use that committee file"
            ) from None
        except OSError as exc:
            raise MeetingFileError(path, f"could not be saved: {os_problem(exc)}") from exc
    return save_bytes(data, path, expected)


def read_committee(path: Path) -> tuple[Committee, FileVersion]:
    raw, version = read_file(path, "committee")
    return committee_from_json_data(json_from_bytes(raw, path, "committee"), path), version


def load_committee(path: Path) -> Committee:
    return read_committee(path)[0]


def committee_from_json_data(data: object, path: Path) -> Committee:
    fields = upgraded_fields(
        data, path, "committee", "committee format", COMMITTEE_FORMAT_VERSION, COMMITTEE_MIGRATIONS
    )
    try:
        return Committee.model_validate(fields)
    except ValidationError as exc:
        raise MeetingFileError(path, describe_validation_error(exc, fields)) from None
