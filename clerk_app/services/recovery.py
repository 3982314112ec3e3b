"""Never lose a clerk's notes: recovery copies of the open meeting, and finding them after a crash.

While Clerk runs, every change reaches a recovery copy in the user's app-data folder within about
a second (not beside the document: that may be a network share, and must only ever hold what the
clerk saved). The copy is written on a worker thread (writing a 300-item meeting as JSON takes
some 20 ms, which typing must not wait for): the meeting is immutable, so the worker writes the
very version the clerk had, and only one write runs at a time. A lock file marks the running
session; Qt's QLockFile knows a lock whose process has died. At the next start, copies whose
session is dead are offered back. A normal exit removes the session's files.

A folder that cannot be written (IT made app data read-only, a roaming profile is full) must not
stop Clerk: the session then runs without copies (`unavailable` says why) and the clerk is told
to save their work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QLockFile,
    QObject,
    QRunnable,
    QSysInfo,
    QThreadPool,
    QTimer,
    Signal,
)

from clerk_app.domain.model import Meeting
from clerk_app.locations import why_not_written
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import MeetingFileError, load_meeting, meeting_to_json
from clerk_app.storage.atomic import atomic_write
from clerk_app.storage.owner import process_running

log = logging.getLogger("clerk.recovery")

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
    # what it is a copy of first: a copy is never found without it (which file to restore to)
    atomic_write(meta, json.dumps(about, ensure_ascii=False).encode("utf-8"))
    atomic_write(copy, meeting_to_json(meeting).encode("utf-8"))


def _why_unwritable(folder: Path) -> str:
    """Why nothing can be written in `folder` ("the disk is full"...); empty if it can."""
    probe = folder / f".{os.getpid()}-{secrets.token_hex(3)}.probe"
    try:
        probe.write_bytes(b"Clerk")
    except OSError as exc:
        return why_not_written(exc)
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return ""


def _session_running(folder: Path, lock_path: Path) -> bool:
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    if not _why_unwritable(folder):
        return True  # Qt would have taken a dead session's lock: its session is running
    # A read-only or full folder: Qt cannot put its own lock in place of even a dead session's,
    # and says the lock is held. The lock names its process: a dead one's copy is offered.
    pid, host, _app = lock.getLockInfo()
    if not host and not lock_path.exists():
        return False  # no lock at all: nothing holds the copy
    return host != QSysInfo.machineHostName() or process_running(pid)


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
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.session = f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
        self.copy, self.meta, lock_path = _files(self.folder, self.session)
        self.lock: QLockFile | None = None
        self.unavailable = self._take_lock(lock_path)
        """Why no recovery copies can be kept in this session ("the disk is full"...); empty
        when they can."""
        self.document: MeetingDocument | None = None
        self.before_write: Callable[[], None] | None = None
        """Run before a copy is written at once (`write_now`): the window enters what the focused
        field holds, so that the copy has it."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_DELAY_MS)
        self.timer.timeout.connect(self.write_soon)
        self.last_error: str = self.unavailable
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one write at a time, in the order they were asked for
        self._jobs: list[_WriteJob] = []
        """Writes started and not yet reported (kept alive until their signal arrives)."""

    def _take_lock(self, lock_path: Path) -> str:
        """Mark this session as running; why not, if the folder cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._cannot(why_not_written(exc))
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self.lock = lock
            return ""
        # QLockFile does not say why: a file written the same way does
        return self._cannot(
            _why_unwritable(self.folder) or f"its folder could not be locked ({lock.error().name})"
        )

    def _cannot(self, reason: str) -> str:
        log.warning("No recovery copies in this session: %s (%s)", reason, self.folder)
        return reason

    def announce(self) -> None:
        """Say again why copies cannot be written, if they cannot (for a window connected to
        `problem_changed` after the session found it out)."""
        if self.last_error:
            self.problem_changed.emit(self.last_error)

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
        if self.unavailable:
            return
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
        state, a copy left behind would offer stale work after a crash). What the focused field
        holds is entered first (`before_write`).
        """
        self.timer.stop()
        if self.unavailable:
            return False
        if self.before_write is not None:
            try:
                self.before_write()
                self.timer.stop()  # the change it made is written here, not a second later
            except Exception:  # the copy matters more: it may be an error that is being reported
                log.exception("What was typed could not be entered before the recovery copy")
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
        if self.unavailable:
            return
        self.pool.waitForDone()  # a write on its way would bring the copy back
        try:
            _remove(self.copy, self.meta)
        except OSError as exc:  # a copy that cannot go is harmless: it is this session's
            log.warning("The recovery copy could not be removed: %s", exc)

    def end(self) -> None:
        """A normal exit: nothing to recover."""
        self.timer.stop()
        self.drop_copy()
        if self.lock is not None:
            self.lock.unlock()


def find_recovered(data_dir: Path) -> list[RecoveredMeeting]:
    """Recovery copies of sessions that ended without cleaning up, newest first."""
    folder = recovery_dir(data_dir)
    found = []
    for copy in folder.glob("*.minutes"):
        session = copy.stem
        _, meta_path, lock_path = _files(folder, session)
        if _session_running(folder, lock_path):
            continue  # another Clerk window, or another computer sharing the profile
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


def discard_recovered(recovered: RecoveredMeeting) -> bool:
    """Remove a crashed session's copy; False if its folder will not let it go (read-only),
    when it is offered again at the next start."""
    try:
        _remove(*_files(recovered.copy.parent, recovered.session))
    except OSError as exc:
        log.warning("The recovery copy %s could not be removed: %s", recovered.copy, exc)
        return False
    return True


def readable(recovered: RecoveredMeeting) -> Meeting | None:
    try:
        return recovered.load()
    except MeetingFileError:
        return None
