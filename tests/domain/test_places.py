"""Where a finding is, as the panel says it: the part and the field in the clerk's words."""

from __future__ import annotations

import pytest

from clerk_app.domain import edit
from clerk_app.domain.findings import check_meeting, item_names
from clerk_app.domain.model import Attendance, Interest, Meeting, Person, Resolution
from clerk_app.domain.places import place
from clerk_app.render.styles import StyleFolder, find_style


def first_resolution(meeting: Meeting) -> tuple[int, int]:
    for n, item in enumerate(meeting.items):
        for b, block in enumerate(item.blocks):
            if isinstance(block, Resolution):
                return n, b
    raise AssertionError("the sample has no resolution")


def test_items_are_named_as_the_style_numbers_them(sample: Meeting) -> None:
    parish = find_style("parish").style
    n, b = first_resolution(sample)
    number = sample.first_minute_number + n
    assert place(sample, ("items", n, "title"), item_names(sample)) == (f"Minute {number}", "title")
    assert place(sample, ("items", n, "blocks", b, "votes_for"), item_names(sample, parish)) == (
        f"Minute {number}/25",
        "resolution 1, votes for",
    )


def test_the_fields_of_a_minute(sample: Meeting) -> None:
    names = item_names(sample)
    n, b = first_resolution(sample)
    minute = f"Minute {sample.first_minute_number + n}"
    paragraph = next(
        i for i, block in enumerate(sample.items[0].blocks) if block.type == "paragraph"
    )
    assert place(sample, ("items", 0, "blocks", paragraph, "text"), names) == (
        names[0],
        "minute text",
    )
    assert place(sample, ("items", n, "blocks", b, "proposer_id"), names) == (
        minute,
        "resolution 1, proposer",
    )
    assert place(sample, ("items", n, "blocks", b, "resolutions", 0, "text"), names) == (
        minute,
        "resolution 1, wording",
    )
    assert place(sample, ("items", n, "exempt_reason"), names) == (minute, "reason for exemption")
    assert place(sample, ("items", n, "blocks"), names) == (minute, "minute text")
    assert place(sample, ("items", n), names) == (minute, "")


def test_a_second_resolution_is_numbered(sample: Meeting) -> None:
    n, b = first_resolution(sample)
    meeting = edit.insert_at(sample, ("items", n, "blocks"), b + 1, Resolution())
    assert place(meeting, ("items", n, "blocks", b + 1, "votes_against"), item_names(meeting))[
        1
    ] == ("resolution 2, votes against")


def test_people_are_named_in_the_attendance_and_the_declarations() -> None:
    moore = Attendance(id="moore", person=Person(title="Councillor", name="Moore"))
    meeting = Meeting.model_validate(
        {"date": "2025-06-18", "attendance": [moore], "interests": [Interest(attendee_id="moore")]}
    )
    names: list[str] = []
    assert place(meeting, ("attendance", 0, "present_to_item"), names) == (
        "Attendance: Councillor Moore",
        "left after item",
    )
    assert place(meeting, ("attendance", 0, "person", "name"), names) == (
        "Attendance: Councillor Moore",
        "name",
    )
    assert place(meeting, ("interests", 0, "action"), names) == (
        "Declarations: Councillor Moore",
        "what they did",
    )
    # someone not named yet: the row
    meeting = edit.set_at(meeting, ("attendance", 0, "person", "name"), "")
    meeting = edit.set_at(meeting, ("attendance", 0, "person", "title"), "")
    assert place(meeting, ("attendance", 0, "status"), names) == ("Attendance: row 1", "attendance")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), ("The meeting", "")),
        (("start_time",), ("The meeting", "start time")),
        (("body",), ("The meeting", "committee name")),
        (("first_minute_number",), ("The meeting", "first minute number")),
        (("close_time",), ("The close", "closing time")),
        (("attendance",), ("Attendance", "the list")),
    ],
)
def test_the_meeting_itself(sample: Meeting, path: edit.Path, expected: tuple[str, str]) -> None:
    assert place(sample, path, item_names(sample)) == expected


def test_every_finding_of_the_samples_has_a_part_and_a_field(
    sample: Meeting, leicester: StyleFolder
) -> None:
    meeting = edit.set_at(sample, ("items", 4, "title"), "")
    meeting = edit.set_at(meeting, ("items", 3, "exempt_reason"), "")
    names = item_names(meeting, leicester.style)
    found = check_meeting(meeting, leicester.style)
    assert found
    for finding in found:
        part, field = place(meeting, finding.path, names)
        assert part and (field or len(finding.path) <= 2), finding
    title = next(f for f in found if f.path == ("items", 4, "title"))
    assert place(meeting, title.path, names) == (names[4], "title")
