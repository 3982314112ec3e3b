"""The `.minutes` file: UTF-8 JSON holding one meeting, with a format version.

    {"format_version": 1, "authority": ..., "body": ..., "date": ..., "attendance": [...],
     "interests": [...], "items": [...]}

Reading accepts nothing it does not understand, and every problem comes back as a
MeetingFileError naming the file and, for a bad field, its JSON path.
"""

from __future__ import annotations

import errno
import json
import os
import re
import reprlib
import stat
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clerk_app.domain.model import Meeting
from clerk_app.storage import migrations
from clerk_app.storage.atomic import (
    ChangedOnDiskError,
    FileVersion,
    ReadOnlyError,
    atomic_write,
    read_version,
    real_path,
    remove_stale_temporaries,
    write_new,
)
from clerk_app.storage.errors import FileChangedError, MeetingFileError, ReadOnlyFileError
from clerk_app.storage.migrations import MigrationError

SUFFIX = ".minutes"
BACKUP_SUFFIX = ".bak"
MAX_FILE_SIZE = 64 * 1024 * 1024
"""A real meeting is well under a megabyte; anything this big is not a meeting file."""

_FILE_KEYS = ("format_version", "generator")


def backup_path(path: Path) -> Path:
    """Where a save keeps the previous version: `meeting.minutes.bak` beside the file."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def meeting_to_json(meeting: Meeting) -> str:
    from clerk_app import __version__

    data: dict[str, Any] = {
        "format_version": migrations.FORMAT_VERSION,
        "generator": f"Clerk {__version__}",
    }
    data.update(meeting.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save did: the version now on disk (pass it as `expected` to the next save), and
    whether the previous version was kept as the backup."""

    version: FileVersion
    backup: Path | None
    backup_problem: str | None
    """Why no backup could be kept this time ("no backup of the previous version could be
    kept (m.minutes.bak is a folder)"); the save itself succeeded."""


def save_meeting(meeting: Meeting, path: Path, expected: FileVersion | None = None) -> Saved:
    """Save atomically, keeping the file's previous version as a backup beside it.

    `expected` is the version this meeting was read from or last saved as (`read_meeting`,
    `Saved.version`): if the file on disk is another one, checked at the last moment inside a
    save lock, FileChangedError is raised and nothing is replaced. None replaces whatever is
    there (a name the clerk chose and was asked about). A read-only file raises
    ReadOnlyFileError; a symbolic link is written through to its file, whose backup goes beside
    it. Never fails for want of a backup: `Saved.backup_problem` says why none was kept.
    """
    return save_bytes(meeting_to_json(meeting).encode("utf-8"), path, expected)


def save_bytes(data: bytes, path: Path, expected: FileVersion | None = None) -> Saved:
    """A Clerk file's bytes saved as `save_meeting` saves a meeting (the committee file too)."""
    try:
        target = real_path(path)
        outcome = atomic_write(target, data, backup=backup_path(target), expected=expected)
    except ChangedOnDiskError as exc:
        raise FileChangedError(path, exc.found) from None
    except ReadOnlyError:
        raise ReadOnlyFileError(path) from None
    except OSError as exc:
        raise MeetingFileError(path, f"could not be saved: {os_problem(exc)}") from exc
    return Saved(outcome.version, outcome.backup, outcome.backup_problem)


def current_version(path: Path) -> FileVersion | None:
    """The version of the file on disk now (its content hashed), or None if there is none or
    it cannot be read."""
    try:
        found = read_version(real_path(path))
    except OSError:
        return None
    return None if found is None else found[1]


def os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file or its folder does not exist"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied (is it open in another program, or read-only?)"
    return exc.strerror or str(exc)


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {quote(key)} appears twice in one object")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON value")


def load_meeting(path: Path) -> Meeting:
    """The meeting in `path`. Only a regular file is read (a named pipe would block for ever,
    a link to a device never end), and never more than MAX_FILE_SIZE bytes of it."""
    raw, _ = _read(path)
    return meeting_from_bytes(raw, path)


def read_meeting(path: Path) -> tuple[Meeting, FileVersion]:
    """The meeting in `path` and the version read, for the save that will replace it; opening
    also clears the folder of the temporaries killed saves left there long ago."""
    raw, version = _read(path)
    remove_stale_temporaries(real_path(path).parent)
    return meeting_from_bytes(raw, path), version


def _read(path: Path) -> tuple[bytes, FileVersion]:
    return read_file(path, "meeting")


def read_file(path: Path, noun: str) -> tuple[bytes, FileVersion]:
    """The bytes of a Clerk file (a meeting or a committee: `noun`) and their version."""
    too_large = f"is more than {MAX_FILE_SIZE // 1_048_576} MB, too large to be a {noun} file"
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise MeetingFileError(path, f"is not a {noun} file: it is not a regular file")
        if status.st_size > MAX_FILE_SIZE:
            raise MeetingFileError(
                path, f"is {status.st_size // 1_048_576} MB, too large to be a {noun} file"
            )
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_SIZE + 1)
            status = os.fstat(file.fileno())
    except OSError as exc:
        raise MeetingFileError(path, f"cannot be read: {os_problem(exc)}") from exc
    if len(raw) > MAX_FILE_SIZE:
        raise MeetingFileError(path, too_large)  # it grew, or its size was not what stat said
    return raw, FileVersion.of(raw, status)


def meeting_from_bytes(raw: bytes, path: Path) -> Meeting:
    return meeting_from_json_data(json_from_bytes(raw, path, "meeting"), path)


def json_from_bytes(raw: bytes, path: Path, noun: str) -> object:
    """The JSON data of a Clerk file (a meeting or a committee: `noun`), or MeetingFileError
    saying in the clerk's words why it is not one."""
    if not raw.strip():
        raise MeetingFileError(path, "is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise MeetingFileError(
            path,
            f"is a Word document or another zip file, not a {noun} file: Clerk writes Word "
            f"files but opens only .minutes and .committee files",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MeetingFileError(
            path, f"is not a {noun} file: it is not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    try:
        data = json.loads(
            text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        # Cut off mid-way: the parser ran out of text, or a string ran on to the end.
        if not text[exc.pos :].strip() or exc.msg.startswith("Unterminated string"):
            end = text.rstrip()
            lines = end.count("\n") + 1
            problem = f"is truncated: it stops after line {lines}, in the middle of the {noun}"
        else:
            problem = f"is not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise MeetingFileError(path, problem) from None
    except (ValueError, RecursionError) as exc:
        raise MeetingFileError(path, f"is not valid JSON: {plain(str(exc))}") from None
    return data


def meeting_from_json_data(data: object, path: Path) -> Meeting:
    fields = upgraded_fields(
        data, path, "meeting", "file format", migrations.FORMAT_VERSION, migrations.MIGRATIONS
    )
    try:
        return Meeting.model_validate(fields)
    except ValidationError as exc:
        raise MeetingFileError(path, describe_validation_error(exc, fields)) from None


def upgraded_fields(
    data: object,
    path: Path,
    noun: str,
    format_name: str,
    current: int,
    steps: Mapping[int, migrations.Migration],
) -> dict[str, Any]:
    """A Clerk file's JSON data (a meeting's, a committee's: `noun`) checked for its
    `format_version`, upgraded to format `current` by `steps`, without the file's own keys:
    the fields of its model. Raises MeetingFileError in the clerk's words."""
    if not isinstance(data, dict) or "format_version" not in data:
        raise MeetingFileError(
            path, f"is not a Clerk {noun} file (it has no format_version at the top)"
        )
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise MeetingFileError(path, f"has an invalid format_version: {quote(version)}")
    if version > current:
        raise MeetingFileError(
            path,
            f"was written by a newer version of Clerk ({format_name} {version}; this version "
            f"reads formats up to {current}). Update Clerk to open it.",
        )
    try:
        data = migrations.migrate(data, version, current=current, migrations=steps)
    except MigrationError as exc:
        raise MeetingFileError(path, plain(str(exc))) from None
    return {key: value for key, value in data.items() if key not in _FILE_KEYS}


def json_path(loc: tuple[int | str, ...], data: object) -> str:
    """`$.items[3].title` for a pydantic error location, skipping union tags.

    Pydantic puts the tag of a discriminated union ("paragraph") into the location; walking the
    data alongside tells a real key from a tag.
    """
    path = "$"
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int):
            path += f"[{part}]"
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(node, dict) and isinstance(part, str):
            if part not in node and "type" in node and node.get("type") == part:
                continue  # the union tag, not a key
            path += _key(part)
            node = node.get(part)
        else:
            path += _key(part) if isinstance(part, str) else f"[{part}]"
            node = None
    return path


def _key(name: str) -> str:
    """`.title`, or `[' x…']` for a key from the file that is not a plain name."""
    return f".{name}" if _PLAIN_KEY.fullmatch(name) else f"[{quote(name)}]"


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
QUOTE_LIMIT = 40
"""The most of a value from the file that a message quotes."""
MESSAGE_LIMIT = 160
"""The most of a validator's own message that is shown."""

_quoter = reprlib.Repr()
_quoter.maxstring = _quoter.maxother = _quoter.maxlong = QUOTE_LIMIT
_quoter.maxlist = _quoter.maxtuple = _quoter.maxdict = _quoter.maxset = 3
_quoter.maxlevel = 2


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from a file as a message may show it: repr-quoted, at most about `limit`
    characters ("…" where it was cut), control and invisible characters escaped, so that a
    hostile file can neither flood the terminal nor clear or recolour it."""
    return plain(_quoter.repr(value), limit + 4)


def plain(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` on one line with control, format and unassigned characters escaped (`\\x1b`,
    `\\u202e`), cut to about `limit` characters."""
    cut = len(text) > limit
    text = text[:limit]
    shown = "".join(
        f"\\x{ord(c):02x}"
        if ord(c) < 0x100 and unicodedata.category(c).startswith("C")
        else f"\\u{ord(c):04x}"
        if unicodedata.category(c).startswith("C") or c in "\u2028\u2029"
        else c
        for c in text
    )
    return shown + "…" if cut else shown


def describe_validation_error(exc: ValidationError, data: object) -> str:
    """The first problem, in one short line: values from the file are quoted shortened and
    escaped (pydantic's own message may hold the input, as for a union tag: it is rebuilt)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    value = first.get("input")
    context = first.get("ctx") or {}
    where = json_path(tuple(first["loc"]), data)
    found = ""
    if first["type"] == "union_tag_invalid":
        expected = plain(str(context.get("expected_tags", "")), 160)
        message = f"the type {quote(context.get('tag'))} is not one Clerk knows ({expected})"
    else:
        message = str(first["msg"]).removeprefix("Value error, ")
        if isinstance(value, str) and value and value in message:
            message = message.replace(value, quote(value)[1:-1])
        message = plain(message)
        if first["type"] not in ("missing", "extra_forbidden", "list_too_deep") and first["loc"]:
            found = f" (found {quote(value)})"
    more = f"; and {len(errors) - 1} more problem(s)" if len(errors) > 1 else ""
    return f"has a bad value at {where}: {message}{found}{more}"


def free_name(path: Path) -> Path:
    """`path`, or `NAME (2).minutes`, `NAME (3).minutes`... the first that is not there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def save_new_meeting(
    meeting: Meeting, path: Path, *, rename: bool = True
) -> tuple[Path, FileVersion | None]:
    """Save a new meeting at `path` or, when a file is there (or appears meanwhile), under the
    first free name beside it (`free_name`): never over an existing file (`write_new`). With
    `rename` False a file already there is an error instead (the command line's `-o OUT`).
    Returns where it went and its version. Raises MeetingFileError."""
    data = meeting_to_json(meeting).encode("utf-8")
    target = free_name(path) if rename else path
    for _ in range(100):
        try:
            return target, write_new(target, data)
        except FileExistsError:
            if not rename:
                raise MeetingFileError(
                    path, "already exists; give another name (nothing was written)"
                ) from None
            target = free_name(path)  # the next free name after the one just taken
        except OSError as exc:
            raise MeetingFileError(target, f"could not be saved: {os_problem(exc)}") from exc
    raise MeetingFileError(path, "could not be saved: too many files of that name")
