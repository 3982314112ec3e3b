"""Meetings of one body kept side by side in a folder: finding the one before a meeting."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.meeting_file import SUFFIX, load_meeting


def _same_body(a: Meeting, b: Meeting) -> bool:
    return (
        a.body.casefold() == b.body.casefold() and a.authority.casefold() == b.authority.casefold()
    )


def find_previous_meeting(path: Path, meeting: Meeting) -> tuple[Path, Meeting] | None:
    """The latest meeting of the same body before `meeting`, among the files beside `path`."""
    best: tuple[Path, Meeting] | None = None
    for candidate in sorted(path.parent.glob(f"*{SUFFIX}")):
        if candidate.name == path.name:
            continue
        try:
            other = load_meeting(candidate)
        except MeetingFileError:
            continue  # a damaged neighbour must not stop the check of this meeting
        if not _same_body(other, meeting) or other.date >= meeting.date:
            continue
        if best is None or other.date > best[1].date:
            best = (candidate, other)
    return best
