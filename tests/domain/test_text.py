import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from clerk_app.domain.model import Item, Paragraph, Person
from clerk_app.domain.text import clean_line, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\vtwo", "one\ntwo"),  # Word's manual line break
        ("one\ftwo", "one\ntwo"),
        ("one\u2028two", "one\ntwo"),
        ("bell\x07 and nul\x00 gone", "bell and nul gone"),
        ("escape\x1b[31m", "escape[31m"),
        ("c1\x85next", "c1\nnext"),
        ("c1\x9fgone", "c1gone"),
        ("tab\tkept", "tab\tkept"),
        ("non\ufdd0char\uffff", "nonchar"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("Cafe\u0301", "Café"),  # NFC
        ("  trimmed  \n", "trimmed"),
        ("line end spaces   \nnext", "line end spaces\nnext"),
        ("emoji 👍🏽 and zwj 👩‍👩‍👧 stay", "emoji 👍🏽 and zwj 👩‍👩‍👧 stay"),
        ("& < > {{ }} {% %}", "& < > {{ }} {% %}"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_line_joins_lines() -> None:
    assert clean_line("Councillor\r\nBatool\v") == "Councillor Batool"


def test_model_fields_are_cleaned_on_the_way_in() -> None:
    item = Item(title="Petitions\r\n\x07", blocks=(Paragraph(text="a\vb\ud800"),))
    assert item.title == "Petitions"
    assert item.blocks[0].text == "a\nb"  # type: ignore[union-attr]
    assert Person(name="Zoe\u0301").name == unicodedata.normalize("NFC", "Zoé")


def test_a_non_string_is_rejected_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        Item(title=3)  # type: ignore[arg-type]
    assert info.value.errors()[0]["loc"] == ("title",)


_FORBIDDEN = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f", "\ufffe", "\uffff"}


@given(st.text())
def test_cleaned_text_holds_no_forbidden_characters(raw: str) -> None:
    cleaned = clean_text(raw)
    assert not (set(cleaned) & _FORBIDDEN)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(cleaned) == cleaned  # idempotent: saving twice changes nothing


@given(st.text())
def test_clean_line_is_one_line(raw: str) -> None:
    assert "\n" not in clean_line(raw)
