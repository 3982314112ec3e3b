"""Word-by-word comparison of two texts, blind to line breaks and page-break splits.

Used to hold rendered minutes against the published seed and, for Word output, the document's
text against the model's.
"""

from __future__ import annotations

from difflib import SequenceMatcher


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
