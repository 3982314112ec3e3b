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


def test_titles_and_exemption_are_named_apart(sample: Meeting) -> None:
    """Other parts name items by title (declarations, part attendance): a change says which."""
    from clerk_app.domain.model import StandingItem
    from clerk_app.domain.operations import set_standing

    body = edit.set_at(sample, ("items", 4, "blocks"), ())
    assert MeetingChange.between(sample, body).renamed == frozenset()
    title = edit.set_at(sample, ("items", 4, "title"), "Dates")
    assert MeetingChange.between(sample, title).renamed == {sample.items[4].id}
    exempt = edit.set_at(sample, ("items", 4, "exempt"), True)
    assert MeetingChange.between(sample, exempt).renamed == {sample.items[4].id}
    # a title given by an operation, whatever the edit's path says
    untitled = edit.set_at(
        edit.set_at(sample, ("items", 14, "title"), ""), ("items", 14, "standing"), None
    )
    chosen = set_standing(untitled, sample.items[14].id, StandingItem.ANY_OTHER_BUSINESS)
    assert chosen.items[14].title == "Any Other Business"
    change = MeetingChange.between(untitled, chosen, ("items", 14))
    assert change.renamed == {sample.items[14].id}
