"""The US city council house style: action minutes of a meeting in two sessions.

The sample is the City of Riverton's City Council, regular meeting of Tuesday, March 4, 2025
(invented, built in tests/render/uscity_sample.py): a closed session with three items under
their Government Code sections, one with a reportable settlement, then the regular session with
the pledge, the consent calendar approved on one motion, an item removed from it and heard out
of agenda order (a motion to continue it withdrawn), a public hearing with speakers and written
comments, a substitute motion that carried over the original motion, roll-call votes with an
abstention and a recusal, resolution and ordinance numbers with their readings, a recess,
committee reports, what the agenda said of the items, the adjournment to an adjourned regular
meeting a week later, a closing note and the attested signatures.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from clerk_app import locations
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.model import (
    BreakKind,
    BulletList,
    FollowUp,
    Heading,
    Instrument,
    Item,
    LeadWord,
    ListEntry,
    ListNumbering,
    Meeting,
    MeetingKind,
    MotionKind,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Position,
    PublicQuestions,
    Reading,
    Resolution,
    RollAnswer,
    SectionKind,
    SessionKind,
    Table,
    VoteChoice,
)
from clerk_app.domain.numbering import resolutions_in
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.stylecheck import check_style_folder
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from clerk_app.storage.migrations import FORMAT_VERSION
from tests.ooxml import OoxmlValidator
from tests.render.style_checks import (
    assert_in_order,
    assert_is_golden,
    assert_saved_as_clerk_saves,
    assert_valid_open_xml,
    every_sample,
    style_fixtures,
    text_lines,
    word_lines,
)
from tests.render.uscity_sample import ROLL_ORDER, SAMPLE_NAME, sample_meeting

SAMPLE = locations.samples_dir() / SAMPLE_NAME
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "uscity-2025-03-04.txt"

# Words only the closed session's minutes hold: what was said there, not what was reported.
EXEMPT_CONTENT = (
    "Alder County Superior Court",
    "mediation of February 20",
    "exposure at trial",
    "1250 Foundry Street",
    "APN 014-220-37",
    "Brightwater Partners",
    "Lorna Beck",
    "annual evaluation",
    "performance goals",
    "CLOSED SESSION ITEM",
)
# The public copy of the closed session, line for line: each item's title, its citation and its
# reportable action (with the vote that the open-meetings law asks to be reported), nothing else.
PUBLIC_CLOSED_SESSION = [
    "CLOSED SESSION – 5:00 p.m., Council Conference Room, City Hall",
    "Mayor Whitfield called the meeting to order at 5:00 p.m. There were no public speakers on "
    "the closed session items, and the Council went into closed session.",
    "ROLL CALL",
    "Present: Councilmember Delgado, Councilmember Hart, Councilmember Ibarra, Councilmember "
    "Lindqvist, Mayor Pro Tem Okafor, Mayor Whitfield",
    "Absent: Councilmember Raman",
    "CS-1  Conference with Legal Counsel – Existing Litigation",
    "Held in closed session under Government Code Section 54956.9(d)(1).",
    "REPORTABLE ACTION: The Council approved a settlement of Harmon Ridge Homeowners "
    "Association v. City of Riverton in the amount of $145,000, the agreement to be available "
    "from the City Clerk once signed by all parties.",
    "AYES: Delgado, Hart, Ibarra, Lindqvist, Okafor, Whitfield",
    "NOES: None",
    "ABSTAIN: None",
    "ABSENT: Raman",
    "Vote: 6-0.",
    "CS-2  Conference with Real Property Negotiators",
    "Held in closed session under Government Code Section 54956.8.",
    "REPORTABLE ACTION: No reportable action.",
    "CS-3  Public Employee Performance Evaluation – City Manager",
    "Held in closed session under Government Code Section 54957(b)(1).",
    "REPORTABLE ACTION: No reportable action.",
    "The closed session ended at 5:50 p.m.",
]
SWEEPERS_VOTE = [
    "MOTION: Councilmember Delgado moved, seconded by Councilmember Lindqvist, to adopt the "
    "resolution as recommended.",
    "AYES: Delgado, Hart, Ibarra, Lindqvist, Okafor, Whitfield",
    "NOES: None",
    "ABSTAIN: Raman",
    "ABSENT: None",
    "Motion carried 6-0-1.",
    "ACTION (Resolution No. 2025-116): Adopted a resolution authorizing the purchase of two "
    "regenerative street sweepers from Cascade Municipal Equipment in an amount not to exceed "
    "$684,200.",
]
TRAIL_VOTE = [
    "AYES: Delgado, Hart, Lindqvist, Raman, Okafor, Whitfield",
    "NOES: None",
    "ABSTAIN: None",
    "ABSENT: None",
    "RECUSED: Ibarra (because of a declared interest)",
    "Motion carried 6-0.",
]
SUBSTITUTE = (
    "SUBSTITUTE MOTION: Councilmember Lindqvist moved, seconded by Mayor Pro Tem Okafor, to "
    "introduce Ordinance No. 1745 with the parking standard amended to require one off-street "
    "space for an accessory dwelling unit more than one-half mile from a transit stop."
)
FIRST_READING = "Ordinance No. 1745 was introduced and read a first time, by title only."
SECOND_READING = "Ordinance No. 1742 was read a second time, by title only."


# The fixtures meeting, uscity, house_style, public_text, full_text, public_docx, full_docx and
# text_and_docx (tests/render/style_checks.py).
globals().update(style_fixtures(SAMPLE, "uscity"))


def assert_same_wording(text: str, data: bytes) -> None:
    """The two templates word the minutes alike, line for line and in order (the Word header's
    CONFIDENTIAL and DRAFT lines included: they are worded as the text's first lines)."""
    assert_in_order(text_lines(text, leave_out=None), word_lines(data))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the document's body."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def block_of(lines: list[str], first: str, last: str) -> list[str]:
    start = lines.index(first)
    return lines[start : lines.index(last, start) + 1]


# --- the sample and the model ----------------------------------------------------------------


def test_sample_is_the_built_meeting_saved_as_clerk_saves(meeting: Meeting) -> None:
    built = sample_meeting()
    assert meeting == built
    assert_saved_as_clerk_saves(built, SAMPLE, format_version=FORMAT_VERSION)


def test_sample_holds_a_us_council_meeting_in_the_model(meeting: Meeting) -> None:
    assert (meeting.authority, meeting.body, meeting.house_style) == (
        "City of Riverton",
        "City Council",
        "uscity",
    )
    assert meeting.kind is MeetingKind.REGULAR
    assert "in person at City Hall and by teleconference" in meeting.preamble
    assert meeting.public_present == 38
    # Two sessions, the closed one first, each with its own roll call in roll-call order.
    closed, regular = meeting.sessions
    assert (closed.kind, regular.kind) == (SessionKind.CLOSED, SessionKind.OPEN)
    for session in meeting.sessions:
        assert tuple(e.attendee_id for e in session.roll_call) == ROLL_ORDER
    assert [e.answer for e in closed.roll_call if e.attendee_id == "raman"] == [RollAnswer.ABSENT]
    members = {a.id: a.person for a in meeting.attendance}
    assert (members["okafor"].title, members["okafor"].given_name) == ("Mayor Pro Tem", "Daniel")
    assert members["delgado"].family_name == "Delgado"
    # Closed-session items: exempt, with the statute as the reason and a published action.
    closed_items = [i for i in meeting.items if i.session_id == "closed"]
    assert [i.label for i in closed_items] == ["CS-1", "CS-2", "CS-3"]
    assert all(i.exempt and i.exempt_reason.startswith("Government Code") for i in closed_items)
    assert closed_items[0].publish_resolution
    assert [i.exempt_summary for i in closed_items[1:]] == ["No reportable action."] * 2
    by_id = {i.id: i for i in meeting.items}
    assert not by_id["pledge"].numbered and not by_id["consent-motion"].numbered
    # The consent calendar, and the item removed from it, heard after 5.4.
    (consent,) = [s for s in meeting.sections if s.kind is SectionKind.CONSENT]
    assert [i.label for i in meeting.items if i.section_id == consent.id and i.label] == [
        "5.1",
        "5.2",
        "5.4",
    ]
    agenda = [i.agenda_number for i in meeting.items if i.agenda_number]
    assert agenda.index("5.3") > agenda.index("5.4")
    # Speakers for and against, in person and by teleconference; written comments counted.
    hearing = [s for s in meeting.speakers if s.item_id == "6-1"]
    assert {(s.position, s.remote) for s in hearing} == {
        (Position.FOR, False),
        (Position.AGAINST, False),
        (Position.FOR, True),
        (Position.AGAINST, True),
    }
    assert by_id["6-1"].written_comments == 14
    # The substitute motion refers to the original by its id; the original was not put.
    original, substitute = resolutions_in(by_id["6-1"].blocks)
    assert (original.lead, original.outcome) == (LeadWord.NONE, Outcome.NOT_PUT)
    assert (substitute.kind, substitute.relates_to) == (MotionKind.SUBSTITUTE, original.id)
    assert (substitute.instrument, substitute.number, substitute.readings) == (
        Instrument.ORDINANCE,
        "1745",
        (Reading.FIRST,),
    )
    (trail,) = resolutions_in(by_id["7-1"].blocks)
    (recused,) = [v for v in trail.named_votes if v.choice is VoteChoice.RECUSED]
    assert (recused.attendee_id, recused.note) == ("ibarra", "because of a declared interest")
    assert (trail.instrument, trail.number) == (Instrument.RESOLUTION, "2025-117")
    recess, adjourned = meeting.adjournments
    assert (recess.kind, recess.after_item_id) == (BreakKind.RECESS, "6-1")
    # Adjourned after the last item to an adjourned regular meeting a week later.
    assert (adjourned.kind, adjourned.after_item_id, adjourned.resumed_on) == (
        BreakKind.ADJOURNMENT,
        meeting.items[-1].id,
        dt.date(2025, 3, 11),
    )
    assert meeting.closing_note.startswith("The meeting was adjourned in memory of")
    # The motion to continue the item removed from the consent calendar, withdrawn.
    continued, adopted = resolutions_in(by_id["5-3"].blocks)
    assert (continued.outcome, continued.proposer_id) == (Outcome.WITHDRAWN, "raman")
    assert adopted.outcome is Outcome.CARRIED
    # The committee reports, and what the agenda said of the items that had a report.
    (reports,) = [s for s in meeting.sections if s.kind is SectionKind.REPORTS]
    assert [i.label for i in meeting.items if i.section_id == reports.id] == ["8.1", "8.2"]
    assert all(by_id[key].agenda_text for key in ("oral", "5-3", "6-1", "7-1", "8-1", "8-2"))
    assert [s.role for s in meeting.signatories] == ["Mayor", "City Clerk"]


def test_context_gives_the_tally_and_the_motion_sentence(
    meeting: Meeting, uscity: StyleFolder
) -> None:
    context = build_context(meeting, uscity.style, public=False)
    continued, sweepers = [
        b for i in context.items if i.label == "5.3" for b in i.blocks if b.type == "resolution"
    ]
    assert continued.outcome == "withdrawn"
    assert sweepers.type == "resolution"
    assert sweepers.tally == "6-0-1"
    assert sweepers.moved == (
        "Councilmember Delgado moved, seconded by Councilmember Lindqvist, to adopt the "
        "resolution as recommended"
    )


def test_sample_has_no_findings(meeting: Meeting, uscity: StyleFolder) -> None:
    assert check_meeting(meeting, uscity.style) == []


def test_clerk_app_check_passes_on_the_sample(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "clerk_app", "check", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"{SAMPLE.name}: no problems found\n",
        "",
    )


def test_style_passes_check_style_with_every_sample(uscity: StyleFolder) -> None:
    samples = every_sample()
    assert len(samples) >= 3
    assert check_style_folder(uscity.path, samples) == []


# --- text ------------------------------------------------------------------------------------


def test_public_text_is_the_golden(public_text: str) -> None:
    assert_is_golden(public_text, GOLDEN)


def test_text_reads_as_action_minutes(public_text: str) -> None:
    lines = [line for line in public_text.splitlines() if line]
    assert lines[:8] == [
        "DRAFT: subject to approval by the City Council.",
        "CITY OF RIVERTON",
        "CITY COUNCIL",
        "ACTION MINUTES",
        "REGULAR MEETING",
        "Tuesday, March 4, 2025",
        "City Hall, 300 Main Street, Riverton",
        "This meeting was held in person at City Hall and by teleconference. Members of the "
        "public could attend in the Council Chambers or take part by telephone or video.",
    ]
    assert "38 members of the public attended." in lines
    assert lines.index("Pledge of Allegiance") > lines.index(
        "REGULAR SESSION – 6:00 p.m., Council Chambers, City Hall"
    )
    assert "Councilmember Raman attended by teleconference." in lines
    assert "5. CONSENT CALENDAR" in lines
    assert (
        "MOTION: Councilmember Hart moved, seconded by Councilmember Lindqvist, to approve the "
        "Consent Calendar, Items 5.1, 5.2 and 5.4."
    ) in lines
    assert lines.index("5.3  Purchase of Two Regenerative Street Sweepers") > lines.index(
        "5.4  Quarterly Investment Report for the Period Ending December 31, 2024"
    )
    assert block_of(lines, SWEEPERS_VOTE[0], SWEEPERS_VOTE[-1]) == SWEEPERS_VOTE
    assert block_of(lines, TRAIL_VOTE[0], TRAIL_VOTE[-1]) == TRAIL_VOTE
    assert "PUBLIC SPEAKERS: 4 (2 in favor, 2 opposed, 2 by teleconference)" in lines
    assert "WRITTEN COMMENTS RECEIVED: 14" in lines
    assert lines.index("Motion not voted on.") < lines.index(SUBSTITUTE)
    assert lines.index("Substitute motion carried 4-3.") < lines.index(FIRST_READING)
    assert SECOND_READING in lines
    assert (
        "RECESS: The City Council recessed at 7:42 p.m. and reconvened at 7:55 p.m. All "
        "Councilmembers were present when the meeting reconvened."
    ) in lines
    assert lines.index("Motion withdrawn.") < lines.index(SWEEPERS_VOTE[0])
    # The adjournment after the last item is the meeting's: said once, under ADJOURNMENT.
    assert not [line for line in lines if line.startswith("ADJOURNMENT:")]
    assert lines[-8:] == [
        "ADJOURNMENT",
        "The City Council adjourned at 8:47 p.m. to March 11, 2025. The adjourned regular "
        "meeting, a study session on the 2025-26 budget, will begin at 5:00 p.m. in the Council "
        "Conference Room, City Hall.",
        "The meeting was adjourned in memory of Ruth Calloway, a member of the Riverton Planning "
        "Commission from 1998 to 2016.",
        "______________________________",
        "Helen Whitfield, Mayor",
        "ATTEST:",
        "______________________________   Date: ______________",
        "Marisol Vega, City Clerk",
    ]


def test_public_text_shows_only_title_citation_and_reportable_action(public_text: str) -> None:
    lines = [line for line in public_text.splitlines() if line]
    closed = block_of(lines, PUBLIC_CLOSED_SESSION[0], PUBLIC_CLOSED_SESSION[-1])
    assert closed == PUBLIC_CLOSED_SESSION
    assert "CONFIDENTIAL" not in public_text
    for words in EXEMPT_CONTENT:
        assert words not in public_text


def test_full_text_holds_the_closed_session_and_says_so(full_text: str) -> None:
    assert full_text.startswith("CONFIDENTIAL: NOT FOR PUBLICATION.")
    for words in EXEMPT_CONTENT:
        assert words in full_text
    assert "Held in closed session under" not in full_text
    assert (
        "CLOSED SESSION ITEM under Government Code Section 54956.9(d)(1): not for publication."
    ) in full_text.splitlines()


# --- Word ------------------------------------------------------------------------------------


def test_docx_headings_and_styles(public_docx: bytes, meeting: Meeting) -> None:
    styled = paragraphs(public_docx)

    def styled_as(style: str) -> list[str]:
        return [text for name, text in styled if name == style]

    assert styled_as("Heading 1") == [
        "CLOSED SESSION – 5:00 p.m., Council Conference Room, City Hall",
        "REGULAR SESSION – 6:00 p.m., Council Chambers, City Hall",
    ]
    assert styled_as("Heading 2") == [
        "5. CONSENT CALENDAR",
        "6. PUBLIC HEARINGS",
        "7. REGULAR BUSINESS",
        "8. COMMITTEE AND REGIONAL BOARD REPORTS",
        "ADJOURNMENT",
    ]
    assert styled_as("Heading 3") == [
        f"{item.label}\t{item.title}" if item.label else item.title for item in meeting.items
    ]
    named = styled_as("Named Vote")
    assert named[:4] == [
        "AYES: Delgado, Hart, Ibarra, Lindqvist, Okafor, Whitfield",
        "NOES: None",
        "ABSTAIN: None",
        "ABSENT: Raman",
    ]
    assert "RECUSED: Ibarra (because of a declared interest)" in named
    assert "ABSTAIN: Raman" in named
    votes = styled_as("Vote")
    assert "Motion carried 6-0-1." in votes
    assert "Substitute motion carried 4-3." in votes
    assert (
        "MOTION: Councilmember Delgado moved, seconded by Councilmember Lindqvist, to adopt the "
        "resolution as recommended."
    ) in styled_as("Motion")
    assert FIRST_READING in styled_as("Readings")
    assert "Held in closed session under Government Code Section 54956.8." in styled_as(
        "Exempt Notice"
    )


def test_docx_public_copy_withholds_the_closed_session(public_docx: bytes) -> None:
    text = visible_text(public_docx)
    for words in EXEMPT_CONTENT:
        assert words not in text
    lines = [line.replace("\t", "  ") for line in text.split("\n") if line]
    assert block_of(lines, PUBLIC_CLOSED_SESSION[0], PUBLIC_CLOSED_SESSION[-1]) == (
        PUBLIC_CLOSED_SESSION
    )


def test_docx_full_copy_holds_the_closed_session(full_docx: bytes) -> None:
    text = visible_text(full_docx)
    assert "CONFIDENTIAL: NOT FOR PUBLICATION. These minutes include closed session business." in (
        text.split("\n")
    )
    for words in EXEMPT_CONTENT:
        assert words in text


def test_docx_says_what_the_text_says(text_and_docx: tuple[str, bytes]) -> None:
    assert_same_wording(*text_and_docx)


def test_wording_check_notices_a_difference(public_text: str, public_docx: bytes) -> None:
    with pytest.raises(AssertionError):
        assert_same_wording(
            public_text.replace("Motion carried 6-0-1.", "Carried 6-0-1."), public_docx
        )


@pytest.mark.parametrize("public", [True, False])
def test_docx_is_valid_open_xml(
    public: bool, public_docx: bytes, full_docx: bytes, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    assert_valid_open_xml(public_docx if public else full_docx, ooxml, tmp_path / "uscity.docx")


def test_word_template_is_us_letter_in_us_english(uscity: StyleFolder) -> None:
    document = docx.Document(str(uscity.docx_template))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (
        8.5,
        11.0,
    )
    assert document.styles["Normal"].font.name == "Arial"
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert [lang.get(qn("w:val")) for lang in defaults] == ["en-US"]
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_every_resolution_of_the_sample_is_worded(meeting: Meeting, public_text: str) -> None:
    """Each decision's own words reach the public copy, except the closed session's discussion."""
    for item in meeting.items:
        for block in resolutions_in(item.blocks):
            assert isinstance(block, Resolution)
            for entry in block.resolutions:
                assert entry.text in public_text


def every_kind() -> Meeting:
    """What the sample does not have: a meeting without sessions, a late arrival at a roll call,
    headings, tables, lettered lists, a notice of motion, public questions, an amendment lost,
    a motion withdrawn, a unanimous vote and follow-up actions."""
    sample = sample_meeting()
    late = sample.sessions[1].model_copy(
        update={
            "roll_call": tuple(
                e.model_copy(update={"answer": RollAnswer.LATE, "time": dt.time(18, 12)})
                if e.attendee_id == "hart"
                else e
                for e in sample.sessions[1].roll_call
            )
        }
    )
    item = Item(
        id="kinds",
        label="9.1",
        title="Council Items & <Reports>",
        session_id="regular",
        blocks=(
            Heading(text="Grants awarded"),
            Table(
                caption="Community grants, 2025",
                header=("Applicant", "Amount"),
                rows=(("Riverton Food Bank", "$12,000"), ("Youth Soccer League", "$4,500")),
                total=("Total", "$16,500"),
            ),
            NumberedList(
                numbering=ListNumbering.LOWER_ROMAN,
                entries=(ListEntry(text="first point"), ListEntry(text="second point")),
            ),
            BulletList(entries=(ListEntry(text="a bullet"),)),
            NoticeOfMotion(
                mover_id="delgado",
                seconder_id="hart",
                motion="That the City study a tenant relocation ordinance.",
                reply_by="The City Manager",
                reply="Staff will report in June.",
            ),
            PublicQuestions(
                questioner="Ms. June Park",
                questions=(ListEntry(text="When will the pool reopen?"),),
                responder="The City Manager",
                responses=(ListEntry(text="In May."),),
            ),
            Resolution(
                id="grants",
                lead=LeadWord.NONE,
                motion="approve the grants as listed",
                proposer_id="hart",
                seconder_id="ibarra",
                outcome=Outcome.WITHDRAWN,
            ),
            Resolution(
                id="amend",
                kind=MotionKind.AMENDMENT,
                relates_to="grants",
                lead=LeadWord.NONE,
                motion="add $2,000 for the senior center",
                proposer_id="raman",
                seconder_id="delgado",
                votes_for=2,
                votes_against=5,
                outcome=Outcome.LOST,
            ),
            Resolution(
                lead_word="DIRECTION",
                motion="direct staff as follows",
                numbered=True,
                resolutions=(ListEntry(text="Return with options."), ListEntry(text="Consult.")),
                proposer_id="okafor",
                seconder_id="whitfield",
                unanimous=True,
                outcome=Outcome.CARRIED,
            ),
        ),
        actions=(FollowUp(action="Report on the pool.", owner="City Manager"),),
    )
    return sample.model_copy(
        update={
            "sessions": (sample.sessions[0], late),
            "items": (*sample.items, item),
        }
    )


def test_every_kind_of_block_renders_alike_in_text_and_word(uscity: StyleFolder) -> None:
    meeting = every_kind()
    errors = [f for f in check_meeting(meeting, uscity.style) if f.severity.value == "error"]
    assert errors == []
    for public in (True, False):
        text = render_text(meeting, uscity, public=public)
        assert_same_wording(text, render_docx(meeting, uscity, public=public))
    lines = render_text(meeting, uscity).splitlines()
    for line in (
        "Arrived late: Councilmember Hart at 6:12 p.m.",
        "9.1  Council Items & <Reports>",
        "GRANTS AWARDED",
        "Applicant | Amount",
        "Riverton Food Bank | $12,000",
        "Total | $16,500",
        "i. first point",
        "- a bullet",
        "NOTICE OF MOTION by Councilmember Delgado, seconded by Councilmember Hart: That the "
        "City study a tenant relocation ordinance.",
        "Reply from The City Manager: Staff will report in June.",
        "Ms. June Park asked:",
        "MOTION: Councilmember Hart moved, seconded by Councilmember Ibarra, to approve the "
        "grants as listed.",
        "Motion withdrawn.",
        "AMENDMENT: Councilmember Raman moved, seconded by Councilmember Delgado, to add $2,000 "
        "for the senior center.",
        "Amendment failed 2-5.",
        "Motion carried unanimously.",
        "DIRECTION:",
        "1. Return with options.",
        "Follow-up: Report on the pool (City Manager).",
    ):
        assert line in lines


def test_a_meeting_without_sessions_lists_who_was_present(uscity: StyleFolder) -> None:
    meeting = sample_meeting()
    meeting = meeting.model_copy(
        update={
            "sessions": (),
            "items": tuple(i.model_copy(update={"session_id": None}) for i in meeting.items),
            "signatories": (),
        }
    )
    text = render_text(meeting, uscity, public=False)
    assert_same_wording(text, render_docx(meeting, uscity, public=False))
    lines = text.splitlines()
    assert (
        "PRESENT: Mayor Whitfield, Mayor Pro Tem Okafor, Councilmember Delgado, Councilmember "
        "Hart, Councilmember Ibarra, Councilmember Lindqvist, Councilmember Raman"
    ) in lines
    assert lines[-7:] == [
        "______________________________",
        "Mayor",
        "",
        "ATTEST:",
        "",
        "______________________________   Date: ______________",
        "City Clerk",
    ]
