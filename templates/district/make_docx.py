"""The district council Word template: full Council minutes of an English district or borough.

Built by `python templates/make_docx.py district`; see that script for how the templates work.
The wording follows `minutes.txt.j2` sentence for sentence: each Jinja snippet below is the
text template's macro of the same name, written inline (a Word paragraph cannot call a macro).
The body of each minute is laid out row by row (`item.rows`), as in the text template.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

from templates.make_docx import (
    DECLARED_INTEREST,
    LEVELS,
    PUBLIC_ATTENDED,
    ROUND_BULLETS,
    SEPARATOR,
    Look,
    apologies,
    breaks_after,
    cell_text,
    common_styles,
    crest_header,
    declarations,
    inline_actions,
    item_heading,
    item_speakers,
    labelled,
    level_suffix,
    members_present,
    new_document,
    page_footers,
    para,
    para_if,
    paragraph_style,
    roll,
    running_header,
    section_start,
    shade,
    tag,
    text_width,
)

LOOK = Look(
    font="Arial",
    size=11,
    text_indent=2.5,  # the minute number ("C 25/47.1") stands in the margin column
    list_step=0.75,
    bullet_marks=ROUND_BULLETS,
    margins=(2.5, 2.0, 2.0, 2.0),  # top, right, bottom, left: room for the running header
)

# --- the attendance -------------------------------------------------------------------------

ROLL = members_present(from_="from minute ", to=" to minute ", until="until minute ")


def guests(group: str) -> str:
    return (
        f"{{% for p in attendance.{group} %}}"
        "{% set notes = ([p.capacity] if p.capacity else [])"
        ' + ((["for minute " ~ p.from_minute] if p.from_minute and p.from_minute == p.to_minute'
        " else [p.part_attendance]) if p.part_attendance else []) %}"
        '{{ p.name }}{{ " (" ~ notes | join(", ") ~ ")" if notes }}' + SEPARATOR + "{% endfor %}."
    )


def names(people: str) -> str:
    return f"{{% for p in {people} %}}{{{{ p.name }}}}" + SEPARATOR + "{% endfor %}"


APOLOGIES = (
    "{% if attendance.apologies %}Apologies for absence were received from "
    + names("attendance.apologies")
    + ".{% else %}There were no apologies for absence.{% endif %}"
)
ABSENT = (
    names("attendance.absent")
    + " {{ 'were' if attendance.absent | length > 1 else 'was' }} absent."
)
DECLARATION = (
    DECLARED_INTEREST + '{% set who = (d.declarer.title ~ " " ~ d.declarer.family_name)'
    " if d.declarer and d.declarer.family_name else d.person %}"
    "{% if d.action == 'left_room' %} {{ who }} left the Chamber while the item was considered."
    "{% elif d.action == 'no_vote' %} {{ who }} took no part in the vote."
    "{% elif d.action == 'no_discussion_or_vote' %} {{ who }} took no part in the debate or the"
    " vote.{% endif %}"
)
SPEAKER = (
    '{% set stance = {"for": ", speaking in support of the recommendations",'
    ' "against": ", speaking against the recommendations"}.get(s.position, "") %}'
    '{{ "Deputation: " if s.kind == "deputation" }}{{ s.name }}'
    '{{ " of " ~ s.organisation if s.organisation }} addressed the Council'
    '{{ " on behalf of " ~ s.on_behalf_of if s.on_behalf_of }}{{ stance }}'
    '{{ " (remotely)" if s.remote }}.'
)
REPORT = (
    '({{ ("Report of " ~ item.department) if item.department else "Report" }}'
    '{{ (", reference " if item.department else " reference ") ~ item.report_reference'
    " if item.report_reference }})"
)

# --- a resolution's rows (b is the resolution) ---------------------------------------------

RESOLUTION_ROWS = (
    "motion",
    "debate",
    "vote",
    "readings",
    "named_vote",
    "resolution_word",
    "resolution",
)
# (no braces: docxtpl does not take a {%p ... %} statement holding a dict)
WHAT = (
    '"the amendment" if b.kind == "amendment" else ("the substitute motion"'
    ' if b.kind == "substitute" else ("the substantive motion, as amended,"'
    ' if b.kind == "substantive" else "the motion"))'
)
OUTCOME = (
    '"LOST" if b.outcome == "lost" else ("WITHDRAWN" if b.outcome == "withdrawn"'
    ' else ("NOT PUT" if b.outcome == "not_put" else "CARRIED"))'
)
PARTS = (
    '([b.votes_for ~ " for"] if b.votes_for is not none else [])'
    ' + ([b.votes_against ~ " against"] if b.votes_against is not none else [])'
    ' + ([b.abstentions ~ (" abstention" if b.abstentions == 1 else " abstentions")]'
    " if b.abstentions else [])"
)
COUNT = '(" (" ~ parts | join(", ") ~ ")") if parts else (" unanimously" if b.unanimous else "")'
MERGED = (
    'b.moved and not b.motion and b.lead == "style" and b.resolutions and not b.recorded_vote'
    ' and b.votes_for is none and b.outcome in ("", "carried")'
)
# the style's word follows, and the vote's outcome leads up to it ("... and it was RESOLVED:");
# a word of the resolution's own stands alone ("NOTED:")
FOLLOWS = 'b.lead == "style" and b.resolutions'
SINGLE = "not b.numbered and b.resolutions | length == 1"
RECORDED = "b.recorded_vote and b.named_votes"
SETUP = (
    ("what", WHAT),
    ("outcome", OUTCOME),
    ("parts", PARTS),
    ("count", COUNT),
    ("merged", MERGED),
    ("follows", FOLLOWS),
    ("single", SINGLE),
    ("recorded", RECORDED),
)
MOTION = (
    "{% if b.moved %}"
    '{{ b.moved.rstrip(",") }}{{ {"amendment": ", as an amendment",'
    ' "substitute": ", as a substitute motion"}.get(b.kind, "") }}'
    '{{ ((", that " ~ b.motion[5:]) if b.motion[:5] == "That " else (": " ~ b.motion))'
    ' if b.motion else "." }}'
    '{% else %}{{ {"amendment": "An amendment", "substitute": "A substitute motion"}'
    '.get(b.kind, "A motion") }} was moved: {{ b.motion }}{% endif %}'
)
VOTE_SHOWN = (
    'recorded or b.outcome in ("withdrawn", "not_put")'
    ' or ((b.outcome or count) and not (follows and b.outcome in ("", "carried")))'
)
VOTE = (
    "{% if recorded %}{% if follows %}"
    '{{ ("A recorded vote having been requested by " ~ b.requested_by ~ ", the voting was")'
    ' if b.requested_by else "A recorded vote was taken, the voting being" }} as follows:'
    "{% else %}"
    '{{ ("A recorded vote having been requested by " ~ b.requested_by ~ ", ")'
    ' if b.requested_by else "On a recorded vote, " }}{{ what }} was {{ outcome }},'
    " the voting being as follows:{% endif %}"
    '{% elif b.outcome == "withdrawn" %}{{ what | capitalize }} was withdrawn with the consent'
    " of the Council."
    '{% elif b.outcome == "not_put" %}{{ what | capitalize }} was not put to the vote.'
    "{% else %}On being put to the vote {{ what }} was {{ outcome }}{{ count }}.{% endif %}"
)
VOTE_LABEL = (
    '{{ {"for": "FOR", "against": "AGAINST", "abstain": "ABSTAINED", "absent": "ABSENT",'
    ' "recused": "DID NOT VOTE"}[row.label] }}:'
)
VOTERS = (
    ' {{ "Councillors" if row.count > 1 else "Councillor" }} '
    "{% for v in b.named_votes.roll if v.choice == row.label %}{{ v.person.family_name }}"
    '{{ " (" ~ v.note ~ ")" if v.note }}' + SEPARATOR + "{% endfor %} ({{ row.count }})"
)
WORD_LEAD = (
    "{% if not follows %}"
    '{% elif merged %}{{ b.moved.rstrip(",") ~ " and " ~ ("unanimously " if b.unanimous else "") }}'
    '{% elif recorded %}{{ what | capitalize ~ " was therefore " ~ outcome ~ " and it was " }}'
    "{% elif b.moved or b.motion or b.outcome or count %}"
    '{{ "On being put to the vote " ~ what ~ " was " ~ outcome ~ count ~ " and it was " }}'
    "{% endif %}"
)
SKIPPED_BULLET = (
    'row.kind == "bullet" and not loop.first and loop.previtem.kind == "resolution_word"'
    " and not loop.previtem.block.numbered and loop.previtem.block.resolutions | length == 1"
)
MARKER = (
    '{% set m = row.label[:-1] %}{{ row.label if m.isdigit() else "(" ~ m ~ ")" }}\t{{ row.text }}'
)
NOTICE = '{{ b.mover or "a member" }}{{ ", seconded by " ~ b.seconder if b.seconder }}:'
REPLY = (
    '{{ b.reply_by ~ " had given" if b.reply_by else "There had been" }}'
    " the following written reply:"
)


def table_block(document: DocumentObject) -> None:
    """A table block (`b`, a TableView) as a Word table: its header row shaded and repeated on
    every page, a row per row, the total in bold; as many columns as the table has (docxtpl's
    column loop, `{%tc %}`). The caption stands above it."""
    width = text_width(document) - Cm(LOOK.text_indent)
    para_if(document, "b.caption", "{{ b.caption }}", "Table Caption")
    tag(document, "if b.columns")
    table = document.add_table(rows=9, cols=3)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT  # under the minute's text, clear of the numbers
    table.autofit = True
    for column in table.columns:
        column.width = width // 3
        for cell in column.cells:
            cell.width = width // 3
    rows = table.rows
    loops = (
        ("if b.header", "b.header", "Table Heading", "endif"),
        ("for r in b.rows", "r", "Table Text", "endfor"),
        ("if b.total", "b.total", "Table Total", "endif"),
    )
    for n, (opening, cells, style, closing) in enumerate(loops):
        start, body, end = rows[3 * n], rows[3 * n + 1], rows[3 * n + 2]
        cell_text(start.cells[0], f"{{%tr {opening} %}}", "Table Text")
        cell_text(end.cells[0], f"{{%tr {closing} %}}", "Table Text")
        first, middle, last = body.cells
        cell_text(first, f"{{%tc for cell in {cells} %}}", style)
        cell_text(middle, "{{ cell }}", style)
        cell_text(last, "{%tc endfor %}", style)
        properties = body._tr.get_or_add_trPr()
        if n == 0:
            shade(middle)
            properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    document.add_paragraph(style="Table Spacer")  # the room below the table
    tag(document, "endif")


def body_rows(document: DocumentObject) -> None:
    """An item's rows (`item.rows`), each a paragraph worded as the text template words it."""
    tag(document, "for row in item.rows")
    tag(document, "set b = row.block")
    tag(document, f"if row.kind in {RESOLUTION_ROWS!r}")
    for name, value in SETUP:
        tag(document, f"set {name} = {value}")
    tag(document, "endif")
    branches = [
        ('row.kind in ("paragraph", "lead_in") and row.level == 1', "Minute Text"),
        ('row.kind in ("paragraph", "lead_in")', "Minute Text 2"),
        ('row.kind == "attachment"', "Attachment"),
        ('row.kind == "lines"', "Minute Lines"),
        ('row.kind == "heading"', "Minute Heading"),
    ]
    for n, (condition, style) in enumerate(branches):
        tag(document, ("if " if n == 0 else "elif ") + condition)
        para(document, "{{ row.text }}", style)
    tag(document, 'elif row.kind == "table"')
    table_block(document)
    tag(document, 'elif row.kind == "notice"')
    para(document, "Notice of the following motion had been given by " + NOTICE, "Minute Text")
    para(document, "{{ b.motion }}", "Notice Text")
    tag(document, "if b.reply")
    para(document, REPLY, "Minute Text")
    para(document, "{{ b.reply }}", "Notice Text")
    tag(document, "endif")
    tag(document, "elif " + SKIPPED_BULLET)
    # the resolution's only part: already on its word's line
    for level in LEVELS:
        test = f"row.level == {level}" if level < 3 else "row.level >= 3"
        tag(document, f'elif row.kind == "bullet" and {test}')
        para(document, "{{ row.text }}", "Minute Bullet" + level_suffix(level))
        tag(document, f'elif row.kind == "numbered" and {test}')
        para(document, MARKER, "Minute Numbered" + level_suffix(level))
    tag(document, 'elif row.kind == "questioner"')
    para(document, "{{ row.text }} asked:", "Minute Lead-in")
    tag(document, 'elif row.kind == "responder"')
    para(
        document,
        "{{ row.text }} gave the following {{ 'responses' if row.count > 1 else 'response' }}:",
        "Minute Lead-in",
    )
    tag(document, 'elif row.kind == "motion" and not merged')
    para(document, MOTION, "Motion")
    tag(document, 'elif row.kind == "debate"')
    para(document, "{{ row.text }}", "Minute Text")
    tag(document, f'elif row.kind == "vote" and ({VOTE_SHOWN})')
    para(document, VOTE, "Vote")
    tag(document, 'elif row.kind == "readings"')
    para(document, "{{ row.text | capitalize }}.", "Minute Text")
    tag(document, 'elif row.kind == "named_vote"')
    labelled(document, VOTE_LABEL, VOTERS, "Named Vote")
    tag(document, 'elif row.kind == "resolution" and b.lead == "none"')
    para(document, "{{ row.text }}", "Resolution")
    tag(document, 'elif row.kind == "resolution_word" and b.lead != "none" and b.resolutions')
    paragraph = para(document, WORD_LEAD, "Resolution")
    paragraph.add_run("{{ b.lead_word }}:").bold = True
    paragraph.add_run('{{ " " ~ b.resolutions[0].text if single }}')
    tag(document, "endif")
    tag(document, "endfor")


def styles(document: DocumentObject) -> None:
    t, step = LOOK.text_indent, LOOK.list_step
    centre = WD_ALIGN_PARAGRAPH.CENTER
    common_styles(document, LOOK)
    paragraph_style(document, "Authority", LOOK, size=16, bold=True, caps=True, after=0)
    paragraph_style(document, "Minutes Title", LOOK, bold=True, size=12, align=centre, after=6)
    paragraph_style(document, "Meeting Note", LOOK, align=centre, after=6)
    paragraph_style(document, "Roll", LOOK, after=6)
    paragraph_style(
        document, "Part Heading", LOOK, bold=True, caps=True, size=12, align=centre,
        before=18, after=6, keep_with_next=True,
    )  # fmt: skip
    paragraph_style(document, "Section Note", LOOK, italic=True, align=centre, after=6)
    sub = paragraph_style(
        document, "Heading 2", LOOK, size=LOOK.size, bold=True, left=t, hanging=t,
        before=10, after=6, keep_with_next=True,
    )  # fmt: skip
    sub.font.italic = False
    paragraph_style(
        document, "Report Line", LOOK, left=t, italic=True, after=6, keep_with_next=True
    )
    paragraph_style(document, "Minute Heading", LOOK, left=t, bold=True, before=8, after=4,
                    keep_with_next=True)  # fmt: skip
    paragraph_style(document, "Notice Text", LOOK, left=t + step, italic=True, after=6)
    paragraph_style(document, "Motion", LOOK, left=t, after=6)
    paragraph_style(document, "Vote", LOOK, left=t, after=6, keep_with_next=True)
    paragraph_style(document, "Named Vote", LOOK, left=t + step, hanging=step, after=2,
                    keep_with_next=True)  # fmt: skip
    paragraph_style(document, "Resolution", LOOK, left=t, before=6, after=6)
    paragraph_style(document, "Table Spacer", LOOK, size=4, before=0, after=0)
    paragraph_style(document, "Deputation", LOOK, left=t, after=6)
    paragraph_style(document, "Exempt Mark", LOOK, left=t, bold=True, after=6)
    paragraph_style(document, "Published Summary", LOOK, left=t, after=6)
    paragraph_style(document, "Adjournment", LOOK, left=t, italic=True, before=6, after=6)
    # the closing sentence goes over a page with the signatures, never leaving them alone
    document.styles["Closing"].paragraph_format.keep_with_next = True
    signature = paragraph_style(document, "Signature", LOOK, before=36, after=0)
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.LEFT)


def build() -> DocumentObject:
    document: DocumentObject = new_document(LOOK)
    styles(document)
    crest_header(document, LOOK)
    # later pages: which council's minutes these are; every page: which minutes, and the page
    running_header(document, LOOK, "{{ meeting.authority }}: minutes of the {{ meeting.body }}")
    page_footers(document, "{{ meeting.body }}, {{ meeting.short_date }}")

    para(
        document,
        "Minutes of the {{ meeting.kind_label }} Meeting of the {{ meeting.body }} held"
        "{% if meeting.venue %} in {{ meeting.venue }}{% endif %} on {{ meeting.date }}"
        "{% if meeting.start_time %} at {{ meeting.start_time }}{% endif %}",
        "Minutes Title",
    )
    tag(document, "if meeting.sequence_text")
    para(
        document,
        "The {{ meeting.sequence_text }} meeting of the {{ meeting.body }} in the municipal year.",
        "Meeting Note",
    )
    tag(document, "endif")
    para_if(document, "meeting.preamble", "{{ meeting.preamble }}", "Meeting Note")
    roll(document, ROLL, guests)
    para_if(document, "meeting.public_present_text", PUBLIC_ATTENDED, "Roll")

    tag(document, "for item in items")
    section_start(
        document,
        '{{ (((item.section.label ~ " – ") if item.section.label else "")'
        " ~ item.section.title) | upper }}",
        "Section Note",
        heading_style="Part Heading",
    )
    item_heading(document, unnumbered=False)
    tag(document, "if item.withheld")
    para(document, "{{ item.notice }}", "Exempt Notice")
    tag(document, "if item.summary")
    labelled(document, "Published summary: ", "{{ item.summary }}", "Published Summary")
    tag(document, "endif")
    body_rows(document)  # a published resolution
    tag(document, "else")
    tag(document, "if item.exempt")
    para(
        document,
        "EXEMPT: considered with the press and public excluded"
        '{{ " (" ~ item.exempt_reason ~ ")" if item.exempt_reason }}.',
        "Exempt Mark",
    )
    tag(document, "if item.summary")
    labelled(document, "Published summary: ", "{{ item.summary }}", "Published Summary")
    tag(document, "endif")
    tag(document, "endif")
    para_if(document, "item.department or item.report_reference", REPORT, "Report Line")
    apologies(document, APOLOGIES, ABSENT)
    declarations(document, DECLARATION)
    item_speakers(document, SPEAKER, "Deputation")
    body_rows(document)
    inline_actions(document, when="")
    tag(document, "endif")
    para_if(document, "item.inquorate_note", "{{ item.inquorate_note }}", "Minute Text")
    breaks_after(document, '{{ br.text }}{{ " " ~ br.note if br.note }}', "Adjournment")
    tag(document, "endfor")

    para(
        document,
        '{{ meeting.closing_note or ("The meeting closed"'
        ' ~ ((" at " ~ meeting.close_time) if meeting.close_time else "") ~ ".") }}',
        "Closing",
    )
    tag(document, "for s in meeting.signatories")
    para(
        document,
        "Signed ........................................ "
        '({{ s.role or "Chair" }}{{ ", " ~ s.name if s.name }})'
        '\tDate {{ s.signed_on or "...................." }}',
        "Signature",
    )
    tag(document, "else")
    para(
        document,
        "Signed ........................................ (Chair)\tDate ....................",
        "Signature",
    )
    tag(document, "endfor")
    return document
