"""The error types for meeting files, with a message a clerk can act on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.storage.atomic import FileVersion


class MeetingFileError(Exception):
    """A meeting file could not be read or written. The message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class FileChangedError(MeetingFileError):
    """The save was refused: the file on disk is not the version this meeting was read from or
    last saved as (another Clerk, a colleague on the share, a sync client changed it).
    `found` is the version on disk now: saving again with it as the expected version replaces it
    (and keeps it as the backup)."""

    def __init__(self, path: Path | str, found: FileVersion) -> None:
        super().__init__(path, "has been changed by someone else since you opened it")
        self.found = found


class ReadOnlyFileError(MeetingFileError):
    """The file is marked read-only, and Clerk does not replace it."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "is read-only; save it under another name")
