"""Find and replace across the whole meeting (domain.search)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.domain.edit import get_at
from clerk_app.domain.model import (
    Attendance,
    BulletList,
    FollowUp,
    Item,
    ListEntry,
    Meeting,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Speaker,
    Table,
)
from clerk_app.domain.search import (
    Query,
    ReplaceRefusedError,
    count_message,
    find,
    replace_all,
    replace_everywhere,
    replace_one,
)


def desk_meeting() -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        body="Parks Committee",
        venue="Town Hall",
        attendance=(
            Attendance(id="a1", person=Person(title="Councillor", name="Pat Smith")),
            Attendance(id="a2", person=Person(title="Councillor", name="Jo Smithson")),
        ),
        speakers=(Speaker(id="s1", person=Person(name="Sam Smith"), summary="Spoke on parks."),),
        items=(
            Item(
                id="i1",
                title="Smith Park",
                blocks=(
                    Paragraph(text="The council's report on Smith Park was noted."),
                    BulletList(entries=(ListEntry(text="Councillor Smith asked about trees"),)),
                ),
                actions=(FollowUp(action="Write to Smith Park friends", owner="Clerk"),),
            ),
            Item(
                id="i2",
                title="Budget",
                blocks=(
                    Resolution(resolutions=(ListEntry(text="That Smith Park be funded."),)),
                    Table(caption="Grants", header=("Park", "Sum"), rows=(("Smith Park", "£5"),)),
                ),
            ),
            Item(
                id="i3",
                title="Public questions",
                blocks=(
                    PublicQuestions(
                        questioner="Ann Smith",
                        questions=(ListEntry(text="Will the council mow SMITH park?"),),
                        responses=(ListEntry(text="Yes."),),
                    ),
                ),
            ),
        ),
    )


def paths(meeting: Meeting, query: Query) -> list[tuple[str | int, ...]]:
    return [m.field.path for m in find(meeting, query)]


def test_find_reaches_every_part_of_the_meeting() -> None:
    meeting = desk_meeting()
    found = find(meeting, Query("smith"))
    labels = {(m.field.part[:1], m.field.label) for m in found}
    assert (("attendance",), "name") in labels
    assert (("speakers",), "name") in labels
    assert (("items",), "title") in labels
    assert (("items",), "minute text") in labels
    assert (("items",), "resolution") in labels
    assert (("items",), "table cell") in labels
    assert (("items",), "action") in labels
    assert (("items",), "question") in labels
    assert (("items",), "questioner") in labels
    for match in found:
        assert get_at(meeting, match.field.path)[match.start : match.end].casefold() == "smith"
    # in reading order: the attendance before the items
    assert found[0].field.part == ("attendance", 0)


def test_match_case() -> None:
    meeting = desk_meeting()
    assert ("items", 2, "blocks", 0, "questions", 0, "text") in paths(meeting, Query("smith"))
    exact = paths(meeting, Query("SMITH", match_case=True))
    assert exact == [("items", 2, "blocks", 0, "questions", 0, "text")]


def test_whole_word_is_bounded_by_letters_and_digits_only() -> None:
    meeting = desk_meeting()
    words = find(meeting, Query("smith", whole_word=True))
    assert ("attendance", 1, "person", "name") not in [m.field.path for m in words]  # Smithson
    assert ("attendance", 0, "person", "name") in [m.field.path for m in words]
    council = find(meeting, Query("council", whole_word=True))
    # "council's" holds the word; "Councillor" does not
    assert [m.field.text for m in council] == [
        "The council's report on Smith Park was noted.",
        "Will the council mow SMITH park?",
    ]


def test_ignoring_case_keeps_places_where_folding_would_lengthen() -> None:
    meeting = Meeting(
        date=dt.date(2025, 1, 1),
        items=(Item(id="i1", title="Straße and the Strasse, STRASSE"),),
    )
    found = find(meeting, Query("strasse"))
    assert [m.found for m in found] == ["Strasse", "STRASSE"]
    assert [m.found for m in find(meeting, Query("STRASSE", match_case=True))] == ["STRASSE"]
    assert [m.found for m in find(meeting, Query("straße"))] == ["Straße"]


def test_replace_all_is_one_meeting_with_a_count() -> None:
    meeting = desk_meeting()
    result = replace_everywhere(meeting, Query("Smith", whole_word=True), "Jones")
    after = result.meeting
    assert after.attendance[0].person.name == "Pat Jones"
    assert after.attendance[1].person.name == "Jo Smithson"
    assert after.items[0].title == "Jones Park"
    assert after.items[2].blocks[0].questions[0].text == "Will the council mow Jones park?"  # type: ignore[union-attr]
    assert result.count == 10
    assert find(after, Query("smith", whole_word=True)) == []
    assert count_message(meeting, result.count, result.parts) == (
        "Replaced 10 occurrences in 3 items, the attendance and the speakers"
    )
    assert replace_all(meeting, Query("Smith", whole_word=True), "Jones") == (after, 10)
    # the parts not touched are shared with the meeting before
    assert after.attendance[1] is meeting.attendance[1]


def test_replace_all_several_matches_in_one_field() -> None:
    meeting = Meeting(date=dt.date(2025, 1, 1), items=(Item(id="i1", title="a b a b a"),))
    after, count = replace_all(meeting, Query("a"), "xyz")
    assert (after.items[0].title, count) == ("xyz b xyz b xyz", 3)


def test_replace_one_changes_only_that_match() -> None:
    meeting = desk_meeting()
    matches = find(meeting, Query("Smith Park", match_case=True))
    second = matches[1]
    after = replace_one(meeting, second, "Jones Park")
    assert after.items[0].title == "Smith Park"
    assert get_at(after, second.field.path) == (
        second.field.text[: second.start] + "Jones Park" + second.field.text[second.end :]
    )
    # a match found before the field changed is refused, not applied in the wrong place
    with pytest.raises(ReplaceRefusedError, match="changed since it was found"):
        replace_one(after, second, "Elm Park")


def test_a_line_break_in_a_one_line_field_becomes_a_space() -> None:
    meeting = desk_meeting()
    after, _ = replace_all(meeting, Query("Smith Park", match_case=True), "Smith\nPark")
    assert after.items[0].title == "Smith Park"
    assert after.items[1].blocks[1].rows[0][0] == "Smith Park"  # type: ignore[union-attr]
    # the minute text shows a paragraph as one line: there too
    assert after.items[0].blocks[0].text == "The council's report on Smith Park was noted."  # type: ignore[union-attr]


def test_a_replacement_that_would_change_the_minutes_structure_is_refused() -> None:
    meeting = desk_meeting()
    with pytest.raises(ReplaceRefusedError) as refused:
        replace_all(meeting, Query("The council's"), "- The council's")
    assert str(refused.value) == (
        "Nothing was replaced: in the minute text of item 1 (Smith Park), “- The council's "
        "report on Smith Park…” would be read as a bulleted list."
    )
    numbered = {"i1": "158"}
    with pytest.raises(ReplaceRefusedError, match=r"item 158 \(Smith Park\)"):
        replace_all(meeting, Query("The council's"), "## The council's", numbers=numbered)


def test_emptying_a_paragraph_is_allowed() -> None:
    meeting = desk_meeting()
    text = "The council's report on Smith Park was noted."
    after, count = replace_all(meeting, Query(text), "")
    assert count == 1
    assert after.items[0].blocks[0].text == ""  # type: ignore[union-attr]


def test_nothing_found() -> None:
    meeting = desk_meeting()
    assert find(meeting, Query("")) == []
    result = replace_everywhere(meeting, Query("zebra"), "x")
    assert result.meeting is meeting and result.count == 0
    assert count_message(meeting, 0, ()) == "Nothing was replaced: no occurrences found"


def test_count_message_names_one_occurrence_and_the_meeting() -> None:
    meeting = desk_meeting()
    result = replace_everywhere(meeting, Query("Town Hall"), "Guildhall")
    assert count_message(meeting, result.count, result.parts) == (
        "Replaced 1 occurrence in the meeting"
    )
