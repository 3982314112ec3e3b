"""A format 2 meeting that holds every element format 2 added, for the built-in styles' tests
(`test_format2_styles.py`) and for looking at the result by hand:

    python -m tests.render.kitchen_sink OUT_FOLDER

writes its text and Word minutes in the leicester and parish styles, public and full copies.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    AttendanceStatus,
    BreakKind,
    BulletList,
    Heading,
    Instrument,
    Item,
    LeadWord,
    ListEntry,
    ListNumbering,
    Meeting,
    MeetingKind,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Paragraph,
    Person,
    Position,
    Reading,
    Resolution,
    Role,
    RollAnswer,
    RollCallEntry,
    Section,
    SectionKind,
    Session,
    SessionKind,
    Signatory,
    Speaker,
    SpeakerKind,
    Table,
    VoteChoice,
)
from tests.people import attendee, entries

# Words only the exempt item's private minute holds: none may reach a public copy.
EXEMPT_SECRETS = (
    "Grange Farm tender",
    "£182,500",
    "the second bidder's price",
    "Councillor Moore asked whether",
)
EXEMPT_SUMMARY = "The Council considered the tenders for the depot roof."
EXEMPT_RESOLUTION = "That the contract be awarded as set out in the confidential report."


def in_public(key: str, title: str, **fields: Any) -> Item:
    """An item of Part A, taken in the open session."""
    return Item(id=key, title=title, section_id="part-a", session_id="open", **fields)


def kitchen_sink(style: str = "leicester") -> Meeting:
    """Every format 2 element: a meeting kind and sequence, preamble and closing note, two
    sessions with roll calls, sections, unnumbered items and sub-items, headings, tables,
    lettered and roman lists, a notice of motion with its reply, a motion and its amendment
    (withdrawn), debate, unanimous and recorded votes with notes, a by-law read three times,
    decision numbers and a resolution with no lead word, speakers and a deputation, breaks,
    members of the public, signatories, and an exempt item publishing its summary and
    resolution."""

    def member(key: str, given: str, family: str, **more: Any) -> Attendance:
        return attendee(key, given, family, title="Councillor", **more)

    return Meeting(
        authority="Exampleton Borough Council",
        body="Council",
        date=dt.date(2025, 3, 6),
        start_time=dt.time(18, 0),
        close_time=dt.time(21, 5),
        venue="the Council Chamber, Town Hall",
        house_style=style,
        kind=MeetingKind.EXTRAORDINARY,
        sequence=8,
        preamble="The meeting was held in the Council Chamber and broadcast online.",
        closing_note="The Mayor thanked members and closed the meeting at 9.05pm.",
        public_present=12,
        attendance=(
            member("moore", "Lucy", "Moore", role=Role.CHAIR),
            member("patel", "Ravi", "Patel", role=Role.VICE_CHAIR),
            member("lee", "Sam", "Lee"),
            member("khan", "Aisha", "Khan", remote=True),
            member("ward", "Tom", "Ward", status=AttendanceStatus.APOLOGIES),
            attendee("clerk", "Jo", "Clerk", title="Ms", role=Role.OFFICER, capacity="Town Clerk"),
        ),
        sessions=(
            Session(
                id="closed",
                title="Closed session",
                kind=SessionKind.CLOSED,
                start_time=dt.time(18, 0),
                close_time=dt.time(18, 40),
                venue="Committee Room 2",
                roll_call=(
                    RollCallEntry(attendee_id="moore"),
                    RollCallEntry(attendee_id="patel"),
                    RollCallEntry(attendee_id="lee", answer=RollAnswer.LATE, time=dt.time(18, 10)),
                    RollCallEntry(attendee_id="khan", answer=RollAnswer.EXCUSED, note="unwell"),
                ),
                note="The Council met in closed session to consider the depot tenders.",
            ),
            Session(
                id="open",
                title="Open session",
                start_time=dt.time(19, 0),
                roll_call=(
                    RollCallEntry(attendee_id="moore"),
                    RollCallEntry(attendee_id="patel"),
                    RollCallEntry(attendee_id="lee"),
                    RollCallEntry(attendee_id="khan", note="online"),
                ),
            ),
        ),
        sections=(
            Section(
                id="part-b",
                title="Business taken in private",
                kind=SectionKind.CLOSED,
                label="Part B",
            ),
            Section(
                id="part-a",
                title="Matters for decision",
                kind=SectionKind.PART,
                label="Part A",
                note="The following items were taken in public.",
            ),
        ),
        adjournments=(
            Adjournment(
                kind=BreakKind.RECESS,
                after_item_id="depot",
                from_time=dt.time(18, 40),
                to_time=dt.time(19, 0),
                note="Members moved to the Council Chamber",
            ),
        ),
        speakers=(
            Speaker(
                kind=SpeakerKind.DEPUTATION,
                person=Person(title="Mrs", name="Ann Green", organisation="Friends of the Park"),
                on_behalf_of="residents of Mill Lane",
                item_id="parks",
                position=Position.AGAINST,
                summary="Mrs Green asked the Council to keep the bowling green open.",
            ),
            Speaker(
                person=Person(title="Mr", name="Bob Stone"),
                item_id="parks",
                remote=True,
                position=Position.FOR,
            ),
        ),
        signatories=(
            Signatory(role="Mayor", name="Councillor Lucy Moore"),
            Signatory(role="Town Clerk", name="Jo Clerk", signed_on=dt.date(2025, 3, 20)),
        ),
        first_decision_number=40,
        items=(
            Item(
                id="prayers",
                title="Prayers",
                numbered=False,
                blocks=(Paragraph(text="The Mayor's Chaplain led the Council in prayer."),),
            ),
            Item(
                id="depot",
                title="Depot roof tenders",
                section_id="part-b",
                session_id="closed",
                exempt=True,
                exempt_reason="Schedule 12A, paragraph 3",
                exempt_summary=EXEMPT_SUMMARY,
                publish_resolution=True,
                blocks=(
                    Paragraph(
                        text="The Grange Farm tender was the lowest at £182,500, below "
                        "the second bidder's price."
                    ),
                    Resolution(
                        resolutions=entries(EXEMPT_RESOLUTION),
                        numbered=False,
                        proposer_id="moore",
                        seconder_id="patel",
                        debate="Councillor Moore asked whether the bond was in place.",
                        unanimous=True,
                        outcome=Outcome.CARRIED,
                    ),
                ),
            ),
            in_public(
                "parks",
                "Parks and open spaces",
                blocks=(
                    Heading(text="Bowling greens"),
                    Paragraph(text="The Council considered the future of the bowling greens."),
                    NumberedList(
                        numbering=ListNumbering.LOWER_ALPHA,
                        entries=entries("the green at Mill Lane", "the green at the Park"),
                    ),
                    Resolution(
                        id="m1",
                        lead=LeadWord.NONE,
                        proposer_id="lee",
                        seconder_id="khan",
                        motion="That both greens close in October.",
                        debate="Members debated the cost of keeping the greens.",
                        outcome=Outcome.NOT_PUT,
                    ),
                    Resolution(
                        id="a1",
                        kind=MotionKind.AMENDMENT,
                        relates_to="m1",
                        lead=LeadWord.NONE,
                        proposer_id="patel",
                        motion="That the word 'October' be replaced by 'March'.",
                        outcome=Outcome.WITHDRAWN,
                    ),
                    Resolution(
                        kind=MotionKind.SUBSTITUTE,
                        relates_to="m1",
                        number="CAB/2025/14",
                        resolutions=entries(
                            "That the green at Mill Lane stay open.",
                            "That the green at the Park close.",
                        ),
                        proposer_id="moore",
                        seconder_id="patel",
                        recorded_vote=True,
                        requested_by_id="lee",
                        votes_for=2,
                        votes_against=1,
                        abstentions=0,
                        named_votes=(
                            NamedVote(attendee_id="moore", choice=VoteChoice.FOR),
                            NamedVote(attendee_id="patel", choice=VoteChoice.FOR),
                            NamedVote(attendee_id="lee", choice=VoteChoice.AGAINST),
                            NamedVote(
                                attendee_id="khan",
                                choice=VoteChoice.RECUSED,
                                note="because of a declared interest",
                            ),
                        ),
                        outcome=Outcome.CARRIED,
                    ),
                ),
            ),
            in_public(
                "grants",
                "Community grants",
                blocks=(
                    Table(
                        caption="Grants awarded",
                        header=("Applicant", "Purpose", "Amount"),
                        rows=(
                            ("Mill Lane Residents", "Street party", "£400.00"),
                            ("Friends of the Park", "Benches"),
                            ("Exampleton Youth Club", "Minibus repairs", "£1,250.00"),
                        ),
                        total=("Total", "", "£1,650.00"),
                    ),
                    NumberedList(
                        numbering=ListNumbering.UPPER_ROMAN,
                        entries=(
                            ListEntry(
                                text="Conditions of grant",
                                blocks=(
                                    NumberedList(
                                        numbering=ListNumbering.LOWER_ROMAN,
                                        entries=entries("receipts kept", "a report in a year"),
                                    ),
                                ),
                            ),
                            ListEntry(text="Publicity"),
                        ),
                    ),
                    Resolution(
                        resolutions=entries("That the grants be awarded."),
                        numbered=False,
                        unanimous=True,
                    ),
                ),
            ),
            in_public(
                "grants-late",
                "A late application",
                parent_id="grants",
                blocks=(
                    BulletList(entries=entries("received after the closing date")),
                    Resolution(
                        lead_word="NOTED",
                        lead=LeadWord.GIVEN,
                        resolutions=entries("That the application be held over."),
                        numbered=False,
                    ),
                ),
            ),
            in_public(
                "bylaw",
                "Dog control by-law",
                blocks=(
                    Table(rows=(("Fixed penalty", "£100"), ("Dogs on leads", "all year"))),
                    Resolution(
                        instrument=Instrument.BYLAW,
                        number="BL 2025/1",
                        readings=(Reading.FIRST, Reading.SECOND, Reading.THIRD),
                        resolutions=entries("That the by-law be made."),
                        numbered=False,
                        proposer_id="moore",
                        seconder_id="lee",
                        votes_for=3,
                        votes_against=0,
                        abstentions=1,
                        outcome=Outcome.CARRIED,
                    ),
                ),
            ),
            in_public(
                "notice",
                "Motion on notice",
                blocks=(
                    NoticeOfMotion(
                        mover_id="lee",
                        seconder_id="khan",
                        motion="That the Council declare a climate emergency.",
                        reply_by="The Leader",
                        reply="The Council's climate plan already sets a target for 2030.",
                    ),
                    Resolution(
                        lead=LeadWord.NONE,
                        resolutions=entries("That the motion be referred to the Cabinet."),
                        numbered=False,
                    ),
                ),
            ),
        ),
    )


def main(folder: str) -> int:  # pragma: no cover - by hand
    from clerk_app.render.docx import render_docx
    from clerk_app.render.styles import find_style
    from clerk_app.render.text import render_text

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("leicester", "parish"):
        style = find_style(name)
        meeting = kitchen_sink(name)
        for public in (True, False):
            copy = "public" if public else "full"
            (out / f"{name}-{copy}.txt").write_text(
                render_text(meeting, style, public=public), encoding="utf-8"
            )
            (out / f"{name}-{copy}.docx").write_bytes(render_docx(meeting, style, public=public))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1]))
