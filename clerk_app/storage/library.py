"""Meetings of one body kept side by side in a folder: finding the one before a meeting.

This reads every meeting file in the folder, so it is a call of its own, to be made off the GUI
thread; comparing the numbers (`clerk_app.domain.findings.numbering_findings`) is pure and quick.
Each file's committee and date are read first, without checking the whole meeting (a committee's
folder holds years of meetings); only the one that is the previous meeting is loaded in full.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.folder import header
from clerk_app.storage.meeting_file import SUFFIX, load_meeting


def _same_body(a: Meeting, b: Meeting) -> bool:
    return (
        a.body.casefold() == b.body.casefold() and a.authority.casefold() == b.authority.casefold()
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a name too long; a symlink loop
        return a == b


def previous_meeting(
    folder: Path, meeting: Meeting, exclude: Path | None = None
) -> tuple[Path, Meeting] | None:
    """The latest meeting of the same body (and authority) held before `meeting`, among the
    meeting files in `folder`, with its path; None if there is none.

    `exclude` is the meeting's own file, if it has one: the meeting as it stands may have a date
    the copy on disk does not. Files that cannot be read as meetings are passed over.
    """
    return _neighbour(folder, meeting, exclude, later=False)


def next_meeting(
    folder: Path, meeting: Meeting, exclude: Path | None = None
) -> tuple[Path, Meeting] | None:
    """The first meeting of the same body held after `meeting` in `folder`, as
    `previous_meeting` finds the one before."""
    return _neighbour(folder, meeting, exclude, later=True)


def _neighbour(
    folder: Path, meeting: Meeting, exclude: Path | None, *, later: bool
) -> tuple[Path, Meeting] | None:
    def beyond(date: dt.date) -> bool:
        return date > meeting.date if later else date < meeting.date

    try:
        candidates = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return None
    dated: list[tuple[dt.date, Path]] = []
    for candidate in candidates:
        if exclude is not None and _same_file(candidate, exclude):
            continue
        header = _header(candidate)
        if header is None:  # not read so simply: loaded in full, as any meeting is
            try:
                other = load_meeting(candidate)
            except MeetingFileError:
                continue  # a damaged neighbour must not stop the check of this meeting
            header = (other.date, other.body, other.authority)
        date, body, authority = header
        if (
            body.casefold() == meeting.body.casefold()
            and authority.casefold() == meeting.authority.casefold()
            and beyond(date)
        ):
            dated.append((date, candidate))
    # the nearest first; one that does not load after all gives way to the one beyond it
    for _date, candidate in sorted(dated, key=lambda pair: pair[0], reverse=not later):
        try:
            other = load_meeting(candidate)
        except MeetingFileError:
            continue
        if _same_body(other, meeting) and beyond(other.date):
            return candidate, other
    return None


def _header(path: Path) -> tuple[dt.date, str, str] | None:
    """A meeting file's date, committee and authority, read without checking the rest; None
    when the file is not that simple to read (the full load then decides)."""
    found = header(path)
    return None if found is None else (found.date, found.body, found.authority)


def find_previous_meeting(path: Path, meeting: Meeting) -> tuple[Path, Meeting] | None:
    """The latest meeting of the same body before `meeting`, among the files beside `path` (the
    meeting's own file, which is not counted)."""
    return previous_meeting(path.parent, meeting, exclude=path)
