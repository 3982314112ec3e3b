"""Holding an owner mark while a file is open: claimed, kept fresh by a heartbeat, released.

`clerk_app.storage.owner` says what a mark is; this keeps one alive for as long as a document
(a meeting, or the committee window's committee) has its file open:

    ownership = Ownership(path, parent=document)
    other = ownership.claim()          # None: held, heartbeat running; else who has it open
    ownership.move_to(new_path)        # after Save As: the mark moves with the file
    ownership.release()                # closed or replaced

The heartbeat runs every HEARTBEAT_SECONDS on the GUI thread (a few hundred bytes written beside
the file: well under a millisecond locally, a round trip or two on a share). When it finds
another Clerk's live mark in place of this one (they chose to edit anyway, or took over the mark
while this laptop slept), it stops and says so with `lost`: the mark is theirs, and the save's
own check keeps either Clerk from replacing the other's work unasked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_app.storage.meeting_file import os_problem
from clerk_app.storage.owner import HEARTBEAT_SECONDS, Owner, Session, claim, refresh, release


class Ownership(QObject):
    lost = Signal(object)
    """Another Clerk's live mark is where this one was (the argument: their `Owner`)."""
    problem_changed = Signal(str)
    """The mark cannot be written ("" once it can again)."""

    def __init__(
        self,
        path: Path,
        parent: QObject | None = None,
        *,
        interval_ms: int = int(HEARTBEAT_SECONDS * 1000),
    ) -> None:
        super().__init__(parent)
        self._path = path
        self.session = Session.start()
        self.held = False
        self.problem = ""
        """Why the mark could not be written, if it could not (a read-only folder)."""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.beat)

    @property
    def path(self) -> Path:
        return self._path

    def _set_problem(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            self.problem_changed.emit(problem)

    def claim(self, *, force: bool = False) -> Owner | None:
        """Mark the file as open here. None: held (or it cannot be written: see `problem`;
        opening goes on without it); else the live owner who has it open."""
        try:
            other = claim(self._path, self.session, force=force)
        except OSError as exc:
            self._set_problem(os_problem(exc))
            self.held = False
            self._timer.start()  # tried again at each heartbeat: a share may come back
            return None
        self._set_problem("")
        if other is not None:
            return other
        self.held = True
        self._timer.start()
        return None

    def beat(self) -> None:
        """Refresh the mark (the timer calls this)."""
        try:
            other = refresh(self._path, self.session)
        except OSError as exc:
            self._set_problem(os_problem(exc))
            return
        self._set_problem("")
        if other is None:
            self.held = True
            return
        self.held = False
        self._timer.stop()
        self.lost.emit(other)

    def release(self) -> None:
        """Stop the heartbeat and remove the mark if it is still this Clerk's."""
        self._timer.stop()
        if self.held:
            release(self._path, self.session)
        self.held = False

    def move_to(self, path: Path) -> None:
        """The file was saved under a new name: the old mark goes, the new file is marked (the
        clerk chose to write there, and was asked about any file already there)."""
        self.release()
        self._path = path
        self.session = Session.start()
        self.claim(force=True)
