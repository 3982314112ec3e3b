"""The minutes as HTML (for printing and email), made from the Word export of the house style."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from clerk_app import locations
from clerk_app.domain.exempt import mark_exempt
from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.render.docx import render_docx
from clerk_app.render.html import docx_html, item_minutes, minutes_html, plain_of
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.storage import load_meeting

FAMILIES = 10
"""The sample's Families First item: minute 159."""
SECRET = "Families First"


def _with_exempt(sample: Meeting) -> Meeting:
    """The sample with its Families First item exempt."""
    return mark_exempt(sample, [sample.items[FAMILIES].id])


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_public_copy_withholds_the_exempt_minute(sample: Meeting, leicester: StyleFolder) -> None:
    meeting = _with_exempt(sample)
    secret = meeting.items[FAMILIES].blocks[0]
    assert isinstance(secret, Paragraph)
    minute = secret.text
    public = minutes_html(meeting, leicester)
    assert public.public
    assert minute not in _words(plain_of(public.html))
    assert minute not in _words(public.text)
    confidential = minutes_html(meeting, leicester, public=False)
    assert minute in _words(plain_of(confidential.html))
    assert minute in _words(confidential.text)


def test_the_house_style_shapes_the_html(sample: Meeting, leicester: StyleFolder) -> None:
    minutes = minutes_html(sample, leicester)
    page = minutes.html
    # the items' headings are the template's Heading 1, bold 12pt Arial as in Word
    heading = re.search(r"<h1 style=\"([^\"]*)\">149\.[^<]*WELCOME AND APOLOGIES", page)
    assert heading is not None, page[:2000]
    assert "font-weight:bold" in heading.group(1)
    assert "font-size:12pt" in heading.group(1)
    assert "font-family:'Arial'" in heading.group(1)
    # the minute text indented as the template indents it (0.5 in: 48 pixels)
    assert re.search(r'<p style="[^"]*margin-left:48px[^"]*">The Chair led on introductions', page)
    # the title centred
    assert re.search(r"text-align:center[^>]*>Minutes of the Meeting of the", page)
    # a resolution's numbered lines: a list, with the numbers the minutes give
    assert re.search(r'<ol start="1"[^>]*>\s*<li[^>]*>That the minutes of the meeting', page)
    # the public questions' fifth answer follows an attachment: its list starts at 5
    assert re.search(r'<ol start="5"[^>]*>\s*<li[^>]*>January 2024 to June 2025', page)
    assert "<li" in page and "<ul" in page  # the template's bullets
    # the actions annex: a table with borders, on a page of its own
    assert re.search(r'<table border="1"', page)
    assert re.search(r"page-break-before:always[^>]*>ACTIONS ARISING FROM THE MEETING", page)
    # the first page's header: the crest and the council's name
    assert '<img src="data:image/png;base64,' in page
    assert "Leicester City Council" in page
    # the page of the Word template's section
    assert (minutes.page.width, minutes.page.height) == (210.0, 297.0)
    assert (minutes.page.left, minutes.page.top) == (23.0, 20.0)
    assert (
        minutes.title
        == "Minutes: Children, Young People and Education Scrutiny Commission, 18 June 2025"
    )
    # the text is the style's text rendering
    assert "149. WELCOME AND APOLOGIES FOR ABSENCE" in minutes.text


def test_everything_is_escaped(sample: Meeting, leicester: StyleFolder) -> None:
    item = sample.items[5].model_copy(
        update={
            "title": "Terms <b>of</b> & Reference",
            "blocks": (Paragraph(text='<script>alert("x")</script> & co'),),
        }
    )
    meeting = sample.model_copy(update={"items": (*sample.items[:5], item, *sample.items[6:])})
    page = minutes_html(meeting, leicester).html
    assert "<script>" not in page and "<b>of</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page
    assert "TERMS &lt;B&gt;OF&lt;/B&gt; &amp; REFERENCE" in page


def test_one_item_alone(sample: Meeting, leicester: StyleFolder) -> None:
    minutes = item_minutes(sample, leicester, sample.items[FAMILIES].id)
    words = _words(plain_of(minutes.html))
    assert minutes.title == "159. FAMILIES FIRST PROGRAMME"
    assert "159." in words and "FAMILIES FIRST PROGRAMME" in words
    assert "WELCOME AND APOLOGIES" not in words  # the item before
    assert "SOCIAL CARE AND EDUCATION PERFORMANCE DASHBOARD" not in words  # and after
    assert "ACTIONS ARISING" not in words
    assert "\u2063" not in minutes.html and "\u2063" not in minutes.text
    assert minutes.text.startswith("159. FAMILIES FIRST PROGRAMME\n")
    assert "DASHBOARD" not in minutes.text
    assert "<h1" in minutes.html and "<ul" in minutes.html
    # the last item ends where the minutes' closing begins
    last = item_minutes(sample, leicester, sample.items[-1].id)
    assert "ANY OTHER BUSINESS" in plain_of(last.html)
    assert "There being no other business" not in plain_of(last.html)


def test_an_exempt_item_alone_in_the_public_copy(sample: Meeting, leicester: StyleFolder) -> None:
    meeting = _with_exempt(sample)
    secret = meeting.items[FAMILIES].blocks[0]
    assert isinstance(secret, Paragraph)
    public = item_minutes(meeting, leicester, meeting.items[FAMILIES].id)
    assert secret.text not in _words(plain_of(public.html))
    full = item_minutes(meeting, leicester, meeting.items[FAMILIES].id, public=False)
    assert secret.text in _words(plain_of(full.html))


def test_any_word_document() -> None:
    """Word's own styles, as any council's template may use them."""
    document = docx.Document()
    document.add_paragraph("The Minutes", style="Title")
    document.add_heading("Part Two", level=2)
    document.add_heading("Deep", level=5)
    body = document.add_paragraph("Plain, ")
    body.add_run("bold").bold = True
    body.add_run(", ")
    body.add_run("italic").italic = True
    body.add_run(" and ")
    body.add_run("underlined").underline = True
    centred = document.add_paragraph("Centred")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("First bullet", style="List Bullet")
    document.add_paragraph("Second bullet", style="List Bullet")
    document.add_paragraph("After the list")
    document.add_paragraph("Before the break").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("After the break")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Action"
    table.cell(1, 1).text = "Due"
    buffer = io.BytesIO()
    document.save(buffer)
    page, setup, _title = docx_html(buffer.getvalue())
    assert re.search(r"<h1[^>]*>The Minutes</h1>", page)
    assert re.search(r"<h2[^>]*>Part Two</h2>", page)
    assert re.search(r"<h3[^>]*>Deep</h3>", page)
    assert re.search(r'<span style="font-weight:bold">bold</span>', page)
    assert re.search(r'<span style="font-style:italic">italic</span>', page)
    assert re.search(r'<span style="text-decoration:underline">underlined</span>', page)
    assert re.search(r"text-align:center[^>]*>Centred</p>", page)
    assert re.search(r"<ul[^>]*>\s*<li[^>]*>First bullet\s*</li>\s*<li[^>]*>Second bullet", page)
    assert re.search(r"</ul>\s*<p[^>]*>After the list", page)
    assert re.search(r"page-break-before:always[^>]*>After the break", page)
    assert re.search(r'<table border="1"[^>]*>.*Action.*Due.*</table>', page, re.DOTALL)
    # python-docx's template: US Letter, 1.25 in margins at the sides
    assert (round(setup.width), round(setup.height), setup.left) == (216, 279, 31.8)


def test_rendering_is_the_word_export(sample: Meeting, leicester: StyleFolder) -> None:
    """The HTML holds what the Word document holds, paragraph for paragraph."""
    data = render_docx(sample, leicester)
    page, _setup, _title = docx_html(data)
    words = _words(plain_of(page))
    for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
        text = _words(paragraph.text.split("\t")[-1]).strip()
        if text:
            assert text in words, text


@pytest.mark.parametrize("name", ["district", "parish", "uscity"])
def test_every_bundled_style(name: str) -> None:
    path = next(locations.samples_dir().glob(f"{name}-*.minutes"))
    meeting = load_meeting(path)
    minutes = minutes_html(meeting, find_style(meeting.house_style))
    assert minutes.html.startswith("<!DOCTYPE html>")
    assert minutes.text.strip()
    assert meeting.items[0].title.upper()[:20] in _words(plain_of(minutes.html)).upper()
