"""Text and Word minutes never silently lose the minutes' text: one guard for both writers.

The defect: the Leicester text template printed only the first line of a single unnumbered
resolution, dropping its lettered parts and sub-paragraphs that the Word export printed (on one
real meeting the text export had 1,322 of the Word export's 2,307 words), and nothing noticed.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import docx
import pytest

from clerk_app.domain.model import (
    Attendance,
    BulletList,
    FollowUp,
    Item,
    ListEntry,
    Meeting,
    NumberedList,
    Paragraph,
    Person,
    Resolution,
    Role,
)
from clerk_app.render.completeness import expected_text, first_missing, normal
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import StyleFolder, find_style, load_style_folder
from clerk_app.render.text import render_text

PARTS = (
    "That the Commission:",
    "(a) notes the progress made on the improvement plan;",
    "Members asked that the figures be broken down by ward.",
    "(b) asks the Director to report back in September, with:",
    "the costs of the plan",
    "the risks to its delivery",
    "(c) thanks the officers for their work.",
    "The Chair added that the Commission would visit the service in the autumn.",
)


def lettered_resolution() -> Resolution:
    """A single unnumbered resolution whose one entry holds lettered parts, a sub-paragraph
    under a part, a numbered list under another, and a closing paragraph."""
    that, a, a_note, b, cost, risk, c, closing = PARTS
    return Resolution(
        numbered=False,
        resolutions=(
            ListEntry(
                text=that,
                blocks=(
                    BulletList(
                        entries=(
                            ListEntry(text=a, blocks=(Paragraph(text=a_note),)),
                            ListEntry(
                                text=b,
                                blocks=(
                                    NumberedList(
                                        entries=(ListEntry(text=cost), ListEntry(text=risk))
                                    ),
                                ),
                            ),
                            ListEntry(text=c),
                        )
                    ),
                    Paragraph(text=closing),
                ),
            ),
        ),
    )


def resolution_meeting() -> Meeting:
    return Meeting(
        authority="Leicester City Council",
        body="Children, Young People and Education Scrutiny Commission",
        date=dt.date(2025, 9, 23),
        attendance=(
            Attendance(id="c", person=Person(title="Councillor", name="Batool"), role=Role.CHAIR),
        ),
        items=(
            Item(
                id="plan",
                title="Improvement Plan",
                blocks=(Paragraph(text="The Director presented the plan."), lettered_resolution()),
            ),
        ),
        first_minute_number=20,
    )


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.casefold())


@pytest.mark.parametrize("name", ["leicester", "parish"])
def test_a_single_unnumbered_resolution_keeps_its_parts_in_text_and_word(name: str) -> None:
    style = find_style(name)
    meeting = resolution_meeting()
    text = render_text(meeting, style)
    word = visible_text(render_docx(meeting, style))
    for part in PARTS:
        assert normal(part) in normal(text), f"text lost {part!r}"
        assert normal(part) in normal(word), f"Word lost {part!r}"
    # Every word of the resolution, as often as the model holds it.
    model_words = words(" ".join(PARTS))
    for output in (text, word):
        found = words(output)
        for w in set(model_words):
            assert found.count(w) >= model_words.count(w), w


def test_the_leicester_text_lays_the_parts_out_under_the_resolution() -> None:
    text = render_text(resolution_meeting(), find_style("leicester"))
    assert (
        "AGREED:\n\n"
        "- That the Commission:\n"
        " - (a) notes the progress made on the improvement plan;\n\n"
        " Members asked that the figures be broken down by ward.\n\n"
        " - (b) asks the Director to report back in September, with:\n"
        "  1. the costs of the plan\n"
        "  2. the risks to its delivery\n"
        " - (c) thanks the officers for their work.\n\n"
        "The Chair added that the Commission would visit the service in the autumn.\n"
    ) in text


def text_style(tmp_path: Path, template: str) -> StyleFolder:
    folder = tmp_path / "ours"
    shutil.copytree(find_style("leicester").path, folder)
    (folder / "minutes.txt.j2").write_text(template, encoding="utf-8")
    return load_style_folder(folder)


# The Leicester template's resolution as it was: a single unnumbered resolution printed as its
# first line only. Before the guard this rendered without a word of complaint.
LOSSY = """\
{% for p in attendance.everyone %}{{ p.name }}
{% endfor %}
{% for item in items %}
{{ item.number }}. {{ item.title | upper }}
{% for b in item.blocks %}
{% if b.type == "paragraph" %}{{ b.text }}
{% elif b.type == "resolution" %}{{ b.lead_word }}:
{% if b.resolutions | length == 1 %}{{ b.resolutions[0].text }}
{% else %}{% for e in b.resolutions %}{{ e.number }}. {{ e.text }}
{% endfor %}{% endif %}{% endif %}
{% endfor %}
{% endfor %}
"""


def test_the_text_writer_refuses_a_template_that_drops_content(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as info:
        render_text(resolution_meeting(), text_style(tmp_path, LOSSY))
    assert str(info.value) == (
        "the text minutes lost text from minute 20: "
        "'(a) notes the progress made on the improvement plan;'; "
        "the house style's minutes.txt.j2 does not print it"
    )


def test_a_template_that_prints_everything_passes(tmp_path: Path) -> None:
    # LOSSY prints all of a meeting whose resolution has no nested parts.
    meeting = resolution_meeting()
    flat = meeting.items[0].model_copy(
        update={
            "blocks": (
                Paragraph(text="The Director presented the plan."),
                Resolution(numbered=False, resolutions=(ListEntry(text="That it be noted."),)),
            )
        }
    )
    text = render_text(meeting.model_copy(update={"items": (flat,)}), text_style(tmp_path, LOSSY))
    assert "AGREED:\nThat it be noted.\n" in text


def meeting_with_an_action() -> Meeting:
    """One item with no text of its own and one action: "Visit the service." by the Clerk."""
    item = resolution_meeting().items[0]
    action = FollowUp(action="Visit the service.", owner="Clerk")
    update = {"blocks": (), "actions": (action,)}
    return resolution_meeting().model_copy(update={"items": (item.model_copy(update=update),)})


def test_the_guard_names_an_action_left_out(tmp_path: Path) -> None:
    meeting = meeting_with_an_action()
    # a style that prints actions (it names them) but drops what is to be done
    titles = (
        "{% for p in attendance.everyone %}{{ p.name }}\n{% endfor %}"
        "{% for item in items %}{{ item.number }}. {{ item.title }}\n"
        "{% for a in item.actions %}Who: {{ a.owner }}\n{% endfor %}{% endfor %}"
    )
    with pytest.raises(
        RenderError, match=r"lost text from the actions of minute 20: 'Visit the service'"
    ):
        render_text(meeting, text_style(tmp_path, titles))


def test_a_style_that_never_prints_actions_is_not_asked_to(tmp_path: Path) -> None:
    """Many councils keep actions in an action log, not in the minutes: a style that never
    names them is not refused for leaving them out (councils' styles written before Clerk
    printed actions keep working)."""
    meeting = meeting_with_an_action()
    titles = (
        "{% for p in attendance.everyone %}{{ p.name }}\n{% endfor %}"
        "{% for item in items %}{{ item.number }}. {{ item.title }}\n{% endfor %}"
    )
    assert "Visit the service" not in render_text(meeting, text_style(tmp_path, titles))


def test_what_the_guard_expects() -> None:
    meeting = resolution_meeting()
    item = meeting.items[0].model_copy(
        update={"actions": (FollowUp(action="Write.", owner="Clerk", due=dt.date(2025, 10, 1)),)}
    )
    context = build_context(
        meeting.model_copy(update={"items": (item,)}), find_style("parish").style
    )
    expected = [(where, text) for _, where, text in expected_text(context)]
    assert expected[0] == ("the attendance", "Councillor Batool")
    assert ("minute 20/25", "Improvement Plan") in expected
    assert ("minute 20/25", "(c) thanks the officers for their work.") in expected
    assert expected[-3:] == [
        ("the actions of minute 20/25", "Write"),  # the style may close the sentence itself
        ("the actions of minute 20/25", "Clerk"),
        ("the actions of minute 20/25", "1 October 2025"),
    ]
    # Case, line breaks and the position of text placed elsewhere do not count as losses.
    whole = "\n".join(text.upper() for _, text in reversed(expected))
    assert first_missing(whole, context) is None
    assert first_missing(whole.replace("RISKS", "RISK"), context) == (
        "minute 20/25",
        "the risks to its delivery",
    )


def test_word_export_uses_the_same_guard(tmp_path: Path) -> None:
    folder = tmp_path / "word"
    folder.mkdir()
    (folder / "style.toml").write_text('display_name = "Test"\n', encoding="utf-8")
    document = docx.Document()
    for paragraph in (
        "{%p for p in attendance.everyone %}",
        "{{ p.name }}",
        "{%p endfor %}",
        "{%p for item in items %}",
        "{{ item.number }} {{ item.title }}",
        "{%p for b in item.blocks %}",
        "{% if b.type == 'paragraph' %}{{ b.text }}{% endif %}",
        "{%p endfor %}",
        "{%p endfor %}",
    ):
        document.add_paragraph(paragraph)
    document.save(str(folder / "minutes.docx"))
    with pytest.raises(RenderError) as info:
        render_docx(resolution_meeting(), load_style_folder(folder))
    assert str(info.value) == (
        "the Word document lost text from minute 20: 'RESOLVED'; nothing was written"
    )


def test_titles_with_letters_that_capitals_change_are_not_lost(sample: Meeting) -> None:
    """The leicester style prints titles in capitals; Turkish ı and German ß change more than
    their case there, and must still count as printed."""
    from clerk_app.domain import edit
    from clerk_app.render.styles import find_style
    from clerk_app.render.text import render_text

    meeting = edit.set_at(sample, ("items", 3, "title"), "Çağrı Yılmaz and the Straße report")
    text = render_text(meeting, find_style("leicester"))
    assert "ÇAĞRI YILMAZ AND THE STRASSE REPORT" in text
