"""The parish council Word template: minutes as an English parish or town council keeps them.

Built by `python templates/make_docx.py parish`; see that script for how the templates work. The
wording follows `minutes.txt.j2` sentence for sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from templates.make_docx import (
    DECLARED_INTEREST,
    MOTION_NOUN,
    PUBLIC_PRESENT,
    ROUND_BULLETS,
    SEPARATOR,
    Look,
    Para,
    actions_annex,
    apologies,
    breaks_after,
    common_styles,
    crest_header,
    declarations,
    inline_actions,
    item_heading,
    item_rows,
    item_speakers,
    members_present,
    new_document,
    page_footers,
    para,
    para_if,
    paragraph_style,
    roll,
    running_header,
    section_start,
    session_start,
    signatories,
    tag,
)

LOOK = Look(
    font="Arial",
    size=11,
    text_indent=1.9,  # the minute number ("196/20") stands in the margin column
    list_step=0.63,
    bullet_marks=ROUND_BULLETS,
    margins=(2.5, 2.0, 2.0, 2.0),  # top, right, bottom, left: room for the running header
)

# Inline logic (Jinja macros would emit paragraphs, not text); each is one paragraph's text.
ROLL = members_present()


def guests(group: str) -> str:
    return (
        f"{{% for p in attendance.{group} %}}"
        '{{ p.name }}{{ " (" ~ p.capacity ~ ")" if p.capacity }}' + SEPARATOR + "{% endfor %}."
    )


DECLARATION = (
    DECLARED_INTEREST
    + "{% if d.action == 'left_room' %} {{ d.person }} left the room while the item was considered."
    "{% elif d.action == 'no_vote' %} {{ d.person }} took no part in the vote."
    "{% elif d.action == 'no_discussion_or_vote' %} {{ d.person }} took no part in the"
    " discussion or the vote.{% endif %}"
)
# Counts of none are left out ("six were in favour and two abstained"); none against and none
# abstaining reads "all eight were in favour".
VOTE = (
    "{% set b = row.block %}"
    "{% set unanimous = b.votes_for is not none and b.votes_for > 2"
    " and b.votes_against == 0 and b.abstentions == 0 %}"
    '{% set tally = ([(b.votes_for | words) ~ (" was" if b.votes_for == 1 else " were")'
    ' ~ " in favour"] if b.votes_for is not none else [])'
    ' + ([(b.votes_against | words) ~ " against"] if b.votes_against else [])'
    ' + ([(b.abstentions | words) ~ " abstained"] if b.abstentions else []) %}'
    '{% set count = ("all " ~ (b.votes_for | words) ~ " were in favour") if unanimous'
    " else ((tally | and_join) or b.vote_text) %}"
    '{% set outcome = ("the " ~ ' + MOTION_NOUN + ' ~ " was " ~ b.outcome | replace("_", " "))'
    ' if b.outcome else "" %}'
    "{% if b.proposer or b.seconder %}"
    '{{ ("Proposed by " ~ b.proposer) if b.proposer }}'
    '{{ (", seconded by " if b.proposer else "Seconded by ") ~ b.seconder if b.seconder }}'
    '{{ "; " ~ count if count }}{{ ((", and " if count else "; ") ~ outcome) if outcome }}.'
    '{% elif count %}On being put to the vote, {{ count }}{{ ", and " ~ outcome if outcome }}.'
    "{% else %}The motion was {{ b.outcome }}.{% endif %}"
)
APOLOGIES = (
    "{% if attendance.apologies %}Apologies were received and accepted from"
    " {{ attendance.apologies | map(attribute='name') | and_join }}."
    "{% else %}There were no apologies for absence.{% endif %}"
)
ABSENT = (
    "{{ attendance.absent | map(attribute='name') | and_join }}"
    " {{ 'were' if attendance.absent | length > 1 else 'was' }} absent."
)
MOTION = (
    Para("{{ row.text | sentence }}", "Minute Text", only_if="row.block.moved"),
    Para(
        " {{ row.text }}",
        "Minute Text",
        label="{{ (" + MOTION_NOUN + ") | capitalize }}:",
        only_if="not row.block.moved",
    ),
)
NOTICE = (
    Para(
        "Motion on notice{{ ' from ' ~ row.block.mover if row.block.mover }}"
        "{{ ', seconded by ' ~ row.block.seconder if row.block.seconder }}:",
        "Minute Text",
    ),
    Para("{{ row.text }}", "Minute Text 2"),
    Para(
        " {{ row.block.reply }}",
        "Minute Text",
        label="{{ row.block.reply_by ~ ' replied' if row.block.reply_by else 'Reply' }}:",
        only_if="row.block.reply",
    ),
)
SESSION = "{{ item.session.title or item.session.kind | capitalize ~ ' session' }}"
SECTION = "{{ (item.section.label ~ ': ') if item.section.label }}{{ item.section.title }}"
EXEMPT_MARK = (
    "CONFIDENTIAL: taken with the press and public excluded"
    '{{ " (" ~ item.exempt_reason ~ ")" if item.exempt_reason }}.'
)


def build() -> DocumentObject:
    document = new_document(LOOK)
    common_styles(document, LOOK)
    t = LOOK.text_indent
    centre = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_style(document, "Authority", LOOK, size=16, bold=True, caps=True, after=0)
    paragraph_style(document, "Minutes Title", LOOK, bold=True, size=12, align=centre, after=12)
    paragraph_style(document, "Roll", LOOK, after=6)
    paragraph_style(document, "Minute Text", LOOK, left=t, after=6)
    paragraph_style(document, "Vote", LOOK, left=t, after=6, keep_with_next=True)
    paragraph_style(document, "Named Vote", LOOK, left=t, after=0, keep_with_next=True)
    paragraph_style(document, "Resolution Word", LOOK, left=t, before=6, after=4)
    paragraph_style(document, "Resolution", LOOK, left=t, before=6, after=6)
    paragraph_style(document, "Action", LOOK, left=t, italic=True, before=6, after=6)
    paragraph_style(document, "Exempt Mark", LOOK, left=t, bold=True, after=6)
    paragraph_style(document, "Closing", LOOK, before=18, after=6)
    crest_header(document, LOOK)
    # later pages: which minutes these are; every page: a place for the Chair's initials (the
    # signed minute book) and the page
    running_header(
        document, LOOK, "{{ meeting.authority }}: {{ meeting.body }}, {{ meeting.short_date }}"
    )
    page_footers(document, "Chair's initials ............")

    para(
        document,
        "Minutes of the {{ meeting.kind_label | lower ~ ' ' if meeting.kind != 'ordinary' }}"
        "meeting of the {{ meeting.body }} held on {{ meeting.date }}"
        "{% if meeting.start_time %} at {{ meeting.start_time }}{% endif %}"
        "{% if meeting.venue %} at {{ meeting.venue }}{% endif %}",
        "Minutes Title",
    )
    para_if(document, "meeting.preamble", "{{ meeting.preamble }}", "Roll")
    roll(document, ROLL, guests)
    para_if(document, "meeting.public_present_text", PUBLIC_PRESENT, "Roll")

    tag(document, "for item in items")
    session_start(document, SESSION)
    section_start(document, SECTION)
    item_heading(document)
    tag(document, "if item.withheld")
    para(document, "{{ item.notice }}", "Exempt Notice")
    para_if(document, "item.summary", "{{ item.summary }}", "Minute Text")
    tag(document, "else")
    para_if(document, "item.exempt", EXEMPT_MARK, "Exempt Mark")
    para_if(document, "item.summary", "Published summary: {{ item.summary }}", "Minute Text")
    apologies(document, APOLOGIES, ABSENT)
    declarations(document, DECLARATION)
    item_speakers(document)
    tag(document, "endif")
    item_rows(
        document,
        vote_line=VOTE,
        named_vote_style="Named Vote",
        resolution_on_word_line=True,
        motion=MOTION,
        notice=NOTICE,
        table_look=LOOK,
    )
    tag(document, "if not item.withheld")
    inline_actions(document)
    tag(document, "endif")
    para_if(document, "item.inquorate_note", "{{ item.inquorate_note }}", "Minute Text")
    breaks_after(document)
    tag(document, "endfor")

    tag(document, "if meeting.closing_note")
    para(document, "{{ meeting.closing_note }}", "Closing")
    tag(document, "else")
    para(
        document,
        "There being no further business the meeting closed"
        "{% if meeting.close_time %} at {{ meeting.close_time }}{% endif %}.",
        "Closing",
    )
    tag(document, "endif")
    tag(document, "if meeting.signatories")
    signatories(document)
    tag(document, "else")
    para(document, "Signed ........................ (Chair)\tDate ............", "Signature")
    tag(document, "endif")
    actions_annex(document)
    return document
