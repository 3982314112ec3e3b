"""What an edit changed, worked out from the meeting before and after."""

from __future__ import annotations

import datetime as dt

from clerk_app.domain import edit
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.model import Attendance, Item, Meeting, Person


def test_the_same_meeting_changes_nothing(sample: Meeting) -> None:
    assert MeetingChange.between(sample, sample).nothing


def test_one_item_edited(sample: Meeting) -> None:
    after = edit.set_at(sample, ("items", 4, "title"), "Dates")
    change = MeetingChange.between(sample, after, ("items", 4, "title"))
    assert change.items == {sample.items[4].id}
    assert change.only_items and not change.item_list and not change.numbering
    assert change.touches_item(sample.items[4].id)
    assert not change.touches_item(sample.items[5].id)


def test_an_equal_copy_is_no_change(sample: Meeting) -> None:
    """A meeting loaded afresh shares nothing with the old one, but equal parts are equal."""
    copy = Meeting.model_validate(sample.model_dump())
    assert MeetingChange.between(sample, copy).nothing


def test_header_and_numbering(sample: Meeting) -> None:
    venue = MeetingChange.between(sample, edit.set_at(sample, ("venue",), "Town Hall"))
    assert venue.header and not venue.numbering and not venue.items
    first = MeetingChange.between(sample, edit.set_at(sample, ("first_minute_number",), 1))
    assert first.numbering and not first.header
    date = MeetingChange.between(sample, edit.set_at(sample, ("date",), dt.date(2025, 7, 1)))
    assert date.header and date.numbering
    style = MeetingChange.between(sample, edit.set_at(sample, ("house_style",), "parish"))
    assert style.style and style.numbering
    for change in (venue, first, date, style):
        assert not change.only_items


def test_attendance_and_interests(sample: Meeting) -> None:
    person = Attendance(person=Person(title="Councillor", name="Kitterick"))
    added = edit.insert_at(sample, ("attendance",), 0, person)
    change = MeetingChange.between(sample, added)
    assert change.attendance and not change.interests and not change.items
    assert change.touches_item(sample.items[0].id)  # votes and proposers name people
    removed = edit.remove_at(sample, ("interests",), 0)
    assert MeetingChange.between(sample, removed).interests


def test_items_added_removed_and_moved(sample: Meeting) -> None:
    added = edit.insert_at(sample, ("items",), 3, Item(title="Urgent business"))
    change = MeetingChange.between(sample, added)
    assert change.item_list and change.numbering and not change.items
    moved = edit.move_within(sample, ("items",), 2, 6)
    assert MeetingChange.between(sample, moved).item_list
    removed = edit.remove_at(sample, ("items",), 0)
    assert MeetingChange.between(sample, removed).item_list
    # moved and edited in one step: the edited one is named too
    both = edit.set_at(moved, ("items", 6, "title"), "Minutes")
    assert MeetingChange.between(sample, both).items == {sample.items[2].id}


def test_everything() -> None:
    change = MeetingChange.everything()
    assert change.header and change.item_list and change.attendance and not change.only_items
