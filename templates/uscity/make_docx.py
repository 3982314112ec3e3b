"""The US city council Word template: action minutes, a closed session and a regular session.

Built by `python templates/make_docx.py uscity`; see that script for how the templates work. The
wording follows `minutes.txt.j2` sentence for sentence: each constant below is the Word form of
one of its macros (Word templates cannot use macros, which would produce paragraphs).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Inches
from docx.styles.style import ParagraphStyle

from templates.make_docx import (
    CREST,
    CREST_ALT_TEXT,
    GREY,
    LEVELS,
    PUBLIC_ATTENDED,
    RED,
    ROUND_BULLETS,
    SINGLE_RESOLUTION,
    Look,
    attendance_lines,
    common_styles,
    describe_pictures,
    footer_line,
    inline_actions,
    labelled,
    labelled_if,
    level_suffix,
    new_document,
    para,
    para_if,
    paragraph_style,
    section_start,
    tag,
)

LOOK = Look(
    font="Arial",
    size=11,
    language="en-US",
    text_indent=1.5,  # the agenda label ("5.1", "CS-1") stands in the margin column
    list_step=0.63,
    bullet_marks=ROUND_BULLETS,
    margins=(2.54, 2.54, 2.54, 2.54),  # one inch all round
)


UNROLLED = (
    'not meeting.sessions or items | rejectattr("session") | list'
    ' or items | selectattr("session") | map(attribute="session") | rejectattr("roll_call") | list'
)
"""Some of the minutes are in no session with a roll call: the attendance says who was there."""


def t(value: str) -> str:
    """A time as the text template's `t` macro writes it ("6:00 p.m.", by the style's
    time format)."""
    return f"({value})"


def surnames(choice: str) -> str:
    return (
        '{{ row.block.named_votes.roll | selectattr("choice", "equalto", "'
        + choice
        + '") | map(attribute="person.family_name") | join(", ") or "None" }}'
    )


INSTRUMENT = (
    '{{ {"ordinance": "Ordinance", "resolution": "Resolution", "bylaw": "Bylaw"}'
    '.get(row.block.instrument, "Decision") }}'
    '{{ " No. " ~ row.block.number if row.block.number }}'
)
MOTION_WORD = (
    '{{ {"substitute": "SUBSTITUTE MOTION", "amendment": "AMENDMENT",'
    ' "substantive": "MAIN MOTION AS AMENDED", "procedural": "PROCEDURAL MOTION"}'
    '.get(row.block.kind, "MOTION") }}: '
)
RESULT = (
    "{% set b = row.block %}"
    '{% set what = {"substitute": "Substitute motion", "amendment": "Amendment",'
    ' "substantive": "Main motion as amended", "procedural": "Procedural motion"}'
    '.get(b.kind, "Motion") %}'
    '{% set count = b.tally or ("unanimous" if b.unanimous else b.vote_text) %}'
    '{% if b.withheld %}{{ ("Vote: " ~ count ~ ".") if count }}'
    '{% elif b.outcome == "carried" %}{{ what }} carried'
    '{{ " " ~ (b.tally or ("unanimously" if b.unanimous else count)) if count }}.'
    '{% elif b.outcome == "lost" %}{{ what }} failed{{ " " ~ count if count }}.'
    '{% elif b.outcome == "withdrawn" %}{{ what }} withdrawn.'
    '{% elif b.outcome == "not_put" %}{{ what }} not voted on.'
    "{% elif count %}Vote: {{ count }}.{% endif %}"
)
READINGS = (
    INSTRUMENT + ' was {{ "introduced and " if row.block.readings[0] == "first" }}'
    "{{ row.text }}, by title only."
)
WORD = "{{ row.text }}{% if row.block.number %} (" + INSTRUMENT + "){% endif %}:"
EARLY = (
    'row.block.withheld and row.block.lead != "none" and ' + SINGLE_RESOLUTION + " and"
    " (row.block.proposer or row.block.seconder or row.block.vote_text or row.block.outcome)"
)
"""A closed-session item's published action: printed before its vote, not after."""
DISCLOSURE = (
    "Disclosure: {{ d.person }} declared {{ 'an' if d.kind_label[:1] in 'aeiou' else 'a' }}"
    ' {{ d.kind_label }}{{ ": " ~ d.interest | sentence if d.interest else "." }}'
)
SPEAKER = (
    '{% set how = ["by teleconference" if s.remote else "in person"]'
    ' + ([{"for": "in favor", "against": "opposed", "neutral": "neutral"}[s.position]]'
    " if s.position else []) %}"
    '{{ s.name }}{{ ", " ~ s.organisation if s.organisation }}'
    '{{ ", for " ~ s.on_behalf_of if s.on_behalf_of }} ({{ how | join(", ") }})'
    '{{ ": " ~ s.summary if s.summary }}'
)
SPEAKER_COUNT = (
    '{% set remote = item.speakers | selectattr("remote") | list | length %}'
    '{% set favor = item.speakers | selectattr("position", "equalto", "for") | list | length %}'
    '{% set opposed = item.speakers | selectattr("position", "equalto", "against")'
    " | list | length %}"
    '{% set counts = ([favor ~ " in favor"] if favor else [])'
    ' + ([opposed ~ " opposed"] if opposed else [])'
    ' + ([remote ~ " by teleconference"] if remote else []) %}'
    '{{ item.speakers | length }}{{ " (" ~ counts | join(", ") ~ ")" if counts }}'
)
BREAK = (
    '{{ ("The " ~ meeting.body ~ (" recessed" if pause.kind == "recess" else " adjourned")'
    ' ~ (" at " ~ ' + t("pause.from_time") + " if pause.from_time)"
    ' ~ ((" and reconvened at " ~ ' + t("pause.to_time") + ") if pause.to_time"
    ' else (" to " ~ pause.resumed_on if pause.resumed_on))) | sentence }}'
    '{{ " " ~ pause.note if pause.note }}'
)
SESSION_END = "item.session_end and item.session.close_time"
AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""What follows a paragraph's border in its properties (the schema fixes their order)."""
ROLL_ANSWERS = '{"absent": "Absent", "excused": "Excused", "late": "Arrived late"}'


def page_and_header(document: DocumentObject) -> None:
    """US Letter; every page: the CONFIDENTIAL and DRAFT lines (worded as the text's first
    lines) in the header, and which minutes these are with the page in the footer."""
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    header = section.header
    header.is_linked_to_previous = False
    confidential = header.paragraphs[0]
    confidential.style = document.styles["Document Mark"]
    confidential.add_run(
        "{% if meeting.confidential %}CONFIDENTIAL: NOT FOR PUBLICATION. These minutes include"
        " closed session business.{% endif %}"
    )
    draft = header.add_paragraph(style="Document Mark")
    draft.add_run("{% if meeting.is_draft %}DRAFT: subject to approval by the {{ meeting.body }}.")
    draft.add_run("{% endif %}")
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Running Footer"]
    footer_line(
        document,
        paragraph,
        "{{ meeting.authority }} {{ meeting.body }} – {{ meeting.short_date }}",
    )


def own_style(document: DocumentObject, name: str, look: Look, **settings: Any) -> ParagraphStyle:
    """A paragraph style of this template's own, set from scratch: where the shared builder
    defines one of the same name ("Heading 2", "Roll Call"), none of its indents, tab stops,
    spacing or emphasis carries over."""
    if name in [s.name for s in document.styles]:
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        layout, font = style.paragraph_format, style.font
        layout.left_indent = layout.first_line_indent = None
        layout.space_before = layout.space_after = None
        layout.keep_with_next = None
        layout.alignment = None
        layout.tab_stops.clear_all()
        font.bold = font.italic = font.all_caps = font.size = None
    return paragraph_style(document, name, look, **settings)


def styles(document: DocumentObject) -> None:
    common_styles(document, LOOK)
    t_, step = LOOK.text_indent, LOOK.list_step
    centre = WD_ALIGN_PARAGRAPH.CENTER
    own_style(document, "Document Mark", LOOK, size=11, bold=True, colour=RED, align=centre)
    own_style(document, "Running Footer", LOOK, base="Footer", size=8, colour=GREY)
    own_style(document, "Seal", LOOK, align=centre, after=4)
    own_style(document, "Authority", LOOK, size=15, bold=True, align=centre, after=2)
    own_style(document, "Minutes Title", LOOK, size=12, bold=True, align=centre, after=2)
    own_style(document, "Held", LOOK, align=centre, before=8, after=0)
    own_style(document, "Venue", LOOK, align=centre, after=14)
    own_style(document, "Preamble", LOOK, italic=True, after=10)
    own_style(document, "Roll", LOOK, after=6)
    session = own_style(
        document, "Heading 1", LOOK, size=12, bold=True, before=18, after=8,
        keep_with_next=True,
    )  # fmt: skip
    rule = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="8" w:space="2" '
        'w:color="000000"/></w:pBdr>'
    )  # a rule under each session's heading
    properties = session.element.get_or_add_pPr()
    properties.insert_element_before(rule, *AFTER_BORDER)
    own_style(
        document, "Heading 2", LOOK, base="Normal", size=11, bold=True, before=14, after=6,
        keep_with_next=True,
    )  # fmt: skip
    own_style(
        document, "Heading 3", LOOK, base="Normal", size=11, bold=True, left=t_, hanging=t_,
        before=12, after=4, keep_with_next=True,
    )  # fmt: skip
    own_style(document, "Session Text", LOOK, after=6)
    own_style(document, "Roll Call Heading", LOOK, bold=True, after=2, keep_with_next=True)
    own_style(document, "Roll Call", LOOK, left=t_, after=2)
    own_style(document, "Section Note", LOOK, italic=True, after=8)
    own_style(document, "Item Detail", LOOK, left=t_, size=10, colour=GREY, after=2)
    own_style(document, "Out Of Order", LOOK, left=t_, italic=True, after=2)
    own_style(document, "Speakers", LOOK, left=t_, before=4, after=2, keep_with_next=True)
    own_style(document, "Comments Count", LOOK, left=t_, before=4, after=8)
    own_style(document, "Motion", LOOK, left=t_, before=6, after=4)
    own_style(document, "Debate", LOOK, left=t_, after=4)
    own_style(document, "Named Vote", LOOK, left=t_, after=0, keep_with_next=True)
    own_style(document, "Vote", LOOK, left=t_, bold=True, after=6)
    own_style(document, "Readings", LOOK, left=t_, after=4)
    own_style(document, "Resolution", LOOK, left=t_, before=4, after=6)
    own_style(document, "Resolution Word", LOOK, left=t_, before=4, after=4)
    own_style(document, "Reportable Action", LOOK, left=t_, before=4, after=6)
    own_style(document, "Exempt Mark", LOOK, left=t_, bold=True, after=6)
    own_style(document, "Minute Heading", LOOK, left=t_, bold=True, after=4)
    own_style(document, "Minute Table", LOOK, left=t_ + step, after=2)
    own_style(document, "Break", LOOK, before=8, after=8, italic=True)
    own_style(document, "Session End", LOOK, before=8, after=8)
    # the adjournment, the signatures and the attestation go over a page together
    own_style(document, "Closing", LOOK, after=18, keep_with_next=True)
    signature = own_style(document, "Signature Line", LOOK, before=30, after=0)
    signature.paragraph_format.keep_with_next = True
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(9.5), WD_TAB_ALIGNMENT.LEFT)
    own_style(document, "Signature Name", LOOK, after=6, keep_with_next=True)
    own_style(document, "Attest", LOOK, bold=True, before=12, after=0, keep_with_next=True)
    heading = own_style(document, "Annex Heading", LOOK, bold=True, align=centre, after=12)
    heading.paragraph_format.page_break_before = True
    own_style(document, "Annex Subtitle", LOOK, align=centre, after=12)
    own_style(document, "Annex Text", LOOK, after=4)


def title_block(document: DocumentObject) -> None:
    seal = document.add_paragraph(style="Seal")
    seal.add_run().add_picture(str(CREST), width=Cm(2.0))
    describe_pictures(document.element, CREST_ALT_TEXT)
    para(document, "{{ meeting.authority | upper }}", "Authority")
    para(document, "{{ meeting.body | upper }}", "Minutes Title")
    para(document, "ACTION MINUTES", "Minutes Title")
    para(document, "{{ meeting.kind_label | upper }} MEETING", "Minutes Title")
    para(document, "{{ meeting.date }}", "Held")
    para(document, "{{ meeting.venue }}", "Venue")
    para_if(document, "meeting.preamble", "{{ meeting.preamble }}", "Preamble")
    # the attendance's roll unless every item is in a session with a roll call of its own
    tag(document, "if " + UNROLLED)
    attendance_lines(
        document,
        [
            (
                "present_members",
                "PRESENT: ",
                "{% for p in attendance.present_members %}{{ p.name }}"
                '{{ " (" ~ p.part_attendance ~ ")" if p.part_attendance }}'
                '{{ ", " if not loop.last }}{% endfor %}',
            )
        ],
    )
    labelled_if(
        document,
        "attendance.apologies or attendance.absent",
        "ABSENT: ",
        '{{ (attendance.apologies + attendance.absent) | map(attribute="name") | join(", ") }}',
        "Roll",
    )
    tag(document, "endif")
    attendance_lines(
        document,
        [
            (
                group,
                label,
                f"{{% for p in attendance.{group} %}}{{{{ p.name }}}}"
                '{{ ", " ~ p.capacity if p.capacity }}{{ "; " if not loop.last }}{% endfor %}',
            )
            for group, label in (("officers", "STAFF PRESENT: "), ("others", "ALSO PRESENT: "))
        ],
    )
    para_if(document, "meeting.public_present_text", PUBLIC_ATTENDED, "Roll")


def session_start(document: DocumentObject) -> None:
    tag(document, "if item.session_start")
    para(
        document,
        "{{ item.session.title | upper }}"
        '{{ " – " ~ ' + t("item.session.start_time") + " if item.session.start_time }}"
        '{{ ", " ~ item.session.venue if item.session.venue }}',
        "Heading 1",
    )
    para_if(document, "item.session.date", "{{ item.session.date }}", "Session Text")
    para_if(document, "item.session.note", "{{ item.session.note }}", "Session Text")
    tag(document, "if item.session.roll_call")
    para(document, "ROLL CALL", "Roll Call Heading")
    labelled(
        document,
        "Present: ",
        '{{ item.session.roll_call | selectattr("answer", "equalto", "present")'
        ' | map(attribute="name") | join(", ") or "None" }}',
        "Roll Call",
    )
    tag(document, 'for r in item.session.roll_call if r.answer != "present"')
    labelled(
        document,
        "{{ " + ROLL_ANSWERS + "[r.answer] }}: ",
        '{{ r.name }}{{ " at " ~ '
        + t("r.time")
        + ' if r.time }}{{ " (" ~ r.note ~ ")" if r.note }}',
        "Roll Call",
    )
    tag(document, "endfor")
    tag(document, 'for r in item.session.roll_call if r.answer == "present" and r.note')
    para(document, "{{ r.name }} attended {{ r.note }}.", "Roll Call")
    tag(document, "endfor")
    tag(document, "endif")
    tag(document, "endif")


def item_head(document: DocumentObject) -> None:
    tag(document, "if item.number")
    para(document, "{{ item.number }}\t{{ item.title }}", "Heading 3")
    tag(document, "else")
    para(document, "{{ item.title }}", "Heading 3")
    tag(document, "endif")
    para_if(document, "item.out_of_order", "(Heard out of agenda order.)", "Out Of Order")
    tag(document, "if item.report_reference or item.department")
    para(
        document,
        '{{ ("Department: " ~ item.department ~ ".") if item.department }}'
        '{{ " " if item.department and item.report_reference }}'
        "{{ (item.report_reference | sentence) if item.report_reference }}",
        "Item Detail",
    )
    tag(document, "endif")
    para_if(
        document, "item.recommendation", "Recommendation: {{ item.recommendation }}", "Item Detail"
    )
    tag(document, "if item.withheld")
    para(document, "{{ item.notice }}", "Exempt Notice")
    tag(document, "else")
    tag(document, "if item.exempt")
    para(
        document,
        'CLOSED SESSION ITEM{{ " under " ~ item.exempt_reason if item.exempt_reason }}:'
        " not for publication.",
        "Exempt Mark",
    )
    tag(document, "endif")
    tag(document, "for d in item.interests")
    para(document, DISCLOSURE, "Minute Text")
    tag(document, "endfor")
    tag(document, 'if item.standing == "declarations"')
    tag(document, "for d in interests if not d.item")
    para(document, DISCLOSURE, "Minute Text")
    tag(document, "endfor")
    tag(document, "endif")
    tag(document, "endif")
    tag(document, "if item.speakers")
    labelled(document, "PUBLIC SPEAKERS: ", SPEAKER_COUNT, "Speakers")
    tag(document, "for s in item.speakers")
    para(document, SPEAKER, "Minute Bullet")
    tag(document, "endfor")
    tag(document, "endif")
    tag(document, "if item.written_comments is not none")
    labelled(
        document, "WRITTEN COMMENTS RECEIVED: ", "{{ item.written_comments }}", "Comments Count"
    )
    tag(document, "endif")


def rows(document: DocumentObject) -> None:
    """An item's body, one paragraph (or a few) per row, in the order the text template
    writes each block."""
    branches: list[tuple[str, list[tuple[str, str, str]] | None]] = []

    def one(condition: str, text: str, style: str, label: str = "") -> None:
        branches.append((condition, [(label, text, style)]))

    for kind, style in (
        ("paragraph", "Minute Text"),
        ("lead_in", "Minute Lead-in"),
        ("lines", "Minute Lines"),
    ):
        one(f'row.kind == "{kind}" and row.level == 1', "{{ row.text }}", style)
        one(f'row.kind == "{kind}"', "{{ row.text }}", style + " 2")
    one('row.kind == "attachment"', "Attachment: {{ row.text }}", "Attachment")
    one('row.kind == "heading"', "{{ row.text | upper }}", "Minute Heading")
    for level in LEVELS:
        test = f"row.level == {level}" if level < 3 else "row.level >= 3"
        one(
            f'row.kind == "bullet" and {test}',
            "{{ row.text }}",
            "Minute Bullet" + level_suffix(level),
        )
        one(
            f'row.kind == "numbered" and {test}',
            "{{ row.label }}\t{{ row.text }}",
            "Minute Numbered" + level_suffix(level),
        )
    one('row.kind == "questioner"', "{{ row.text }} asked:", "Minute Lead-in")
    one(
        'row.kind == "responder"',
        "{{ row.text }} gave the following {{ 'responses' if row.count > 1 else 'response' }}:",
        "Minute Lead-in",
    )
    branches.append(('row.kind == "table"', None))
    branches.append(('row.kind == "notice"', None))
    one('row.kind == "motion"', "{{ row.text | sentence }}", "Motion", label=MOTION_WORD)
    one('row.kind == "debate"', "{{ row.text }}", "Debate")
    branches.append(('row.kind == "vote"', None))
    one('row.kind == "readings"', READINGS, "Readings")
    branches.append(('row.kind == "resolution_word" and ' + EARLY, []))
    one(
        f'row.kind == "resolution_word" and {SINGLE_RESOLUTION}',
        " {{ row.block.resolutions[0].text }}",
        "Resolution",
        label=WORD,
    )
    one('row.kind == "resolution_word"', "", "Resolution Word", label=WORD)
    # A single resolution is in its word's paragraph; with no word, it stands alone.
    one('row.kind == "resolution" and row.block.lead == "none"', "{{ row.text }}", "Resolution")

    tag(document, "for row in item.rows")
    for n, (condition, paragraphs) in enumerate(branches):
        tag(document, ("if " if n == 0 else "elif ") + condition)
        if paragraphs is not None:
            for label, text, style in paragraphs:
                if label:
                    labelled(document, label, text, style)
                else:
                    para(document, text, style)
        elif "table" in condition:
            tag(document, "if row.text")
            para(document, "{{ row.text }}", "Minute Text")
            tag(document, "endif")
            tag(
                document,
                "for cells in ([row.block.header] if row.block.header else [])"
                " + (row.block.rows | list) + ([row.block.total] if row.block.total else [])",
            )
            para(document, '{{ cells | join(" | ") }}', "Minute Table")
            tag(document, "endfor")
        elif "notice" in condition:
            para(
                document,
                'NOTICE OF MOTION{{ " by " ~ row.block.mover if row.block.mover }}'
                '{{ ", seconded by " ~ row.block.seconder if row.block.seconder }}:'
                " {{ row.text }}",
                "Minute Text",
            )
            tag(document, "if row.block.reply")
            para(
                document,
                'Reply{{ " from " ~ row.block.reply_by if row.block.reply_by }}:'
                " {{ row.block.reply }}",
                "Minute Text",
            )
            tag(document, "endif")
        else:  # the vote: the roll call's names, then the result
            tag(document, "if " + EARLY)
            labelled(
                document,
                "{{ row.block.lead_word }}{% if row.block.number %} ("
                + INSTRUMENT
                + "){% endif %}:",
                " {{ row.block.resolutions[0].text }}",
                "Resolution",
            )
            tag(document, "endif")
            tag(document, "if row.block.named_votes")
            for label, choice in (
                ("AYES: ", "for"),
                ("NOES: ", "against"),
                ("ABSTAIN: ", "abstain"),
                ("ABSENT: ", "absent"),
            ):
                labelled(document, label, surnames(choice), "Named Vote")
            tag(document, 'for v in row.block.named_votes.roll if v.choice == "recused"')
            labelled(
                document,
                "RECUSED: ",
                '{{ v.person.family_name }}{{ " (" ~ v.note ~ ")" if v.note }}',
                "Named Vote",
            )
            tag(document, "endfor")
            tag(document, "endif")
            para(document, RESULT, "Vote")
    tag(document, "endif")
    tag(document, "endfor")


def item_end(document: DocumentObject) -> None:
    tag(document, "if item.summary")
    labelled(document, "REPORTABLE ACTION: ", "{{ item.summary }}", "Reportable Action")
    tag(document, "endif")
    inline_actions(
        document, label="Follow-up: ", when="not item.withheld and not style.actions_annex"
    )
    para_if(document, "item.inquorate_note", "{{ item.inquorate_note }}", "Minute Text")
    # an adjournment after the last item is the meeting's: the closing says it (`closing`)
    tag(document, "for pause in item.breaks_after if not pause.closes_meeting")
    labelled(document, "{{ pause.kind | upper }}: ", BREAK, "Break")
    tag(document, "endfor")
    tag(document, "if " + SESSION_END)
    para(
        document,
        '{{ ("The " ~ item.session.title | lower ~ " ended at " ~ '
        + t("item.session.close_time")
        + ") | sentence }}",
        "Session End",
    )
    tag(document, "endif")


def signature(document: DocumentObject, date: str, name: str) -> None:
    """A line to sign on (and `date`, a tab and a line to date it on), the signer's name under."""
    para(document, "______________________________" + date, "Signature Line")
    para(document, name, "Signature Name")


FINAL_ADJOURNMENT = 'set final = meeting.breaks | selectattr("closes_meeting") | list'
"""The adjournment after the last item, said once, in the closing."""


def closing(document: DocumentObject) -> None:
    para(document, "ADJOURNMENT", "Heading 2")
    tag(document, FINAL_ADJOURNMENT)
    tag(document, "for pause in final")
    para(document, BREAK, "Closing")
    tag(document, "endfor")
    tag(document, "if meeting.closing_note or not final")
    para(
        document,
        '{{ meeting.closing_note or (("There being no further business, the meeting was'
        ' adjourned" ~ (" at " ~ ' + t("meeting.close_time") + " if meeting.close_time))"
        " | sentence) }}",
        "Closing",
    )
    tag(document, "endif")
    # With no signatories recorded: the Mayor's and the City Clerk's lines, unnamed.
    tag(document, "for s in meeting.signatories")
    para_if(document, "not loop.first", "ATTEST:", "Attest")
    signature(
        document,
        '{% if not loop.first %}\tDate: {{ s.signed_on or "______________" }}{% endif %}',
        '{{ (s.name ~ ", ") if s.name }}{{ s.role }}',
    )
    tag(document, "else")
    signature(document, "", "Mayor")
    para(document, "ATTEST:", "Attest")
    signature(document, "\tDate: ______________", "City Clerk")
    tag(document, "endfor")
    tag(document, "if style.actions_annex and meeting.actions")
    para(document, "FOLLOW-UP ACTIONS", "Annex Heading")
    para(document, "{{ meeting.body }}, {{ meeting.short_date }}", "Annex Subtitle")
    tag(document, "for a in meeting.actions")
    para(
        document,
        'Item {{ a.minute }}: {{ a.action }}{{ " (" ~ a.owner ~ ")" if a.owner }}'
        '{{ " by " ~ a.due if a.due }}',
        "Annex Text",
    )
    tag(document, "endfor")
    tag(document, "endif")


def build() -> DocumentObject:
    document = new_document(LOOK)
    styles(document)
    page_and_header(document)
    title_block(document)
    tag(document, "for item in items")
    session_start(document)
    section_start(
        document,
        '{{ (item.section.label ~ ". ") if item.section.label }}{{ item.section.title | upper }}',
        "Section Note",
        heading_style="Heading 2",
    )
    item_head(document)
    rows(document)
    item_end(document)
    tag(document, "endfor")
    closing(document)
    return document
