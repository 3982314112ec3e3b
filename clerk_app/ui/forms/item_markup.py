"""The item form's minute text as markup, and what the markup cannot show.

`carry_over` keeps, across a keystroke that re-reads the whole text, what only the panels edit
(a resolution's votes, public questions' contents); `markup` writes blocks as the text the clerk
edits; `entries_text` and `entries_from_text` do the same for the numbered questions and
responses of public questions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable
from typing import TypeVar

from clerk_app.domain.bodytext import format_body, parse_body
from clerk_app.domain.model import (
    Block,
    BulletList,
    LeadIn,
    Lines,
    ListEntry,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
)

B = TypeVar("B", Resolution, PublicQuestions)


# --- carrying over what the markup cannot show ----------------------------------------------


def _resolution_key(block: Resolution) -> Hashable:
    return tuple(entry.text for entry in block.resolutions)


def _questions_key(block: PublicQuestions) -> Hashable:
    return block.questioner


def _has_hidden_data(block: Block) -> bool:
    if isinstance(block, Resolution):
        return block != Resolution(
            lead_word=block.lead_word, numbered=block.numbered, resolutions=block.resolutions
        )
    if isinstance(block, PublicQuestions):
        return block != PublicQuestions(questioner=block.questioner)
    return False


def _aligned(old: list[Hashable], new: list[Hashable]) -> list[int | None]:
    """For each new block, the old block it continues (None for a new one). Same number: by
    order, as `parse_body` does; otherwise by text, so that one resolution appearing or
    disappearing does not move the others' votes."""
    if len(old) == len(new):
        return list(range(len(new)))
    result: list[int | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for offset in range(min(i2 - i1, j2 - j1)):
                result[j1 + offset] = i1 + offset
    return result


def _carry_kind(
    kind: type[B],
    key: Callable[[B], Hashable],
    keep: Callable[[B, B], B],
    fresh: list[Block],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block],
) -> None:
    places = [n for n, block in enumerate(fresh) if isinstance(block, kind)]
    new: list[B] = [block for block in fresh if isinstance(block, kind)]
    old: list[B] = [block for block in previous if isinstance(block, kind)]
    pairs = _aligned([key(b) for b in old], [key(b) for b in new])
    used: set[int] = set()
    for place, block, source_index in zip(places, new, pairs, strict=True):
        if source_index is not None:
            used.add(source_index)
            fresh[place] = keep(old[source_index], block)
        else:
            remembered = memory.pop(key(block), None)
            if isinstance(remembered, kind):
                fresh[place] = keep(remembered, block)
    for n, block in enumerate(old):
        if n not in used and _has_hidden_data(block):
            memory[key(block)] = block
            while len(memory) > 20:
                memory.pop(next(iter(memory)))


def _keep_resolution(old: Resolution, new: Resolution) -> Resolution:
    return old.model_copy(
        update={
            "lead_word": new.lead_word,
            "numbered": new.numbered,
            "resolutions": new.resolutions,
        }
    )


def _keep_questions(old: PublicQuestions, new: PublicQuestions) -> PublicQuestions:
    return old.model_copy(update={"questioner": new.questioner})


def carry_over(
    fresh: tuple[Block, ...],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block] | None = None,
) -> tuple[Block, ...]:
    """`fresh` (parsed from the text alone) with what the text cannot show taken from
    `previous`: the votes of resolutions, the contents of public questions.

    As `parse_body(text, word, previous)` when the text has as many resolutions (and public
    questions) as before; when one appears or vanishes, the others are matched by their text,
    and a vanished one with votes is kept in `memory` (by its text), so that retyping its
    resolution word, which undoes the resolution for a keystroke or two, loses nothing."""
    memory = {} if memory is None else memory
    blocks = list(fresh)
    _carry_kind(Resolution, _resolution_key, _keep_resolution, blocks, previous, memory)
    _carry_kind(PublicQuestions, _questions_key, _keep_questions, blocks, previous, memory)
    return tuple(blocks)


# --- numbered entries as markup (public questions and responses) ----------------------------


_BARE_MARKER = re.compile(r"^([ \t]*(?:[-*•]|\d{1,6}[.)]))$", re.MULTILINE)


def markup(blocks: tuple[Block, ...], word: str) -> str:
    """`format_body`, with a space after the marker of an empty entry ("- " rather than "-"),
    so that the clerk can type on at once; it means the same."""
    return _BARE_MARKER.sub(r"\1 ", format_body(blocks, word))


def entries_text(entries: tuple[ListEntry, ...], word: str) -> str:
    return markup((NumberedList(entries=entries),), word) if entries else ""


def entries_from_text(text: str, word: str) -> tuple[ListEntry, ...]:
    """The entries a numbered-list text describes. Text typed without numbers counts too: a
    paragraph is an entry, and anything else belongs to the entry above it."""
    entries: list[ListEntry] = []
    for block in parse_body(text, word):
        if isinstance(block, NumberedList | BulletList):
            entries.extend(block.entries)
        elif isinstance(block, Paragraph | LeadIn):
            entries.append(ListEntry(text=block.text))
        elif isinstance(block, Lines):
            entries.extend(ListEntry(text=line) for line in block.lines)
        elif entries:
            last = entries[-1]
            entries[-1] = last.model_copy(update={"blocks": (*last.blocks, block)})
        else:
            entries.append(ListEntry(blocks=(block,)))
    return tuple(entries)
