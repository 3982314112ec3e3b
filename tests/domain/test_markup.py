"""The markup's line grammar: one reading of a line for the parser and the editor alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from clerk_app.domain.markup import (
    MAX_NUMBER,
    LineKind,
    end_entry,
    format_body,
    line_kinds,
    next_entry,
    parse_body,
    read_line,
    renumbered,
    shifted,
    unmarked,
)
from clerk_app.domain.model import (
    AttachmentRef,
    Block,
    BulletList,
    LeadIn,
    ListEntry,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
)


def _kind_of_blocks(blocks: tuple[Block, ...]) -> LineKind:
    """What the parser made of a text of one line, as a line kind."""
    if not blocks:
        return "blank"
    (block,) = blocks
    kinds: dict[type[Block], LineKind] = {
        BulletList: "bullet",
        NumberedList: "number",
        AttachmentRef: "attachment",
        PublicQuestions: "questions",
        Resolution: "resolution",
        Paragraph: "plain",
        LeadIn: "plain",
    }
    return kinds[type(block)]


def test_the_highest_numbered_line_is_the_highest_start_a_list_can_have() -> None:
    # Before, the parser read "100000. x" as a paragraph (five digits at most) while the editor
    # took any six digits ("999999. x") for a list line.
    NumberedList(start=MAX_NUMBER)
    with pytest.raises(ValidationError):
        NumberedList(start=MAX_NUMBER + 1)
    assert parse_body("100000. x") == (NumberedList(start=100_000, entries=(ListEntry(text="x"),)),)
    assert read_line("100000. x").kind == "number"
    assert parse_body("100001. x") == (Paragraph(text="100001. x"),)
    assert read_line("100001. x").kind == "plain"
    assert read_line("999999. x").kind == "plain"


def test_a_style_s_own_resolution_word_is_a_resolution_line() -> None:
    assert read_line("DETERMINED:", "DETERMINED").kind == "resolution"
    assert read_line("DETERMINED:").kind == "plain"  # in a style that does not use it
    assert read_line("AGREED:", "DETERMINED").kind == "resolution"


def test_a_style_word_not_in_capitals_is_read_back() -> None:
    # Before, only the word in capitals was a resolution line: "Determined:" came back a lead-in.
    blocks = (Resolution(resolutions=(ListEntry(text="That it be noted."),)),)
    text = format_body(blocks, "Determined")
    assert text.startswith("Determined:")
    assert parse_body(text, "Determined") == blocks


def test_white_space_after_a_marker_and_before_it_is_any_white_space() -> None:
    line = read_line("\u00a0-\u00a0one")
    assert (line.kind, line.indent, line.text, line.marker_end) == ("bullet", 1, "one", 3)
    line = read_line("\t01)  two")
    assert (line.kind, line.indent, line.number, line.delimiter) == ("number", 4, 1, ")")
    assert (line.marker_start, line.marker_width, line.marker_end) == (1, 3, 6)


def test_renumbering_keeps_a_marker_typed_with_a_leading_zero_whole() -> None:
    # Before, "01." was taken to be two characters long: renumbering wrote "2.. b".
    assert renumbered(["1. a", "01. b"], 1) == {1: "2. b"}


def test_renumbering_stops_at_the_style_s_resolution_word() -> None:
    # Before, the editor read "DETERMINED:" as text continuing entry 1, and renumbered the
    # resolution's first entry as entry 2 of the list above it.
    lines = ["1. a", "DETERMINED:", "3. b"]
    assert renumbered(lines, 2, word="DETERMINED") == {}
    assert renumbered(lines, 2) == {2: "2. b"}  # where DETERMINED is only text


def test_enter_backspace_and_tab_on_lines() -> None:
    split = next_entry("3. one two", 6)
    assert split is not None
    assert (split.kept, split.new, split.numbered) == ("3. one", "4. two", True)
    assert next_entry("plain", 2) is None
    assert next_entry("- ", 2) is None  # an empty entry: `end_entry` says what happens
    assert end_entry(["1. a", "    - "], 1) == {1: "2. "}
    assert end_entry(["- "], 0) is None
    assert unmarked("- x", 2) == ("x", 0)
    assert unmarked("-", 1) is None
    assert shifted(["1. a", "2. b", "3. c"], 1, 1, +1) == {1: "    1. b", 2: "2. c"}


# --- the editor reads every line as the parser does ---------------------------------------------

_pieces = st.sampled_from(
    [
        "",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "-",
        "*",
        "•",
        "1",
        "0",
        "12",
        "100000",
        "100001",
        "999999",
        "1234567",
        ".",
        ")",
        ":",
        " :",
        "AGREED",
        "RESOLVED",
        "DETERMINED",
        "Determined",
        "[attachment:",
        "[public questions:",
        "]",
        "x",
        "Key points",
        "٣",
    ]
)
_line = st.lists(_pieces, max_size=6).map("".join)
_word = st.sampled_from(["RESOLVED", "AGREED", "DETERMINED", "Determined"])


@settings(max_examples=400)
@given(_line, _word)
def test_what_a_line_is_is_what_the_parser_makes_of_it(line: str, word: str) -> None:
    """The grammar's reading of a line, which the editor's highlighting, Enter, Tab and
    renumbering use, is what the parser makes of that line on its own."""
    assert read_line(line, word).kind == _kind_of_blocks(parse_body(line, word))
    assert line_kinds(line, word) == [read_line(line, word).kind]


@settings(max_examples=200)
@given(_line, st.integers(0, 12))
def test_enter_on_an_entry_makes_another_entry_of_the_same_list(line: str, column: int) -> None:
    split = next_entry(line, column)
    if split is None:
        return
    first, second = read_line(split.kept), read_line(split.new)
    assert first.is_entry and first.kind == second.kind and first.indent == second.indent
    if first.number is not None and first.number < MAX_NUMBER:
        (block,) = parse_body(f"{split.kept}\n{split.new}")
        assert isinstance(block, BulletList | NumberedList)
        assert len(block.entries) == 2
