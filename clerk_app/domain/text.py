"""Cleaning of every piece of text that enters the meeting model.

Clerks paste from Word, e-mail and PDFs; what arrives can hold CRLF line ends, vertical tabs
(Word's manual line break), form feeds, stray control characters, lone surrogates from broken
encoders and decomposed accents. None of that may reach a saved file or a Word document (XML 1.0
rejects most control characters), so the model cleans text on the way in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated

from pydantic import BeforeValidator

# Characters that mean "a new line" in the sources clerks paste from.
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_KEEP = frozenset("\n\t")


def _removed_characters() -> re.Pattern[str]:
    """One character class for everything cleaning removes: control characters (Cc) other than
    tab and newline, lone surrogates, and Unicode's non-characters (U+FDD0..U+FDEF and the last
    two code points of every plane)."""
    ranges = ["\x00-\x08", "\x0b-\x1f", "\x7f-\x9f", "\ud800-\udfff", "\ufdd0-\ufdef"]
    ranges += [
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    ]
    return re.compile("[" + "".join(ranges) + "]")


_REMOVED = _removed_characters()
_TRAILING_SPACES = re.compile(r" +(?=\n)")
_NEEDS_CLEANING = re.compile(f"{_LINE_BREAKS.pattern}|{_REMOVED.pattern}| \n")
"""Anything the cleaning would change, but for NFC and the ends (checked apart): one search
instead of three substitutions, for the common case of text that is already clean (a meeting
file being opened holds thousands of pieces of text)."""


def clean_text(value: str) -> str:
    """Newlines normalised, control characters and non-characters removed, NFC, trimmed."""
    if (
        not _NEEDS_CLEANING.search(value)
        and value == value.strip()
        and (value.isascii() or unicodedata.is_normalized("NFC", value))
    ):
        return value
    text = _REMOVED.sub("", _LINE_BREAKS.sub("\n", value))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Trailing spaces at line ends are invisible and only cause noisy diffs.
    return _TRAILING_SPACES.sub("", text).strip()


def clean_line(value: str) -> str:
    """As clean_text, for fields that are one line (names, titles): newlines become spaces."""
    return " ".join(part for part in clean_text(value).split("\n") if part).strip()


def _cleaned_with(clean: Callable[[str], str]) -> Callable[[object], object]:
    # Cleaning runs before pydantic's own check so that lone surrogates never reach pydantic-core;
    # anything that is not a string is left for pydantic to reject, naming the field.
    def validator(value: object) -> object:
        return clean(value) if isinstance(value, str) else value

    return validator


Text = Annotated[str, BeforeValidator(_cleaned_with(clean_text))]
"""Multi-line text: a paragraph, an interest in the member's own words."""

Line = Annotated[str, BeforeValidator(_cleaned_with(clean_line))]
"""Single-line text: a name, a title, a capacity."""
