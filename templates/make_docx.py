"""Build the Word templates of the built-in house styles (run by hand; the .docx files are committed).

    python templates/make_docx.py [STYLE ...]

Each built-in style's `minutes.docx` is an ordinary Word document holding Jinja tags, which Clerk
renders with docxtpl. This script writes them so that their styles are defined once, in code
review; a council restyles its own copy in Word (Home > Styles > Modify) without touching code:
every kind of paragraph has its own named style ("Minute Text", "Minute Bullet", ...).

Tags: `{{ ... }}` prints a value, `{%p ... %}` on a paragraph of its own is a statement whose
paragraph disappears from the output. The names available are listed in docs/templates.md.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import tomllib
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

TEMPLATES = Path(__file__).resolve().parent
RESOURCES = TEMPLATES.parent / "resources"
CREST = RESOURCES / "images" / "crest.png"
CREST_ALT_TEXT = "Crest of the council"

BLACK = RGBColor(0, 0, 0)
RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x59, 0x59, 0x59)
"""The running header's and footer's grey."""
ROUND_BULLETS = ("•", "◦", "▪")
"""Bullet marks by level, as most councils print them (`Look.bullet_marks`)."""
HEADER_FILL = "D9D9D9"
"""The shading of a table's header row."""
BULLET_NUM_ID = 90
"""The numbering instance that the bullet styles use (well clear of the template's own)."""


@dataclass(frozen=True)
class Look:
    """The typography of a house style."""

    font: str = "Arial"
    size: float = 12
    language: str = "en-GB"
    text_indent: float = 1.27
    """Where minute text starts, in cm: aligned with the title after the minute number."""
    list_step: float = 0.63
    """How far each list level indents, in cm."""
    bullet_marks: tuple[str, str, str] = ("-", "o", "▪")
    margins: tuple[float, float, float, float] = (2.0, 2.3, 2.0, 2.3)  # top, right, bottom, left


# --- document set-up ---------------------------------------------------------------------------


def new_document(look: Look) -> DocumentObject:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not python-docx's Letter
    top, right, bottom, left = look.margins
    section.top_margin, section.right_margin = Cm(top), Cm(right)
    section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
    section.header_distance = section.footer_distance = Cm(1.0)
    _defaults(document, look)
    return document


def _defaults(document: DocumentObject, look: Look) -> None:
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{look.font}" w:hAnsi="{look.font}" '
            f'w:eastAsia="{look.font}" w:cs="{look.font}"/>'
        )
    )
    size = int(look.size * 2)
    rpr_default.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{size}"/>'))
    rpr_default.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{size}"/>'))
    rpr_default.append(
        parse_xml(
            f'<w:lang {nsdecls("w")} w:val="{look.language}" w:eastAsia="{look.language}" '
            f'w:bidi="ar-SA"/>'
        )
    )
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), look.language)
        theme_lang.attrib.pop(qn("w:eastAsia"), None)
    # Word checks spelling in the document's language; the flags below make it check afresh.
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)
    normal = document.styles["Normal"]
    normal.font.name = look.font
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.widow_control = True


def text_width(document: DocumentObject) -> int:
    """The width between the margins, in EMU."""
    section = document.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None
    return int(width - left - right)


def _plain_fonts(style: ParagraphStyle, look: Look) -> None:
    """Built-in headings use theme fonts, which override a named font; use the style's font."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
    style.font.name = look.font


def paragraph_style(
    document: DocumentObject,
    name: str,
    look: Look,
    *,
    base: str = "Normal",
    left: float | None = None,
    hanging: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_with_next: bool | None = None,
    colour: RGBColor | None = None,
    caps: bool | None = None,
) -> ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
    assert isinstance(style, ParagraphStyle)
    _plain_fonts(style, look)
    font, paragraph = style.font, style.paragraph_format
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if caps is not None:
        font.all_caps = caps
    font.color.rgb = colour or BLACK
    if left is not None:
        paragraph.left_indent = Cm(left)
    if hanging is not None:
        paragraph.first_line_indent = Cm(-hanging)
        paragraph.tab_stops.add_tab_stop(Cm(left or 0), WD_TAB_ALIGNMENT.LEFT)
    if align is not None:
        paragraph.alignment = align
    if before is not None:
        paragraph.space_before = Pt(before)
    if after is not None:
        paragraph.space_after = Pt(after)
    if keep_with_next is not None:
        paragraph.keep_with_next = keep_with_next
    return style


def bullet_numbering(document: DocumentObject, look: Look) -> None:
    """A bullet list definition with a level per nesting depth, used by the bullet styles."""
    numbering = document.part.numbering_part.element
    levels = []
    for level, mark in enumerate(look.bullet_marks):
        left = Cm(look.text_indent + look.list_step * (level + 1)).twips
        hanging = Cm(look.list_step).twips
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{mark}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{look.font}" w:hAnsi="{look.font}" w:cs="{look.font}"/>'
            f"</w:rPr></w:lvl>"
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)  # abstract definitions come before the instances
    else:
        numbering.insert(0, abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{BULLET_NUM_ID}">'
            f'<w:abstractNumId w:val="{BULLET_NUM_ID}"/></w:num>'
        )
    )


def bullet_style(document: DocumentObject, name: str, look: Look, level: int) -> None:
    left = look.text_indent + look.list_step * (level + 1)
    style = paragraph_style(document, name, look, left=left, hanging=look.list_step, after=4)
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = BULLET_NUM_ID


# --- content -------------------------------------------------------------------------------


def tag(document: DocumentObject, statement: str) -> None:
    """A `{%p ... %}` statement: a paragraph of its own that disappears when rendered."""
    document.add_paragraph(f"{{%p {statement} %}}", style="Normal")


def para(document: DocumentObject, text: str, style: str) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    for n, part in enumerate(text.split("\t")):
        if n:
            paragraph.add_run().add_tab()
        if part:
            paragraph.add_run(part)
    return paragraph


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
            f"<w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>"
        )
    )


def describe_pictures(document_part_element: object, text: str) -> None:
    """Alt text on every picture (screen readers read `descr`)."""
    for doc_pr in document_part_element.iter(qn("wp:docPr")):  # type: ignore[attr-defined]
        doc_pr.set("descr", text)
        doc_pr.set("title", text)


def crest_header(document: DocumentObject, look: Look, crest_cm: float = 2.2) -> None:
    """First page: the crest beside the authority's name; every page: DRAFT or CONFIDENTIAL
    when that applies, and the page number."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    table = first.add_table(rows=1, cols=2, width=Emu(text_width(document)))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    crest_cell, name_cell = table.rows[0].cells
    crest_cell.width, name_cell.width = Cm(crest_cm + 0.4), Cm(12)
    crest_cell.vertical_alignment = name_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    crest_cell.paragraphs[0].add_run().add_picture(str(CREST), width=Cm(crest_cm))
    describe_pictures(first._element, CREST_ALT_TEXT)
    name = name_cell.paragraphs[0]
    name.style = document.styles["Authority"]
    name.add_run("{{ meeting.authority }}")
    # The header opens with the table: drop the empty paragraph python-docx starts it with.
    # Word requires a paragraph after a table; that one carries the DRAFT mark.
    for empty in list(first.paragraphs):
        if empty._p.getnext() is table._tbl:
            first._element.remove(empty._p)
    marks(document, first.add_paragraph())
    later = section.header  # later pages: only the marks, as the council's published minutes
    later.is_linked_to_previous = False
    marks(document, later.paragraphs[0])
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_field(paragraph, "PAGE", "1")


def marks(document: DocumentObject, paragraph: Paragraph) -> None:
    """DRAFT and CONFIDENTIAL, on every page, in the header paragraph given."""
    paragraph.style = document.styles["Document Mark"]
    paragraph.add_run(
        "{% if meeting.confidential %}CONFIDENTIAL: NOT FOR PUBLICATION{% endif %}"
        "{% if meeting.confidential and meeting.is_draft %} – {% endif %}"
        "{% if meeting.is_draft %}DRAFT: subject to confirmation{% endif %}"
    )


def para_if(document: DocumentObject, condition: str, text: str, style: str) -> Paragraph:
    """A paragraph written only when `condition` holds."""
    tag(document, "if " + condition)
    paragraph = para(document, text, style)
    tag(document, "endif")
    return paragraph


def labelled_if(
    document: DocumentObject, condition: str, label: str, text: str, style: str
) -> Paragraph:
    """A paragraph with a bold label (see `labelled`), written only when `condition` holds."""
    tag(document, "if " + condition)
    paragraph = labelled(document, label, text, style)
    tag(document, "endif")
    return paragraph


def attendance_lines(
    document: DocumentObject, lines: Iterable[tuple[str, str, str]], style: str = "Roll"
) -> None:
    """For each `(group, label, text)`, a labelled paragraph ("Present: ...") when the group
    of the attendance (`attendance.officers`) has anyone in it."""
    for group, label, text in lines:
        labelled_if(document, f"attendance.{group}", label, text, style)


def roll(document: DocumentObject, present: str, guests: Callable[[str], str]) -> None:
    """The attendance as an English council lists it, each line labelled: "Present: " the
    members (`present`), "In attendance: " the officers and "Also present: " the others
    (`guests` of the group)."""
    attendance_lines(
        document,
        (
            ("present_members", "Present: ", present),
            ("officers", "In attendance: ", guests("officers")),
            ("others", "Also present: ", guests("others")),
        ),
    )


def footer_line(document: DocumentObject, paragraph: Paragraph, text: str) -> None:
    """A footer paragraph: `text` at the left margin, "Page 2 of 5" at the right."""
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)
    tabs = paragraph.paragraph_format.tab_stops
    for inherited in document.styles["Footer"].paragraph_format.tab_stops:
        tabs.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Emu(text_width(document)), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(text)
    paragraph.add_run().add_tab()
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES", "1")


def page_footers(document: DocumentObject, text: str) -> None:
    """Every page's footer, the first's too (in place of `crest_header`'s page number): `text`
    at the left, the page at the right."""
    section = document.sections[0]
    for part in (section.first_page_footer, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        footer_line(document, paragraph, text)


def running_header(document: DocumentObject, look: Look, text: str) -> None:
    """Later pages: which minutes these are, small and grey at the right, under the marks."""
    paragraph_style(
        document, "Running Header", look, size=9, colour=GREY, align=WD_ALIGN_PARAGRAPH.RIGHT
    ).paragraph_format.space_after = Pt(12)
    paragraph = document.sections[0].header.add_paragraph(style="Running Header")
    paragraph.add_run(text)


# --- the parts of minutes every style shares ---------------------------------------------------


def common_styles(document: DocumentObject, look: Look) -> None:
    t, step = look.text_indent, look.list_step
    paragraph_style(document, "Authority", look, size=16, bold=True, after=0)
    paragraph_style(
        document,
        "Document Mark",
        look,
        size=14,
        bold=True,
        colour=RED,
        after=0,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    heading = paragraph_style(
        document,
        "Heading 1",
        look,
        size=look.size,
        bold=True,
        left=t,
        hanging=t,
        before=14,
        after=8,
        keep_with_next=True,
    )
    heading.font.italic = False
    paragraph_style(document, "Minute Text", look, left=t)
    paragraph_style(document, "Minute Text 2", look, left=t + step)
    paragraph_style(document, "Minute Lead-in", look, left=t, keep_with_next=True)
    paragraph_style(document, "Minute Lead-in 2", look, left=t + step, keep_with_next=True)
    paragraph_style(document, "Minute Lines", look, left=t)
    paragraph_style(document, "Minute Lines 2", look, left=t + step)
    paragraph_style(document, "Attachment", look, left=t, italic=True)
    paragraph_style(document, "Attachment 2", look, left=t + step, italic=True)
    for name, left in (("Minute Heading", t), ("Minute Heading 2", t + step)):
        paragraph_style(document, name, look, left=left, bold=True, before=6, keep_with_next=True)
    paragraph_style(
        document, "Section Heading", look, bold=True, before=18, after=8, keep_with_next=True
    )
    paragraph_style(
        document, "Session Heading", look, bold=True, before=12, after=6, keep_with_next=True
    )
    heading_2 = paragraph_style(
        document,
        "Heading 2",
        look,
        size=look.size,
        bold=True,
        left=t * 2,  # a sub-item's number under its parent's title, its title further in
        hanging=t,
        before=10,
        after=6,
        keep_with_next=True,
    )
    heading_2.font.italic = False
    table_styles(document, look)
    paragraph_style(document, "Roll Call", look, left=t, after=0)
    paragraph_style(document, "Session Note", look, left=t, before=8)
    paragraph_style(document, "Break", look, left=t, italic=True, before=6)
    signature = paragraph_style(document, "Signature", look, before=36, after=0)
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(10.5), WD_TAB_ALIGNMENT.LEFT)
    bullet_numbering(document, look)
    for level in range(3):
        bullet_style(document, "Minute Bullet" + (f" {level + 1}" if level else ""), look, level)
        paragraph_style(
            document,
            "Minute Numbered" + (f" {level + 1}" if level else ""),
            look,
            left=t + step * (level + 1),
            hanging=step,
            after=4,
        )
    paragraph_style(
        document, "Resolution Word", look, left=t, bold=True, before=6, after=6, keep_with_next=True
    )
    paragraph_style(document, "Resolution", look, left=t + step)
    paragraph_style(document, "Vote", look, left=t)
    paragraph_style(document, "Exempt Notice", look, left=t, italic=True)
    paragraph_style(document, "Closing", look, before=12)
    action_styles(document, look)


LEVELS = (1, 2, 3)


def level_suffix(level: int) -> str:
    """A list style's name after "Minute Bullet" for a nesting level: "", " 2", " 3"."""
    return "" if level == 1 else f" {min(level, 3)}"


VOTE_LABELS = "{{ {'for': 'For', 'against': 'Against', 'abstain': 'Abstained', 'absent': 'Absent', 'recused': 'Recused'}[row.label] }}"

VOTE_NAMES = (
    "{% set noted = row.block.named_votes.roll | selectattr('note') | list %}"
    "{% if noted %}{% for v in row.block.named_votes.roll if v.choice == row.label %}"
    "{{ v.name }}{{ ' (' ~ v.note ~ ')' if v.note }}{{ ', ' if not loop.last }}{% endfor %}"
    "{% else %}{{ row.text }}{% endif %}"
)
"""The names of a named-vote row, in roll-call order; each with its note ("Cllr Lee (because
of a declared interest)") when any vote in the roll has one."""

SINGLE_RESOLUTION = (
    "not row.block.numbered and row.block.resolutions | length == 1"
    " and not row.block.resolutions[0].blocks"
)

MOTION_NOUN = (
    "{'amendment': 'amendment', 'substitute': 'substitute motion',"
    " 'substantive': 'substantive motion', 'procedural': 'procedural motion'}"
    ".get(row.block.kind, 'motion')"
)
"""What a resolution row's motion is called: "motion", "amendment", "substitute motion"..."""
INSTRUMENT_NOUN = "{'ordinance': 'ordinance', 'bylaw': 'by-law', 'resolution': 'resolution'}.get(row.block.instrument, '')"
DECISION_NUMBER = "{{ ' (' ~ row.block.number ~ ')' if row.block.number }}"
"""After the resolution word: the decision's number, "AGREED (CAB/2025/14):"."""
UNLED_NUMBER = (
    "{{ 'Decision ' ~ row.block.number ~ ': ' if row.block.number and row.block.lead == 'none' }}"
)
"""Before a resolution with no lead word: its number, "Decision CAB/2025/14: That ..."."""


@dataclass(frozen=True)
class Para:
    """One paragraph a branch of `item_rows` writes: its text, style, a bold label before the
    text, and a condition for this paragraph alone."""

    text: str
    style: str
    label: str = ""
    only_if: str = ""


MOTION_PARAS: tuple[Para, ...] = (
    Para("{{ row.text | sentence }}", "Minute Text", only_if="row.block.moved"),
    Para(
        "The following {{ " + MOTION_NOUN + " }} was moved:",
        "Minute Lead-in",
        only_if="not row.block.moved",
    ),
    Para("{{ row.text }}", "Minute Text 2", only_if="not row.block.moved"),
)
"""A motion row: the style's motion sentence, or the words moved under a lead-in."""
NOTICE_PARAS: tuple[Para, ...] = (
    Para(
        "{% set n = row.block %}{% if n.mover %}{{ n.mover }} gave notice of the following motion"
        "{{ ', seconded by ' ~ n.seconder if n.seconder }}:"
        "{% else %}Notice had been given of the following motion"
        "{{ ', seconded by ' ~ n.seconder if n.seconder }}:{% endif %}",
        "Minute Lead-in",
    ),
    Para("{{ row.text }}", "Minute Text 2"),
    Para(
        "{{ row.block.reply_by or 'The following reply was given' }}"
        "{{ ' gave the following reply' if row.block.reply_by }}:",
        "Minute Lead-in",
        only_if="row.block.reply",
    ),
    Para("{{ row.block.reply }}", "Minute Text 2", only_if="row.block.reply"),
)
"""A notice of motion (the Leicester voice): who gave it, the motion, the written reply."""
READINGS_LINE = (
    "{% set noun = " + INSTRUMENT_NOUN + " %}"
    "{{ ('The ' ~ noun) if noun else 'It' }} was {{ row.text }}."
)
"""After the vote: "The by-law was read a first, second and third time."."""
RECORDED_VOTE_LINE = (
    "A recorded vote was requested{{ ' by ' ~ row.block.requested_by if row.block.requested_by }}."
)
"""Under the vote line of a recorded vote."""


def labelled(document: DocumentObject, label: str, text: str, style: str) -> Paragraph:
    """A paragraph that starts with a bold label ("Present: ", "RESOLVED:")."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    if text:
        paragraph.add_run(text)
    return paragraph


def _write(document: DocumentObject, paragraph: Para) -> None:
    if paragraph.only_if:
        tag(document, "if " + paragraph.only_if)
    if paragraph.label:
        labelled(document, paragraph.label, paragraph.text, paragraph.style)
    else:
        para(document, paragraph.text, paragraph.style)
    if paragraph.only_if:
        tag(document, "endif")


Body = Para | tuple[Para, ...] | Callable[[DocumentObject], None]


def item_rows(
    document: DocumentObject,
    *,
    vote_line: str,
    named_vote_line: str = VOTE_LABELS + ": " + VOTE_NAMES,
    named_vote_style: str = "Vote",
    resolution_on_word_line: bool = False,
    motion: tuple[Para, ...] = MOTION_PARAS,
    notice: tuple[Para, ...] = NOTICE_PARAS,
    readings_line: str = READINGS_LINE,
    recorded_vote_line: str = RECORDED_VOTE_LINE,
    table_look: Look | None = None,
) -> None:
    """The body of an item: one paragraph per row, styled by its kind and nesting level.

    With `resolution_on_word_line`, a single unnumbered resolution follows its word in one
    paragraph ("RESOLVED: That ..."), the word in bold; otherwise the word ("AGREED:") stands
    in a paragraph of its own above the resolutions. A resolution with no lead word has no
    word row: its single resolution stands alone ("Decision 2024-117: That ..." if numbered).

    `motion` and `notice` are the paragraphs of a motion row and a notice of motion;
    `readings_line` follows the vote of a by-law or ordinance, `recorded_vote_line` the vote
    line of a recorded vote. A table row is a Word table (see `table_rows`), laid out with
    `table_look` (the style's look; the default one without).
    """
    branches: list[tuple[str, Body]] = []  # condition, what it writes
    for kind, style in (
        ("paragraph", "Minute Text"),
        ("lead_in", "Minute Lead-in"),
        ("lines", "Minute Lines"),
        ("attachment", "Attachment"),
        ("debate", "Minute Text"),
        ("heading", "Minute Heading"),
    ):
        branches.append((f'row.kind == "{kind}" and row.level == 1', Para("{{ row.text }}", style)))
        branches.append((f'row.kind == "{kind}"', Para("{{ row.text }}", style + " 2")))
    for level in LEVELS:
        test = f"row.level == {level}" if level < 3 else "row.level >= 3"
        bullet, numbered = (
            "Minute Bullet" + level_suffix(level),
            "Minute Numbered" + level_suffix(level),
        )
        branches.append((f'row.kind == "bullet" and {test}', Para("{{ row.text }}", bullet)))
        branches.append(
            (
                f'row.kind == "numbered" and {test}',
                Para("{{ row.label }}\t{{ row.text }}", numbered),
            )
        )
    look = table_look or Look()
    branches += [
        ('row.kind == "questioner"', Para("{{ row.text }} asked:", "Minute Lead-in")),
        (
            'row.kind == "responder"',
            Para(
                "{{ row.text }} gave the following {{ 'responses' if row.count > 1 else 'response' }}:",
                "Minute Lead-in",
            ),
        ),
        ('row.kind == "motion"', motion),
        (
            'row.kind == "vote"',
            (
                Para(vote_line, "Vote"),
                Para(recorded_vote_line, "Vote", only_if="row.block.recorded_vote"),
            ),
        ),
        ('row.kind == "readings"', Para(readings_line, "Vote")),
        ('row.kind == "named_vote"', Para(named_vote_line, named_vote_style)),
        ('row.kind == "notice"', notice),
        ('row.kind == "table"', lambda d: table_rows(d, look)),
    ]
    if resolution_on_word_line:
        branches += [
            (
                f'row.kind == "resolution_word" and {SINGLE_RESOLUTION}',
                Para(
                    " {{ row.block.resolutions[0].text }}",
                    "Resolution",
                    label="{{ row.text }}" + DECISION_NUMBER + ":",
                ),
            ),
            (
                'row.kind == "resolution_word"',
                Para("", "Resolution Word", label="{{ row.text }}" + DECISION_NUMBER + ":"),
            ),
            # a "resolution" row (the single resolution) is already in its word's paragraph,
            # unless it has no word
            (
                'row.kind == "resolution" and row.block.lead == "none"',
                Para(UNLED_NUMBER + "{{ row.text }}", "Resolution"),
            ),
        ]
    else:
        branches += [
            (
                'row.kind == "resolution_word"',
                Para("{{ row.text }}" + DECISION_NUMBER + ":", "Resolution Word"),
            ),
            ('row.kind == "resolution"', Para(UNLED_NUMBER + "{{ row.text }}", "Resolution")),
        ]
    tag(document, "for row in item.rows")
    for n, (condition, body) in enumerate(branches):
        tag(document, ("if " if n == 0 else "elif ") + condition)
        if isinstance(body, Para):
            _write(document, body)
        elif isinstance(body, tuple):
            for paragraph in body:
                _write(document, paragraph)
        else:
            body(document)
    tag(document, "endif")
    tag(document, "endfor")


# --- the parts of a meeting format 2 added ----------------------------------------------------

SEPARATOR = '{{ ", " if loop.revindex > 2 else (" and " if loop.revindex == 2 else "") }}'
"""Between the names of a list written as a sentence ("A, B and C"), inside its loop."""
ROLL_CALL_GROUPS = (
    ("present", "Present"),
    ("late", "Arrived late"),
    ("excused", "Excused"),
    ("absent", "Absent"),
)
"""A session's roll call, a line for each answer, in this order."""


def roll_call_line(answer: str, label: str) -> str:
    """One line of a session's roll call: "Arrived late: Councillor Lee (6:10 pm)."."""
    return (
        f"{label}: {{% for r in item.session.roll_call if r.answer == '{answer}' %}}"
        "{% set notes = ([r.time] if r.time else []) + ([r.note] if r.note else []) %}"
        "{{ r.name }}{{ ' (' ~ notes | join(', ') ~ ')' if notes }}" + SEPARATOR + "{% endfor %}."
    )


PUBLIC_ATTENDED = "{{ meeting.public_present_text }} attended."
"""The same, shorter: "Three members of the public attended."."""
PUBLIC_PRESENT = (
    "{{ meeting.public_present_text }}"
    " {{ 'was' if meeting.public_present == 1 else 'were' }} present."
)
"""How many of the public were there: "Three members of the public were present."."""
DECLARED_INTEREST = (
    "{{ d.person }} declared {{ 'an' if d.kind_label[:1] in 'aeiou' else 'a' }} {{ d.kind_label }}"
    "{% if d.item %} in minute {{ d.item.number }}"
    "{% if d.item.title %} ({{ d.item.title }}){% endif %}"
    "{% elif d.withheld %} in an item considered in private{% endif %}"
    "{% if d.interest %}: {{ d.interest | sentence }}{% else %}.{% endif %}"
)
"""A declaration of interest, `d`, as an English council words it: "Cllr Lee declared a
pecuniary interest in minute 12 (Planning): she owns land nearby."; what the member then did
follows, in the style's words."""


def members_present(*, from_: str = "from ", to: str = " until ", until: str = "until ") -> str:
    """The members present as one sentence: each with their role, whom they substituted for,
    whether remote, the part of the meeting they attended (worded `from_` 12 `to` 15, `from_`
    12, `until` 15) and when they arrived or left; "Cllr Ali (Chair), Cllr Lee (remote) and
    Cllr Patel."."""
    return (
        "{% for p in attendance.present_members %}"
        '{% set role = {"chair": ["Chair"], "vice_chair": ["Vice-Chair"],'
        ' "co_opted": [p.capacity or "co-opted"]}.get(p.role, []) %}'
        f'{{% set part = (["{from_}" ~ p.from_minute ~ "{to}" ~ p.to_minute]'
        " if p.from_minute and p.to_minute"
        f' else (["{from_}" ~ p.from_minute] if p.from_minute'
        f' else (["{until}" ~ p.to_minute] if p.to_minute else []))) %}}'
        '{% set notes = role + (["substituting for " ~ p.substitute_for] if p.substitute_for else [])'
        ' + (["remote"] if p.remote else []) + part'
        ' + (["arrived " ~ p.arrived_at] if p.arrived_at else [])'
        ' + (["left " ~ p.left_at] if p.left_at else []) %}'
        '{{ p.name }}{{ " (" ~ notes | join(", ") ~ ")" if notes }}' + SEPARATOR + "{% endfor %}."
    )


SESSION_HELD = (
    "{% set s = item.session %}The session was held{{ ' on ' ~ s.date if s.date }}"
    "{{ (' from ' ~ s.start_time ~ ' to ' ~ s.close_time) if s.start_time and s.close_time"
    " else (' at ' ~ s.start_time if s.start_time) }}{{ ' in ' ~ s.venue if s.venue }}."
)
SPEAKER = (
    "{{ s.name }}{{ ' of ' ~ s.organisation if s.organisation }} "
    "{{ 'presented a deputation' if s.kind == 'deputation' else 'addressed the meeting' }}"
    "{{ ' on behalf of ' ~ s.on_behalf_of if s.on_behalf_of }}{{ ' remotely' if s.remote }}"
    "{{ {'for': ', in support of the proposals', 'against': ', opposing the proposals'}"
    ".get(s.position, '') }}."
)
"""A deputation or public speaker on the item, `s`: "Mrs Ann Green of Friends of the Park
presented a deputation on behalf of residents of Mill Lane, opposing the proposals."."""
BREAK = "{{ br.text }}{{ ' ' ~ br.note | sentence if br.note }}"
"""An adjournment or recess after the item, `br`."""
SIGNATORY = (
    "Signed ........................ {{ s.name ~ ' ' if s.name }}{{ '(' ~ s.role ~ ')' if s.role }}"
    "\tDate {{ s.signed_on or '............' }}"
)
"""A signature line, `s`; the text templates write the tab as three spaces."""


def session_start(document: DocumentObject, heading: str, text_style: str = "Minute Text") -> None:
    """Before the first item of a session, inside the loop over items: its heading, when and
    where it was held, its roll call and its note."""
    tag(document, "if item.session_start")
    para(document, heading, "Session Heading")
    tag(document, "if item.session.date or item.session.start_time or item.session.venue")
    para(document, SESSION_HELD, text_style)
    tag(document, "endif")
    for answer, label in ROLL_CALL_GROUPS:
        tag(
            document,
            f"if item.session.roll_call | selectattr('answer', 'equalto', '{answer}') | list",
        )
        para(document, roll_call_line(answer, label), "Roll Call")
        tag(document, "endif")
    tag(document, "if item.session.note")
    para(document, "{{ item.session.note }}", "Session Note")
    tag(document, "endif")
    tag(document, "endif")


def section_start(
    document: DocumentObject,
    heading: str,
    text_style: str = "Minute Text",
    *,
    heading_style: str = "Section Heading",
) -> None:
    """Before the first item of a section, inside the loop over items: its heading and note."""
    tag(document, "if item.section_start")
    para(document, heading, heading_style)
    para_if(document, "item.section.note", "{{ item.section.note }}", text_style)
    tag(document, "endif")


def item_heading(
    document: DocumentObject,
    *,
    title: str = "{{ item.title }}",
    after_number: str = "\t",
    unnumbered: bool = True,
) -> None:
    """An item's heading: its number and title ("Heading 2" for a sub-item); with `unnumbered`,
    an item with no number has its title alone."""
    numbered = "{{ item.number }}" + after_number + title
    tag(document, "if item.level")
    para(document, numbered, "Heading 2")
    if unnumbered:
        tag(document, "elif item.number")
        para(document, numbered, "Heading 1")
        tag(document, "else")
        para(document, title, "Heading 1")
    else:
        tag(document, "else")
        para(document, numbered, "Heading 1")
    tag(document, "endif")


NO_DECLARATIONS = "There were no declarations of interest."


def declarations(document: DocumentObject, line: str, style: str = "Minute Text") -> None:
    """The declarations-of-interest standing item: a paragraph per interest, `d`, or that there
    were none."""
    tag(document, 'if item.standing == "declarations"')
    tag(document, "for d in interests")
    para(document, line, style)
    tag(document, "else")
    para(document, NO_DECLARATIONS, style)
    tag(document, "endfor")
    tag(document, "endif")


def apologies(document: DocumentObject, line: str, absent: str) -> None:
    """The welcome-and-apologies standing item: the apologies, then who was absent (if any)."""
    tag(document, 'if item.standing == "welcome_and_apologies"')
    para(document, line, "Minute Text")
    para_if(document, "attendance.absent", absent, "Minute Text")
    tag(document, "endif")


def item_speakers(
    document: DocumentObject, line: str = SPEAKER, style: str = "Minute Text"
) -> None:
    """The item's deputations and public speakers (each in `style`), each with the summary of
    what they said."""
    tag(document, "for s in item.speakers")
    para(document, line, style)
    para_if(document, "s.summary", "{{ s.summary }}", "Minute Text")
    tag(document, "endfor")


def breaks_after(document: DocumentObject, line: str = BREAK, style: str = "Break") -> None:
    """The adjournments and recesses that followed the item."""
    tag(document, "for br in item.breaks_after")
    para(document, line, style)
    tag(document, "endfor")


def signatories(document: DocumentObject, line: str = SIGNATORY, style: str = "Signature") -> None:
    """A signature line for each of the meeting's signatories (none without)."""
    tag(document, "for s in meeting.signatories")
    para(document, line, style)
    tag(document, "endfor")


# --- tables ------------------------------------------------------------------------------------

TABLE_TEMPLATE_COLUMNS = 3
"""The template's table has three cells a row (a column loop's start, its cell and its end);
docxtpl sets the columns to the cells each table renders with."""


def table_styles(document: DocumentObject, look: Look) -> None:
    """The paragraph styles of a table in the minutes: caption, heading, cells, total."""
    t = look.text_indent
    paragraph_style(
        document, "Table Caption", look, left=t, bold=True, before=6, after=4, keep_with_next=True
    )
    paragraph_style(document, "Table Heading", look, bold=True, before=2, after=2)
    paragraph_style(document, "Table Text", look, before=2, after=2)
    paragraph_style(document, "Table Total", look, bold=True, before=2, after=2)
    paragraph_style(document, "Table End", look, size=max(look.size - 6, 2), before=0, after=6)


def _no_width(cell: object) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    width = properties.find(qn("w:tcW"))
    if width is not None:
        properties.remove(width)
    properties.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="0" w:type="auto"/>'))


def table_rows(document: DocumentObject, look: Look) -> None:
    """A table row as a Word table: its caption above, a header row (shaded, repeated on
    each page), a row per row of the table and the total in bold; as many columns as the
    table has. Inside the loop over an item's rows; `row.block` is the TableView. An empty
    paragraph after the table keeps the next one apart (Word joins adjacent tables)."""
    tag(document, "if row.text")
    para(document, "{{ row.text }}", "Table Caption")
    tag(document, "endif")
    tag(document, "if row.block.header or row.block.rows or row.block.total")
    width = text_width(document) - Cm(look.text_indent)
    table = document.add_table(rows=9, cols=TABLE_TEMPLATE_COLUMNS)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    properties = table._tbl.tblPr
    indent = parse_xml(
        f'<w:tblInd {nsdecls("w")} w:w="{Cm(look.text_indent).twips}" w:type="dxa"/>'
    )
    # the schema's order: ... tblW, jc, tblCellSpacing, tblInd, tblBorders ...
    before = [properties.find(qn(f"w:{name}")) for name in ("tblCellSpacing", "jc", "tblW")]
    anchor = next((element for element in before if element is not None), None)
    if anchor is not None:
        anchor.addnext(indent)
    else:
        properties.insert(0, indent)
    for column in table.columns:
        column.width = int(width / TABLE_TEMPLATE_COLUMNS)
    rows = table.rows
    parts = (
        ("header", "row.block.header", "Table Heading"),
        ("rows", None, "Table Text"),
        ("total", "row.block.total", "Table Total"),
    )
    for n, (part, condition, style) in enumerate(parts):
        opening, cells, closing = rows[3 * n], rows[3 * n + 1], rows[3 * n + 2]
        if condition:
            cell_text(opening.cells[0], f"{{%tr if {condition} %}}", "Table Text")
            cell_text(closing.cells[0], "{%tr endif %}", "Table Text")
            over = condition
        else:
            cell_text(opening.cells[0], "{%tr for cells in row.block.rows %}", "Table Text")
            cell_text(closing.cells[0], "{%tr endfor %}", "Table Text")
            over = "cells"
        first, middle, last = cells.cells
        cell_text(first, f"{{%tc for cell in {over} %}}", style)
        cell_text(middle, "{{ cell }}", style)
        cell_text(last, "{%tc endfor %}", style)
        for cell in cells.cells:
            _no_width(cell)
            if part == "header":
                shade(cell)
        row_properties = cells._tr.get_or_add_trPr()
        if part == "header":
            row_properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        row_properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    para(document, "", "Table End")
    tag(document, "endif")


# --- follow-up actions ------------------------------------------------------------------------

ANNEX_HEADING = "ACTIONS ARISING FROM THE MEETING"
"""The heading of the actions annex; what comes before it is the minutes proper."""
ANNEX_COLUMNS = (("Minute", 0.11), ("Action", 0.45), ("Who", 0.25), ("By when", 0.19))
"""The annex table's columns, with the share of the text width each takes."""
ANNEX_SUBTITLE = "{{ meeting.body }}, {{ meeting.short_date }}"
"""Under the heading: which meeting the actions arose at (the annex may be handed round alone)."""

INLINE_ACTION = (
    '{% set what = a.action[:-1] if a.action.endswith(".") else a.action %}'
    '{% set who = ([a.owner] if a.owner else []) + (["by " ~ a.due] if a.due else []) %}'
    '{{ what }}{{ " (" ~ who | join(", ") ~ ")" if who }}.'
)
"""An action under its minute: "Write to the society (Clerk, by 1 May 2025)."."""


def action_styles(document: DocumentObject, look: Look) -> None:
    """The paragraph styles of actions: under their minute, and in the annex."""
    paragraph_style(document, "Action", look, left=look.text_indent, italic=True, before=6, after=6)
    heading = paragraph_style(
        document,
        "Annex Heading",
        look,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=0,
        after=12,
        keep_with_next=True,
    )
    heading.paragraph_format.page_break_before = True
    paragraph_style(
        document, "Annex Subtitle", look, align=WD_ALIGN_PARAGRAPH.CENTER, after=12
    ).paragraph_format.keep_with_next = True
    paragraph_style(
        document, "Annex Table Heading", look, bold=True, before=2, after=2, keep_with_next=True
    )
    paragraph_style(document, "Annex Text", look, before=2, after=2)


def inline_actions(
    document: DocumentObject, *, label: str = "Action: ", when: str = "not style.actions_annex"
) -> None:
    """Each action under its minute ("Action: ..."), `when` that holds (by default: when the
    style has no annex; none: always); inside the loop over items."""
    if when:
        tag(document, "if " + when)
    tag(document, "for a in item.actions")
    labelled(document, label, INLINE_ACTION, "Action")
    tag(document, "endfor")
    if when:
        tag(document, "endif")


def cell_text(cell: _Cell, text: str, style: str) -> Paragraph:
    """A table cell's text, in its first paragraph, in the style given."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def shade(cell: _Cell) -> None:
    """A header row's cell: shaded grey."""
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>')
    )


def actions_annex(document: DocumentObject) -> None:
    """After the close, when the style asks for it: every action in a table, one row each, with
    its minute, what is to be done, who does it and by when. The header row repeats on every
    page and no row breaks across pages."""
    width = text_width(document)
    tag(document, "if style.actions_annex and meeting.actions")
    para(document, ANNEX_HEADING, "Annex Heading")
    para(document, ANNEX_SUBTITLE, "Annex Subtitle")
    table = document.add_table(rows=4, cols=len(ANNEX_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, (_, share) in zip(table.columns, ANNEX_COLUMNS, strict=True):
        column.width = int(width * share)
        for cell in column.cells:
            cell.width = int(width * share)
    header, loop, body, end = table.rows
    for cell, (title, _) in zip(header.cells, ANNEX_COLUMNS, strict=True):
        cell_text(cell, title, "Annex Table Heading")
        shade(cell)
    fields = ("{{ a.minute }}", "{{ a.action }}", "{{ a.owner }}", "{{ a.due }}")
    for cell, text in zip(body.cells, fields, strict=True):
        cell_text(cell, text, "Annex Text")
    cell_text(loop.cells[0], "{%tr for a in meeting.actions %}", "Annex Text")
    cell_text(end.cells[0], "{%tr endfor %}", "Annex Text")
    for n, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if n == 0:
            properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    tag(document, "endif")


# --- packaging -------------------------------------------------------------------------------

_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")
_KEEP_STYLE_TYPES = ("paragraph", "character", "numbering", "table")


def slim(data: bytes, used_styles: set[str]) -> bytes:
    """Drop what python-docx's default template carries and Clerk does not need: a thumbnail
    of an empty page, Word 2010 style effects, custom XML, and 150 unused styles (they make
    every export parse 400 KB of styles)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name.startswith(_DROP):
                continue
            content = source.read(name)
            if name == "[Content_Types].xml":
                text = content.decode()
                text = re.sub(
                    r'<Override PartName="/(?:word/stylesWithEffects\.xml|customXml/[^"]*|docProps/thumbnail\.jpeg)"[^>]*/>',
                    "",
                    text,
                )
                text = re.sub(r'<Default Extension="jpeg"[^>]*/>', "", text)
                content = text.encode()
            elif name.endswith(".rels"):
                text = content.decode()
                text = re.sub(
                    r'<Relationship [^>]*Target="(?:stylesWithEffects\.xml|\.\./customXml/[^"]*|docProps/thumbnail\.jpeg)"[^>]*/>',
                    "",
                    text,
                )
                content = text.encode()
            elif name == "word/styles.xml":
                content = _prune_styles(content, used_styles)
            elif name == "docProps/app.xml":
                content = _app_properties()
            # a fixed time stamp: rebuilding an unchanged template gives the same bytes
            fixed = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _style_name(style: object) -> str:
    name = style.find(qn("w:name"))  # type: ignore[attr-defined]
    return str(name.get(qn("w:val")) or "") if name is not None else ""


def _prune_styles(content: bytes, used: set[str]) -> bytes:
    root = parse_xml(content)
    styles = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    wanted = {name.casefold() for name in used}  # Word's names are "heading 1", "footer"
    keep = {sid for sid, s in styles.items() if _style_name(s).casefold() in wanted}
    keep |= {sid for sid, s in styles.items() if s.get(qn("w:default")) == "1"}
    pending = list(keep)
    while pending:  # keep what kept styles are based on, linked to or followed by
        style = styles[pending.pop()]
        for child in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(child))
            if (
                ref is not None
                and ref.get(qn("w:val")) in styles
                and ref.get(qn("w:val")) not in keep
            ):
                keep.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for sid, style in styles.items():
        if sid not in keep:
            root.remove(style)
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_properties() -> bytes:
    return (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b"<Template>Normal.dotm</Template><Application>Clerk</Application><DocSecurity>0</DocSecurity>"
        b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    )


def style_language(folder: Path) -> str:
    """The language a style's minutes are written in (`language` in its `style.toml`)."""
    with (folder / "style.toml").open("rb") as file:
        language = tomllib.load(file).get("language", "en-GB")
    return str(language)


def save(document: DocumentObject, path: Path, *, language: str = "en-GB") -> None:
    """Write the template to `path`, with Word's document properties fixed (the same bytes on
    every rebuild) and its language `language`."""
    props = document.core_properties
    props.created = props.modified = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)  # replaced on export
    props.author = "Clerk"
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    props.last_modified_by = "Clerk"
    props.language = language
    buffer = io.BytesIO()
    document.save(buffer)
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    used |= {
        p.style.name
        for table in document.tables
        for c in table._cells
        for p in c.paragraphs
        if p.style is not None
    }
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.footer,
            section.first_page_footer,
        ):
            used |= {p.style.name for p in part.paragraphs if p.style is not None}
            for table in part.tables:
                used |= {
                    p.style.name for c in table._cells for p in c.paragraphs if p.style is not None
                }
    used |= {
        s.name
        for s in document.styles
        if s.name.startswith(("Minute", "Heading 1", "Resolution", "Attachment", "Action", "Annex"))
    }
    used |= {
        "Normal",
        "Header",
        "Footer",
        "Table Grid",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "List Number",
        "Title",
    }
    path.write_bytes(slim(buffer.getvalue(), used))
    print(path)


def main(names: list[str]) -> int:
    """Build the named styles, or every style folder that has a `make_docx.py` with `build()`."""
    import importlib.util

    for script in sorted(TEMPLATES.glob("*/make_docx.py")):
        if names and script.parent.name not in names:
            continue
        spec = importlib.util.spec_from_file_location(f"{script.parent.name}_make_docx", script)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        folder = script.parent
        save(module.build(), folder / "minutes.docx", language=style_language(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
