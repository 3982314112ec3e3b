"""The next meeting, prepared through the GUI: the done-when test of issue 12, and its edges (a
file already there, a meeting never saved, Ctrl+N's choice, the committee window's button)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import Meeting, StandingItem
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.styles import find_style
from clerk_app.storage import load_meeting
from clerk_app.storage.committee_file import load_committee
from clerk_app.storage.owner import read_owner
from clerk_app.ui.committee.dialogs import MeetingDateDialog
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from tests.sample_committees import assert_prepared_september
from tests.ui.conftest import MakeWindow

SAMPLE_FOLDER = locations.samples_dir() / "committees" / "leicester-cype"
JUNE = "CYPESC 2025-06-18.minutes"
SEPTEMBER = "CYPESC 2025-09-23.minutes"


class Answers(Dialogs):
    dates: ClassVar[list[dt.date]] = []
    suggested: ClassVar[list[dt.date]] = []
    choices: ClassVar[list[list[str]]] = []
    choose: ClassVar[list[int | None]] = []
    save_path: ClassVar[list[Path]] = []

    @classmethod
    def ask_meeting_date(
        cls, parent: QWidget | None, suggested: dt.date, committee_name: str
    ) -> dt.date | None:
        cls.suggested.append(suggested)
        return cls.dates.pop(0) if cls.dates else None

    @classmethod
    def ask_new_meeting(cls, parent: QWidget | None, choices: list[str]) -> int | None:
        cls.choices.append(choices)
        return cls.choose.pop(0) if cls.choose else None

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls.save_path.pop(0) if cls.save_path else None

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def answers() -> type[Answers]:
    class Fresh(Answers):
        dates: ClassVar[list[dt.date]] = [dt.date(2025, 9, 23)]
        suggested: ClassVar[list[dt.date]] = []
        choices: ClassVar[list[list[str]]] = []
        choose: ClassVar[list[int | None]] = []
        save_path: ClassVar[list[Path]] = []

    return Fresh


@pytest.fixture
def june_folder(tmp_path: Path) -> Path:
    """The commission's folder as it stood after June: its committee file and the June meeting."""
    folder = tmp_path / "CYPE"
    folder.mkdir()
    for name in ("leicester-cype.committee", JUNE):
        shutil.copy(SAMPLE_FOLDER / name, folder / name)
    return folder


def wait_for_meeting(qtbot: QtBot, window: MainWindow, day: dt.date) -> Meeting:
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.meeting.date == day,
        timeout=20_000,
    )
    assert window.document is not None
    return window.document.meeting


def assert_prepared(meeting: Meeting) -> None:
    """What issue 12 asks of the September meeting (as the command line's test asks it), and
    that every standing item of the committee file is there."""
    assert_prepared_september(meeting)
    numbering = MinuteNumbering(meeting, find_style("leicester").style)
    assert numbering.label(0) == "164"
    committee = load_committee(SAMPLE_FOLDER / "leicester-cype.committee")
    titles = [item.title for item in meeting.items]
    for standing in committee.standing_items:
        assert standing.title in titles
    arising = next(i for i in meeting.items if i.standing is StandingItem.MATTERS_ARISING)
    assert len(arising.actions) == 4
    assert all(not a.done and a.raised_on == dt.date(2025, 6, 18) for a in arising.actions)
    june = load_meeting(SAMPLE_FOLDER / JUNE)
    raised = {a.id for item in june.items for a in item.actions}
    assert {a.id for a in arising.actions} == raised


def test_next_meeting_from_the_june_meeting(
    qtbot: QtBot, make_window: MakeWindow, june_folder: Path, answers: type[Answers]
) -> None:
    """THE DONE-WHEN TEST: File > Next meeting…, 23/09/2025: saved in the folder, open."""
    window = make_window(answers)
    assert window.open_path(june_folder / JUNE, ask=False)
    assert window.next_meeting_action.isEnabled()
    window.next_meeting_action.trigger()
    meeting = wait_for_meeting(qtbot, window, dt.date(2025, 9, 23))
    assert answers.suggested == [dt.date(2025, 9, 23)]  # the committee's next date
    assert window.document is not None
    path = june_folder / SEPTEMBER
    assert window.document.path == path
    assert not window.document.modified
    assert load_meeting(path) == meeting
    assert_prepared(meeting)
    assert "CYPESC 2025-09-23.minutes" in window.windowTitle()
    assert "4 open actions carried under matters arising" in window.statusBar().currentMessage()
    # opened as any file is: marked as open here, so a second Clerk is told
    mark = read_owner(path)
    assert mark is not None and mark.pid == os.getpid()


def test_a_meeting_of_that_date_already_there_is_opened_not_written_again(
    qtbot: QtBot, make_window: MakeWindow, june_folder: Path, answers: type[Answers]
) -> None:
    # a second file of one meeting would be counted twice (numbers, actions) and look like a
    # sync client's conflict copy: the one there is opened instead, untouched
    shutil.copy(SAMPLE_FOLDER / SEPTEMBER, june_folder / SEPTEMBER)
    before = (june_folder / SEPTEMBER).read_bytes()
    window = make_window(answers)
    assert window.open_path(june_folder / JUNE, ask=False)
    window.next_meeting()
    wait_for_meeting(qtbot, window, dt.date(2025, 9, 23))
    assert window.document is not None
    assert window.document.path == june_folder / SEPTEMBER
    assert (june_folder / SEPTEMBER).read_bytes() == before
    assert sorted(p.name for p in june_folder.glob("*.minutes")) == [JUNE, SEPTEMBER]
    assert "already holds the meeting of 23 September 2025" in window.statusBar().currentMessage()
    # the suggestion was the date after the folder's latest meeting
    assert answers.suggested == [dt.date(2025, 10, 28)]


def test_the_sample_never_saved_is_prepared_from_itself(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    window = make_window(answers)
    window.open_sample()
    answers.save_path = [tmp_path / "september.minutes"]
    window.next_meeting()
    meeting = wait_for_meeting(qtbot, window, dt.date(2025, 9, 23))
    assert answers.suggested == [dt.date(2025, 7, 16)]  # four weeks on: no dates known
    assert window.document is not None
    assert window.document.path == tmp_path / "september.minutes"
    assert load_meeting(tmp_path / "september.minutes") == meeting
    numbering = MinuteNumbering(meeting, find_style("leicester").style)
    assert numbering.label(0) == "164"
    arising = next(i for i in meeting.items if i.standing is StandingItem.MATTERS_ARISING)
    assert len(arising.actions) == 4


def test_ctrl_n_offers_the_next_meeting_or_a_blank_one(
    qtbot: QtBot, make_window: MakeWindow, june_folder: Path, answers: type[Answers]
) -> None:
    window = make_window(answers, active=True)
    assert window.open_path(june_folder / JUNE, ask=False)
    answers.choose = [1]  # a blank meeting
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert answers.choices == [
        [
            "The next meeting of Children, Young People and Education Scrutiny Commission "
            "(after 18 June 2025)",
            "A blank meeting",
        ]
    ]
    assert window.document is not None and window.document.path is None
    assert window.document.meeting.items == ()
    # a recent committee folder is offered when no meeting of it is open
    answers.choose = [0]
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    meeting = wait_for_meeting(qtbot, window, dt.date(2025, 9, 23))
    assert_prepared(meeting)
    assert window.document.path == june_folder / SEPTEMBER


def test_new_meeting_from_the_committee_window(
    qtbot: QtBot, make_window: MakeWindow, june_folder: Path, answers: type[Answers]
) -> None:
    window = make_window(answers)
    committee = window.year.show_folder(june_folder)
    qtbot.waitUntil(lambda: committee.view is not None)
    assert committee.meetings_page.table.rowCount() == 1
    QTest.mouseClick(committee.meetings_page.new_button, Qt.MouseButton.LeftButton)
    meeting = wait_for_meeting(qtbot, window, dt.date(2025, 9, 23))
    assert_prepared(meeting)
    qtbot.waitUntil(lambda: committee.meetings_page.table.rowCount() == 2)


def test_the_date_is_typed_as_the_forms_type_dates(qtbot: QtBot) -> None:
    dialog = MeetingDateDialog(None, dt.date(2025, 9, 23), "Scrutiny Commission")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.field.text() == "23/09/2025"
    dialog.field.setFocus()
    dialog.field.selectAll()
    QTest.keyClicks(dialog.field, "28/10/25", Qt.KeyboardModifier.NoModifier, 15)
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.chosen == dt.date(2025, 10, 28)
    again = MeetingDateDialog(None, dt.date(2025, 9, 23), "")
    qtbot.addWidget(again)
    again.show()
    again.field.selectAll()
    QTest.keyClicks(again.field, "31/02/2025", Qt.KeyboardModifier.NoModifier, 15)
    again.accept()
    assert again.chosen is None
    assert "not a date in the calendar" in again.problem.text()
