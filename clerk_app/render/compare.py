"""Word-by-word comparison of two texts, blind to line breaks and page-break splits.

Used to hold rendered minutes against the published seed and, for Word output, the document's
text against the model's. Published minutes carry no list of actions: `minutes_proper` cuts the
annex of actions a style may add after the close, so that what is compared is the minutes.
"""

from __future__ import annotations

from difflib import SequenceMatcher

ANNEX_HEADING = "ACTIONS ARISING FROM THE MEETING"
"""The heading of the actions annex that styles with `actions_annex` print after the close."""


def minutes_proper(text: str) -> str:
    """The text before the actions annex (all of it when there is none), ending in one newline.

    The annex starts at the first line that is its heading alone, however indented (a PDF's
    text centres it)."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.strip() == ANNEX_HEADING:
            return "\n".join(lines[:n]).rstrip() + "\n"
    return text


def annex(text: str) -> str:
    """The actions annex, from its heading on; empty when there is none."""
    proper = minutes_proper(text)
    return "" if proper is text else text[len(proper.rstrip()) :].strip() + "\n"


def words(text: str) -> list[str]:
    return text.split()


def word_similarity(a: str, b: str) -> float:
    """1.0 for the same words in the same order; difflib's ratio over word sequences."""
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def first_difference(a: str, b: str, context: int = 6) -> str:
    """A short description of where two texts first differ, word by word, for error messages."""
    wa, wb = words(a), words(b)
    for n, (x, y) in enumerate(zip(wa, wb, strict=False)):
        if x != y:
            start = max(0, n - context)
            return (
                f"word {n + 1}: expected '{' '.join(wa[start : n + context])}' "
                f"but found '{' '.join(wb[start : n + context])}'"
            )
    if len(wa) != len(wb):
        shorter = "second" if len(wb) < len(wa) else "first"
        return f"the {shorter} text stops after word {min(len(wa), len(wb))}"
    return "no difference"
