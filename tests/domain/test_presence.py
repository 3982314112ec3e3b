"""Presence item by item: status, part attendance, interests, session roll calls; the grid's
votes, proposers and seconders; how many were in the room; the first item without a quorum."""

from __future__ import annotations

import datetime as dt

from clerk_app.domain.model import (
    AttendanceStatus,
    BulletList,
    Interest,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    NamedVote,
    NoticeOfMotion,
    Resolution,
    Role,
    RollAnswer,
    RollCallEntry,
    Session,
    VoteChoice,
)
from clerk_app.domain.presence import (
    Attendances,
    Cell,
    Presence,
    first_below,
    is_voter,
    presence_grid,
    present_counts,
)
from tests.people import attendee


def _meeting(**fields: object) -> Meeting:
    people = (
        attendee("chair", "Ann", "Bonham", title="Councillor", role=Role.CHAIR),
        attendee("moore", "Lucy", "Moore", title="Councillor"),
        attendee("kit", "Sam", "Kitterick", title="Councillor"),
        attendee("late", "Raj", "Patel", title="Councillor", present_from_item="b"),
        attendee("gone", "Jo", "Dean", title="Councillor", present_to_item="b"),
        attendee("sorry", "Ed", "Fox", title="Councillor", status=AttendanceStatus.APOLOGIES),
        attendee("youth", "Mia", "Lee", role=Role.CO_OPTED, votes=False),
        attendee("clerk", "Pat", "Ray", role=Role.OFFICER),
    )
    items = (
        Item(id="a", title="Apologies"),
        Item(id="b", title="Planning"),
        Item(id="c", title="Finance"),
    )
    data: dict[str, object] = {"date": dt.date(2025, 4, 8), "attendance": people, "items": items}
    data.update(fields)
    return Meeting.model_validate(data)


def test_is_voter_takes_members_with_a_vote_only() -> None:
    meeting = _meeting()
    voters = [p.id for p in meeting.attendance if is_voter(p)]
    assert voters == ["chair", "moore", "kit", "late", "gone", "sorry"]


def test_status_and_part_attendance_place_each_member() -> None:
    grid = presence_grid(_meeting())
    assert [m.id for m in grid.members] == ["chair", "moore", "kit", "late", "gone", "sorry"]
    assert [grid.cell("late", i).presence for i in "abc"] == [
        Presence.NOT_YET,
        Presence.PRESENT,
        Presence.PRESENT,
    ]
    assert [grid.cell("gone", i).presence for i in "abc"] == [
        Presence.PRESENT,
        Presence.PRESENT,
        Presence.LEFT,
    ]
    assert {grid.cell("sorry", i).presence for i in "abc"} == {Presence.ABSENT}
    assert grid.present == (4, 5, 4)
    assert grid.quorum is None and grid.first_inquorate is None


def test_interests_take_a_member_out_or_out_of_the_vote() -> None:
    meeting = _meeting(
        interests=(
            Interest(attendee_id="moore", item_id="b", action=InterestAction.LEFT_ROOM),
            Interest(attendee_id="kit", item_id="b", action=InterestAction.NO_VOTE),
            Interest(attendee_id="chair", item_id="c", action=InterestAction.NO_DISCUSSION_OR_VOTE),
            Interest(attendee_id="chair", item_id="a", action=InterestAction.NONE),
        )
    )
    grid = presence_grid(meeting)
    assert grid.cell("moore", "b").presence is Presence.OUT_FOR_INTEREST
    assert grid.cell("kit", "b").presence is Presence.NO_PART
    assert grid.cell("chair", "c").presence is Presence.NO_PART
    assert grid.cell("chair", "a").presence is Presence.PRESENT
    assert grid.cell("moore", "c").presence is Presence.PRESENT
    # no part still counts as in the room; out of the room does not
    assert grid.present == (4, 4, 4)


def test_leaving_the_room_wins_over_taking_no_part() -> None:
    meeting = _meeting(
        interests=(
            Interest(attendee_id="moore", item_id="b", action=InterestAction.LEFT_ROOM),
            Interest(attendee_id="moore", item_id="b", action=InterestAction.NO_VOTE),
        )
    )
    assert presence_grid(meeting).cell("moore", "b").presence is Presence.OUT_FOR_INTEREST


def test_a_session_roll_call_absence_covers_that_sessions_items() -> None:
    meeting = _meeting(
        sessions=(
            Session(
                id="s1",
                roll_call=(
                    RollCallEntry(attendee_id="moore", answer=RollAnswer.EXCUSED),
                    RollCallEntry(attendee_id="kit", answer=RollAnswer.LATE),
                    RollCallEntry(attendee_id="chair", answer=RollAnswer.ABSENT),
                ),
            ),
            Session(id="s2"),
        ),
        items=(
            Item(id="a", title="Apologies", session_id="s1"),
            Item(id="b", title="Planning", session_id="s1"),
            Item(id="c", title="Finance", session_id="s2"),
        ),
    )
    grid = presence_grid(meeting)
    assert grid.cell("moore", "b").presence is Presence.ABSENT
    assert grid.cell("chair", "a").presence is Presence.ABSENT
    assert grid.cell("kit", "b").presence is Presence.PRESENT
    assert grid.cell("moore", "c").presence is Presence.PRESENT


def test_times_alone_do_not_move_anyone() -> None:
    meeting = _meeting()
    people = list(meeting.attendance)
    people[1] = people[1].model_copy(update={"arrived_at": dt.time(20, 0)})
    grid = presence_grid(meeting.model_copy(update={"attendance": tuple(people)}))
    assert {grid.cell("moore", i).presence for i in "abc"} == {Presence.PRESENT}


def test_a_part_attendance_to_a_deleted_item_is_ignored() -> None:
    meeting = _meeting()
    people = list(meeting.attendance)
    people[1] = people[1].model_copy(update={"present_from_item": "gone-item"})
    grid = presence_grid(meeting.model_copy(update={"attendance": tuple(people)}))
    assert grid.cell("moore", "a").presence is Presence.PRESENT


def test_votes_proposers_and_seconders_nested_ones_too() -> None:
    nested = Resolution(
        proposer_id="kit",
        named_votes=(NamedVote(attendee_id="kit", choice=VoteChoice.AGAINST),),
    )
    outer = Resolution(
        proposer_id="moore",
        seconder_id="chair",
        named_votes=(
            NamedVote(attendee_id="moore", choice=VoteChoice.FOR),
            NamedVote(attendee_id="chair", choice=VoteChoice.ABSTAIN),
        ),
        resolutions=(ListEntry(text="That", blocks=(nested,)),),
    )
    later = Resolution(named_votes=(NamedVote(attendee_id="moore", choice=VoteChoice.AGAINST),))
    items = (
        Item(id="a", title="Apologies"),
        Item(id="b", title="Planning", blocks=(outer, later)),
        Item(
            id="c",
            title="Motions",
            blocks=(
                BulletList(
                    entries=(
                        ListEntry(blocks=(NoticeOfMotion(mover_id="gone", seconder_id="kit"),)),
                    )
                ),
            ),
        ),
    )
    grid = presence_grid(_meeting(items=items))
    assert grid.cell("moore", "b") == Cell(Presence.PRESENT, VoteChoice.FOR, True, False)
    assert grid.cell("chair", "b") == Cell(Presence.PRESENT, VoteChoice.ABSTAIN, False, True)
    assert grid.cell("kit", "b") == Cell(Presence.PRESENT, VoteChoice.AGAINST, True, False)
    assert grid.cell("gone", "c") == Cell(Presence.LEFT, None, True, False)
    assert grid.cell("kit", "c") == Cell(Presence.PRESENT, None, False, True)
    assert grid.cell("moore", "a") == Cell(Presence.PRESENT, None, False, False)


def test_the_first_item_below_the_quorum() -> None:
    grid = presence_grid(_meeting(), quorum=5)
    assert grid.present == (4, 5, 4)
    assert grid.quorum == 5
    assert grid.first_inquorate == 0
    assert presence_grid(_meeting(), quorum=4).first_inquorate is None


def test_a_substitute_is_a_voting_member() -> None:
    meeting = _meeting()
    sub = attendee(
        "sub",
        "Kay",
        "Ng",
        title="Councillor",
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for="Councillor Ed Fox",
    )
    grid = presence_grid(meeting.model_copy(update={"attendance": (*meeting.attendance, sub)}))
    assert grid.members[-1].id == "sub"
    assert grid.present == (5, 6, 5)


def test_anyone_can_be_placed_not_only_voters() -> None:
    meeting = _meeting()
    where = Attendances(meeting)
    clerk = meeting.attendance[-1]
    assert [where.at(clerk, n) for n in range(3)] == [Presence.PRESENT] * 3


def test_the_counts_alone_are_the_grids() -> None:
    meeting = _meeting(
        interests=(
            Interest(attendee_id="moore", item_id="b", action=InterestAction.LEFT_ROOM),
            Interest(attendee_id="kit", item_id="c", action=InterestAction.NO_VOTE),
        )
    )
    assert present_counts(meeting) == presence_grid(meeting).present == (4, 4, 4)
    assert first_below(present_counts(meeting), 5) == 0
    assert first_below(present_counts(meeting), 4) is None
    assert first_below(present_counts(meeting), None) is None
