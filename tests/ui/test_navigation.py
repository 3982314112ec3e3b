"""Where the clerk lands: after deleting an item, and after undo or redo of an edit elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from tests.ui.conftest import MakeWindow


class Discard(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def window(make_window: MakeWindow, sample: Meeting) -> MainWindow:
    win = make_window(Discard)
    win.set_document(MeetingDocument(sample))
    return win


def item(sample: Meeting, number: int) -> Section:
    return Section("item", sample.items[number - sample.first_minute_number].id)


@pytest.mark.parametrize(("deleted", "lands_on"), [(161, 162), (163, 162), (149, 150)])
def test_deleting_an_item_lands_on_its_neighbour(
    window: MainWindow, sample: Meeting, deleted: int, lands_on: int
) -> None:
    window.show_section(item(sample, deleted))
    window.delete_item_action.trigger()
    assert window.navigator.current_section == item(sample, lands_on)
    assert window.item_form.item_id == item(sample, lands_on).item_id


def test_undo_shows_what_it_undid(window: MainWindow, sample: Meeting, qtbot: QtBot) -> None:
    window.show_section(item(sample, 152))
    window.item_form.title.setFocus()
    window.item_form.title.selectAll()
    QTest.keyClicks(window.item_form.title, "Membership")
    assert window.undo_action.text() == "&Undo Edit item title"
    window.show_section(item(sample, 154))
    QTest.keyClick(window.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # the clerk is taken to the item whose title came back, and told what happened
    assert window.navigator.current_section == item(sample, 152)
    assert window.item_form.title.text() == sample.items[3].title
    assert window.statusBar().currentMessage() == "Undone: Edit item title"
    assert window.redo_action.text() == "&Redo Edit item title"
    window.show_section(item(sample, 154))
    window.redo_action.trigger()
    assert window.navigator.current_section == item(sample, 152)
    assert window.item_form.title.text() == "Membership"


def test_ctrl_page_down_goes_from_item_to_item_into_the_minute_text(
    window: MainWindow, sample: Meeting
) -> None:
    window.activateWindow()
    window.show_section(item(sample, 158))
    window.item_form.body.setFocus()
    QTest.keyClick(window.item_form.body, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_section == item(sample, 159)
    assert window.item_form.body.hasFocus()
    assert "Families First" in window.item_form.body.toPlainText()
    QTest.keyClick(window.item_form.body, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_section == item(sample, 158)
    window.show_section(item(sample, 149))
    window.previous_section_action.trigger()  # the last of the meeting's parts before the items
    assert window.navigator.current_section == Section("adjournments")
    for _ in range(4):
        window.previous_section_action.trigger()
    assert window.navigator.current_section == Section("declarations")


def test_a_time_typed_but_not_left_counts_when_the_window_closes(
    window: MainWindow, sample: Meeting
) -> None:
    window.show_section(Section("meeting"))
    field = window.meeting_form.start_time
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "1815")
    assert window.document is not None and window.document.meeting.start_time == sample.start_time
    assert window.maybe_save()  # the close button's question: the typing is in the meeting first
    assert window.document.meeting.start_time is not None
    assert window.document.meeting.start_time.strftime("%H:%M") == "18:15"
