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
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import Meeting
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text
from clerk_app.services.export import (
    ExportError,
    UnmarkedExemptError,
    export_minutes,
    unmarked_exempt,
)
from clerk_app.storage import load_meeting
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


# --- a public copy of private business that is not marked exempt -----------------------------


def _unticked_parish() -> Meeting:
    meeting = load_meeting(locations.samples_dir() / "parish-2020-11-12.minutes")
    items = tuple(
        i.model_copy(update={"exempt": False}) if i.id == "staffing" else i for i in meeting.items
    )
    return meeting.model_copy(update={"items": items})


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_public_copy_with_an_unmarked_private_item_is_refused(
    tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"minutes{suffix}"
    with pytest.raises(UnmarkedExemptError) as info:
        export_minutes(_unticked_parish(), out, find_style("parish"))
    assert str(info.value) == (
        f"{out}: not exported: Minute 204/20 follows the exclusion of the press and public, "
        "but is not marked exempt: the public copy would publish its content. Mark it exempt, "
        "or confirm that it may be published"
    )
    assert [item.id for item, _ in info.value.unmarked] == ["staffing"]
    assert isinstance(info.value, ExportError)  # what every caller already reports
    assert list(tmp_path.iterdir()) == []


def test_a_confirmed_or_confidential_copy_is_written(tmp_path: Path) -> None:
    meeting, style = _unticked_parish(), find_style("parish")
    confirmed = export_minutes(meeting, tmp_path / "public.txt", style, allow_unmarked=True)
    assert "Clerk's contracted hours" in confirmed.read_text(encoding="utf-8")
    confidential = export_minutes(meeting, tmp_path / "private.txt", style, public=False)
    assert "Clerk's contracted hours" in confidential.read_text(encoding="utf-8")


def test_a_meeting_with_everything_private_marked_exports_as_before(tmp_path: Path) -> None:
    meeting = load_meeting(locations.samples_dir() / "parish-2020-11-12.minutes")
    out = export_minutes(meeting, tmp_path / "public.txt", find_style("parish"))
    assert "Clerk's contracted hours" not in out.read_text(encoding="utf-8")
    assert unmarked_exempt(meeting, find_style("parish")) is None


def test_many_unmarked_items_are_listed_in_one_short_line() -> None:
    meeting = _unticked_parish()
    extra = tuple(
        meeting.items[-1].model_copy(update={"id": f"more{n}", "exempt_reason": ""})
        for n in range(30)
    )
    reasoned = meeting.items[0].model_copy(update={"id": "hr", "exempt_reason": "paragraph 1"})
    meeting = meeting.model_copy(update={"items": (reasoned, *meeting.items, *extra)})
    said = unmarked_exempt(meeting, find_style("parish"))
    assert said == (
        "Minute 196/20 gives a reason for excluding the public; minutes 205/20, 206/20, 207/20, "
        "208/20, 209/20 and 26 more follow the exclusion of the press and public, but are not "
        "marked exempt: the public copy would publish their content"
    )


def test_the_export_job_reports_the_refusal_to_the_clerk(tmp_path: Path) -> None:
    from clerk_app.services.export_job import ExportJob

    job = ExportJob(_unticked_parish(), tmp_path / "m.txt", find_style("parish"), public=True)
    failed: list[str] = []
    job.signals.failed.connect(failed.append)
    job.run()
    assert len(failed) == 1 and "Minute 204/20 follows the exclusion" in failed[0]
