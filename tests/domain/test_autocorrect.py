"""Typing corrected as Word corrects it, by the house style's choices."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.autocorrect import EN_DASH, correct
from clerk_app.domain.house_style import TypingRules

ON = TypingRules()
OFF = TypingRules(en_dash=False, quotes="", double_space=False)


def corrected(before: str, rules: TypingRules = ON) -> str:
    found = correct(before, rules)
    if found is None:
        return before
    return before[: found.start] + found.text + before[found.end :]


@pytest.mark.parametrize(
    ("typed", "result"),
    [
        ("cost - ", f"cost {EN_DASH} "),
        ("2024 - ", f"2024 {EN_DASH} "),
        ("- ", "- "),  # a bullet at the line's start
        ("    - ", "    - "),  # a nested bullet
        ("well-", "well-"),
        ("a  ", "a "),
        ("  ", "  "),  # indentation is nesting
        ("\t  ", "\t  "),
        ("the council'", "the council\u2019"),
        ("'", "\u2018"),
        ('"', "\u201c"),
        ('said "', "said \u201c"),
        ('it"', "it\u201d"),
        ('("', "(\u201c"),
        ("[attachment: a - ", "[attachment: a - "),
    ],
)
def test_corrections(typed: str, result: str) -> None:
    assert corrected(typed) == result


def test_a_style_with_the_choices_off_keeps_what_is_typed() -> None:
    for typed in ("cost - ", "a  ", "council'", '"'):
        assert correct(typed, OFF) is None


def test_a_style_of_its_own_quotes() -> None:
    german = TypingRules(quotes="\u201a\u2018\u201e\u201c")
    assert corrected('sagte "', german) == "sagte \u201e"
    assert corrected("Rat'", german) == "Rat\u2018"


@given(st.text(alphabet="ab -'\"\t(", max_size=12))
def test_a_correction_changes_only_the_end_and_never_grows_the_text(before: str) -> None:
    found = correct(before, ON)
    if found is not None:
        assert found.end <= len(before)
        assert found.start >= len(before) - 2
        after = corrected(before)
        assert len(after) <= len(before)
        assert after[: found.start] == before[: found.start]
