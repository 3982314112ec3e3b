"""The markup's line grammar: one reading of a line for the parser and the editor alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from clerk_app.domain.markup import (
    MAX_NUMBER,
    LineKind,
    carry_over,
    end_entry,
    format_body,
    line_kinds,
    next_entry,
    parse_body,
    people_names,
    read_in_list,
    read_line,
    renumbered,
    shifted,
    unmarked,
)
from clerk_app.domain.model import (
    AttachmentRef,
    Attendance,
    Block,
    BulletList,
    Heading,
    Instrument,
    LeadIn,
    LeadWord,
    ListEntry,
    ListNumbering,
    Meeting,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    NumberedList,
    Paragraph,
    Person,
    PublicQuestions,
    Reading,
    Resolution,
    Table,
    VoteChoice,
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
        Table: "table",
        NoticeOfMotion: "notice",
        Heading: "heading",
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
        "[table:",
        "[notice of motion:",
        "[resolution",
        "##",
        "#",
        "(",
        "a",
        "A",
        "i",
        "I",
        "iv",
        "XII",
        "v",
        "z",
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


def test_enter_after_the_highest_number_is_a_plain_new_line() -> None:
    # "100001." would be text, not an entry: the list cannot count on
    assert next_entry("100000. -", 8) is None
    assert next_entry("99999. x", 8) is not None


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


# --- format 2: headings, lettered and roman lists, tables, notices, a resolution without a word


def test_a_heading_line_is_a_heading_and_is_written_back() -> None:
    text = "## Budget monitoring\n\nThe report was presented."
    blocks = parse_body(text)
    assert blocks == (
        Heading(text="Budget monitoring"),
        Paragraph(text="The report was presented."),
    )
    assert format_body(blocks) == text
    assert read_line("## Budget").kind == "heading"
    assert read_line("### Budget").kind == "plain"
    assert read_line("##Budget").kind == "plain"


@pytest.mark.parametrize(
    ("text", "numbering", "start", "written"),
    [
        ("a) one\nb) two", ListNumbering.LOWER_ALPHA, 1, "a) one\nb) two"),
        ("a. one\nb. two", ListNumbering.LOWER_ALPHA, 1, "a) one\nb) two"),
        ("(c) one\n(d) two", ListNumbering.LOWER_ALPHA, 3, "c) one\nd) two"),
        ("A) one\nB) two", ListNumbering.UPPER_ALPHA, 1, "A) one\nB) two"),
        ("(A) one\n(B) two", ListNumbering.UPPER_ALPHA, 1, "A) one\nB) two"),
        ("i) one\nii) two", ListNumbering.LOWER_ROMAN, 1, "(i) one\n(ii) two"),
        ("(iv) one\n(v) two", ListNumbering.LOWER_ROMAN, 4, "(iv) one\n(v) two"),
        ("IV. one\n(V) two", ListNumbering.UPPER_ROMAN, 4, "(IV) one\n(V) two"),
        ("h) one\ni) two\nj) three", ListNumbering.LOWER_ALPHA, 8, "h) one\ni) two\nj) three"),
        ("i) one\nj) two", ListNumbering.LOWER_ALPHA, 9, "i) one\nj) two"),
        ("v) one\nvi) two", ListNumbering.LOWER_ROMAN, 5, "(v) one\n(vi) two"),
        ("v) one\nw) two", ListNumbering.LOWER_ALPHA, 22, "v) one\nw) two"),
        ("(ix) one\n(x) two", ListNumbering.LOWER_ROMAN, 9, "(ix) one\n(x) two"),
        ("i) alone", ListNumbering.LOWER_ROMAN, 1, "(i) alone"),
        ("x) alone", ListNumbering.LOWER_ALPHA, 24, "x) alone"),
    ],
)
def test_lists_count_in_letters_and_roman_numerals(
    text: str, numbering: ListNumbering, start: int, written: str
) -> None:
    (block,) = parse_body(text)
    assert isinstance(block, NumberedList)
    assert (block.numbering, block.start) == (numbering, start)
    assert format_body((block,)) == written
    assert parse_body(written) == (block,)


@pytest.mark.parametrize(
    "line",
    [
        "A. Smith said so.",
        "I. Patel asked",
        "I think so.",
        "Dr. Patel",
        "mix. well",
        "ab) x",
        "a)b",
    ],
)
def test_words_and_initials_are_not_markers(line: str) -> None:
    assert read_line(line).kind == "plain"
    assert parse_body(line) == (Paragraph(text=line),)


def test_a_list_counting_otherwise_starts_a_new_list() -> None:
    blocks = parse_body("1. one\na) two\nb) three")
    assert [(b.numbering, len(b.entries)) for b in blocks if isinstance(b, NumberedList)] == [
        (ListNumbering.DECIMAL, 1),
        (ListNumbering.LOWER_ALPHA, 2),
    ]


def test_a_lettered_list_past_z_is_written_in_figures() -> None:
    block = NumberedList(
        start=26,
        numbering=ListNumbering.LOWER_ALPHA,
        entries=(ListEntry(text="y"), ListEntry(text="z")),
    )
    assert format_body((block,)) == "26. y\n27. z"


def test_editing_keys_count_in_letters_and_numerals() -> None:
    assert renumbered(["a) x", "c) y", "b) z"], 1) == {1: "b) y", 2: "c) z"}
    assert renumbered(["(i) x", "(iii) y"], 1) == {1: "(ii) y"}
    assert renumbered(["h) x", "i) y", "k) z"], 1) == {2: "j) z"}
    lines = ["h) x", "i) y"]
    assert read_in_list(lines, 1).numbering is ListNumbering.LOWER_ALPHA
    split = next_entry("i) y", 4, lines=lines, index=1)
    assert split is not None and split.new == "j) "
    split = next_entry("i) y", 4)  # on its own, i is the first numeral
    assert split is not None and split.new == "ii) "
    split = next_entry("IV. four", 8)  # "V." would be an initial
    assert split is not None and split.new == "V) "
    split = next_entry("(iv) four", 9)
    assert split is not None and split.new == "(v) "
    assert shifted(["a) x", "b) y", "c) z"], 1, 1, +1) == {1: "    a) y", 2: "b) z"}
    assert end_entry(["a) x", "    (i) "], 1) == {1: "b) "}
    assert end_entry(["h) x", "i) y", "    - "], 2) == {2: "j) "}
    assert unmarked("(iv) x", 5) == ("x", 0)
    # After z a lettered list cannot count on: Enter is a plain new line, renumbering stops.
    assert next_entry("z) last", 7) is None
    assert renumbered(["y) a", "a) b", "b) c"], 1, word="RESOLVED") == {1: "z) b"}


def test_tables_and_notices_of_motion_are_placeholders_that_keep_their_data() -> None:
    table = Table(caption="Grants", header=("Group", "Amount"), rows=(("Scouts", "£200"),))
    notice = NoticeOfMotion(mover_id="m1", motion="That the council...", reply="Agreed.")
    old = (Paragraph(text="Intro"), table, notice)
    people = {"m1": "Councillor Moore", "m2": "Councillor Patel"}
    text = format_body(old, people=people)
    assert text == "Intro\n\n[table: Grants]\n\n[notice of motion: Councillor Moore]"
    assert parse_body(text, previous=old, people=people) == old
    assert carry_over(parse_body(text), old) == old  # the form's text, read without people
    # Edits round them keep them; the caption and the mover follow the text.
    edited = text.replace("Intro", "Introduction").replace("Grants", "Grants awarded")
    edited = edited.replace("Moore", "patel")
    new = carry_over(parse_body(edited, people=people), old)
    assert new[1] == table.model_copy(update={"caption": "Grants awarded"})
    assert new[2] == notice.model_copy(update={"mover_id": "m2"})
    # A new placeholder is a new, empty one.
    added = carry_over(parse_body(text + "\n\n[table: Payments]"), old)
    assert added[:3] == old and added[3] == Table(caption="Payments")
    # One taken out and typed back loses nothing.
    memory: dict[object, Block] = {}
    without = carry_over(parse_body("Intro\n\n[notice of motion: ]"), old, memory)
    assert without == (Paragraph(text="Intro"), notice)
    back = carry_over(parse_body(text), without, memory)
    assert back == old


def test_people_names_are_the_attendance_as_the_minutes_name_them() -> None:
    import datetime as dt

    meeting = Meeting(
        date=dt.date(2025, 6, 18),
        attendance=(Attendance(id="m1", person=Person(title="Councillor", name="Moore")),),
    )
    assert people_names(meeting) == {"m1": "Councillor Moore"}


def test_a_resolution_without_a_word_keeps_its_place() -> None:
    block = Resolution(lead=LeadWord.NONE, resolutions=(ListEntry(text="That it be noted."),))
    text = format_body((block,))
    assert text == "[resolution]\n\n1. That it be noted."
    assert parse_body(text) == (block,)
    assert read_line("[Resolution]").kind == "resolution"
    # Typing a word gives it the word; taking the word away gives [resolution] back.
    worded = carry_over(parse_body(text.replace("[resolution]", "DECIDED:")), (block,))
    assert worded[0] == Resolution(lead_word="DECIDED", resolutions=block.resolutions)
    assert carry_over(parse_body(text), worded) == (
        block.model_copy(update={"lead_word": "DECIDED"}),
    )


def test_an_edit_keeps_every_format_2_part_of_a_resolution() -> None:
    full = Resolution(
        id="r1",
        lead=LeadWord.GIVEN,
        lead_word="DECIDED",
        number="CAB/2025/14",
        kind=MotionKind.AMENDMENT,
        relates_to="r0",
        motion="To add the words...",
        debate="Members debated the amendment.",
        unanimous=False,
        recorded_vote=True,
        requested_by_id="a1",
        instrument=Instrument.BYLAW,
        readings=(Reading.FIRST, Reading.SECOND),
        named_votes=(NamedVote(attendee_id="a1", choice=VoteChoice.RECUSED, note="interest"),),
        resolutions=(ListEntry(text="That the amendment be carried."),),
    )
    text = format_body((full,), "AGREED")
    assert text.startswith("DECIDED:")
    assert parse_body(text, "AGREED", previous=(full,)) == (full,)
    edited = text.replace("carried", "agreed")
    (kept,) = carry_over(parse_body(edited, "AGREED"), (full,))
    assert kept == full.model_copy(
        update={"resolutions": (ListEntry(text="That the amendment be agreed."),)}
    )
    # Only the id given, as a related motion's form gives it, is something to keep too.
    bare = Resolution(id="r9", resolutions=(ListEntry(text="x"),))
    memory: dict[object, Block] = {}
    assert carry_over((), (bare,), memory) == ()
    assert carry_over(parse_body(format_body((bare,))), (), memory) == (bare,)


# --- carry-over: nested blocks, blocks alike, people alike ------------------------------------

GRANTS = Table(caption="Grants", header=("Group", "Amount"), rows=(("Scouts", "£500"),))
VOTED = Resolution(
    resolutions=(ListEntry(text="That the grants be approved"),),
    votes_for=7,
    votes_against=1,
    number="CAB/25/14",
)
MOVED = NoticeOfMotion(mover_id="m1", motion="That the council...", reply="Agreed.")
ASKED = PublicQuestions(questioner="Jo Public", questions=(ListEntry(text="Why?"),))
MOORE = {"m1": "Councillor Moore"}


def _indented(text: str, first: int) -> str:
    """Tab on every line from line `first` on (as `shifted` indents a line)."""
    return "\n".join(
        "    " + line if n >= first and line.strip() else line
        for n, line in enumerate(text.split("\n"))
    )


def test_blocks_inside_a_list_entry_keep_their_data_through_an_edit() -> None:
    old = (BulletList(entries=(ListEntry(text="one", blocks=(GRANTS, MOVED, VOTED, ASKED)),)),)
    text = format_body(old, people=MOORE)
    assert text.startswith("- one\n\n    [table: Grants]")
    edited = text.replace("one", "one edited", 1)
    expected = (
        BulletList(entries=(ListEntry(text="one edited", blocks=(GRANTS, MOVED, VOTED, ASKED)),)),
    )
    assert carry_over(parse_body(edited, people=MOORE), old, {}) == expected
    assert parse_body(edited, previous=old, people=MOORE) == expected
    # A table nested in a resolution's entry keeps its rows too.
    inside = (Resolution(resolutions=(ListEntry(text="That", blocks=(GRANTS,)),), votes_for=2),)
    assert carry_over(parse_body(format_body(inside)), inside, {}) == inside


def test_a_block_moved_a_level_in_or_out_keeps_its_data() -> None:
    top = (BulletList(entries=(ListEntry(text="Grants were considered"),)), GRANTS, VOTED)
    text = format_body(top)
    tabbed = _indented(text, 2)  # Tab on the table's line and the resolution's
    fresh = parse_body(tabbed)
    (in_list,) = fresh
    assert isinstance(in_list, BulletList) and len(in_list.entries[0].blocks) == 2
    memory: dict[object, Block] = {}
    nested = carry_over(fresh, top, memory)
    assert nested == (
        BulletList(entries=(ListEntry(text="Grants were considered", blocks=(GRANTS, VOTED)),)),
    )
    # Shift+Tab takes them out again: still theirs, and nothing was put aside meanwhile.
    assert memory == {}
    assert carry_over(parse_body(text), nested, memory) == top


def test_a_second_table_with_the_same_caption_does_not_take_the_first_one_s_rows() -> None:
    rows = Table(rows=(("Scouts", "£500"), ("Choir", "£250")))
    old = (Paragraph(text="Payments were approved."), rows)
    text = format_body(old)
    above = carry_over(parse_body("[table: ]\n\n" + text), old, {})
    assert above == (Table(), *old)
    below = carry_over(parse_body(text + "\n\n[table: ]"), old, {})
    assert below == (*old, Table())
    # Two alike with a paragraph between them: deleting the first leaves the second its rows.
    two = (Table(), Paragraph(text="Payments were approved."), rows)
    memory: dict[object, Block] = {}
    assert carry_over(parse_body(text), two, memory) == old
    other = (Table(rows=(("Band", "£100"),)), Paragraph(text="Payments were approved."), rows)
    assert carry_over(parse_body(text), other, {}) == old
    assert carry_over(parse_body("[table: ]\n\n" + text), old, {})[2] == rows


def test_a_second_notice_by_the_same_mover_typed_above_is_a_new_one() -> None:
    old = (Paragraph(text="Notices were received."), MOVED)
    text = format_body(old, people=MOORE)
    typed = "[notice of motion: Councillor Moore]\n\n" + text
    after = carry_over(parse_body(typed, people=MOORE), old, {})
    assert after == (NoticeOfMotion(mover_id="m1"), *old)


def test_a_notice_keeps_its_mover_when_another_has_the_same_name() -> None:
    import datetime as dt

    meeting = Meeting(
        date=dt.date(2025, 6, 1),
        attendance=(
            Attendance(id="js1", person=Person(title="Councillor", name="Smith")),
            Attendance(id="js2", person=Person(title="Councillor", name="Smith")),
            Attendance(id="m1", person=Person(title="Councillor", name="Moore")),
        ),
    )
    people = people_names(meeting)
    for mover in ("js1", "js2"):
        old = (Paragraph(text="Intro"), MOVED.model_copy(update={"mover_id": mover}))
        edited = format_body(old, people=people).replace("Intro", "Intro edited")
        fresh = parse_body(edited, people=people)
        assert carry_over(fresh, old, {}, people)[1] == old[1]
        assert parse_body(edited, previous=old, people=people)[1] == old[1]
        # Naming someone else still moves it to them.
        moore = carry_over(parse_body(edited.replace("Smith", "Moore"), people=people), old)
        assert moore[1] == old[1].model_copy(update={"mover_id": "m1"})
    # A new notice naming one of the two is the first of them, as the attendance lists them.
    assert parse_body("[notice of motion: councillor smith]", people=people) == (
        NoticeOfMotion(mover_id="js1"),
    )


@pytest.mark.parametrize("word", ["NOTED", "Noted", "IT WAS RESOLVED", "DETERMINED"])
def test_a_resolution_s_own_word_the_style_does_not_know_reads_back(word: str) -> None:
    given_word = Resolution(
        lead=LeadWord.GIVEN,
        lead_word=word,
        resolutions=(ListEntry(text="That the report be noted."),),
        proposer_id="m1",
        votes_for=7,
        number="CAB/2025/14",
    )
    old = (Paragraph(text="The report was considered."), given_word)
    text = format_body(old, "AGREED")
    assert f"[resolution: {word}]" in text
    assert read_line(f"[resolution: {word}]").kind == "resolution"
    assert parse_body(text, "AGREED") == (old[0], _visible_resolution(given_word))
    edited = text.replace("considered", "considered in detail")
    after = carry_over(parse_body(edited, "AGREED"), old, {})
    assert after == (Paragraph(text="The report was considered in detail."), given_word)
    # A word the style knows is written as typed.
    known = given_word.model_copy(update={"lead_word": "DECIDED"})
    assert format_body((known,), "AGREED").startswith("DECIDED:\n")
    # With no word inside, it is a resolution without a word.
    assert parse_body("[resolution: ]\n\n1. x") == parse_body("[resolution]\n\n1. x")


def _visible_resolution(block: Resolution) -> Resolution:
    return Resolution(lead_word=block.lead_word, resolutions=block.resolutions)


def test_a_list_in_figures_after_a_resolution_stays_a_list_of_its_own() -> None:
    typed = (
        "RESOLVED:\n\na) That the report be noted.\nb) That it be approved.\n\n3. Members asked."
    )
    blocks = parse_body(typed)
    resolution, after = blocks
    assert isinstance(resolution, Resolution) and isinstance(after, NumberedList)
    assert len(resolution.resolutions) == 2 and after.start == 3
    text = format_body(blocks)
    assert text.startswith("RESOLVED:\n\na) That the report be noted.\nb) That it be approved.")
    assert parse_body(text, previous=blocks) == blocks
    # Written in figures when nothing could join it; a list from 1 starts anew.
    alone = (resolution, NumberedList(entries=(ListEntry(text="Members asked."),)))
    assert format_body(alone).startswith("RESOLVED:\n\n1. That")
    assert parse_body(format_body(alone)) == alone
    nested = (BulletList(entries=(ListEntry(text="x", blocks=blocks),)),)
    assert parse_body(format_body(nested)) == nested
