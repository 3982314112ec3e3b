"""Findings about the committee's year: the previous minutes confirmed, and their date."""

from __future__ import annotations

import datetime as dt

from clerk_app.domain.findings import Severity, check_meeting, previous_minutes_findings
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    Attendance,
    Item,
    Meeting,
    MeetingStatus,
    Paragraph,
    Person,
    Role,
    StandingItem,
)

STYLE = HouseStyle(name="p", display_name="P", short_date_format="{d} {month} {yyyy}")
US = HouseStyle(name="us", display_name="US", short_date_format="{month} {d}, {yyyy}")
JUNE = dt.date(2025, 6, 18)
SEPTEMBER = dt.date(2025, 9, 23)


def meeting(
    day: dt.date = SEPTEMBER,
    *,
    first: int = 164,
    confirmed: bool = False,
    names: dt.date | None = JUNE,
    status: MeetingStatus = MeetingStatus.DRAFT,
    minutes_item: bool = True,
) -> Meeting:
    items = [Item(id="budget", title="Budget", blocks=(Paragraph(text="Noted."),))]
    if minutes_item:
        items.insert(
            0,
            Item(
                id="minutes",
                title="Minutes of the Previous Meeting",
                standing=StandingItem.PREVIOUS_MINUTES,
                previous_meeting=names,
                minutes_confirmed=confirmed,
                blocks=(Paragraph(text="Agreed as a correct record."),),
            ),
        )
    return Meeting(
        authority="Leicester City Council",
        body="Children, Young People and Education Scrutiny Commission",
        date=day,
        start_time=dt.time(17, 30),
        status=status,
        confirmed_on=SEPTEMBER if status is MeetingStatus.APPROVED else None,
        first_minute_number=first,
        attendance=(Attendance(person=Person(title="Cllr", name="Batool"), role=Role.CHAIR),),
        items=tuple(items),
    )


def june(status: MeetingStatus = MeetingStatus.DRAFT) -> Meeting:
    items = tuple(Item(title=f"Report {n}", blocks=(Paragraph(text="Noted."),)) for n in range(6))
    return meeting(JUNE, first=158, status=status, minutes_item=False).model_copy(
        update={"items": items}  # minutes 158 to 163
    )


def year(found: Meeting, previous: Meeting, style: HouseStyle = STYLE) -> list[str]:
    return [f.message for f in previous_minutes_findings(found, previous, style)]


def test_a_draft_with_the_previous_minutes_item_still_has_them_before_it() -> None:
    # prepared, or being written up: the clerk ticks the box when they are agreed; a format 2
    # file's item, which names no meeting, counts too
    assert previous_minutes_findings(meeting(), june(), STYLE) == []
    assert previous_minutes_findings(meeting(names=None), june(), STYLE) == []


def test_minutes_never_confirmed_name_the_previous_meetings_date() -> None:
    approved = meeting(status=MeetingStatus.APPROVED)  # its own minutes are settled
    (finding,) = previous_minutes_findings(approved, june(), STYLE)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "The minutes of the previous meeting, 18 June 2025, were never confirmed: they are "
        "still a draft, and this meeting does not record agreeing them as a correct record."
    )
    assert finding.path == ("items", 0, "minutes_confirmed")  # Enter goes to the box
    # the same with no previous minutes item at all: the finding is about the meeting
    (finding,) = previous_minutes_findings(meeting(minutes_item=False), june(), STYLE)
    assert "18 June 2025, were never confirmed" in finding.message
    assert finding.path == ()
    # dates as the meeting's house style writes them
    assert year(approved, june(), US)[0].startswith(
        "The minutes of the previous meeting, June 18, 2025, were never confirmed"
    )


def test_no_finding_when_confirmed_and_approved_or_when_there_is_no_previous_meeting() -> None:
    assert year(meeting(confirmed=True), june(MeetingStatus.APPROVED)) == []
    assert year(meeting(), june(MeetingStatus.APPROVED)) == []  # approved elsewhere: fine
    assert previous_minutes_findings(meeting(), None, STYLE) == []
    assert previous_minutes_findings(meeting(names=dt.date(2025, 6, 1)), None, STYLE) == []


def test_confirmed_here_but_the_previous_file_is_still_a_draft() -> None:
    (finding,) = previous_minutes_findings(meeting(confirmed=True), june(), STYLE)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "Minute 164 agrees the minutes of 18 June 2025 as a correct record, but that meeting's "
        "file is still marked as a draft, not approved."
    )
    assert finding.path == ("items", 0, "minutes_confirmed")


def test_the_previous_minutes_item_names_another_date() -> None:
    wrong = meeting(names=dt.date(2025, 5, 21), confirmed=True)
    (finding,) = previous_minutes_findings(wrong, june(MeetingStatus.APPROVED), STYLE)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "Minute 164 is the minutes of the meeting held on 21 May 2025, but the committee's "
        "previous meeting was on 18 June 2025."
    )
    assert finding.path == ("items", 0, "previous_meeting")
    assert year(meeting(names=None, confirmed=True), june(MeetingStatus.APPROVED)) == []


def test_check_meeting_says_them_after_the_numbers() -> None:
    found = check_meeting(meeting(first=160, minutes_item=False), STYLE, june())
    messages = [f.message for f in found]
    assert messages[0].startswith("Minute numbers 160 to 160 were already used")
    assert messages[1].startswith("The minutes of the previous meeting, 18 June 2025")
    assert check_meeting(meeting(confirmed=True), STYLE, june(MeetingStatus.APPROVED)) == []
