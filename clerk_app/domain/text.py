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


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _allowed(char: str) -> bool:
    if char in _KEEP:
        return True
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:  # lone surrogate: not a character at all
        return False
    if _is_noncharacter(code):
        return False
    return unicodedata.category(char) != "Cc"


def clean_text(value: str) -> str:
    """Newlines normalised, control characters and non-characters removed, NFC, trimmed."""
    text = _LINE_BREAKS.sub("\n", value)
    text = "".join(ch for ch in text if _allowed(ch))
    text = unicodedata.normalize("NFC", text)
    # Trailing spaces at line ends are invisible and only cause noisy diffs.
    text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text.strip()


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
