"""Time and date fields filled from the keyboard, as a clerk types them: from empty, cleared,
mistyped, undone; and the date's calendar."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QMenu, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.typed import format_date, format_time, parse_date, parse_time
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoveredMeeting
from clerk_app.storage import load_meeting
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from clerk_app.ui.widgets.value_fields import DateField, TimeField, ValueField
from tests.ui.conftest import MakeWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class Answers(Dialogs):
    """Closing the window at the end of a test discards the meeting."""

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.LATER


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window(Answers, active=True)


@pytest.fixture
def new_meeting(qtbot: QtBot, window: MainWindow) -> MeetingDocument:
    """A new meeting: no times, not confirmed; the meeting form showing."""
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(window.meeting_form.isVisible)
    document = window.document
    assert document is not None
    meeting = document.meeting
    assert (meeting.start_time, meeting.close_time, meeting.confirmed_on) == (None, None, None)
    return document


@pytest.fixture
def sample_meeting(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MeetingDocument:
    path = tmp_path / "sample.minutes"
    shutil.copy(locations.sample_meeting(), path)
    assert window.open_path(path)
    qtbot.waitUntil(window.meeting_form.isVisible)
    assert window.document is not None
    return window.document


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_into(qtbot: QtBot, before: QWidget, field: ValueField) -> None:
    """Tab from the field before, as the clerk does."""
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(field.hasFocus)


def type_keys(text: str) -> None:
    """Type into whatever has the focus, one key at a time."""
    for char in text:
        QTest.keyClicks(focused(), char)


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifiers)


# --- reading what is typed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("17:30", dt.time(17, 30)),
        ("1730", dt.time(17, 30)),
        ("17.30", dt.time(17, 30)),
        (" 17 : 30 ", dt.time(17, 30)),
        ("930", dt.time(9, 30)),
        ("09:05", dt.time(9, 5)),
        ("17", dt.time(17, 0)),
        ("0:00", dt.time(0, 0)),
        ("5.30pm", dt.time(17, 30)),
        ("5:30 pm", dt.time(17, 30)),
        ("5:30 P.M.", dt.time(17, 30)),
        ("530pm", dt.time(17, 30)),
        ("5pm", dt.time(17, 0)),
        ("10.15am", dt.time(10, 15)),
        ("12pm", dt.time(12, 0)),
        ("12.30am", dt.time(0, 30)),
        ("", None),
        ("  ", None),
    ],
)
def test_times_are_read_as_clerks_type_them(text: str, time: dt.time | None) -> None:
    assert parse_time(text) == time


@pytest.mark.parametrize(
    "text", ["25:00", "17:60", "17:3", "13pm", "0am", "12345", "half five", "Not recorded020"]
)
def test_what_is_not_a_time_is_refused_naming_the_format(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("18/06/2025", dt.date(2025, 6, 18)),
        ("18/6/25", dt.date(2025, 6, 18)),
        ("18.06.2025", dt.date(2025, 6, 18)),
        ("18-6-2025", dt.date(2025, 6, 18)),
        ("18 06 2025", dt.date(2025, 6, 18)),
        ("18062025", dt.date(2025, 6, 18)),
        ("180625", dt.date(2025, 6, 18)),
        ("2025-06-18", dt.date(2025, 6, 18)),
        ("1/1/2026", dt.date(2026, 1, 1)),
        ("", None),
    ],
)
def test_dates_are_read_day_first(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["18/06", "June 18", "2025", "18/06/202", "Not set23092025"])
def test_what_is_not_a_date_is_refused_naming_the_format(text: str) -> None:
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31/02/2025", "18/13/2025", "00/06/2025"])
def test_a_day_not_in_the_calendar_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date in the calendar"):
        parse_date(text)


def test_values_are_shown_as_house_formats() -> None:
    assert format_time(dt.time(9, 5)) == "09:05"
    assert format_date(dt.date(2025, 6, 8)) == "08/06/2025"
    assert format_time(None) == format_date(None) == ""


# --- typing into empty fields -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["17:30", "1730", "17.30", "5.30pm", "5:30 pm", "20:20"])
def test_an_empty_start_time_takes_a_typed_time(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument, typed: str
) -> None:
    form = window.meeting_form
    assert form.start_time.text() == "" and form.start_time.placeholderText() == "Not recorded"
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys(typed)
    assert new_meeting.meeting.start_time is None  # read when the clerk leaves the field
    press(Qt.Key.Key_Tab)
    expected = dt.time(20, 20) if typed == "20:20" else dt.time(17, 30)
    assert new_meeting.meeting.start_time == expected
    assert form.start_time.text() == format_time(expected)
    assert form.close_time.hasFocus() and not form.start_time.problem


def test_enter_enters_the_time_and_stays(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.start_time, form.close_time)
    type_keys("2020")
    press(Qt.Key.Key_Return)
    assert new_meeting.meeting.close_time == dt.time(20, 20)
    assert form.close_time.hasFocus() and form.close_time.text() == "20:20"


def test_the_close_form_takes_a_typed_time_from_the_navigator(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus)
    press(Qt.Key.Key_End)  # the last part: the close
    qtbot.waitUntil(window.close_form.isVisible)
    field = window.close_form.close_time
    press(Qt.Key.Key_Tab)
    qtbot.waitUntil(field.hasFocus)
    assert field.objectName() == "closingTimeEdit" and field.text() == ""
    type_keys("20:20")
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.close_time == dt.time(20, 20)
    assert "closed at" in window.close_form.sentence.text()
    window.show_section(Section("meeting"))  # the meeting form shows the same time
    qtbot.waitUntil(window.meeting_form.isVisible)
    assert window.meeting_form.close_time.text() == "20:20"


@pytest.mark.parametrize("typed", ["23/09/2025", "23/9/25", "23092025"])
def test_an_empty_confirmation_date_takes_a_typed_date(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument, typed: str
) -> None:
    form = window.meeting_form
    assert form.confirmed.text() == "" and form.confirmed.placeholderText() == "Not set"
    tab_into(qtbot, form.status_combo, form.confirmed)
    type_keys(typed)
    form.prefix.setFocus()  # leaving by any way enters it
    assert new_meeting.meeting.confirmed_on == dt.date(2025, 9, 23)
    assert form.confirmed.text() == "23/09/2025"


def test_the_meeting_date_is_typed_over_and_cannot_be_emptied(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.body_edit, form.date_edit)
    assert form.date_edit.selectedText() == form.date_edit.text() != ""  # typing replaces it
    type_keys("18/6/25")
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.date == dt.date(2025, 6, 18)
    assert form.date_edit.text() == "18/06/2025"

    press(Qt.Key.Key_Tab, SHIFT)
    qtbot.waitUntil(form.date_edit.hasFocus)
    press(Qt.Key.Key_Delete)  # all of it was selected
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.date == dt.date(2025, 6, 18)
    assert form.date_edit.text() == "" and "cannot be left empty" in form.date_edit.problem


def test_a_field_holding_a_value_is_typed_over(
    qtbot: QtBot, window: MainWindow, sample_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    assert sample_meeting.meeting.start_time is not None
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("1815")
    press(Qt.Key.Key_Tab)
    assert sample_meeting.meeting.start_time == dt.time(18, 15)


# --- clearing, mistakes -------------------------------------------------------------------------


def test_clearing_a_time_or_date_records_none(
    qtbot: QtBot, window: MainWindow, sample_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    assert sample_meeting.meeting.start_time is not None
    tab_into(qtbot, form.date_edit, form.start_time)
    press(Qt.Key.Key_A, CTRL)
    press(Qt.Key.Key_Backspace)
    press(Qt.Key.Key_Tab)
    assert sample_meeting.meeting.start_time is None
    assert form.start_time.text() == "" and not form.start_time.problem

    sample_meeting.set(("confirmed_on",), dt.date(2025, 9, 23), "Confirm")
    assert form.confirmed.text() == "23/09/2025"
    tab_into(qtbot, form.status_combo, form.confirmed)
    press(Qt.Key.Key_Delete)
    press(Qt.Key.Key_Tab)
    assert sample_meeting.meeting.confirmed_on is None and form.confirmed.text() == ""

    # and an emptied field takes a time again
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("5.30pm")
    press(Qt.Key.Key_Tab)
    assert sample_meeting.meeting.start_time == dt.time(17, 30)


@pytest.mark.parametrize(("typed", "kind"), [("25:00", "time"), ("half five", "time")])
def test_a_mistyped_time_is_kept_flagged_and_not_entered(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument, typed: str, kind: str
) -> None:
    form = window.meeting_form
    count = new_meeting.undo_stack.count()
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys(typed)
    press(Qt.Key.Key_Tab)
    field = form.start_time
    assert new_meeting.meeting.start_time is None
    assert new_meeting.undo_stack.count() == count
    assert field.text() == typed  # not lost: the clerk sees what was typed
    assert f"not a {kind}" in field.problem and "HH:MM" in field.problem
    assert "border" in field.styleSheet() and field.toolTip() == field.problem
    assert field.accessibleName() == "Start time"  # the screen reader's name is unchanged

    # an unrelated change leaves the mistake on show
    form.venue.setFocus()
    type_keys("Room 1")
    assert field.text() == typed and field.problem

    # put right, the flag goes as soon as the text can be read, and leaving enters it
    tab_into(qtbot, form.date_edit, field)
    type_keys("1730")
    assert not field.problem and field.styleSheet() == ""
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.start_time == dt.time(17, 30)


def test_a_mistyped_date_is_kept_flagged_and_not_entered(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.status_combo, form.confirmed)
    type_keys("31/02/2025")
    press(Qt.Key.Key_Return)
    assert new_meeting.meeting.confirmed_on is None
    assert form.confirmed.text() == "31/02/2025"
    assert "not a date in the calendar" in form.confirmed.problem


def test_escape_takes_back_unentered_typing(
    qtbot: QtBot, window: MainWindow, sample_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    before = sample_meeting.meeting.start_time
    count = sample_meeting.undo_stack.count()
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("99:99")
    press(Qt.Key.Key_Return)
    assert form.start_time.problem
    press(Qt.Key.Key_Escape)
    assert form.start_time.text() == format_time(before) and not form.start_time.problem
    press(Qt.Key.Key_Tab)
    assert sample_meeting.meeting.start_time == before
    assert sample_meeting.undo_stack.count() == count


# --- undo ---------------------------------------------------------------------------------------


def test_each_typed_value_is_one_undo_step_and_undo_redraws_the_field(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    stack = new_meeting.undo_stack
    count = stack.count()
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("17:30")
    press(Qt.Key.Key_Tab)
    type_keys("19:45")  # the close time, straight after: not merged with the start time
    press(Qt.Key.Key_Tab)
    assert stack.count() == count + 2
    assert [stack.text(n) for n in range(count, count + 2)] == [
        "Change start time",
        "Change close time",
    ]

    press(Qt.Key.Key_Tab, SHIFT)
    qtbot.waitUntil(form.close_time.hasFocus)
    press(Qt.Key.Key_Z, CTRL)  # the meeting's undo, from inside the field
    assert new_meeting.meeting.close_time is None and form.close_time.text() == ""
    assert new_meeting.meeting.start_time == dt.time(17, 30)
    press(Qt.Key.Key_Z, CTRL)
    assert new_meeting.meeting.start_time is None and form.start_time.text() == ""
    press(Qt.Key.Key_Y, CTRL)
    assert form.start_time.text() == "17:30"
    press(Qt.Key.Key_Y, CTRL)
    assert form.close_time.text() == "19:45"
    assert new_meeting.meeting.close_time == dt.time(19, 45)

    # undoing a cleared time brings it back
    press(Qt.Key.Key_A, CTRL)
    press(Qt.Key.Key_Delete)
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.close_time is None
    stack.undo()
    assert form.close_time.text() == "19:45"


def test_ctrl_z_over_unentered_typing_takes_the_typing_back(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("17:30")
    press(Qt.Key.Key_Tab)
    stack = new_meeting.undo_stack
    count = stack.count()
    type_keys("19")  # in the close time, not yet entered
    press(Qt.Key.Key_Z, CTRL)
    assert form.close_time.text() == "" and stack.count() == count
    assert new_meeting.meeting.start_time == dt.time(17, 30)  # the older change stands


def test_a_date_is_one_undo_step_and_undo_redraws_it(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    stack = new_meeting.undo_stack
    count = stack.count()
    tab_into(qtbot, form.status_combo, form.confirmed)
    type_keys("23/09/2025")
    press(Qt.Key.Key_Tab)
    assert stack.count() == count + 1 and stack.text(count) == "Change confirmation date"
    stack.undo()
    assert form.confirmed.text() == "" and new_meeting.meeting.confirmed_on is None
    stack.redo()
    assert form.confirmed.text() == "23/09/2025"


# --- the calendar -------------------------------------------------------------------------------


def test_alt_down_picks_a_date_from_the_calendar(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    field = form.confirmed
    assert isinstance(field, DateField)
    new_meeting.set(("confirmed_on",), dt.date(2025, 9, 23), "Confirm")
    count = new_meeting.undo_stack.count()
    tab_into(qtbot, form.status_combo, field)
    press(Qt.Key.Key_Down, ALT)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget)
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == dt.date(2025, 9, 23)  # opens on the date shown
    press(Qt.Key.Key_Right)  # the next day
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert new_meeting.meeting.confirmed_on == dt.date(2025, 9, 24)
    assert field.text() == "24/09/2025"
    assert new_meeting.undo_stack.count() == count + 1
    qtbot.waitUntil(field.hasFocus)

    # Escape closes it without a change; the button at the field's end opens it too
    field.calendar_action.trigger()
    qtbot.waitUntil(calendar.isVisible)
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert new_meeting.meeting.confirmed_on == dt.date(2025, 9, 24)


def test_the_fields_keep_their_names_and_kinds(window: MainWindow, new_meeting: object) -> None:
    meeting, close = window.meeting_form, window.close_form
    fields = {
        "dateEdit": (meeting.date_edit, DateField, "Meeting date"),
        "startTimeEdit": (meeting.start_time, TimeField, "Start time"),
        "closeTimeEdit": (meeting.close_time, TimeField, "Close time"),
        "confirmedOnEdit": (meeting.confirmed, DateField, "Date confirmed"),
        "closingTimeEdit": (close.close_time, TimeField, "Time the meeting closed"),
    }
    for name, (widget, kind, accessible) in fields.items():
        assert isinstance(widget, kind)
        assert (widget.objectName(), widget.accessibleName()) == (name, accessible)


# --- typing not yet entered when the clerk saves ------------------------------------------------


def test_ctrl_s_in_the_field_saves_what_was_typed(
    qtbot: QtBot, window: MainWindow, sample_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("1815")
    press(Qt.Key.Key_S, CTRL)  # still in the field
    assert not sample_meeting.modified
    assert sample_meeting.path is not None
    assert load_meeting(sample_meeting.path).start_time == dt.time(18, 15)
    assert form.start_time.hasFocus()


def test_the_fields_own_editing_keys_do_not_enter_the_typing(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("17")
    press(Qt.Key.Key_A, CTRL)
    press(Qt.Key.Key_Left, CTRL)
    assert new_meeting.meeting.start_time is None  # not 17:00 on the way to 17:30
    press(Qt.Key.Key_End)
    type_keys(":30")
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.start_time == dt.time(17, 30)


def test_a_form_enters_pending_typing_on_request(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("17:30")
    assert form.commit_pending()
    assert new_meeting.meeting.start_time == dt.time(17, 30)
    type_keys("x")
    assert not form.commit_pending()
    assert form.start_time.problem


def test_switching_to_another_program_mid_time_leaves_the_typing_alone(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("17")
    away = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason)
    QApplication.sendEvent(form.start_time, away)
    assert new_meeting.meeting.start_time is None and form.start_time.text() == "17"
    type_keys(":30")
    press(Qt.Key.Key_Tab)
    assert new_meeting.meeting.start_time == dt.time(17, 30)


def test_opening_a_menu_with_the_mouse_enters_the_typing(
    qtbot: QtBot, window: MainWindow, new_meeting: MeetingDocument
) -> None:
    form = window.meeting_form
    tab_into(qtbot, form.date_edit, form.start_time)
    type_keys("1730")
    assert new_meeting.meeting.start_time is None
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(window.rect().center()))  # as File > Save is reached
    qtbot.waitUntil(menu.isVisible)
    assert new_meeting.meeting.start_time == dt.time(17, 30)
    menu.hide()
