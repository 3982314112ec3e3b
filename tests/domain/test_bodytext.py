import string
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.bodytext import format_body, parse_body
from clerk_app.domain.markup import carry_over
from clerk_app.domain.model import (
    AttachmentRef,
    Block,
    BulletList,
    Heading,
    LeadIn,
    LeadWord,
    Lines,
    ListEntry,
    ListNumbering,
    Meeting,
    NoticeOfMotion,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
    Table,
)

TYPED = """The Strategic Director presented the report. It was noted that:

- The work had originated from a government initiative.
- A previous review had not resulted in
  significant change.
    1. first nested
    2. second nested

18 June 2025
23 September 2025

[attachment: Benefits booklet]

AGREED:

1. That the report is noted.
2. That regular updates come to the commission."""


def test_parse_what_a_clerk_types() -> None:
    blocks = parse_body(TYPED, "AGREED")
    assert blocks == (
        LeadIn(text="The Strategic Director presented the report. It was noted that:"),
        BulletList(
            entries=(
                ListEntry(text="The work had originated from a government initiative."),
                ListEntry(
                    text="A previous review had not resulted in significant change.",
                    blocks=(
                        NumberedList(
                            entries=(
                                ListEntry(text="first nested"),
                                ListEntry(text="second nested"),
                            )
                        ),
                    ),
                ),
            )
        ),
        Lines(lines=("18 June 2025", "23 September 2025")),
        AttachmentRef(label="Benefits booklet"),
        Resolution(
            resolutions=(
                ListEntry(text="That the report is noted."),
                ListEntry(text="That regular updates come to the commission."),
            ),
        ),
    )


def test_unnumbered_resolution_and_other_lead_word() -> None:
    (resolution,) = parse_body("RESOLVED:\n\nThat the report be noted.", "AGREED")
    assert resolution == Resolution(
        lead_word="RESOLVED",
        numbered=False,
        resolutions=(ListEntry(text="That the report be noted."),),
    )


def test_numbering_from_one_again_starts_a_new_list() -> None:
    blocks = parse_body("1. a\n2. b\n1. c\n\n4. d")
    assert blocks == (
        NumberedList(entries=(ListEntry(text="a"), ListEntry(text="b"))),
        NumberedList(entries=(ListEntry(text="c"), ListEntry(text="d"))),
    )


def test_paragraph_inside_an_entry() -> None:
    text = "4. Not alone.\n\n    All staff were offered benefits:\n\n    [attachment: Booklet]\n\n5. Next"
    (numbered,) = parse_body(text)
    assert isinstance(numbered, NumberedList)
    assert numbered.start == 4
    assert numbered.entries[0].blocks == (
        LeadIn(text="All staff were offered benefits:"),
        AttachmentRef(label="Booklet"),
    )
    assert numbered.entries[1].text == "Next"


def test_carry_over_keeps_what_the_text_cannot_show() -> None:
    old = (
        Paragraph(text="Intro"),
        PublicQuestions(questioner="Dr Patel", questions=(ListEntry(text="Why?"),)),
        Resolution(resolutions=(ListEntry(text="old"),), proposer_id="p", votes_for=6),
    )
    text = format_body(old, "AGREED").replace("old", "That it be noted.")
    new = parse_body(text, "AGREED", previous=old)
    assert new[1] == old[1]
    assert new[2] == Resolution(
        resolutions=(ListEntry(text="That it be noted."),), proposer_id="p", votes_for=6
    )


def test_every_item_of_the_sample_survives_the_markup(sample: Meeting) -> None:
    for item in sample.items:
        text = format_body(item.blocks, "AGREED")
        assert parse_body(text, "AGREED", previous=item.blocks) == item.blocks, item.title


# Round trip over generated bodies: whatever the model holds (one-line texts, as typed), the
# markup gives back exactly.
_word = st.text(alphabet=string.ascii_letters + "'’,;é&<>", min_size=1, max_size=8)
_text = st.lists(_word, min_size=1, max_size=6).map(" ".join).filter(lambda t: not t.endswith(":"))


def _entries(
    children: st.SearchStrategy[tuple[Block, ...]],
) -> st.SearchStrategy[tuple[ListEntry, ...]]:
    return st.lists(st.builds(ListEntry, text=_text, blocks=children), min_size=1, max_size=3).map(
        tuple
    )


_leaf: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, text=_text),
    st.builds(LeadIn, text=_text.map(lambda t: t + ":")),
    st.builds(Lines, lines=st.lists(_text, min_size=2, max_size=3).map(tuple)),
    st.builds(AttachmentRef, label=_text),
    st.builds(Heading, text=_text),
    st.builds(Table, caption=_text),
    st.builds(NoticeOfMotion),
)
_nested_list: st.SearchStrategy[Block] = st.one_of(
    st.builds(BulletList, entries=_entries(st.just(()))),
    st.builds(NumberedList, entries=_entries(st.just(()))),
)
_children = (
    st.lists(st.one_of(_leaf, _nested_list), max_size=2)
    .map(tuple)
    .filter(
        # two lists of one kind in a row are one list in the markup
        lambda bs: (
            not any(
                type(a) is type(b) and isinstance(a, BulletList | NumberedList)
                for a, b in pairwise(bs)
            )
        )
    )
)
_block: st.SearchStrategy[Block] = st.one_of(
    _leaf,
    st.builds(BulletList, entries=_entries(_children)),
    st.builds(NumberedList, start=st.integers(1, 20), entries=_entries(_children)),
    # letters and numerals from where a first entry reads one way only (a to h, i to iv)
    st.builds(
        NumberedList,
        start=st.integers(1, 4),
        entries=_entries(_children),
        numbering=st.sampled_from(list(ListNumbering)),
    ),
    st.builds(
        Resolution,
        lead=st.sampled_from([LeadWord.STYLE, LeadWord.NONE]),
        # the style's word, another it knows, and words of a resolution's own it does not
        lead_word=st.sampled_from(["", "RESOLVED", "NOTED", "Noted", "IT WAS RESOLVED"]),
        numbered=st.booleans(),
        resolutions=_entries(st.just(())),
    ),
)


def _separable(blocks: list[Block]) -> bool:
    for a, b in pairwise(blocks):
        if type(a) is type(b) and isinstance(a, BulletList | NumberedList | Lines):
            return False  # adjacent lists of one kind read as one list
        if isinstance(a, Resolution) and isinstance(b, BulletList | Paragraph):
            return False  # what follows a resolution word is taken as its text
        if isinstance(a, Resolution) and not a.resolutions and isinstance(b, NumberedList):
            return False  # a numbered list after a bare word is its resolutions
    return True


@settings(max_examples=300)
@given(st.lists(_block, max_size=5).filter(_separable).map(tuple))
def test_markup_round_trip(blocks: tuple[Block, ...]) -> None:
    blocks = tuple(_no_word_wins(b) for b in blocks)
    text = format_body(blocks, "AGREED")
    assert parse_body(text, "AGREED") == blocks


def _no_word_wins(block: Block) -> Block:
    # a resolution with no word shows none, whatever word it kept
    if isinstance(block, Resolution) and block.lead is LeadWord.NONE:
        return block.model_copy(update={"lead_word": ""})
    return block


def test_a_house_styles_own_resolution_word_is_read_back() -> None:
    blocks = (Resolution(resolutions=(ListEntry(text="That the plan be adopted."),)),)
    text = format_body(blocks, "DETERMINED")
    assert text.startswith("DETERMINED:")
    assert parse_body(text, "DETERMINED") == blocks


def test_an_empty_entry_keeps_its_space_for_the_next_letter() -> None:
    blocks = (BulletList(entries=(ListEntry(text="one"), ListEntry(text=""))),)
    assert format_body(blocks) == "- one\n- "
    assert parse_body(format_body(blocks)) == blocks


def test_indenting_cannot_nest_lists_deeper_than_the_cap() -> None:
    """Tab after Tab in the minute text: the deepest list takes the further-indented entries."""
    from clerk_app.domain.bodytext import TYPED_LIST_DEPTH
    from clerk_app.domain.model import MAX_LIST_DEPTH, Item, list_depth

    assert TYPED_LIST_DEPTH < MAX_LIST_DEPTH  # room for one more level round what is typed
    text = "\n".join("    " * level + f"- level {level}" for level in range(40))
    blocks = parse_body(text)
    assert list_depth(blocks) == TYPED_LIST_DEPTH
    Item.model_validate({"blocks": [b.model_dump() for b in blocks]})
    words = " ".join(format_body(blocks).split())
    assert words == " ".join(f"- level {level}" for level in range(40))  # no text lost
    assert parse_body(format_body(blocks)) == blocks


def test_a_resolution_typed_at_the_deepest_level_is_a_lead_in() -> None:
    from clerk_app.domain.bodytext import TYPED_LIST_DEPTH
    from clerk_app.domain.model import list_depth

    deepest = "\n".join("    " * level + f"- level {level}" for level in range(TYPED_LIST_DEPTH))
    indent = "    " * TYPED_LIST_DEPTH
    text = f"{deepest}\n\n{indent}AGREED:\n\n{indent}1. That it be noted."
    blocks = parse_body(text)
    assert list_depth(blocks) == TYPED_LIST_DEPTH
    assert "AGREED:" in format_body(blocks) and "That it be noted." in format_body(blocks)


def test_numbered_entries_keep_numbering_below_the_cap() -> None:
    assert parse_body("1. a\n    - b\n2. c") == (
        NumberedList(
            entries=(
                ListEntry(text="a", blocks=(BulletList(entries=(ListEntry(text="b"),)),)),
                ListEntry(text="c"),
            )
        ),
    )


def _with_hidden_data(block: Block, n: int = 0) -> Block:
    """`block` with what the text cannot show added to it and every block nested in it."""
    if isinstance(block, BulletList | NumberedList):
        entries = tuple(
            entry.model_copy(
                update={
                    "blocks": tuple(_with_hidden_data(b, n + k) for k, b in enumerate(entry.blocks))
                }
            )
            for entry in block.entries
        )
        return block.model_copy(update={"entries": entries})
    if isinstance(block, Table):
        return block.model_copy(update={"rows": ((f"row {n}",),)})
    if isinstance(block, NoticeOfMotion):
        return block.model_copy(update={"reply": f"Reply {n}"})
    if isinstance(block, Resolution):
        return block.model_copy(update={"votes_for": n})
    return block


@settings(max_examples=200)
@given(st.lists(_block, max_size=5).filter(_separable).map(tuple))
def test_an_edit_elsewhere_keeps_what_the_text_cannot_show_at_every_level(
    blocks: tuple[Block, ...],
) -> None:
    blocks = tuple(_with_hidden_data(_no_word_wins(b), n) for n, b in enumerate(blocks))
    text = "Intro\n\n" + format_body(blocks, "AGREED")
    fresh = parse_body(text, "AGREED")
    expected = (Paragraph(text="Intro"), *blocks)
    assert carry_over(fresh, blocks, {}) == expected
    assert parse_body(text, "AGREED", previous=blocks) == expected
