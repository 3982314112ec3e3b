"""House styles written for an earlier template context keep working: a council's own style
copied from an older built-in one exports as it did, and the completeness check demands only the
parts of the minutes a style prints."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest

from clerk_app import locations
from clerk_app.domain.model import Meeting, Table
from clerk_app.render.compare import first_difference
from clerk_app.render.completeness import EVERY_PART, parts_asked_for, style_parts
from clerk_app.render.docx import render_docx, visible_lines, visible_text
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import find_style, load_style_folder
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting

OLD = Path(__file__).parent / "old_styles"
FORMAT_2_PARTS = frozenset(
    {"preamble", "closing note", "speakers", "published summaries", "signatories"}
)
"""The optional parts added with format 2: no style written before it asks for them."""


@pytest.fixture
def old_leicester(tmp_path: Path) -> Path:
    folder = tmp_path / "ours"
    shutil.copytree(OLD / "leicester-2025-11", folder)
    return folder


def test_an_old_style_exports_a_meeting_with_actions_and_officers(
    old_leicester: Path, sample: Meeting
) -> None:
    """The sample holds four follow-up actions, which the old style never printed: the export
    works as it did, rather than refusing for text the style never asked for."""
    assert any(item.actions for item in sample.items)
    style = load_style_folder(old_leicester)
    assert style_parts(old_leicester, "minutes.txt.j2") == (
        EVERY_PART - {"officers", "actions"} - FORMAT_2_PARTS
    )
    text = render_text(sample, style)
    assert "149. WELCOME AND APOLOGIES FOR ABSENCE" in text
    assert "High Needs Block" in text  # the minute's own words, not the action
    data = render_docx(sample, style)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any("WELCOME AND APOLOGIES" in p for p in paragraphs)


def test_a_style_that_prints_actions_must_print_them_all(
    old_leicester: Path, sample: Meeting
) -> None:
    template = old_leicester / "minutes.txt.j2"
    template.write_text(
        template.read_text(encoding="utf-8")
        + "\n{% for item in items %}{% for a in item.actions[:1] %}{{ a.action }}\n"
        "{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    with pytest.raises(RenderError, match="lost text from the actions of minute 158"):
        render_text(sample, load_style_folder(old_leicester))


def test_which_parts_a_template_asks_for() -> None:
    assert parts_asked_for(["{{ attendance.present_members }}"]) == {
        "chairs",
        "vice-chairs",
        "members",
        "co-opted members",
    }
    assert parts_asked_for(["{% for p in attendance.everyone %}"]) == (
        EVERY_PART - {"actions"} - FORMAT_2_PARTS
    )
    assert parts_asked_for(["{{ meeting.signatories }} {{ item.summary }}"]) == {
        "signatories",
        "published summaries",
    }
    assert parts_asked_for(["{% for a in meeting.actions %}"]) == {"actions"}
    assert parts_asked_for(["nothing of the kind"]) == frozenset()


def test_an_old_style_writes_the_sample_exactly_as_it_did(
    old_leicester: Path, sample: Meeting
) -> None:
    """The text the old style wrote for the sample before the context grew (kept beside it)."""
    expected = (OLD / "leicester-2025-11-sample.txt").read_text(encoding="utf-8")
    assert render_text(sample, load_style_folder(old_leicester)) == expected


# --- format 1 files, and a council's style copied from the parish style before format 2 -------

FORMAT_1 = Path(__file__).resolve().parent.parent / "fixtures" / "format1"
GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SAMPLES = {
    "leicester-cype-2025-06-18.minutes": ("leicester", "leicester-cype-2025-06-18.txt"),
    "parish-2020-11-12.minutes": ("parish", "parish-2020-11-12.txt"),
}
"""Each old sample: the built-in style it is written in, and its golden text (public copy)."""


@pytest.fixture
def old_parish(tmp_path: Path) -> Path:
    """The parish style as a council copied it before format 2 (its files from commit b34cb92,
    unchanged), under a name of its own."""
    folder = tmp_path / "ourparish"
    shutil.copytree(OLD / "parish-2025-12", folder)
    return folder


def format_1(name: str) -> Meeting:
    path = FORMAT_1 / name
    assert json.loads(path.read_text(encoding="utf-8"))["format_version"] == 1
    return load_meeting(path)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_format_1_file_renders_its_golden_text_in_todays_style(name: str) -> None:
    style, golden = SAMPLES[name]
    text = render_text(format_1(name), find_style(style))
    expected = (GOLDEN / golden).read_text(encoding="utf-8")
    assert text == expected, first_difference(expected, text)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_format_1_file_exports_to_word_as_todays_sample_does(name: str) -> None:
    style = find_style(SAMPLES[name][0])
    today = load_meeting(locations.samples_dir() / name)
    assert visible_text(render_docx(format_1(name), style)) == visible_text(
        render_docx(today, style)
    )


def test_the_old_parish_style_is_the_parish_style_before_format_2(old_parish: Path) -> None:
    """The fixture is what it says: the parish style's files before this version, which know
    nothing of format 2 (a test of a copy of today's style would prove nothing)."""
    source = (old_parish / "minutes.txt.j2").read_text(encoding="utf-8")
    for added in ("session_start", "section_start", "signatories", "e.marker", "b.lead "):
        assert added not in source
    assert source != (find_style("parish").path / "minutes.txt.j2").read_text(encoding="utf-8")
    assert style_parts(old_parish, "minutes.txt.j2") == EVERY_PART - FORMAT_2_PARTS


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("source", ["format 1", "today"])
def test_the_old_parish_style_writes_the_text_it_wrote(
    name: str, source: str, old_parish: Path
) -> None:
    """Both samples, as format 1 files and as today's: the old style writes what today's
    parish style writes (for the parish sample, the golden text), to the letter."""
    meeting = (
        format_1(name) if source == "format 1" else load_meeting(locations.samples_dir() / name)
    )
    old = load_style_folder(old_parish)
    for public in (True, False):
        text = render_text(meeting, old, public=public)
        expected = render_text(meeting, find_style("parish"), public=public)
        assert text == expected, first_difference(expected, text)
    if name.startswith("parish"):
        golden = (GOLDEN / SAMPLES[name][1]).read_text(encoding="utf-8")
        assert render_text(meeting, old) == golden


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("source", ["format 1", "today"])
def test_the_old_parish_style_exports_to_word_as_it_did(
    name: str, source: str, old_parish: Path
) -> None:
    """The old Word template renders both samples, and the document reads as today's parish
    style's does, paragraph for paragraph."""
    meeting = (
        format_1(name) if source == "format 1" else load_meeting(locations.samples_dir() / name)
    )
    old = load_style_folder(old_parish)
    for public in (True, False):
        data = render_docx(meeting, old, public=public)
        expected = render_docx(meeting, find_style("parish"), public=public)
        assert visible_lines(data) == visible_lines(expected)


def test_the_old_parish_style_refuses_what_it_cannot_print(old_parish: Path) -> None:
    """A format 2 meeting with a table: the old style never prints its cells, and says so
    rather than writing minutes without them."""
    meeting = load_meeting(locations.samples_dir() / "parish-2020-11-12.minutes")
    table = Table(caption="Payments", header=("Payee", "Amount"), rows=(("Mill Lane", "£40"),))
    items = list(meeting.items)
    items[2] = items[2].model_copy(update={"blocks": (*items[2].blocks, table)})
    meeting = meeting.model_copy(update={"items": tuple(items)})
    assert "Mill Lane" in render_text(meeting, find_style("parish"))
    with pytest.raises(RenderError, match="lost text from minute 198/20: 'Payments'"):
        render_text(meeting, load_style_folder(old_parish))
