"""The team folder in the window: another Clerk's mark is asked about, a read-only meeting is never
saved over, a stale mark is taken over and said so, and a conflict copy is offered for comparison."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QWidget

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.owner import Session, claim, machine_name, owner_path, read_owner
from clerk_app.ui.compare_dialog import CompareChoice, CompareDialog
from clerk_app.ui.dialogs import Dialogs, OwnedChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from tests.ui.conftest import MakeWindow


class Answers(Dialogs):
    owned = OwnedChoice.READ_ONLY
    save_as: Path | None = None
    replace = False
    compare_with: int | None = 0
    compared = CompareChoice.KEEP_WORKING
    asked: ClassVar[list[str]] = []
    shown: ClassVar[list[str]] = []

    @classmethod
    def ask_open_owned(cls, parent: QWidget | None, path: Path, owner_text: str) -> OwnedChoice:
        cls.asked.append(f"{path.name} is open for {owner_text}")
        return cls.owned

    @classmethod
    def ask_save_opened_read_only_as(cls, parent: QWidget | None, path: Path, why: str) -> bool:
        cls.asked.append(f"{path.name} read-only{why}: save as?")
        return True

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        cls.asked.append("save as?")
        return cls.save_as

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path) -> bool:
        cls.asked.append(f"replace {path.name}?")
        return cls.replace

    @classmethod
    def ask_replace_changed_by(cls, parent: QWidget | None, path: Path, who: str) -> bool:
        cls.asked.append(f"replace {path.name}, changed by {who}?")
        return cls.replace

    @classmethod
    def ask_conflict_copies(
        cls, parent: QWidget | None, path: Path, copies: list[Path]
    ) -> Path | None:
        cls.asked.append(f"copies of {path.name}: {', '.join(c.name for c in copies)}")
        return None if cls.compare_with is None else copies[cls.compare_with]

    @classmethod
    def ask_compare(
        cls, parent: QWidget | None, path: Path, copy: Path, lines: list[str]
    ) -> CompareChoice:
        dialog = CompareDialog(parent, path, copy, lines)  # the real dialog, not shown modal
        cls.shown.append(dialog.text.toPlainText())
        cls.shown.append(dialog.summary.text())
        dialog.deleteLater()
        return cls.compared

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    Answers.asked, Answers.shown = [], []
    Answers.owned, Answers.save_as, Answers.replace = OwnedChoice.READ_ONLY, None, False
    Answers.compare_with, Answers.compared = 0, CompareChoice.KEEP_WORKING
    return make_window(Answers)


def jane(machine: str = "CLERK-PC-12", pid: int = 4242) -> Session:
    return Session(
        "feedface00000001", "jsmith", "Jane Smith", machine, pid, dt.datetime.now(dt.UTC)
    )


def meeting_file(tmp_path: Path, name: str = "cype.minutes") -> Path:
    path = tmp_path / name
    shutil.copy(locations.sample_meeting(), path)
    return path


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def shown(window: MainWindow) -> list[str]:
    assert isinstance(window.messages, RecordedMessages)
    return [text for _, _, text in window.messages.shown]


def test_a_meeting_open_elsewhere_is_asked_about_and_opened_read_only(
    window: MainWindow, tmp_path: Path
) -> None:
    path = meeting_file(tmp_path)
    claim(path, jane())
    theirs = owner_path(path).read_bytes()
    original = path.read_bytes()
    assert window.open_path(path)
    assert len(Answers.asked) == 1
    assert Answers.asked[0].startswith(
        "cype.minutes is open for Jane Smith (jsmith) on CLERK-PC-12, since "
    )
    document = window.document
    assert document is not None and document.read_only
    assert "(read-only)" in window.windowTitle()
    assert "read-only" in status(window) and "Jane Smith" in status(window)
    assert owner_path(path).read_bytes() == theirs  # their mark stays theirs
    document.set(("venue",), "My venue", "Edit venue")
    # Save is refused for its own file and Save As offered; cancelling it writes nothing
    assert not window.save()
    assert Answers.asked[1:] == [
        "cype.minutes read-only (Jane Smith (jsmith) on CLERK-PC-12, since "
        + Answers.asked[0].split(", since ")[1]
        + " has it open): save as?",
        "save as?",
    ]
    assert path.read_bytes() == original
    # Save As to the very file is refused too
    Answers.save_as = path
    assert not window.save_as()
    assert shown(window)[-1].startswith("cype.minutes was opened read-only")
    assert path.read_bytes() == original
    # Save As elsewhere: the clerk's own copy, marked as theirs, no longer read-only
    mine = tmp_path / "cype (mine).minutes"
    Answers.save_as = mine
    assert window.save_as()
    assert load_meeting(mine).venue == "My venue"
    assert path.read_bytes() == original and owner_path(path).read_bytes() == theirs
    assert not document.read_only and "(read-only)" not in window.windowTitle()
    marked = read_owner(mine)
    assert document.ownership is not None
    assert marked is not None and marked.session == document.ownership.session.token


def test_cancel_opens_nothing_and_edit_anyway_takes_the_mark(
    window: MainWindow, tmp_path: Path
) -> None:
    path = meeting_file(tmp_path)
    claim(path, jane())
    Answers.owned = OwnedChoice.CANCEL
    assert not window.open_path(path)
    assert window.document is None
    Answers.owned = OwnedChoice.EDIT_ANYWAY
    assert window.open_path(path)
    document = window.document
    assert document is not None and not document.read_only
    assert "(read-only)" not in window.windowTitle()
    found = read_owner(path)
    assert found is not None and document.ownership is not None
    assert found.session == document.ownership.session.token


def test_a_mark_left_by_a_crashed_clerk_is_taken_over_and_said_so(
    window: MainWindow, tmp_path: Path
) -> None:
    path = meeting_file(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    claim(path, jane(machine=machine_name(), pid=child.pid))  # a dead process of this machine
    assert window.open_path(path)
    assert Answers.asked == []  # nobody to ask about
    assert status(window).startswith(
        f"Cleared the mark left by Jane Smith (jsmith) on {machine_name()}, since "
    )
    assert "no longer running" in status(window)
    document = window.document
    assert document is not None and not document.read_only and document.ownership is not None
    found = read_owner(path)
    assert found is not None and found.session == document.ownership.session.token
    # the mark goes when another meeting replaces this one, and the new one is marked
    other = meeting_file(tmp_path, "other.minutes")
    assert window.open_path(other)
    assert not owner_path(path).exists() and owner_path(other).exists()
    # ...and when the window closes
    window.close()
    assert not owner_path(other).exists()


def test_opening_the_same_meeting_again_is_not_asked_about(
    window: MainWindow, tmp_path: Path
) -> None:
    path = meeting_file(tmp_path)
    assert window.open_path(path)
    assert window.open_path(path)
    assert Answers.asked == []
    document = window.document
    assert document is not None and not document.read_only and document.ownership is not None
    found = read_owner(path)
    assert found is not None and found.session == document.ownership.session.token


def test_the_changed_file_question_names_who_changed_it(
    window: MainWindow, tmp_path: Path, sample: Meeting
) -> None:
    path = meeting_file(tmp_path)
    assert window.open_path(path)
    document = window.document
    assert document is not None and document.ownership is not None
    document.set(("venue",), "My venue", "Edit venue")
    # Jane opens it too, chooses to edit anyway, and saves a change
    claim(path, jane(), force=True)
    save_meeting(sample.model_copy(update={"venue": "Jane's venue"}), path)
    document.ownership.beat()  # the heartbeat finds her mark in place of ours
    assert status(window).startswith("Jane Smith (jsmith) on CLERK-PC-12, since ")
    assert "editing cype.minutes too" in status(window)
    assert not window.save()
    assert Answers.asked[0].startswith(
        "replace cype.minutes, changed by Jane Smith (jsmith) on CLERK-PC-12"
    )
    assert load_meeting(path).venue == "Jane's venue"  # hers, kept
    found = read_owner(path)
    assert found is not None and found.user == "jsmith"  # and her mark is left alone
    window.close()
    assert read_owner(path) is not None  # closing removes only one's own mark


def test_save_as_over_a_meeting_open_elsewhere_is_refused(
    window: MainWindow, tmp_path: Path
) -> None:
    path = meeting_file(tmp_path)
    target = meeting_file(tmp_path, "theirs.minutes")
    before = target.read_bytes()
    claim(target, jane())
    assert window.open_path(path)
    Answers.save_as = target
    assert not window.save_as()
    said = shown(window)[-1]
    assert said.startswith("theirs.minutes is open in Clerk for Jane Smith (jsmith) on CLERK-PC-12")
    assert said.endswith(": choose another name.")
    assert target.read_bytes() == before


def test_a_conflict_copy_is_offered_and_the_comparison_shows_the_difference(
    window: MainWindow, tmp_path: Path, sample: Meeting
) -> None:
    path = tmp_path / "cype.minutes"
    save_meeting(sample.model_copy(update={"venue": "Committee Room 1"}), path)
    copy = tmp_path / "cype-CLERK-PC-12.minutes"
    save_meeting(sample.model_copy(update={"venue": "Meeting Room G.01"}), copy)
    neighbour = tmp_path / "cype-2025-09-23.minutes"  # another meeting: not a copy
    save_meeting(sample.model_copy(update={"date": dt.date(2025, 9, 23)}), neighbour)
    mine, theirs = path.read_bytes(), copy.read_bytes()
    assert window.open_path(path)
    assert Answers.asked == ["copies of cype.minutes: cype-CLERK-PC-12.minutes"]
    text, summary = Answers.shown
    assert "−" in text and "+" in text
    removed = [
        line for line in text.splitlines() if line.startswith("−") and "Committee Room 1" in line
    ]
    added = [
        line for line in text.splitlines() if line.startswith("+") and "Meeting Room G.01" in line
    ]
    assert removed and added
    assert "cype.minutes" in summary and "cype-CLERK-PC-12.minutes" in summary
    # kept working on mine: nothing resolved, both files as they were
    assert window.document is not None and window.document.path == path
    assert path.read_bytes() == mine and copy.read_bytes() == theirs


def test_the_copy_can_be_opened_read_only_from_the_comparison(
    window: MainWindow, tmp_path: Path, sample: Meeting
) -> None:
    path = tmp_path / "cype.minutes"
    save_meeting(sample, path)
    copy = tmp_path / "cype (Jane's conflicted copy 2025-06-18).minutes"
    save_meeting(sample.model_copy(update={"venue": "Elsewhere"}), copy)
    Answers.compared = CompareChoice.OPEN_COPY
    assert window.open_path(path)
    document = window.document
    assert document is not None and document.path == copy and document.read_only
    assert "(read-only)" in window.windowTitle()
    assert not owner_path(copy).exists()  # a read-only document marks nothing
    assert not owner_path(path).exists()  # and the meeting it replaced let its mark go


def test_not_comparing_says_the_copies_stay(
    window: MainWindow, tmp_path: Path, sample: Meeting
) -> None:
    path = tmp_path / "cype.minutes"
    save_meeting(sample, path)
    save_meeting(sample, tmp_path / "cype (1).minutes")
    Answers.compare_with = None
    assert window.open_path(path)
    assert Answers.shown == []
    assert status(window) == "Not compared: the conflict copy stays in the folder"
    assert (tmp_path / "cype (1).minutes").exists()
