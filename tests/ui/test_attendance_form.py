"""The attendance form, driven through its widgets as a clerk would: keys, clicks, editors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import AttendanceStatus, Meeting, Role
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.attendance_form import (
    ARRIVED,
    CAPACITY,
    FROM,
    NAME,
    REMOTE,
    ROLE,
    STATUS,
    TITLE,
    AttendanceForm,
)
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.tables import ChoiceEditor
from tests.ui.table_helpers import (
    commit,
    current,
    is_editing,
    make_form,
    open_editor,
    sample_document,
    shown,
)


def names_shown(form: AttendanceForm) -> list[str]:
    return [shown(form, row, NAME) for row in range(form.model.rowCount())]


def without_ids(document: MeetingDocument) -> list[dict[str, Any]]:
    return [a.model_dump(exclude={"id"}) for a in document.meeting.attendance]


def go_to(qtbot: QtBot, form: AttendanceForm, row: int, column: int) -> None:
    """Put the current cell at (row, column) with the keyboard, from the top-left cell."""
    table = form.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        QTest.keyClick(table, Qt.Key.Key_Down)
    for _ in range(column):
        QTest.keyClick(table, Qt.Key.Key_Right)
    assert current(form) == (row, column)


# --- entering people -------------------------------------------------------------------------


def test_the_first_three_attendees_can_be_entered_from_the_keyboard(qtbot: QtBot) -> None:
    document = MeetingDocument(Meeting(date=dt.date(2025, 6, 18)))
    form = make_form(qtbot, AttendanceForm, document)
    table = form.table

    # Councillor Batool, Chair: the Add button opens the new row's Name for typing.
    QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert current(form) == (0, NAME)
    name = open_editor(form)
    assert isinstance(name, QLineEdit)
    QTest.keyClicks(name, "Batool")
    QTest.keyClick(name, Qt.Key.Key_Tab)  # commits and opens the Role drop-down
    assert current(form) == (0, ROLE)
    role = open_editor(form)
    assert isinstance(role, QComboBox)
    QTest.keyClicks(role, "Ch")  # keyboard search: Chair, not Co-opted member
    assert role.currentText() == "Chair"
    commit(qtbot, form, role)
    QTest.keyClick(table, Qt.Key.Key_Home)  # back to Title
    QTest.keyClicks(table, "C")  # typing starts editing, the key included
    title = open_editor(form)
    assert isinstance(title, QLineEdit)
    QTest.keyClicks(title, "ouncillor")
    commit(qtbot, form, title)

    # Councillor Bonham, Vice-Chair: F2 edits the Title this time.
    QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert current(form) == (1, NAME)
    QTest.keyClicks(open_editor(form), "Bonham")
    QTest.keyClick(open_editor(form), Qt.Key.Key_Tab)
    role = open_editor(form)
    assert isinstance(role, QComboBox)
    QTest.keyClick(role, Qt.Key.Key_V)
    commit(qtbot, form, role)
    QTest.keyClick(table, Qt.Key.Key_Home)
    QTest.keyClick(table, Qt.Key.Key_F2)
    QTest.keyClicks(open_editor(form), "Councillor")
    commit(qtbot, form, open_editor(form))

    # Councillor Gregg, Member (the default role): Insert adds, Shift+Tab goes back to Title.
    QTest.keyClick(table, Qt.Key.Key_Insert)
    assert current(form) == (2, NAME)
    QTest.keyClicks(open_editor(form), "Gregg")
    QTest.keyClick(open_editor(form), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current(form) == (2, TITLE)
    QTest.keyClicks(open_editor(form), "Councillor")
    commit(qtbot, form, open_editor(form))

    sample = MeetingDocument.open(locations.sample_meeting()).meeting
    assert without_ids(document) == [a.model_dump(exclude={"id"}) for a in sample.attendance[:3]]
    assert names_shown(form) == ["Batool", "Bonham", "Gregg"]
    assert [shown(form, row, ROLE) for row in range(3)] == ["Chair", "Vice-Chair", "Member"]


def test_add_inserts_after_the_current_row(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, CAPACITY)
    QTest.keyClick(form.table, Qt.Key.Key_Insert)
    assert len(document.meeting.attendance) == 10
    assert document.meeting.attendance[3].display_name == ""
    assert document.meeting.attendance[4].id == "moore"
    assert current(form) == (3, NAME)
    assert isinstance(open_editor(form), QLineEdit)
    QTest.keyClick(open_editor(form), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(form))
    document.undo_stack.undo()
    assert len(document.meeting.attendance) == 9
    assert form.model.rowCount() == 9


# --- undo and redo ---------------------------------------------------------------------------


def test_an_edit_is_undone_and_redone_exactly(qtbot: QtBot) -> None:
    document = sample_document()
    before = document.meeting
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, CAPACITY)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    QTest.keyClicks(open_editor(form), "Lead Member for Schools")
    commit(qtbot, form, open_editor(form))
    after = document.meeting
    assert after.attendance[2].capacity == "Lead Member for Schools"
    assert shown(form, 2, CAPACITY) == "Lead Member for Schools"
    assert document.undo_stack.undoText() == "Edit attendance"

    document.undo_stack.undo()
    assert document.meeting == before
    assert shown(form, 2, CAPACITY) == ""
    document.undo_stack.redo()
    assert document.meeting == after
    assert shown(form, 2, CAPACITY) == "Lead Member for Schools"


def test_removing_selected_rows_is_one_undo_step(qtbot: QtBot) -> None:
    document = sample_document()
    before = document.meeting
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 1, NAME)
    QTest.keyClick(form.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    steps = document.undo_stack.count()
    QTest.keyClick(form.table, Qt.Key.Key_Delete)  # no question: Ctrl+Z brings them back
    assert [a.id for a in document.meeting.attendance[:3]] == ["batool", "moore", "singh-sangha"]
    assert names_shown(form)[:2] == ["Batool", "Moore"]
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Remove 2 people"
    assert current(form) == (1, NAME)  # the clerk stays where the rows were

    document.undo_stack.undo()
    assert document.meeting == before
    assert names_shown(form)[:4] == ["Batool", "Bonham", "Gregg", "Moore"]
    document.undo_stack.redo()
    assert len(document.meeting.attendance) == 7
    assert form.model.rowCount() == 7


def test_the_remove_button_removes_the_current_person(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 8, NAME)
    QTest.mouseClick(form.remove_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in document.meeting.attendance][-1] == "pantling"
    assert document.undo_stack.undoText() == "Remove Jennifer Day"
    assert current(form) == (7, NAME)
    assert form.table.hasFocus()


def test_moving_a_row_keeps_the_clerk_on_it_and_undoes(qtbot: QtBot) -> None:
    document = sample_document()
    before = document.meeting
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 0, STATUS)
    assert not form.up_button.isEnabled()
    QTest.keyClick(form.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [a.id for a in document.meeting.attendance[:2]] == ["bonham", "batool"]
    assert names_shown(form)[:2] == ["Bonham", "Batool"]
    assert current(form) == (1, STATUS)
    assert form.up_button.isEnabled()
    QTest.keyClick(form.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [a.id for a in document.meeting.attendance[:3]] == ["bonham", "gregg", "batool"]
    QTest.mouseClick(form.up_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in document.meeting.attendance[:3]] == ["bonham", "batool", "gregg"]
    assert current(form) == (1, STATUS)

    for _ in range(3):
        document.undo_stack.undo()
    assert document.meeting == before
    assert names_shown(form)[:3] == ["Batool", "Bonham", "Gregg"]


def test_the_table_follows_edits_made_elsewhere(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    document.set(("attendance", 0, "person", "name"), "Batool-Smith", "Edit name")
    assert shown(form, 0, NAME) == "Batool-Smith"
    document.remove(("attendance",), 0, "Remove")
    assert names_shown(form)[0] == "Bonham"


# --- roles -----------------------------------------------------------------------------------


def test_mark_as_chair_demotes_the_old_chair_in_one_step(qtbot: QtBot) -> None:
    document = sample_document()
    before = document.meeting
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, NAME)  # Councillor Gregg
    steps = document.undo_stack.count()
    QTest.mouseClick(form.chair_button, Qt.MouseButton.LeftButton)
    roles = {a.id: a.role for a in document.meeting.attendance}
    assert roles["gregg"] == Role.CHAIR
    assert roles["batool"] == Role.MEMBER
    assert roles["bonham"] == Role.VICE_CHAIR
    assert [a.role for a in document.meeting.attendance].count(Role.CHAIR) == 1
    assert shown(form, 0, ROLE) == "Member"
    assert shown(form, 2, ROLE) == "Chair"
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Mark Councillor Gregg as chair"

    document.undo_stack.undo()
    assert document.meeting == before
    assert shown(form, 0, ROLE) == "Chair"


def test_mark_as_vice_chair_moves_the_chair_to_vice_chair(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 0, NAME)  # the Chair becomes Vice-Chair; there is then no Chair
    QTest.mouseClick(form.vice_chair_button, Qt.MouseButton.LeftButton)
    roles = [a.role for a in document.meeting.attendance[:2]]
    assert roles == [Role.VICE_CHAIR, Role.MEMBER]
    steps = document.undo_stack.count()
    QTest.mouseClick(form.vice_chair_button, Qt.MouseButton.LeftButton)  # already: no step
    assert document.undo_stack.count() == steps


# --- the other kinds of cell -----------------------------------------------------------------


def test_status_is_chosen_in_a_drop_down(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 4, STATUS)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    combo = open_editor(form)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == [
        "Present",
        "Apologies",
        "Absent",
        "Substitute",
    ]
    assert combo.currentText() == "Present"
    QTest.keyClick(combo, Qt.Key.Key_Down)
    commit(qtbot, form, combo)
    assert document.meeting.attendance[4].status == AttendanceStatus.APOLOGIES
    assert shown(form, 4, STATUS) == "Apologies"


def test_space_ticks_remote(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 3, REMOTE)
    index = form.model.index(3, REMOTE)
    assert form.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    QTest.keyClick(form.table, Qt.Key.Key_Space)
    assert document.meeting.attendance[3].remote is True
    assert form.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    document.undo_stack.undo()
    assert document.meeting.attendance[3].remote is False


def test_times_are_typed_as_hours_and_minutes(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 1, ARRIVED)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    editor = open_editor(form)
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "17x45")  # the x is refused as it is typed
    assert editor.text() == "1745"
    commit(qtbot, form, editor)
    assert document.meeting.attendance[1].arrived_at == dt.time(17, 45)
    assert shown(form, 1, ARRIVED) == "17:45"

    QTest.keyClick(form.table, Qt.Key.Key_F2)
    editor = open_editor(form)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "17:45"
    editor.clear()  # empty means not recorded
    commit(qtbot, form, editor)
    assert document.meeting.attendance[1].arrived_at is None
    assert shown(form, 1, ARRIVED) == ""


def test_present_from_offers_the_items_by_minute_number(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 3, FROM)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    combo = open_editor(form)
    assert isinstance(combo, QComboBox)
    labels = [combo.itemText(n) for n in range(combo.count())]
    assert labels[0] == "(from the start)"
    assert "156. Questions, Representations and Statements of Case" in labels
    assert len(labels) == len(document.meeting.items) + 1
    QTest.keyClicks(combo, "156")
    commit(qtbot, form, combo)
    assert document.meeting.attendance[3].present_from_item == "questions"
    assert shown(form, 3, FROM) == "156. Questions, Representations and Statements of Case"

    QTest.keyClick(form.table, Qt.Key.Key_F2)
    combo = open_editor(form)
    assert isinstance(combo, QComboBox)
    QTest.keyClick(combo, Qt.Key.Key_Home)  # the empty choice: from the start
    commit(qtbot, form, combo)
    assert document.meeting.attendance[3].present_from_item is None
    assert shown(form, 3, FROM) == ""


def test_a_value_the_model_refuses_is_reported_not_stored(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    messages = form.context.messages
    assert isinstance(messages, RecordedMessages)
    assert not form.model.setData(form.model.index(0, NAME), 42)
    assert document.meeting.attendance[0].person.name == "Batool"
    assert not document.modified
    assert [(kind, title) for kind, title, _ in messages.shown] == [
        ("warning", "That value cannot be used")
    ]


# --- findings --------------------------------------------------------------------------------


def test_focus_path_selects_the_cell_a_finding_names(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    assert form.focus_path(("attendance", 3, "status"))
    assert current(form) == (3, STATUS)
    assert QApplication.focusWidget() is form.table
    assert form.focus_path(("attendance", 5, "person", "title"))
    assert current(form) == (5, TITLE)
    assert form.focus_path(("attendance", 6, "person"))
    assert current(form) == (6, NAME)
    assert form.focus_path(("attendance", 2))
    assert current(form) == (2, NAME)
    form.add_button.setFocus()
    assert form.focus_path(("attendance",))
    assert QApplication.focusWidget() is form.table
    assert not form.focus_path(("interests", 0, "kind"))


def test_widgets_are_named_for_tests_and_screen_readers(qtbot: QtBot) -> None:
    form = make_form(qtbot, AttendanceForm, sample_document())
    assert form.objectName() == "attendanceForm"
    assert (form.table.objectName(), form.table.accessibleName()) == (
        "attendanceTable",
        "Attendance",
    )
    for button in (
        form.add_button,
        form.remove_button,
        form.up_button,
        form.down_button,
        form.chair_button,
        form.vice_chair_button,
    ):
        assert button.objectName().endswith("Button")
        assert button.accessibleName()
        assert button.toolTip()
    headers = [
        form.model.headerData(n, Qt.Orientation.Horizontal) for n in range(form.model.columnCount())
    ]
    assert headers == [
        "Title",
        "Name",
        "Role",
        "Capacity",
        "Status",
        "Substitute for",
        "Remote",
        "Arrived",
        "Left",
        "Present from",
        "Present to",
    ]


def test_typing_in_a_drop_down_finds_a_choice_by_any_word(qtbot: QtBot) -> None:
    combo = ChoiceEditor()
    qtbot.addWidget(combo)
    for label in ("Councillor Batool", "Councillor Bonham", "Councillor Moore", "Jennifer Day"):
        combo.addItem(label)
    assert combo.find_choice("bon") == 1
    assert combo.find_choice("Councillor M") == 2
    assert combo.find_choice("day") == 3
    assert combo.find_choice("zz") == -1
    combo.setCurrentIndex(0)
    assert combo.find_choice("bb") == 1  # the same letter again: the next one
    QTest.keyClicks(combo, "jen")
    assert combo.currentText() == "Jennifer Day"


def test_tab_leaves_the_table_from_its_last_cell(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 8, FROM)
    QTest.keyClick(form.table, Qt.Key.Key_Tab)
    assert current(form) == (8, FROM + 1)  # Tab moves from cell to cell
    assert QApplication.focusWidget() is form.table
    QTest.keyClick(form.table, Qt.Key.Key_Tab)  # from the last cell: out of the table
    assert QApplication.focusWidget() is not form.table
    assert not is_editing(form)
    form.table.setFocus()
    QTest.keyClick(form.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert current(form) == (0, TITLE)
    QTest.keyClick(form.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not form.table


def test_a_choice_from_the_open_list_is_saved_at_once(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, ROLE)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    combo = open_editor(form)
    assert isinstance(combo, QComboBox)
    QTest.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens the list
    qtbot.waitUntil(combo.view().isVisible)
    QTest.keyClick(combo.view(), Qt.Key.Key_Down)
    QTest.keyClick(combo.view(), Qt.Key.Key_Down)
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)  # one Enter: chosen, saved and closed
    qtbot.waitUntil(lambda: not is_editing(form))
    assert document.meeting.attendance[2].role == Role.OFFICER
    assert shown(form, 2, ROLE) == "Officer"
