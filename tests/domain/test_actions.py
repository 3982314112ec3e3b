"""The year's action log: actions merged by id across a committee's meetings."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from clerk_app.domain.actions import (
    ActionEntry,
    UnknownActionError,
    action_log,
    close_action,
    open_actions,
    reopen_action,
)
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import FollowUp, Item, Meeting, StandingItem
from clerk_app.render.styles import find_style
from clerk_app.storage import load_meeting

PLAIN = HouseStyle(name="plain", display_name="Plain")
JUNE, SEPTEMBER, NOVEMBER = dt.date(2025, 6, 18), dt.date(2025, 9, 23), dt.date(2025, 11, 20)


def plain(_: Meeting) -> HouseStyle:
    return PLAIN


def action(id: str, **fields: object) -> FollowUp:
    return FollowUp.model_validate({"id": id, "action": f"Do {id}", **fields})


def carried(id: str, minute: str, raised_on: dt.date = JUNE, **fields: object) -> FollowUp:
    """A copy carried under matters arising, as a prepared meeting holds it."""
    return action(id, raised_on=raised_on, raised_minute=minute, **fields)


def june() -> Meeting:
    return Meeting(
        date=JUNE,
        first_minute_number=149,
        items=(
            Item(id="apologies", title="Apologies for Absence"),
            Item(
                id="intro",
                title="Introduction",
                actions=(
                    action("a1", owner="Director of Education"),
                    action("a2", owner="Officers"),
                ),
            ),
            Item(id="heading", title="Reports", numbered=False),
            Item(id="families", title="Families First", actions=(action("a3"),)),
            Item(
                id="plan",
                title="Improvement Plan",
                actions=(action("a4", due="2025-09-23"),),
            ),
        ),
    )


def september() -> Meeting:
    return Meeting(
        date=SEPTEMBER,
        first_minute_number=153,
        items=(
            Item(
                id="arising",
                title="Matters Arising",
                standing=StandingItem.MATTERS_ARISING,
                actions=(
                    carried(
                        "a1", "150", done=True, done_on="2025-09-23", owner="Director of Education"
                    ),
                    carried("a2", "150", owner="Officers"),
                    carried("a3", "151"),
                    carried("a4", "152", due="2025-09-23"),
                ),
            ),
            Item(id="budget", title="Budget Monitoring", actions=(action("b1", due="2025-10-01"),)),
        ),
    )


def november() -> Meeting:
    return Meeting(
        date=NOVEMBER,
        first_minute_number=160,
        items=(
            Item(
                id="arising",
                title="Matters Arising",
                standing=StandingItem.MATTERS_ARISING,
                actions=(
                    # done without a date: the meeting that recorded it says when
                    carried("a2", "150", done=True, owner="Officers"),
                    # the owner changed and the date moved on: the latest meeting says
                    carried("a4", "152", due="2025-12-01", owner="Head of Service"),
                    carried("b1", "154", raised_on=SEPTEMBER, due="2025-10-01"),
                ),
            ),
        ),
    )


def by_id(entries: list[ActionEntry]) -> dict[str, ActionEntry]:
    return {e.id: e for e in entries}


def test_three_meetings_merge_into_one_entry_per_action() -> None:
    log = action_log([june(), september(), november()], plain)
    assert [e.id for e in log] == ["a1", "a2", "a3", "a4", "b1"]
    a1, a2, a3, a4, b1 = log
    assert (a1.raised_on, a1.raised_minute, a1.item_title) == (JUNE, "150", "Introduction")
    assert a1.owner == "Director of Education"
    assert (a1.done, a1.done_on, a1.closed_at, a1.last_seen) == (
        True,
        SEPTEMBER,
        SEPTEMBER,
        SEPTEMBER,
    )
    assert (a2.done, a2.done_on, a2.closed_at, a2.last_seen) == (True, None, NOVEMBER, NOVEMBER)
    # carried to September, not to November: it keeps its September state
    assert (a3.done, a3.last_seen, a3.raised_minute, a3.item_title) == (
        False,
        SEPTEMBER,
        "151",
        "Families First",
    )
    assert (a4.raised_minute, a4.due, a4.owner, a4.done) == (
        "152",
        dt.date(2025, 12, 1),
        "Head of Service",
        False,
    )
    assert (b1.raised_on, b1.raised_minute, b1.item_title) == (
        SEPTEMBER,
        "154",
        "Budget Monitoring",
    )


def test_the_order_the_meetings_come_in_does_not_matter() -> None:
    meetings = [june(), september(), november()]
    wanted = action_log(meetings, plain)
    for seed in range(5):
        shuffled = meetings[:]
        random.Random(seed).shuffle(shuffled)
        assert action_log(shuffled, plain) == wanted


def test_a_copy_whose_original_meeting_is_missing_still_gives_an_entry() -> None:
    log = action_log([november(), september()], plain)
    assert [e.id for e in log] == ["a1", "a2", "a3", "a4", "b1"]
    a1 = log[0]
    assert (a1.raised_on, a1.raised_minute, a1.item_title) == (JUNE, "150", "")
    assert (a1.done, a1.closed_at) == (True, SEPTEMBER)
    assert by_id(log)["b1"].item_title == "Budget Monitoring"


def test_copies_of_unknown_origin_sort_by_minute_as_numbers() -> None:
    later = Meeting(
        date=SEPTEMBER,
        items=(
            Item(
                title="Matters Arising",
                actions=(
                    carried("ten", "10"),
                    carried("nine", "9"),
                    carried("four-b", "4.10"),
                    carried("four-a", "4.2"),
                ),
            ),
        ),
    )
    assert [e.id for e in action_log([later], plain)] == ["four-a", "four-b", "nine", "ten"]


def test_order_is_meeting_then_minute_then_place_in_the_minute() -> None:
    first = Meeting(
        date=JUNE,
        items=(
            Item(id="x", title="X", actions=(action("x2"), action("x1"))),
            Item(id="y", title="Y", actions=(action("y1"),)),
        ),
    )
    earlier = Meeting(date=dt.date(2025, 3, 1), items=(Item(title="Z", actions=(action("z1"),)),))
    assert [e.id for e in action_log([first, earlier], plain)] == ["z1", "x2", "x1", "y1"]


def test_minute_labels_are_the_raising_meetings_own_in_its_style() -> None:
    district = HouseStyle(name="d", display_name="D", minute_number_format="{prefix} {ss}/{nnn}")
    styled = Meeting(
        date=JUNE,
        first_minute_number=42,
        minute_prefix="C",
        sequence=8,
        items=(Item(title="Grants", actions=(action("g1"),)),),
    )
    log = action_log([styled, september()], lambda m: district if m.date == JUNE else PLAIN)
    assert by_id(log)["g1"].raised_minute == "C 08/042"
    assert by_id(log)["b1"].raised_minute == "154"


def test_reopened_and_closed_again_counts_from_the_later_closing() -> None:
    later = november().model_copy(
        update={
            "items": (
                Item(
                    title="Matters Arising",
                    actions=(carried("a1", "150", done=True, done_on="2025-11-20"),),
                ),
            )
        }
    )
    middle = september()
    middle = reopen_action(middle, "a1")
    a1 = by_id(action_log([june(), middle, later], plain))["a1"]
    assert (a1.done, a1.closed_at, a1.done_on) == (True, NOVEMBER, NOVEMBER)
    still_open = by_id(action_log([june(), middle], plain))["a1"]
    assert (still_open.done, still_open.closed_at, still_open.done_on) == (False, None, None)


def test_overdue_and_status_text() -> None:
    a1, a2, a3, a4, b1 = action_log([june(), september(), november()], plain)
    today = dt.date(2025, 12, 2)
    assert [e.overdue(today) for e in (a1, a2, a3, a4, b1)] == [False, False, False, True, True]
    assert not a4.overdue(dt.date(2025, 12, 1))  # due today is not overdue
    assert not a3.overdue(today)  # no due date
    assert a1.status_text(today) == "Done 23 September 2025"
    assert a2.status_text(today) == "Done 20 November 2025"  # recorded done at that meeting
    assert a3.status_text(today) == "Open"
    assert b1.status_text(today) == "Overdue (due 1 October 2025)"
    assert [e.state(today) for e in (a1, a3, b1)] == ["Done", "Open", "Overdue"]
    us = HouseStyle(name="us", display_name="US", short_date_format="{month} {d}, {yyyy}")
    assert a1.status_text(today, us) == "Done September 23, 2025"


def test_open_actions_are_those_left_open_by_the_meetings_before() -> None:
    meetings = [november(), june(), september()]
    assert [e.id for e in open_actions(meetings, SEPTEMBER, plain)] == ["a1", "a2", "a3", "a4"]
    assert [e.id for e in open_actions(meetings, NOVEMBER, plain)] == ["a2", "a3", "a4", "b1"]
    assert [e.id for e in open_actions(meetings, dt.date(2026, 1, 1), plain)] == ["a3", "a4", "b1"]
    copy = open_actions(meetings, NOVEMBER, plain)[0].carried()
    assert (copy.id, copy.raised_on, copy.raised_minute, copy.done, copy.owner) == (
        "a2", JUNE, "150", False, "Officers",
    )  # fmt: skip


def test_close_and_reopen_are_pure_operations_on_a_meeting() -> None:
    before = september()
    closed = close_action(before, "a3", SEPTEMBER)
    assert before.items[0].actions[2].done is False  # the old meeting is untouched
    a3 = closed.items[0].actions[2]
    assert (a3.id, a3.done, a3.done_on, a3.raised_minute) == ("a3", True, SEPTEMBER, "151")
    assert closed.items[1] is before.items[1]  # unchanged items are shared
    reopened = reopen_action(closed, "a3")
    assert (reopened.items[0].actions[2].done, reopened.items[0].actions[2].done_on) == (
        False,
        None,
    )
    assert reopened == before
    with pytest.raises(UnknownActionError, match="no action with the id 'nope'"):
        close_action(before, "nope", SEPTEMBER)


def test_the_sample_meetings_four_actions_carry_its_minute_numbers() -> None:
    from clerk_app import locations

    sample = load_meeting(locations.sample_meeting())
    style = find_style(sample.house_style).style
    log = action_log([sample], lambda _: style)
    assert [(e.raised_minute, e.raised_on) for e in log] == [
        ("158", sample.date), ("158", sample.date), ("159", sample.date), ("161", sample.date),
    ]  # fmt: skip
    assert log[3].due == dt.date(2025, 9, 23) and log[3].overdue(dt.date(2025, 9, 24))
