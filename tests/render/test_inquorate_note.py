"""The style's inquorate note, printed where the minute of the first inquorate item ends: in the
context (`ItemView.inquorate_note`, given the committee's quorum), and in every shipped style's
text and Word templates. Without a quorum nothing is printed (the golden files are unchanged)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import pytest

from clerk_app.domain.house_style import ExemptPolicy, HouseStyle
from clerk_app.domain.model import Item, Meeting
from clerk_app.domain.presence import is_voter, presence_grid
from clerk_app.render import docx as docx_writer
from clerk_app.render import text as text_writer
from clerk_app.render.context import build_context
from clerk_app.render.styles import load_style_folder
from clerk_app.storage import load_meeting

REPO = Path(__file__).resolve().parents[2]
SAMPLES = {
    "leicester": "leicester-cype-2025-06-18.minutes",
    "parish": "parish-2020-11-12.minutes",
    "district": "district-2025-12-10.minutes",
    "uscity": "uscity-2025-03-04.minutes",
}
NOTE = "The meeting was inquorate at this point."


def sample(name: str) -> Meeting:
    return load_meeting(REPO / "resources" / "samples" / SAMPLES[name])


def losing_quorum(meeting: Meeting, printed: str = "") -> tuple[Meeting, int, int]:
    """`meeting` with voting members leaving part-way, the quorum that this breaks and the
    index of the first item without it: an item not declared on, after the middle, whose title
    and the next item's `printed` (the minutes without the note) holds once each."""
    declared = {i.item_id for i in meeting.interests}
    folded = printed.casefold()
    leavers = [
        p
        for p in meeting.attendance
        if is_voter(p) and p.attended and not p.present_from_item and not p.present_to_item
    ]
    for k in range(max(len(meeting.items) // 2, 1), len(meeting.items)):
        item = meeting.items[k]
        after = meeting.items[k + 1 : k + 2]
        if item.exempt or item.id in declared:
            continue
        if printed and any(folded.count(i.title.casefold()) != 1 for i in (item, *after)):
            continue
        for count in range(1, len(leavers) + 1):
            going = {p.id for p in leavers[:count]}
            people = tuple(
                p.model_copy(update={"present_to_item": meeting.items[k - 1].id})
                if p.id in going
                else p
                for p in meeting.attendance
            )
            changed = meeting.model_copy(update={"attendance": people})
            present = presence_grid(changed).present
            quorum = min(present[:k])
            if present[k] < quorum:
                assert presence_grid(changed, quorum).first_inquorate == k
                return changed, quorum, k
    raise AssertionError("no item to lose the quorum at")


def docx_text(data: bytes) -> str:
    """The Word document's text, a paragraph a line."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    lines = [
        "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph))
        for paragraph in xml.split("</w:p>")
    ]
    return "\n".join(html.unescape(line) for line in lines)


def assert_printed_at(text: str, meeting: Meeting, k: int, note: str) -> None:
    """The note once, after the title of item `k` and before the next item's."""
    folded = text.casefold()
    assert folded.count(note.casefold()) == 1, text
    at = folded.index(note.casefold())
    assert folded.rfind(meeting.items[k].title.casefold(), 0, at) >= 0
    if k + 1 < len(meeting.items):
        following = meeting.items[k + 1].title.casefold()
        assert following not in folded[:at]
        assert folded.find(following, at) > at


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_style_prints_its_note_where_the_inquorate_minute_ends(name: str) -> None:
    folder = load_style_folder(REPO / "templates" / name)
    note = folder.style.inquorate_note
    assert note, f"templates/{name}/style.toml sets no inquorate_note"
    plain = text_writer.render_text(sample(name), folder, public=False)
    meeting, quorum, k = losing_quorum(sample(name), plain)
    text = text_writer.render_text(meeting, folder, public=False, quorum=quorum)
    assert_printed_at(text, meeting, k, note)
    word = docx_writer.render_docx(meeting, folder, public=False, quorum=quorum)
    assert_printed_at(docx_text(word), meeting, k, note)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_without_a_quorum_no_style_prints_the_note(name: str) -> None:
    folder = load_style_folder(REPO / "templates" / name)
    meeting, _, _ = losing_quorum(sample(name))
    note = folder.style.inquorate_note.casefold()
    assert note not in text_writer.render_text(meeting, folder).casefold()
    assert note not in docx_text(docx_writer.render_docx(meeting, folder)).casefold()


def test_the_context_has_the_note_at_the_first_inquorate_item_only() -> None:
    meeting, quorum, k = losing_quorum(sample("leicester"))
    style = HouseStyle(name="plain", display_name="Plain", inquorate_note=NOTE)
    views = build_context(meeting, style, quorum=quorum).items
    assert [n for n, view in enumerate(views) if view.inquorate_note] == [k]
    assert views[k].inquorate_note == NOTE
    assert not any(v.inquorate_note for v in build_context(meeting, style).items)
    assert not any(v.inquorate_note for v in build_context(meeting, style, quorum=1).items)
    silent = style.model_copy(update={"inquorate_note": ""})
    assert not any(v.inquorate_note for v in build_context(meeting, silent, quorum=quorum).items)


def test_a_part_of_a_meeting_is_given_the_whole_meetings_item() -> None:
    meeting = sample("leicester")
    style = HouseStyle(name="plain", display_name="Plain", inquorate_note=NOTE)
    target = meeting.items[3].id
    views = build_context(meeting, style, inquorate_item=target, quorum=1).items
    assert [view.id for view in views if view.inquorate_note] == [target]


def test_an_item_the_public_copy_leaves_out_passes_the_note_on() -> None:
    meeting, quorum, k = losing_quorum(sample("leicester"))
    items = list(meeting.items)
    items[k] = items[k].model_copy(update={"exempt": True, "exempt_reason": "paragraph 1"})
    meeting = meeting.model_copy(update={"items": tuple(items)})
    style = HouseStyle(
        name="plain", display_name="Plain", inquorate_note=NOTE, exempt_in_public=ExemptPolicy.OMIT
    )
    views = build_context(meeting, style, quorum=quorum).items
    shown = [view.id for view in views if view.inquorate_note]
    assert shown == [meeting.items[k + 1].id]
    last = meeting.model_copy(update={"items": (*items[: k + 1],)})
    views = build_context(last, style, quorum=quorum).items
    assert [view.id for view in views if view.inquorate_note] == [items[k - 1].id]
    assert isinstance(items[k], Item)
