"""The one error type for meeting files, with a message a clerk can act on."""

from __future__ import annotations

from pathlib import Path


class MeetingFileError(Exception):
    """A meeting file could not be read or written. The message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
