"""The open document: one undo step per edit, typing merged, modified state, saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from clerk_app.domain.edit import EditError
from clerk_app.domain.model import Item, Meeting
from clerk_app.services import undo as undo_module
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import MeetingFileError, load_meeting


@pytest.fixture
def document(sample: Meeting, qtbot: QtBot) -> MeetingDocument:
    return MeetingDocument(sample)


def test_set_is_one_undo_step_and_says_what_changed(
    document: MeetingDocument, sample: Meeting, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(document.changed) as signal:
        document.set(("venue",), "City Hall", "Edit venue")
    (change,) = signal.args
    assert change.path == ("venue",) and change.header
    assert not (change.items or change.item_list or change.attendance or change.numbering)
    assert document.meeting.venue == "City Hall" and document.modified
    document.undo_stack.undo()
    assert document.meeting is sample and not document.modified
    document.undo_stack.redo()
    assert document.meeting.venue == "City Hall"


def test_typing_into_one_field_merges(document: MeetingDocument) -> None:
    for text in ("C", "Ci", "Cit", "City"):
        document.set(("venue",), text, "Edit venue")
    assert document.undo_stack.count() == 1
    document.set(("body",), "Other", "Edit body")
    assert document.undo_stack.count() == 2


def test_typing_after_a_pause_is_a_new_step(
    document: MeetingDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(undo_module, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    document.set(("venue",), "City", "Edit venue")
    clock[0] += 1
    document.set(("venue",), "City H", "Edit venue")  # within the window: merged
    clock[0] += undo_module.MERGE_WINDOW + 1
    document.set(("venue",), "City Hall", "Edit venue")  # after a pause: its own step
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.meeting.venue == "City H"


def test_a_closed_step_takes_no_more_typing(document: MeetingDocument) -> None:
    """A correction that arrives as typing (a spelling suggestion, an autocorrection) is a step of
    its own: closed before and after, Ctrl+Z takes back the correction alone."""
    document.set(("venue",), "City", "Edit venue")
    document.close_step()
    document.set(("venue",), "City Hal", "Edit venue")  # the correction, within the window
    document.close_step()
    document.set(("venue",), "City Hall", "Edit venue")  # typing goes on
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert document.meeting.venue == "City Hal"
    document.undo_stack.undo()
    assert document.meeting.venue == "City"
    document.close_step()  # closing with nothing to close (the stack's start) does nothing
    document.undo_stack.undo()
    document.close_step()
    assert document.undo_stack.index() == 0


def test_a_no_op_edit_is_not_an_undo_step(document: MeetingDocument) -> None:
    document.set(("venue",), "  ", "Edit venue")  # cleans to the empty venue it already has
    assert document.undo_stack.count() == 0 and not document.modified


def test_text_is_cleaned_and_bad_values_refused(document: MeetingDocument) -> None:
    document.set(("items", 0, "title"), "Welcome\r\n\x07", "Edit title")
    assert document.meeting.items[0].title == "Welcome"
    with pytest.raises(ValueError):
        document.set(("first_minute_number",), 0, "Edit number")
    with pytest.raises(EditError):
        document.set(("items", 99, "title"), "x", "Edit title")
    assert document.undo_stack.count() == 1


def test_insert_remove_move(document: MeetingDocument, sample: Meeting) -> None:
    document.insert(("items",), 1, Item(id="new", title="New"), "Add item")
    assert [i.id for i in document.meeting.items[:3]] == ["welcome", "new", "declarations"]
    document.move(("items",), 1, 3, "Move item")
    assert document.meeting.items[3].id == "new"
    document.remove(("items",), 3, "Delete item")
    assert document.meeting == sample
    for _ in range(3):
        document.undo_stack.undo()
    assert document.meeting == sample


def test_save_marks_clean_and_keeps_path(
    document: MeetingDocument, tmp_path: Path, qtbot: QtBot
) -> None:
    with pytest.raises(ValueError, match="no file yet"):
        document.save()
    document.set(("venue",), "City Hall", "Edit venue")
    path = tmp_path / "m.minutes"
    with qtbot.waitSignal(document.modified_changed) as signal:
        document.save(path)
    assert signal.args == [False]
    assert document.path == path and not document.modified
    assert load_meeting(path) == document.meeting
    document.undo_stack.undo()
    assert document.modified  # undoing past the save is a change again


def test_open_reports_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.minutes"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(MeetingFileError, match=r"bad\.minutes: is truncated"):
        MeetingDocument.open(bad)


def test_recovered_document_counts_as_unsaved(sample: Meeting, qtbot: QtBot) -> None:
    document = MeetingDocument(sample, Path("original.minutes"))
    assert not document.modified
    document.mark_recovered()
    assert document.modified and document.recovered


def test_new_meeting_date(document: MeetingDocument) -> None:
    document.set(("date",), dt.date(2025, 7, 1), "Change date", merge=False)
    assert document.meeting.date == dt.date(2025, 7, 1)


def test_typing_in_an_item_names_that_item_alone(document: MeetingDocument, qtbot: QtBot) -> None:
    item = document.meeting.items[10]
    with qtbot.waitSignal(document.changed) as signal:
        document.set(("items", 10, "title"), "Families First (revised)", "Edit item title")
    (change,) = signal.args
    assert change.items == {item.id} and change.only_items
    with qtbot.waitSignal(document.changed) as undone:
        document.undo_stack.undo()
    assert undone.args[0].items == {item.id} and undone.args[0].path == ("items", 10, "title")


def test_moving_an_item_renumbers(document: MeetingDocument, qtbot: QtBot) -> None:
    with qtbot.waitSignal(document.changed) as signal:
        document.move(("items",), 3, 5, "Move minute 152")
    (change,) = signal.args
    assert change.item_list and change.numbering and not change.only_items
