"""The district council house style: an English district council's full Council minutes.

The sample (built by tests/render/district_sample.py) is Fenbridge District Council's ordinary
meeting of 10 December 2025: minute numbers C 08/042 to C 08/050 with sub-minutes C 08/047.1 and
C 08/047.2, a deputation, a notice of motion with its written reply, an amendment lost and one
carried, the substantive motion as amended, a recorded vote, the previous minutes confirmed
unanimously, a schedule of grants, a lettered list and one numbered (i), (ii), Part 1 and Part 2
(a section of kind closed), a Part 2 item excluded under Schedule 12A with a published summary,
and a closing note.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from clerk_app import locations
from clerk_app.domain.findings import check_meeting
from clerk_app.domain.model import (
    AttachmentRef,
    Attendance,
    Instrument,
    Item,
    LeadWord,
    Lines,
    ListEntry,
    Meeting,
    MeetingKind,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Person,
    Reading,
    Resolution,
    Role,
    SectionKind,
    Speaker,
    SpeakerKind,
    Table,
    VoteChoice,
)
from clerk_app.render.docx import render_docx
from clerk_app.render.stylecheck import check_style_folder
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.migrations import FORMAT_VERSION
from tests.ooxml import OoxmlValidator
from tests.render.district_sample import EXEMPT_REASON, SAMPLE_NAME, build_sample
from tests.render.style_checks import (
    assert_a4_arial_numbered_pages,
    assert_in_order,
    assert_is_golden,
    assert_saved_as_clerk_saves,
    assert_valid_open_xml,
    every_sample,
    normal,
    style_fixtures,
    text_lines,
)

SAMPLE = locations.samples_dir() / SAMPLE_NAME
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "district-2025-12-10.txt"
REPO = Path(__file__).resolve().parent.parent.parent

TITLES = [
    ("C 08/042", "Apologies for Absence"),
    ("C 08/043", "Declarations of Interest"),
    ("C 08/044", "Minutes of the Previous Meeting"),
    ("C 08/045", "Chair's Announcements"),
    ("C 08/046", "Public Questions"),
    ("C 08/047", "Reports of Committees"),
    ("C 08/047.1", "Cabinet, 25 November 2025: Community Grants Scheme 2026/27"),
    (
        "C 08/047.2",
        "Planning Policy Committee, 1 December 2025: Local Plan Review – Preferred Options",
    ),
    ("C 08/048", "Notice of Motion: Pavement Parking"),
    ("C 08/049", "Exclusion of the Press and Public"),
    ("C 08/050", "Sale of Land at Carter's Yard, Fenbridge"),
]
AMENDMENT_LOST = (
    "On being put to the vote the amendment was LOST (6 for, 11 against, 1 abstention)."
)
AMENDMENT_CARRIED = (
    "On being put to the vote the amendment was CARRIED (12 for, 5 against, 1 abstention)."
)
SUBSTANTIVE = (
    "On being put to the vote the substantive motion, as amended, was CARRIED (16 for, 1 "
    "against, 1 abstention) and it was RESOLVED: That this Council notes that vehicles parked on "
    "pavements force pushchair and wheelchair users into the road, and calls on the Cabinet to:"
)
RECORDED = (
    "A recorded vote having been requested by Councillor Peter Hale, the voting was as follows:",
    "FOR: Councillors Ashworth, Begum, Carrick, Dunmore, Holloway, Kaur, Lomax, Okafor, "
    "Pettifer, Pryce and Thornley (11)",
    "AGAINST: Councillors Bell, Fairweather, Hale, Murray, Quayle and Sadiq (6)",
    "ABSTAINED: Councillor Yeardley (1)",
    "The motion was therefore CARRIED and it was RESOLVED:",
)
GRANTS_MOVED = (
    "It was proposed by Councillor Samira Begum, seconded by Councillor Deborah Carrick and "
    "RESOLVED:"
)
EXCLUSION = (
    "It was proposed by Councillor Margaret Holloway, seconded by Councillor Rhodri Pryce and "
    "RESOLVED: That under section 100A(4) of the Local Government Act 1972 the press and public "
    "be excluded from the meeting for the following item of business, on the grounds that it "
    "involves the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 "
    "of Schedule 12A to the Act."
)
NOTICE = (
    "The press and public were excluded from the meeting for this item, as it involved the "
    "likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule "
    "12A to the Local Government Act 1972. Its minute is not published."
)
SUMMARY = (
    "Published summary: The Council agreed to sell the former depot at Carter's Yard, "
    "Fenbridge, for housing, on the terms set out in the confidential report. The purchaser and "
    "the price will be published when the sale is completed."
)
# What only the private minute, its declaration and its officer hold.
EXEMPT_CONTENT = ("Hartwell", "1,240,000", "three bids", "Kevin Marsh", "CL/25/009", "her son")
GRANT_ROWS = [
    ["Organisation", "Purpose", "Grant"],
    ["Fenbridge Food Share", "Winter food parcels and a community larder", "£6,500"],
    ["Wexcombe Village Hall Trust", "Replacement heating system", "£4,000"],
    ["Marsh Lane Youth Club", "Holiday activity programme", "£3,250"],
    ["Fenbridge Talking Newspaper", "Recording equipment", "£1,200"],
    ["Total", "", "£14,950"],
]


# The fixtures meeting, district, house_style, public_text, full_text, public_docx, full_docx and
# text_and_docx (tests/render/style_checks.py).
globals().update(style_fixtures(SAMPLE, "district"))


def word_blocks(data: bytes) -> list[WordParagraph | WordTable]:
    """The first page's header, then the body, paragraph by paragraph and table by table."""
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].first_page_header
    blocks: list[WordParagraph | WordTable] = []
    for part in (header, document):
        blocks += list(part.iter_inner_content())
    return blocks


def word_lines(data: bytes) -> list[str]:
    """What a reader sees, line by line: a table's row is one line, its cells in order."""
    lines = []
    for block in word_blocks(data):
        if isinstance(block, WordTable):
            for row in block.rows:
                lines.append(normal(" ".join(cell.text for cell in row.cells)))
        else:
            lines += [normal(line) for line in block.text.split("\n")]
    return lines


def assert_same_wording(text: str, data: bytes) -> None:
    """The two templates word the minutes alike, sentence for sentence and in order."""
    assert_in_order(text_lines(text), word_lines(data))


def minute(text: str, number: str) -> str:
    """The text of one minute: from its heading to the next heading or the close."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(number + " "))
    end = next(
        (
            n
            for n in range(start + 1, len(lines))
            if lines[n].startswith(("C 08/", "PART ", "The meeting closed"))
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


# --- the sample and the model ----------------------------------------------------------------


def test_sample_is_what_the_builder_makes_saved_as_clerk_saves(
    meeting: Meeting, tmp_path: Path
) -> None:
    assert meeting == build_sample()
    copy = tmp_path / SAMPLE.name
    save_meeting(meeting, copy)
    assert load_meeting(copy) == meeting
    assert_saved_as_clerk_saves(meeting, SAMPLE, format_version=FORMAT_VERSION)


def test_sample_holds_the_format_2_parts_of_full_council_minutes(meeting: Meeting) -> None:
    assert (meeting.authority, meeting.body, meeting.house_style) == (
        "Fenbridge District Council",
        "Council",
        "district",
    )
    assert (meeting.kind, meeting.sequence, meeting.minute_prefix) == (MeetingKind.ORDINARY, 8, "C")
    assert meeting.preamble and meeting.public_present == 14
    assert [s.kind for s in meeting.sections] == [SectionKind.PART, SectionKind.CLOSED]
    assert [s.label for s in meeting.sections] == ["Part 1", "Part 2"]
    assert [s.role for s in meeting.signatories] == ["Chair"]
    assert meeting.signatories[0].signed_on is None  # a place for the date
    (deputation,) = meeting.speakers
    assert deputation.kind is SpeakerKind.DEPUTATION and deputation.on_behalf_of
    assert deputation.person.short_name == "Mrs Garside"  # as the minute writes her
    assert meeting.closing_note.startswith("The meeting closed at 9.12pm.")
    assert meeting.item(deputation.item_id) is not None
    children = [i.title for i in meeting.items if i.parent_id == "committees"]
    assert len(children) == 2
    private = [i for i in meeting.items if i.exempt]
    assert [(i.exempt_reason, i.section_id) for i in private] == [(EXEMPT_REASON, "part-2")]
    assert private[0].exempt_summary and not private[0].publish_resolution
    blocks = [b for item in meeting.items for b in item.blocks]
    assert any(isinstance(b, NoticeOfMotion) and b.reply for b in blocks)
    assert any(isinstance(b, Table) and b.total for b in blocks)
    resolutions = {b.id: b for b in blocks if isinstance(b, Resolution) and b.id}
    amendments = [b for b in resolutions.values() if b.kind is MotionKind.AMENDMENT]
    assert sorted(a.outcome for a in amendments if a.outcome) == [Outcome.CARRIED, Outcome.LOST]
    assert all(a.relates_to == "pavement-motion" for a in amendments)
    assert resolutions["substantive"].kind is MotionKind.SUBSTANTIVE
    lettered = resolutions["substantive"].resolutions[0].blocks[0]
    assert isinstance(lettered, NumberedList) and lettered.numbering.value == "lower_alpha"
    unanimous = [b for b in blocks if isinstance(b, Resolution) and b.unanimous]
    assert [r.proposer_id for r in unanimous] == ["pryce"]  # the previous minutes
    roman = [
        b
        for r in blocks
        if isinstance(r, Resolution)
        for entry in r.resolutions
        for b in entry.blocks
        if isinstance(b, NumberedList) and b.numbering.value == "lower_roman"
    ]
    assert len(roman) == 1
    recorded = [b for b in blocks if isinstance(b, Resolution) and b.recorded_vote]
    assert len(recorded) == 1 and recorded[0].requested_by_id == "hale"
    assert [v.attendee_id for v in recorded[0].named_votes] == sorted(
        v.attendee_id for v in recorded[0].named_votes
    )  # the roll is called in alphabetical order


def test_sample_has_no_findings(meeting: Meeting, district: StyleFolder) -> None:
    assert check_meeting(meeting, district.style) == []


def test_clerk_app_check_passes_on_the_sample() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "check", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{SAMPLE.name}: no problems found\n",
        "",
    )


def test_style_passes_check_style_with_every_sample(district: StyleFolder) -> None:
    samples = every_sample()
    assert SAMPLE.name in [p.name for p in locations.samples_dir().glob("*.minutes")]
    assert check_style_folder(district.path, samples) == []


# --- text ------------------------------------------------------------------------------------


def test_public_text_is_the_golden(public_text: str) -> None:
    assert_is_golden(public_text, GOLDEN)


def test_text_reads_as_full_council_minutes(public_text: str) -> None:
    lines = public_text.splitlines()
    assert lines[:7] == [
        "DRAFT: subject to confirmation at the next meeting of the Council.",
        "",
        "FENBRIDGE DISTRICT COUNCIL",
        "",
        "Minutes of the Ordinary Meeting of the Council held in the Council Chamber, Fenbridge "
        "House, Market Street, Fenbridge on Wednesday 10 December 2025 at 7.00pm",
        "",
        "The 8th meeting of the Council in the municipal year.",
    ]
    assert [line for line in lines if line.startswith("C 08/")] == [
        f"{number} {title}" for number, title in TITLES
    ]
    assert "Fourteen members of the public attended." in lines
    assert lines.index("PART 1 – MATTERS CONSIDERED IN PUBLIC") < lines.index(
        "C 08/042 Apologies for Absence"
    )
    assert lines.index("C 08/049 Exclusion of the Press and Public") < lines.index(
        "PART 2 – MATTERS CONSIDERED IN PRIVATE"
    )
    assert EXCLUSION in lines
    assert (
        lines[-1]
        == "Signed ........................................ (Chair)   Date ...................."
    )


def test_text_records_the_motions_and_votes(public_text: str) -> None:
    lines = public_text.splitlines()
    assert GRANTS_MOVED in lines
    assert (
        "It was proposed by Councillor Rhodri Pryce, seconded by Councillor Victoria Thornley and "
        "unanimously RESOLVED: That the minutes of the meeting of the Council held on 22 October "
        "2025 be approved as a correct record and signed by the Chair."
    ) in lines
    limited = next(n for n, line in enumerate(lines) if line.endswith("published, limited to:"))
    assert lines[limited + 1 : limited + 3] == [
        "    (i) corrections of fact, spelling and presentation; and",
        "    (ii) changes to the policies map needed to match the policies as approved.",
    ]
    first = lines.index(RECORDED[0])
    assert [line for line in lines[first : first + 7] if line] == list(RECORDED)
    lost, carried, substantive = (
        lines.index(AMENDMENT_LOST),
        lines.index(AMENDMENT_CARRIED),
        lines.index(SUBSTANTIVE),
    )
    assert lost < carried < substantive
    assert lines[substantive + 1 : substantive + 4] == [
        "    (a) ask the county council to use its powers to ban pavement parking in Fenbridge "
        "town centre;",
        "    (b) consider the cost of additional civil enforcement officers when it sets the "
        "budget for 2026/27; and",
        "    (c) report back to Council within six months.",
    ]
    assert (
        "Deputation: Mrs Helen Garside addressed the Council on behalf of the Wexcombe Village "
        "Residents' Association, speaking against the recommendations."
    ) in lines
    assert (
        "The Leader of the Council, Councillor Ashworth, had given the following written reply:"
        in lines
    )


def test_text_lays_the_schedule_out_in_columns(public_text: str) -> None:
    lines = public_text.splitlines()
    top = lines.index(
        "Organisation                  Purpose                                      Grant"
    )
    assert lines[top - 2] == "Schedule of community grants awarded for 2026/27"
    assert [
        [c.strip() for c in line.split("  ") if c.strip()] for line in lines[top : top + 6]
    ] == [[cell for cell in row if cell] for row in GRANT_ROWS]


def test_public_text_shows_only_the_private_items_title_notice_and_summary(
    public_text: str,
) -> None:
    assert minute(public_text, "C 08/050").strip().split("\n\n") == [
        "C 08/050 Sale of Land at Carter's Yard, Fenbridge",
        NOTICE,
        SUMMARY,
    ]
    assert "CONFIDENTIAL" not in public_text and "EXEMPT:" not in public_text
    for words in EXEMPT_CONTENT:
        assert words not in public_text
    # the declaration about it is recorded, without the member's words
    assert (
        "Councillor Elaine Fairweather declared a non-registrable interest in minute C 08/050 "
        "(Sale of Land at Carter's Yard, Fenbridge). Councillor Fairweather took no part in the "
        "debate or the vote."
    ) in public_text.splitlines()


def test_full_text_holds_the_private_minute_and_says_so(full_text: str) -> None:
    assert full_text.startswith("CONFIDENTIAL: NOT FOR PUBLICATION.")
    private = minute(full_text, "C 08/050")
    assert f"EXEMPT: considered with the press and public excluded ({EXEMPT_REASON})." in private
    assert SUMMARY in private and NOTICE not in full_text
    for words in EXEMPT_CONTENT:
        assert words in full_text
    assert "Kevin Marsh (Estates and Property Manager, for minute C 08/050)" in full_text


# --- Word ------------------------------------------------------------------------------------


def paragraphs(data: bytes) -> list[WordParagraph]:
    return [b for b in word_blocks(data) if isinstance(b, WordParagraph)]


def test_docx_headings_are_word_headings_sub_minutes_one_level_down(public_docx: bytes) -> None:
    headings = [
        (p.style.name, p.text)
        for p in paragraphs(public_docx)
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 2" if number.count(".") else "Heading 1", f"{number}\t{title}")
        for number, title in TITLES
    ]
    parts = [p.text for p in paragraphs(public_docx) if p.style and p.style.name == "Part Heading"]
    assert parts == [
        "PART 1 – MATTERS CONSIDERED IN PUBLIC",
        "PART 2 – MATTERS CONSIDERED IN PRIVATE",
    ]


def test_docx_records_the_votes_with_names_and_the_amendments(public_docx: bytes) -> None:
    by_text = {p.text: p for p in paragraphs(public_docx)}
    for line in RECORDED[1:4]:
        vote = by_text[line]
        assert vote.style is not None and vote.style.name == "Named Vote"
        assert vote.runs[0].bold and vote.runs[0].text.endswith(":")
    for line in (AMENDMENT_LOST, AMENDMENT_CARRIED):
        style = by_text[line].style
        assert style is not None and style.name == "Vote"
    substantive = by_text[SUBSTANTIVE]
    assert [r.text for r in substantive.runs if r.bold] == ["RESOLVED:"]
    assert by_text[
        "(a)\task the county council to use its powers to ban pavement parking in Fenbridge town centre;"
    ]
    assert by_text[GRANTS_MOVED].style is not None


def test_docx_schedule_is_a_word_table(public_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(public_docx))
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == GRANT_ROWS
    header = table.rows[0]._tr
    assert (
        header.trPr is not None
        and header.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    total = table.rows[-1].cells[0].paragraphs[0]
    assert total.style is not None and total.style.name == "Table Total"


def test_docx_public_copy_withholds_the_private_minute(public_docx: bytes) -> None:
    lines = [p.text for p in paragraphs(public_docx)]
    start = lines.index("C 08/050\tSale of Land at Carter's Yard, Fenbridge")
    closing = next(n for n, line in enumerate(lines) if line.startswith("The meeting closed"))
    assert [line for line in lines[start + 1 : closing] if line] == [NOTICE, SUMMARY]
    text = "\n".join(lines)
    assert "CONFIDENTIAL" not in text
    for words in EXEMPT_CONTENT:
        assert words not in text


def test_docx_full_copy_holds_the_private_minute(full_docx: bytes) -> None:
    text = "\n".join(word_lines(full_docx))
    assert normal("CONFIDENTIAL: NOT FOR PUBLICATION") in text
    for words in EXEMPT_CONTENT:
        assert normal(words) in text


def test_docx_says_what_the_text_says(text_and_docx: tuple[str, bytes]) -> None:
    assert_same_wording(*text_and_docx)


def test_wording_check_notices_a_difference(public_text: str, public_docx: bytes) -> None:
    with pytest.raises(AssertionError):
        assert_same_wording(public_text.replace("LOST (6 for", "LOST (7 for"), public_docx)


@pytest.mark.parametrize("public", [True, False])
def test_docx_is_valid_open_xml(
    public: bool, public_docx: bytes, full_docx: bytes, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    assert_valid_open_xml(public_docx if public else full_docx, ooxml, tmp_path / "district.docx")


def test_word_template_page(district: StyleFolder) -> None:
    assert_a4_arial_numbered_pages(district)


# --- what the sample does not show -----------------------------------------------------------


def other_motions() -> Meeting:
    """The motions and blocks the sample does not have, in the district style."""
    sample = build_sample()

    def entries(*texts: str) -> tuple[ListEntry, ...]:
        return tuple(ListEntry(text=t) for t in texts)

    item = Item(
        id="other",
        title="Other Business",
        blocks=(
            Lines(lines=("Wednesday 25 February 2026", "Wednesday 22 April 2026")),
            AttachmentRef(label="Appendix A: site plan", file_name="plan.pdf"),
            Resolution(
                id="original",
                proposer_id="hale",
                seconder_id="begum",
                motion="That the Council leave the county waste partnership.",
                outcome=Outcome.WITHDRAWN,
                lead=LeadWord.NONE,
            ),
            Resolution(
                kind=MotionKind.SUBSTITUTE,
                relates_to="original",
                proposer_id="ashworth",
                seconder_id="begum",
                motion="That the Council review the waste partnership.",
                outcome=Outcome.NOT_PUT,
                lead=LeadWord.NONE,
            ),
            Resolution(
                proposer_id="hale",
                recorded_vote=True,
                named_votes=(
                    NamedVote(attendee_id="ashworth", choice=VoteChoice.AGAINST),
                    NamedVote(
                        attendee_id="begum", choice=VoteChoice.RECUSED, note="declared interest"
                    ),
                    NamedVote(attendee_id="hale", choice=VoteChoice.FOR),
                ),
                motion="That the car parks be free in December.",
                outcome=Outcome.LOST,
                lead=LeadWord.NONE,
            ),
            Resolution(
                lead_word="NOTED",
                unanimous=True,
                proposer_id="ashworth",
                seconder_id="hale",
                numbered=False,
                resolutions=entries("That the report be noted."),
            ),
            Resolution(
                instrument=Instrument.BYLAW,
                readings=(Reading.FIRST, Reading.SECOND, Reading.THIRD),
                resolutions=entries("That the Market By-laws 2026 be made."),
            ),
        ),
    )
    return sample.model_copy(
        update={
            "items": (*sample.items[:-2], item, Item(id="heading", title="Close", numbered=False)),
            "signatories": (),
            "speakers": (
                Speaker(
                    person=Person(name="Ann Other", organisation="Fenbridge Cycling Club"),
                    item_id="other",
                    remote=True,
                    position=None,
                ),
            ),
            "attendance": (
                *sample.attendance[:-1],
                Attendance(id="guest", person=Person(name="Mr J Visitor"), role=Role.OTHER),
            ),
            "closing_note": "The Chair closed the meeting at 9.30pm.",
            "date": dt.date(2026, 1, 14),
        }
    )


def test_other_motions_render_alike_in_text_and_word(district: StyleFolder) -> None:
    meeting = other_motions()
    text = render_text(meeting, district)
    assert_same_wording(text, render_docx(meeting, district))
    lines = text.splitlines()
    for line in (
        "C 08/049 Other Business",
        "Close",
        "Wednesday 25 February 2026",
        "Appendix A: site plan",
        "It was proposed by Councillor Peter Hale, seconded by Councillor Samira Begum, that the "
        "Council leave the county waste partnership.",
        "The motion was withdrawn with the consent of the Council.",
        "It was proposed by Councillor Joanna Ashworth, seconded by Councillor Samira Begum, as a "
        "substitute motion, that the Council review the waste partnership.",
        "The substitute motion was not put to the vote.",
        "On a recorded vote, the motion was LOST, the voting being as follows:",
        "FOR: Councillor Hale (1)",
        "AGAINST: Councillor Ashworth (1)",
        "DID NOT VOTE: Councillor Begum (declared interest) (1)",
        "It was proposed by Councillor Joanna Ashworth, seconded by Councillor Peter Hale.",
        "On being put to the vote the motion was CARRIED unanimously.",
        "NOTED: That the report be noted.",
        "Read a first, second and third time.",
        "RESOLVED:",
        "Ann Other of Fenbridge Cycling Club addressed the Council (remotely).",
        "Also present: Mr J Visitor.",
        "The Chair closed the meeting at 9.30pm.",
        "Signed ........................................ (Chair)   Date ....................",
    ):
        assert line in lines, line
