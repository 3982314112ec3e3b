"""The meeting's rules as pure operations, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.edit import get_at
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.model import (
    STANDING_ITEM_TITLES,
    Adjournment,
    Attendance,
    AttendanceStatus,
    BulletList,
    FollowUp,
    Interest,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    Person,
    Resolution,
    Role,
    RollCallEntry,
    Section,
    Session,
    Speaker,
    StandingItem,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.operations import (
    OperationError,
    add_attendee,
    add_declaration,
    add_item,
    choose_standing,
    delete_item,
    duplicate_item,
    first_present_member,
    index_after,
    index_before,
    move_item,
    move_item_by,
    new_item_after,
    new_item_before,
    present_for,
    relate_motion,
    remove_attendee,
    remove_attendees,
    remove_section,
    remove_session,
    set_role,
    set_standing,
    vote_rows,
    voters,
)
from tests.factories import feature_meeting


def _ids(meeting: Meeting) -> list[str]:
    return [item.id for item in meeting.items]


def _meeting(items: int = 4) -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        items=tuple(Item(id=f"i{n}", title=f"Item {n}") for n in range(items)),
    )


# --- adding, duplicating, deleting and moving items ------------------------------------------------


def test_add_item_places_a_new_item_and_keeps_the_old_meeting() -> None:
    meeting = _meeting(3)
    after, item = add_item(meeting, 1)
    assert _ids(after) == ["i0", item.id, "i1", "i2"]
    assert item == Item(id=item.id)
    assert _ids(meeting) == ["i0", "i1", "i2"]  # the original is untouched
    assert after.items[0] is meeting.items[0]  # unchanged parts are shared


def test_add_item_clamps_the_index_and_never_repeats_an_id() -> None:
    meeting = _meeting(2)
    after, item = add_item(meeting, 99, Item(id="i0", title="Again"))
    assert item.id != "i0" and item.title == "Again"
    assert _ids(after)[-1] == item.id
    Meeting.model_validate(after.model_dump())  # still a valid meeting
    assert _ids(add_item(meeting, -5)[0])[1:] == ["i0", "i1"]


def test_new_item_goes_after_the_current_one_or_at_the_end() -> None:
    meeting = _meeting(3)
    assert index_after(meeting, "i1") == 2
    assert index_after(meeting, None) == 3
    assert index_after(meeting, "gone") == 3
    assert index_before(meeting, "i1") == 1
    assert index_before(meeting, None) == 0
    after, item = new_item_after(meeting, "i1")
    assert _ids(after) == ["i0", "i1", item.id, "i2"]
    after, item = new_item_before(meeting, "i1")
    assert _ids(after) == ["i0", item.id, "i1", "i2"]


def test_duplicate_item_gives_the_copy_and_its_actions_new_ids() -> None:
    meeting = _meeting(2).model_copy(
        update={
            "items": (
                Item(id="i0", title="Budget", actions=(FollowUp(id="act", action="Circulate"),)),
                Item(id="i1"),
            ),
            "interests": (Interest(attendee_id=None, item_id="i0", interest="owns a shop"),),
        }
    )
    after, copy = duplicate_item(meeting, "i0")
    assert _ids(after) == ["i0", copy.id, "i1"]
    assert copy.id != "i0" and copy.title == "Budget"
    assert copy.actions[0].id != "act" and copy.actions[0].action == "Circulate"
    assert after.interests == meeting.interests  # declarations stay with the original
    Meeting.model_validate(after.model_dump())


def test_operations_on_an_unknown_item_say_so() -> None:
    meeting = _meeting(1)
    for operation in (
        lambda: duplicate_item(meeting, "gone"),
        lambda: delete_item(meeting, "gone"),
        lambda: move_item(meeting, "gone", 0),
        lambda: set_standing(meeting, "gone", None),
    ):
        with pytest.raises(OperationError, match="no item"):
            operation()


def test_delete_item_moves_part_attendance_to_the_neighbouring_items() -> None:
    meeting = _meeting(4).model_copy(
        update={
            "attendance": (
                Attendance(id="late", present_from_item="i1"),
                Attendance(id="early", present_to_item="i1"),
                Attendance(id="untouched", present_from_item="i0", present_to_item="i3"),
            )
        }
    )
    after = delete_item(meeting, "i1")
    assert _ids(after) == ["i0", "i2", "i3"]
    late, early, untouched = after.attendance
    assert late.present_from_item == "i2"  # was present from i1: from the one that followed
    assert early.present_to_item == "i0"  # was present to i1: to the one before
    assert untouched is meeting.attendance[2]
    for person in meeting.attendance:  # present for exactly the items they were present for
        for item in after.items:
            assert present_for(after, after.attendee(person.id) or person, item.id) == (
                present_for(meeting, person, item.id)
            )


def test_delete_item_keeps_a_declaration_about_it_for_the_findings() -> None:
    meeting = feature_meeting()
    after = delete_item(meeting, "land")
    assert after.interests == meeting.interests
    assert any(
        f.path == ("interests", 0, "item_id") and "no longer exists" in f.message
        for f in check_meeting(after)
    )


def test_delete_item_keeps_part_attendance_that_has_nowhere_to_go() -> None:
    meeting = _meeting(2).model_copy(
        update={"attendance": (Attendance(id="a", present_from_item="i1"),)}
    )
    after = delete_item(meeting, "i1")
    assert after.attendance[0].present_from_item == "i1"  # a finding, not "from the start"
    assert any(f.path == ("attendance", 0, "present_from_item") for f in check_meeting(after))


def test_move_item_and_move_by_a_step() -> None:
    meeting = _meeting(4)
    assert _ids(move_item(meeting, "i0", 2)) == ["i1", "i2", "i0", "i3"]
    assert _ids(move_item(meeting, "i3", 0)) == ["i3", "i0", "i1", "i2"]
    assert _ids(move_item(meeting, "i1", 99)) == ["i0", "i2", "i3", "i1"]
    assert move_item(meeting, "i1", 1) is meeting
    assert _ids(move_item_by(meeting, "i1", -1)) == ["i1", "i0", "i2", "i3"]
    assert move_item_by(meeting, "i0", -1) is meeting
    assert move_item_by(meeting, "i3", 1) is meeting


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 8), st.data())
def test_move_then_move_back_is_the_same_meeting(count: int, data: st.DataObject) -> None:
    meeting = _meeting(count)
    source = data.draw(st.integers(0, count - 1))
    target = data.draw(st.integers(0, count - 1))
    item_id = meeting.items[source].id
    moved = move_item(meeting, item_id, target)
    assert moved.item_index(item_id) == target
    assert move_item(moved, item_id, source) == meeting


def _referenced_meeting(count: int, data: st.DataObject) -> Meeting:
    ids = [f"i{n}" for n in range(count)]
    maybe_item = st.one_of(st.none(), st.sampled_from(ids))
    people = tuple(
        Attendance(
            id=f"p{n}",
            present_from_item=data.draw(maybe_item),
            present_to_item=data.draw(maybe_item),
        )
        for n in range(data.draw(st.integers(0, 4)))
    )
    interests = tuple(
        Interest(id=f"d{n}", item_id=data.draw(maybe_item))
        for n in range(data.draw(st.integers(0, 3)))
    )
    return _meeting(count).model_copy(update={"attendance": people, "interests": interests})


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6), st.data())
def test_delete_keeps_ids_unique_and_moves_part_attendance_off_the_item(
    count: int, data: st.DataObject
) -> None:
    meeting = _referenced_meeting(count, data)
    doomed = data.draw(st.sampled_from(_ids(meeting)))
    after = delete_item(meeting, doomed)
    Meeting.model_validate(after.model_dump())  # ids unique, every field valid
    assert doomed not in _ids(after)
    assert len(after.items) == count - 1
    for old, new in zip(meeting.attendance, after.attendance, strict=True):
        # A reference to the deleted item is left only where no neighbour can take it (and
        # the findings raise it); otherwise they were present for exactly the same items.
        if new.present_from_item == doomed:
            assert _ids(meeting)[-1] == doomed
        elif new.present_to_item == doomed:
            assert _ids(meeting)[0] == doomed
        else:
            for item in after.items:
                assert present_for(after, new, item.id) == present_for(meeting, old, item.id)
    assert after.interests == meeting.interests


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 6), st.data())
def test_adding_and_duplicating_keep_ids_unique(count: int, data: st.DataObject) -> None:
    meeting = _meeting(count)
    after, _ = add_item(meeting, data.draw(st.integers(-2, count + 2)))
    if count:
        after, _ = duplicate_item(after, data.draw(st.sampled_from(_ids(meeting))))
    ids = _ids(after)
    assert len(ids) == len(set(ids))
    Meeting.model_validate(after.model_dump())


# --- standing items -----------------------------------------------------------------------------


def test_a_standing_item_gets_its_usual_title_when_it_has_none() -> None:
    item = choose_standing(Item(), StandingItem.DECLARATIONS)
    assert item.standing is StandingItem.DECLARATIONS
    assert item.title == "Declarations of Interest"


def test_a_typed_title_stays_when_the_standing_item_changes() -> None:
    item = Item(title="Declarations of Members' Interests")
    assert choose_standing(item, StandingItem.DECLARATIONS).title == item.title


def test_choosing_another_kind_replaces_the_previous_kinds_usual_title() -> None:
    # Before, the first (wrong) choice's title stayed: "Petitions" on a Questions item.
    first = choose_standing(Item(), StandingItem.PETITIONS)
    second = choose_standing(first, StandingItem.QUESTIONS)
    assert second.title == STANDING_ITEM_TITLES[StandingItem.QUESTIONS]
    # Not a standing item any more: the title the clerk has stays.
    assert choose_standing(second, None).title == second.title
    assert choose_standing(second, None).standing is None
    assert choose_standing(second, StandingItem.QUESTIONS) is second


def test_set_standing_in_a_meeting() -> None:
    meeting = _meeting(2).model_copy(update={"items": (Item(id="i0"), Item(id="i1"))})
    after = set_standing(meeting, "i1", StandingItem.ANY_OTHER_BUSINESS)
    assert after.items[1].title == "Any Other Business"
    assert after.items[0] is meeting.items[0]
    assert set_standing(after, "i1", StandingItem.ANY_OTHER_BUSINESS) is after


# --- one chair ---------------------------------------------------------------------------------


def _people() -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        attendance=(
            Attendance(id="a", role=Role.CHAIR),
            Attendance(id="b", role=Role.VICE_CHAIR),
            Attendance(id="c"),
            Attendance(id="o", role=Role.OFFICER),
        ),
    )


def test_marking_a_chair_unchairs_the_previous_one() -> None:
    after = set_role(_people(), "c", Role.CHAIR)
    assert [a.role for a in after.attendance] == [
        Role.MEMBER,
        Role.VICE_CHAIR,
        Role.CHAIR,
        Role.OFFICER,
    ]


def test_the_vice_chair_taking_the_chair_leaves_no_vice_chair() -> None:
    after = set_role(_people(), "b", Role.CHAIR)
    assert [a.role for a in after.attendance][:3] == [Role.MEMBER, Role.CHAIR, Role.MEMBER]


def test_set_role_for_roles_many_people_hold() -> None:
    meeting = _people()
    after = set_role(meeting, "c", Role.OFFICER)
    assert [a.role for a in after.attendance].count(Role.OFFICER) == 2
    assert set_role(meeting, "a", Role.CHAIR) is meeting
    with pytest.raises(OperationError, match="nobody"):
        set_role(meeting, "zz", Role.CHAIR)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list(Role)), min_size=1, max_size=6), st.data())
def test_there_is_never_more_than_one_chair(roles: list[Role], data: st.DataObject) -> None:
    meeting = Meeting(
        date=dt.date(2025, 6, 18),
        attendance=tuple(Attendance(id=f"p{n}", role=r) for n, r in enumerate(roles)),
    )
    for _ in range(data.draw(st.integers(1, 5))):
        who = data.draw(st.sampled_from([a.id for a in meeting.attendance]))
        meeting = set_role(meeting, who, data.draw(st.sampled_from(list(Role))))
    chairs = [a for a in meeting.attendance if a.role is Role.CHAIR]
    had = roles.count(Role.CHAIR)
    assert len(chairs) <= max(1, had)  # a damaged file's two chairs are only ever reduced


def test_add_attendee_gives_a_new_chair_the_chair() -> None:
    after, person = add_attendee(_people(), 1, Attendance(id="a", role=Role.CHAIR))
    assert person.id != "a"
    assert [a.id for a in after.attendance][1] == person.id
    assert [a.role for a in after.attendance].count(Role.CHAIR) == 1
    assert after.attendee(person.id) is not None
    assert after.attendance[1].role is Role.CHAIR
    plain, new = add_attendee(_people(), 99)
    assert plain.attendance[-1] == new == Attendance(id=new.id)


# --- who may vote ----------------------------------------------------------------------------------


def _voting_meeting() -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        items=tuple(Item(id=f"i{n}") for n in range(4)),
        attendance=(
            Attendance(id="chair", role=Role.CHAIR),
            Attendance(id="sub", status=AttendanceStatus.SUBSTITUTE),
            Attendance(id="away", status=AttendanceStatus.APOLOGIES),
            Attendance(id="late", present_from_item="i2"),
            Attendance(id="early", present_to_item="i1"),
            Attendance(id="coopted", role=Role.CO_OPTED),
            Attendance(id="officer", role=Role.OFFICER),
            Attendance(id="guest", role=Role.OTHER),
            Attendance(id="left", person=Person(name="Left")),
            Attendance(id="silent"),
            Attendance(id="spoke"),
            Attendance(id="gone_item", present_from_item="deleted"),
        ),
        interests=(
            Interest(attendee_id="left", item_id="i2", action=InterestAction.LEFT_ROOM),
            Interest(attendee_id="silent", item_id="i2", action=InterestAction.NO_VOTE),
            Interest(attendee_id="spoke", item_id="i2", action=InterestAction.NONE),
            Interest(attendee_id="spoke", item_id=None, action=InterestAction.LEFT_ROOM),
        ),
    )


def test_voters_are_the_members_present_for_the_item() -> None:
    meeting = _voting_meeting()
    ids = [a.id for a in voters(meeting, "i2")]
    assert ids == ["chair", "sub", "late", "coopted", "spoke", "gone_item"]
    ids = [a.id for a in voters(meeting, "i0")]
    assert ids == ["chair", "sub", "early", "coopted", "left", "silent", "spoke", "gone_item"]
    ids = [a.id for a in voters(meeting, "i3")]
    assert "early" not in ids and "late" in ids and "left" in ids


def test_vote_rows_keep_anyone_already_given_a_named_vote() -> None:
    meeting = _voting_meeting()
    block = Resolution(
        named_votes=(
            NamedVote(attendee_id="officer", choice=VoteChoice.FOR),
            NamedVote(attendee_id="nobody", choice=VoteChoice.AGAINST),
        )
    )
    rows = vote_rows(meeting, "i2", block)
    assert rows == ("chair", "sub", "late", "coopted", "officer", "spoke", "gone_item", "nobody")


def test_first_present_member() -> None:
    meeting = _voting_meeting()
    assert first_present_member(meeting) == "chair"
    officers_only = Meeting(
        date=dt.date(2025, 6, 18),
        attendance=(
            Attendance(id="x", status=AttendanceStatus.ABSENT),
            Attendance(id="o", role=Role.OFFICER),
        ),
    )
    assert first_present_member(officers_only) == "o"
    assert first_present_member(Meeting(date=dt.date(2025, 6, 18))) is None
    late_chair = meeting.model_copy(
        update={
            "attendance": (
                Attendance(id="chair", role=Role.CHAIR, present_from_item="i3"),
                *meeting.attendance[1:],
            )
        }
    )
    assert first_present_member(late_chair, "i1") == "sub"
    assert first_present_member(late_chair) == "chair"


def test_add_declaration_names_the_first_member_present() -> None:
    after, interest = add_declaration(_voting_meeting(), 0)
    assert after.interests[0] is interest
    assert interest.attendee_id == "chair"
    again, other = add_declaration(after, 99, interest)
    assert other.id != interest.id and again.interests[-1] is other


# --- removing people ---------------------------------------------------------------------------


def test_removing_a_person_removes_what_refers_to_them() -> None:
    meeting = feature_meeting()
    nested = Resolution(
        resolutions=(ListEntry(text="That:"),),
        proposer_id="b",
        named_votes=(
            NamedVote(attendee_id="a", choice=VoteChoice.FOR),
            NamedVote(attendee_id="b", choice=VoteChoice.AGAINST),
        ),
    )
    holder = BulletList(entries=(ListEntry(text="Inside", blocks=(nested,)),))
    meeting = meeting.model_copy(
        update={"items": (*meeting.items, Item(id="nest", blocks=(holder,)))}
    )
    after = remove_attendee(meeting, "b")
    assert after.attendee("b") is None
    assert after.interests == ()  # b's declaration went with b
    budget = after.item("budget")
    assert budget is not None
    resolution = budget.blocks[0]
    assert isinstance(resolution, Resolution)
    assert resolution.proposer_id == "a" and resolution.seconder_id is None
    assert resolution.votes_for == 6  # the clerk's counted figures stay
    inner = after.items[-1].blocks[0]
    assert isinstance(inner, BulletList)
    kept = inner.entries[0].blocks[0]
    assert isinstance(kept, Resolution)
    assert kept.proposer_id is None
    assert kept.named_votes == (NamedVote(attendee_id="a", choice=VoteChoice.FOR),)
    assert after.item("land") is meeting.item("land")  # untouched items are shared
    dangling = [f for f in check_meeting(after) if "attendance list" in f.message]
    assert dangling == []


def test_remove_attendees_ignores_unknown_ids_and_removes_several() -> None:
    meeting = feature_meeting()
    assert remove_attendees(meeting, ["zz"]) is meeting
    after = remove_attendees(meeting, ["a", "b", "zz"])
    assert [p.id for p in after.attendance] == ["c", "d", "e", "o"]
    with pytest.raises(OperationError):
        remove_attendee(meeting, "zz")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_removing_people_leaves_no_reference_to_them(data: st.DataObject) -> None:
    meeting = feature_meeting()
    ids = [a.id for a in meeting.attendance]
    gone = data.draw(st.sets(st.sampled_from(ids)))
    after = remove_attendees(meeting, gone)
    Meeting.model_validate(after.model_dump())
    assert not _people_referred_to(after) & gone
    assert _people_referred_to(after) <= {a.id for a in after.attendance}
    assert len(after.attendance) == len(ids) - len(gone)


def _people_referred_to(meeting: Meeting) -> set[str]:
    """Every attendee id the meeting's declarations, proposers, seconders and votes name."""
    found = {i.attendee_id for i in meeting.interests if i.attendee_id}
    stack: list[object] = [meeting.model_dump()["items"]]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("proposer_id", "seconder_id", "attendee_id") and value:
                    found.add(value)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


# --- format 2: sub-items, breaks, speakers, sections, sessions, related motions -----------------


def _outline() -> Meeting:
    """A, A1, A2 (sub-items of A), A2a (of A2), B, C."""
    parents = {"A1": "A", "A2": "A", "A2a": "A2"}
    return Meeting(
        date=dt.date(2025, 6, 18),
        items=tuple(
            Item(id=i, title=i, parent_id=parents.get(i))
            for i in ("A", "A1", "A2", "A2a", "B", "C")
        ),
    )


def test_deleting_an_item_gives_its_sub_items_to_its_parent() -> None:
    meeting = _outline()
    without_a2 = delete_item(meeting, "A2")
    assert [(i.id, i.parent_id) for i in without_a2.items] == [
        ("A", None),
        ("A1", "A"),
        ("A2a", "A"),
        ("B", None),
        ("C", None),
    ]
    without_a = delete_item(meeting, "A")
    assert [(i.id, i.parent_id) for i in without_a.items][:3] == [
        ("A1", None),
        ("A2", None),
        ("A2a", "A2"),
    ]


def test_deleting_an_item_moves_a_break_after_it_and_takes_speakers_off_it() -> None:
    meeting = _meeting(3).model_copy(
        update={
            "adjournments": (
                Adjournment(id="a", after_item_id="i1"),
                Adjournment(id="b", after_item_id="i0"),
                Adjournment(id="c", after_item_id="i2"),
            ),
            "speakers": (Speaker(id="s", item_id="i1"), Speaker(id="t", item_id="i2")),
        }
    )
    after = delete_item(meeting, "i1")
    assert [b.after_item_id for b in after.adjournments] == ["i0", "i0", "i2"]
    assert [s.item_id for s in after.speakers] == [None, "i2"]
    first = delete_item(meeting, "i0")
    assert [b.after_item_id for b in first.adjournments] == ["i1", None, "i2"]
    untouched = delete_item(
        _meeting(3).model_copy(update={"speakers": (Speaker(item_id="i2"),)}), "i0"
    )
    assert untouched.speakers[0].item_id == "i2"


def test_moving_an_item_takes_its_sub_items_along() -> None:
    meeting = _outline()
    assert _ids(move_item(meeting, "A", 2)) == ["B", "C", "A", "A1", "A2", "A2a"]
    assert _ids(move_item(meeting, "A2", 4)) == ["A", "A1", "B", "C", "A2", "A2a"]
    # A sub-item put above its parent stops just below it.
    assert _ids(move_item(meeting, "A2", 0)) == ["A", "A2", "A2a", "A1", "B", "C"]
    assert move_item(meeting, "A1", 0) is meeting
    # Sub-items below other items still go with their parent.
    apart = move_item(meeting, "A2", 4)
    assert _ids(move_item(apart, "A", 3)) == ["B", "C", "A", "A1", "A2", "A2a"]


def test_alt_up_and_down_move_an_item_past_its_neighbour_at_its_own_level() -> None:
    meeting = _outline()
    assert _ids(move_item_by(meeting, "B", -1)) == ["B", "A", "A1", "A2", "A2a", "C"]
    assert _ids(move_item_by(meeting, "A", +1)) == ["B", "A", "A1", "A2", "A2a", "C"]
    assert _ids(move_item_by(meeting, "A2", -1)) == ["A", "A2", "A2a", "A1", "B", "C"]
    assert _ids(move_item_by(meeting, "A1", +1)) == ["A", "A2", "A2a", "A1", "B", "C"]
    assert move_item_by(meeting, "A1", -1) is meeting  # never above its parent
    assert move_item_by(meeting, "A2", +1) is meeting  # the last of its parent's
    assert move_item_by(meeting, "A", -1) is meeting
    assert _ids(move_item_by(meeting, "C", -1)) == ["A", "A1", "A2", "A2a", "C", "B"]
    # The numbering reads the moved outline as it was.
    moved = move_item_by(meeting, "A", +1)
    assert MinuteNumbering(moved).labels() == ["1", "2", "2.1", "2.2", "2.2.1", "3"]


def test_removing_people_clears_roll_calls_notices_and_requests() -> None:
    meeting = feature_meeting()
    someone = meeting.attendance[0].id
    other = meeting.attendance[1].id
    notice = NoticeOfMotion(mover_id=someone, seconder_id=other, motion="That...")
    vote = Resolution(
        resolutions=(ListEntry(text="x"),), recorded_vote=True, requested_by_id=someone
    )
    items = (meeting.items[0].model_copy(update={"blocks": (notice, vote)}), *meeting.items[1:])
    session = Session(
        roll_call=(RollCallEntry(attendee_id=someone), RollCallEntry(attendee_id=other))
    )
    meeting = meeting.model_copy(update={"items": items, "sessions": (session, Session())})
    after = remove_attendee(meeting, someone)
    new_notice, new_vote = after.items[0].blocks
    assert new_notice == notice.model_copy(update={"mover_id": None})
    assert isinstance(new_vote, Resolution) and new_vote.requested_by_id is None
    assert [e.attendee_id for e in after.sessions[0].roll_call] == [other]
    assert after.sessions[1] is meeting.sessions[1]


def test_removing_a_section_or_session_leaves_its_items_in_none() -> None:
    meeting = _meeting(3).model_copy(
        update={
            "sections": (Section(id="p"), Section(id="q")),
            "sessions": (Session(id="s"),),
            "items": (
                Item(id="i0", section_id="p", session_id="s"),
                Item(id="i1", section_id="q"),
                Item(id="i2"),
            ),
        }
    )
    after = remove_section(meeting, "p")
    assert [i.section_id for i in after.items] == [None, "q", None]
    assert [s.id for s in after.sections] == ["q"]
    assert after.items[1] is meeting.items[1]
    after = remove_session(meeting, "s")
    assert [i.session_id for i in after.items] == [None, None, None] and after.sessions == ()
    with pytest.raises(OperationError):
        remove_section(meeting, "nope")
    with pytest.raises(OperationError):
        remove_session(meeting, "nope")


def test_relating_a_motion_gives_the_motion_it_refers_to_an_id() -> None:
    original = Resolution(resolutions=(ListEntry(text="That the budget be set."),))
    amendment = Resolution(resolutions=(ListEntry(text="To add..."),))
    nested = BulletList(entries=(ListEntry(text="x", blocks=(amendment,)),))
    meeting = _meeting(1).model_copy(
        update={"items": (Item(id="i0", blocks=(original, amendment, nested)),)}
    )
    after = relate_motion(meeting, "i0", ("blocks", 1), ("blocks", 0), MotionKind.AMENDMENT)
    first, second, _ = after.items[0].blocks
    assert isinstance(first, Resolution) and isinstance(second, Resolution)
    assert first.id and second.relates_to == first.id and second.kind is MotionKind.AMENDMENT
    assert check_meeting(after) == check_meeting(meeting)  # nothing for the clerk to query
    # Relating another keeps the id; a nested motion can be related too.
    path = ("blocks", 2, "entries", 0, "blocks", 0)
    again = relate_motion(after, "i0", path, ("blocks", 0))
    assert get_at(again.items[0], path).relates_to == first.id
    assert get_at(again.items[0], ("blocks", 0)).id == first.id
    # Unrelating; and relating as it already is changes nothing.
    assert relate_motion(again, "i0", path, ("blocks", 0)) is again
    loose = relate_motion(again, "i0", path, None)
    assert get_at(loose.items[0], path).relates_to is None
    # Only to an earlier resolution of the item.
    with pytest.raises(OperationError):
        relate_motion(meeting, "i0", ("blocks", 0), ("blocks", 1))
    with pytest.raises(OperationError):
        relate_motion(meeting, "i0", ("blocks", 2), ("blocks", 0))  # not a resolution


def test_a_duplicate_item_has_its_own_motion_ids() -> None:
    original = Resolution(id="m", resolutions=(ListEntry(text="x"),))
    amendment = Resolution(
        kind=MotionKind.AMENDMENT, relates_to="m", resolutions=(ListEntry(text="y"),)
    )
    meeting = _meeting(1).model_copy(
        update={"items": (Item(id="i0", blocks=(original, amendment)),)}
    )
    after, copy = duplicate_item(meeting, "i0")
    first, second = copy.blocks
    assert isinstance(first, Resolution) and isinstance(second, Resolution)
    assert first.id not in ("", "m") and second.relates_to == first.id
    assert after.items[0] is meeting.items[0]


def test_the_roll_is_filled_from_the_attendance_once() -> None:
    import datetime as _dt

    from clerk_app.domain.model import (
        Attendance,
        AttendanceStatus,
        Meeting,
        Person,
        Role,
        RollAnswer,
        RollCallEntry,
        Session,
    )
    from clerk_app.domain.operations import roll_from_attendance

    meeting = Meeting(
        date=_dt.date(2025, 3, 4),
        attendance=(
            Attendance(id="a", person=Person(name="A"), role=Role.CHAIR),
            Attendance(id="b", person=Person(name="B"), status=AttendanceStatus.APOLOGIES),
            Attendance(id="c", person=Person(name="C"), arrived_at=_dt.time(18, 10)),
            Attendance(id="d", person=Person(name="D"), status=AttendanceStatus.ABSENT),
            Attendance(id="o", person=Person(name="Officer"), role=Role.OFFICER),
        ),
        sessions=(Session(id="s", roll_call=(RollCallEntry(attendee_id="c", note="kept"),)),),
    )
    filled = roll_from_attendance(meeting, 0)
    assert [(e.attendee_id, e.answer, e.time, e.note) for e in filled.sessions[0].roll_call] == [
        ("c", RollAnswer.PRESENT, None, "kept"),
        ("a", RollAnswer.PRESENT, None, ""),
        ("b", RollAnswer.EXCUSED, None, ""),
        ("d", RollAnswer.ABSENT, None, ""),
    ]
    assert roll_from_attendance(filled, 0) is filled


def test_a_co_opted_member_without_a_vote_is_no_voter() -> None:
    meeting = _voting_meeting()
    without = tuple(
        a.model_copy(update={"votes": False}) if a.id == "coopted" else a
        for a in meeting.attendance
    )
    ids = [a.id for a in voters(meeting.model_copy(update={"attendance": without}), "i2")]
    assert ids == ["chair", "sub", "late", "spoke", "gone_item"]
