"""One key for attendance: a roll call marked as it happens, each key one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import AttendanceStatus
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.attendance_form import (
    ARRIVED,
    LEFT,
    NAME,
    REMOTE,
    STATUS,
    SUBSTITUTE_FOR,
    VOTES,
    AttendanceForm,
)
from tests.ui.table_helpers import (
    commit,
    current,
    focused,
    is_editing,
    make_form,
    open_editor,
    sample_document,
    shown,
    type_keys,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
DOWN = Qt.Key.Key_Down


def statuses(document: MeetingDocument) -> list[AttendanceStatus]:
    return [a.status for a in document.meeting.attendance]


def status_of(document: MeetingDocument, row: int) -> AttendanceStatus:
    return document.meeting.attendance[row].status


def at_row(qtbot: QtBot, form: AttendanceForm, row: int, column: int = NAME) -> None:
    form.table.go_to(row, column)
    assert current(form) == (row, column)
    assert focused() is form.table


def undo_texts(document: MeetingDocument) -> list[str]:
    stack = document.undo_stack
    return [stack.text(n) for n in range(stack.count())]


def test_a_roll_call_down_the_rows_one_key_each(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    at_row(qtbot, form, 1)
    type_keys((Qt.Key.Key_Space, SHIFT))  # the whole row: a letter now marks, not types
    assert form.rows_selected()
    type_keys("a")
    assert status_of(document, 1) is AttendanceStatus.APOLOGIES
    assert document.meeting.attendance[1].person.name == "Bonham"  # nothing typed in a cell
    assert not is_editing(form)
    type_keys(DOWN, "x", DOWN, DOWN, "p", DOWN, "a")  # Down keeps whole rows selected
    assert statuses(document)[:6] == [
        AttendanceStatus.PRESENT,
        AttendanceStatus.APOLOGIES,
        AttendanceStatus.ABSENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.APOLOGIES,
    ]
    assert shown(form, 2, STATUS) == "Absent"
    assert undo_texts(document) == [  # P for someone already present is no step
        "Record apologies from Councillor Bonham",
        "Mark Councillor Gregg absent",
        "Record apologies from Joycelin Eze-Okubuiro",
    ]
    document.undo_stack.undo()
    assert status_of(document, 5) is AttendanceStatus.PRESENT
    document.undo_stack.undo()
    assert status_of(document, 2) is AttendanceStatus.PRESENT
    assert status_of(document, 1) is AttendanceStatus.APOLOGIES


def test_several_rows_are_marked_in_one_step(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    at_row(qtbot, form, 2)
    type_keys((Qt.Key.Key_Space, SHIFT), (DOWN, SHIFT), (DOWN, SHIFT))
    assert form.table.selected_rows() == [2, 3, 4]
    before = document.undo_stack.count()
    type_keys("x")
    assert statuses(document)[2:5] == [AttendanceStatus.ABSENT] * 3
    assert statuses(document)[1] is AttendanceStatus.PRESENT
    assert document.undo_stack.count() == before + 1
    assert document.undo_stack.undoText() == "Mark 3 people absent"
    type_keys("r")  # still the three rows: all remote, in one step
    assert [a.remote for a in document.meeting.attendance[1:6]] == [
        False,
        True,
        True,
        True,
        False,
    ]
    type_keys("r")  # again: not remote
    assert not any(a.remote for a in document.meeting.attendance)
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert statuses(document)[2:5] == [AttendanceStatus.PRESENT] * 3


def test_rows_selected_by_their_numbers_are_marked(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    header = form.table.verticalHeader()
    for row, modifier in ((3, Qt.KeyboardModifier.NoModifier), (5, SHIFT)):
        place = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, modifier, place_at(place))
    assert form.table.selected_rows() == [3, 4, 5]
    form.table.setFocus()
    type_keys("a")
    assert statuses(document)[3:6] == [AttendanceStatus.APOLOGIES] * 3
    assert document.undo_stack.undoText() == "Record apologies from 3 people"


def place_at(y: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(5, y)


def test_letters_still_type_into_a_text_cell(qtbot: QtBot) -> None:
    """In a single Name cell, "Sparks" is a name, not S (substitute) then P (present)."""
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    at_row(qtbot, form, 3)
    type_keys("Sparks")
    editor = open_editor(form)
    commit(qtbot, form, editor)
    assert document.meeting.attendance[3].person.name == "Sparks"
    assert status_of(document, 3) is AttendanceStatus.PRESENT
    at_row(qtbot, form, 3, STATUS)  # the Status cell still takes the start of a status
    type_keys("ab", Qt.Key.Key_Tab)
    assert status_of(document, 3) is AttendanceStatus.ABSENT


def test_substitute_opens_substitute_for(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    at_row(qtbot, form, 4, REMOTE)  # a column a letter types nothing into: keys mark
    type_keys("s")
    assert status_of(document, 4) is AttendanceStatus.SUBSTITUTE
    assert current(form) == (4, SUBSTITUTE_FOR)
    assert is_editing(form)
    type_keys("Councillor Kitterick", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_editing(form))
    assert document.meeting.attendance[4].substitute_for == "Councillor Kitterick"
    assert undo_texts(document)[-2:] == [
        "Mark Councillor Singh Sangha as a substitute",
        "Edit attendance",
    ]


def test_left_early_takes_the_time_now_and_opens_it_to_correct(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    form.now = lambda: dt.datetime(2025, 6, 18, 19, 5, 12)
    at_row(qtbot, form, 4)
    type_keys((Qt.Key.Key_Space, SHIFT), "e")
    assert document.meeting.attendance[4].left_at == dt.time(19, 5)
    assert document.undo_stack.undoText().endswith("as leaving early, at 19:05")
    assert current(form) == (4, LEFT)
    type_keys(Qt.Key.Key_Escape)
    document.undo_stack.undo()
    assert document.meeting.attendance[4].left_at is None


def test_arrived_late_takes_the_time_now_and_opens_it_to_correct(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    form.now = lambda: dt.datetime(2025, 6, 18, 17, 42, 39)
    at_row(qtbot, form, 2)
    type_keys((Qt.Key.Key_Space, SHIFT), "l")
    assert document.meeting.attendance[2].arrived_at == dt.time(17, 42)
    assert document.undo_stack.undoText() == "Mark Councillor Gregg as arriving late, at 17:42"
    assert current(form) == (2, ARRIVED)
    editor = open_editor(form)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "17:42"
    editor.selectAll()
    type_keys("1740")
    commit(qtbot, form, editor)
    assert document.meeting.attendance[2].arrived_at == dt.time(17, 40)
    # someone with apologies who turns up late is present after all
    at_row(qtbot, form, 3, ARRIVED)
    type_keys("a")
    assert status_of(document, 3) is AttendanceStatus.APOLOGIES
    type_keys("l")
    assert status_of(document, 3) is AttendanceStatus.PRESENT
    assert document.meeting.attendance[3].arrived_at == dt.time(17, 42)
    type_keys(Qt.Key.Key_Escape)
    document.undo_stack.undo()
    assert status_of(document, 3) is AttendanceStatus.APOLOGIES
    assert document.meeting.attendance[3].arrived_at is None


def test_votes_is_a_check_column(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    index = form.model.index(5, VOTES)
    assert form.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    at_row(qtbot, form, 5, VOTES)
    type_keys(Qt.Key.Key_Space)  # the co-opted member has no vote
    assert document.meeting.attendance[5].votes is False
    assert form.model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Votes: no"
    document.undo_stack.undo()
    assert document.meeting.attendance[5].votes is True


def test_the_keys_are_said_in_the_help_line_and_tooltips(qtbot: QtBot) -> None:
    form = make_form(qtbot, AttendanceForm, sample_document())
    hint = form.findChild(QLabel, "attendanceHint")
    assert hint is not None
    for said in ("A apologies", "X absent", "S substitute", "R remote", "L arrived late",
                 "P present", "Shift+Space"):  # fmt: skip
        assert said in hint.text(), said
        assert said in form.table.accessibleDescription(), said
    names = {a.objectName(): a for a in form.table.actions() if isinstance(a, QAction)}
    for name, key in (("markApologiesKey", "A"), ("markAbsentKey", "X"),
                      ("markSubstituteKey", "S"), ("markRemoteKey", "R"),
                      ("markLateKey", "L"), ("markPresentKey", "P"),
                      ("selectPeopleKey", "Shift+Space")):  # fmt: skip
        assert names[name].shortcut().toString() == key
        assert names[name].shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    status_tip = form.model.headerData(
        STATUS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "A apologies" in status_tip and "X absent" in status_tip
