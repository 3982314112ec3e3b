"""Every text of a meeting, found once, with its place, the clerk's name for it and its kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.domain import edit
from clerk_app.domain.fields import part_name, text_fields
from clerk_app.domain.model import (
    Attendance,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Table,
)
from clerk_app.storage import load_meeting

SAMPLES = sorted((Path(__file__).parents[2] / "resources" / "samples").glob("*.minutes"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_text_is_found_where_it_is(path: Path) -> None:
    meeting = load_meeting(path)
    fields = list(text_fields(meeting))
    assert fields
    assert len({f.path for f in fields}) == len(fields)
    for found in fields:
        assert edit.get_at(meeting, found.path) == found.text
    # every string of the file that a clerk typed is among them: what is left are ids,
    # enumerations, dates and style names
    typed = {f.text for f in fields}
    dumped = meeting.model_dump(mode="json")

    def strings(value: object, key: str = "") -> list[tuple[str, str]]:
        if isinstance(value, str):
            return [(key, value)]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in strings(v, k)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v, key)]
        return []

    skipped_keys = {"id", "type", "date", "house_style", "status", "kind", "role", "lead"}
    for key, value in strings(dumped):
        if (
            not value
            or key in skipped_keys
            or key.endswith(("_id", "_on", "_at", "_time", "_item"))
        ):
            continue
        if key in {"due", "choice", "answer", "outcome", "numbering", "instrument", "position"}:
            continue
        if key in {
            "standing",
            "readings",
            "from_time",
            "to_time",
            "time",
            "relates_to",
            "numbered",
        }:
            continue
        if key == "action" and value in set(InterestAction):  # a declaration's, not a text
            continue
        assert value in typed, (key, value)


def test_labels_kinds_parts_and_order() -> None:
    meeting = Meeting.model_validate(
        {
            "date": "2025-06-18",
            "body": "Scrutiny Commission",
            "minute_prefix": "CYP",
            "attendance": [
                Attendance(person=Person(title="Councillor", name="Batool"), capacity="Chair")
            ],
            "items": [
                Item(
                    title="Questions",
                    label="4.1",
                    blocks=(
                        Paragraph(text="The colour of it."),
                        PublicQuestions(
                            questioner="Ms Smith",
                            questions=(ListEntry(text="Why?"),),
                            responses=(ListEntry(text="Because."),),
                        ),
                        Resolution(resolutions=(ListEntry(text="That it be noted."),)),
                        Table(header=("Ward", "Sum"), rows=(("Castle", "£5"),)),
                    ),
                )
            ],
        }
    )
    found = [(f.label, f.kind, f.text) for f in text_fields(meeting)]
    assert found == [
        ("committee name", "prose", "Scrutiny Commission"),
        ("minute number prefix", "code", "CYP"),
        ("title of address", "name", "Councillor"),
        ("name", "name", "Batool"),
        ("capacity", "prose", "Chair"),
        ("title", "prose", "Questions"),
        ("minute text", "prose", "The colour of it."),
        ("questioner", "name", "Ms Smith"),
        ("question", "prose", "Why?"),
        ("response", "prose", "Because."),
        ("resolution", "prose", "That it be noted."),
        ("table heading", "prose", "Ward"),
        ("table heading", "prose", "Sum"),
        ("table cell", "prose", "Castle"),
        ("table cell", "prose", "£5"),
        ("item label", "code", "4.1"),
    ]
    parts = {f.text: f.part for f in text_fields(meeting)}
    assert parts["Batool"] == ("attendance", 0)
    assert parts["Castle"] == ("items", 0)
    assert parts["CYP"] == ()
    item = meeting.items[0]
    assert part_name(meeting, ("items", 0)) == "item 1 (Questions)"
    assert part_name(meeting, ("items", 0), {item.id: "158"}) == "item 158 (Questions)"
    assert part_name(meeting, ("attendance", 0)) == "the attendance (Councillor Batool)"
    assert part_name(meeting, ()) == "the meeting"


def test_every_text_field_can_be_set_where_it_is_found() -> None:
    """Spelling suggestions, autocorrections and replacements set a field by its path: a table
    cell too (a cell of rows), cleaned as if loaded."""
    meeting = load_meeting(SAMPLES[0])
    for found in text_fields(meeting):
        changed = edit.set_at(meeting, found.path, found.text + " x\n")
        assert edit.get_at(changed, found.path).rstrip() in {found.text + " x", found.text + " x\n"}
    table = Meeting.model_validate(
        {"date": "2025-06-18", "items": [Item(blocks=(Table(rows=(("a", "b"),)),))]}
    )
    cell = ("items", 0, "blocks", 0, "rows", 0, 1)
    assert edit.get_at(edit.set_at(table, cell, " c\n"), cell) == "c"
    with pytest.raises(edit.EditError):
        edit.set_at(table, ("items", 0, "blocks", 0, "rows", 0, 5), "d")


def test_a_walk_after_an_edit_sees_the_edit_and_the_places_as_they_are_now() -> None:
    """Each part's fields are kept between walks: an edit, a move and a deletion are seen at
    once, with every path where the text is now."""
    meeting = load_meeting(SAMPLES[0])
    first = list(text_fields(meeting))
    edited = edit.set_at(meeting, ("items", 3, "title"), "A title typed just now")
    moved = edit.move_within(edited, ("items",), 3, 0)
    gone = edit.remove_at(moved, ("items",), 1)
    for version in (meeting, edited, moved, gone):
        fields = list(text_fields(version))
        assert all(edit.get_at(version, f.path) == f.text for f in fields)
        assert fields == list(text_fields(version.model_copy(deep=True)))  # nothing kept
    assert list(text_fields(meeting)) == first
    titles = [
        f.text for f in text_fields(moved) if f.path[0] == "items" and f.path[2:] == ("title",)
    ]
    assert titles[0] == "A title typed just now"
