"""What the house styles' tests share: the sample and its four renderings as module fixtures,
the line-by-line comparison of the text and Word copies, and the checks every style passes
(the Open XML validator, the sample saved as Clerk saves it).

A style's test module takes its fixtures in with `globals().update(style_fixtures(SAMPLE,
"parish"))`: pytest finds a module's fixtures among its names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
import pytest

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.render.compare import first_difference
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting, meeting_to_json
from tests.ooxml import OoxmlValidator, describe

HEADER_MARKS = ("DRAFT:", "CONFIDENTIAL: NOT FOR")
"""The text's first lines that Word puts in the page header, in its own words."""


def style_fixtures(sample: Path, style_name: str) -> dict[str, Any]:
    """The module fixtures of one style's tests, by name, for the module to take in with
    `globals().update(...)`: `meeting` (the sample loaded), the style under its own name and
    as `house_style`, `public_text`, `full_text`, `public_docx`, `full_docx`, and
    `text_and_docx` (each copy in turn, its text and its Word document)."""

    @pytest.fixture(scope="module")
    def meeting() -> Meeting:
        return load_meeting(sample)

    @pytest.fixture(scope="module")
    def house_style() -> StyleFolder:
        return find_style(style_name)

    @pytest.fixture(scope="module", name=style_name)
    def named_style(house_style: StyleFolder) -> StyleFolder:
        return house_style

    def rendered(name: str, render: Callable[..., str | bytes], public: bool) -> Any:
        @pytest.fixture(scope="module", name=name)
        def copy(meeting: Meeting, house_style: StyleFolder) -> str | bytes:
            return render(meeting, house_style, public=public)

        return copy

    @pytest.fixture(scope="module", params=["public", "full"])
    def text_and_docx(
        request: pytest.FixtureRequest,
        public_text: str,
        full_text: str,
        public_docx: bytes,
        full_docx: bytes,
    ) -> tuple[str, bytes]:
        """The public copy, then the full copy, as text and in Word."""
        return (public_text, public_docx) if request.param == "public" else (full_text, full_docx)

    return {
        "meeting": meeting,
        "house_style": house_style,
        style_name: named_style,
        "public_text": rendered("public_text", render_text, True),
        "full_text": rendered("full_text", render_text, False),
        "public_docx": rendered("public_docx", render_docx, True),
        "full_docx": rendered("full_docx", render_docx, False),
        "text_and_docx": text_and_docx,
    }


def normal(line: str) -> str:
    return " ".join(line.split()).casefold()


def is_header_mark(line: str) -> bool:
    return line.startswith(HEADER_MARKS)


def text_lines(text: str, leave_out: Callable[[str], bool] | None = is_header_mark) -> list[str]:
    """The text's lines as the Word document should also show them: list dashes and the lines
    `leave_out` picks (by default the header marks) left out."""
    return [
        normal(line.strip().removeprefix("- "))
        for line in text.splitlines()
        if line.strip() and not (leave_out is not None and leave_out(line))
    ]


def word_lines(data: bytes) -> list[str]:
    """What Word shows, line by line, the bullets' marks left out."""
    return [normal(line.lstrip("•◦▪")) for line in visible_text(data).split("\n")]


def assert_in_order(wanted: Sequence[str], shown: Sequence[str]) -> None:
    """Every wanted line is shown, and in the same order."""
    missing = [line for line in wanted if line not in shown]
    assert missing == []
    cursor = 0
    for line in wanted:
        cursor = shown.index(line, cursor)


def assert_same_wording(text: str, data: bytes) -> None:
    """The two templates word the minutes alike, sentence for sentence and in order."""
    assert_in_order(text_lines(text), word_lines(data))


def assert_is_golden(text: str, golden: Path) -> None:
    wanted = golden.read_text(encoding="utf-8")
    assert text == wanted, first_difference(wanted, text)


def every_sample() -> list[Meeting]:
    """The committed samples, loaded."""
    return [load_meeting(p) for p in sorted(locations.samples_dir().glob("*.minutes"))]


def assert_valid_open_xml(data: bytes, ooxml: OoxmlValidator, path: Path) -> None:
    path.write_bytes(data)
    errors = ooxml.errors(path)
    assert errors == [], describe(errors)


def assert_saved_as_clerk_saves(meeting: Meeting, sample: Path, *, format_version: int) -> None:
    """Saving the meeting again writes the sample's JSON, but for the generator, and the file
    is of the format named."""
    on_disk = json.loads(sample.read_text(encoding="utf-8"))
    again = json.loads(meeting_to_json(meeting))
    assert on_disk.pop("format_version") == format_version
    on_disk.pop("generator")
    again.pop("generator")
    again.pop("format_version")
    assert again == on_disk


def assert_a4_arial_numbered_pages(style: StyleFolder) -> None:
    """The Word template's page is A4, its body Arial, its footer "page N of M"."""
    document = docx.Document(str(style.docx_template))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert document.styles["Normal"].font.name == "Arial"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
