"""Typing corrected as Word corrects it, by the house style's choices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app import locations
from clerk_app.domain.autocorrect import EN_DASH, correct
from clerk_app.domain.house_style import TypingRules
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import available_styles, load_style_folder

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


def test_smart_quotes_off_keeps_straight_quotes_and_the_other_choices() -> None:
    straight = TypingRules(smart_quotes=False)
    assert straight.curly_quotes == ""
    assert correct("the council'", straight) is None
    assert correct('"', straight) is None
    assert corrected("cost - ", straight) == f"cost {EN_DASH} "


@pytest.mark.parametrize(
    "quotes", ["\u201c\u201d", "abcd", "'\u2019\u201c\u201d", "\u2018 \u201c\u201d"]
)
def test_quotes_that_are_not_four_quotation_marks_are_refused_in_words(quotes: str) -> None:
    with pytest.raises(ValueError, match="must be four quotation marks") as caught:
        TypingRules(quotes=quotes)
    assert "pattern" not in str(caught.value)


def _style_folder(tmp_path: Path, typing_table: str) -> Path:
    folder = tmp_path / "ours"
    shutil.copytree(locations.templates_dir() / "parish", folder)
    toml = folder / "style.toml"
    text = toml.read_text(encoding="utf-8")
    text = text[: text.index("[typing]")] + typing_table
    toml.write_text(text, encoding="utf-8")
    return folder


def test_a_style_states_its_typing_choices_in_its_typing_table(tmp_path: Path) -> None:
    folder = _style_folder(
        tmp_path, '[typing]\nen_dash = false\nquotes = "\u201a\u2018\u201e\u201c"\n'
    )
    rules = load_style_folder(folder).style.typing
    assert rules == TypingRules(en_dash=False, quotes="\u201a\u2018\u201e\u201c")
    assert rules.double_space and rules.smart_quotes  # what it does not say keeps the default


def test_a_bad_typing_table_is_said_in_the_clerks_words(tmp_path: Path) -> None:
    folder = _style_folder(tmp_path, '[typing]\nquotes = "<<>>x"\n')
    with pytest.raises(StyleError) as caught:
        load_style_folder(folder)
    message = str(caught.value)
    assert "typing.quotes" in message
    assert "must be four quotation marks" in message


def test_every_shipped_style_states_the_choices_and_old_styles_keep_the_defaults() -> None:
    styles = available_styles()
    for name, folder in styles.items():
        toml = (folder.path / "style.toml").read_text(encoding="utf-8")
        assert "[typing]" in toml, name
    for name in ("district", "parish", "uscity"):
        assert styles[name].style.typing == TypingRules(), name
    # Leicester's reference minutes write straight quotes and spaced hyphens
    assert styles["leicester"].style.typing.curly_quotes == ""
    assert not styles["leicester"].style.typing.en_dash
    for old in (Path(__file__).parent.parent / "render" / "old_styles").iterdir():
        if old.is_dir():
            assert load_style_folder(old).style.typing == TypingRules()
