"""Word minutes: valid Open XML, the seed's text, the house style's structure, safe rendering."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app import __version__
from clerk_app.domain.model import (
    Attendance,
    Interest,
    Item,
    Lines,
    ListEntry,
    Meeting,
    MeetingStatus,
    NumberedList,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Role,
    StandingItem,
)
from clerk_app.domain.text import clean_line, clean_text
from clerk_app.render.compare import minutes_proper, word_similarity
from clerk_app.render.docx import render_docx, visible_lines, visible_text
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import StyleFolder, load_style_folder
from tests.factories import feature_meeting
from tests.golden.seed import RAW_SEED
from tests.ooxml import OoxmlValidator, describe

SEED = RAW_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_docx(sample: Meeting, leicester: StyleFolder) -> bytes:
    return render_docx(sample, leicester)


def assert_valid(ooxml: OoxmlValidator, data: bytes, folder: Path, name: str = "m.docx") -> None:
    path = folder / name
    path.write_bytes(data)
    errors = ooxml.errors(path)
    assert errors == [], describe(errors)


def test_sample_is_valid_open_xml(
    sample_docx: bytes, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    assert_valid(ooxml, sample_docx, tmp_path)


def test_sample_text_matches_the_seed(sample_docx: bytes) -> None:
    # What a reader sees (list marks included) is the published text word for word, up to the
    # annex of actions after the close.
    assert word_similarity(SEED, minutes_proper(visible_text(sample_docx))) == 1.0
    # python-docx's own paragraph text (no list marks), header and body.
    document = docx.Document(io.BytesIO(sample_docx))
    header = document.sections[0].first_page_header
    texts = [p.text for t in header.tables for c in t._cells for p in c.paragraphs]
    texts += [p.text for p in document.paragraphs]
    assert word_similarity(SEED, minutes_proper("\n".join(texts))) >= 0.99


def test_items_are_headings_with_minute_numbers(sample_docx: bytes, sample: Meeting) -> None:
    document = docx.Document(io.BytesIO(sample_docx))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert [h.text for h in headings] == [
        f"{149 + n}.\t{item.title.upper()}" for n, item in enumerate(sample.items)
    ]
    assert {h.style.name for h in headings if h.style is not None} == {"Heading 1"}
    first = headings[0].style
    assert (
        first is not None
        and first.paragraph_format.first_line_indent == -first.paragraph_format.left_indent
    )


def test_lists_and_resolutions_keep_their_structure(sample_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(sample_docx))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert ("Minute Bullet", "Accuracy") in styled
    assert ("Minute Numbered 2", "1.\tRetirement") in styled  # response 5's nested list
    assert ("Resolution Word", "AGREED:") in styled
    assert ("Resolution", "That the report be noted.") in styled
    assert (
        "Minute Lines",
        "18 June 2025\n23 September 2025\n28 October 2025\n20 January 2026\n3 March 2026\n14 April 2026",
    ) in styled
    lines = visible_lines(sample_docx)
    assert "-\tAccuracy" in lines  # Word draws the house style's dash


def test_document_properties_and_page(sample_docx: bytes, sample: Meeting) -> None:
    document = docx.Document(io.BytesIO(sample_docx))
    props = document.core_properties
    assert (
        props.title
        == "Minutes: Children, Young People and Education Scrutiny Commission, 18 June 2025"
    )
    assert props.author == "Leicester City Council"
    assert props.subject == sample.body
    assert props.language == "en-GB"
    assert "python-docx" not in f"{props.comments} {props.author} {props.last_modified_by}"
    assert props.comments.startswith("Exported by Clerk ")
    now = dt.datetime.now(dt.UTC)
    assert props.created is not None and abs(now - props.created) < dt.timedelta(minutes=5)
    assert props.modified == props.created
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings_xml = archive.read("word/settings.xml").decode()
        app = archive.read("docProps/app.xml").decode()
        names = archive.namelist()
    assert re.search(r'<w:docDefaults>.*<w:lang w:val="en-GB"', styles, re.S)
    assert "en-US" not in styles and "en-US" not in settings_xml
    assert f"<Application>Clerk {__version__}</Application>" in app and "Macintosh" not in app
    assert props.last_modified_by == f"Clerk {__version__}"
    assert "docProps/thumbnail.jpeg" not in names


def test_header_has_crest_with_alt_text_and_footer_page_number(sample_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as archive:
        parts = {
            n: archive.read(n).decode()
            for n in archive.namelist()
            if re.fullmatch(r"word/(header|footer)\d+\.xml", n)
        }
    first_headers = [x for x in parts.values() if "Leicester City Council" in x]
    assert len(first_headers) == 1
    assert re.search(r'<wp:docPr [^>]*descr="Crest of the council"', first_headers[0])
    footers = [x for n, x in parts.items() if "footer" in n]
    assert footers and all('w:instr=" PAGE "' in f for f in footers)


def test_draft_mark_only_on_drafts(sample: Meeting, leicester: StyleFolder) -> None:
    approved = visible_text(render_docx(sample, leicester))
    assert "DRAFT" not in approved
    draft = sample.model_copy(update={"status": MeetingStatus.DRAFT, "confirmed_on": None})
    data = render_docx(draft, leicester)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        headers = " ".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header")
        )
    assert headers.count("DRAFT: subject to confirmation") == 2  # first page and the others
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.content_status == "Draft"


def test_exempt_content_never_reaches_the_public_copy(
    leicester: StyleFolder, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    meeting = feature_meeting()
    public = render_docx(meeting, leicester)
    with zipfile.ZipFile(io.BytesIO(public)) as archive:
        everything = b" ".join(archive.read(n) for n in archive.namelist())
    assert "£1.2m".encode() not in everything
    assert "This item was considered in private" in visible_text(public)
    full = render_docx(meeting, leicester, public=False)
    assert "The offer of £1.2m was accepted." in visible_text(full)
    # The full copy is marked at the top, in the header line under the authority's name; the
    # public copy nowhere.
    assert visible_lines(full)[1:3] == [
        "Leicester City Council",
        "CONFIDENTIAL: NOT FOR PUBLICATION – DRAFT: subject to confirmation",
    ]
    assert "CONFIDENTIAL" not in visible_text(public)
    assert_valid(ooxml, public, tmp_path, "public.docx")
    assert_valid(ooxml, full, tmp_path, "full.docx")


def test_votes_declarations_and_attendance_in_word(leicester: StyleFolder) -> None:
    text = visible_text(render_docx(feature_meeting(), leicester, public=False))
    assert (
        "It was moved by Councillor Ames, seconded by Councillor Bell, and upon being put to the vote, six were in favour, none against and two abstained; the motion was CARRIED."
        in text
    )
    assert "Councillor Cole (substituting for Councillor Dunn; from minute 14)" in text
    assert "Apologies for absence were received from Councillor Dunn and Councillor Eyre." in text
    assert (
        "Councillor Bell declared a disclosable pecuniary interest in minute 15, Sale of Land at Mill Lane, in that she owns land next to Mill Lane."
        in text
    )


def test_pdf_through_libreoffice_matches_the_seed(sample_docx: bytes, tmp_path: Path) -> None:
    from clerk_app.render.pdf import docx_to_pdf, find_soffice

    assert find_soffice() is not None, (
        "LibreOffice is needed: .ci/run installs libreoffice-writer-nogui"
    )
    assert shutil.which("pdftotext"), "pdftotext is needed: .ci/run installs poppler-utils"
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(docx_to_pdf(sample_docx))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert word_similarity(SEED, minutes_proper(text)) >= 0.99


def test_pdf_without_libreoffice_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from clerk_app.render import pdf

    monkeypatch.delenv("CLERK_SOFFICE", raising=False)
    monkeypatch.setattr(pdf, "_candidates", list)  # none of LibreOffice's usual places
    with pytest.raises(
        RenderError,
        match=r"PDF export needs LibreOffice, which was not found\. Install LibreOffice",
    ):
        pdf.docx_to_pdf(b"")


# --- safe rendering ----------------------------------------------------------------------------


def make_docx_style(folder: Path, *paragraphs: str) -> StyleFolder:
    """A house style whose Word template holds the given paragraphs (Jinja source)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.toml").write_text('display_name = "Test"\n', encoding="utf-8")
    document = docx.Document()
    document.sections[0].page_width = Cm(21)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(folder / "minutes.docx"))
    return load_style_folder(folder)


ATTENDANCE = ("{%p for p in attendance.everyone %}", "{{ p.name }}", "{%p endfor %}")
ACTIONS = (
    "{%p for a in meeting.actions %}",
    "{{ a.minute }} {{ a.action }} {{ a.owner }} {{ a.due }}",
    "{%p endfor %}",
)
TITLES_AND_ROWS = (
    *ATTENDANCE,
    "{%p for item in items %}",
    "{{ item.number }} {{ item.title }}",
    "{%p for row in item.rows %}",
    "{{ row.label }} {{ row.text }}",
    "{%p endfor %}",
    "{%p endfor %}",
    *ACTIONS,
)
"""A template that prints everything the completeness check asks for."""


def test_a_minimal_template_passes_the_checks(
    sample: Meeting, tmp_path: Path, ooxml: OoxmlValidator
) -> None:
    data = render_docx(sample, make_docx_style(tmp_path / "minimal", *TITLES_AND_ROWS))
    assert_valid(ooxml, data, tmp_path)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ meeting.__class__.__init__.__globals__ }}",
    ],
)
def test_the_sandbox_holds_in_word_templates(sample: Meeting, tmp_path: Path, attack: str) -> None:
    style = make_docx_style(tmp_path / "attack", attack, *TITLES_AND_ROWS)
    with pytest.raises(RenderError, match=r"^minutes\.docx: ") as info:
        render_docx(sample, style)
    assert "uid=" not in str(info.value)


def test_markup_injected_by_a_template_is_caught_not_repaired(
    sample: Meeting, tmp_path: Path
) -> None:
    # `safe` switches escaping off: the unclosed element would make docxtpl's lenient parser
    # quietly drop the rest of the document. Clerk's strict parse refuses it.
    style = make_docx_style(tmp_path / "inject", "{{ '<w:r><w:t>' | safe }}", *TITLES_AND_ROWS)
    with pytest.raises(
        RenderError, match=r"broken XML in word/document\.xml .*nothing was written"
    ):
        render_docx(sample, style)


def test_a_template_that_loses_text_fails_loudly(sample: Meeting, tmp_path: Path) -> None:
    titles_only = (
        *ATTENDANCE,
        "{%p for item in items %}",
        "{{ item.number }} {{ item.title }}",
        "{%p endfor %}",
    )
    with pytest.raises(
        RenderError, match=r"lost text from minute 149: 'The Chair led on introductions"
    ):
        render_docx(sample, make_docx_style(tmp_path / "lossy", *titles_only))


def test_an_unrendered_tag_fails(sample: Meeting, tmp_path: Path) -> None:
    style = make_docx_style(tmp_path / "raw", "{{ '{{' }} meeting.body }}", *TITLES_AND_ROWS)
    with pytest.raises(RenderError, match="left a tag unrendered"):
        render_docx(sample, style)


def test_syntax_error_in_a_word_template_says_where(sample: Meeting, tmp_path: Path) -> None:
    style = make_docx_style(
        tmp_path / "syntax", "Before the tag", "{% for item in items %}", "After the tag"
    )
    with pytest.raises(RenderError, match=r"minutes\.docx.*near: .*Before the tag"):
        render_docx(sample, style)


# Every field of a meeting, filled with hostile text: escaped, verbatim, and valid Open XML.
PIECES = [
    *"&<>{}%#'\"\t\v\x00\x07\x1b\x7f\x85\ud800\ufffe ",
    "😀",
    "👩‍👩‍👧",
    "é",
    "e\u0301",
    "ß",
    "a",
    "Z",
    "\n",
    "\r\n",
    "]]>",
    "<w:t>",
    "{{ x }}",
    "{% if %}",
    "&amp;",
    "<b>bold</b>",
]
HOSTILE = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join),
    st.text(min_size=1, max_size=15),
)


def hostile_meeting(texts: list[str]) -> Meeting:
    t = iter(texts * 3)
    people = (
        Attendance(id="chair", person=Person(title=next(t), name=next(t)), role=Role.CHAIR),
        Attendance(id="m", person=Person(title=next(t), name=next(t)), substitute_for=next(t)),
        Attendance(id="o", person=Person(name=next(t)), role=Role.OTHER, capacity=next(t)),
    )
    blocks = (
        Paragraph(text=next(t)),
        NumberedList(entries=(ListEntry(text=next(t), blocks=(Lines(lines=(next(t), next(t))),)),)),
        PublicQuestions(
            questioner=next(t),
            questions=(ListEntry(text=next(t)),),
            responder=next(t),
            responses=(ListEntry(text=next(t)),),
        ),
        Resolution(
            lead_word=next(t),
            resolutions=(ListEntry(text=next(t)),),
            proposer_id="chair",
            seconder_id="m",
            votes_for=3,
        ),
    )
    return Meeting(
        authority=next(t),
        body=next(t),
        venue=next(t),
        date=dt.date(2025, 6, 18),
        start_time=dt.time(17, 30),
        attendance=people,
        interests=(Interest(attendee_id="m", interest=next(t), item_id="i2"),),
        items=(
            Item(id="i1", title=next(t), standing=StandingItem.DECLARATIONS, blocks=blocks),
            Item(id="i2", title=next(t), blocks=(Paragraph(text=next(t)),)),
        ),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(HOSTILE, min_size=12, max_size=12))
def test_hostile_text_comes_out_escaped_and_verbatim(
    texts: list[str], leicester: StyleFolder, ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    meeting = hostile_meeting(texts)
    data = render_docx(meeting, leicester)  # strict XML and content checks inside
    shown = visible_text(data)
    normal = " ".join(shown.split())
    for raw in texts:
        for cleaned in {clean_text(raw), clean_line(raw)}:
            assert " ".join(cleaned.split()).casefold() in normal.casefold()
    assert "\x07" not in shown and "\ud800" not in shown
    assert_valid(ooxml, data, tmp_path)


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
        ("{% for i in range(10**7) %}x{% endfor %}", "OverflowError: Range too big"),
        ('{{ "%d" % "x" }}', "TypeError: %d format"),
        ('{% include "nothere.xml" %}', "includes 'nothere.xml', which does not exist"),
    ],
)
def test_a_word_template_failing_while_it_runs_is_a_render_error(
    sample: Meeting, tmp_path: Path, tag: str, problem: str
) -> None:
    style = make_docx_style(tmp_path / "failing", tag, *TITLES_AND_ROWS)
    with pytest.raises(RenderError, match=r"^minutes\.docx: ") as info:
        render_docx(sample, style)
    assert problem in str(info.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"this is not a Word document",
        lambda data: data[: len(data) // 2],  # truncated: no central directory
        lambda data: b"",
    ],
)
def test_a_damaged_word_template_is_a_render_error(
    sample: Meeting, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    style = make_docx_style(tmp_path / "damaged", *TITLES_AND_ROWS)
    style.docx_template.write_bytes(damage(style.docx_template.read_bytes()))
    with pytest.raises(RenderError, match=r"minutes\.docx: not a usable Word document"):
        render_docx(sample, style)
