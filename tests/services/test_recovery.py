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
    qtbot.waitUntil(lambda: problems[-1] == "", timeout=3000)  # reported once written
    assert load_meeting(session.copy).venue == "City Hall"
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


# --- an app-data folder that cannot be written (the real read-only and full disks are in
# tests/ui/test_startup_locked_down.py; here a file is in the way, which any system refuses) ---


def test_a_folder_that_cannot_be_written_gives_a_session_without_copies(
    sample: Meeting, tmp_path: Path, qtbot: QtBot
) -> None:
    (tmp_path / "recovery").write_text("not a folder", encoding="utf-8")
    session = RecoverySession(tmp_path)  # no OSError: Clerk starts
    assert session.unavailable == "a file is in the way of its folder"
    problems: list[str] = []
    session.problem_changed.connect(problems.append)
    session.announce()
    assert problems == [session.unavailable]
    document = MeetingDocument(sample)
    session.watch(document)
    document.set(("venue",), "City Hall", "Edit venue")
    assert session.write_now() is False  # the error dialog then says to save
    qtbot.wait(WRITE_DELAY_MS + 200)
    assert (tmp_path / "recovery").read_text(encoding="utf-8") == "not a folder"
    session.end()


def test_a_dead_sessions_copy_that_cannot_be_removed_is_kept(
    sample: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = recovery_dir(tmp_path)
    folder.mkdir(parents=True)
    save_meeting(sample, folder / "old.minutes")
    (found,) = find_recovered(tmp_path)

    def read_only(self: Path, missing_ok: bool = False) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", read_only)
    assert discard_recovered(found) is False  # offered again next time, and no crash now
    monkeypatch.undo()
    assert (folder / "old.minutes").exists()


def test_writing_now_enters_what_is_typed_first(sample: Meeting, tmp_path: Path) -> None:
    session = RecoverySession(tmp_path)
    document = MeetingDocument(sample)
    session.watch(document)
    session.before_write = lambda: document.set(("venue",), "Typed, not left", "Edit venue")
    assert session.write_now()
    assert load_meeting(session.copy).venue == "Typed, not left"
    assert not session.timer.isActive()  # written now, not again a second later
    session.end()


def test_logging_and_settings_fall_back_when_their_folder_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    from clerk_app.services.logs import start_logging
    from clerk_app.services.settings import Settings

    blocked = tmp_path / "appdata"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logged = start_logging(blocked)
        assert logged.problem  # what it is called depends on the system
        assert logged.path == tmp_path / "temp" / "Clerk" / "logs" / "clerk.log"
        logging.getLogger("clerk").warning("still logged")
        assert "still logged" in logged.path.read_text(encoding="utf-8")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            handler.close()
            root.removeHandler(handler)
    settings = Settings(blocked)  # no OSError
    assert settings.problem
    settings.add_recent(tmp_path / "june.minutes")
    settings.sync()  # not raised: said by `problem`
    assert settings.recent_files == [tmp_path / "june.minutes"]  # kept for the session
