"""Undo steps that hold a whole state before and after (a meeting, a committee).

The models are immutable and an edit shares every unchanged part with the state before, so a
step keeps both states whole, cheaply. Typing into one field within MERGE_WINDOW seconds merges
into one step (never longer than MERGE_LIMIT); a `TypingStep` names the stay in a field's editor
(`merge_key`) and is one step however long the stay, gone from the history when it ends where it
began. Both documents (`MeetingDocument`, `CommitteeDocument`) use these; each has its own undo
stack.
"""

from __future__ import annotations

import time
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel
from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack

from clerk_app.domain import edit

EditPath = edit.Path
MERGE_WINDOW = 2.0
"""Seconds within which typing into one field merges into one undo step."""
MERGE_LIMIT = 10.0
"""The longest a merged step may run: undo never takes away minutes of typing at once."""

State = TypeVar("State")
Model = TypeVar("Model", bound=BaseModel)
Taken = TypeVar("Taken", contravariant=True)


class Steps(Protocol[Taken]):
    """What an undo step needs of its document."""

    @property
    def stepped(self) -> SignalInstance: ...

    def _replace(self, state: Taken, path: EditPath) -> None: ...


class ReplaceState(QUndoCommand, Generic[State]):
    """One step of undo: the state before and after."""

    MERGE_ID = 0x6D65  # any constant: commands with a merge key may merge with each other

    def __init__(
        self,
        document: Steps[State],
        before: State,
        after: State,
        text: str,
        changed: EditPath,
        merge_key: Any = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.before, self.after = before, after
        self.changed = changed
        self.merge_key = merge_key
        self.stamp = self.started = time.monotonic()
        self.pushed = False
        """QUndoStack.push runs redo() once: that is the edit itself, not a redo."""
        self.closed = False
        """Set by `close_step`: this step takes no more merges."""

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            self.closed
            or not isinstance(other, ReplaceState)
            or isinstance(other, TypingStep)
            or other.merge_key != self.merge_key
        ):
            return False
        if other.stamp - self.stamp > MERGE_WINDOW or other.stamp - self.started > MERGE_LIMIT:
            return False
        if other.before is not self.after:
            return False
        self.after = other.after
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self.document._replace(self.after, self.changed)
        if self.pushed:
            self.document.stepped.emit(self.changed, f"Redone: {self.text()}")
        self.pushed = True

    def undo(self) -> None:
        self.document._replace(self.before, self.changed)
        self.document.stepped.emit(self.changed, f"Undone: {self.text()}")


class TypingStep(ReplaceState[State]):
    """Values entered from one stay in a field (a time field, a table cell's editor: its pauses
    in typing and its leaving), with `merge_key` naming the stay: one undo step however long
    the stay, and a step that ends where it began goes from the history (Esc after a pause had
    entered some of the typing), leaving no redo behind."""

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            self.closed
            or not isinstance(other, TypingStep)
            or other.merge_key != self.merge_key
            or other.before is not self.after
        ):
            return False
        self.after = other.after
        self.stamp = other.stamp
        if self.after is self.before:
            self.setObsolete(True)  # QUndoStack drops it, and is clean again if it was
        return True


def push_typed(
    stack: QUndoStack,
    document: Steps[Model],
    before: Model,
    after: Model,
    text: str,
    path: EditPath,
    stay: object,
) -> None:
    """Push the step of a value entered in one stay in a field's editor (`stay` names it): it
    merges into the stay's step; typing put back to what the stay began with takes the step
    away."""
    top = stack.command(stack.index() - 1) if stack.index() > 0 else None
    if (
        isinstance(top, TypingStep)
        and top.merge_key == stay
        and top.after is before
        and edit.get_at(top.before, path) == edit.get_at(after, path)
    ):
        after = top.before  # back where the stay started: its step goes
    stack.push(TypingStep(document, before, after, text, path, stay))


def close_step(stack: QUndoStack) -> None:
    """The step on top of `stack` takes no more merges: the next edit, even typing into the same
    field within the merge window, is a step of its own. Called before and after an edit that
    must be undone on its own although it comes through a field's usual signals (a spelling
    suggestion taken, an autocorrection), so that Ctrl+Z takes back that edit and nothing else."""
    if stack.index() > 0:
        top = stack.command(stack.index() - 1)
        if isinstance(top, ReplaceState):
            top.closed = True
