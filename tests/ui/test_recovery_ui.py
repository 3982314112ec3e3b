"""The window's side of never losing work: restoring after a crash, and telling the clerk when
the recovery copy cannot be written; the status bar's counts."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

import clerk_app.services.recovery as recovery
from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoveredMeeting, RecoverySession, recovery_dir
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.ui.app import offer_recovery
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow


class Restore(Dialogs):
    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.RESTORE

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def window(make_window: MakeWindow, user_data: Path) -> Iterator[MainWindow]:
    session = RecoverySession(user_data)
    yield make_window(Restore, recovery=session)
    session.end()


def crashed_session(data: Path, meeting: Meeting) -> Path:
    """What a killed Clerk leaves behind: its copy, the copy's notes and a dead lock."""
    folder = recovery_dir(data)
    folder.mkdir(parents=True, exist_ok=True)
    save_meeting(meeting, folder / "dead.minutes")
    (folder / "dead.minutes.bak").unlink(missing_ok=True)
    notes = {"original": None, "saved_at": "2025-06-18T20:31:05+01:00", "title": "June"}
    (folder / "dead.json").write_text(json.dumps(notes), encoding="utf-8")
    app = QCoreApplication.applicationName()
    (folder / "dead.lock").write_text(f"999999\n{app}\n{socket.gethostname()}\n", encoding="utf-8")
    return folder / "dead.minutes"


def edited(sample: Meeting) -> Meeting:
    return sample.model_copy(update={"venue": "Typed before the crash"})


def test_restoring_hands_over_to_this_sessions_copy_at_once(
    window: MainWindow, user_data: Path, sample: Meeting
) -> None:
    # A second crash straight after restoring must still find the meeting on disk.
    old = crashed_session(user_data, edited(sample))
    assert offer_recovery(window, user_data, Restore)
    assert window.recovery is not None
    assert not old.exists()
    assert load_meeting(window.recovery.copy).venue == "Typed before the crash"


def test_the_old_copy_stays_while_the_new_one_cannot_be_written(
    window: MainWindow, user_data: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = crashed_session(user_data, edited(sample))

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "atomic_write", disk_full)
    assert offer_recovery(window, user_data, Restore)
    assert old.exists() and load_meeting(old).venue == "Typed before the crash"
    # ...and the clerk is told, in the status bar, to save
    assert window.recovery_warning.isVisible()
    assert "save your work" in window.recovery_warning.text()
    assert "No space left" in window.recovery_warning.toolTip()
    monkeypatch.undo()
    assert window.recovery is not None and window.recovery.write_now()
    assert not window.recovery_warning.isVisible()


def test_the_status_bar_counts_items_and_errors(window: MainWindow, sample: Meeting) -> None:
    window.set_document(MeetingDocument(sample))
    assert window.status_label.text() == "15 items · 0 errors"
    window.new_item()  # an item without a title is an error
    window.findings.check_now()
    assert window.status_label.text() == "16 items · 1 error"
