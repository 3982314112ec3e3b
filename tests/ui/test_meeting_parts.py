"""Format 2's meeting-level parts, edited through their widgets as a clerk would: the Meeting
form's new fields, the attendance's name parts, sessions and their roll calls, adjournments,
sections, speakers and signatories. Typing goes at speed (tests/ui/table_helpers.type_keys);
each stay in a field is one undo step, the model gets the value, and undo puts it back."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain import operations
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.edit import set_at
from clerk_app.domain.model import (
    AttendanceStatus,
    BreakKind,
    Meeting,
    MeetingKind,
    Position,
    RollAnswer,
    Session,
    SpeakerKind,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.adjournments_form import AFTER, FROM, RESUMED_ON, AdjournmentsForm
from clerk_app.ui.forms.attendance_form import AttendanceForm
from clerk_app.ui.forms.base import Form, FormContext
from clerk_app.ui.forms.close_form import CloseForm
from clerk_app.ui.forms.meeting_form import MeetingForm
from clerk_app.ui.forms.record_form import RecordListForm
from clerk_app.ui.forms.sections_form import SectionsForm
from clerk_app.ui.forms.sessions_form import DATE, SessionsForm
from clerk_app.ui.forms.signatories_form import SIGNED_ON, SignatoriesForm
from clerk_app.ui.forms.speakers_form import ITEM, POSITION, SpeakersForm
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import NavigatorModel
from clerk_app.ui.navigator import Section as NavSection
from clerk_app.ui.tables import RecordTable
from tests.ui.conftest import MakeWindow
from tests.ui.table_helpers import focused, is_editing, open_editor, sample_document, type_keys
from tests.ui.test_mnemonics import letters

F = TypeVar("F", bound=Form)
ENTER = Qt.Key.Key_Return


def show(qtbot: QtBot, kind: type[F], document: MeetingDocument) -> F:
    form = kind(document, FormContext(available_styles(), RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(733, 607)  # the form's room in the window on a 1366x768 laptop
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def opened(qtbot: QtBot, kind: type[F]) -> tuple[F, MeetingDocument, Meeting]:
    """A form of `kind` shown over the sample meeting, its document, and the meeting as it was."""
    document = sample_document()
    before = document.meeting
    return show(qtbot, kind, document), document, before


def with_one_session() -> MeetingDocument:
    """The sample meeting with one session, "Regular", its roll call empty."""
    document = sample_document()
    document.edit(
        document.meeting.model_copy(update={"sessions": (Session(title="Regular"),)}), "set up"
    )
    return document


def undo_all(document: MeetingDocument) -> Meeting:
    """Undo every step; the meeting as that leaves it."""
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    return document.meeting


def steps(document: MeetingDocument) -> int:
    return document.undo_stack.count()


def cell_text(table: RecordTable, row: int, column: int) -> object:
    return table.record_model.data(table.record_model.index(row, column))


def type_into_cell(qtbot: QtBot, table: RecordTable, row: int, column: int, text: str) -> None:
    """Go to the cell, type (which opens its editor), and Enter."""
    table.go_to(row, column)
    type_keys(text, ENTER)
    qtbot.waitUntil(lambda: not table.editing())


def add_row_typing(qtbot: QtBot, form: RecordListForm, text: str) -> None:
    """Insert from the table: a new row, its first cell open; type and Enter."""
    form.table.setFocus()
    type_keys(Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: is_editing(form))
    type_keys(text, ENTER)
    qtbot.waitUntil(lambda: not is_editing(form))


# --- the Meeting form ------------------------------------------------------------------------


def test_the_preamble_typed_at_speed_is_one_undo_step(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, MeetingForm)
    form.preamble.setFocus()
    count = steps(document)
    type_keys("Held in person at City Hall and online.")
    assert document.meeting.preamble == "Held in person at City Hall and online."
    assert steps(document) == count + 1
    assert document.undo_stack.undoText() == "Edit preamble"
    document.undo_stack.undo()
    assert document.meeting == before
    assert form.preamble.toPlainText() == ""


def test_kind_sequence_public_and_first_decision_number(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, MeetingForm)
    assert form.kind_combo.currentText() == "Ordinary"
    form.kind_combo.setFocus()
    type_keys("Ex")
    form.kind_combo.activated.emit(form.kind_combo.currentIndex())  # what choosing it sends
    assert document.meeting.kind is MeetingKind.EXTRAORDINARY

    for spin, field, typed, value in (
        (form.sequence, "sequence", "8", 8),
        (form.public_present, "public_present", "0", 0),  # nobody came: not "not recorded"
        (form.first_decision, "first_decision_number", "117", 117),
    ):
        assert spin.text() in ("Not given", "Not recorded")
        assert getattr(document.meeting, field) is None
        spin.setFocus()
        spin.selectAll()
        count = steps(document)
        type_keys(typed)
        assert getattr(document.meeting, field) == value
        assert steps(document) == count + 1, field
        spin.setValue(spin.minimum())  # the lowest value: left out again
        assert getattr(document.meeting, field) is None
    assert undo_all(document) == before


def test_the_closing_note_and_a_signatory_on_the_close_page(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, CloseForm)
    assert "house style" in form.closing_note.placeholderText()
    form.closing_note.setFocus()
    type_keys("The meeting adjourned at 9.40 pm.")
    assert document.meeting.closing_note == "The meeting adjourned at 9.40 pm."
    assert "note above" in form.sentence.text()

    signatories = form.signatories
    count = steps(document)
    add_row_typing(qtbot, signatories, "Chair")
    assert [s.role for s in document.meeting.signatories] == ["Chair"]
    assert steps(document) == count + 2  # the new row, and its Role
    type_into_cell(qtbot, signatories.table, 0, SIGNED_ON, "1/7/25")
    assert document.meeting.signatories[0].signed_on == dt.date(2025, 7, 1)
    assert cell_text(signatories.table, 0, SIGNED_ON) == "01/07/2025"
    assert form.focus_path(("signatories", 0, "name"))
    assert undo_all(document) == before
    assert signatories.model.rowCount() == 0


def test_a_date_the_clerk_cannot_mean_is_refused_and_the_cell_kept(qtbot: QtBot) -> None:
    form, document, _ = opened(qtbot, SignatoriesForm)
    add_row_typing(qtbot, form, "Clerk")
    count = steps(document)
    type_into_cell(qtbot, form.table, 0, SIGNED_ON, "31/02/2025")
    assert document.meeting.signatories[0].signed_on is None
    assert steps(document) == count
    messages = form.context.messages
    assert isinstance(messages, RecordedMessages)
    assert any("calendar" in text for _kind, _title, text in messages.shown)


# --- attendance: name parts ------------------------------------------------------------------


def test_name_parts_of_the_current_person_are_typed_under_the_table(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, AttendanceForm)
    form.table.go_to(3, 1)
    assert form.given_name.isEnabled()
    form.given_name.setFocus()
    count = steps(document)
    type_keys("Lucy")
    assert document.meeting.attendance[3].person.given_name == "Lucy"
    assert steps(document) == count + 1
    assert document.meeting.attendance[3].person.initial_name == "L. Moore"
    form.organisation.setFocus()
    type_keys("Millgate School")
    assert document.meeting.attendance[3].person.organisation == "Millgate School"
    # another row shows its own parts
    form.table.go_to(2, 1)
    assert form.given_name.text() == ""
    form.table.go_to(3, 1)
    assert form.given_name.text() == "Lucy"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.meeting == before
    assert form.given_name.text() == ""


def test_without_people_the_name_parts_are_empty_and_disabled(qtbot: QtBot) -> None:
    document = MeetingDocument(Meeting(date=dt.date(2025, 6, 18)))
    form = show(qtbot, AttendanceForm, document)
    assert not form.given_name.isEnabled()
    form.add_person()
    assert form.given_name.isEnabled()
    document.undo_stack.undo()
    assert not form.given_name.isEnabled() and form.given_name.text() == ""


# --- sessions and their roll calls -------------------------------------------------------------


def test_a_session_is_added_and_typed_from_the_keyboard(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, SessionsForm)
    assert not form.fill_button.isEnabled()  # no session, no roll to fill
    count = steps(document)
    add_row_typing(qtbot, form, "Closed Session")
    assert [s.title for s in document.meeting.sessions] == ["Closed Session"]
    assert steps(document) == count + 2
    assert form.fill_button.isEnabled()
    assert "Closed Session" in form.roll_caption.text()
    type_keys(Qt.Key.Key_Tab)  # Kind, unedited
    type_keys("c")
    editor = open_editor(form)
    assert isinstance(editor, QComboBox) and editor.currentText() == "Closed"
    type_keys(ENTER)
    qtbot.waitUntil(lambda: not is_editing(form))
    type_into_cell(qtbot, form.table, 0, DATE, "18062025")
    session = document.meeting.sessions[0]
    assert session.kind.value == "closed" and session.date == dt.date(2025, 6, 18)
    assert undo_all(document) == before
    assert form.model.rowCount() == 0 and not form.fill_button.isEnabled()


def test_the_roll_call_is_filled_from_the_attendance_in_one_step(qtbot: QtBot) -> None:
    document = sample_document()
    meeting = document.meeting
    # Gregg sent apologies; Moore arrived at 17:45; the rest were present
    meeting = set_at(meeting, ("attendance", 2, "status"), AttendanceStatus.APOLOGIES)
    meeting = set_at(meeting, ("attendance", 3, "arrived_at"), dt.time(17, 45))
    meeting = meeting.model_copy(update={"sessions": (Session(title="Regular Session"),)})
    document.edit(meeting, "setting up")
    form = show(qtbot, SessionsForm, document)
    count = steps(document)
    QTest.mouseClick(form.fill_button, Qt.MouseButton.LeftButton)
    assert steps(document) == count + 1
    roll = document.meeting.sessions[0].roll_call
    members = [a for a in meeting.attendance if a.is_member]
    assert [e.attendee_id for e in roll] == [a.id for a in members]
    answers = {e.attendee_id: (e.answer, e.time) for e in roll}
    assert answers[meeting.attendance[2].id] == (RollAnswer.EXCUSED, None)
    assert answers[meeting.attendance[3].id] == (RollAnswer.LATE, dt.time(17, 45))
    assert answers[meeting.attendance[0].id] == (RollAnswer.PRESENT, None)
    assert form.roll_model.rowCount() == len(members)
    assert cell_text(form.roll_table, 0, 0) == meeting.attendance[0].display_name
    # again: nobody to add, nothing done, and the clerk is told
    QTest.mouseClick(form.fill_button, Qt.MouseButton.LeftButton)
    assert steps(document) == count + 1
    document.undo_stack.undo()
    assert document.meeting.sessions[0].roll_call == ()
    assert form.roll_model.rowCount() == 0


def test_roll_call_entries_are_typed_moved_and_removed(qtbot: QtBot) -> None:
    document = with_one_session()
    form = show(qtbot, SessionsForm, document)
    form.fill_roll()
    roll = form.roll_table
    first, second = (e.attendee_id for e in document.meeting.sessions[0].roll_call[:2])
    roll.go_to(0, 1)  # Answer
    type_keys("a", ENTER)
    qtbot.waitUntil(lambda: not roll.editing())
    assert document.meeting.sessions[0].roll_call[0].answer is RollAnswer.ABSENT
    type_keys((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier))
    assert [e.attendee_id for e in document.meeting.sessions[0].roll_call[:2]] == [second, first]
    assert roll.current_row() == 1
    count = len(document.meeting.sessions[0].roll_call)
    type_keys(Qt.Key.Key_Delete)
    assert len(document.meeting.sessions[0].roll_call) == count - 1
    assert first not in {e.attendee_id for e in document.meeting.sessions[0].roll_call}
    roll.setFocus()
    type_keys(Qt.Key.Key_Insert)  # Insert in the roll call adds to it, not a session
    qtbot.waitUntil(roll.editing)
    assert len(document.meeting.sessions) == 1
    assert len(document.meeting.sessions[0].roll_call) == count
    # after the current entry, calling the member not on the roll
    assert document.meeting.sessions[0].roll_call[2].attendee_id == first


def test_removing_an_attendee_does_what_the_domain_does_to_the_roll(qtbot: QtBot) -> None:
    document = with_one_session()
    sessions = show(qtbot, SessionsForm, document)
    sessions.fill_roll()
    before = document.meeting
    gone = before.attendance[1]
    people = show(qtbot, AttendanceForm, document)
    people.table.go_to(1, 1)
    type_keys(Qt.Key.Key_Delete)
    assert document.meeting == operations.remove_attendees(before, [gone.id])
    # the roll call shows whatever the domain left: the others by name, a dangling one as such
    roll = document.meeting.sessions[0].roll_call
    assert sessions.roll_model.rowCount() == len(roll)
    for row, entry in enumerate(roll):
        person = document.meeting.attendee(entry.attendee_id)
        expected = person.display_name if person else "(not in attendance)"
        assert cell_text(sessions.roll_table, row, 0) == expected
    document.undo_stack.undo()
    assert document.meeting == before
    assert sessions.roll_model.rowCount() == len(before.sessions[0].roll_call)


def test_the_roll_call_follows_the_current_session(qtbot: QtBot) -> None:
    document = sample_document()
    two = (Session(title="Closed Session"), Session(title="Regular Session"))
    document.edit(document.meeting.model_copy(update={"sessions": two}), "set up")
    form = show(qtbot, SessionsForm, document)
    form.table.go_to(1, 0)
    form.fill_roll()
    assert document.meeting.sessions[0].roll_call == ()
    assert document.meeting.sessions[1].roll_call != ()
    form.table.go_to(0, 0)
    assert form.roll_model.rowCount() == 0 and "Closed Session" in form.roll_caption.text()
    form.table.go_to(1, 0)
    assert form.roll_model.rowCount() == len(document.meeting.sessions[1].roll_call)
    item = document.meeting.items[2].id
    document.set(("items", 2, "session_id"), document.meeting.sessions[1].id, "Put in session")
    before = document.meeting
    form.remove_selected()  # the second session goes, and the roll shows the first's
    assert form.roll_model.session == 0 and form.roll_model.rowCount() == 0
    assert document.meeting == operations.remove_session(before, before.sessions[1].id)
    assert document.meeting.item(item) is not None
    assert document.meeting.items[2].session_id is None  # the item is in no session now
    document.undo_stack.undo()
    assert document.meeting == before


def test_removing_a_section_takes_its_items_out_of_it(qtbot: QtBot) -> None:
    form, document, _ = opened(qtbot, SectionsForm)
    add_row_typing(qtbot, form, "Consent agenda")
    document.set(("items", 5, "section_id"), document.meeting.sections[0].id, "Put in section")
    before = document.meeting
    form.table.go_to(0, 0)
    type_keys(Qt.Key.Key_Delete)
    assert document.meeting == operations.remove_section(before, before.sections[0].id)
    assert document.meeting.items[5].section_id is None
    assert not form.items_list.isEnabled()
    document.undo_stack.undo()
    assert document.meeting == before
    assert form.items_list.item(5).checkState() == Qt.CheckState.Checked


# --- adjournments, sections, speakers --------------------------------------------------------


def test_an_adjournment_after_an_item_chosen_by_its_minute_number(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, AdjournmentsForm)
    add_row_typing(qtbot, form, "r")  # Kind: Recess
    assert document.meeting.adjournments[0].kind is BreakKind.RECESS
    numbering = MinuteNumbering(document.meeting, form.context.house_style(document.meeting))
    target = document.meeting.items[6]
    label = numbering.label_of(target.id)
    assert label
    count = steps(document)
    type_into_cell(qtbot, form.table, 0, AFTER, label)
    assert document.meeting.adjournments[0].after_item_id == target.id
    assert steps(document) == count + 1
    assert cell_text(form.table, 0, AFTER) == label
    type_into_cell(qtbot, form.table, 0, FROM, "1810")
    type_into_cell(qtbot, form.table, 0, RESUMED_ON, "2025-06-25")
    adjournment = document.meeting.adjournments[0]
    assert adjournment.from_time == dt.time(18, 10)
    assert adjournment.resumed_on == dt.date(2025, 6, 25)
    assert undo_all(document) == before


def test_items_are_put_in_a_section_with_space(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, SectionsForm)
    assert not form.items_list.isEnabled()
    add_row_typing(qtbot, form, "Part A")
    section = document.meeting.sections[0]
    assert section.title == "Part A" and form.items_list.isEnabled()
    form.items_list.setFocus()
    form.items_list.setCurrentRow(2)
    count = steps(document)
    type_keys(Qt.Key.Key_Space)
    assert document.meeting.items[2].section_id == section.id
    assert steps(document) == count + 1
    assert form.items_list.item(2).checkState() == Qt.CheckState.Checked
    type_keys(Qt.Key.Key_Down, Qt.Key.Key_Space)
    assert document.meeting.items[3].section_id == section.id
    # a second section says which items are in the first
    form.table.setFocus()
    form.table.go_to(0, 0)
    add_row_typing(qtbot, form, "Part B")
    assert form.table.current_row() == 1
    assert "(in Part A)" in form.items_list.item(2).text()
    assert form.items_list.item(2).checkState() == Qt.CheckState.Unchecked
    form.items_list.setFocus()
    form.items_list.setCurrentRow(3)
    type_keys(Qt.Key.Key_Space)  # moved to Part B
    assert document.meeting.items[3].section_id == document.meeting.sections[1].id
    document.undo_stack.undo()
    assert document.meeting.items[3].section_id == section.id
    assert form.items_list.item(3).checkState() == Qt.CheckState.Unchecked
    assert undo_all(document) == before


def test_a_deputation_with_its_name_parts_item_and_position(qtbot: QtBot) -> None:
    form, document, before = opened(qtbot, SpeakersForm)
    add_row_typing(qtbot, form, "d")
    assert document.meeting.speakers[0].kind is SpeakerKind.DEPUTATION
    type_keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past Title to Name, unedited
    count = steps(document)
    type_keys("Joan Smith", ENTER)
    qtbot.waitUntil(lambda: not is_editing(form))
    assert document.meeting.speakers[0].person.name == "Joan Smith"
    assert steps(document) == count + 1
    numbering = MinuteNumbering(document.meeting, form.context.house_style(document.meeting))
    label = numbering.label_of(document.meeting.items[7].id)
    assert label
    type_into_cell(qtbot, form.table, 0, ITEM, label)
    type_into_cell(qtbot, form.table, 0, POSITION, "a")
    speaker = document.meeting.speakers[0]
    assert speaker.item_id == document.meeting.items[7].id
    assert speaker.position is Position.AGAINST
    form.organisation.setFocus()
    count = steps(document)
    type_keys("Friends of the Park")
    assert document.meeting.speakers[0].person.organisation == "Friends of the Park"
    assert steps(document) == count + 1
    document.undo_stack.undo()
    assert document.meeting.speakers[0].person.organisation == ""
    assert form.organisation.text() == ""
    assert undo_all(document) == before


def test_a_typed_cell_editor_is_a_line_with_its_column_name(qtbot: QtBot) -> None:
    form, _document, _ = opened(qtbot, SpeakersForm)
    add_row_typing(qtbot, form, "p")
    form.table.go_to(0, 2)
    type_keys("D")
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.accessibleName() == "Name"
    type_keys(Qt.Key.Key_Escape)


# --- what changed, and the window ------------------------------------------------------------


def test_meeting_change_names_the_parts_and_a_keystroke_in_an_item_none() -> None:
    meeting = sample_document().meeting
    sessions = meeting.model_copy(update={"sessions": (Session(title="Regular"),)})
    change = MeetingChange.between(meeting, sessions)
    assert change.parts == {"sessions"} and not change.only_items and not change.items
    assert change.touches_item(meeting.items[0].id)  # an item's form offers the sessions
    typed = set_at(meeting, ("items", 4, "title"), "Dates")
    keystroke = MeetingChange.between(meeting, typed)
    assert keystroke.parts == frozenset() and keystroke.only_items
    preamble = MeetingChange.between(meeting, set_at(meeting, ("preamble",), "Online."))
    assert preamble.header and not preamble.parts
    decisions = set_at(meeting, ("first_decision_number",), 117)
    assert MeetingChange.between(meeting, decisions).numbering
    assert MeetingChange.everything().parts >= {"sessions", "speakers", "signatories"}
    # an item's label, numbering, parent, section or session changes how others read
    for field, value in (
        ("label", "4.1"),
        ("numbered", False),
        ("parent_id", meeting.items[2].id),
        ("section_id", "part-a"),
        ("session_id", "closed"),
    ):
        placed = MeetingChange.between(meeting, set_at(meeting, ("items", 3, field), value))
        assert placed.numbering and not placed.only_items, field


def test_the_navigator_follows_an_items_label_and_not_its_text(qtbot: QtBot) -> None:
    document = sample_document()
    model = NavigatorModel(document)
    model.setParent(document)  # goes with the document at the end of the test
    row = model.item_row(document.meeting.items[4].id)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    document.set(("items", 4, "department"), "Children's Services", "Edit department")
    assert changed == []  # a keystroke in an item's other fields redraws no row
    document.set(("items", 4, "label"), "4A", "Edit label")
    assert str(model.data(model.index(row))).startswith("4A. ")
    following = model.data(model.index(row + 1))
    number = MinuteNumbering(document.meeting).label(5)
    assert str(following).startswith(f"{number}. ")  # the run passes over the labelled item


def test_the_parts_have_navigator_rows_insert_and_findings_paths(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window: MainWindow = make_window()
    window.resize(1366, 768)
    window.set_document(sample_document())
    document = window.document
    assert document is not None
    model = window.nav_model
    labels = [model.data(model.index(row)) for row in range(model.first_item_row())]
    assert labels[3:] == [
        "Sessions and roll call",
        "Speakers and deputations",
        "Sections",
        "Adjournments and recesses",
    ]
    for kind, page in (
        ("sessions", window.sessions_form),
        ("speakers", window.speakers_form),
        ("sections", window.sections_form),
        ("adjournments", window.adjournments_form),
    ):
        window.navigator.choose(NavSection(kind))
        assert window.forms.currentWidget() is page
        window.navigator.setFocus()
        count = len(getattr(document.meeting, kind))
        QTest.keyClick(window.navigator, Qt.Key.Key_Insert)
        assert len(getattr(document.meeting, kind)) == count + 1, kind
        clashes = {letter: n for letter, n in letters(window).items() if n > 1}
        assert clashes == {}, f"{kind}: Alt+{', Alt+'.join(clashes)} reach more than one thing"
        assert window.section_of((kind, 0, "note")) == NavSection(kind)
    assert window.section_of(("signatories", 0, "role")) == NavSection("close")
    assert window.section_of(("closing_note",)) == NavSection("close")
    window.go_to_path(("speakers", 0, "summary"))
    assert window.forms.currentWidget() is window.speakers_form
    assert window.speakers_form.table.currentIndex().column() == 7
    # undo takes the clerk to the part it changed
    window.show_section(NavSection("meeting"))
    document.undo_stack.undo()  # the adjournment added last
    assert window.navigator.current_section == NavSection("adjournments")
    window.show_section(NavSection("close"))
    clashes = {letter: n for letter, n in letters(window).items() if n > 1}
    assert clashes == {}
    window.show_section(NavSection("meeting"))
    clashes = {letter: n for letter, n in letters(window).items() if n > 1}
    assert clashes == {}
    document.undo_stack.setClean()  # nothing to ask about when the window closes
