"""Which words of a text a speller should check, and where they are.

A minute is full of things that are not words to check: minute numbers and report references
("CYP/25/07"), years and times ("2025-26", "5.30pm"), acronyms ("SEND", "CYPE"), the markup's
own words ("AGREED:", "[table: …]"), web addresses and e-mail addresses. `words` takes them
out and gives the rest with their places (indexes into the string, as Python counts them), so
that a highlighter can underline them and a suggestion can replace them.

The rules:

- a word is letters, with apostrophes inside it ("councillor's", "o’clock"); a hyphen splits a
  word into parts, each checked ("well-being" is "well" and "being");
- a piece of text between spaces (brackets, quotes and commas set aside) that holds a digit is
  skipped whole: "CYP/25/07", "2025-26", "5.30pm", "Covid-19";
- web addresses ("https://…", "www.…", "leicester.gov.uk"), e-mail addresses and file paths are
  skipped whole;
- a word in capitals is an acronym or a markup word and is skipped ("SEND", "AGREED",
  "CYPE’s", and plurals such as "GPs"); so is a single letter ("a", "I", "e.g.").

No Qt and no dictionary here: `clerk_app.services.spelling` decides which words are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clerk_app.domain.markup import LineGrammar


@dataclass(frozen=True, slots=True)
class Word:
    """A word to check: `text == line[start:end]`."""

    start: int
    end: int
    text: str


_CHUNK = re.compile(r"[^\s()\[\]{}<>\"“”‘«»,;!?…]+")
"""A piece of text between spaces, brackets, quotes and commas (an address is one piece)."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""Letters, with apostrophes inside (a hyphen, a slash or a full stop ends a word)."""
_DIGIT = re.compile(r"\d")
_ADDRESS = re.compile(
    r"://|^www\.|@|\\|[^\W\d_]\.[^\W\d_]{2,}",
    re.IGNORECASE,
)
"""A web or e-mail address, a file path or a domain name ("leicester.gov.uk", "minutes.docx"):
an address, a scheme, an @, a backslash, or a full stop with two letters or more after it
inside the piece ("e.g." has one, so it is not an address; its letters are single anyway)."""
_APOSTROPHES = "'’"


def _checked(word: str) -> bool:
    if len(word) < 2:
        return False
    stem = word
    for mark in _APOSTROPHES:
        stem = stem.split(mark, 1)[0]
    if stem.endswith("s") and len(stem) > 2:
        stem = stem[:-1]  # an acronym's plural: "GPs", "EHCPs"
    # in capitals: an acronym ("SEND", "CYPE’s") or a markup word ("AGREED")
    return not (len(stem) > 1 and stem.isupper())


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` to check, in order, with their places (plus `offset`)."""
    found: list[Word] = []
    for chunk in _CHUNK.finditer(text):
        piece = chunk.group()
        if _DIGIT.search(piece) or _ADDRESS.search(piece):
            continue
        base = chunk.start() + offset
        for match in _WORD.finditer(piece):
            word = match.group()
            if _checked(word):
                found.append(Word(base + match.start(), base + match.end(), word))
    return found


_UNCHECKED_LINES = ("attachment", "questions", "table", "notice", "resolution", "blank")
"""Lines the markup reads as placeholders for other forms' blocks, or a resolution word
("AGREED:", "[resolution: NOTED]"): nothing on them is prose to check."""


def markup_words(line: str, grammar: LineGrammar) -> list[Word]:
    """The words to check in one line of the minute-text markup, with their places in the line.

    The line is read as the editor reads it (`grammar.read(line)`): a list marker ("- ", "1.",
    "a)", "(iv)") and a heading's "##" are not checked, and a resolution word's line ("AGREED:")
    and the lines that stand for other blocks ("[table: …]", "[attachment: …]", "[public
    questions: …]", "[notice of motion: …]", "[resolution…]") are not checked at all."""
    read = grammar.read(line)
    if read.kind in _UNCHECKED_LINES:
        return []
    if read.is_entry:
        start = read.marker_end
    elif read.kind == "heading":
        start = read.content_start + 2  # after "##"
    else:
        start = read.content_start
    return words(line[start:], start)


_NAME_SPLIT = re.compile(r"[\s\-‐‑–—/,()]+")


def names_words(names: Iterable[str]) -> set[str]:
    """The words of people's and organisations' names, to be known as written: each name's
    parts between spaces ("Councillor", "Joycelin", "Eze-Okubuiro") and, for a hyphenated
    one, its parts too ("Eze", "Okubuiro"), since `words` checks those apart. A possessive
    ("Batool's") needs nothing more: the speller knows a known word's "'s"."""
    found: set[str] = set()
    for name in names:
        for part in name.split():
            part = part.strip(".,;:()[]\"“”‘’'")
            if len(part) < 2:
                continue
            found.add(part)
            if "-" in part or "‐" in part or "‑" in part:
                found.update(p for p in _NAME_SPLIT.split(part) if len(p) > 1)
    return found
