"""An item's body as plain text a typist can write without touching the mouse, and back.

The markup is what clerks already type in e-mails:

- blocks are separated by blank lines; one line on its own is a paragraph, and a paragraph
  that ends with a colon is a lead-in ("Key points included:");
- several lines with no blank line between them are a list of plain lines (meeting dates);
- ``- `` (or ``* ``, ``•``) starts a bullet, ``1.`` or ``1)`` a numbered entry; lines that follow
  an entry directly continue it; indented lines under an entry nest (a list inside a numbered
  entry, or, after a blank line, a paragraph belonging to it);
- a numbered entry numbered 1 (or lower than the one before) starts a new list;
- ``[attachment: label]`` on its own line refers to an attached document;
- a resolution word in capitals on its own line (``AGREED:``, ``RESOLVED:``) starts a resolution,
  followed by numbered resolutions or a single unnumbered one;
- public questions are edited in their own form and appear as ``[public questions: name]``.

Parsing can take the blocks the text was made from, so that what the markup cannot show (a
resolution's proposer and votes, the text of public questions) survives an edit of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from clerk_app.domain.model import (
    MAX_LIST_DEPTH,
    AttachmentRef,
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

RESOLUTION_WORDS = ("AGREED", "RESOLVED", "RECOMMENDED", "DECIDED")
INDENT = "    "
TYPED_LIST_DEPTH = MAX_LIST_DEPTH - 1
"""How deep typed lists nest: an entry indented further joins the deepest list instead (and a
resolution word there is a lead-in), so that Tab after Tab never makes a meeting that cannot be
saved and opened again. One level below the model's cap: the public questions form puts what is
typed inside a list of its own."""

_BULLET = re.compile(r"^[-*•]\s+(.*)$")
_BULLET_EMPTY = re.compile(r"^[-*•]$")
_NUMBER = re.compile(r"^(\d{1,5})[.)](?:\s+(.*))?$")  # NumberedList.start stops at 100,000
_ATTACHMENT = re.compile(r"^\[attachment:\s*(.*?)\s*\]$", re.IGNORECASE)
_QUESTIONS = re.compile(r"^\[public questions:\s*(.*?)\s*\]$", re.IGNORECASE)


def _resolution_pattern(default_word: str) -> re.Pattern[str]:
    """The resolution words, with the house style's own among them (a style may use another)."""
    words = {*RESOLUTION_WORDS, default_word.strip().upper()} - {""}
    return re.compile("^(" + "|".join(re.escape(w) for w in sorted(words)) + r")\s*:$")


Kind = Literal["blank", "bullet", "number", "attachment", "questions", "resolution", "plain"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Kind
    indent: int
    text: str = ""
    number: int = 0


def _tokenise(text: str, default_word: str = "RESOLVED") -> list[_Token]:
    resolution = _resolution_pattern(default_word)
    tokens: list[_Token] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        expanded = raw.expandtabs(4)
        line = expanded.strip()
        indent = len(expanded) - len(expanded.lstrip())
        if not line:
            tokens.append(_Token("blank", 0))
        elif match := _BULLET.match(line):
            tokens.append(_Token("bullet", indent, match.group(1).strip()))
        elif _BULLET_EMPTY.match(line):
            tokens.append(_Token("bullet", indent, ""))
        elif match := _NUMBER.match(line):
            tokens.append(
                _Token("number", indent, (match.group(2) or "").strip(), int(match.group(1)))
            )
        elif match := _ATTACHMENT.match(line):
            tokens.append(_Token("attachment", indent, match.group(1)))
        elif match := _QUESTIONS.match(line):
            tokens.append(_Token("questions", indent, match.group(1)))
        elif match := resolution.match(line):
            tokens.append(_Token("resolution", indent, match.group(1)))
        else:
            tokens.append(_Token("plain", indent, line))
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Token], default_word: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.default_word = default_word
        self.depth = 0  # lists open around the current token

    def can_nest(self) -> bool:
        return self.depth < TYPED_LIST_DEPTH

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next_content(self) -> _Token | None:
        """The next token that is not a blank line, without consuming anything."""
        for token in self.tokens[self.pos :]:
            if token.kind != "blank":
                return token
        return None

    def skip_blanks(self) -> None:
        while (token := self.peek()) is not None and token.kind == "blank":
            self.pos += 1

    def blocks(self, min_indent: int) -> list[Block]:
        blocks: list[Block] = []
        while True:
            token = self.next_content()
            if token is None or token.indent < min_indent:
                return blocks
            if token.kind in ("bullet", "number") and not self.can_nest():
                return blocks  # the deepest list takes it as an entry of its own
            self.skip_blanks()
            blocks.append(self.block(token))

    def block(self, token: _Token) -> Block:
        if token.kind in ("bullet", "number"):
            return self.list_block(token.kind, token.indent)
        self.pos += 1
        if token.kind == "attachment":
            return AttachmentRef(label=token.text)
        if token.kind == "questions":
            return PublicQuestions(questioner=token.text)
        if token.kind == "resolution":
            if not self.can_nest():
                return LeadIn(text=f"{token.text}:")
            return self.resolution(token)
        return self.plain(token)

    def plain(self, first: _Token) -> Block:
        lines = [first.text]
        while (token := self.peek()) is not None and token.kind == "plain":
            lines.append(token.text)
            self.pos += 1
        if len(lines) > 1:
            return Lines(lines=tuple(lines))
        if first.text.endswith(":"):
            return LeadIn(text=first.text)
        return Paragraph(text=first.text)

    def resolution(self, token: _Token) -> Resolution:
        word = "" if token.text == self.default_word else token.text
        following = self.next_content()
        if following is None or following.indent < token.indent:
            return Resolution(lead_word=word)
        if following.kind in ("number", "bullet"):
            self.skip_blanks()
            entries = self.list_block(following.kind, following.indent).entries
            return Resolution(
                lead_word=word, numbered=following.kind == "number", resolutions=entries
            )
        if following.kind == "plain":
            self.skip_blanks()
            self.pos += 1
            text = self.continuation(following.text)
            return Resolution(lead_word=word, numbered=False, resolutions=(ListEntry(text=text),))
        return Resolution(lead_word=word)

    def continuation(self, text: str) -> str:
        """Plain lines straight after an entry continue it (text pasted with hard wraps)."""
        parts = [text]
        while (token := self.peek()) is not None and token.kind == "plain":
            parts.append(token.text)
            self.pos += 1
        return " ".join(p for p in parts if p)

    def list_block(self, kind: str, indent: int) -> BulletList | NumberedList:
        self.depth += 1
        try:
            entries = self.entries(kind, indent)
        finally:
            self.depth -= 1
        if kind == "number":
            start = entries[0][1] if entries else 0
            return NumberedList(start=start, entries=tuple(e for e, _ in entries))
        return BulletList(entries=tuple(e for e, _ in entries))

    def entries(self, kind: str, indent: int) -> list[tuple[ListEntry, int]]:
        """The list's entries, each with its number (numbered lists)."""
        entries: list[tuple[ListEntry, int]] = []
        previous = 0
        deepest = not self.can_nest()
        while True:
            token = self.next_content()
            if token is None:
                break
            deeper = deepest and token.indent > indent and token.kind in ("bullet", "number")
            if not deeper and (token.indent != indent or token.kind != kind):
                break
            if kind == "number" and not deeper:
                if entries and token.number <= previous:
                    break  # numbering starts again: a new list
                previous = token.number
            self.skip_blanks()
            self.pos += 1
            text = self.continuation(token.text)
            children = self.blocks(token.indent + 1)
            entries.append((ListEntry(text=text, blocks=tuple(children)), token.number))
        return entries


def parse_body(
    text: str, default_word: str = "RESOLVED", previous: tuple[Block, ...] = ()
) -> tuple[Block, ...]:
    """The blocks a body text describes.

    `default_word` is the house style's resolution word: a resolution typed with it follows the
    style. `previous` are the blocks the text was made from: their resolutions and public
    questions, taken in order, keep what the text does not show.
    """
    blocks = _Parser(_tokenise(text, default_word), default_word).blocks(0)
    return tuple(_carry_over(blocks, previous))


def _carry_over(blocks: list[Block], previous: tuple[Block, ...]) -> list[Block]:
    old_resolutions = [b for b in previous if isinstance(b, Resolution)]
    old_questions = [b for b in previous if isinstance(b, PublicQuestions)]
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Resolution) and old_resolutions:
            old = old_resolutions.pop(0)
            result.append(
                old.model_copy(
                    update={
                        "lead_word": block.lead_word,
                        "numbered": block.numbered,
                        "resolutions": block.resolutions,
                    }
                )
            )
        elif isinstance(block, PublicQuestions) and old_questions:
            result.append(old_questions.pop(0).model_copy(update={"questioner": block.questioner}))
        else:
            result.append(block)
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def format_body(blocks: tuple[Block, ...], default_word: str = "RESOLVED") -> str:
    """The body as markup; `parse_body` of the result gives the same blocks back."""
    chunks = [_format_block(block, "", default_word) for block in blocks]
    return "\n\n".join(chunks)


def _format_entries(
    entries: tuple[ListEntry, ...], marker: str | int, indent: str, default_word: str
) -> str:
    lines: list[str] = []
    for n, entry in enumerate(entries):
        label = marker if isinstance(marker, str) else f"{marker + n}."
        # an empty entry keeps its space ("- "), so the clerk's next letter continues the list
        lines.append(f"{indent}{label} {_one_line(entry.text)}")
        for child in entry.blocks:
            formatted = _format_block(child, indent + INDENT, default_word)
            if isinstance(child, BulletList | NumberedList):
                lines.append(formatted)
            else:
                # A paragraph inside an entry sits between blank lines, indented.
                lines.extend(["", formatted, ""])
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _format_block(block: Block, indent: str, default_word: str) -> str:
    match block:
        case Paragraph() | LeadIn():
            return indent + _one_line(block.text)
        case Lines():
            return "\n".join(indent + line for line in block.lines)
        case AttachmentRef():
            return f"{indent}[attachment: {block.label}]"
        case PublicQuestions():
            return f"{indent}[public questions: {block.questioner}]"
        case BulletList():
            return _format_entries(block.entries, "-", indent, default_word)
        case NumberedList():
            return _format_entries(block.entries, block.start, indent, default_word)
        case Resolution():
            head = f"{indent}{block.lead_word or default_word}:"
            if not block.resolutions:
                return head
            marker: str | int = 1 if block.numbered else "-"
            only = block.resolutions[0]
            if not block.numbered and len(block.resolutions) == 1 and not only.blocks:
                return f"{head}\n\n{indent}{_one_line(only.text)}"
            return f"{head}\n\n" + _format_entries(block.resolutions, marker, indent, default_word)
    raise AssertionError(f"unknown block {block!r}")  # pragma: no cover
