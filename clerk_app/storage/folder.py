"""A committee's folder: its committee file and its meetings, side by side.

    Children Young People and Education/
        cype.committee
        CYPE 2025-06-18.minutes
        CYPE 2025-09-23.minutes

A folder holds one committee file; its meetings are the meeting files of the same committee and
authority (files of another body in the folder are listed apart, never mixed in). Each meeting is
read only as far as its date and committee (a folder holds years of meetings); the full load is
asked for when needed. A folder with no committee file is a committee all the same: its latest
meeting describes it (`clerk_app.domain.committee.committee_from_meeting`), until one is saved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.domain.committee import Committee
from clerk_app.domain.model import Meeting, MeetingStatus
from clerk_app.domain.text import clean_line
from clerk_app.storage.committee_file import COMMITTEE_SUFFIX, load_committee
from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.meeting_file import MAX_FILE_SIZE, SUFFIX, load_meeting


@dataclass(frozen=True, slots=True)
class MeetingEntry:
    """A meeting file as a folder lists it."""

    path: Path
    date: dt.date
    body: str
    authority: str
    approved: bool

    def of(self, committee: Committee) -> bool:
        return same_body(self.body, self.authority, committee.name, committee.authority)

    def of_body(self, meeting: Meeting) -> bool:
        """A meeting of the same committee (and authority) as `meeting`."""
        return same_body(self.body, self.authority, meeting.body, meeting.authority)


def same_body(body: str, authority: str, other_body: str, other_authority: str) -> bool:
    """One committee of one authority, whatever the case its names are written in."""
    return (
        body.casefold() == other_body.casefold()
        and authority.casefold() == other_authority.casefold()
    )


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a name too long; a symlink loop
        return a == b


def meetings_of(folder: Path, meeting: Meeting, exclude: Path | None = None) -> list[MeetingEntry]:
    """The meeting files in `folder` of the same committee as `meeting`, oldest first: sync
    clients' conflict copies left out (a copy is never the meeting before, nor the one of a
    date), `exclude` (the meeting's own file) too, and files that cannot be read passed over
    (a damaged neighbour must not stop the check of this meeting)."""
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return []
    copied = {copy for copy, _ in _conflict_copies(paths)}
    entries: list[MeetingEntry] = []
    for path in paths:
        if path in copied or (exclude is not None and same_file(path, exclude)):
            continue
        try:
            entry = _entry(path)
        except MeetingFileError:
            continue
        if entry.of_body(meeting):
            entries.append(entry)
    entries.sort(key=lambda entry: (entry.date, entry.path.name))
    return entries


@dataclass(slots=True)
class CommitteeFolder:
    folder: Path
    committee: Committee | None
    """The committee, from its file; None when the folder has none (see `committee_path`)."""
    committee_path: Path | None
    meetings: list[MeetingEntry] = field(default_factory=list)
    """The committee's meetings, oldest first."""
    others: list[MeetingEntry] = field(default_factory=list)
    """Meetings of other bodies found in the folder."""
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    """Meeting files that could not be read, with why."""
    copies: list[tuple[Path, Path]] = field(default_factory=list)
    """Sync clients' conflict copies (the copy, and the meeting file it is a copy of): never
    counted as meetings of the year (a copy must not be the meeting before, nor say which
    actions are open); the clerk compares them."""

    def before(self, day: dt.date) -> list[MeetingEntry]:
        return [entry for entry in self.meetings if entry.date < day]

    def latest_before(self, day: dt.date) -> MeetingEntry | None:
        earlier = self.before(day)
        return earlier[-1] if earlier else None

    def latest(self) -> MeetingEntry | None:
        return self.meetings[-1] if self.meetings else None


def header(path: Path) -> MeetingEntry | None:
    """A meeting file's date, committee, authority and status, read without checking the
    rest; None when the file is not that simple to read (a full load then decides)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_SIZE:
            return None
        data = json.loads(path.read_bytes())
        date = dt.date.fromisoformat(data["date"])
        body, authority = data.get("body", ""), data.get("authority", "")
        if not isinstance(body, str) or not isinstance(authority, str):
            return None
        approved = data.get("status") == MeetingStatus.APPROVED.value
    except (OSError, ValueError, TypeError, KeyError, RecursionError, AttributeError):
        return None
    return MeetingEntry(path, date, clean_line(body), clean_line(authority), approved)


def _entry(path: Path) -> MeetingEntry:
    found = header(path)
    if found is not None:
        return found
    meeting = load_meeting(path)  # raises MeetingFileError with the reason
    approved = meeting.status is MeetingStatus.APPROVED
    return MeetingEntry(path, meeting.date, meeting.body, meeting.authority, approved)


def committee_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob(f"*{COMMITTEE_SUFFIX}") if p.is_file())
    except OSError:
        return []


def open_folder(folder: Path) -> CommitteeFolder:
    """The committee folder at `folder`. A damaged committee file, or two of them, raise
    MeetingFileError (the clerk must choose); a damaged meeting is listed in `unreadable`."""
    files = committee_files(folder)
    if len(files) > 1:
        names = ", ".join(p.name for p in files)
        raise MeetingFileError(
            folder, f"holds more than one committee file ({names}); keep one committee per folder"
        )
    committee = load_committee(files[0]) if files else None
    entries: list[MeetingEntry] = []
    unreadable: list[tuple[Path, str]] = []
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError as exc:
        raise MeetingFileError(folder, f"cannot be read: {exc.strerror or exc}") from exc
    copies = _conflict_copies(paths)
    copied = {copy for copy, _ in copies}
    for path in paths:
        if path in copied:
            continue
        try:
            entries.append(_entry(path))
        except MeetingFileError as exc:
            unreadable.append((path, exc.problem))
    entries.sort(key=lambda entry: (entry.date, entry.path.name))
    if committee is None:
        mine, others = _main_body(entries)
    else:
        mine = [entry for entry in entries if entry.of(committee)]
        others = [entry for entry in entries if not entry.of(committee)]
    return CommitteeFolder(
        folder, committee, files[0] if files else None, mine, others, unreadable, copies
    )


def _conflict_copies(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(copy, original) for each conflict copy among `paths`: a copy's name starts with its
    original's stem, and in the order of stems those names follow it."""
    from clerk_app.storage.conflicts import is_conflict_copy  # it reads headers with ours

    found: list[tuple[Path, Path]] = []
    by_stem = sorted(paths, key=lambda path: path.stem)
    for n, original in enumerate(by_stem):
        for candidate in by_stem[n + 1 :]:
            if not candidate.stem.startswith(original.stem):
                break
            if is_conflict_copy(original, candidate):
                found.append((candidate, original))
    return found


def _main_body(entries: list[MeetingEntry]) -> tuple[list[MeetingEntry], list[MeetingEntry]]:
    """With no committee file: the body of the latest meeting is the folder's committee."""
    if not entries:
        return [], []
    latest = entries[-1]
    key = (latest.body.casefold(), latest.authority.casefold())
    mine = [e for e in entries if (e.body.casefold(), e.authority.casefold()) == key]
    return mine, [e for e in entries if e not in mine]


def load_meetings(entries: list[MeetingEntry]) -> list[tuple[Path, Meeting]]:
    """The meetings in full; one that no longer loads is passed over (a damaged neighbour must
    not stop the year's work)."""
    loaded: list[tuple[Path, Meeting]] = []
    for entry in entries:
        try:
            loaded.append((entry.path, load_meeting(entry.path)))
        except MeetingFileError:
            continue
    return loaded


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "on", "in"})
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def meeting_file_name(body: str, day: dt.date) -> str:
    """A file name for a committee's meeting, safe on Windows, SMB shares and OneDrive: the
    committee's initials when its name is long ("CYPESC 2025-09-23.minutes")."""
    name = " ".join(_UNSAFE.sub(" ", body).split()).strip(" .")
    if len(name) > 40:
        words = [w for w in name.split() if w[:1].isalnum() and w.casefold() not in _SMALL_WORDS]
        name = "".join(word[0] for word in words).upper()
    return f"{name or 'Meeting'} {day:%Y-%m-%d}{SUFFIX}"
