"""House styles written for an earlier template context keep working: a council's own style
copied from an older built-in one exports as it did, and the completeness check demands only the
parts of the minutes a style prints."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from clerk_app.domain.model import Meeting
from clerk_app.render.completeness import EVERY_PART, parts_asked_for, style_parts
from clerk_app.render.docx import render_docx
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import load_style_folder
from clerk_app.render.text import render_text

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
