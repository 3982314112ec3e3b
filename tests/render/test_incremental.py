"""Items redrawn alone read exactly as the whole meeting rendered again."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app import locations
from clerk_app.domain import edit
from clerk_app.domain.model import Attendance, Meeting, Paragraph, Person, Role
from clerk_app.render.incremental import lay_out, render_item
from clerk_app.render.styles import find_style
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting

SAMPLES = {
    "leicester": locations.sample_meeting(),
    "parish": locations.resources_dir() / "samples" / "parish-2020-11-12.minutes",
    # format 2's: sessions, sections, sub-items, breaks, the adjournment that closes it
    "uscity": locations.resources_dir() / "samples" / "uscity-2025-03-04.minutes",
    "district": locations.resources_dir() / "samples" / "district-2025-12-10.minutes",
}
words = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs")), min_size=0, max_size=40
)


@pytest.mark.parametrize("style", sorted(SAMPLES))
@pytest.mark.parametrize("public", [True, False])
def test_the_samples_lay_out_item_by_item(style: str, public: bool) -> None:
    meeting = load_meeting(SAMPLES[style])
    layout = lay_out(meeting, find_style(style), public=public)
    assert layout.incremental
    assert layout.text == render_text(meeting, find_style(style), public=public)
    # every item that has lines starts with its heading
    assert len(layout.heading_lines()) == len([s for s in layout.sections if s[1]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    style=st.sampled_from(sorted(SAMPLES)),
    public=st.booleans(),
    edits=st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from(["title", "text", "add"]), words),
        min_size=1,
        max_size=6,
    ),
)
def test_items_redrawn_alone_match_the_whole_rendering(
    style: str, public: bool, edits: list[tuple[int, str, str]]
) -> None:
    folder = find_style(style)
    meeting: Meeting = load_meeting(SAMPLES[style])
    layout = lay_out(meeting, folder, public=public)
    for position, kind, text in edits:
        index = position % len(meeting.items)
        item = meeting.items[index]
        if kind == "title":
            meeting = edit.set_at(meeting, ("items", index, "title"), text)
        elif kind == "add":
            meeting = edit.insert_at(
                meeting, ("items", index, "blocks"), 0, Paragraph(text=text or "x")
            )
        else:
            paragraphs = [n for n, b in enumerate(item.blocks) if isinstance(b, Paragraph)]
            if not paragraphs:
                continue
            meeting = edit.set_at(
                meeting, ("items", index, "blocks", paragraphs[0], "text"), text or "x"
            )
        redrawn = render_item(layout, meeting, item.id, folder)
        exact = render_text(meeting, folder, public=public)
        # an item that does not stand alone is laid out again with the rest
        layout = lay_out(meeting, folder, public=public) if redrawn is None else redrawn
        assert layout.text == exact


def test_a_template_that_counts_its_items_is_laid_out_whole(tmp_path: object) -> None:
    """A style whose text depends on how many items there are cannot be redrawn item by item:
    the layout says so, and the whole meeting is rendered each time."""
    import shutil
    from pathlib import Path

    from clerk_app.render.styles import builtin_styles_dir, load_style_folder

    assert isinstance(tmp_path, Path)
    mine = tmp_path / "counting"
    shutil.copytree(builtin_styles_dir() / "leicester", mine)
    template = mine / "minutes.txt.j2"
    template.write_text(
        template.read_text(encoding="utf-8") + "\n{{ items | length }} items were considered.\n",
        encoding="utf-8",
    )
    folder = load_style_folder(mine)
    meeting = load_meeting(SAMPLES["leicester"])
    layout = lay_out(meeting, folder, public=True)
    assert not layout.incremental
    assert layout.text == render_text(meeting, folder)
    assert render_item(layout, meeting, meeting.items[4].id, folder) is None


@pytest.mark.parametrize("until", ["staffing", None])
def test_someone_present_only_for_an_exempt_item_keeps_the_preview_item_by_item(
    until: str | None,
) -> None:
    """The parish clerk's appraisal with the person concerned there for that item alone (to its
    end, or from it on: it is the last item). The sentinel item after the last, and an
    item redrawn alone, must not make them look present for public business: the public copy
    would name them, the whole rendering would disagree, and every keystroke would lay the
    whole meeting out again."""
    folder = find_style("parish")
    meeting = load_meeting(SAMPLES["parish"])
    subject = Attendance(
        person=Person(title="Mr", name="Applicant"),
        role=Role.OTHER,
        present_from_item="staffing",
        present_to_item=until,
    )
    meeting = meeting.model_copy(update={"attendance": (*meeting.attendance, subject)})
    assert meeting.items[-1].id == "staffing"  # so "from it on" is that item alone
    layout = lay_out(meeting, folder, public=True)
    exact = render_text(meeting, folder, public=True)
    assert "Applicant" not in exact
    assert layout.incremental and layout.text == exact
    public_item = next(i for i in meeting.items if not i.exempt and i.blocks)
    index = meeting.items.index(public_item)
    typed = edit.set_at(meeting, ("items", index, "title"), public_item.title + " (typed)")
    redrawn = render_item(layout, typed, public_item.id, folder)
    assert redrawn is not None, "a keystroke laid the whole meeting out again"
    assert redrawn.text == render_text(typed, folder, public=True)
