"""Meeting files on disk: the format, its versions and safe saving. No Qt."""

from clerk_app.storage.atomic import FileVersion
from clerk_app.storage.conflicts import conflict_copies
from clerk_app.storage.errors import FileChangedError, MeetingFileError, ReadOnlyFileError
from clerk_app.storage.library import find_previous_meeting, next_meeting, previous_meeting
from clerk_app.storage.meeting_file import (
    SUFFIX,
    Saved,
    current_version,
    load_meeting,
    meeting_from_json_data,
    meeting_to_json,
    read_meeting,
    save_meeting,
)
from clerk_app.storage.migrations import FORMAT_VERSION
from clerk_app.storage.owner import Owner, Session, claim, read_owner, release

__all__ = [
    "FORMAT_VERSION",
    "SUFFIX",
    "FileChangedError",
    "FileVersion",
    "MeetingFileError",
    "Owner",
    "ReadOnlyFileError",
    "Saved",
    "Session",
    "claim",
    "conflict_copies",
    "current_version",
    "find_previous_meeting",
    "load_meeting",
    "meeting_from_json_data",
    "meeting_to_json",
    "next_meeting",
    "previous_meeting",
    "read_meeting",
    "read_owner",
    "release",
    "save_meeting",
]
