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
from clerk_app.storage.folder import meetings_of, same_body
from clerk_app.storage.meeting_file import load_meeting


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

    dated = [entry for entry in meetings_of(folder, meeting, exclude) if beyond(entry.date)]
    # the nearest first; one that does not load after all gives way to the one beyond it
    for entry in dated if later else reversed(dated):
        try:
            other = load_meeting(entry.path)
        except MeetingFileError:
            continue
        if same_body(other.body, other.authority, meeting.body, meeting.authority) and beyond(
            other.date
        ):
            return entry.path, other
    return None


def held_on(
    folder: Path, meeting: Meeting, day: dt.date, exclude: Path | None = None
) -> list[Path]:
    """The files in `folder` of the committee's meeting held on `day` (conflict copies left
    out): one, or none, or (a folder that went wrong) more than one."""
    return [entry.path for entry in meetings_of(folder, meeting, exclude) if entry.date == day]


def find_previous_meeting(path: Path, meeting: Meeting) -> tuple[Path, Meeting] | None:
    """The latest meeting of the same body before `meeting`, among the files beside `path` (the
    meeting's own file, which is not counted)."""
    return previous_meeting(path.parent, meeting, exclude=path)
