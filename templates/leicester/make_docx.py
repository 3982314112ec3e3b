"""The Leicester City Council Word template: laid out as the council publishes its minutes.

Built by `python templates/make_docx.py`; see that script for how the templates work.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from templates.make_docx import (
    MOTION_NOUN,
    PUBLIC_PRESENT,
    Look,
    actions_annex,
    breaks_after,
    common_styles,
    crest_header,
    declarations,
    inline_actions,
    item_heading,
    item_rows,
    item_speakers,
    new_document,
    para,
    para_if,
    paragraph_style,
    section_start,
    session_start,
    signatories,
    tag,
)

LOOK = Look(font="Arial", size=12, text_indent=1.27, list_step=0.63)

# Inline logic shared by several paragraphs (Jinja macros would emit paragraphs, not text).
NOTE = (
    '{% set notes = (["substituting for " ~ p.substitute_for] if p.substitute_for else [])'
    ' + (["attending remotely"] if p.remote else [])'
    " + ([p.part_attendance] if p.part_attendance else []) %}"
    '{{ " (" ~ notes | join("; ") ~ ")" if notes }}'
)
DECLARATION = (
    "{% if d.kind == 'other' and not d.item and not d.withheld %}{{ d.person }} declared that {{ d.interest | sentence }}"
    "{% else %}{{ d.person }} declared {{ 'an' if d.kind_label[:1] in 'aeiou' else 'a' }} {{ d.kind_label }}"
    "{% if d.item %} in minute {{ d.item.number }}{% if d.item.title %}, {{ d.item.title }}{% if d.interest %},{% endif %}{% endif %}"
    "{% elif d.withheld %} in an item considered in private{% endif %}"
    "{% if d.interest %} in that {{ d.interest | sentence }}{% else %}.{% endif %}{% endif %}"
    "{% if d.action == 'left_room' %} {{ d.person }} left the room during the consideration of the item."
    "{% elif d.action == 'no_vote' %} {{ d.person }} took no part in the vote on the item."
    "{% elif d.action == 'no_discussion_or_vote' %} {{ d.person }} took no part in the discussion or vote on the item."
    "{% endif %}"
)
# A motion withdrawn or not put without a count was never put to the vote: "It was moved by
# Councillor Patel; the amendment was WITHDRAWN."
VOTE = (
    "{% set b = row.block %}"
    '{% set unput = b.outcome in ("withdrawn", "not_put") and not b.vote_text %}'
    "{% if b.proposer %}It was moved by {{ b.proposer }}"
    "{% if b.seconder %}, seconded by {{ b.seconder }}{% endif %}{{ ', and upon' if not unput }}"
    "{% elif b.seconder %}It was seconded by {{ b.seconder }}{{ ', and upon' if not unput }}"
    "{% else %}{{ 'Upon' if not unput }}{% endif %}"
    "{% if not unput %} being put to the vote{% if b.vote_text %}, {{ b.vote_text }}{% endif %}"
    "{% endif %}{% if b.outcome %}{{ '; the ' if b.proposer or b.seconder or not unput else 'The ' }}"
    "{{ " + MOTION_NOUN + " }} was {{ b.outcome | replace('_', ' ') | upper }}{% endif %}."
)
SESSION = "{{ (item.session.title or item.session.kind | capitalize ~ ' session') | upper }}"
SECTION = "{{ (((item.section.label ~ ': ') if item.section.label) ~ item.section.title) | upper }}"
GUEST = "{{ p.name }}{% if p.capacity %} – {{ p.capacity }}{% endif %}" + NOTE
"""A co-opted member, officer or other guest, with their capacity."""


def build() -> DocumentObject:
    document = new_document(LOOK)
    common_styles(document, LOOK)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_style(document, "Minutes Title", LOOK, bold=True, align=centre, after=0)
    paragraph_style(document, "Held", LOOK, bold=True, align=centre, before=12, after=12)
    paragraph_style(
        document, "Attendance Heading", LOOK, bold=True, align=centre, before=12, after=0
    )
    paragraph_style(document, "Attendance", LOOK, align=centre, after=0)
    paragraph_style(document, "Attendance Gap", LOOK, align=centre, after=0)
    paragraph_style(document, "Separator", LOOK, align=centre, before=6, after=12)
    paragraph_style(document, "Preamble", LOOK, align=centre, after=12)
    paragraph_style(document, "Section Heading", LOOK, align=centre)
    paragraph_style(document, "Session Heading", LOOK, align=centre)
    crest_header(document, LOOK)

    para(
        document,
        "Minutes of the {{ meeting.kind_label ~ ' ' if meeting.kind != 'ordinary' }}Meeting of the",
        "Minutes Title",
    )
    para(document, "{{ meeting.body | upper }}", "Minutes Title")
    para(
        document,
        "Held: {{ meeting.date }}{% if meeting.start_time %} at {{ meeting.start_time }}{% endif %}"
        "{% if meeting.venue %}, {{ meeting.venue }}{% endif %}",
        "Held",
    )
    para_if(document, "meeting.preamble", "{{ meeting.preamble }}", "Preamble")
    para(document, "P R E S E N T :", "Attendance Heading")
    para(document, "", "Attendance Gap")
    tag(document, "for p in attendance.chairs")
    para(document, "{{ p.name }} (Chair)" + NOTE, "Attendance")
    tag(document, "endfor")
    tag(document, "for p in attendance.vice_chairs")
    para(document, "{{ p.name }} (Vice-Chair)" + NOTE, "Attendance")
    tag(document, "endfor")
    tag(document, "if attendance.members")
    para(document, "In Attendance:", "Attendance Heading")
    tag(document, "for p in attendance.members")
    para(document, "{{ p.name }}" + NOTE, "Attendance")
    tag(document, "endfor")
    tag(document, "endif")
    for group, heading, style in (
        ("co_opted", "", "Attendance Gap"),
        ("others", "Also Present:", "Attendance Heading"),
        ("officers", "Officers in Attendance:", "Attendance Heading"),
    ):
        tag(document, f"if attendance.{group}")
        para(document, heading, style)
        tag(document, f"for p in attendance.{group}")
        para(document, GUEST, "Attendance")
        tag(document, "endfor")
        tag(document, "endif")
    tag(document, "if meeting.public_present_text")
    para(document, "", "Attendance Gap")
    para(document, PUBLIC_PRESENT, "Attendance")
    tag(document, "endif")
    para(document, "* * * * *", "Separator")

    tag(document, "for item in items")
    session_start(document, SESSION)
    section_start(document, SECTION)
    item_heading(document, title="{{ item.title | upper }}", after_number=".\t")
    tag(document, "if item.withheld")
    para(document, "{{ item.notice }}", "Exempt Notice")
    para_if(document, "item.summary", "{{ item.summary }}", "Minute Text")
    tag(document, "else")
    para_if(document, "item.summary", "Published summary: {{ item.summary }}", "Minute Text")
    item_speakers(document)
    tag(document, "endif")
    item_rows(document, vote_line=VOTE, table_look=LOOK)
    tag(document, "if not item.withheld")
    para_if(
        document,
        'item.standing == "welcome_and_apologies" and attendance.apologies',
        "Apologies for absence were received from {{ attendance.apologies | map(attribute='name') | and_join }}.",
        "Minute Text",
    )
    declarations(document, DECLARATION)
    inline_actions(document)
    tag(document, "endif")
    para_if(document, "item.inquorate_note", "{{ item.inquorate_note }}", "Minute Text")
    breaks_after(document)
    tag(document, "endfor")

    tag(document, "if meeting.closing_note")
    para(document, "{{ meeting.closing_note }}", "Closing")
    tag(document, "elif meeting.close_time")
    para(
        document,
        "There being no other business, the meeting closed at {{ meeting.close_time }}.",
        "Closing",
    )
    tag(document, "endif")
    signatories(document)
    actions_annex(document)
    return document
