"""The district council sample meeting, built with the model (a fictional council).

    python -m tests.render.district_sample    # writes resources/samples/district-2025-12-10.minutes

Fenbridge District Council's ordinary meeting of Wednesday 10 December 2025: prefixed minute
numbers, reports of committees as sub-items, a deputation, a notice of motion with its written
reply, an amendment lost and one carried, the substantive motion as amended, a recorded vote, the
previous minutes confirmed unanimously, a schedule of grants, a lettered list and a list
numbered (i), (ii), headings inside an item, Part 1 and Part 2 (the exempt part, a section of
kind closed), an item taken in private under Schedule 12A with a published summary, a short
form of the deputation's name as the minute writes it, and a closing note giving the next
meeting. Everyone and everything in it is
invented. `tests/render/test_district.py` checks that the committed sample is what this builds.
"""

from __future__ import annotations

import datetime as dt

from clerk_app import locations
from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    AttendanceStatus,
    Block,
    BreakKind,
    BulletList,
    FollowUp,
    Heading,
    Interest,
    InterestAction,
    InterestKind,
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
    Position,
    PublicQuestions,
    Resolution,
    Role,
    Section,
    SectionKind,
    Signatory,
    Speaker,
    SpeakerKind,
    StandingItem,
    Table,
    VoteChoice,
)
from tests.people import attendee, entries, moved_and_counted, person

SAMPLE_NAME = "district-2025-12-10.minutes"
EXEMPT_REASON = "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"

# (id, given name, family name, role): the members in the order the roll is called
# (alphabetically by surname), the Chair and Vice-Chair among them.
MEMBERS = (
    ("ashworth", "Joanna", "Ashworth", Role.MEMBER),
    ("begum", "Samira", "Begum", Role.MEMBER),
    ("bell", "Colin", "Bell", Role.MEMBER),
    ("carrick", "Deborah", "Carrick", Role.MEMBER),
    ("dunmore", "Gareth", "Dunmore", Role.MEMBER),
    ("fairweather", "Elaine", "Fairweather", Role.MEMBER),
    ("hale", "Peter", "Hale", Role.MEMBER),
    ("holloway", "Margaret", "Holloway", Role.CHAIR),
    ("kaur", "Anita", "Kaur", Role.MEMBER),
    ("lomax", "Stuart", "Lomax", Role.MEMBER),
    ("murray", "Fiona", "Murray", Role.MEMBER),
    ("okafor", "Femi", "Okafor", Role.MEMBER),
    ("pettifer", "Neil", "Pettifer", Role.MEMBER),
    ("pryce", "Rhodri", "Pryce", Role.VICE_CHAIR),
    ("quayle", "Rosalind", "Quayle", Role.MEMBER),
    ("sadiq", "Imran", "Sadiq", Role.MEMBER),
    ("thornley", "Victoria", "Thornley", Role.MEMBER),
    ("yeardley", "William", "Yeardley", Role.MEMBER),
)
ROLL = tuple(m[0] for m in MEMBERS)
APOLOGIES = (
    ("cottam", "Brian", "Cottam"),
    ("ellwood", "Harriet", "Ellwood"),
    ("venn", "Marcus", "Venn"),
)
OFFICERS = (
    ("reeve", "Daniel", "Reeve", "Chief Executive"),
    ("nandra", "Priya", "Nandra", "Director of Legal and Governance and Monitoring Officer"),
    ("harker", "Louise", "Harker", "Head of Planning Policy"),
    ("whitfield", "Tom", "Whitfield", "Democratic Services Manager"),
)


def votes(against: tuple[str, ...], abstained: tuple[str, ...] = ()) -> tuple[NamedVote, ...]:
    """Everyone present votes, in roll order: for, unless against or abstaining."""

    def choice(member: str) -> VoteChoice:
        if member in against:
            return VoteChoice.AGAINST
        return VoteChoice.ABSTAIN if member in abstained else VoteChoice.FOR

    return tuple(NamedVote(attendee_id=m, choice=choice(m)) for m in ROLL)


def attendance() -> tuple[Attendance, ...]:
    people = [
        attendee(key, given, family, title="Councillor", role=role)
        for key, given, family, role in MEMBERS
    ]
    people += [
        attendee(key, given, family, title="Councillor", status=AttendanceStatus.APOLOGIES)
        for key, given, family in APOLOGIES
    ]
    people += [
        attendee(key, given, family, role=Role.OFFICER, capacity=job)
        for key, given, family, job in OFFICERS
    ]
    # Present only for the private item: a public copy does not name him.
    people.append(
        attendee(
            "marsh",
            "Kevin",
            "Marsh",
            role=Role.OFFICER,
            capacity="Estates and Property Manager",
            present_from_item="carters-yard",
            present_to_item="carters-yard",
        )
    )
    return tuple(people)


def part_1(key: str, title: str, standing: StandingItem | None, *blocks: Block) -> Item:
    """An item of Part 1, the business taken in public."""
    return Item(id=key, title=title, standing=standing, section_id="part-1", blocks=blocks)


GRANTS = Table(
    caption="Schedule of community grants awarded for 2026/27",
    header=("Organisation", "Purpose", "Grant"),
    rows=(
        ("Fenbridge Food Share", "Winter food parcels and a community larder", "£6,500"),
        ("Wexcombe Village Hall Trust", "Replacement heating system", "£4,000"),
        ("Marsh Lane Youth Club", "Holiday activity programme", "£3,250"),
        ("Fenbridge Talking Newspaper", "Recording equipment", "£1,200"),
    ),
    total=("Total", "", "£14,950"),
)


def grants_item() -> Item:
    return Item(
        id="grants",
        title="Cabinet, 25 November 2025: Community Grants Scheme 2026/27",
        parent_id="committees",
        section_id="part-1",
        department="the Director of Communities",
        report_reference="CAB/25/061",
        blocks=(
            Heading(text="Background"),
            Paragraph(
                text="Councillor Begum, Cabinet Member for Communities, presented the Cabinet's "
                "recommendation. Twenty-three applications had been received, asking for "
                "£61,400 in total; the panel had scored each against the scheme's criteria and "
                "recommended four for funding within the budget of £15,000."
            ),
            Heading(text="Grants recommended"),
            GRANTS,
            Paragraph(
                text="Members welcomed the support for the food share and asked that "
                "unsuccessful applicants be offered help to apply to other funders."
            ),
            Resolution(
                proposer_id="begum",
                seconder_id="carrick",
                resolutions=entries(
                    "That the community grants set out in the schedule above be awarded for "
                    "2026/27.",
                    "That the Director of Communities write to each unsuccessful applicant "
                    "with the panel's feedback and details of other funders.",
                ),
            ),
        ),
        actions=(
            FollowUp(
                id="grants-feedback",
                action="Write to the unsuccessful applicants with feedback.",
                owner="Director of Communities",
                due=dt.date(2026, 1, 16),
            ),
        ),
    )


def local_plan_item() -> Item:
    return Item(
        id="local-plan",
        title="Planning Policy Committee, 1 December 2025: Local Plan Review – Preferred Options",
        parent_id="committees",
        section_id="part-1",
        department="the Head of Planning Policy",
        report_reference="PPC/25/014",
        blocks=(
            Paragraph(
                text="Councillor Lomax, Chair of the Planning Policy Committee, presented the "
                "committee's recommendation that the Preferred Options document be published "
                "for eight weeks of public consultation. The Head of Planning Policy explained "
                "that the document proposed 4,850 new homes over the plan period, including "
                "the allocation of land north of Wexcombe Road for about 320 homes."
            ),
            Paragraph(
                text="In debate, members raised the capacity of the A1143 junction at Wexcombe, "
                "flooding from the Wex Brook and the need for a new primary school. The Head "
                "of Planning Policy confirmed that the highway authority's junction assessment "
                "would be published with the consultation."
            ),
            Resolution(
                proposer_id="lomax",
                seconder_id="pettifer",
                motion="That the recommendations of the Planning Policy Committee be approved.",
                recorded_vote=True,
                requested_by_id="hale",
                votes_for=11,
                votes_against=6,
                abstentions=1,
                named_votes=votes(
                    against=("bell", "fairweather", "hale", "murray", "quayle", "sadiq"),
                    abstained=("yeardley",),
                ),
                outcome=Outcome.CARRIED,
                resolutions=(
                    ListEntry(
                        text="That the Local Plan Review Preferred Options document be approved "
                        "for public consultation for eight weeks from 12 January 2026."
                    ),
                    ListEntry(
                        text="That the Head of Planning Policy, in consultation with the Chair "
                        "of the Planning Policy Committee, be authorised to make minor changes "
                        "to the document before it is published, limited to:",
                        blocks=(
                            NumberedList(
                                numbering=ListNumbering.LOWER_ROMAN,
                                entries=entries(
                                    "corrections of fact, spelling and presentation; and",
                                    "changes to the policies map needed to match the policies "
                                    "as approved.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


NOTICE_TEXT = (
    "This Council notes that vehicles parked on pavements force pushchair and wheelchair users "
    "into the road, and calls on the Cabinet to (a) ask the county council to use its powers to "
    "ban pavement parking in Fenbridge town centre; (b) fund two additional civil enforcement "
    "officers from April 2026; and (c) report back to Council within six months."
)
REPLY_TEXT = (
    "The Council shares the concern. Enforcement of a ban would be for the county council as "
    "highway authority; the Council's civil enforcement officers already patrol the town centre "
    "six days a week. Two additional officers would cost about £78,000 a year, for which no "
    "provision has been made in the draft budget for 2026/27."
)

AMENDMENT_1 = 'That in paragraph (b) the words "two additional" be replaced by "four additional".'
AMENDMENT_2 = (
    'That paragraph (b) be replaced by "(b) ask the Cabinet to consider the cost of additional '
    'civil enforcement officers when it sets the budget for 2026/27;".'
)


def amendment(
    key: str, motion: str, moved_by: tuple[str, str], counts: tuple[int, int, int], outcome: Outcome
) -> Resolution:
    """An amendment to the pavement parking motion: its mover and seconder, and the votes for,
    against and abstaining."""
    return Resolution(
        id=key,
        kind=MotionKind.AMENDMENT,
        relates_to="pavement-motion",
        motion=motion,
        outcome=outcome,
        lead=LeadWord.NONE,
        **moved_and_counted(moved_by, counts),
    )


def motion_item() -> Item:
    return Item(
        id="pavement-parking",
        title="Notice of Motion: Pavement Parking",
        section_id="part-1",
        blocks=(
            NoticeOfMotion(
                mover_id="hale",
                seconder_id="murray",
                motion=NOTICE_TEXT,
                reply_by="The Leader of the Council, Councillor Ashworth,",
                reply=REPLY_TEXT,
            ),
            Resolution(
                id="pavement-motion",
                lead=LeadWord.NONE,
                proposer_id="hale",
                seconder_id="murray",
                motion="That the motion set out in the notice be adopted.",
                resolutions=(),
                debate="Councillor Hale said that residents of Bridge Street and Station Road "
                "had reported more than forty obstructions since September.",
            ),
            amendment("amendment-1", AMENDMENT_1, ("quayle", "sadiq"), (6, 11, 1), Outcome.LOST),
            amendment(
                "amendment-2", AMENDMENT_2, ("ashworth", "okafor"), (12, 5, 1), Outcome.CARRIED
            ),
            Resolution(
                id="substantive",
                kind=MotionKind.SUBSTANTIVE,
                relates_to="pavement-motion",
                votes_for=16,
                votes_against=1,
                abstentions=1,
                outcome=Outcome.CARRIED,
                numbered=False,
                resolutions=(
                    ListEntry(
                        text="That this Council notes that vehicles parked on pavements force "
                        "pushchair and wheelchair users into the road, and calls on the Cabinet "
                        "to:",
                        blocks=(
                            NumberedList(
                                numbering=ListNumbering.LOWER_ALPHA,
                                entries=entries(
                                    "ask the county council to use its powers to ban pavement "
                                    "parking in Fenbridge town centre;",
                                    "consider the cost of additional civil enforcement officers "
                                    "when it sets the budget for 2026/27; and",
                                    "report back to Council within six months.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


CARTERS_YARD = Item(
    id="carters-yard",
    title="Sale of Land at Carter's Yard, Fenbridge",
    section_id="part-2",
    exempt=True,
    exempt_reason=EXEMPT_REASON,
    department="the Director of Place",
    report_reference="CL/25/009",
    exempt_summary="The Council agreed to sell the former depot at Carter's Yard, Fenbridge, "
    "for housing, on the terms set out in the confidential report. The purchaser and the price "
    "will be published when the sale is completed.",
    blocks=(
        Paragraph(
            text="The Estates and Property Manager reported that three bids had been received "
            "after the site was marketed. The highest, £1,240,000 from Hartwell Homes Limited, "
            "was conditional on planning permission for 38 homes, twelve of them affordable."
        ),
        Resolution(
            proposer_id="ashworth",
            seconder_id="pryce",
            resolutions=entries(
                "That the freehold of Carter's Yard be sold to Hartwell Homes Limited for "
                "£1,240,000, subject to planning permission, on the terms in the confidential "
                "report.",
                "That the Director of Legal and Governance be authorised to complete the sale.",
            ),
        ),
    ),
)


def build_sample() -> Meeting:
    items = (
        part_1("apologies", "Apologies for Absence", StandingItem.WELCOME_AND_APOLOGIES),
        part_1("declarations", "Declarations of Interest", StandingItem.DECLARATIONS),
        part_1(
            "minutes",
            "Minutes of the Previous Meeting",
            StandingItem.PREVIOUS_MINUTES,
            Resolution(
                proposer_id="pryce",
                seconder_id="thornley",
                unanimous=True,
                numbered=False,
                resolutions=entries(
                    "That the minutes of the meeting of the Council held on 22 October "
                    "2025 be approved as a correct record and signed by the Chair."
                ),
            ),
        ),
        part_1(
            "announcements",
            "Chair's Announcements",
            StandingItem.CHAIRS_ANNOUNCEMENTS,
            Paragraph(text="The Chair reported on her engagements since the last meeting:"),
            BulletList(
                entries=entries(
                    "the Remembrance Sunday service at St Botolph's Church, Fenbridge;",
                    "the opening of the new changing places toilet at Fenbridge Market Place; and",
                    "the Fenbridge in Bloom awards, at which Wexcombe won the best "
                    "village category.",
                )
            ),
            Paragraph(
                text="The Chair thanked everyone who had supported her charity quiz "
                "night, which had raised £2,140 for the Fenbridge Community Hospice."
            ),
        ),
        part_1(
            "questions",
            "Public Questions",
            StandingItem.QUESTIONS,
            PublicQuestions(
                questioner="Mr Alan Corby of Wexcombe",
                questions=entries(
                    "Will the Council reinstate the fortnightly garden waste collection "
                    "in Wexcombe that was missed on three occasions in October?"
                ),
                responder="Councillor Okafor, Cabinet Member for Environment and Waste,",
                responses=entries(
                    "The missed collections were caused by a vehicle breakdown. A "
                    "replacement vehicle is now in service, the affected rounds have been "
                    "caught up, and the subscription of each affected household will be "
                    "extended by six weeks."
                ),
            ),
        ),
        part_1(
            "committees",
            "Reports of Committees",
            None,
            Paragraph(
                text="The Council received the reports and recommendations of the "
                "following committees."
            ),
        ),
        grants_item(),
        local_plan_item(),
        motion_item(),
        part_1(
            "exclusion",
            "Exclusion of the Press and Public",
            StandingItem.EXCLUSION_OF_PUBLIC,
            Resolution(
                proposer_id="holloway",
                seconder_id="pryce",
                kind=MotionKind.PROCEDURAL,
                numbered=False,
                resolutions=entries(
                    "That under section 100A(4) of the Local Government Act 1972 the press "
                    "and public be excluded from the meeting for the following item of "
                    "business, on the grounds that it involves the likely disclosure of "
                    "exempt information as defined in Paragraph 3 of Part 1 of Schedule "
                    "12A to the Act."
                ),
            ),
        ),
        CARTERS_YARD,
    )
    return Meeting(
        authority="Fenbridge District Council",
        body="Council",
        date=dt.date(2025, 12, 10),
        start_time=dt.time(19, 0),
        close_time=dt.time(21, 12),
        closing_note="The meeting closed at 9.12pm. The next ordinary meeting of the Council "
        "will be held on Wednesday 25 February 2026 at 7.00pm.",
        venue="the Council Chamber, Fenbridge House, Market Street, Fenbridge",
        house_style="district",
        first_minute_number=42,
        minute_prefix="C",
        kind=MeetingKind.ORDINARY,
        sequence=8,
        preamble="The meeting was held in person and broadcast live on the Council's website.",
        attendance=attendance(),
        public_present=14,
        interests=(
            Interest(
                id="bell-grants",
                attendee_id="bell",
                interest="he is a trustee of Fenbridge Food Share, one of the applicants",
                kind=InterestKind.OTHER_REGISTRABLE,
                item_id="grants",
                action=InterestAction.LEFT_ROOM,
            ),
            Interest(
                id="fairweather-yard",
                attendee_id="fairweather",
                interest="her son is employed by Hartwell Homes Limited",
                kind=InterestKind.NON_REGISTRABLE,
                item_id="carters-yard",
                action=InterestAction.NO_DISCUSSION_OR_VOTE,
            ),
        ),
        items=items,
        sections=(
            Section(
                id="part-1",
                title="Matters considered in public",
                kind=SectionKind.PART,
                label="Part 1",
            ),
            Section(
                id="part-2",
                title="Matters considered in private",
                kind=SectionKind.CLOSED,
                label="Part 2",
            ),
        ),
        speakers=(
            Speaker(
                id="garside",
                kind=SpeakerKind.DEPUTATION,
                person=person("Helen", "Garside", title="Mrs").model_copy(
                    update={"short_name": "Mrs Garside"}
                ),
                on_behalf_of="the Wexcombe Village Residents' Association",
                item_id="local-plan",
                position=Position.AGAINST,
                summary="Mrs Garside said that the Wex Brook had flooded Wexcombe Road twice "
                "in the last five years and asked that land north of Wexcombe Road be removed "
                "from the Preferred Options until a flood risk assessment had been published.",
            ),
        ),
        adjournments=(
            Adjournment(
                id="recess",
                kind=BreakKind.RECESS,
                after_item_id="local-plan",
                from_time=dt.time(20, 25),
                to_time=dt.time(20, 35),
            ),
        ),
        signatories=(Signatory(id="chair", role="Chair"),),
    )


def main() -> None:
    from clerk_app.storage import save_meeting

    path = locations.samples_dir() / SAMPLE_NAME
    save_meeting(build_sample(), path)
    print(path)


if __name__ == "__main__":
    main()
