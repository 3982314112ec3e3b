"""Confirming the previous minutes from the next meeting: asked, one undo step that also writes
the previous meeting's file, never over someone else's change, never silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.committee import NumberingScheme, NumberReset, committee_from_meeting
from clerk_app.domain.model import Meeting, MeetingStatus, StandingItem
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.committee_file import save_committee
from clerk_app.storage.owner import Session, claim, release
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import Section
from tests.ui.conftest import MakeWindow

JUNE, SEPTEMBER = dt.date(2025, 6, 18), dt.date(2025, 9, 23)
QUESTION = "Mark the minutes of 18 June 2025 as approved, confirmed on 23 September 2025?"


class Answers(Dialogs):
    """Says yes (or `answer`), keeping what was asked; `meanwhile` runs while the question is
    open (someone else saves the file then)."""

    asked: ClassVar[list[tuple[Path, str]]] = []
    answer: ClassVar[bool] = True
    meanwhile: ClassVar[object] = None

    @classmethod
    def ask_confirm_previous(cls, parent: QWidget | None, path: Path, text: str) -> bool:
        cls.asked.append((path, text))
        if callable(cls.meanwhile):
            cls.meanwhile()
        return cls.answer

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD  # the test's window closes unsaved


@pytest.fixture
def answers() -> type[Answers]:
    class Fresh(Answers):
        asked: ClassVar[list[tuple[Path, str]]] = []  # a fresh list for each test

    return Fresh


@pytest.fixture
def folder(tmp_path: Path, sample: Meeting) -> Path:
    """The committee's June meeting (a draft) and its September meeting, side by side."""
    june = sample.model_copy(update={"status": MeetingStatus.DRAFT, "confirmed_on": None})
    save_meeting(june, tmp_path / "CYPESC 2025-06-18.minutes")
    items = tuple(
        item.model_copy(update={"previous_meeting": JUNE, "minutes_confirmed": False})
        if item.standing is StandingItem.PREVIOUS_MINUTES
        else item
        for item in sample.items
    )
    september = sample.model_copy(
        update={
            "date": SEPTEMBER,
            "status": MeetingStatus.DRAFT,
            "confirmed_on": None,
            "first_minute_number": 164,
            "items": items,
        }
    )
    save_meeting(september, tmp_path / "CYPESC 2025-09-23.minutes")
    return tmp_path


def june_file(folder: Path) -> Path:
    return folder / "CYPESC 2025-06-18.minutes"


def opened(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, dialogs: type[Dialogs]
) -> MainWindow:
    window = make_window(dialogs, active=True)
    assert window.open_path(folder / "CYPESC 2025-09-23.minutes", ask=False)
    assert window.document is not None
    item = next(
        i for i in window.document.meeting.items if i.standing is StandingItem.PREVIOUS_MINUTES
    )
    window.show_section(Section("item", item.id))
    panel = window.item_form.previous_minutes
    qtbot.waitUntil(panel.isVisible)
    return window


def confirmed(window: MainWindow) -> bool:
    assert window.document is not None
    return any(item.minutes_confirmed for item in window.document.meeting.items)


def said(window: MainWindow) -> list[str]:
    assert isinstance(window.messages, RecordedMessages)
    return [text for _kind, _title, text in window.messages.shown]


def tick(qtbot: QtBot, window: MainWindow) -> None:
    box = window.item_form.previous_minutes.confirmed
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Space)  # as a clerk at the keyboard ticks it


def press_undo(window: MainWindow, redo: bool = False) -> None:
    box = window.item_form.previous_minutes.confirmed
    box.setFocus()
    key = Qt.Key.Key_Y if redo else Qt.Key.Key_Z
    QTest.keyClick(box, key, Qt.KeyboardModifier.ControlModifier)


def test_ticking_asks_marks_the_previous_file_approved_and_undo_puts_it_back(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    original = june_file(folder).read_bytes()
    window = opened(qtbot, make_window, folder, answers)
    panel = window.item_form.previous_minutes
    assert panel.held_on.text() == "18/06/2025"
    tick(qtbot, window)
    assert answers.asked == [(june_file(folder), QUESTION)]
    assert confirmed(window) and panel.confirmed.isChecked()
    june = load_meeting(june_file(folder))
    assert (june.status, june.confirmed_on) == (MeetingStatus.APPROVED, SEPTEMBER)
    assert said(window) == []
    assert window.document is not None
    assert window.document.undo_stack.undoText() == (
        "Agree the minutes of 18 June 2025 and mark them approved"
    )

    press_undo(window)  # one step: the box and the other file
    assert june_file(folder).read_bytes() == original
    assert not confirmed(window) and not panel.confirmed.isChecked()
    press_undo(window, redo=True)
    assert confirmed(window)
    assert load_meeting(june_file(folder)).status is MeetingStatus.APPROVED
    press_undo(window)
    assert june_file(folder).read_bytes() == original
    assert said(window) == []


def test_no_ticks_the_box_alone(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    original = june_file(folder).read_bytes()
    answers.answer = False
    window = opened(qtbot, make_window, folder, answers)
    tick(qtbot, window)
    assert [text for _, text in answers.asked] == [QUESTION]
    assert confirmed(window)
    assert june_file(folder).read_bytes() == original
    tick(qtbot, window)  # unticked: only the box
    assert not confirmed(window)
    assert june_file(folder).read_bytes() == original


def test_a_previous_file_changed_since_it_was_read_is_not_written(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    def colleague_saves() -> None:
        june = load_meeting(june_file(folder))
        save_meeting(june.model_copy(update={"venue": "Meeting Room G.02"}), june_file(folder))

    answers.meanwhile = colleague_saves
    window = opened(qtbot, make_window, folder, answers)
    tick(qtbot, window)
    assert answers.asked
    theirs = load_meeting(june_file(folder))
    assert theirs.venue == "Meeting Room G.02"  # their change kept
    assert theirs.status is MeetingStatus.DRAFT  # and not overwritten
    (message,) = said(window)
    assert message.startswith("The minutes of 18 June 2025 were not marked approved: ")
    assert "CYPESC 2025-06-18.minutes was changed since Clerk read it" in message
    assert confirmed(window)  # the tick stays: the meeting did agree them
    press_undo(window)
    assert not confirmed(window)
    assert load_meeting(june_file(folder)).venue == "Meeting Room G.02"


def test_undo_leaves_a_file_changed_since_clerk_approved_it(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window = opened(qtbot, make_window, folder, answers)
    tick(qtbot, window)
    approved = load_meeting(june_file(folder))
    assert approved.status is MeetingStatus.APPROVED
    save_meeting(approved.model_copy(update={"venue": "City Hall"}), june_file(folder))
    press_undo(window)
    assert not confirmed(window)
    after = load_meeting(june_file(folder))
    assert (after.venue, after.status) == ("City Hall", MeetingStatus.APPROVED)
    (message,) = said(window)
    assert "were changed since Clerk marked them approved" in message
    assert "left as it is" in message


def test_a_previous_file_open_in_another_clerk_is_not_written_and_who_is_said(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    original = june_file(folder).read_bytes()
    session = Session.start()
    assert claim(june_file(folder), session) is None  # a live Clerk has June open
    try:
        window = opened(qtbot, make_window, folder, answers)
        tick(qtbot, window)
        assert answers.asked == []  # not asked what cannot be done
        assert june_file(folder).read_bytes() == original
        (message,) = said(window)
        assert "is open in Clerk by" in message
        assert session.machine in message
        assert confirmed(window)
    finally:
        release(june_file(folder), session)


def test_no_previous_file_in_the_folder_ticks_the_box_alone(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    june_file(folder).unlink()
    window = opened(qtbot, make_window, folder, answers)
    tick(qtbot, window)
    assert answers.asked == [] and said(window) == []
    assert confirmed(window)


def test_the_finding_goes_to_the_box(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window = opened(qtbot, make_window, folder, answers)
    findings = window.findings
    findings.wait_for_lookup()
    qtbot.waitUntil(lambda: findings.previous is not None)
    findings.check_now()
    # a draft with the item before it: nothing yet (the clerk ticks it when they are agreed)
    assert not [f for f in findings.findings if "18 June 2025" in f.message]
    answers.answer = False  # ticked, but June's file left a draft
    tick(qtbot, window)
    qtbot.waitUntil(lambda: confirmed(window))
    findings.check_now()
    (finding,) = [f for f in findings.findings if "still marked as a draft" in f.message]
    assert "18 June 2025" in finding.message
    window.go_to_path(finding.path)
    assert window.item_form.previous_minutes.confirmed.hasFocus()
    tick(qtbot, window)  # unticked; ticked again, and yes: June is looked at again, approved
    answers.answer = True
    tick(qtbot, window)
    qtbot.waitUntil(lambda: not [f for f in findings.findings if "18 June 2025" in f.message])
    assert findings.previous is not None
    assert findings.previous.status is MeetingStatus.APPROVED


def test_the_findings_check_numbers_under_the_folders_committee_scheme(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers], sample: Meeting
) -> None:
    """A committee whose year starts in September: the September meeting starts again at 1."""
    scheme = NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR, year_starts=9)
    committee = committee_from_meeting(sample).model_copy(update={"numbering": scheme})
    window = opened(qtbot, make_window, folder, answers)
    findings = window.findings
    qtbot.waitUntil(lambda: findings.previous is not None)
    assert findings.scheme is None  # no committee file: numbers run on from 163 to 164
    assert not [f for f in findings.findings if f.path == ("first_minute_number",)]
    save_committee(committee, folder / "cype.committee", new=True)
    assert window.document is not None
    window.document.save()  # a save looks the folder up again (a keystroke never does)
    qtbot.waitUntil(lambda: findings.scheme == scheme)
    (numbers,) = [f for f in findings.findings if f.path == ("first_minute_number",)]
    assert "this is its first meeting of a new year after 18 June 2025" in numbers.message
    assert "its first minute would be 1, not 164" in numbers.message
