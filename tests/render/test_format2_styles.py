"""The built-in styles print every element format 2 added, in text and in Word alike.

The meeting is `kitchen_sink.kitchen_sink()`: sessions with roll calls, sections, unnumbered
items and sub-items, headings, tables, lettered and roman lists, a notice of motion, a motion
and its amendment, debate, a recorded vote with notes, a by-law's readings, decision numbers,
speakers, a recess, members of the public, signatories and an exempt item that publishes its
summary and resolution.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table as WordTable

from clerk_app.domain.findings import check_meeting
from clerk_app.domain.law_settings import LawRules
from clerk_app.domain.model import Meeting, Table
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text
from tests.ooxml import OoxmlValidator
from tests.render import style_checks
from tests.render.kitchen_sink import (
    EXEMPT_RESOLUTION,
    EXEMPT_SECRETS,
    EXEMPT_SUMMARY,
    kitchen_sink,
)
from tests.render.style_checks import assert_in_order, assert_valid_open_xml, is_header_mark, normal

STYLES = ("leicester", "parish")

# What each style writes for the elements, line by line (the text copy; the Word copy must say
# the same). Lines both styles write are listed once.
BOTH = (
    "The meeting was held in the Council Chamber and broadcast online.",
    "Twelve members of the public were present.",
    "Arrived late: Councillor Sam Lee (6:10 pm).",
    "Excused: Councillor Aisha Khan (unwell).",
    "The Council met in closed session to consider the depot tenders.",
    "The following items were taken in public.",
    "Mrs Ann Green of Friends of the Park presented a deputation on behalf of residents of "
    "Mill Lane, opposing the proposals.",
    "Mrs Green asked the Council to keep the bowling green open.",
    "Mr Bob Stone addressed the meeting remotely, in support of the proposals.",
    "Bowling greens",
    "a. the green at Mill Lane",
    "b. the green at the Park",
    "Members debated the cost of keeping the greens.",
    "A recorded vote was requested by Councillor Sam Lee.",
    "For: Councillor Lucy Moore, Councillor Ravi Patel",
    "Against: Councillor Sam Lee",
    "Recused: Councillor Aisha Khan (because of a declared interest)",
    "Grants awarded",
    "I. Conditions of grant",
    "II. Publicity",
    "The by-law was read a first, second and third time.",
    "That the Council declare a climate emergency.",
    "That the motion be referred to the Cabinet.",
    "The Mayor thanked members and closed the meeting at 9.05pm.",
    "Signed ........................ Councillor Lucy Moore (Mayor)   Date ............",
    "Signed ........................ Jo Clerk (Town Clerk)   Date 20 March 2025",
)
LINES = {
    "leicester": (
        "Minutes of the Extraordinary Meeting of the",
        "PRAYERS",
        "CLOSED SESSION",
        "The session was held from 6:00 pm to 6.40pm in Committee Room 2.",
        "Present: Councillor Lucy Moore and Councillor Ravi Patel.",
        "PART B: BUSINESS TAKEN IN PRIVATE",
        "1. DEPOT ROOF TENDERS",
        "The meeting adjourned for a recess at 6:40 pm and reconvened at 7:00 pm. Members "
        "moved to the Council Chamber.",
        "OPEN SESSION",
        "PART A: MATTERS FOR DECISION",
        "The following motion was moved:",
        "That both greens close in October.",
        "It was moved by Councillor Sam Lee, seconded by Councillor Aisha Khan; the motion "
        "was NOT PUT.",
        "The following amendment was moved:",
        "It was moved by Councillor Ravi Patel; the amendment was WITHDRAWN.",
        "It was moved by Councillor Lucy Moore, seconded by Councillor Ravi Patel, and upon "
        "being put to the vote, two were in favour, one against and none abstained; the "
        "substitute motion was CARRIED.",
        "AGREED (CAB/2025/14):",
        "1. That the green at Mill Lane stay open.",
        "Upon being put to the vote, all were in favour.",
        "3.1. A LATE APPLICATION",
        "NOTED:",
        "AGREED (BL 2025/1):",
        "Councillor Sam Lee gave notice of the following motion, seconded by Councillor "
        "Aisha Khan:",
        "The Leader gave the following reply:",
        "The Council's climate plan already sets a target for 2030.",
    ),
    "parish": (
        "Minutes of the extraordinary meeting of the Council held on Thursday 6 March 2025 at "
        "6.00pm at the Council Chamber, Town Hall",
        "Prayers",
        "Closed session",
        "The session was held from 6.00pm to 6.40pm in Committee Room 2.",
        "Part B: Business taken in private",
        "1/25 Depot roof tenders",
        "Open session",
        "Part A: Matters for decision",
        "Motion: That both greens close in October.",
        "Proposed by Councillor Sam Lee, seconded by Councillor Aisha Khan; the motion was "
        "not put.",
        "Amendment: That the word 'October' be replaced by 'March'.",
        "Proposed by Councillor Ravi Patel; the amendment was withdrawn.",
        "Proposed by Councillor Lucy Moore, seconded by Councillor Ravi Patel; two were in "
        "favour and one against, and the substitute motion was carried.",
        "RESOLVED (CAB/2025/14):",
        "On being put to the vote, all were in favour.",
        "3/25.1 A late application",
        "NOTED: That the application be held over.",
        "RESOLVED (BL 2025/1): That the by-law be made.",
        "Motion on notice from Councillor Sam Lee, seconded by Councillor Aisha Khan:",
        "The Leader replied: The Council's climate plan already sets a target for 2030.",
    ),
}
TIMES = {"leicester": {}, "parish": {"6:10 pm": "6.10pm"}}
"""The parish style writes times its own way: the lines both styles write, in its words."""
GRANTS = [
    ["Applicant", "Purpose", "Amount"],
    ["Mill Lane Residents", "Street party", "£400.00"],
    ["Friends of the Park", "Benches", ""],
    ["Exampleton Youth Club", "Minibus repairs", "£1,250.00"],
    ["Total", "", "£1,650.00"],
]
PENALTIES = [["Fixed penalty", "£100"], ["Dogs on leads", "all year"]]


@pytest.fixture(scope="module", params=STYLES)
def style(request: pytest.FixtureRequest) -> StyleFolder:
    return find_style(str(request.param))


@pytest.fixture(scope="module")
def meeting(style: StyleFolder) -> Meeting:
    return kitchen_sink(style.name)


@pytest.fixture(scope="module")
def texts(meeting: Meeting, style: StyleFolder) -> dict[str, str]:
    return {
        "public": render_text(meeting, style),
        "full": render_text(meeting, style, public=False),
    }


@pytest.fixture(scope="module")
def documents(meeting: Meeting, style: StyleFolder) -> dict[str, bytes]:
    return {
        "public": render_docx(meeting, style),
        "full": render_docx(meeting, style, public=False),
    }


def expected_lines(style: str) -> list[str]:
    both = list(BOTH)
    for old, new in TIMES[style].items():
        both = [line.replace(old, new) for line in both]
    return both + list(LINES[style])


def is_table_line(line: str, tables: list[list[list[str]]]) -> bool:
    """A line of a table as the text writes it (its cells in aligned columns, or a rule)."""
    words = line.split()
    if words and set("".join(words)) == {"-"}:
        return True
    return any(
        words == " ".join(cells).split() for table in tables for cells in table if any(cells)
    )


def text_lines(text: str) -> list[str]:
    """The text's lines as Word shows them: list marks, the header's marks and the tables
    (compared cell by cell) left out."""
    return style_checks.text_lines(
        text, lambda line: is_header_mark(line) or is_table_line(line, [GRANTS, PENALTIES])
    )


def word_lines(data: bytes) -> list[str]:
    lines = []
    for line in visible_text(data).split("\n"):
        mark, tab, rest = line.partition("\t")
        # a bullet's mark is Word's (the text writes "-" in both styles)
        lines.append(normal(rest if tab and mark in ("-", "•", "◦", "▪") else line))
    return lines


def word_tables(data: bytes) -> list[list[list[str]]]:
    body = docx.Document(io.BytesIO(data))
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in body.tables
        if isinstance(table, WordTable)
    ]


# --- the meeting ----------------------------------------------------------------------------


def test_the_meeting_holds_every_format_2_block_and_has_no_findings(
    meeting: Meeting, style: StyleFolder
) -> None:
    kinds = {block.type for item in meeting.items for block in item.blocks}
    assert {"heading", "table", "notice_of_motion", "numbered", "resolution"} <= kinds
    # The kitchen sink is every block of format 2 in one exempt item, not a meeting's business:
    # it has no apologies, no declarations and no exclusion of the public, which the law checks
    # (tests/domain/test_law.py) query. Everything else is checked as a meeting would be.
    without_law = style.style.model_copy(update={"law": LawRules()})
    assert [f for f in check_meeting(meeting, without_law) if f.severity.value == "error"] == []


# --- text -------------------------------------------------------------------------------------


@pytest.mark.parametrize("copy", ["public", "full"])
def test_text_writes_every_element(copy: str, texts: dict[str, str], style: StyleFolder) -> None:
    lines = texts[copy].splitlines()
    missing = [line for line in expected_lines(style.name) if line not in lines]
    assert missing == []


def test_text_lays_a_table_out_in_columns(texts: dict[str, str]) -> None:
    text = texts["public"]
    assert (
        "Applicant              Purpose          Amount\n"
        "---------------------  ---------------  ---------\n"
        "Mill Lane Residents    Street party     £400.00\n"
        "Friends of the Park    Benches\n"
        "Exampleton Youth Club  Minibus repairs  £1,250.00\n"
        "---------------------  ---------------  ---------\n"
        "Total                                   £1,650.00\n"
    ) in text
    assert "Fixed penalty  £100\nDogs on leads  all year\n" in text


def test_text_prints_sub_lists_in_their_numerals(texts: dict[str, str], style: StyleFolder) -> None:
    indent = " " if style.name == "leicester" else "   "
    assert f"{indent}i. receipts kept\n{indent}ii. a report in a year\n" in texts["public"]


def test_a_resolution_without_a_word_has_none(texts: dict[str, str]) -> None:
    text = texts["public"]
    before = text[: text.index("That the motion be referred to the Cabinet.")]
    assert not before.rstrip().endswith(("AGREED:", "RESOLVED:"))
    assert "AGREED: That the motion" not in text and "RESOLVED: That the motion" not in text


# --- Word -----------------------------------------------------------------------------------


@pytest.mark.parametrize("copy", ["public", "full"])
def test_word_says_what_the_text_says(
    copy: str, texts: dict[str, str], documents: dict[str, bytes]
) -> None:
    """Sentence for sentence and in order; tables cell for cell."""
    assert_in_order(text_lines(texts[copy]), word_lines(documents[copy]))
    assert word_tables(documents[copy])[:2] == [GRANTS, PENALTIES]


def test_word_tables_are_real_tables(documents: dict[str, bytes]) -> None:
    body = docx.Document(io.BytesIO(documents["public"]))
    grants, penalties = body.tables[:2]
    assert len(grants.columns) == 3 and len(penalties.columns) == 2
    header = grants.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert {p.style.name for p in grants.rows[0].cells[0].paragraphs if p.style} == {
        "Table Heading"
    }
    assert {p.style.name for p in grants.rows[-1].cells[2].paragraphs if p.style} == {"Table Total"}
    captions = [p for p in body.paragraphs if p.text == "Grants awarded"]
    assert [p.style.name for p in captions if p.style] == ["Table Caption"]


def test_word_headings_and_sub_items(documents: dict[str, bytes], style: StyleFolder) -> None:
    body = docx.Document(io.BytesIO(documents["public"]))
    styled = {p.text: p.style.name for p in body.paragraphs if p.style is not None}
    assert styled["Bowling greens"] == "Minute Heading"
    sub_item = (
        "3.1.\tA LATE APPLICATION" if style.name == "leicester" else "3/25.1\tA late application"
    )
    assert styled[sub_item] == "Heading 2"
    assert styled["PRAYERS" if style.name == "leicester" else "Prayers"] == "Heading 1"
    assert "Section Heading" in styled.values() and "Session Heading" in styled.values()


@pytest.mark.parametrize("copy", ["public", "full"])
def test_word_is_valid_open_xml(
    copy: str, documents: dict[str, bytes], ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    assert_valid_open_xml(documents[copy], ooxml, tmp_path / f"{copy}.docx")


# --- the exempt item ------------------------------------------------------------------------


def package_text(data: bytes) -> str:
    """Every XML part of the Word package, tags and all: what a reader of the file could find."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )


def test_the_public_copy_publishes_only_the_summary_and_resolution(
    texts: dict[str, str], documents: dict[str, bytes]
) -> None:
    public = {"text": texts["public"], "word": package_text(documents["public"])}
    for copy, content in public.items():
        for secret in EXEMPT_SECRETS:
            assert secret not in content, (copy, secret)
        assert EXEMPT_SUMMARY in content and EXEMPT_RESOLUTION in content, copy
    assert "Published summary:" not in texts["public"]


def test_the_full_copy_holds_the_exempt_minute(
    texts: dict[str, str], documents: dict[str, bytes]
) -> None:
    for content in (texts["full"], visible_text(documents["full"])):
        for secret in EXEMPT_SECRETS:
            assert secret in content
        assert f"Published summary: {EXEMPT_SUMMARY}" in content


def test_an_empty_table_writes_no_word_table(style: StyleFolder) -> None:
    meeting = kitchen_sink(style.name)
    items = list(meeting.items)
    items[3] = items[3].model_copy(update={"blocks": (Table(caption="Nothing yet"),)})
    data = render_docx(meeting.model_copy(update={"items": tuple(items)}), style)
    assert word_tables(data) == [PENALTIES]
    assert "Nothing yet" in visible_text(data)
