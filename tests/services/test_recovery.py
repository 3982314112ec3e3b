"""Recovery copies: written within the promised time, found after a crash, gone after a normal exit."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import Meeting
from clerk_app.services import recovery
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import (
    WRITE_DELAY_MS,
    RecoverySession,
    discard_recovered,
    find_recovered,
    recovery_dir,
)
from clerk_app.storage import load_meeting, save_meeting


def test_a_change_reaches_the_copy_within_two_seconds(
    sample: Meeting, tmp_path: Path, qtbot: QtBot
) -> None:
    assert WRITE_DELAY_MS <= 2000
    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample, tmp_path / "m.minutes")
    session.watch(document)
    document.set(("venue",), "City Hall", "Edit venue")
    qtbot.waitUntil(session.copy.exists, timeout=2000)
    assert load_meeting(session.copy).venue == "City Hall"
    meta = json.loads(session.meta.read_text(encoding="utf-8"))
    assert meta["original"] == str(tmp_path / "m.minutes")
    assert find_recovered(tmp_path) == []  # the running session's own copy is not offered
    session.end()
    assert list(recovery_dir(tmp_path).iterdir()) == []


def test_saving_drops_the_copy(sample: Meeting, tmp_path: Path, qtbot: QtBot) -> None:
    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample)
    session.watch(document)
    document.set(("venue",), "City Hall", "Edit venue")
    session.write_now()
    assert session.copy.exists()
    document.save(tmp_path / "saved.minutes")
    assert not session.copy.exists()
    session.end()


def test_a_dead_sessions_copy_is_found_and_can_be_discarded(
    sample: Meeting, tmp_path: Path
) -> None:
    folder = recovery_dir(tmp_path)
    folder.mkdir(parents=True)
    save_meeting(sample, folder / "dead.minutes")
    (folder / "dead.minutes.bak").unlink(missing_ok=True)
    (folder / "dead.json").write_text(
        json.dumps(
            {
                "original": "C:/Minutes/june.minutes",
                "saved_at": "2025-06-18T20:31:05+01:00",
                "title": "June",
            }
        ),
        encoding="utf-8",
    )
    # A lock left by a process that no longer exists (QLockFile's format: pid, app, host).
    app = QCoreApplication.applicationName()
    (folder / "dead.lock").write_text(f"999999\n{app}\n{socket.gethostname()}\n", encoding="utf-8")
    (found,) = find_recovered(tmp_path)
    assert found.session == "dead" and found.original == Path("C:/Minutes/june.minutes")
    assert found.saved_at.hour == 20 and found.load() == sample
    discard_recovered(found)
    assert find_recovered(tmp_path) == []
    assert not (folder / "dead.minutes").exists()


def test_a_copy_without_metadata_is_still_offered(sample: Meeting, tmp_path: Path) -> None:
    folder = recovery_dir(tmp_path)
    folder.mkdir(parents=True)
    save_meeting(sample, folder / "orphan.minutes")
    (found,) = find_recovered(tmp_path)
    assert found.original is None and found.load() == sample


def test_a_copy_that_cannot_be_written_is_reported_and_tried_again(
    sample: Meeting, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:

    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample)
    session.watch(document)
    problems: list[str] = []
    session.problem_changed.connect(problems.append)

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "atomic_write", disk_full)
    document.set(("venue",), "City Hall", "Edit venue")
    assert session.write_now() is False
    assert problems == ["[Errno 28] No space left on device"] and not session.copy.exists()
    monkeypatch.undo()  # space again: the retry it scheduled writes the copy by itself
    qtbot.waitUntil(session.copy.exists, timeout=3000)
    assert problems[-1] == "" and load_meeting(session.copy).venue == "City Hall"
    session.end()


def test_undoing_back_to_the_saved_state_drops_the_copy(sample: Meeting, tmp_path: Path) -> None:
    # Otherwise a crash would offer back work the clerk had undone.
    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample, tmp_path / "m.minutes")
    session.watch(document)
    document.set(("venue",), "City Hall", "Edit venue")
    assert session.write_now() and session.copy.exists()
    document.undo_stack.undo()
    assert not document.modified
    assert session.write_now() and not session.copy.exists()
    session.end()


def test_the_timed_copy_is_written_off_the_gui_thread(
    sample: Meeting, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a long meeting takes tens of milliseconds: typing does not wait for it."""
    import threading

    threads: list[threading.Thread] = []
    write = recovery._write

    def recording(*args: Any) -> None:
        threads.append(threading.current_thread())
        write(*args)

    monkeypatch.setattr(recovery, "_write", recording)
    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample)
    session.watch(document)
    document.set(("venue",), "City Hall", "Edit venue")
    qtbot.waitUntil(session.copy.exists, timeout=3000)
    assert threads and threads[0] is not threading.main_thread()
    assert load_meeting(session.copy).venue == "City Hall"
    # saving drops the copy, and a write still on its way does not bring it back
    document.set(("venue",), "Town Hall", "Edit venue")
    session.write_soon()
    document.save(tmp_path / "m.minutes")
    qtbot.wait(200)
    assert not session.copy.exists()
    session.end()
