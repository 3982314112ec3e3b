"""Meeting files on disk: the format, its versions and safe saving. No Qt."""

from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.library import find_previous_meeting, previous_meeting
from clerk_app.storage.meeting_file import (
    SUFFIX,
    load_meeting,
    meeting_from_json_data,
    meeting_to_json,
    save_meeting,
)
from clerk_app.storage.migrations import FORMAT_VERSION

__all__ = [
    "FORMAT_VERSION",
    "SUFFIX",
    "MeetingFileError",
    "find_previous_meeting",
    "load_meeting",
    "meeting_from_json_data",
    "meeting_to_json",
    "previous_meeting",
    "save_meeting",
]
