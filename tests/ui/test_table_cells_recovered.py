"""Text typed into a table cell's open editor and not yet saved is not lost: a pause in the typing
enters it (the editor left open, its text as typed), so the recovery copy has it within its two
seconds. The values one stay in the cell enters are one undo step, and Esc still takes the cell
back to what it held before the editing.

The crash case runs the real app in a child process and kills it (SIGKILL: no clean-up runs)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoveredMeeting, RecoverySession, recovery_dir
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.forms.actions_panel import DUE
from clerk_app.ui.forms.attendance_form import ARRIVED, NAME
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from clerk_app.ui.tables import RecordTable
from clerk_app.ui.widgets.value_fields import TYPING_PAUSE_MS
from tests.ui.cell_crash_driver import EXPECTED, held
from tests.ui.conftest import MakeWindow
from tests.ui.table_helpers import type_keys

REPO = Path(__file__).resolve().parents[2]
INTEREST = 2  # the declarations table's Interest column: several lines


class Answers(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.LATER


@pytest.fixture
def window(make_window: MakeWindow, user_data: Path) -> Iterator[MainWindow]:
    session = RecoverySession(user_data)
    yield make_window(Answers, active=True, recovery=session)
    session.end()  # its timer must not outlive the window (an editor left open by a failure)


def copied_name(user_data: Path) -> str | None:
    """The first attendee's name in the recovery copy, if one is written."""
    try:
        copy = next(recovery_dir(user_data).glob("*.minutes"))
        name: str = json.loads(copy.read_text(encoding="utf-8"))["attendance"][0]["person"]["name"]
    except (StopIteration, OSError, ValueError, KeyError):
        return None
    return name


@pytest.fixture
def document(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MeetingDocument:
    path = tmp_path / "sample.minutes"
    shutil.copy(locations.sample_meeting(), path)
    assert window.open_path(path)
    qtbot.waitUntil(window.meeting_form.isVisible)
    assert window.document is not None
    return window.document


def table_at(qtbot: QtBot, window: MainWindow, section: str, row: int, column: int) -> RecordTable:
    """The section's table, shown, with the keyboard on the cell (row, column), not editing."""
    window.show_section(Section(section))
    form = window.attendance_form if section == "attendance" else window.declarations_form
    table = form.table
    qtbot.waitUntil(table.isVisible)
    table.go_to(row, column)
    qtbot.waitUntil(table.hasFocus)
    assert not table.editing()
    return table


def editor_of(table: RecordTable) -> QWidget:
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None and table.editing(), "the cell's editor is not open"
    return editor


def pause(qtbot: QtBot) -> None:
    qtbot.wait(TYPING_PAUSE_MS + 300)


def attendee(document: MeetingDocument, row: int = 0) -> tuple[str, dt.time | None]:
    record = document.meeting.attendance[row]
    return record.person.name, record.arrived_at


# --- in the window ------------------------------------------------------------------------------


def test_a_pause_enters_a_text_cell_with_its_editor_left_as_typed(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument, user_data: Path
) -> None:
    stack = document.undo_stack
    count = stack.index()
    table = table_at(qtbot, window, "attendance", 0, NAME)
    type_keys("Bat")  # the first key opens the editor, over the name
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit) and editor.text() == "Bat"
    pause(qtbot)
    assert attendee(document)[0] == "Bat"  # in the document, so in the recovery copy:
    qtbot.waitUntil(lambda: copied_name(user_data) == "Bat", timeout=2000)
    assert document.modified and stack.index() == count + 1
    assert editor_of(table) is editor and editor.hasFocus()  # still open, untouched
    assert editor.text() == "Bat" and editor.cursorPosition() == 3
    assert not editor.hasSelectedText()
    type_keys("ool Khan")
    pause(qtbot)
    assert attendee(document)[0] == "Batool Khan" and editor.text() == "Batool Khan"
    assert editor.cursorPosition() == len("Batool Khan")
    left = Qt.Key.Key_Left
    type_keys(left, left, left, left, Qt.Key.Key_Backspace, "-")  # mid-text: the cursor stays
    pause(qtbot)
    assert attendee(document)[0] == "Batool-Khan" and editor.cursorPosition() == len("Batool-")
    type_keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.editing())
    assert attendee(document)[0] == "Batool-Khan"
    assert stack.index() == count + 1  # the pauses and the Enter: one step for the stay
    stack.undo()
    assert attendee(document)[0] == "Batool" and not document.modified


def test_escape_after_a_pause_takes_the_cell_back_leaving_no_step(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    stack = document.undo_stack
    count = stack.index()
    table = table_at(qtbot, window, "attendance", 0, NAME)
    type_keys("Someone Else")
    pause(qtbot)
    assert attendee(document)[0] == "Someone Else"
    type_keys(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not table.editing())
    assert attendee(document)[0] == "Batool"  # as it was before the editing, as Esc always did
    assert stack.index() == count and stack.count() == count and not document.modified
    assert table.model().data(table.currentIndex()) == "Batool"


def test_escape_before_any_pause_still_cancels(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    count = document.undo_stack.count()
    table = table_at(qtbot, window, "attendance", 0, NAME)
    type_keys("Nobody", Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not table.editing())
    pause(qtbot)
    assert attendee(document)[0] == "Batool" and document.undo_stack.count() == count


def test_a_pause_enters_a_time_cell_only_when_it_reads_as_a_time(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    stack = document.undo_stack
    count = stack.index()
    table = table_at(qtbot, window, "attendance", 0, ARRIVED)
    type_keys("17")  # "17" is 17:00, by the time fields' reading
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit)
    pause(qtbot)
    assert attendee(document)[1] == dt.time(17, 0)
    assert editor_of(table) is editor and editor.text() == "17"  # not rewritten as 17:00
    assert editor.cursorPosition() == 2
    type_keys(":")  # half-way to 17:30: cannot be read, so it waits, saying nothing
    pause(qtbot)
    assert attendee(document)[1] == dt.time(17, 0) and editor.text() == "17:"
    assert not window.messages.shown  # type: ignore[attr-defined]
    type_keys("30")
    pause(qtbot)
    assert attendee(document)[1] == dt.time(17, 30) and editor.text() == "17:30"
    type_keys(Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, "45")
    pause(qtbot)
    assert attendee(document)[1] == dt.time(17, 45) and editor.text() == "1745"
    type_keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.editing())
    assert attendee(document)[1] == dt.time(17, 45) and stack.index() == count + 1
    assert table.model().data(table.currentIndex()) == "17:45"
    stack.undo()
    assert attendee(document)[1] is None and not document.modified


def test_a_time_cell_that_cannot_be_read_is_still_refused_when_saved(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    count = document.undo_stack.count()
    table = table_at(qtbot, window, "attendance", 0, ARRIVED)
    type_keys("25")
    pause(qtbot)
    assert attendee(document)[1] is None and not window.messages.shown  # type: ignore[attr-defined]
    type_keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.editing())
    assert attendee(document)[1] is None and document.undo_stack.count() == count
    assert window.messages.shown  # type: ignore[attr-defined]  # said once it is saved


def test_a_pause_enters_a_cell_of_several_lines(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    stack = document.undo_stack
    count = stack.index()
    before = document.meeting.interests[0].interest
    table = table_at(qtbot, window, "declarations", 0, INTEREST)
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = editor_of(table)
    assert isinstance(editor, QPlainTextEdit)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_keys(" (since 2019)", (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier), "and")
    pause(qtbot)
    typed = before + " (since 2019)\nand"
    assert document.meeting.interests[0].interest == typed
    assert editor_of(table) is editor and editor.toPlainText() == typed
    assert editor.textCursor().position() == len(typed)  # the cursor where the clerk left it
    type_keys(" more")
    pause(qtbot)
    type_keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.editing())
    assert document.meeting.interests[0].interest == typed + " more"
    assert stack.index() == count + 1
    stack.undo()
    assert document.meeting.interests[0].interest == before


def test_a_pause_enters_a_date_cell_once_it_reads_as_a_date(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    """An item's follow-up action: its Due cell is a line its model reads as a date."""
    item = next(item for item in document.meeting.items if item.actions)
    window.show_section(Section("item", item.id))
    table = window.item_form.actions_panel.table
    qtbot.waitUntil(table.isVisible)
    table.go_to(0, DUE)
    qtbot.waitUntil(table.hasFocus)

    def due() -> dt.date | None:
        found = next(i for i in document.meeting.items if i.id == item.id)
        return found.actions[0].due

    type_keys("1/10/")
    pause(qtbot)
    assert due() is None and not window.messages.shown  # type: ignore[attr-defined]
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit) and editor.text() == "1/10/"
    type_keys("2025")
    pause(qtbot)
    assert due() == dt.date(2025, 10, 1)
    assert editor_of(table) is editor and editor.text() == "1/10/2025"  # as typed
    type_keys(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not table.editing())
    assert due() is None and not document.modified


def test_undo_elsewhere_while_the_editor_is_open_shows_the_model(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    """The editor keeps what the clerk types over redraws, but not over the meeting's undo: the
    cell's editor then shows what the meeting holds."""
    table = table_at(qtbot, window, "attendance", 0, NAME)
    type_keys("Bat")
    pause(qtbot)
    editor = editor_of(table)
    assert isinstance(editor, QLineEdit)
    document.undo_stack.undo()
    assert attendee(document)[0] == "Batool"
    assert editor_of(table) is editor and editor.text() == "Batool"
    type_keys(Qt.Key.Key_Escape)  # nothing of this stay is left in the meeting to take back
    qtbot.waitUntil(lambda: not table.editing())
    assert attendee(document)[0] == "Batool" and document.undo_stack.canRedo()  # nothing pushed


# --- the real app, killed -----------------------------------------------------------------------


def start(*args: str, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.cell_crash_driver", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(
        f"no {prefix!r} from the app; stderr:\n{process.stderr.read() if process.stderr else ''}"
    )


def held_after_a_crash(cell: str, tmp_path: Path) -> object:
    """Open a copy of the sample in the real app, type into `cell`'s editor and stay there; kill
    the app 2.5 s later (the promise is two seconds); what the recovery copy holds there."""
    data = tmp_path / "appdata"
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    typing = start(cell, str(meeting_file), data=data)
    try:
        wait_for_line(typing, "READY")
        time.sleep(2.5)
        assert typing.poll() is None, "the app ended before it was killed"
    finally:
        typing.kill()  # SIGKILL on POSIX; TerminateProcess on Windows
        typing.communicate(timeout=30)
    copies = list((data / "recovery").glob("*.minutes"))
    assert copies, "no recovery copy 2.5 s after typing"
    return held(json.loads(copies[0].read_text(encoding="utf-8")), cell)


@pytest.mark.parametrize("cell", ["name", "arrived"])
def test_killed_with_the_cell_still_open_the_copy_has_the_typing(cell: str, tmp_path: Path) -> None:
    sample = json.loads(locations.sample_meeting().read_text(encoding="utf-8"))
    assert held(sample, cell) != EXPECTED[cell]
    assert held_after_a_crash(cell, tmp_path) == EXPECTED[cell]
