"""Find and replace across the whole meeting: every text of every part, as `fields.text_fields`
walks them (titles, minute text, resolutions, questions and responses, table cells, actions,
the attendance's names, the speakers, the meeting's own fields).

Matching is done on each field's text as the model holds it, never on markup, so a match is
(field, start, end) in that field's string. Ignoring case keeps every character where it was:
a character is folded only when its folded form is one character ("ß" stays "ß" rather than
becoming "ss"), so that a match's place in the folded text is its place in the real text.
Whole words are bounded by letters and digits only: "council's" holds the word "council",
"councillor" does not.

A replacement is set through `edit.set_at`, so the new text is validated and cleaned as if it
had been loaded (a line break in a one-line field becomes a space). The minute text is shown
to the clerk as markup, one line for each paragraph or entry: there a line break becomes a
space too, and a replacement that would make the markup read as other minutes (a paragraph
that now starts with "- " and would become a list) is refused, with the reason in the clerk's
words, as is anything the model refuses: `ReplaceRefusedError`, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import ValidationError

from clerk_app.domain import edit, markup
from clerk_app.domain.fields import TextField, part_name, text_fields
from clerk_app.domain.model import (
    Block,
    BulletList,
    Heading,
    LeadIn,
    ListEntry,
    Meeting,
    NumberedList,
    Paragraph,
    Resolution,
)

__all__ = [
    "Match",
    "Query",
    "ReplaceRefusedError",
    "Replacement",
    "count_message",
    "find",
    "find_in",
    "in_markup",
    "replace_all",
    "replace_everywhere",
    "replace_one",
]


Numbers = Mapping[str, str] | None
"""The items' minute numbers as the style prints them, by item id (see `fields.part_name`)."""


class ReplaceRefusedError(ValueError):
    """A replacement that would make a field hold what it may not; the message is the clerk's."""


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    match_case: bool = False
    whole_word: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    field: TextField
    start: int
    end: int
    """The match is ``field.text[start:end]``."""

    @property
    def found(self) -> str:
        return self.field.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Replacement:
    """What "replace all" made: the new meeting, how many matches it replaced and in which
    parts of the meeting (their paths, in reading order)."""

    meeting: Meeting
    count: int
    parts: tuple[edit.Path, ...]


# --- matching ------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _fold(text: str) -> str:
    """`text` without case, each character folded to one character (the length kept)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _spans(text: str, query: Query, needle: str) -> Iterator[tuple[int, int]]:
    """Where `needle` (the query's text, folded unless matching case) is in `text`."""
    haystack = text if query.match_case else _fold(text)
    size = len(needle)
    check_start = query.whole_word and _is_word_char(needle[0])
    check_end = query.whole_word and _is_word_char(needle[-1])
    position = haystack.find(needle)
    while position != -1:
        end = position + size
        if (not check_start or position == 0 or not _is_word_char(text[position - 1])) and (
            not check_end or end == len(text) or not _is_word_char(text[end])
        ):
            yield position, end
            position = haystack.find(needle, end)
        else:
            position = haystack.find(needle, position + 1)


def _needle(query: Query) -> str:
    return query.text if query.match_case else _fold(query.text)


def find_in(field: TextField, query: Query) -> list[Match]:
    """The matches of `query` in one field."""
    if not query.text:
        return []
    return [Match(field, s, e) for s, e in _spans(field.text, query, _needle(query))]


def find(meeting: Meeting, query: Query) -> list[Match]:
    """Every match of `query` in the meeting, in the order the minutes read."""
    if not query.text:
        return []
    needle = _needle(query)
    matches: list[Match] = []
    for field in text_fields(meeting):
        # a quick test first: most fields hold no match
        if needle not in (field.text if query.match_case else _fold(field.text)):
            continue
        matches.extend(Match(field, s, e) for s, e in _spans(field.text, query, needle))
    return matches


# --- replacing -----------------------------------------------------------------------------------

_MARKUP_OWNERS = (Paragraph, LeadIn, ListEntry, Heading)
"""Blocks whose text the minute text's markup shows as one line."""


def in_markup(meeting: Meeting, path: edit.Path) -> bool:
    """Whether the text at `path` is one line of a markup editor: the minute text's
    paragraphs, entries and headings, and the entries of public questions and responses."""
    if not path or path[-1] != "text" or "blocks" not in path:
        return False
    return isinstance(edit.get_at(meeting, path[:-1]), _MARKUP_OWNERS)


def _quoted(text: str, limit: int = 40) -> str:
    shown = " ".join(text.split())
    if len(shown) > limit:
        cut = shown.rfind(" ", 0, limit)
        shown = shown[: cut if cut > limit // 2 else limit].rstrip() + "…"
    return f"“{shown}”"


def _refused_value(
    meeting: Meeting, field: TextField, new: str, numbers: Numbers
) -> ReplaceRefusedError:
    where = part_name(meeting, field.part, numbers)
    return ReplaceRefusedError(
        f"Nothing was replaced: the {field.label} of {where} cannot hold {_quoted(new)}."
    )


_KIND_NAMES = {
    "bullet": "a bulleted list",
    "number": "a numbered list",
    "heading": "a heading",
    "resolution": "a resolution",
    "attachment": "an attachment",
    "questions": "public questions",
    "table": "a table",
    "notice": "a notice of motion",
}


def _without_empty(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks but for empty paragraphs (emptied by a replacement, the markup drops them)."""
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph | LeadIn) and not block.text:
            continue
        if isinstance(block, BulletList | NumberedList):
            block = block.model_copy(
                update={"entries": tuple(_entry_without_empty(e) for e in block.entries)}
            )
        elif isinstance(block, Resolution):
            block = block.model_copy(
                update={"resolutions": tuple(_entry_without_empty(e) for e in block.resolutions)}
            )
        kept.append(block)
    return tuple(kept)


def _entry_without_empty(entry: ListEntry) -> ListEntry:
    return entry.model_copy(update={"blocks": _without_empty(entry.blocks)})


def _reads_back(blocks: tuple[Block, ...], word: str, people: Mapping[str, str]) -> bool:
    text = markup.format_body(blocks, word, people)
    again = markup.parse_body(text, word, blocks, people)
    return _without_empty(again) == _without_empty(blocks)


def _check_markup(
    before: Meeting,
    after: Meeting,
    items: Iterable[int],
    word: str,
    changed: Sequence[TextField],
    numbers: Numbers,
) -> None:
    """Refuse a replacement that makes an item's minute text read back as other minutes."""
    people = markup.people_names(after)
    for index in items:
        old = before.items[index].blocks
        new = after.items[index].blocks
        if old is new or not _reads_back(old, word, people) or _reads_back(new, word, people):
            continue
        where = part_name(before, ("items", index), numbers)
        for field in changed:
            if field.part != ("items", index) or not in_markup(before, field.path):
                continue
            text = str(edit.get_at(after, field.path))
            kind = markup.read_line(text, word).kind
            if kind != markup.read_line(field.text, word).kind and kind in _KIND_NAMES:
                raise ReplaceRefusedError(
                    f"Nothing was replaced: in the minute text of {where}, "
                    f"{_quoted(text)} would be read as {_KIND_NAMES[kind]}."
                )
        raise ReplaceRefusedError(
            f"Nothing was replaced: the minute text of {where} would read differently after it."
        )


def _set(meeting: Meeting, field: TextField, new: str, one_line: bool, numbers: Numbers) -> Meeting:
    if one_line:
        new = " ".join(new.split("\n"))  # one line in the markup: a line break is a space
    path = field.path
    try:
        if len(path) > 2 and isinstance(path[-1], int) and isinstance(path[-2], int):
            # a table cell (rows, r, c): set_at validates a list's element, so the whole row
            row = list(edit.get_at(meeting, path[:-1]))
            row[path[-1]] = new
            return edit.set_at(meeting, path[:-1], tuple(row))
        return edit.set_at(meeting, path, new)
    except ValidationError:
        raise _refused_value(meeting, field, new, numbers) from None


def _replaced(text: str, spans: Iterable[tuple[int, int]], replacement: str) -> str:
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _apply(
    meeting: Meeting,
    edits: list[tuple[TextField, str]],
    word: str,
    numbers: Numbers,
) -> Meeting:
    after = meeting
    items: set[int] = set()
    for field, new in edits:
        one_line = in_markup(meeting, field.path)
        after = _set(after, field, new, one_line, numbers)
        if one_line and field.path[0] == "items" and isinstance(field.path[1], int):
            items.add(field.path[1])
    _check_markup(meeting, after, sorted(items), word, [f for f, _ in edits], numbers)
    return after


def replace_everywhere(
    meeting: Meeting,
    query: Query,
    replacement: str,
    word: str = markup.DEFAULT_WORD,
    numbers: Numbers = None,
) -> Replacement:
    """Every match replaced: one new meeting, the count and the parts changed. `word` is the
    house style's resolution word (how the minute text's markup is read), `numbers` the items'
    minute numbers by id (for `part_name`, in a refusal's message). Raises
    `ReplaceRefusedError` (nothing changed) if any field would refuse its new text."""
    matches = find(meeting, query)
    by_field: dict[edit.Path, tuple[TextField, list[tuple[int, int]]]] = {}
    for match in matches:
        entry = by_field.setdefault(match.field.path, (match.field, []))
        entry[1].append((match.start, match.end))
    edits = [
        (field, _replaced(field.text, spans, replacement)) for field, spans in by_field.values()
    ]
    after = _apply(meeting, edits, word, numbers)
    parts: list[edit.Path] = []
    for field, _ in edits:
        if field.part not in parts:
            parts.append(field.part)
    return Replacement(after, len(matches), tuple(parts))


def replace_all(
    meeting: Meeting,
    query: Query,
    replacement: str,
    word: str = markup.DEFAULT_WORD,
    numbers: Numbers = None,
) -> tuple[Meeting, int]:
    """Every match replaced: one new meeting, and how many were replaced."""
    result = replace_everywhere(meeting, query, replacement, word, numbers)
    return result.meeting, result.count


def replace_one(
    meeting: Meeting,
    match: Match,
    replacement: str,
    word: str = markup.DEFAULT_WORD,
    numbers: Numbers = None,
) -> Meeting:
    """The meeting with one match replaced. Raises `ReplaceRefusedError` if the field's text is no
    longer what was searched (it was edited since) or would refuse the new text."""
    try:
        current = edit.get_at(meeting, match.field.path)
    except edit.EditError:
        current = None
    if current != match.field.text:
        raise ReplaceRefusedError("Nothing was replaced: the text has changed since it was found.")
    new = _replaced(match.field.text, [(match.start, match.end)], replacement)
    return _apply(meeting, [(match.field, new)], word, numbers)


def count_message(meeting: Meeting, count: int, parts: Iterable[edit.Path]) -> str:
    """ "Replaced 5 occurrences in 3 items and the attendance"; "No occurrences found"."""
    if count == 0:
        return "Nothing was replaced: no occurrences found"
    items = 0
    others: list[str] = []
    for part in parts:
        if part and part[0] == "items":
            items += 1
            continue
        whole = part_name(meeting, part[:1])  # the attendance, not who in it
        if whole not in others:
            others.append(whole)
    places = ([f"{items} item" + ("" if items == 1 else "s")] if items else []) + others
    where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
    noun = "occurrence" if count == 1 else "occurrences"
    return f"Replaced {count} {noun} in {where}"
