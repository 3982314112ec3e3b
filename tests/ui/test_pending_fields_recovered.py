"""A time or date typed and not yet left is not lost: a pause in typing enters it (the text left
as typed), so the recovery copy has it within its two seconds; and a recovery copy written at an
error has what the focused field holds.

The crash cases run the real app in a child process and kill it (SIGKILL: no clean-up runs)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoveredMeeting, RecoverySession
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.widgets.value_fields import TYPING_PAUSE_MS
from tests.ui.conftest import MakeWindow
from tests.ui.crash_driver import TYPED
from tests.ui.test_crash_recovery import start, wait_for_line

CTRL = Qt.KeyboardModifier.ControlModifier


class Answers(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.LATER


@pytest.fixture
def window(make_window: MakeWindow, user_data: Path) -> MainWindow:
    return make_window(Answers, active=True, recovery=RecoverySession(user_data))


@pytest.fixture
def document(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MeetingDocument:
    path = tmp_path / "sample.minutes"
    shutil.copy(locations.sample_meeting(), path)
    assert window.open_path(path)
    qtbot.waitUntil(window.meeting_form.isVisible)
    assert window.document is not None
    return window.document


def type_keys(field: QWidget, text: str) -> None:
    for char in text:
        QTest.keyClicks(field, char)


def pause(qtbot: QtBot) -> None:
    qtbot.wait(TYPING_PAUSE_MS + 300)


# --- in the window ------------------------------------------------------------------------------


def test_a_pause_enters_the_typing_as_typed_and_leaving_makes_it_one_step(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    field = window.meeting_form.close_time
    stack = document.undo_stack
    count = stack.count()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    type_keys(field, "21")
    pause(qtbot)
    assert document.meeting.close_time == dt.time(21, 0)  # entered without leaving the field
    assert field.text() == "21" and field.cursorPosition() == 2  # not rewritten under the clerk
    assert field.hasFocus() and not field.problem
    type_keys(field, "15")
    pause(qtbot)
    assert document.meeting.close_time == dt.time(21, 15) and field.text() == "2115"
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "21:15"  # written the house's way once the clerk leaves
    assert stack.count() == count + 1 and stack.text(count) == "Change close time"
    stack.undo()
    assert document.meeting.close_time == dt.time(20, 20) and field.text() == "20:20"


def test_typing_then_leaving_before_the_pause_is_still_one_step(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    field = window.meeting_form.start_time
    stack = document.undo_stack
    count = stack.count()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(field, "18")
    pause(qtbot)
    type_keys(field, ":05")
    QTest.keyClick(field, Qt.Key.Key_Return)  # entered before a pause
    assert document.meeting.start_time == dt.time(18, 5) and field.text() == "18:05"
    assert stack.count() == count + 1
    field.selectAll()
    type_keys(field, "1810")  # another value after Enter: a step of its own
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert stack.count() == count + 2


def test_escape_takes_back_typing_a_pause_entered(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    field = window.meeting_form.confirmed
    stack = document.undo_stack
    count = stack.count()
    before = document.meeting.confirmed_on
    field.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(field, "01/10/2025")
    pause(qtbot)
    assert document.meeting.confirmed_on == dt.date(2025, 10, 1) and document.modified
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert document.meeting.confirmed_on == before
    assert field.text() == ("" if before is None else field.format(before))
    assert stack.index() == count and not document.modified  # no step left behind


def test_ctrl_z_in_the_field_undoes_what_a_pause_entered(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    field = window.meeting_form.close_time
    field.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(field, "2130")
    pause(qtbot)
    assert document.meeting.close_time == dt.time(21, 30)
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)  # the meeting's undo: the text means the model's
    assert document.meeting.close_time == dt.time(20, 20) and field.text() == "20:20"


def test_a_pause_over_text_that_is_not_a_value_enters_and_flags_nothing(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    field = window.meeting_form.start_time
    count = document.undo_stack.count()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(field, "17:")
    pause(qtbot)
    assert document.undo_stack.count() == count and not field.problem
    assert field.text() == "17:"
    assert not window.messages.shown  # type: ignore[attr-defined]


# --- the real app, killed -----------------------------------------------------------------------

EXPECTED = {"close": ("close_time", "21:15:00"), "confirmed": ("confirmed_on", "2025-10-01")}


@pytest.mark.parametrize("field", ["close", "confirmed"])
def test_killed_while_still_in_the_field_the_copy_has_the_value(field: str, tmp_path: Path) -> None:
    data = tmp_path / "appdata"
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    key, value = EXPECTED[field]
    assert json.loads(meeting_file.read_text(encoding="utf-8"))[key] != value
    assert TYPED[field]

    typing = start("type", field, str(meeting_file), data=data)
    try:
        wait_for_line(typing, "READY")
        time.sleep(2.5)  # the promise is two seconds; the clerk is still in the field
    finally:
        typing.kill()
        typing.communicate(timeout=30)
    copies = list((data / "recovery").glob("*.minutes"))
    assert copies, "no recovery copy 2.5 s after typing"
    assert json.loads(copies[0].read_text(encoding="utf-8"))[key] == value


def test_the_copy_written_at_an_error_has_the_focused_fields_typing(tmp_path: Path) -> None:
    """An error nobody caught: the copy is written before its dialog (the clerk may not survive
    it) with what the focused field holds, no pause waited for (the driver makes the pause ten
    minutes long)."""
    data = tmp_path / "appdata"
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    failing = start("error", "close", str(meeting_file), data=data)
    try:
        wait_for_line(failing, "READY")
        deadline = time.monotonic() + 20
        held = None
        while time.monotonic() < deadline and held != "21:15:00":
            copies = list((data / "recovery").glob("*.minutes"))
            with contextlib.suppress(IndexError, OSError, ValueError):
                held = json.loads(copies[0].read_text(encoding="utf-8"))["close_time"]
            time.sleep(0.1)
        assert held == "21:15:00", f"the copy written at the error holds {held!r}"
    finally:
        failing.kill()  # it waits on the error dialog
        failing.communicate(timeout=30)


def test_a_long_stay_in_a_field_is_still_one_step_and_esc_leaves_no_redo(
    qtbot: QtBot,
    window: MainWindow,
    document: MeetingDocument,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The clerk types "21", answers the phone, types "15": one undo step, however long the
    stay (typing merges into a step for at most MERGE_WINDOW seconds, made 0 here: a field's
    stay is not typing). Esc after that takes it all back and leaves nothing to redo."""
    from clerk_app.services import undo as undo_module

    monkeypatch.setattr(undo_module, "MERGE_WINDOW", 0.0)
    field = window.meeting_form.close_time
    stack = document.undo_stack
    count = stack.count()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    type_keys(field, "21")
    pause(qtbot)
    type_keys(field, "15")
    pause(qtbot)
    assert document.meeting.close_time == dt.time(21, 15)
    assert stack.count() == count + 1
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert document.meeting.close_time == dt.time(20, 20)
    assert stack.count() == count and not stack.canRedo()
    assert not document.modified


def test_what_an_error_enters_first_is_entered_quietly_as_typed(
    qtbot: QtBot, window: MainWindow, document: MeetingDocument
) -> None:
    """Before the recovery copy written at an error (`RecoverySession.before_write`, which the
    app sets to `enter_typed`): the field's text stays as typed, and no warning comes before the
    error's own message, even for a time that cannot be read."""
    field = window.meeting_form.close_time
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    type_keys(field, "21")
    window.enter_typed()  # no pause yet
    assert document.meeting.close_time == dt.time(21, 0)
    assert field.text() == "21" and field.hasFocus() and not field.problem
    field.selectAll()
    type_keys(field, "25:9")
    window.enter_typed()
    assert document.meeting.close_time == dt.time(21, 0)  # unreadable: left for the clerk
    assert field.text() == "25:9" and not field.problem
    assert not window.messages.shown  # type: ignore[attr-defined]
