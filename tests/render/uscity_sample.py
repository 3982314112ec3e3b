"""The US city council sample, built with the model: the City of Riverton's City Council,
regular meeting of Tuesday, March 4, 2025, a closed session and then the regular session: the
consent calendar, an item removed from it (a motion to continue it withdrawn), a public hearing,
regular business and committee reports, with what the agenda said of the items; the meeting
adjourned to an adjourned regular meeting on March 11, in memory of a former commissioner.

Everything in it is invented. `python -m tests.render.uscity_sample` writes
resources/samples/uscity-2025-03-04.minutes, saved as Clerk saves; the tests check that the
committed file is this meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clerk_app import locations
from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    Block,
    BreakKind,
    Instrument,
    Item,
    LeadWord,
    ListEntry,
    Meeting,
    MeetingKind,
    MotionKind,
    NamedVote,
    Outcome,
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
    VoteChoice,
)
from clerk_app.storage import save_meeting
from tests.people import attendee, moved_and_counted, paragraphs, person

SAMPLE_NAME = "uscity-2025-03-04.minutes"

ROLL_ORDER = ("delgado", "hart", "ibarra", "lindqvist", "raman", "okafor", "whitfield")
"""The order the City Clerk calls the roll: Councilmembers alphabetically, then the Mayor Pro
Tem and the Mayor."""


def member(
    attendee_id: str, title: str, given: str, family: str, role: Role = Role.MEMBER
) -> Attendance:
    # The minutes write a member by title and family name ("Councilmember Delgado").
    return attendee(
        attendee_id,
        given,
        family,
        title=title,
        name=family,
        role=role,
        remote=attendee_id == "raman",
    )


def officer(attendee_id: str, given: str, family: str, job: str) -> Attendance:
    return attendee(attendee_id, given, family, role=Role.OFFICER, capacity=job)


def roll(**answers: RollAnswer) -> tuple[RollCallEntry, ...]:
    return tuple(
        RollCallEntry(attendee_id=who, answer=answers.get(who, RollAnswer.PRESENT))
        for who in ROLL_ORDER
    )


def votes(**choices: VoteChoice) -> tuple[NamedVote, ...]:
    """A roll-call vote in roll order: everyone aye unless said otherwise."""
    return tuple(
        NamedVote(
            attendee_id=who,
            choice=choices.get(who, VoteChoice.FOR),
            note="because of a declared interest" if choices.get(who) is VoteChoice.RECUSED else "",
        )
        for who in ROLL_ORDER
    )


def adopted_as_recommended(
    words: str,
    key_and_number: tuple[str, str],
    moved_by: tuple[str, str],
    counts: tuple[int, int, int],
    **choices: VoteChoice,
) -> Resolution:
    """A numbered resolution adopted as the staff report recommended, on a roll-call vote in
    which everyone not named in `choices` voted aye."""
    key, number = key_and_number
    return action(
        words,
        id=key,
        motion="adopt the resolution as recommended",
        named_votes=votes(**choices),
        outcome=Outcome.CARRIED,
        instrument=Instrument.RESOLUTION,
        number=number,
        **moved_and_counted(moved_by, counts),
    )


def agenda_item(
    label: str, title: str, *, key: str = "", session_id: str = "regular", **fields: Any
) -> Item:
    """An item under its agenda number, which the minutes print as its label; its id is the
    number ("5-1" for 5.1) unless `key` gives another."""
    return Item(
        id=key or label.lower().replace(".", "-"),
        label=label,
        agenda_number=label,
        title=title,
        session_id=session_id,
        **fields,
    )


def closed_item(label: str, title: str, reason: str, **fields: Any) -> Item:
    """An item of the closed session, held under the section of the law `reason` cites."""
    return agenda_item(
        label, title, session_id="closed", exempt=True, exempt_reason=reason, **fields
    )


def consent_item(label: str, title: str, department: str, *blocks: Block, **fields: Any) -> Item:
    """An item of the Consent Calendar, approved with the rest on one motion."""
    return agenda_item(
        label, title, section_id="consent", department=department, blocks=blocks, **fields
    )


def action(words: str, **fields: object) -> Resolution:
    return Resolution.model_validate(
        {"numbered": False, "resolutions": (ListEntry(text=words),), **fields}
    )


def speaker(
    given: str,
    family: str,
    item_id: str,
    summary: str,
    *,
    position: Position | None = None,
    remote: bool = False,
    organisation: str = "",
) -> Speaker:
    return Speaker(
        id=f"{family.lower()}-{item_id}",
        kind=SpeakerKind.PUBLIC_SPEAKER,
        person=person(given, family, organisation=organisation),
        item_id=item_id,
        remote=remote,
        position=position,
        summary=summary,
    )


def sample_meeting() -> Meeting:
    closed = Session(
        id="closed",
        title="Closed Session",
        kind=SessionKind.CLOSED,
        start_time=dt.time(17, 0),
        close_time=dt.time(17, 50),
        venue="Council Conference Room, City Hall",
        roll_call=roll(raman=RollAnswer.ABSENT),
        note="Mayor Whitfield called the meeting to order at 5:00 p.m. There were no public "
        "speakers on the closed session items, and the Council went into closed session.",
    )
    regular = Session(
        id="regular",
        title="Regular Session",
        kind=SessionKind.OPEN,
        start_time=dt.time(18, 0),
        close_time=dt.time(20, 47),
        venue="Council Chambers, City Hall",
        roll_call=tuple(
            entry.model_copy(update={"note": "by teleconference"})
            if entry.attendee_id == "raman"
            else entry
            for entry in roll()
        ),
        note="Mayor Whitfield called the regular session to order at 6:00 p.m.",
    )
    consent = Section(
        id="consent",
        title="Consent Calendar",
        kind=SectionKind.CONSENT,
        label="5",
        note="All matters on the Consent Calendar are routine and were approved on one motion. "
        "Item 5.3 was removed from the Consent Calendar at the request of Councilmember Raman "
        "and considered separately.",
    )
    hearings = Section(id="hearings", title="Public Hearings", kind=SectionKind.OTHER, label="6")
    business = Section(id="business", title="Regular Business", kind=SectionKind.OTHER, label="7")
    reports = Section(
        id="reports",
        title="Committee and Regional Board Reports",
        kind=SectionKind.REPORTS,
        label="8",
    )

    items = (
        # --- closed session ---------------------------------------------------------------
        closed_item(
            "CS-1",
            "Conference with Legal Counsel – Existing Litigation",
            "Government Code Section 54956.9(d)(1)",
            publish_resolution=True,
            blocks=(
                *paragraphs(
                    "Name of case: Harmon Ridge Homeowners Association v. City of Riverton, "
                    "Alder County Superior Court Case No. 24CV-01873.",
                    "The City Attorney reviewed the mediation of February 20, 2025 and the "
                    "terms the plaintiffs had offered, and answered questions on the City's "
                    "exposure at trial.",
                ),
                Resolution(
                    id="cs-1-settlement",
                    lead=LeadWord.GIVEN,
                    lead_word="REPORTABLE ACTION",
                    numbered=False,
                    resolutions=(
                        ListEntry(
                            text="The Council approved a settlement of Harmon Ridge Homeowners "
                            "Association v. City of Riverton in the amount of $145,000, the "
                            "agreement to be available from the City Clerk once signed by all "
                            "parties."
                        ),
                    ),
                    votes_for=6,
                    votes_against=0,
                    named_votes=votes(raman=VoteChoice.ABSENT),
                    recorded_vote=True,
                    outcome=Outcome.CARRIED,
                ),
            ),
        ),
        closed_item(
            "CS-2",
            "Conference with Real Property Negotiators",
            "Government Code Section 54956.8",
            exempt_summary="No reportable action.",
            blocks=paragraphs(
                "Property: 1250 Foundry Street (APN 014-220-37). City negotiators: City Manager "
                "Ellen Marsh and Economic Development Manager Lorna Beck. Negotiating party: "
                "Brightwater Partners LLC. Under negotiation: price and terms of payment.",
                "The negotiators reported on the appraisal and received direction.",
            ),
        ),
        closed_item(
            "CS-3",
            "Public Employee Performance Evaluation – City Manager",
            "Government Code Section 54957(b)(1)",
            exempt_summary="No reportable action.",
            blocks=paragraphs(
                "The Council completed the City Manager's annual evaluation and agreed the "
                "performance goals for 2025-26 to be set out in a letter from the Mayor."
            ),
        ),
        # --- regular session --------------------------------------------------------------
        Item(
            id="pledge",
            title="Pledge of Allegiance",
            numbered=False,
            session_id="regular",
            blocks=paragraphs("Councilmember Hart led the Pledge of Allegiance."),
        ),
        agenda_item(
            "3",
            "Report on Closed Session",
            key="cs-report",
            blocks=paragraphs(
                "City Attorney Ruiz reported the action taken in closed session, as recorded "
                "under Items CS-1 to CS-3."
            ),
        ),
        agenda_item(
            "4",
            "Public Comment on Items Not on the Agenda",
            key="oral",
            agenda_text="Members of the public may address the Council on any matter within its "
            "jurisdiction that is not on the agenda, for up to three minutes each. The Council "
            "may not discuss or act on such matters.",
            blocks=paragraphs("Mayor Whitfield referred both matters to the City Manager."),
        ),
        Item(
            id="consent-motion",
            title="Approval of the Consent Calendar",
            numbered=False,
            session_id="regular",
            section_id="consent",
            blocks=(
                Resolution(
                    id="consent",
                    lead=LeadWord.NONE,
                    numbered=False,
                    motion="approve the Consent Calendar, Items 5.1, 5.2 and 5.4",
                    proposer_id="hart",
                    seconder_id="lindqvist",
                    votes_for=7,
                    votes_against=0,
                    named_votes=votes(),
                    outcome=Outcome.CARRIED,
                ),
            ),
        ),
        consent_item(
            "5.1",
            "Approval of Minutes – Regular Meeting of February 18, 2025",
            "City Clerk",
            action("Approved."),
            recommendation="Approve the minutes as submitted.",
        ),
        consent_item(
            "5.2",
            "Second Reading of Ordinance No. 1742 – Two-Hour Parking on Orchard Avenue",
            "Public Works",
            action(
                "Adopted an ordinance amending Chapter 10.28 (Parking Regulations) of the "
                "Riverton Municipal Code to limit parking on Orchard Avenue between Second "
                "and Fifth Streets to two hours.",
                instrument=Instrument.ORDINANCE,
                number="1742",
                readings=(Reading.SECOND,),
            ),
            report_reference="Staff Report PW-2025-09",
            recommendation="Adopt the ordinance, introduced on February 18, 2025.",
        ),
        consent_item(
            "5.4",
            "Quarterly Investment Report for the Period Ending December 31, 2024",
            "Finance",
            action("Received and filed."),
            report_reference="Staff Report FIN-2025-03",
            recommendation="Receive and file the report.",
        ),
        agenda_item(
            "5.3",
            "Purchase of Two Regenerative Street Sweepers",
            department="Public Works",
            agenda_text="Adoption of a resolution authorizing the purchase of two regenerative "
            "street sweepers from Cascade Municipal Equipment under the state cooperative "
            "purchasing contract.",
            report_reference="Staff Report PW-2025-11",
            recommendation="Adopt a resolution authorizing the purchase of two street sweepers "
            "from Cascade Municipal Equipment in an amount not to exceed $684,200.",
            blocks=(
                *paragraphs(
                    "Councilmember Raman asked about the fleet replacement schedule and the "
                    "emissions of the new sweepers."
                ),
                Resolution(
                    id="sweepers-continue",
                    lead=LeadWord.NONE,
                    numbered=False,
                    motion="continue the item to the meeting of March 18, 2025, for a report "
                    "on the emissions of the new sweepers",
                    proposer_id="raman",
                    seconder_id="delgado",
                    debate="Public Works Director Alvarez said that the new sweepers met the "
                    "state's 2027 emission standards and that two of the present sweepers were "
                    "past their service life.",
                    outcome=Outcome.WITHDRAWN,
                ),
                adopted_as_recommended(
                    "Adopted a resolution authorizing the purchase of two regenerative street "
                    "sweepers from Cascade Municipal Equipment in an amount not to exceed "
                    "$684,200.",
                    ("sweepers", "2025-116"),
                    ("delgado", "lindqvist"),
                    (6, 0, 1),
                    raman=VoteChoice.ABSTAIN,
                ),
            ),
        ),
        agenda_item(
            "6.1",
            "Accessory Dwelling Units – Amendments to Title 17 (Zoning)",
            section_id="hearings",
            department="Community Development",
            agenda_text="Public hearing to consider an ordinance amending Title 17 (Zoning) of "
            "the Riverton Municipal Code to allow accessory dwelling units in all residential "
            "zones. The Planning Commission recommended approval on February 6, 2025.",
            report_reference="Staff Report CD-2025-04",
            recommendation="Introduce the ordinance as recommended by the Planning Commission.",
            written_comments=14,
            blocks=(
                *paragraphs(
                    "Principal Planner Noor Haddad presented the staff report. Mayor Whitfield "
                    "opened the public hearing at 6:41 p.m. and closed it at 7:18 p.m."
                ),
                Resolution(
                    id="adu-motion",
                    lead=LeadWord.NONE,
                    numbered=False,
                    motion="introduce Ordinance No. 1745 as recommended by the Planning Commission",
                    proposer_id="delgado",
                    seconder_id="raman",
                    outcome=Outcome.NOT_PUT,
                ),
                Resolution(
                    id="adu-substitute",
                    kind=MotionKind.SUBSTITUTE,
                    relates_to="adu-motion",
                    numbered=False,
                    motion="introduce Ordinance No. 1745 with the parking standard amended to "
                    "require one off-street space for an accessory dwelling unit more than "
                    "one-half mile from a transit stop",
                    debate="Councilmember Lindqvist said the amended parking standard answered "
                    "the concerns raised by residents of the Old Mill district. Councilmember "
                    "Delgado spoke against the substitute motion, saying it would make "
                    "accessory units unaffordable to build on smaller lots.",
                    resolutions=(
                        ListEntry(
                            text="Introduced an ordinance amending Title 17 (Zoning) of the "
                            "Riverton Municipal Code to allow accessory dwelling units in all "
                            "residential zones, with the parking standard amended, and set its "
                            "second reading for March 18, 2025."
                        ),
                    ),
                    proposer_id="lindqvist",
                    seconder_id="okafor",
                    votes_for=4,
                    votes_against=3,
                    abstentions=0,
                    named_votes=votes(
                        delgado=VoteChoice.AGAINST,
                        raman=VoteChoice.AGAINST,
                        whitfield=VoteChoice.AGAINST,
                    ),
                    recorded_vote=True,
                    outcome=Outcome.CARRIED,
                    instrument=Instrument.ORDINANCE,
                    number="1745",
                    readings=(Reading.FIRST,),
                ),
            ),
        ),
        agenda_item(
            "7.1",
            "Riverside Trail Phase 2 – Award of Construction Contract",
            section_id="business",
            department="Public Works",
            agenda_text="Adoption of a resolution awarding the construction contract for "
            "Riverside Trail Phase 2, from Mill Street to the Alder River bridge, and "
            "authorizing a contingency.",
            report_reference="Staff Report PW-2025-14",
            recommendation="Adopt a resolution awarding the construction contract to the "
            "lowest responsible bidder, Granite Valley Constructors, Inc.",
            written_comments=2,
            blocks=(
                *paragraphs(
                    "Councilmember Ibarra disclosed that she owns property within 500 feet of "
                    "the trail alignment, recused herself and left the Council Chambers for "
                    "this item.",
                    "Public Works Director Alvarez presented the staff report and the results "
                    "of the bid opening of February 11, 2025.",
                ),
                adopted_as_recommended(
                    "Adopted a resolution awarding the Riverside Trail Phase 2 construction "
                    "contract to Granite Valley Constructors, Inc. in the amount of $2,318,450 "
                    "and authorizing a contingency of ten percent.",
                    ("trail", "2025-117"),
                    ("okafor", "hart"),
                    (6, 0, 0),
                    ibarra=VoteChoice.RECUSED,
                ),
            ),
        ),
        agenda_item(
            "8.1",
            "Finance and Audit Committee",
            section_id="reports",
            agenda_text="Report of the committee's meeting of February 24, 2025.",
            blocks=paragraphs(
                "Councilmember Hart, Chair of the Finance and Audit Committee, reported that the "
                "committee had reviewed the mid-year budget report and the auditor's management "
                "letter for fiscal year 2023-24, and would bring its recommendations on the "
                "2025-26 budget calendar to the Council on March 18, 2025. No action was taken."
            ),
        ),
        agenda_item(
            "8.2",
            "Regional Boards and Commissions",
            section_id="reports",
            agenda_text="Reports by Councilmembers on meetings attended at the City's expense "
            "(Government Code Section 53232.3(d)).",
            blocks=paragraphs(
                "Mayor Pro Tem Okafor reported on the Alder County Transportation Authority "
                "meeting of February 27, 2025, at which the authority approved its draft "
                "expenditure plan for the Route 9 corridor. No action was taken."
            ),
        ),
    )
    speakers = (
        speaker(
            "Leonard",
            "Voss",
            "oral",
            "Asked the City to repair the street lights on Pecan Avenue.",
        ),
        speaker(
            "Aisha",
            "Grant",
            "oral",
            "Asked for longer opening hours at the Eastside Branch Library.",
            remote=True,
        ),
        speaker(
            "Carla",
            "Montoya",
            "6-1",
            "Spoke in support, citing the shortage of rental housing for families.",
            position=Position.FOR,
        ),
        speaker(
            "Walter",
            "Briggs",
            "6-1",
            "Spoke against, citing the lack of street parking in the Old Mill district.",
            position=Position.AGAINST,
            organisation="Old Mill District Neighbors",
        ),
        speaker(
            "Nadia",
            "Farouk",
            "6-1",
            "Spoke in support of allowing units on smaller lots.",
            position=Position.FOR,
            remote=True,
        ),
        speaker(
            "Eugene",
            "Talbot",
            "6-1",
            "Spoke against, asking for a parking standard near the downtown.",
            position=Position.AGAINST,
            remote=True,
        ),
        speaker(
            "Grace",
            "Okonkwo",
            "7-1",
            "Spoke in support of completing the trail to the river.",
            position=Position.FOR,
            organisation="Riverton Trails Alliance",
        ),
    )
    return Meeting(
        authority="City of Riverton",
        body="City Council",
        kind=MeetingKind.REGULAR,
        date=dt.date(2025, 3, 4),
        start_time=dt.time(17, 0),
        close_time=dt.time(20, 47),
        venue="City Hall, 300 Main Street, Riverton",
        house_style="uscity",
        closing_note="The meeting was adjourned in memory of Ruth Calloway, a member of the "
        "Riverton Planning Commission from 1998 to 2016.",
        preamble="This meeting was held in person at City Hall and by teleconference. Members "
        "of the public could attend in the Council Chambers or take part by telephone or video.",
        attendance=(
            member("whitfield", "Mayor", "Helen", "Whitfield", Role.CHAIR),
            member("okafor", "Mayor Pro Tem", "Daniel", "Okafor", Role.VICE_CHAIR),
            member("delgado", "Councilmember", "Maria", "Delgado"),
            member("hart", "Councilmember", "James", "Hart"),
            member("ibarra", "Councilmember", "Rosa", "Ibarra"),
            member("lindqvist", "Councilmember", "Thomas", "Lindqvist"),
            member("raman", "Councilmember", "Priya", "Raman"),
            officer("marsh", "Ellen", "Marsh", "City Manager"),
            officer("ruiz", "Gabriel", "Ruiz", "City Attorney"),
            officer("vega", "Marisol", "Vega", "City Clerk"),
            officer("alvarez", "Kenji", "Alvarez", "Public Works Director"),
            officer("haddad", "Noor", "Haddad", "Principal Planner"),
        ),
        items=items,
        sessions=(closed, regular),
        sections=(consent, hearings, business, reports),
        adjournments=(
            Adjournment(
                id="recess",
                kind=BreakKind.RECESS,
                after_item_id="6-1",
                from_time=dt.time(19, 42),
                to_time=dt.time(19, 55),
                note="All Councilmembers were present when the meeting reconvened.",
            ),
            Adjournment(
                id="adjourned",
                kind=BreakKind.ADJOURNMENT,
                after_item_id="8-2",
                from_time=dt.time(20, 47),
                resumed_on=dt.date(2025, 3, 11),
                note="The adjourned regular meeting, a study session on the 2025-26 budget, "
                "will begin at 5:00 p.m. in the Council Conference Room, City Hall.",
            ),
        ),
        speakers=speakers,
        public_present=38,
        signatories=(
            Signatory(id="mayor", role="Mayor", name="Helen Whitfield"),
            Signatory(id="clerk", role="City Clerk", name="Marisol Vega"),
        ),
    )


def write_sample() -> None:
    path = locations.samples_dir() / SAMPLE_NAME
    save_meeting(sample_meeting(), path)
    print(path)


if __name__ == "__main__":
    write_sample()
