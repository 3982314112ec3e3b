"""The attendance form, driven through its widgets as a clerk would: keys, clicks, editors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import Attendance, AttendanceStatus, Meeting, Person, Role
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.attendance_form import (
    ARRIVED,
    CAPACITY,
    FROM,
    LEFT,
    NAME,
    REMOTE,
    ROLE,
    STATUS,
    SUBSTITUTE_FOR,
    TITLE,
    TO,
    AttendanceForm,
)
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.tables import ChoiceEditor
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

TAB = Qt.Key.Key_Tab
INSERT = Qt.Key.Key_Insert


def names_shown(form: AttendanceForm) -> list[str]:
    return [shown(form, row, NAME) for row in range(form.model.rowCount())]


def without_ids(document: MeetingDocument) -> list[dict[str, Any]]:
    return [a.model_dump(exclude={"id"}) for a in document.meeting.attendance]


def role_of(document: MeetingDocument, row: int) -> Role:
    return document.meeting.attendance[row].role


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

    # Councillor Batool, Chair: the Add button opens the new row's Title for typing.
    QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert current(form) == (0, TITLE)
    title = open_editor(form)
    assert isinstance(title, QLineEdit)
    QTest.keyClicks(title, "Councillor")
    QTest.keyClick(title, Qt.Key.Key_Tab)  # saves, and selects Name without editing it
    assert current(form) == (0, NAME)
    assert not is_editing(form)
    assert focused() is table
    QTest.keyClicks(table, "B")  # typing starts editing, the key included
    name = open_editor(form)
    assert isinstance(name, QLineEdit)
    QTest.keyClicks(name, "atool")
    QTest.keyClick(name, Qt.Key.Key_Tab)
    assert current(form) == (0, ROLE)
    QTest.keyClick(table, Qt.Key.Key_C)
    role = open_editor(form)
    assert isinstance(role, QComboBox)
    QTest.keyClicks(role, "h")  # "ch": Chair, not Co-opted member
    assert role.currentText() == "Chair"
    commit(qtbot, form, role)

    # Councillor Bonham, Vice-Chair: Insert adds after the current row; F2 edits the Name.
    QTest.keyClick(table, Qt.Key.Key_Insert)
    assert current(form) == (1, TITLE)
    QTest.keyClicks(open_editor(form), "Councillor")
    QTest.keyClick(open_editor(form), Qt.Key.Key_Tab)
    QTest.keyClick(table, Qt.Key.Key_F2)
    QTest.keyClicks(open_editor(form), "Bonham")
    QTest.keyClick(open_editor(form), Qt.Key.Key_Tab)
    QTest.keyClick(table, Qt.Key.Key_V)
    assert open_editor(form).property("currentText") == "Vice-Chair"
    commit(qtbot, form, open_editor(form))

    # Councillor Gregg, Member (the default role): Shift+Tab goes back to Title, unedited.
    QTest.keyClick(table, Qt.Key.Key_Insert)
    assert current(form) == (2, TITLE)
    QTest.keyClick(open_editor(form), Qt.Key.Key_Tab)
    QTest.keyClicks(table, "G")
    QTest.keyClicks(open_editor(form), "regg")
    QTest.keyClick(open_editor(form), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current(form) == (2, TITLE)
    assert not is_editing(form)
    QTest.keyClicks(table, "C")
    QTest.keyClicks(open_editor(form), "ouncillor")
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
    assert current(form) == (3, TITLE)
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


def test_removing_a_person_removes_their_declaration_and_undo_brings_both_back(
    qtbot: QtBot,
) -> None:
    document = sample_document()
    before = document.meeting
    assert [i.attendee_id for i in before.interests] == ["moore"]
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 3, NAME)  # Councillor Moore
    type_keys(Qt.Key.Key_Delete)
    assert "moore" not in [a.id for a in document.meeting.attendance]
    assert document.meeting.interests == ()  # no declaration by nobody is left behind
    assert document.undo_stack.undoText() == "Remove Councillor Moore"
    document.undo_stack.undo()
    assert document.meeting == before


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
    assert shown(form, 3, FROM) == "156"  # the minute number; the title is the tooltip
    assert form.model.data(form.model.index(3, FROM), Qt.ItemDataRole.ToolTipRole) == (
        "156. Questions, Representations and Statements of Case"
    )

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
        form.model.headerData(n, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
        for n in range(form.model.columnCount())
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
        "Votes",
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
    go_to(qtbot, form, 8, TO)
    QTest.keyClick(form.table, Qt.Key.Key_Tab)
    assert current(form) == (8, TO + 1)  # Tab moves from cell to cell (Votes, the last)
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


# --- the keyboard: Insert anywhere, Tab without editing, drop-downs that refuse ---------------


def test_insert_adds_a_person_wherever_the_keyboard_is_in_the_form(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 1, NAME)
    form.remove_button.setFocus()
    QTest.keyClick(form.remove_button, Qt.Key.Key_Insert)
    assert len(document.meeting.attendance) == 10
    assert document.meeting.attendance[2].display_name == ""
    assert current(form) == (2, TITLE)
    assert isinstance(open_editor(form), QLineEdit)
    assert focused() is open_editor(form)


def test_insert_while_typing_in_a_cell_saves_it_and_adds_a_person(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, NAME)
    type_keys(Qt.Key.Key_F2, Qt.Key.Key_End, "s", INSERT)
    assert document.meeting.attendance[2].person.name == "Greggs"
    assert len(document.meeting.attendance) == 10
    assert current(form) == (3, TITLE)
    assert is_editing(form)
    assert document.undo_stack.undoText() == "Add person"


def test_add_row_adds_a_person_from_outside_the_form(qtbot: QtBot) -> None:
    """Insert on the navigator's Attendance row, wired as the window does: an Insert action on
    the navigator (a widget shortcut) calling the form's add_row()."""
    document = sample_document()
    window = QWidget()
    qtbot.addWidget(window)
    navigator = QListWidget(window)
    navigator.addItems(["Meeting", "Attendance", "Declarations of interest"])
    navigator.setCurrentRow(1)
    form = AttendanceForm(document, FormContext(available_styles(), RecordedMessages()), window)
    insert = QAction("Add person", navigator)
    insert.setShortcut(QKeySequence("Insert"))
    insert.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    insert.triggered.connect(form.add_row)
    navigator.addAction(insert)
    layout = QHBoxLayout(window)
    layout.addWidget(navigator)
    layout.addWidget(form, 1)
    window.resize(1100, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    go_to(qtbot, form, 8, STATUS)
    navigator.setFocus()
    qtbot.waitUntil(navigator.hasFocus)

    type_keys(INSERT, "Dr", TAB, "Okafor", TAB)
    assert len(document.meeting.attendance) == 10
    assert document.meeting.attendance[9].person == Person(title="Dr", name="Okafor")
    assert current(form) == (9, ROLE)
    assert focused() is form.table


def test_after_tab_the_next_cell_is_selected_not_edited(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 4, TITLE)
    type_keys(Qt.Key.Key_F2, (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier), "Cllr", TAB)
    assert document.meeting.attendance[4].person.title == "Cllr"
    assert current(form) == (4, NAME)
    assert not is_editing(form)
    assert focused() is form.table
    type_keys(Qt.Key.Key_Home)  # acts on the table: back to Title
    assert current(form) == (4, TITLE)
    type_keys(TAB, TAB, TAB, TAB)  # moves only: nothing is edited on the way
    assert current(form) == (4, STATUS)
    assert not is_editing(form)
    type_keys((Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier))
    assert current(form) == (4, CAPACITY)
    type_keys(Qt.Key.Key_Delete)  # removes the row, as in the table
    assert [a.id for a in document.meeting.attendance][4] == "eze-okubuiro"
    assert document.meeting.attendance[3].person.name == "Moore"


def test_a_word_that_matches_no_role_is_refused_and_the_role_kept(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    go_to(qtbot, form, 2, ROLE)  # Councillor Gregg, Member
    type_keys("Patel")  # a surname typed into Role ("p" would once have found "Also present")
    role = open_editor(form)
    assert isinstance(role, ChoiceEditor)
    assert role.currentText() == "Member"
    assert role.refused_text == "Patel"
    assert role.property("refused") is True
    assert "Patel" in role.toolTip()
    assert form.notice.isVisible()
    assert form.notice.text() == (
        "\u201cPatel\u201d matches no role, so it stays as it was. Type the start of Chair, "
        "Vice-Chair, Member, Co-opted member, Officer or Also present."
    )
    type_keys(TAB)
    assert role_of(document, 2) == Role.MEMBER
    assert not document.modified
    assert current(form) == (2, CAPACITY)
    # what is typed next starts afresh; the notice goes at the next edit
    type_keys((Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier), "o", TAB)
    assert role_of(document, 2) == Role.OFFICER
    assert not form.notice.isVisible()


def test_roles_and_statuses_are_typed_by_their_start(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    typed = {
        "c": Role.CHAIR,
        "v": Role.VICE_CHAIR,
        "m": Role.MEMBER,
        "co": Role.CO_OPTED,
        "o": Role.OFFICER,
        "a": Role.OTHER,
        "also p": Role.OTHER,
    }
    for text, role in typed.items():
        go_to(qtbot, form, 3, ROLE)
        type_keys(text, TAB)
        assert document.meeting.attendance[3].role == role, text
    for text in ("p", "present", "x", "vz"):  # no role starts so: Also present stays
        go_to(qtbot, form, 3, ROLE)
        type_keys(text, TAB)
        assert document.meeting.attendance[3].role == Role.OTHER, text
    statuses = {
        "ap": AttendanceStatus.APOLOGIES,
        "ab": AttendanceStatus.ABSENT,
        "s": AttendanceStatus.SUBSTITUTE,
        "p": AttendanceStatus.PRESENT,
    }
    for text, status in statuses.items():
        go_to(qtbot, form, 3, STATUS)
        type_keys(text, TAB)
        assert document.meeting.attendance[3].status == status, text
    go_to(qtbot, form, 3, STATUS)
    type_keys("Moore", TAB)
    assert document.meeting.attendance[3].status == AttendanceStatus.PRESENT


# --- sixty people at speed -------------------------------------------------------------------

SURNAMES = [
    "Patel",
    "Vaz",
    "Chan",
    "Okafor",
    "Adeyemi",
    "Smith",
    "Moore",
    "Murphy",
    "Singh",
    "Cooper",
    "Officer",
    "Osei",
    "Ahmed",
    "Ali",
    "Byrne",
    "Clarke",
    "Davies",
    "Evans",
    "Fraser",
    "Grant",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Mason",
    "Nolan",
    "Owen",
    "Parker",
    "Quinn",
    "Reid",
    "Shaw",
    "Taylor",
    "Usman",
    "Vince",
    "Walsh",
    "Young",
    "Zaman",
    "Abbott",
    "Bell",
    "Carter",
    "Dixon",
    "Ellis",
    "Fox",
    "Green",
    "Hall",
    "Irwin",
    "Jackson",
    "Kerr",
    "Lamb",
    "Mills",
    "Nash",
    "Oakes",
    "Price",
    "Rose",
    "Stone",
    "Turner",
    "Upton",
    "Vale",
    "Webb",
]
TITLES = ("Councillor", "Councillor", "Dr", "Mrs", "", "Mr", "Ms", "Councillor")


def sixty_people() -> list[tuple[Attendance, list[object]]]:
    """Sixty people, each with the keys a typist would press for them after Insert."""
    people: list[tuple[Attendance, list[object]]] = []
    for n, surname in enumerate(SURNAMES):
        title = TITLES[n % len(TITLES)]
        role, role_keys = Role.MEMBER, ""
        if n == 0:
            role, role_keys = Role.CHAIR, "c"
        elif n == 1:
            role, role_keys = Role.VICE_CHAIR, "v"
        elif 40 <= n < 46:
            role, role_keys = Role.CO_OPTED, "co"
        elif 46 <= n < 52:
            role, role_keys = Role.OFFICER, "o"
        elif n >= 52:
            role, role_keys = Role.OTHER, "a"
        elif n % 5 == 0:
            role_keys = "m"  # typed, though it is the default
        capacity = (
            f"Representative {n}" if role in (Role.CO_OPTED, Role.OFFICER, Role.OTHER) else ""
        )
        status, status_keys, substitute_for = AttendanceStatus.PRESENT, "", ""
        if n % 13 == 3:
            status, status_keys = AttendanceStatus.APOLOGIES, "ap"
        elif n % 17 == 5:
            status, status_keys = AttendanceStatus.ABSENT, "ab"
        elif n % 11 == 7:
            status, status_keys = AttendanceStatus.SUBSTITUTE, "s"
            substitute_for = f"Councillor {SURNAMES[n - 1]}"
        remote = n % 7 == 2
        arrived = dt.time(17, 45) if n % 9 == 4 else None
        left = dt.time(19, 10) if n % 10 == 8 else None
        person = Attendance(
            person=Person(title=title, name=surname),
            role=role,
            capacity=capacity,
            status=status,
            substitute_for=substitute_for,
            remote=remote,
            arrived_at=arrived,
            left_at=left,
        )
        cells: list[object] = [
            title, surname, role_keys, capacity, status_keys, substitute_for,
            Qt.Key.Key_Space if remote else "", "17:45" if arrived else "", "1910" if left else "",
        ]  # fmt: skip
        while cells and cells[-1] == "":
            cells.pop()  # nothing more for this person: the typist presses Insert at once
        keys: list[object] = []
        for number, cell in enumerate(cells):
            if number:
                keys.append(TAB)
            if cell != "":
                keys.append(cell)
        people.append((person, keys))
    return people


def test_sixty_people_typed_at_speed_are_exactly_what_was_typed(qtbot: QtBot) -> None:
    document = MeetingDocument(Meeting(date=dt.date(2025, 6, 18)))
    form = make_form(qtbot, AttendanceForm, document)
    form.table.setFocus()
    people = sixty_people()
    for _person, keys in people:
        type_keys(INSERT, *keys)  # type: ignore[arg-type]
    type_keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_editing(form))

    assert without_ids(document) == [p.model_dump(exclude={"id"}) for p, _ in people]
    assert [a.role for a in document.meeting.attendance].count(Role.CHAIR) == 1
    assert names_shown(form) == list(SURNAMES)
    assert form.model.rowCount() == 60


# --- at 1366x768 ----------------------------------------------------------------------------


def test_on_a_1366_by_768_screen_the_columns_a_clerk_needs_are_in_view(qtbot: QtBot) -> None:
    """1366 px less the navigator (240) and the preview (410) leaves the form about 700 px:
    every column but the part attendance by item (reached by Tab) is in view, whole, headers
    and names included."""
    document = sample_document()
    form = make_form(qtbot, AttendanceForm, document)
    form.resize(700, 500)
    qtbot.waitUntil(lambda: form.table.viewport().width() < 700)
    table = form.table
    room = table.viewport().width()
    for column in range(TITLE, LEFT + 1):
        end = table.columnViewportPosition(column) + table.columnWidth(column)
        header = form.model.headerData(column, Qt.Orientation.Horizontal)
        assert table.columnViewportPosition(column) >= 0 and end <= room, header
        lines = str(header).split("\n")
        needed = max(table.horizontalHeader().fontMetrics().horizontalAdvance(t) for t in lines)
        assert table.columnWidth(column) >= needed + 8, header  # the header is never cut
    assert table.horizontalScrollBar().value() == 0
    delegate = table.itemDelegate()
    for row in range(form.model.rowCount()):
        for column in (NAME, CAPACITY, ROLE):  # wrapped, never cut short
            index = form.model.index(row, column)
            option = _option(table, index)
            needed = delegate.sizeHint(option, index).height()
            assert table.rowHeight(row) >= needed, (row, column)
    form.grab().save("/tmp/attendance-700.png")

    # Tab reaches the columns beyond, and the table scrolls to show them
    go_to(qtbot, form, 0, LEFT)
    type_keys(TAB)
    assert current(form) == (0, FROM)
    rect = table.visualRect(form.model.index(0, FROM))
    assert rect.left() >= 0 and rect.right() <= room
    type_keys(TAB)
    assert current(form) == (0, TO)
    rect = table.visualRect(form.model.index(0, TO))
    assert rect.left() >= 0 and rect.right() <= room
    assert SUBSTITUTE_FOR < LEFT < FROM


def _option(table: QWidget, index: Any) -> Any:
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    assert isinstance(table, QTableView)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    return option
