"""Confirming the previous minutes: the meeting agrees them, and their own file is marked approved.

When a meeting agrees the minutes of the meeting before as a correct record (the previous minutes
item's "Agreed as a correct record"), the app asks whether to mark that meeting's file approved,
confirmed on this meeting's date. Yes is one undo step, `ConfirmPrevious`, on this meeting's undo
stack: it ticks the box here AND writes the previous meeting's file; undo unticks the box and puts
the previous file back as it was. The other file is never written silently and never over a
change made by someone else:

- it is written only if it is still the version read when the clerk was asked (`save_meeting`'s
  last-moment check), and put back on undo only if it is still the version Clerk wrote;
- it is not written while another Clerk has it open (its owner mark, `storage.owner`);
- whatever stops a write is said (`report`), and the tick stays: this meeting did agree them.

Each save keeps the replaced version as the file's backup (`NAME.minutes.bak`), as every save
does. QtCore only (the undo command); the question and the messages are the window's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk_app.domain.model import Meeting, MeetingStatus
from clerk_app.services.document import EditPath, MeetingDocument, ReplaceMeeting
from clerk_app.storage import FileChangedError, FileVersion, MeetingFileError, save_meeting
from clerk_app.storage.library import held_on
from clerk_app.storage.meeting_file import meeting_from_bytes, read_file, save_bytes
from clerk_app.storage.owner import describe, is_stale, machine_name, read_owner

Report = Callable[[str], None]
"""Says to the clerk what could not be done (the window's message layer)."""


@dataclass(frozen=True, slots=True)
class PreviousFile:
    """The previous meeting's file as read when the clerk was asked: its meeting, its bytes
    (to put back exactly on undo) and their version (the only one a write may replace)."""

    path: Path
    meeting: Meeting
    raw: bytes
    version: FileVersion


def find_previous_file(
    folder: Path, meeting: Meeting, day: dt.date, exclude: Path | None = None
) -> list[Path]:
    """The files in `folder` of the committee's meeting held on `day`: one, none, or (a folder
    gone wrong) several, which the clerk must be told of (`clerk_app.storage.library.held_on`:
    sync clients' conflict copies are left out)."""
    return held_on(folder, meeting, day, exclude)


def read_previous(path: Path) -> PreviousFile:
    """Raises MeetingFileError, naming the file and the problem."""
    raw, version = read_file(path, "meeting")
    return PreviousFile(path, meeting_from_bytes(raw, path), raw, version)


def open_elsewhere(path: Path) -> str | None:
    """Who has the file open in a Clerk, as the owner mark says ("Jane Smith (jsmith) on
    CLERK-PC-12, since 10:05 today"); None when nobody does (or the mark is stale)."""
    owner = read_owner(path)
    if owner is None or is_stale(owner, this_machine=machine_name()):
        return None
    return describe(owner)


def approved(previous: Meeting, confirmed_on: dt.date) -> Meeting:
    return previous.model_copy(
        update={"status": MeetingStatus.APPROVED, "confirmed_on": confirmed_on}
    )


class ConfirmPrevious(ReplaceMeeting):
    """One undo step: this meeting's box ticked (`before` -> `after`) and the previous meeting's
    file marked approved, confirmed on `confirmed_on`; undone, the box unticked and the file put
    back as it was. `when` names the previous meeting in messages ("18 June 2025").

    After each redo or undo, `problem` is what stopped the file's part, if anything (it was
    also reported), and `file_approved` whether the file now holds Clerk's approval."""

    def __init__(
        self,
        document: MeetingDocument,
        before: Meeting,
        after: Meeting,
        text: str,
        changed: EditPath,
        previous: PreviousFile,
        confirmed_on: dt.date,
        when: str,
        report: Report,
    ) -> None:
        super().__init__(document, before, after, text, changed)
        self.previous = previous
        self.confirmed_on = confirmed_on
        self.when = when
        self.report = report
        self.problem: str | None = None
        self._original: FileVersion | None = previous.version
        """The previous file's version when it is as it was (the one a redo may replace);
        None once Clerk no longer knows what is there."""
        self._written: FileVersion | None = None
        """The version Clerk wrote (the one an undo may replace), while it is there."""

    @property
    def file_approved(self) -> bool:
        return self._written is not None

    def _say(self, problem: str) -> None:
        self.problem = problem
        self.report(problem)

    def redo(self) -> None:
        # the file first: what follows the box's change (the findings) reads it as it is now
        self._approve()
        super().redo()

    def undo(self) -> None:
        self._put_back()
        super().undo()

    def _approve(self) -> None:
        self.problem = None
        if self._written is not None:
            return  # an undo could not put it back: it is still approved as Clerk wrote it
        path = self.previous.path
        name = path.name
        if self._original is None:
            self._say(
                f"The minutes of {self.when} were not marked approved: {name} was changed "
                "since Clerk last wrote it. Only this meeting's box is ticked; open that "
                "meeting to mark it approved."
            )
            return
        who = open_elsewhere(path)
        if who is not None:
            self._say(
                f"The minutes of {self.when} were not marked approved: {name} is open in "
                f"Clerk by {who}. Only this meeting's box is ticked; mark them approved once "
                "they are closed (untick and tick the box again)."
            )
            return
        try:
            saved = save_meeting(
                approved(self.previous.meeting, self.confirmed_on), path, self._original
            )
        except FileChangedError:
            self._original = None
            self._say(
                f"The minutes of {self.when} were not marked approved: {name} was changed "
                "since Clerk read it (by another Clerk, a colleague or a sync), so it was left "
                "as it is. Only this meeting's box is ticked; open that meeting to mark it "
                "approved."
            )
            return
        except MeetingFileError as exc:
            self._say(
                f"The minutes of {self.when} were not marked approved: {name} {exc.problem}. "
                "Only this meeting's box is ticked."
            )
            return
        self._written = saved.version

    def _put_back(self) -> None:
        self.problem = None
        written = self._written
        if written is None:
            return  # the file was not written by this step: nothing to put back
        path = self.previous.path
        name = path.name
        who = open_elsewhere(path)
        if who is not None:
            self._say(
                f"The minutes of {self.when} are still marked approved: {name} is open in "
                f"Clerk by {who}, so it was not put back as it was. Only this meeting's box "
                "is unticked."
            )
            return
        try:
            outcome = save_bytes(self.previous.raw, path, written)
        except FileChangedError:
            self._written = None
            self._original = None
            self._say(
                f"The minutes of {self.when} were changed since Clerk marked them approved "
                f"(by another Clerk, a colleague or a sync), so {name} was left as it is. Only "
                "this meeting's box is unticked."
            )
            return
        except MeetingFileError as exc:
            self._say(
                f"The minutes of {self.when} are still marked approved: {name} could not be "
                f"put back as it was ({exc.problem}). Only this meeting's box is unticked."
            )
            return
        self._written = None
        self._original = outcome.version
