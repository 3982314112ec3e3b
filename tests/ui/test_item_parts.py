"""The item form's format-2 parts, driven through their widgets as a clerk would, from the
keyboard and at typing speed: the item's number and place, its agenda, an exempt item's
published parts, the resolution's new fields (no lead word, an amendment relating to its motion,
unanimous, a recorded vote in roll-call order with notes, readings), the table editor and the
notice-of-motion editor. Every edit is one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import (
    Attendance,
    Instrument,
    Item,
    LeadWord,
    ListEntry,
    Meeting,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    Outcome,
    Person,
    Reading,
    Resolution,
    Role,
    Section,
    Session,
    Table,
    VoteChoice,
)
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.body_editor import MarkupHighlighter
from clerk_app.ui.forms.binding import FormContext
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.forms.resolutions_panel import ResolutionGroup
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.widgets import value_fields

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO = Qt.KeyboardModifier.NoModifier
TYPING = 5
"""Milliseconds between keystrokes: a quick typist (well within the two seconds that merge
typing into one undo step)."""


def person(key: str, name: str, role: Role = Role.MEMBER) -> Attendance:
    return Attendance(id=key, person=Person(title="Councillor", name=name), role=role)


def motion(text: str, **fields: object) -> Resolution:
    return Resolution.model_validate({"resolutions": (ListEntry(text=text),), **fields})


def meeting() -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        house_style="leicester",
        first_minute_number=1,
        attendance=(
            person("moore", "Moore", Role.CHAIR),
            person("batool", "Batool"),
            person("gregg", "Gregg"),
            person("singh", "Singh"),
        ),
        sections=(Section(id="part-a", title="Part A"), Section(id="part-b", title="Part B")),
        sessions=(Session(id="closed", title="Closed Session"), Session(id="open", title="Open")),
        items=(
            Item(id="i1", title="Apologies"),
            Item(id="i2", title="Budget"),
            Item(
                id="i3",
                title="Council Tax",
                blocks=(
                    motion("That the council tax be raised by 4.99%."),
                    motion("That the rise be 2.99%."),
                    motion("That the council tax be raised by 2.99%."),
                ),
            ),
            Item(id="i4", title="Land at Mill Lane", exempt=True),
        ),
    )


@pytest.fixture
def document() -> MeetingDocument:
    return MeetingDocument(meeting())


def make_form(qtbot: QtBot, document: MeetingDocument, item_id: str) -> ItemForm:
    form = ItemForm(document, FormContext(available_styles(), RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(900, 900)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.set_item(item_id)
    QApplication.processEvents()
    return form


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def item(document: MeetingDocument, item_id: str) -> Item:
    found = document.meeting.item(item_id)
    assert found is not None
    return found


def resolution(document: MeetingDocument, item_id: str, n: int) -> Resolution:
    blocks = [b for b in item(document, item_id).blocks if isinstance(b, Resolution)]
    return blocks[n]


class Steps:
    """Counts the undo steps an action makes."""

    def __init__(self, document: MeetingDocument) -> None:
        self.document = document
        self.start = document.undo_stack.index()

    def taken(self) -> int:
        taken = self.document.undo_stack.index() - self.start
        self.start = self.document.undo_stack.index()
        return taken


def type_in(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text, NO, TYPING)


def typed(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Into `widget`, with the keyboard there first, `text` typed at speed."""
    focus(qtbot, widget)
    type_in(widget, text)


def pressed(qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    """`key` pressed in `widget`, with the keyboard there first."""
    focus(qtbot, widget)
    QTest.keyClick(widget, key, modifier)


def choose(qtbot: QtBot, combo: QWidget, typed: str) -> None:
    """Type the start of a choice into a drop-down, as a new search (after the pause that ends
    the one before)."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    QTest.keyClicks(combo, typed, NO, TYPING)


# --- the item: number and place, agenda, exempt ----------------------------------------------


def test_number_and_place_each_edit_is_one_undo_step(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i2")
    assert not form.place_box.isVisible()  # closed at first
    pressed(qtbot, form.place_toggle, Qt.Key.Key_Space)
    assert form.place_box.isVisible()
    steps = Steps(document)

    typed(qtbot, form.label_edit, "4.1")
    assert item(document, "i2").label == "4.1"
    assert steps.taken() == 1
    assert form.heading.text().startswith("4.1. Budget")

    pressed(qtbot, form.numbered_check, Qt.Key.Key_Space)
    assert item(document, "i2").numbered is False
    assert steps.taken() == 1

    # Sub-item of: only the items before it, by their minute numbers.
    labels = [form.parent_combo.itemText(n) for n in range(form.parent_combo.count())]
    assert labels == ["None", "1 Apologies"]
    pressed(qtbot, form.parent_combo, Qt.Key.Key_Down)
    assert item(document, "i2").parent_id == "i1"
    assert steps.taken() == 1

    for combo, field, wanted in (
        (form.section_combo, "section_id", "part-b"),
        (form.session_combo, "session_id", "closed"),
    ):
        pressed(qtbot, combo, Qt.Key.Key_Down)
        if field == "section_id":
            QTest.keyClick(combo, Qt.Key.Key_Down)
        assert getattr(item(document, "i2"), field) == wanted
        assert steps.taken() == (2 if field == "section_id" else 1)

    typed(qtbot, form.agenda_number, "7")
    assert item(document, "i2").agenda_number == "7"
    assert steps.taken() == 1

    # Closed, the toggle says what it holds.
    QTest.keyClick(form.place_toggle, Qt.Key.Key_Space)
    assert form.place_toggle.text() == (
        "Number and place (label 4.1, no number, a sub-item, Part B, Closed Session, agenda 7)"
    )
    document.undo_stack.undo()
    assert item(document, "i2").agenda_number == ""
    assert form.agenda_number.text() == ""


def test_a_parent_below_the_item_is_shown_as_not_used(qtbot: QtBot) -> None:
    document = MeetingDocument(
        meeting().model_copy(
            update={"items": (Item(id="a", parent_id="b", title="A"), Item(id="b", title="B"))}
        )
    )
    form = make_form(qtbot, document, "a")
    assert form.parent_combo.currentText() == "(a later item: not used)"


def test_the_agenda_is_closed_at_first_and_each_field_one_undo_step(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i2")
    assert not form.agenda_box.isVisible()
    pressed(qtbot, form.agenda_toggle, Qt.Key.Key_Space)
    assert form.agenda_box.isVisible()
    assert form.agenda_toggle.accessibleName() == "Hide agenda"
    steps = Steps(document)
    for widget, field, text in (
        (form.agenda_text, "agenda_text", "To consider the budget for 2025/26."),
        (form.recommendation, "recommendation", "That the budget be approved."),
        (form.department, "department", "Finance"),
        (form.report_reference, "report_reference", "FIN/25/02"),
    ):
        typed(qtbot, widget, text)
        assert getattr(item(document, "i2"), field) == text
        assert steps.taken() == 1, field
    focus(qtbot, form.written_comments)
    assert form.written_comments.text() == "Not recorded"
    form.written_comments.selectAll()
    type_in(form.written_comments, "12")
    assert item(document, "i2").written_comments == 12
    assert steps.taken() == 1
    QTest.keyClick(form.agenda_toggle, Qt.Key.Key_Space)
    assert form.agenda_toggle.text() == "Agenda (given)"


def test_the_exempt_only_fields_show_only_for_an_exempt_item(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i2")
    assert not form.exempt_summary.isVisible()
    assert not form.publish_resolution.isVisible()
    form.set_item("i4")  # exempt
    QApplication.processEvents()
    assert form.exempt_summary.isVisible()
    assert form.publish_resolution.isVisible()
    steps = Steps(document)
    typed(qtbot, form.exempt_summary, "The committee agreed terms for the sale of the land.")
    assert item(document, "i4").exempt_summary == (
        "The committee agreed terms for the sale of the land."
    )
    assert steps.taken() == 1
    pressed(qtbot, form.publish_resolution, Qt.Key.Key_Space)
    assert item(document, "i4").publish_resolution is True
    assert steps.taken() == 1
    # Not exempt any more: the fields go (what they hold stays in the file).
    pressed(qtbot, form.exempt, Qt.Key.Key_Space)
    assert not form.exempt_summary.isVisible()
    form.set_item("i2")
    QApplication.processEvents()
    assert not form.publish_resolution.isVisible()


# --- resolutions ------------------------------------------------------------------------------


def groups(form: ItemForm) -> list[ResolutionGroup]:
    return form.resolutions.groups


def test_the_lead_word_none(qtbot: QtBot, document: MeetingDocument) -> None:
    form = make_form(qtbot, document, "i3")
    group = groups(form)[0]
    labels = [group.lead_word.itemText(n) for n in range(group.lead_word.count())]
    assert labels[:2] == ["AGREED (house style)", "(no word)"]
    steps = Steps(document)
    focus(qtbot, group.lead_word)
    QTest.keyClicks(group.lead_word, "(no")
    block = resolution(document, "i3", 0)
    assert (block.lead, block.lead_state) == (LeadWord.NONE, LeadWord.NONE)
    assert steps.taken() == 1
    assert form.body.markup_text().startswith("[resolution]")  # the text says so too
    choose(qtbot, group.lead_word, "res")
    block = resolution(document, "i3", 0)
    assert (block.lead_state, block.lead_word) == (LeadWord.GIVEN, "RESOLVED")
    assert form.body.markup_text().startswith("RESOLVED:")
    choose(qtbot, group.lead_word, "agr")
    assert resolution(document, "i3", 0).lead_state is LeadWord.STYLE
    assert steps.taken() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert resolution(document, "i3", 0).lead_state is LeadWord.NONE
    assert group.lead_word.currentText() == "(no word)"


def test_relating_an_amendment_gives_its_motion_an_id_in_the_same_step(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i3")
    amendment = groups(form)[1]
    pressed(qtbot, amendment.details_button, Qt.Key.Key_Space)
    assert amendment.details.isVisible()
    assert not amendment.relates_to.isEnabled()  # a motion relates to nothing
    steps = Steps(document)
    focus(qtbot, amendment.kind)
    QTest.keyClicks(amendment.kind, "am")
    first, second = resolution(document, "i3", 0), resolution(document, "i3", 1)
    assert first.id  # given one, now that a motion refers to it
    assert (second.kind, second.relates_to) == (MotionKind.AMENDMENT, first.id)
    assert steps.taken() == 1
    assert amendment.relates_to.isEnabled()
    assert (
        amendment.relates_to.currentText() == "1. Motion: That the council tax be raised by 4.99%."
    )
    assert amendment.details_button.text() == "Motion and debate"

    # The substantive motion relates to the motion, not the amendment, unless told otherwise.
    substantive = groups(form)[2]
    pressed(qtbot, substantive.details_button, Qt.Key.Key_Space)
    focus(qtbot, substantive.kind)
    QTest.keyClicks(substantive.kind, "subst")  # the substitute motion first
    assert resolution(document, "i3", 2).kind is MotionKind.SUBSTITUTE
    choose(qtbot, substantive.kind, "substa")
    third = resolution(document, "i3", 2)
    assert third.kind is MotionKind.SUBSTANTIVE
    assert third.relates_to == first.id
    assert steps.taken() == 2
    choices = [substantive.relates_to.itemText(n) for n in range(substantive.relates_to.count())]
    assert choices == [
        "None",
        "1. Motion: That the council tax be raised by 4.99%.",
        "2. Amendment: That the rise be 2.99%.",
    ]
    pressed(qtbot, substantive.relates_to, Qt.Key.Key_Down)  # to the amendment, without an id
    second = resolution(document, "i3", 1)
    assert second.id and resolution(document, "i3", 2).relates_to == second.id
    assert steps.taken() == 1

    # The amendment's words moved, and the debate, typed: one step each; lost.
    typed(qtbot, amendment.motion, "To leave out 4.99% and insert 2.99%.")
    typed(qtbot, amendment.debate, "Members debated the rise.")
    focus(qtbot, amendment.outcome)
    QTest.keyClicks(amendment.outcome, "lo")
    second = resolution(document, "i3", 1)
    assert (second.motion, second.debate, second.outcome) == (
        "To leave out 4.99% and insert 2.99%.",
        "Members debated the rise.",
        Outcome.LOST,
    )
    assert steps.taken() == 3
    # Withdrawn and not put are outcomes too.
    choose(qtbot, amendment.outcome, "wi")
    assert resolution(document, "i3", 1).outcome is Outcome.WITHDRAWN
    choose(qtbot, amendment.outcome, "not p")
    assert resolution(document, "i3", 1).outcome is Outcome.NOT_PUT

    # Back to a motion: it relates to nothing again, in the same step.
    focus(qtbot, amendment.kind)
    QTest.keyClicks(amendment.kind, "mo")
    second = resolution(document, "i3", 1)
    assert (second.kind, second.relates_to) == (MotionKind.MOTION, None)
    # The text typed in the minute keeps all of it.
    pressed(qtbot, form.body, Qt.Key.Key_End, CTRL)
    type_in(form.body, " Carried.")
    third = resolution(document, "i3", 2)
    assert third.kind is MotionKind.SUBSTANTIVE and third.relates_to == second.id


def test_unanimous_disables_the_counts(qtbot: QtBot, document: MeetingDocument) -> None:
    form = make_form(qtbot, document, "i3")
    group = groups(form)[0]
    assert group.votes_for.isEnabled()
    steps = Steps(document)
    pressed(qtbot, group.unanimous, Qt.Key.Key_Space)
    assert resolution(document, "i3", 0).unanimous is True
    assert steps.taken() == 1
    for spin in (group.votes_for, group.votes_against, group.abstentions):
        assert not spin.isEnabled()
    QTest.keyClick(group.unanimous, Qt.Key.Key_Tab)
    assert not group.votes_for.hasFocus()  # Tab passes over the counts
    document.undo_stack.undo()
    assert group.votes_for.isEnabled()
    assert not group.unanimous.isChecked()


def test_a_recorded_vote_in_roll_call_order_with_notes(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i3")
    group = groups(form)[0]
    pressed(qtbot, group.named_button, Qt.Key.Key_Space)
    assert group.named_table.isVisible()
    assert not group.requested_by.isEnabled()
    steps = Steps(document)
    pressed(qtbot, group.recorded_vote, Qt.Key.Key_Space)
    assert group.requested_by.isEnabled()
    focus(qtbot, group.requested_by)
    QTest.keyClicks(group.requested_by, "gregg")
    block = resolution(document, "i3", 0)
    assert (block.recorded_vote, block.requested_by_id) == (True, "gregg")
    assert steps.taken() == 2

    # The roll called: Singh, Moore, Batool; Gregg recused.
    for key, start in (("singh", "for"), ("moore", "ag"), ("batool", "for"), ("gregg", "rec")):
        combo = group.named_combos[key]
        focus(qtbot, combo)
        QTest.keyClicks(combo, start)
        assert group.named_combos[key].hasFocus()  # the row moved up, the focus with it
    block = resolution(document, "i3", 0)
    assert [(v.attendee_id, v.choice) for v in block.named_votes] == [
        ("singh", VoteChoice.FOR),
        ("moore", VoteChoice.AGAINST),
        ("batool", VoteChoice.FOR),
        ("gregg", VoteChoice.RECUSED),
    ]
    assert steps.taken() == 4
    assert list(group.named_combos) == ["singh", "moore", "batool", "gregg"]

    # Batool was in fact called before Moore: Alt+Up moves her vote.
    combo = group.named_combos["batool"]
    pressed(qtbot, combo, Qt.Key.Key_Up, ALT)
    order = [v.attendee_id for v in resolution(document, "i3", 0).named_votes]
    assert order == ["singh", "batool", "moore", "gregg"]
    assert steps.taken() == 1
    assert group.named_combos["batool"].hasFocus()
    assert group.named_combos["batool"].currentText() == "For"  # not changed by the key
    QTest.keyClick(group.named_combos["batool"], Qt.Key.Key_Down, ALT)
    QTest.keyClick(group.named_combos["batool"], Qt.Key.Key_Up, ALT)
    assert steps.taken() == 2

    # A note on Gregg's vote, typed: one step; its row's Alt+Down at the end does nothing.
    note = group.named_notes["gregg"]
    assert note.accessibleName() == "Note on the vote of Councillor Gregg"
    typed(qtbot, note, "because of a declared interest")
    QTest.keyClick(note, Qt.Key.Key_Down, ALT)
    assert resolution(document, "i3", 0).named_votes[-1] == NamedVote(
        attendee_id="gregg", choice=VoteChoice.RECUSED, note="because of a declared interest"
    )
    assert steps.taken() == 1
    # Taking a vote back: its row has no note to type.
    combo = group.named_combos["moore"]
    pressed(qtbot, combo, Qt.Key.Key_Home)  # "—": no vote
    assert [v.attendee_id for v in resolution(document, "i3", 0).named_votes] == [
        "singh",
        "batool",
        "gregg",
    ]
    assert not group.named_notes["moore"].isEnabled()


def test_the_decision_number_instrument_and_readings(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i3")
    group = groups(form)[2]
    steps = Steps(document)
    typed(qtbot, group.number, "ORD-2025-14")
    assert resolution(document, "i3", 2).number == "ORD-2025-14"
    assert steps.taken() == 1
    pressed(qtbot, group.details_button, Qt.Key.Key_Space)
    focus(qtbot, group.instrument)
    QTest.keyClicks(group.instrument, "an ord")
    for reading in (Reading.FIRST, Reading.SECOND, Reading.THIRD):
        box = group.readings[reading]
        pressed(qtbot, box, Qt.Key.Key_Space)
    block = resolution(document, "i3", 2)
    assert block.instrument is Instrument.ORDINANCE
    assert block.readings == (Reading.FIRST, Reading.SECOND, Reading.THIRD)
    assert steps.taken() == 4
    assert group.details_button.text() == "Motion and debate"
    QTest.keyClick(group.details_button, Qt.Key.Key_Space)
    assert group.details_button.text() == "Motion and debate (an ordinance)"


def test_a_finding_on_a_resolution_detail_opens_its_part(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i3")
    group = groups(form)[1]
    assert not group.details.isVisible()
    assert form.focus_path(("items", 2, "blocks", 1, "debate"))
    assert group.details.isVisible()
    assert group.debate.hasFocus()


# --- tables -----------------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_cell(qtbot: QtBot, text: str, pause: bool = False) -> None:
    """Type into the current cell of the focused grid (the first letter opens its editor)."""
    grid = focused()
    QTest.keyClicks(grid, text[0], NO, TYPING)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    half = len(text) // 2 if pause else len(text)
    type_in(editor, text[1:half])
    if pause:  # a pause part-way: entered without leaving the cell
        qtbot.wait(value_fields.TYPING_PAUSE_MS + 100)
        type_in(editor, text[half:])
    QTest.keyClick(editor, Qt.Key.Key_Tab)


def test_the_table_editor(
    qtbot: QtBot, document: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(value_fields, "TYPING_PAUSE_MS", 100)
    form = make_form(qtbot, document, "i2")
    assert not form.tables.isVisible()
    steps = Steps(document)
    pressed(qtbot, form.tables.add_button, Qt.Key.Key_Space)
    (group,) = form.tables.groups
    assert steps.taken() == 1
    assert group.caption.hasFocus()
    type_in(group.caption, "Grants awarded")
    assert steps.taken() == 1
    assert form.body.markup_text().endswith("[table: Grants awarded]")

    # The header row and the first row, typed cell by cell (Tab moves on, a pause is entered).
    QTest.keyClick(group.caption, Qt.Key.Key_Tab)  # the header row check box
    QTest.keyClick(focused(), Qt.Key.Key_Tab)  # the total row check box
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is group.grid
    group.grid.go_to(0, 0)
    for text in ("Group", "Amount", "Friends of the Park", "£1,200.00"):
        type_cell(qtbot, text, pause=text == "Friends of the Park")
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.header == ("Group", "Amount")
    assert table.rows == (("Friends of the Park", "£1,200.00"),)
    assert steps.taken() == 4  # one for each stay in a cell, the pause within its own

    # Insert adds a row after the current one, ready to type; undo takes it away.
    group.grid.go_to(1, 0)
    QTest.keyClick(group.grid, Qt.Key.Key_Insert)
    assert steps.taken() == 1
    assert group.grid.currentIndex().row() == 2
    type_cell(qtbot, "Mill Lane Residents")
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.rows[1] == ("Mill Lane Residents", "")
    document.undo_stack.undo()
    document.undo_stack.undo()
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert len(table.rows) == 1
    assert group.model.rowCount() == 2
    document.undo_stack.redo()
    assert group.model.rowCount() == 3

    # A column, a total row; Escape takes a cell back; Ctrl+Delete and Alt+Delete remove.
    steps.taken()
    group.grid.go_to(0, 1)
    QTest.keyClick(group.grid, Qt.Key.Key_Insert, ALT)
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.header == ("Group", "Amount", "")
    assert group.grid.currentIndex().column() == 2
    type_cell(qtbot, "Ward")
    pressed(qtbot, group.total_check, Qt.Key.Key_Space)
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.total == ("", "", "")
    assert group.model.headerData(3, Qt.Orientation.Vertical) == "Total"
    assert steps.taken() == 3
    group.grid.go_to(3, 0)
    QTest.keyClicks(group.grid, "T")
    type_in(focused(), "otal")
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.total == ("", "", "")
    assert steps.taken() == 0
    group.grid.go_to(2, 0)
    QTest.keyClick(group.grid, Qt.Key.Key_Delete, CTRL)
    group.grid.go_to(0, 2)
    QTest.keyClick(group.grid, Qt.Key.Key_Delete, ALT)
    table = item(document, "i2").blocks[0]
    assert isinstance(table, Table)
    assert table.header == ("Group", "Amount")
    assert table.rows == (("Friends of the Park", "£1,200.00"),)
    assert steps.taken() == 2

    # The minute text keeps the table through typing around it.
    pressed(qtbot, form.body, Qt.Key.Key_Home, CTRL)
    type_in(form.body, "The grants were agreed.")
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    blocks = item(document, "i2").blocks
    assert blocks[-1] == table


def test_a_finding_on_a_table_cell_goes_to_the_cell(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    table = Table(caption="Grants", header=("A", "B"), rows=(("1", "2"), ("3", "4")))
    with_table = document.meeting.model_copy(
        update={
            "items": tuple(
                i.model_copy(update={"blocks": (table,)}) if i.id == "i2" else i
                for i in document.meeting.items
            )
        }
    )
    document = MeetingDocument(with_table)
    form = make_form(qtbot, document, "i2")
    (group,) = form.tables.groups
    assert form.focus_path(("items", 1, "blocks", 0, "rows", 1, 1))
    assert group.grid.hasFocus()
    index = group.grid.currentIndex()
    assert (index.row(), index.column()) == (2, 1)
    assert group.model.data(index) == "4"


# --- notices of motion ------------------------------------------------------------------------


def test_the_notice_of_motion_editor(qtbot: QtBot, document: MeetingDocument) -> None:
    form = make_form(qtbot, document, "i2")
    assert not form.notices.isVisible()
    steps = Steps(document)
    pressed(qtbot, form.notices.add_button, Qt.Key.Key_Space)
    (group,) = form.notices.groups
    assert group.mover.hasFocus()
    QTest.keyClicks(group.mover, "batool")
    focus(qtbot, group.seconder)
    QTest.keyClicks(group.seconder, "singh")
    assert steps.taken() == 3
    assert form.body.markup_text().endswith("[notice of motion: Councillor Batool]")
    assert group.title() == "Notice of motion from Councillor Batool"
    for widget, text in (
        (group.motion, "That this Council declares a climate emergency."),
        (group.reply_by, "The Leader of the Council"),
        (group.reply, "The Council has set a target of net zero by 2030."),
    ):
        typed(qtbot, widget, text)
        assert steps.taken() == 1
    (notice,) = item(document, "i2").blocks
    assert notice == NoticeOfMotion(
        mover_id="batool",
        seconder_id="singh",
        motion="That this Council declares a climate emergency.",
        reply_by="The Leader of the Council",
        reply="The Council has set a target of net zero by 2030.",
    )
    document.undo_stack.undo()
    assert group.reply.toPlainText() == ""
    # Typing in the minute text above it keeps it whole.
    pressed(qtbot, form.body, Qt.Key.Key_Home, CTRL)
    type_in(form.body, "Notice had been given.")
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    assert item(document, "i2").blocks[-1] == notice.model_copy(update={"reply": ""})
    (group,) = form.notices.groups
    assert group.motion.toPlainText() == notice.motion
    pressed(qtbot, group.remove_button, Qt.Key.Key_Space)
    assert not any(isinstance(b, NoticeOfMotion) for b in item(document, "i2").blocks)
    assert not form.notices.isVisible()


# --- the minute text's new lines --------------------------------------------------------------


def test_headings_lettered_lists_and_placeholders_are_highlighted(
    qtbot: QtBot, document: MeetingDocument
) -> None:
    form = make_form(qtbot, document, "i2")
    highlighter = form.body.highlighter
    assert isinstance(highlighter, MarkupHighlighter)
    lines = {
        "## Budget monitoring": "heading",
        "a) the first": "number",
        "(iv) the fourth": "number",
        "[table: Grants]": "table",
        "[notice of motion: Councillor Moore]": "notice",
        "[resolution]": "resolution",
    }
    for line, kind in lines.items():
        assert highlighter.kind(line) == kind, line
    typed(qtbot, form.body, "## Budget monitoring")
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    type_in(form.body, "a) the first")
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    assert form.body.markup_text().endswith("b) ")  # Enter continues the lettered list
    first = form.body.document().firstBlock()
    formats = first.layout().formats()
    assert formats and formats[0].format.fontUnderline()
