"""A public copy says nothing of an exempt item beyond what the house style allows.

Under `notice` the number and title are public; under `number_only` only the number; under
`omit` nothing at all. What gives an item away is not only its own minute: a declaration about
it in the member's own words ("owns land next to Mill Lane") and part attendance ("from minute
15") name it too. Every output is searched: the text, the Word file's every XML part, and what
a reader sees.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest

from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import Meeting
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text
from tests.factories import feature_meeting

SECRETS = ("£1.2m", "owns land", "next to Mill")
"""The exempt item's content, and the declaration's words about it."""
TITLE = "Mill Lane"


def meeting_with_part_attendance() -> Meeting:
    """feature_meeting, with Councillor Cole present only from the exempt item on."""
    meeting = feature_meeting()
    attendance = tuple(
        a.model_copy(update={"present_from_item": "land"}) if a.id == "c" else a
        for a in meeting.attendance
    )
    return meeting.model_copy(update={"attendance": attendance})


def styled(name: str, policy: ExemptPolicy) -> StyleFolder:
    folder = find_style(name)
    return dataclasses.replace(
        folder, style=folder.style.model_copy(update={"exempt_in_public": policy})
    )


def outputs(meeting: Meeting, style: StyleFolder, *, public: bool = True) -> dict[str, str]:
    data = render_docx(meeting, style, public=public)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = "\n".join(
            package.read(name).decode("utf-8", "replace")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )
    return {
        "text": render_text(meeting, style, public=public),
        "word (reader)": visible_text(data),
        "word (xml)": parts,
    }


@pytest.mark.parametrize("name", ["leicester", "parish"])
@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_nothing_of_the_exempt_item_leaks(name: str, policy: ExemptPolicy) -> None:
    meeting = meeting_with_part_attendance()
    style = styled(name, policy)
    full = build_context(meeting, style.style, public=False)
    (number,) = [item.number for item in full.items if item.id == "land"]
    for where, text in outputs(meeting, style).items():
        for secret in SECRETS:
            assert secret not in text, f"{where} ({policy}) has {secret!r}"
        assert (TITLE in text) is (policy is ExemptPolicy.NOTICE), where
        if policy is ExemptPolicy.OMIT:
            assert f"minute {number}" not in text, where
            assert f"from {number}" not in text, where


@pytest.mark.parametrize("name", ["leicester", "parish"])
@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_the_declaration_is_still_recorded_without_its_words(
    name: str, policy: ExemptPolicy
) -> None:
    text = render_text(meeting_with_part_attendance(), styled(name, policy))
    assert "Councillor Bell declared a disclosable pecuniary interest" in text
    if policy is ExemptPolicy.OMIT:
        assert "in an item considered in private." in text


@pytest.mark.parametrize("name", ["leicester", "parish"])
def test_the_confidential_copy_keeps_everything(name: str) -> None:
    meeting = meeting_with_part_attendance()
    for where, text in outputs(meeting, styled(name, ExemptPolicy.OMIT), public=False).items():
        for secret in ("£1.2m", "owns land"):
            assert secret in text, f"{where} lost {secret!r}"
