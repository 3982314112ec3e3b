"""An action carried from an earlier meeting says where it arose, in the context and the minutes."""

from __future__ import annotations

from clerk_app import locations
from clerk_app.render.context import build_context
from clerk_app.render.styles import find_style
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting

SEPTEMBER = locations.samples_dir() / "committees" / "leicester-cype" / "CYPESC 2025-09-23.minutes"


def test_a_carried_action_names_the_minute_and_meeting_it_arose_from() -> None:
    meeting = load_meeting(SEPTEMBER)
    style = find_style("leicester")
    context = build_context(meeting, style.style)
    [arising] = [item for item in context.items if item.actions]
    first = arising.actions[0]
    assert first.minute == "158 (18 June 2025)"
    assert (first.carried, first.raised_minute, first.raised_on) == (True, "158", "18 June 2025")
    assert [a.minute for a in context.meeting.actions] == [
        "158 (18 June 2025)",
        "158 (18 June 2025)",
        "159 (18 June 2025)",
        "161 (18 June 2025)",
    ]
    text = render_text(meeting, style)
    annex = text[text.index("ACTIONS ARISING FROM THE MEETING") :]
    assert "Minute 161 (18 June 2025)\nAction: Bring the improvement plan" in annex
    assert "Minute 167" not in annex  # the matters arising minute is not where they arose


def test_an_action_raised_at_the_meeting_keeps_its_own_minute() -> None:
    meeting = load_meeting(locations.sample_meeting())
    context = build_context(meeting, find_style("leicester").style)
    assert [a.minute for a in context.meeting.actions] == ["158", "158", "159", "161"]
    assert not any(a.carried for a in context.meeting.actions)
