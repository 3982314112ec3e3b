"""The cross-checks through the whole `check_meeting`: each defect is exactly one finding, naming
the person and the minute, at the field to correct; a meeting without them has none; the
shipped samples have none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.domain.finding import Finding, FindingKind, Severity
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    AttendanceStatus,
    Interest,
    InterestAction,
    InterestKind,
    Item,
    ListEntry,
    Meeting,
    NamedVote,
    NoticeOfMotion,
    Outcome,
    Paragraph,
    Resolution,
    Role,
    RollAnswer,
    RollCallEntry,
    Session,
    StandingItem,
    VoteChoice,
)
from clerk_app.render.styles import load_style_folder
from clerk_app.storage import load_meeting
from tests.people import attendee

PLAIN = HouseStyle(name="plain", display_name="Plain")
OURS = (FindingKind.CROSS_CHECK, FindingKind.QUORUM)
REPO = Path(__file__).resolve().parents[2]
VOTERS = ("chair", "vice", "moore", "kit", "dean", "fox", "gray", "hill")


def _plan(**fields: object) -> Resolution:
    data: dict[str, object] = {
        "resolutions": (ListEntry(text="That the application be approved."),),
        "proposer_id": "moore",
        "seconder_id": "kit",
        "votes_for": 7,
        "votes_against": 0,
        "abstentions": 1,
        "outcome": Outcome.CARRIED,
    }
    data.update(fields)
    return Resolution.model_validate(data)


def _agreed(**fields: object) -> Resolution:
    return Resolution.model_validate(
        {"resolutions": (ListEntry(text="That the accounts be approved."),), **fields}
    )


def clean(**changes: object) -> Meeting:
    """Eight voting members present, one with apologies, a co-opted member without a vote and
    an officer; nothing wrong with it."""
    people = (
        attendee("chair", "Ann", "Bonham", title="Councillor", role=Role.CHAIR),
        attendee("vice", "Raj", "Patel", title="Councillor", role=Role.VICE_CHAIR),
        attendee("moore", "Lucy", "Moore", title="Councillor"),
        attendee("kit", "Sam", "Kitterick", title="Councillor"),
        attendee("dean", "Jo", "Dean", title="Councillor"),
        attendee("fox", "Al", "Fox", title="Councillor"),
        attendee("gray", "Di", "Gray", title="Councillor"),
        attendee("hill", "Bo", "Hill", title="Councillor"),
        attendee("orr", "Ed", "Orr", title="Councillor", status=AttendanceStatus.APOLOGIES),
        attendee(
            "youth",
            "Mia",
            "Lee",
            role=Role.CO_OPTED,
            votes=False,
            capacity="Youth Representative",
        ),
        attendee("clerk", "Pat", "Ray", role=Role.OFFICER, capacity="Clerk"),
    )
    items = (
        Item(
            id="apol",
            title="Apologies",
            standing=StandingItem.WELCOME_AND_APOLOGIES,
            blocks=(Paragraph(text="Apologies were received from Councillor Orr."),),
        ),
        Item(
            id="dec",
            title="Declarations of Interest",
            standing=StandingItem.DECLARATIONS,
            blocks=(Paragraph(text="Declarations were made as recorded."),),
        ),
        Item(
            id="plan",
            title="Planning",
            blocks=(
                Paragraph(text="Councillor Moore said that the scheme was welcome."),
                _plan(),
            ),
        ),
        Item(id="fin", title="Finance", blocks=(_agreed(),)),
        Item(id="aob", title="Any Other Business", blocks=(Paragraph(text="None."),)),
    )
    meeting = Meeting(
        authority="Anytown Council",
        body="Planning Committee",
        date=dt.date(2025, 6, 18),
        start_time=dt.time(19, 0),
        close_time=dt.time(21, 0),
        first_minute_number=156,
        attendance=people,
        items=items,
    )
    return meeting.model_copy(update=changes)


def with_person(meeting: Meeting, key: str, **fields: object) -> Meeting:
    people = tuple(p.model_copy(update=fields) if p.id == key else p for p in meeting.attendance)
    return meeting.model_copy(update={"attendance": people})


def with_item(meeting: Meeting, key: str, *blocks: object) -> Meeting:
    items = tuple(
        i.model_copy(update={"blocks": blocks}) if i.id == key else i for i in meeting.items
    )
    return meeting.model_copy(update={"items": items})


def the_one(meeting: Meeting, style: HouseStyle = PLAIN) -> Finding:
    """The meeting's only finding, of any kind."""
    findings = check_meeting(meeting, style)
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def all_votes(choice: VoteChoice = VoteChoice.FOR, *who: str) -> tuple[NamedVote, ...]:
    return tuple(NamedVote(attendee_id=key, choice=choice) for key in (who or VOTERS))


def test_a_clean_meeting_has_no_findings() -> None:
    assert check_meeting(clean(), PLAIN) == []


def test_the_issues_example_left_the_room_and_voted_for() -> None:
    """A disclosable pecuniary interest, left the room, then recorded voting For: one finding,
    at the vote (the count of 7 for and 1 abstaining, with her vote queried, is not queried
    again)."""
    votes = (
        *all_votes(VoteChoice.FOR, *VOTERS[:7]),
        NamedVote(attendee_id="hill", choice=VoteChoice.ABSTAIN),
    )
    meeting = with_item(
        clean(
            interests=(
                Interest(
                    attendee_id="moore",
                    interest="she owns the neighbouring land",
                    kind=InterestKind.DISCLOSABLE_PECUNIARY,
                    item_id="plan",
                    action=InterestAction.LEFT_ROOM,
                ),
            )
        ),
        "plan",
        _plan(proposer_id="dean", named_votes=votes),
    )
    finding = the_one(meeting)
    assert finding.kind is FindingKind.CROSS_CHECK
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 158: Councillor Lucy Moore declared a disclosable pecuniary interest and left "
        "the room for the item, but is recorded voting for the motion."
    )
    assert finding.path == ("items", 2, "blocks", 0, "named_votes", 2)


def test_the_issues_example_more_votes_than_members_present() -> None:
    """7 for and 1 abstaining with only 7 voting members present (Councillor Hill arrived at
    the next item); the co-opted member without a vote and the officer do not count."""
    meeting = with_person(clean(), "hill", present_from_item="fin")
    finding = the_one(meeting)
    assert finding.kind is FindingKind.CROSS_CHECK
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 158: 8 votes recorded (7 for, 1 abstaining) but only 7 voting members were "
        "present for it."
    )
    assert finding.path == ("items", 2, "blocks", 1, "votes_for")


def test_more_votes_than_members_free_to_vote_says_who_took_no_part() -> None:
    meeting = clean(
        interests=(
            Interest(
                attendee_id="gray",
                interest="a friend is the applicant",
                item_id="plan",
                action=InterestAction.NO_VOTE,
            ),
        )
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 158: 8 votes recorded (7 for, 1 abstaining) but only 7 voting members were "
        "present for it and free to vote (1 other took no part, having declared an interest)."
    )


def test_taking_no_part_but_seconding() -> None:
    meeting = clean(
        interests=(
            Interest(
                attendee_id="kit",
                interest="he is a governor of the school",
                kind=InterestKind.OTHER_REGISTRABLE,
                item_id="plan",
                action=InterestAction.NO_DISCUSSION_OR_VOTE,
            ),
        )
    )
    meeting = with_item(meeting, "plan", _plan(votes_for=6))
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 158: Councillor Sam Kitterick declared an other registrable interest and took "
        "no part in the discussion or vote, but is recorded seconding the motion."
    )
    assert finding.path == ("items", 2, "blocks", 0, "seconder_id")


def test_apologies_but_proposing_and_voting_is_one_finding() -> None:
    meeting = with_item(
        clean(),
        "fin",
        _agreed(
            proposer_id="orr",
            seconder_id="kit",
            recorded_vote=True,
            named_votes=all_votes(VoteChoice.FOR, *VOTERS[:7], "orr"),
        ),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 159: Councillor Ed Orr sent apologies, but is recorded proposing and voting for "
        "the motion."
    )
    assert finding.path == ("items", 3, "blocks", 0, "proposer_id")


def test_absent_but_seconding() -> None:
    meeting = with_item(
        with_person(clean(), "orr", status=AttendanceStatus.ABSENT),
        "fin",
        _agreed(proposer_id="moore", seconder_id="orr"),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 159: Councillor Ed Orr was absent, but is recorded seconding the motion."
    )
    assert finding.path == ("items", 3, "blocks", 0, "seconder_id")


def test_had_left_but_voting_in_a_recorded_vote() -> None:
    meeting = with_item(
        with_person(clean(), "dean", present_to_item="plan"),
        "fin",
        _agreed(recorded_vote=True, named_votes=all_votes()),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 159: Councillor Jo Dean had left (present until minute 158), but is recorded "
        "voting for the motion."
    )
    assert finding.path == ("items", 3, "blocks", 0, "named_votes", 4)


def test_not_yet_arrived_but_asking_for_a_recorded_vote() -> None:
    meeting = with_item(
        with_item(with_person(clean(), "fox", present_from_item="aob"), "plan", _plan(votes_for=6)),
        "fin",
        _agreed(
            recorded_vote=True,
            requested_by_id="fox",
            named_votes=all_votes(VoteChoice.FOR, *(v for v in VOTERS if v != "fox")),
        ),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 159: Councillor Al Fox had not yet arrived (present from minute 160), but is "
        "recorded asking for a recorded vote."
    )
    assert finding.path == ("items", 3, "blocks", 0, "requested_by_id")


def test_apologies_but_moving_a_notice_of_motion() -> None:
    notice = NoticeOfMotion(mover_id="orr", seconder_id="kit", motion="That the council...")
    meeting = with_item(clean(), "aob", notice)
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 160: Councillor Ed Orr sent apologies, but is recorded moving the notice of motion."
    )
    assert finding.path == ("items", 4, "blocks", 0, "mover_id")


def test_excused_at_the_sessions_roll_call_but_proposing() -> None:
    session = Session(
        id="s1",
        title="Regular Session",
        roll_call=tuple(
            RollCallEntry(
                attendee_id=key, answer=RollAnswer.EXCUSED if key == "moore" else RollAnswer.PRESENT
            )
            for key in VOTERS
        ),
    )
    meeting = clean(sessions=(session,))
    items = tuple(i.model_copy(update={"session_id": "s1"}) for i in meeting.items)
    meeting = with_item(meeting.model_copy(update={"items": items}), "plan", _plan(votes_for=6))
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 158: Councillor Lucy Moore was excused at the roll call of the session "
        "'Regular Session', but is recorded proposing the motion."
    )


def test_a_co_opted_member_without_a_vote_recorded_voting() -> None:
    meeting = with_item(
        clean(),
        "fin",
        _agreed(named_votes=(*all_votes(), NamedVote(attendee_id="youth", choice=VoteChoice.FOR))),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 159: Mia Lee is a co-opted member without a vote, but is recorded voting for "
        "the motion."
    )
    assert finding.path == ("items", 3, "blocks", 0, "named_votes", 8)


def test_a_recorded_vote_asked_for_without_names_is_an_error_naming_who_asked() -> None:
    meeting = with_item(clean(), "fin", _agreed(recorded_vote=True, requested_by_id="gray"))
    finding = the_one(meeting)
    assert finding.severity is Severity.ERROR
    assert finding.kind is FindingKind.CROSS_CHECK
    assert finding.message == (
        "Minute 159: a recorded vote was asked for by Councillor Di Gray but nobody's vote is "
        "recorded."
    )
    assert finding.path == ("items", 3, "blocks", 0, "named_votes")


def test_speaking_while_away_is_a_warning() -> None:
    meeting = with_item(
        clean(),
        "plan",
        Paragraph(text="Councillor Orr said that the scheme was too large."),
        _plan(),
    )
    finding = the_one(meeting)
    assert finding.severity is Severity.WARNING
    assert finding.kind is FindingKind.CROSS_CHECK
    assert finding.message == (
        "Minute 158: Councillor Ed Orr sent apologies, but the minute says 'Councillor Orr said'."
    )
    assert finding.path == ("items", 2, "blocks", 0, "text")


def test_speaking_in_a_nested_entry_after_leaving() -> None:
    from clerk_app.domain.model import BulletList

    meeting = with_item(
        with_person(clean(), "hill", present_to_item="plan"),
        "aob",
        BulletList(entries=(ListEntry(text="Cllr Hill asked about the bins."),)),
    )
    finding = the_one(meeting)
    assert finding.message == (
        "Minute 160: Councillor Bo Hill had left (present until minute 158), but the minute "
        "says 'Cllr Hill asked'."
    )
    assert finding.path == ("items", 4, "blocks", 0, "entries", 0, "text")


def test_a_name_two_people_share_is_not_queried() -> None:
    meeting = with_item(
        clean(),
        "plan",
        Paragraph(text="Councillor Patel said that the scheme was too large."),
        _plan(),
    )
    twin = attendee("twin", "Kim", "Patel", title="Councillor", status=AttendanceStatus.APOLOGIES)
    meeting = meeting.model_copy(update={"attendance": (*meeting.attendance, twin)})
    assert check_meeting(meeting, PLAIN) == []


def test_a_substitute_beside_the_member_they_replace() -> None:
    sub = attendee(
        "sub",
        "Kay",
        "Ng",
        title="Councillor",
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for="Councillor Hill",
    )
    meeting = clean()
    meeting = meeting.model_copy(update={"attendance": (*meeting.attendance, sub)})
    finding = the_one(meeting)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Councillor Kay Ng is recorded as substitute for Councillor Bo Hill, who is also "
        "recorded present: mark Councillor Bo Hill's apologies, or correct whom Councillor Kay "
        "Ng replaced."
    )
    assert finding.path == ("attendance", 7, "status")
    # the member with apologies: as it should be
    apologised = with_person(meeting, "hill", status=AttendanceStatus.APOLOGIES)
    assert check_meeting(apologised, PLAIN) == []


def test_a_chair_who_left_with_nobody_presiding() -> None:
    meeting = with_person(
        with_person(clean(), "chair", present_to_item="plan"),
        "vice",
        status=AttendanceStatus.APOLOGIES,
    )
    meeting = with_item(meeting, "plan", _plan(votes_for=6))
    finding = the_one(meeting)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 159: the Chair, Councillor Ann Bonham, had left (present until minute 158) and "
        "nobody is recorded presiding: say who took the chair in minute 158."
    )
    assert finding.path == ("items", 2, "blocks")


def test_a_chair_who_left_with_the_vice_chair_or_a_member_taking_the_chair() -> None:
    left = with_person(clean(), "chair", present_to_item="plan")
    assert check_meeting(left, PLAIN) == []  # the vice-chair was present
    no_vice = with_person(left, "vice", status=AttendanceStatus.APOLOGIES)
    said = with_item(
        no_vice,
        "plan",
        Paragraph(text="Councillor Moore said that the scheme was welcome."),
        _plan(votes_for=6),
        Paragraph(text="Councillor Moore took the chair for the remaining business."),
    )
    assert check_meeting(said, PLAIN) == []


def test_taking_part_while_present_is_fine_for_everyone() -> None:
    findings = check_meeting(
        with_item(clean(), "fin", _agreed(recorded_vote=True, named_votes=all_votes())), PLAIN
    )
    assert findings == []


def _samples() -> list[Path]:
    samples = REPO / "resources" / "samples"
    return sorted(samples.glob("*.minutes")) + sorted(samples.glob("committees/*/*.minutes"))


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_the_shipped_samples_have_no_cross_check_findings(path: Path) -> None:
    from clerk_app.services.year import folder_committee

    meeting = load_meeting(path)
    style = load_style_folder(REPO / "templates" / meeting.house_style).style
    findings = check_meeting(meeting, style, committee=folder_committee(path.parent, meeting))
    assert [f.message for f in findings if f.kind in OURS] == []
    assert [f.message for f in findings if f.severity is Severity.ERROR and f.kind in OURS] == []


def test_the_parish_sample_with_the_issues_defect() -> None:
    """A copy of the parish sample: a councillor declared a disclosable pecuniary interest and
    left the room for an item whose resolution records her voting For."""
    meeting = load_meeting(REPO / "resources" / "samples" / "parish-2020-11-12.minutes")
    style = load_style_folder(REPO / "templates" / "parish").style
    before = check_meeting(meeting, style)
    n, block_index, block = next(
        (n, b, block)
        for n, item in enumerate(meeting.items)
        for b, block in enumerate(item.blocks)
        if isinstance(block, Resolution) and not item.exempt
    )
    item = meeting.items[n]
    member = next(p for p in meeting.attendance if p.attended and p.role is Role.MEMBER)
    vote = NamedVote(attendee_id=member.id, choice=VoteChoice.FOR)
    changed = block.model_copy(update={"named_votes": (vote,), "votes_for": None})
    blocks = list(item.blocks)
    blocks[block_index] = changed
    items = list(meeting.items)
    items[n] = item.model_copy(update={"blocks": tuple(blocks)})
    interest = Interest(
        attendee_id=member.id,
        interest="owns land nearby",
        kind=InterestKind.DISCLOSABLE_PECUNIARY,
        item_id=item.id,
        action=InterestAction.LEFT_ROOM,
    )
    defect = meeting.model_copy(
        update={"items": tuple(items), "interests": (*meeting.interests, interest)}
    )
    after = check_meeting(defect, style)
    new = [f for f in after if f not in before]
    assert len(new) == 1, [f.message for f in new]
    (finding,) = new
    assert member.display_name in finding.message
    assert "left the room" in finding.message and "voting for the motion" in finding.message
    from clerk_app.domain.findings import item_names

    assert finding.message.startswith(item_names(defect, style)[n] + ":")
    assert finding.message.startswith("Minute ") and "/20" in finding.message.split(":")[0]


def test_votes_counted_before_any_voting_member_is_recorded_are_not_queried() -> None:
    """A clerk typing the minutes before the attendance: nothing to count the votes against."""
    officers_only = clean(attendance=(clean().attendance[-1],))
    assert [f for f in check_meeting(officers_only, PLAIN) if f.kind in OURS] == []


def test_votes_with_every_voting_member_away() -> None:
    everyone_late = clean()
    for key in VOTERS:
        everyone_late = with_person(everyone_late, key, present_from_item="aob")
    finding = next(f for f in check_meeting(everyone_late, PLAIN) if f.path[-1:] == ("votes_for",))
    assert finding.message == (
        "Minute 158: 8 votes recorded (7 for, 1 abstaining) but no voting member was present "
        "for it."
    )


def test_a_chair_out_of_the_room_for_an_interest_with_nobody_presiding() -> None:
    interest = Interest(
        attendee_id="chair",
        interest="she is a trustee of the applicant",
        item_id="fin",
        action=InterestAction.LEFT_ROOM,
    )
    no_vice = with_person(clean(interests=(interest,)), "vice", status=AttendanceStatus.APOLOGIES)
    no_vice = with_item(no_vice, "plan", _plan(votes_for=6))
    finding = the_one(no_vice)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 159: the Chair, Councillor Ann Bonham, left the room for the item (a declared "
        "interest) and nobody is recorded presiding: say who took the chair for it."
    )
    assert finding.path == ("items", 3, "blocks")
    said = with_item(
        no_vice, "fin", Paragraph(text="Councillor Moore was in the Chair."), _agreed()
    )
    assert check_meeting(said, PLAIN) == []
    assert check_meeting(clean(interests=(interest,)), PLAIN) == []  # the vice-chair presided
