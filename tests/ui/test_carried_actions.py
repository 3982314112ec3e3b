"""Closing an action from a later meeting: a carried action says where it was raised, and
ticking it done dates it with this meeting, in one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import FollowUp, Item, Meeting, Paragraph, StandingItem
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.actions_panel import ACTION, DONE, DONE_ON, RAISED
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.messages import RecordedMessages

JUNE, SEPTEMBER = dt.date(2025, 6, 18), dt.date(2025, 9, 23)


def september(style: str = "leicester") -> MeetingDocument:
    carried = FollowUp(
        id="slides",
        action="Circulate the slides on school places",
        owner="Scrutiny Policy Officer",
        due=dt.date(2025, 7, 1),
        raised_on=JUNE,
        raised_minute="158",
    )
    raised_here = FollowUp(id="report", action="Report back on SEND transport")
    return MeetingDocument(
        Meeting(
            date=SEPTEMBER,
            house_style=style,
            first_minute_number=164,
            items=(
                Item(
                    id="arising",
                    title="Matters Arising",
                    standing=StandingItem.MATTERS_ARISING,
                    blocks=(Paragraph(text="The actions of the last meeting were noted."),),
                    actions=(carried, raised_here),
                ),
            ),
        )
    )


def form_on(qtbot: QtBot, document: MeetingDocument) -> ItemForm:
    form = ItemForm(document, FormContext(available_styles(), RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(1100, 900)
    form.show()
    qtbot.waitExposed(form)
    form.set_item("arising")
    return form


def shown(form: ItemForm, row: int, column: int) -> object:
    model = form.actions_panel.model
    return model.data(model.index(row, column))


def actions(document: MeetingDocument) -> tuple[FollowUp, ...]:
    return document.meeting.items[0].actions


def test_a_carried_action_says_where_it_was_raised_read_only(qtbot: QtBot) -> None:
    document = september()
    form = form_on(qtbot, document)
    model = form.actions_panel.model
    assert model.headerData(RAISED, Qt.Orientation.Horizontal) == "Raised"
    assert shown(form, 0, RAISED) == "Minute 158, 18 June 2025"
    assert shown(form, 1, RAISED) == ""  # raised at this meeting
    assert not model.flags(model.index(0, RAISED)) & Qt.ItemFlag.ItemIsEditable
    table = form.actions_panel.table
    table.go_to(0, RAISED)
    QTest.keyClicks(table, "Minute 1")  # typing opens no editor
    QTest.keyClick(table, Qt.Key.Key_F2)
    assert table.indexWidget(table.currentIndex()) is None
    assert actions(document)[0].raised_minute == "158"
    # the date as the meeting's house style writes it
    us = form_on(qtbot, september("uscity"))
    assert shown(us, 0, RAISED) == "Minute 158, June 18, 2025"


def test_ticking_a_carried_action_done_dates_it_with_this_meeting(qtbot: QtBot) -> None:
    document = september()
    form = form_on(qtbot, document)
    table = form.actions_panel.table
    before = document.undo_stack.count()
    table.go_to(0, DONE)
    QTest.keyClick(table, Qt.Key.Key_Space)
    carried = actions(document)[0]
    assert (carried.done, carried.done_on) == (True, SEPTEMBER)
    assert shown(form, 0, DONE_ON) == "23/09/2025"
    assert document.undo_stack.count() == before + 1  # one step: the tick and its date
    assert document.undo_stack.undoText() == "Close carried action in minute 164"
    document.undo_stack.undo()
    assert (actions(document)[0].done, actions(document)[0].done_on) == (False, None)
    document.undo_stack.redo()
    assert actions(document)[0].done_on == SEPTEMBER
    QTest.keyClick(table, Qt.Key.Key_Space)  # unticked: no longer done, no date
    assert (actions(document)[0].done, actions(document)[0].done_on) == (False, None)
    assert actions(document)[0].raised_on == JUNE  # still the same carried action
    assert actions(document)[0].id == "slides"


def test_an_action_raised_here_is_ticked_without_a_date(qtbot: QtBot) -> None:
    """It is done after this meeting, on a date the clerk types in Done on."""
    document = september()
    form = form_on(qtbot, document)
    table = form.actions_panel.table
    table.go_to(1, DONE)
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert (actions(document)[1].done, actions(document)[1].done_on) == (True, None)
    table.go_to(1, DONE_ON, edit=True)
    line = table.indexWidget(table.currentIndex())
    assert isinstance(line, QLineEdit)
    QTest.keyClicks(line, "30/09/2025")
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(table.currentIndex()) is None)
    assert actions(document)[1].done_on == dt.date(2025, 9, 30)
    table.go_to(1, DONE)
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert (actions(document)[1].done, actions(document)[1].done_on) == (False, None)
    assert table.currentIndex().column() == DONE
    assert shown(form, 1, ACTION) == "Report back on SEND transport"
