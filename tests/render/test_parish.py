"""The parish house style: a second council's minutes from the same model, unchanged.

The sample is Anytown Parish Council's Full Council of 12 November 2020: minute numbers like
196/20, a member present from 198/20, a remote member present until 202/20, a recorded vote, a
precept set with abstentions and a confidential staffing item.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from clerk_app import locations
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.model import (
    AttachmentRef,
    Attendance,
    AttendanceStatus,
    BulletList,
    FollowUp,
    Interest,
    InterestAction,
    InterestKind,
    Item,
    ListEntry,
    Meeting,
    NamedVote,
    NumberedList,
    Outcome,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Role,
    StandingItem,
    VoteChoice,
)
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.stylecheck import check_style_folder
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.migrations import FORMAT_VERSION
from tests.ooxml import OoxmlValidator
from tests.render.style_checks import (
    assert_a4_arial_numbered_pages,
    assert_is_golden,
    assert_same_wording,
    assert_saved_as_clerk_saves,
    assert_valid_open_xml,
    every_sample,
    style_fixtures,
)

SAMPLE = locations.samples_dir() / "parish-2020-11-12.minutes"
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "parish-2020-11-12.txt"

ROLL = (
    "Present: Cllr A Smith (Chair), Cllr B Jones (Vice-Chair), Cllr C Brown (from 198/20), "
    "Cllr H Evans, Cllr J Hughes, Cllr K Lewis, Cllr D Patel (remote, until 202/20) and "
    "Cllr M O'Connor."
)
PRECEPT_VOTE = (
    "Proposed by Cllr A Smith, seconded by Cllr B Jones; six were in favour and two abstained, "
    "and the motion was carried."
)
PRECEPT_RESOLUTION = (
    "RESOLVED: That the budget for 2021/22 be approved as presented and the precept be set at "
    "£42,000, a Band D equivalent charge of £34.81."
)
NOTICE = (
    "The press and public were excluded from this item under section 1(2) of the Public Bodies "
    "(Admission to Meetings) Act 1960, owing to the confidential nature of the business (the "
    "terms and conditions of an employee of the Council). Its minute is not published."
)
# Words only the confidential staffing minute holds.
EXEMPT_CONTENT = ("annual appraisal", "SCP 19", "varied contract of employment")


# The fixtures meeting, parish, house_style, public_text, full_text, public_docx, full_docx and
# text_and_docx (tests/render/style_checks.py).
globals().update(style_fixtures(SAMPLE, "parish"))


def every_kind() -> Meeting:
    """A meeting with every kind of block and attendance the sample does not have."""

    def entries(*texts: str) -> tuple[ListEntry, ...]:
        return tuple(ListEntry(text=t) for t in texts)

    return Meeting(
        authority="Smalltown Town Council",
        body="Allotments Committee",
        date=dt.date(2024, 3, 1),
        house_style="parish",
        attendance=(
            Attendance(
                id="able",
                person=Person(title="Cllr", name="A Able"),
                role=Role.CHAIR,
                arrived_at=dt.time(19, 5),
                left_at=dt.time(20, 40),
            ),
            Attendance(
                id="bee",
                person=Person(name="Bob Bee"),
                role=Role.CO_OPTED,
                capacity="co-opted member",
                present_from_item="declarations",
                present_to_item="questions",
            ),
            Attendance(
                id="cee",
                person=Person(title="Cllr", name="C Cee"),
                status=AttendanceStatus.ABSENT,
            ),
        ),
        interests=(
            Interest(
                id="able",
                attendee_id="able",
                interest="she is a member of the allotment society",
                kind=InterestKind.OTHER_REGISTRABLE,
                action=InterestAction.NO_VOTE,
            ),
        ),
        items=(
            Item(id="apologies", title="Apologies", standing=StandingItem.WELCOME_AND_APOLOGIES),
            Item(id="declarations", title="Declarations", standing=StandingItem.DECLARATIONS),
            Item(
                id="questions",
                title="Questions & <answers>",
                blocks=(
                    PublicQuestions(
                        questioner="Mr Z Zed",
                        questions=entries("Why?", "When?"),
                        responder="The Chair",
                        responses=(
                            ListEntry(
                                text="Because.",
                                blocks=(
                                    BulletList(entries=entries("one", "two")),
                                    Paragraph(text="A paragraph inside the answer."),
                                ),
                            ),
                            ListEntry(text="Soon."),
                        ),
                    ),
                    AttachmentRef(label="Appendix A: plot map", file_name="map.pdf"),
                    NumberedList(
                        start=3,
                        entries=(
                            ListEntry(
                                text="three",
                                blocks=(NumberedList(entries=entries("deep")),),
                            ),
                        ),
                    ),
                    Resolution(
                        resolutions=entries("That rents rise.", "That a waiting list open."),
                        numbered=False,
                        votes_for=1,
                        votes_against=1,  # two voting members present: Able and Bee
                        outcome=Outcome.LOST,
                    ),
                    Resolution(
                        resolutions=entries("That plot 4 be let."),
                        named_votes=(
                            NamedVote(attendee_id="able", choice=VoteChoice.FOR),
                            NamedVote(attendee_id="cee", choice=VoteChoice.ABSENT),
                        ),
                    ),
                    Resolution(
                        lead_word="AGREED",
                        resolutions=entries("That the report be noted."),
                        numbered=False,
                        seconder_id="able",
                    ),
                ),
                actions=(FollowUp(action="Write to the society."),),
            ),
        ),
    )


# --- the sample and the model ----------------------------------------------------------------


def test_sample_is_a_parish_meeting_in_the_unchanged_model(meeting: Meeting) -> None:
    assert type(meeting) is Meeting
    assert meeting.house_style == "parish"
    assert (meeting.authority, meeting.body) == ("Anytown Parish Council", "Full Council")
    assert meeting.first_minute_number == 196


def test_sample_round_trips_save_and_load(meeting: Meeting, tmp_path: Path) -> None:
    copy = tmp_path / SAMPLE.name
    save_meeting(meeting, copy)
    assert load_meeting(copy) == meeting
    # The file holds nothing the model does not: re-saving writes the same JSON.
    assert_saved_as_clerk_saves(meeting, SAMPLE, format_version=FORMAT_VERSION)


def test_sample_has_no_findings(meeting: Meeting, parish: StyleFolder) -> None:
    # Not even a warning: the times are written alike, every item has text, the chair is
    # present, the exempt item gives its reason and the counts match the recorded vote.
    assert check_meeting(meeting, parish.style) == []


def test_style_passes_check_style_with_both_samples(parish: StyleFolder) -> None:
    samples = every_sample()
    assert len(samples) >= 2
    assert check_style_folder(parish.path, samples) == []


# --- text ------------------------------------------------------------------------------------


def test_public_text_is_the_golden(public_text: str) -> None:
    assert_is_golden(public_text, GOLDEN)


def test_text_reads_as_parish_minutes(public_text: str) -> None:
    lines = public_text.splitlines()
    assert lines[:5] == [
        "DRAFT: subject to confirmation at the next meeting.",
        "",
        "ANYTOWN PARISH COUNCIL",
        "",
        "Minutes of the meeting of the Full Council held on Thursday 12 November 2020 at 7.30pm "
        "at the Village Hall",
    ]
    assert ROLL in lines
    assert "In attendance: Mrs E Green (Clerk and Responsible Financial Officer)." in lines
    assert "196/20 Apologies for absence" in lines
    assert "Apologies were received and accepted from Cllr F Wilson and Cllr G Taylor." in lines
    precept = lines.index(PRECEPT_VOTE)
    assert lines[precept + 1 : precept + 3] == ["", PRECEPT_RESOLUTION]
    assert lines[-3:] == [
        "There being no further business the meeting closed at 9.05pm.",
        "",
        "Signed ........................ (Chair)   Date ............",
    ]


def test_public_text_withholds_the_confidential_minute(public_text: str) -> None:
    assert "204/20 Staffing matters" in public_text
    assert NOTICE in public_text
    assert "CONFIDENTIAL" not in public_text
    for words in EXEMPT_CONTENT:
        assert words not in public_text


def test_full_text_holds_the_confidential_minute_and_says_so(full_text: str) -> None:
    assert full_text.startswith("CONFIDENTIAL: NOT FOR PUBLICATION.")
    assert (
        "CONFIDENTIAL: taken with the press and public excluded (the terms and conditions of "
        "an employee of the Council)."
    ) in full_text
    assert NOTICE not in full_text
    for words in EXEMPT_CONTENT:
        assert words in full_text
    assert "RESOLVED:\n1. That the Clerk's contracted hours" in full_text


# --- Word ------------------------------------------------------------------------------------


def test_docx_shows_the_minutes(public_docx: bytes) -> None:
    lines = visible_text(public_docx).split("\n")
    assert "Anytown Parish Council" in lines  # the Authority style draws it in capitals
    assert "DRAFT: subject to confirmation" in lines
    assert ROLL in lines
    assert "196/20\tApologies for absence" in lines
    precept = lines.index(PRECEPT_VOTE)
    assert lines[precept + 1] == PRECEPT_RESOLUTION
    assert NOTICE in lines
    assert "Signed ........................ (Chair)\tDate ............" in lines
    for words in EXEMPT_CONTENT:
        assert words not in "\n".join(lines)


def test_docx_headings_are_word_headings_one_per_item(public_docx: bytes, meeting: Meeting) -> None:
    document = docx.Document(io.BytesIO(public_docx))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert [h.text for h in headings] == [
        f"{196 + n}/20\t{item.title}" for n, item in enumerate(meeting.items)
    ]
    assert all(h.style is not None and h.style.name == "Heading 1" for h in headings)


def test_docx_full_copy_holds_the_confidential_minute(full_docx: bytes) -> None:
    text = visible_text(full_docx)
    assert "CONFIDENTIAL: NOT FOR PUBLICATION" in text
    assert NOTICE not in text
    for words in EXEMPT_CONTENT:
        assert words in text


def test_docx_says_what_the_text_says(text_and_docx: tuple[str, bytes]) -> None:
    assert_same_wording(*text_and_docx)


def test_wording_check_notices_a_difference(public_text: str, public_docx: bytes) -> None:
    with pytest.raises(AssertionError):
        assert_same_wording(public_text.replace("two abstained", "two abstaining"), public_docx)


def test_every_kind_of_block_renders_alike_in_text_and_word(parish: StyleFolder) -> None:
    meeting = every_kind()
    assert [f for f in check_meeting(meeting, parish.style) if f.severity.value == "error"] == []
    text = render_text(meeting, parish)
    assert_same_wording(text, render_docx(meeting, parish))
    for line in (
        "Present: Cllr A Able (Chair, arrived 7.05pm, left 8.40pm) and Bob Bee "
        "(co-opted member, from 2/24 until 3/24).",
        "Cllr C Cee was absent.",
        "Cllr A Able declared an other registrable interest: she is a member of the allotment "
        "society. Cllr A Able took no part in the vote.",
        "3/24 Questions & <answers>",
        "The Chair gave the following responses:",
        "   - one",
        "   A paragraph inside the answer.",
        "   1. deep",
        "On being put to the vote, one was in favour and one against, and the motion was lost.",
        "For: Cllr A Able",
        "Absent: Cllr C Cee",
        "AGREED: That the report be noted.",
        "Action: Write to the society.",
    ):
        assert line in text.splitlines()


@pytest.mark.parametrize("public", [True, False])
def test_docx_is_valid_open_xml(
    public: bool, public_docx: bytes, full_docx: bytes, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    assert_valid_open_xml(public_docx if public else full_docx, ooxml, tmp_path / "parish.docx")


def test_word_template_page(parish: StyleFolder) -> None:
    assert_a4_arial_numbered_pages(parish)
