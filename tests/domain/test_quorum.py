"""The quorum item by item: the first item at which fewer voting members were in the room than
the committee's quorum is one finding through the whole `check_meeting`: an error when a
decision is recorded at it or after, a warning when none is."""

from __future__ import annotations

import datetime as dt

from clerk_app.domain.committee import Committee
from clerk_app.domain.finding import FindingKind, Severity
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    AttendanceStatus,
    Interest,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    Paragraph,
    Resolution,
    Role,
    StandingItem,
)
from tests.people import attendee

PLAIN = HouseStyle(name="plain", display_name="Plain")


def _agreed() -> Resolution:
    return Resolution(resolutions=(ListEntry(text="That the report be noted."),))


def meeting(*, decided_late: bool = False, **changes: object) -> Meeting:
    """Four voting members (one leaves after minute 158), a co-opted member without a vote and
    an officer; minutes 156 to 160."""
    people = (
        attendee("chair", "Ann", "Bonham", title="Councillor", role=Role.CHAIR),
        attendee("moore", "Lucy", "Moore", title="Councillor"),
        attendee("kit", "Sam", "Kitterick", title="Councillor", present_to_item="plan"),
        attendee("dean", "Jo", "Dean", title="Councillor"),
        attendee("orr", "Ed", "Orr", title="Councillor", status=AttendanceStatus.APOLOGIES),
        attendee("youth", "Mia", "Lee", role=Role.CO_OPTED, votes=False),
        attendee("clerk", "Pat", "Ray", role=Role.OFFICER),
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
            blocks=(Paragraph(text="None."),),
        ),
        Item(id="plan", title="Planning", blocks=(_agreed(),)),
        Item(id="fin", title="Finance", blocks=(Paragraph(text="Discussed."),)),
        Item(
            id="aob",
            title="Any Other Business",
            blocks=(_agreed(),) if decided_late else (Paragraph(text="None."),),
        ),
    )
    base = Meeting(
        authority="Anytown Council",
        body="Planning Committee",
        date=dt.date(2025, 6, 18),
        start_time=dt.time(19, 0),
        close_time=dt.time(21, 0),
        first_minute_number=156,
        attendance=people,
        items=items,
    )
    return base.model_copy(update=changes)


def committee(quorum: int | None) -> Committee:
    return Committee(authority="Anytown Council", name="Planning Committee", quorum=quorum)


def test_quorate_throughout_gives_nothing() -> None:
    assert check_meeting(meeting(), PLAIN, committee=committee(3)) == []


def test_no_committee_or_no_quorum_gives_nothing() -> None:
    assert check_meeting(meeting(), PLAIN) == []
    assert check_meeting(meeting(), PLAIN, committee=committee(None)) == []
    assert check_meeting(meeting(), PLAIN, committee=committee(0)) == []


def test_the_first_inquorate_item_without_a_decision_after_it_is_a_warning() -> None:
    (finding,) = check_meeting(meeting(), PLAIN, committee=committee(4))
    assert finding.kind is FindingKind.QUORUM
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "Minute 159: only 3 voting members were present, and the committee's quorum is 4."
    )
    assert finding.path == ("items", 3, "blocks")


def test_a_decision_after_the_meeting_became_inquorate_is_an_error() -> None:
    (finding,) = check_meeting(meeting(decided_late=True), PLAIN, committee=committee(4))
    assert finding.kind is FindingKind.QUORUM
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 159: only 3 voting members were present, and the committee's quorum is 4. "
        "A decision is recorded after it, at minute 160, when the meeting could not transact "
        "business."
    )


def test_below_the_quorum_from_the_start() -> None:
    (finding,) = check_meeting(meeting(), PLAIN, committee=committee(5))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 156: only 4 voting members were present, and the committee's quorum is 5. "
        "A decision is recorded after it, at minute 158, when the meeting could not transact "
        "business."
    )


def test_leaving_the_room_for_an_interest_counts_but_taking_no_part_does_not() -> None:
    out = meeting(
        interests=(
            Interest(
                attendee_id="moore",
                interest="she owns the land",
                item_id="plan",
                action=InterestAction.LEFT_ROOM,
            ),
        )
    )
    (finding,) = check_meeting(out, PLAIN, committee=committee(4))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute 158: only 3 voting members were present, and the committee's quorum is 4. "
        "A decision is recorded at it, when the meeting could not transact business."
    )
    in_room = meeting(
        interests=(
            Interest(
                attendee_id="moore",
                interest="she owns the land",
                item_id="plan",
                action=InterestAction.NO_VOTE,
            ),
        )
    )
    (finding,) = check_meeting(in_room, PLAIN, committee=committee(4))
    assert finding.message.startswith("Minute 159:")


def test_only_one_finding_however_many_items_are_inquorate() -> None:
    findings = check_meeting(meeting(decided_late=True), PLAIN, committee=committee(9))
    assert [f.message[:11] for f in findings] == ["Minute 156:"]
