"""Which words of prose and of the minute-text markup a speller checks, and where they are."""

from __future__ import annotations

import pytest

from clerk_app.domain.markup import grammar
from clerk_app.domain.spelling import Word, markup_words, names_words, words


def texts(text: str) -> list[str]:
    return [w.text for w in words(text)]


def test_words_have_their_places() -> None:
    text = "The well-being of pupils, councillor’s view."
    found = words(text)
    assert [w.text for w in found] == [
        "The",
        "well",
        "being",
        "of",
        "pupils",
        "councillor’s",
        "view",
    ]
    assert all(text[w.start : w.end] == w.text for w in found)
    assert found[1] == Word(4, 8, "well") and found[2] == Word(9, 14, "being")
    assert words("  colour", offset=10) == [Word(12, 18, "colour")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("report CYP/25/07 was noted", ["report", "was", "noted"]),
        ("the 2025-26 budget at 5.30pm today", ["the", "budget", "at", "today"]),
        ("after Covid-19 and (item 4)", ["after", "and", "item"]),
        ("see https://www.leicester.gov.uk/council now", ["see", "now"]),
        ("see www.example.org and leicester.gov.uk", ["see", "and"]),
        ("mail jennifer.day@leicester.gov.uk today", ["mail", "today"]),
        ("open S:\\Committees\\minutes please", ["open", "please"]),
        ("the report.docx attached", ["the", "attached"]),
        (
            "SEND pupils and the CYPE’s plan and GPs and EHCPs",
            ["pupils", "and", "the", "plan", "and", "and"],
        ),
        ("AGREED: that it be noted", ["that", "it", "be", "noted"]),
        ("a I e.g. x", []),
        (
            "and/or ‘quoted’ and “double” and 'single'",
            ["and", "or", "quoted", "and", "double", "and", "single"],
        ),
        ("students' views; o'clock!", ["students", "views", "o'clock"]),
        ("McDonald and iPad", ["McDonald", "and", "iPad"]),
        ("", []),
    ],
)
def test_what_is_checked(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- the colour", [(2, "the"), (6, "colour")]),
        ("    * nested bullet", [(6, "nested"), (13, "bullet")]),
        ("1. first entry", [(3, "first"), (9, "entry")]),
        ("  12) twelfth", [(6, "twelfth")]),
        ("a) lettered", [(3, "lettered")]),
        ("(iv) roman", [(5, "roman")]),
        ("## A heading here", [(5, "heading"), (13, "here")]),
        ("Plain text: lead-in", [(0, "Plain"), (6, "text"), (12, "lead"), (17, "in")]),
        ("  indented continuation", [(2, "indented"), (11, "continuation")]),
        ("AGREED:", []),
        ("RESOLVED:", []),
        ("DETERMINED:", []),
        ("[resolution]", []),
        ("[resolution: NOTED]", []),
        ("[attachment: Appendx A]", []),
        ("[table: Budgett]", []),
        ("[public questions: Mr Smiht]", []),
        ("[notice of motion: Councilor Batool]", []),
        ("", []),
        ("   ", []),
    ],
)
def test_markup_lines(line: str, expected: list[tuple[int, str]]) -> None:
    found = markup_words(line, grammar("DETERMINED"))
    assert [(w.start, w.text) for w in found] == expected
    assert all(line[w.start : w.end] == w.text for w in found)


def test_a_markup_word_that_is_not_this_styles_is_prose() -> None:
    # "NOTED:" is no resolution word: the line is a lead-in, its capitals skipped as an acronym
    assert markup_words("NOTED: the colour", grammar()) == [
        Word(7, 10, "the"),
        Word(11, 17, "colour"),
    ]


def test_names_words() -> None:
    found = names_words(
        ["Councillor Batool", "Joycelin Eze-Okubuiro", "Singh Sangha", "J. Day", ""]
    )
    assert found == {
        "Councillor",
        "Batool",
        "Joycelin",
        "Eze-Okubuiro",
        "Eze",
        "Okubuiro",
        "Singh",
        "Sangha",
        "Day",
    }
    # what `words` checks of a hyphenated name is each part, all of them known
    assert {w.text for w in words("Councillor Eze-Okubuiro spoke")} - found == {"spoke"}
