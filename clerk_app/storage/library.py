"""Meetings of one body kept side by side in a folder: finding the one before a meeting.

This reads every meeting file in the folder, so it is a call of its own, to be made off the GUI
thread; comparing the numbers (`clerk_app.domain.findings.numbering_findings`) is pure and quick.
"""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.storage.errors import MeetingFileError
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
    best: tuple[Path, Meeting] | None = None
    try:
        candidates = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return None
    for candidate in candidates:
        if exclude is not None and _same_file(candidate, exclude):
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


def find_previous_meeting(path: Path, meeting: Meeting) -> tuple[Path, Meeting] | None:
    """The latest meeting of the same body before `meeting`, among the files beside `path` (the
    meeting's own file, which is not counted)."""
    return previous_meeting(path.parent, meeting, exclude=path)
