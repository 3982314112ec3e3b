"""The open meeting: the model, its file, its undo stack and whether it has unsaved changes.

Every edit, whatever widget makes it, goes through `MeetingDocument.edit` (or one of the helpers
built on it) as an undo command; the document then emits `changed` with a `MeetingChange` saying
what changed (the header, the attendance, the list of items, which items' content...), worked out
from the meeting before and after, and each view redraws only what it shows. Nothing else ever
assigns the meeting.

A document opened from a team folder holds its file's owner mark (`services/ownership.py`):
claimed when the window asks (`claim_mark`, after asking the clerk about another live owner),
refreshed by a heartbeat, moved by Save As, released when the document is closed or replaced.
A document opened read-only holds no mark and never replaces its own file
(`OpenedReadOnlyError`): Save As is the way to keep its changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from clerk_app.domain import edit
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.model import Meeting
from clerk_app.services.ownership import Ownership
from clerk_app.services.undo import ReplaceState, close_step, push_typed
from clerk_app.storage import (
    FileVersion,
    ReadOnlyFileError,
    current_version,
    read_meeting,
    save_meeting,
)
from clerk_app.storage.errors import MeetingFileError
from clerk_app.storage.owner import Owner

EditPath = edit.Path


class OpenedReadOnlyError(ReadOnlyFileError):
    """The meeting was opened read-only (another Clerk has it open), so its own file is not
    replaced: saved under another name, it is the clerk's own copy."""

    def __init__(self, path: Path | str) -> None:
        MeetingFileError.__init__(
            self,
            path,
            "was opened read-only, so Clerk will not replace it; save it under another name",
        )


ReplaceMeeting = ReplaceState[Meeting]
"""One step of undo: the meeting before and after (they share every unchanged part)."""


class MeetingDocument(QObject):
    changed = Signal(object)
    """The meeting changed; the argument is a `MeetingChange` (what changed, and the path of the
    edit)."""
    path_changed = Signal(object)
    modified_changed = Signal(bool)
    saved = Signal(object)
    stepped = Signal(object, str)
    """Undo or redo went a step: the path of what changed, and what it was ("Undone: …")."""
    owner_lost = Signal(object)
    """Another Clerk's live owner mark replaced this document's (the argument: their `Owner`)."""

    def __init__(
        self,
        meeting: Meeting,
        path: Path | None = None,
        parent: QObject | None = None,
        *,
        version: FileVersion | None = None,
        read_only: bool = False,
    ):
        super().__init__(parent)
        self._meeting = meeting
        self._path = path
        self.recovered = False
        """Restored from a recovery copy: its file has not been overwritten yet."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._version = version or (current_version(path) if path is not None else None)
        """The file as this document last read or wrote it (its content hashed): a save replaces
        that version and no other (see save)."""
        self.backup_problem: str | None = None
        """Why the last save could keep no backup of the previous version, if it could not."""
        self.read_only = read_only and path is not None
        """Opened read-only: its own file is never replaced (Save As makes it the clerk's)."""
        self.ownership: Ownership | None = None
        """The owner mark this document holds on its file, once claimed."""
        self.opened_over: Owner | None = None
        """Who had the file open when this document was opened (read-only, or to edit anyway)."""

    def mark_recovered(self) -> None:
        """This meeting came from a recovery copy: it counts as unsaved until the clerk saves."""
        self.recovered = True
        self.undo_stack.resetClean()
        self.modified_changed.emit(True)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @classmethod
    def open(
        cls, path: Path, parent: QObject | None = None, *, read_only: bool = False
    ) -> MeetingDocument:
        """Raises MeetingFileError, naming the file and the problem. The owner mark is claimed
        apart (`claim_mark`), once the clerk has been asked about anyone else's."""
        meeting, version = read_meeting(path)
        return cls(meeting, path, parent, version=version, read_only=read_only)

    # --- the owner mark ------------------------------------------------------------------------

    def claim_mark(self, *, force: bool = False) -> Owner | None:
        """Mark the file as open here (not for a read-only document). None when the mark is
        held (or cannot be written: `mark_problem` says why); else the live owner who has it
        open, and nothing is claimed. `force`: the clerk chose to edit anyway."""
        if self._path is None or self.read_only:
            return None
        if self.ownership is None:
            self.ownership = Ownership(self._path, self)
            self.ownership.lost.connect(self.owner_lost)
        return self.ownership.claim(force=force)

    @property
    def mark_problem(self) -> str:
        """Why the owner mark cannot be written, if it cannot ("" when all is well)."""
        return self.ownership.problem if self.ownership is not None else ""

    def release_mark(self) -> None:
        """Closed or replaced: the mark goes (only if it is still this document's)."""
        if self.ownership is not None:
            self.ownership.release()

    @property
    def version(self) -> FileVersion | None:
        """The version of its file this document last read or wrote."""
        return self._version

    def changed_on_disk(self) -> bool:
        """Its file was changed since this document read or wrote it: another Clerk, a colleague
        on the share, a sync client (even keeping the size and putting the time back: the
        content is compared). Saving now would replace their version. A file that has gone is
        no conflict: saving puts it back."""
        if self._path is None or self._version is None:
            return False
        now = current_version(self._path)
        return now is not None and not self._version.same_content(now)

    @property
    def meeting(self) -> Meeting:
        return self._meeting

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else "Untitled meeting"

    def _replace(self, meeting: Meeting, path: EditPath) -> None:
        if meeting is not self._meeting:
            before, self._meeting = self._meeting, meeting
            self.changed.emit(MeetingChange.between(before, meeting, path))

    # --- edits: each is one undo step ------------------------------------------------------------

    def edit(
        self, after: Meeting, text: str, changed: EditPath = (), merge_key: Any = None
    ) -> None:
        if after is self._meeting or after == self._meeting:
            return  # unchanged parts are shared, so comparing is cheap
        self.undo_stack.push(ReplaceMeeting(self, self._meeting, after, text, changed, merge_key))

    def close_step(self) -> None:
        """The last step takes no more merges (see `undo.close_step`)."""
        close_step(self.undo_stack)

    def set(self, path: EditPath, value: Any, text: str, *, merge: bool = True) -> None:
        """Set one field; typing into the same field merges into one undo step."""
        after = edit.set_at(self._meeting, path, value)
        if edit.get_at(after, path) == edit.get_at(self._meeting, path):
            return  # a widget reporting the value it already shows (or the same text, cleaned)
        self.edit(after, text, path, merge_key=path if merge else None)

    def set_typed(self, path: EditPath, value: Any, text: str, stay: object) -> None:
        """Set one field from a stay in its editor (`stay`: any value naming that stay): every
        value entered in one stay is one undo step (`TypingStep`); typing put back to what the
        stay began with takes the step away. Raises what `set` raises for a refused value."""
        before = self._meeting
        after = edit.set_at(before, path, value)
        if edit.get_at(after, path) == edit.get_at(before, path):
            return
        push_typed(self.undo_stack, self, before, after, text, path, stay)

    def insert(self, path: EditPath, index: int, value: Any, text: str) -> None:
        self.edit(edit.insert_at(self._meeting, path, index, value), text, path)

    def remove(self, path: EditPath, index: int, text: str) -> None:
        self.edit(edit.remove_at(self._meeting, path, index), text, path)

    def move(self, path: EditPath, source: int, target: int, text: str) -> None:
        self.edit(edit.move_within(self._meeting, path, source, target), text, path)

    # --- files ---------------------------------------------------------------------------------

    def save(self, path: Path | None = None, *, replacing: FileVersion | None = None) -> Path:
        """Save (to `path`, or the document's own file); raises MeetingFileError.

        Its own file is replaced only if it is still the version this document read or wrote,
        or `replacing` (the version the clerk agreed to replace): otherwise FileChangedError,
        whose `found` is what is there now. Another path (Save As, where the dialog asked)
        is written whatever it holds. `backup_problem` then says if no backup could be kept.
        """
        target = path or self._path
        if target is None:
            raise ValueError("the meeting has no file yet: save it under a name")
        if self.read_only and target == self._path:
            raise OpenedReadOnlyError(target)
        expected = replacing
        if expected is None and target == self._path:
            expected = self._version
        saved = save_meeting(self._meeting, target, expected)
        self._version = saved.version
        self.backup_problem = saved.backup_problem
        self.recovered = False
        if target != self._path:
            self._path = target
            self.read_only = False  # saved under a name of its own: the clerk's to edit
            if self.ownership is not None:
                self.ownership.move_to(target)
            else:
                self.claim_mark(force=True)
            self.path_changed.emit(target)
        self.undo_stack.setClean()
        self.saved.emit(target)
        return target
