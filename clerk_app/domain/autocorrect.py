"""Typing corrected as Word corrects it: an en dash, the style's quotes, one space.

`correct` looks at the text of the line before the cursor, just after a character was typed,
and says what to change (a range of that text and what it becomes), or None. It is pure and
cheap: the app asks it only after a space or a quote is typed. The choices are the house
style's (`TypingRules`); a correction is its own undo step in the app, so that Ctrl+Z straight
after it gives back what was typed, as in Word.

Never corrected: a line of the minute markup that is a placeholder (``[attachment: …]``), the
``- `` that starts a bullet (a dash needs a word before it), indentation (two spaces at a line's
start are nesting), and code-like fields (the app does not ask for those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_app.domain.house_style import TypingRules

EN_DASH = "\u2013"
_DASH = re.compile(r"(?<=[^\W_]) - $")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  $")
_OPENS_AFTER = " \t\n([{<\u2013\u2014-/\u2018\u201c"
"""After these (or at the start), a quote opens; after anything else it closes."""


@dataclass(frozen=True, slots=True)
class Correction:
    start: int
    end: int
    text: str
    """`before[start:end]` becomes `text`."""
    what: str
    """The undo step's name: "Typing: en dash"."""


def correct(before: str, rules: TypingRules) -> Correction | None:
    """The correction for `before` (the line up to the cursor, ending with what was typed)."""
    if not before or before.lstrip().startswith("["):
        return None
    typed = before[-1]
    if typed == " ":
        if rules.en_dash and _DASH.search(before):
            at = len(before) - 2
            return Correction(at, at + 1, EN_DASH, "Typing: en dash")
        if rules.double_space and _DOUBLE_SPACE.search(before) and before.strip():
            return Correction(len(before) - 2, len(before), " ", "Typing: one space")
        return None
    quotes = rules.curly_quotes
    if typed in "'\"" and quotes:
        previous = before[-2] if len(before) > 1 else " "
        opening = previous in _OPENS_AFTER
        single_open, single_close, double_open, double_close = tuple(quotes)
        if typed == "'":
            quote = single_open if opening else single_close
        else:
            quote = double_open if opening else double_close
        return Correction(len(before) - 1, len(before), quote, "Typing: quotation mark")
    return None
