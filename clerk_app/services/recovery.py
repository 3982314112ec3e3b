"""Never lose a clerk's notes: recovery copies of the open meeting, and finding them after a crash.

While Clerk runs, every change reaches a recovery copy in the user's app-data folder within about
a second (not beside the document: that may be a network share, and must only ever hold what the
clerk saved). The copy is written on a worker thread (writing a 300-item meeting as JSON takes
some 20 ms, which typing must not wait for): the meeting is immutable, so the worker writes the
very version the clerk had, and only one write runs at a time. A lock file marks the running
session; Qt's QLockFile knows a lock whose process has died. At the next start, copies whose
session is dead are offered back. A normal exit removes the session's files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QRunnable, QThreadPool, QTimer, Signal

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import MeetingFileError, load_meeting, meeting_to_json
from clerk_app.storage.atomic import atomic_write

WRITE_DELAY_MS = 1000
"""A change is copied at most this long after it is made (the promise is two seconds)."""


def recovery_dir(data_dir: Path) -> Path:
    return data_dir / "recovery"


@dataclass(frozen=True, slots=True)
class RecoveredMeeting:
    """A recovery copy left by a session that did not end normally."""

    session: str
    copy: Path
    original: Path | None
    saved_at: dt.datetime
    title: str

    def load(self) -> Meeting:
        return load_meeting(self.copy)


def _files(folder: Path, session: str) -> tuple[Path, Path, Path]:
    return folder / f"{session}.minutes", folder / f"{session}.json", folder / f"{session}.lock"


class _Written(QObject):
    done = Signal(str)
    """What went wrong ("" when the copy was written)."""


class _WriteJob(QRunnable):
    def __init__(self, copy: Path, meta: Path, meeting: Meeting, about: dict[str, object]) -> None:
        super().__init__()
        self.copy, self.meta, self.meeting, self.about = copy, meta, meeting, about
        self.signals = _Written()

    def run(self) -> None:
        try:
            _write(self.copy, self.meta, self.meeting, self.about)
        except OSError as exc:
            self.signals.done.emit(str(exc))
            return
        self.signals.done.emit("")


def _write(copy: Path, meta: Path, meeting: Meeting, about: dict[str, object]) -> None:
    atomic_write(copy, meeting_to_json(meeting).encode("utf-8"))
    atomic_write(meta, json.dumps(about, ensure_ascii=False).encode("utf-8"))


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


class RecoverySession(QObject):
    """Keeps one running session's recovery copy of `document` up to date."""

    problem_changed = Signal(str)
    """Why the recovery copy could not be written (a full disk...), or "" once it is again."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = recovery_dir(data_dir)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.session = f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
        self.copy, self.meta, lock_path = _files(self.folder, self.session)
        self.lock = QLockFile(str(lock_path))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not self.lock.tryLock(0):
            raise OSError(f"cannot lock {lock_path}: {self.lock.error()}")
        self.document: MeetingDocument | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_DELAY_MS)
        self.timer.timeout.connect(self.write_soon)
        self.last_error: str = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one write at a time, in the order they were asked for
        self._jobs: list[_WriteJob] = []
        """Writes started and not yet reported (kept alive until their signal arrives)."""

    def watch(self, document: MeetingDocument) -> None:
        """Copy this document from now on (the previous one's copy is dropped)."""
        if self.document is not None:
            self.document.changed.disconnect(self._schedule)
            self.document.saved.disconnect(self._on_saved)
        self.document = document
        document.changed.connect(self._schedule)
        document.saved.connect(self._on_saved)
        if document.modified:
            self._schedule()
        else:
            self.drop_copy()

    def _schedule(self, *_: object) -> None:
        if not self.timer.isActive():  # not restarted: a burst of typing still lands in time
            self.timer.start()

    def _on_saved(self, *_: object) -> None:
        self.timer.stop()
        self.drop_copy()

    def _about(self, document: MeetingDocument) -> dict[str, object]:
        return {
            "original": str(document.path) if document.path else None,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "title": f"{document.meeting.body} {document.meeting.date:%d/%m/%Y}".strip(),
        }

    def write_soon(self) -> None:
        """Bring the copy up to date on the worker thread (the timer's way: typing goes on)."""
        self.timer.stop()
        document = self.document
        if document is None or not document.modified:
            self.drop_copy()
            return
        job = _WriteJob(self.copy, self.meta, document.meeting, self._about(document))
        job.setAutoDelete(False)
        job.signals.done.connect(self._written)
        self._jobs.append(job)
        self.pool.start(job)

    def _written(self, problem: str) -> None:
        if self._jobs:  # one thread: they finish in the order they were started
            self._jobs.pop(0)
        self._set_problem(problem)
        if problem:  # a full disk must not take the editor down; try again later
            self._schedule()

    def write_now(self) -> bool:
        """Bring the copy up to date now, on this thread (before an error dialog, at a crash
        the clerk may not survive); False if it could not be written (tried again later).

        An unmodified document needs no copy: its file holds it (after undoing back to the saved
        state, a copy left behind would offer stale work after a crash).
        """
        self.timer.stop()
        self.pool.waitForDone()  # an older copy being written lands first, not after this one
        document = self.document
        if document is None or not document.modified:
            self.drop_copy()
            return True
        try:
            _write(self.copy, self.meta, document.meeting, self._about(document))
        except OSError as exc:
            self._set_problem(str(exc))
            self._schedule()
            return False
        self._set_problem("")
        return True

    def _set_problem(self, problem: str) -> None:
        if problem != self.last_error:
            self.last_error = problem
            self.problem_changed.emit(problem)

    def drop_copy(self) -> None:
        self.pool.waitForDone()  # a write on its way would bring the copy back
        _remove(self.copy, self.meta)

    def end(self) -> None:
        """A normal exit: nothing to recover."""
        self.timer.stop()
        self.drop_copy()
        self.lock.unlock()


def find_recovered(data_dir: Path) -> list[RecoveredMeeting]:
    """Recovery copies of sessions that ended without cleaning up, newest first."""
    folder = recovery_dir(data_dir)
    found = []
    for copy in folder.glob("*.minutes"):
        session = copy.stem
        _, meta_path, lock_path = _files(folder, session)
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # its session is still running (another Clerk window)
        lock.unlock()
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(meta["saved_at"])
            original = Path(meta["original"]) if meta.get("original") else None
            title = str(meta.get("title", ""))
        except (OSError, ValueError, KeyError, TypeError):
            saved_at = dt.datetime.fromtimestamp(copy.stat().st_mtime).astimezone()
            original, title = None, copy.name
        found.append(RecoveredMeeting(session, copy, original, saved_at, title))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_recovered(recovered: RecoveredMeeting) -> None:
    _remove(*_files(recovered.copy.parent, recovered.session))


def readable(recovered: RecoveredMeeting) -> Meeting | None:
    try:
        return recovered.load()
    except MeetingFileError:
        return None
