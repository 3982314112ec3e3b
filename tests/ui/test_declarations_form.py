"""The declarations form, driven through its widgets as a clerk would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Interest,
    InterestAction,
    InterestKind,
    Meeting,
    Person,
    Role,
)
from clerk_app.domain.operations import first_present_member
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.declarations_form import (
    ACTION,
    INTEREST,
    ITEM,
    KIND,
    MEMBER,
    DeclarationsForm,
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

TAB = Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier

MILLGATE = (
    "she is the Chair of the Advisory Board at Millgate School and a Member of the Alderman "
    "Richard Newtons Charity Trust"
)


def test_a_declaration_is_entered_from_the_keyboard(qtbot: QtBot) -> None:
    document = sample_document()
    document.remove(("interests",), 0, "Start with none")
    form = make_form(qtbot, DeclarationsForm, document)

    QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert document.meeting.interests[0].attendee_id == "batool"  # the first member present
    assert current(form) == (0, MEMBER)
    member = open_editor(form)
    assert isinstance(member, QComboBox)
    assert member.currentText() == "Councillor Batool"
    QTest.keyClicks(member, "moore")  # finds a word of the name, not just its start
    assert member.currentText() == "Councillor Moore"
    QTest.keyClick(member, Qt.Key.Key_Tab)  # commits, and selects the Item without editing it
    assert current(form) == (0, ITEM)
    assert not is_editing(form)
    QTest.keyClick(form.table, Qt.Key.Key_1)  # typing opens the drop-down, the key included
    item = open_editor(form)
    assert isinstance(item, QComboBox)
    QTest.keyClicks(item, "59")
    assert item.currentText() == "159. Families First Programme"
    QTest.keyClick(item, Qt.Key.Key_Tab)
    assert current(form) == (0, INTEREST)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    text = open_editor(form)
    assert isinstance(text, QPlainTextEdit)
    QTest.keyClicks(text, MILLGATE)
    commit(qtbot, form, text)
    QTest.keyClick(form.table, Qt.Key.Key_Right)
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    kind = open_editor(form)
    assert isinstance(kind, QComboBox)
    QTest.keyClicks(kind, "Other r")
    assert kind.currentText() == "Other registrable interest"
    commit(qtbot, form, kind)

    declared = document.meeting.interests[0]
    assert declared.model_dump(exclude={"id"}) == Interest(
        attendee_id="moore",
        item_id="families-first",
        interest=MILLGATE,
        kind=InterestKind.OTHER_REGISTRABLE,
        action=InterestAction.NONE,
    ).model_dump(exclude={"id"})
    assert [shown(form, 0, column) for column in (MEMBER, ITEM, INTEREST, KIND, ACTION)] == [
        "Councillor Moore",
        "159. Families First Programme",
        MILLGATE,
        "Other registrable interest",
        "Remained and took part",
    ]


def test_shift_enter_starts_a_new_line_in_the_interest(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, DeclarationsForm, document)
    assert form.focus_path(("interests", 0, "interest"))
    QTest.keyClick(form.table, Qt.Key.Key_F2)
    text = open_editor(form)
    assert isinstance(text, QPlainTextEdit)
    text.clear()
    QTest.keyClicks(text, "Governor at Millgate School")
    QTest.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert is_editing(form)
    QTest.keyClicks(text, "Trustee of a local charity")
    commit(qtbot, form, text)
    assert document.meeting.interests[0].interest == (
        "Governor at Millgate School\nTrustee of a local charity"
    )
    document.undo_stack.undo()
    assert document.meeting.interests[0].interest == MILLGATE


def test_an_attendee_not_in_the_attendance_is_shown_as_such(qtbot: QtBot) -> None:
    document = MeetingDocument(
        Meeting(
            date=dt.date(2025, 6, 18),
            attendance=(Attendance(id="moore", person=Person(title="Councillor", name="Moore")),),
            interests=(Interest(attendee_id="ghost", interest="a school governor"),),
        )
    )
    form = make_form(qtbot, DeclarationsForm, document)
    assert shown(form, 0, MEMBER) == "(not in attendance)"
    assert shown(form, 0, ITEM) == "(general declaration)"
    document.set(("interests", 0, "attendee_id"), "moore", "Fix member")
    assert shown(form, 0, MEMBER) == "Councillor Moore"


def test_the_member_column_follows_the_attendance(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, DeclarationsForm, document)
    assert shown(form, 0, MEMBER) == "Councillor Moore"
    document.set(("attendance", 3, "person", "title"), "Cllr", "Edit title")
    assert shown(form, 0, MEMBER) == "Cllr Moore"
    document.remove(("attendance",), 3, "Remove Moore")
    assert shown(form, 0, MEMBER) == "(not in attendance)"
    document.undo_stack.undo()
    assert shown(form, 0, MEMBER) == "Cllr Moore"


def test_remove_and_move_are_undoable(qtbot: QtBot) -> None:
    document = sample_document()
    original = document.meeting
    form = make_form(qtbot, DeclarationsForm, document)
    form.table.setFocus()
    QTest.keyClick(form.table, Qt.Key.Key_Insert)
    QTest.keyClick(open_editor(form), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(form))
    assert len(document.meeting.interests) == 2
    added = document.meeting.interests[1].id
    assert current(form) == (1, MEMBER)

    QTest.keyClick(form.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in document.meeting.interests] == [added, "moore-millgate"]
    assert current(form) == (0, MEMBER)
    assert shown(form, 1, INTEREST) == MILLGATE
    moved = document.meeting

    QTest.keyClick(form.table, Qt.Key.Key_Delete)
    assert [i.id for i in document.meeting.interests] == ["moore-millgate"]
    assert shown(form, 0, INTEREST) == MILLGATE
    document.undo_stack.undo()
    assert document.meeting == moved
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.meeting == original
    assert form.model.rowCount() == 1


def test_focus_path_selects_the_cell_a_finding_names(qtbot: QtBot) -> None:
    document = sample_document()
    document.insert(("interests",), 1, Interest(attendee_id="gregg"), "Add")
    form = make_form(qtbot, DeclarationsForm, document)
    assert form.focus_path(("interests", 1, "item_id"))
    assert current(form) == (1, ITEM)
    assert QApplication.focusWidget() is form.table
    assert form.focus_path(("interests", 0, "attendee_id"))
    assert current(form) == (0, MEMBER)
    assert form.focus_path(("interests", 1))
    assert current(form) == (1, INTEREST)
    form.add_button.setFocus()
    assert form.focus_path(("interests",))
    assert QApplication.focusWidget() is form.table
    assert not form.focus_path(("attendance", 0, "role"))


def test_a_new_declaration_goes_to_the_first_member_present() -> None:
    people = (
        Attendance(id="officer", role=Role.OFFICER),
        Attendance(id="away", status=AttendanceStatus.APOLOGIES),
        Attendance(id="here"),
    )
    meeting = Meeting(date=dt.date(2025, 6, 18), attendance=people)
    assert first_present_member(meeting) == "here"
    assert first_present_member(meeting.model_copy(update={"attendance": people[:2]})) == (
        "officer"
    )
    assert first_present_member(meeting.model_copy(update={"attendance": ()})) is None


def test_widgets_are_named_for_tests_and_screen_readers(qtbot: QtBot) -> None:
    form = make_form(qtbot, DeclarationsForm, sample_document())
    assert form.objectName() == "declarationsForm"
    assert (form.table.objectName(), form.table.accessibleName()) == (
        "declarationsTable",
        "Declarations of interest",
    )
    for button in (form.add_button, form.remove_button, form.up_button, form.down_button):
        assert button.objectName().endswith("Button")
        assert button.accessibleName()
        assert button.toolTip()


# --- the keyboard ----------------------------------------------------------------------------


def test_tab_selects_the_next_cell_without_editing_it(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, DeclarationsForm, document)
    assert form.focus_path(("interests", 0, "interest"))
    type_keys(Qt.Key.Key_F2, (Qt.Key.Key_End, CTRL), " (since 2019)", TAB)
    assert document.meeting.interests[0].interest == MILLGATE + " (since 2019)"
    assert current(form) == (0, KIND)
    assert not is_editing(form)
    assert focused() is form.table
    type_keys(Qt.Key.Key_Home)  # on the table: back to Member
    assert current(form) == (0, MEMBER)
    type_keys("Gregg", TAB)  # typing opens the Member drop-down
    assert document.meeting.interests[0].attendee_id == "gregg"
    assert current(form) == (0, ITEM)
    assert not is_editing(form)


def test_insert_adds_a_declaration_while_a_cell_is_being_edited(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, DeclarationsForm, document)
    assert form.focus_path(("interests", 0, "interest"))
    type_keys(Qt.Key.Key_F2, (Qt.Key.Key_End, CTRL), ".", Qt.Key.Key_Insert)
    assert document.meeting.interests[0].interest == MILLGATE + "."
    assert len(document.meeting.interests) == 2
    assert current(form) == (1, MEMBER)
    assert is_editing(form)
    type_keys(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(form))
    form.remove_button.setFocus()
    type_keys(Qt.Key.Key_Insert)  # from a button of the form too
    assert len(document.meeting.interests) == 3
    type_keys(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(form))
    form.add_row()  # what the window calls for Insert on the navigator's row
    assert len(document.meeting.interests) == 4
    assert current(form) == (3, MEMBER)


def test_a_name_not_in_the_attendance_is_refused(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, DeclarationsForm, document)
    assert form.focus_path(("interests", 0, "attendee_id"))
    type_keys("Kitterick")  # not at this meeting
    member = open_editor(form)
    assert isinstance(member, QComboBox)
    assert member.currentText() == "Councillor Moore"
    assert form.notice.text().startswith("\u201cKitterick\u201d matches no member")
    type_keys(TAB)
    assert document.meeting.interests[0].attendee_id == "moore"
    assert not document.modified
