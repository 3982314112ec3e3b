"""The minute-text markup: an item's body as plain text a typist can write without touching the
mouse, and back. One module reads and writes it: the parser, the writer and the editor (its
highlighting, Enter, Tab, renumbering and pasting) all take every decision about a line from
`LineGrammar.read`, so that what the editor shows a line to be is what the minutes make of it.

The markup is what clerks already type in e-mails:

- blocks are separated by blank lines; one line on its own is a paragraph, and a paragraph
  that ends with a colon is a lead-in ("Key points included:");
- several lines with no blank line between them are a list of plain lines (meeting dates);
- ``- `` (or ``* ``, ``•``) starts a bullet, ``1.`` or ``1)`` a numbered entry (numbers up to
  100,000, the highest a list may start at); lines that follow an entry directly continue it;
  indented lines under an entry nest (a list inside a numbered entry, or, after a blank line, a
  paragraph belonging to it);
- a numbered entry numbered 1 (or lower than the one before) starts a new list;
- lists may count in letters or roman numerals: ``a)``, ``a.``, ``(a)``, ``A)``, ``(A)`` for
  letters (a to z), ``i)``, ``i.``, ``(i)``, ``IV)``, ``(IV)``, ``IV.`` for roman numerals (i to
  xxxix). The text writes them back as ``a)``, ``A)``, ``(i)`` and ``(I)``. A single capital
  with a full stop (``A. Smith``, ``I. Patel``) is an initial, never a marker. The letters i, v
  and x are also numerals: within a list they count as the entry before them counts (``i)``
  after ``h)`` is the letter, ``(v)`` after ``(iv)`` the numeral, and a first entry counts as
  the entry after it does); a list that starts with ``i)`` alone counts in roman numerals, one
  that starts with ``v)`` or ``x)`` alone in letters. A lettered list past z, or a roman one
  past xxxix, is written in figures;
- ``## Heading`` on its own line is a heading inside the minute;
- ``[attachment: label]`` on its own line refers to an attached document;
- a resolution word in capitals on its own line (``AGREED:``, ``RESOLVED:``, or the house
  style's own word, ``DETERMINED:``) starts a resolution, followed by numbered resolutions or a
  single unnumbered one; a resolution that the minutes print with no word before it shows as
  ``[resolution]`` in its place, its text following as after a word, and one with a word of its
  own that is not a resolution word here (``NOTED`` where the style's word is ``AGREED``) as
  ``[resolution: NOTED]`` (``[resolution: ]`` is ``[resolution]``);
- public questions, tables and notices of motion are edited in their own forms and appear as
  ``[public questions: name]``, ``[table: caption]`` and ``[notice of motion: mover]``; typing
  such a line makes a new, empty one (a notice names its mover when the text is read with the
  meeting's people, see `parse_body`).

Indentation is the white space at the start of a line, a tab counting to the next multiple of
four columns; a marker is followed by white space or the end of the line.

Parsing can take the blocks the text was made from, so that what the markup cannot show (a
resolution's proposer, votes, number, kind, related motion, debate, readings and the rest; the
text of public questions; a table's rows; a notice's motion and reply) survives an edit of the
text (`carry_over`), wherever the block is: at the top or inside a list entry.

Resolutions are written numbered in figures (the model keeps no way of counting for them),
unless a list in figures follows that would read as more of their entries: then in letters.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from clerk_app.domain.house_style import letters, roman
from clerk_app.domain.model import (
    MAX_LIST_DEPTH,
    AttachmentRef,
    Block,
    BulletList,
    Heading,
    LeadIn,
    LeadWord,
    Lines,
    ListEntry,
    ListNumbering,
    Meeting,
    NoticeOfMotion,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
    Table,
)

RESOLUTION_WORDS = ("AGREED", "RESOLVED", "RECOMMENDED", "DECIDED")
DEFAULT_WORD = "RESOLVED"
INDENT = "    "
TAB_WIDTH = len(INDENT)
MAX_NUMBER = 100_000
"""The highest number a numbered line may have: the highest a numbered list may start at
(`NumberedList.start`). A line "100001. x" is text, for the editor and the parser alike."""
MAX_LETTER = 26
"""The last letter a lettered list counts to (z)."""
MAX_ROMAN = 39
"""The highest roman numeral a list counts to (xxxix): numerals made of i, v and x only, so that
words such as "mix." or "civil" are never read as markers."""
TYPED_LIST_DEPTH = MAX_LIST_DEPTH - 1
"""How deep typed lists nest: an entry indented further joins the deepest list instead (and a
resolution word there is a lead-in), so that Tab after Tab never makes a meeting that cannot be
saved and opened again. One level below the model's cap: the public questions form puts what is
typed inside a list of its own."""
NO_WORD = "[resolution]"
"""How the text shows a resolution printed with no word before it (`LeadWord.NONE`)."""

LineKind = Literal[
    "blank",
    "bullet",
    "number",
    "attachment",
    "questions",
    "table",
    "notice",
    "heading",
    "resolution",
    "plain",
]

_BULLET = re.compile(r"^([-*•])(?:\s+(.*))?$", re.DOTALL)
_NUMBER = re.compile(r"^(\d{1,6})([.)])(?:\s+(.*))?$", re.DOTALL)
_LETTER = re.compile(
    r"^(\()?([a-zA-Z]|[ivx]{2,6}|[IVX]{2,6})((?(1)\)|[.)]))(?:\s+(.*))?$", re.DOTALL
)
_ATTACHMENT = re.compile(r"^\[attachment:\s*(.*?)\s*\]$", re.IGNORECASE | re.DOTALL)
_QUESTIONS = re.compile(r"^\[public questions:\s*(.*?)\s*\]$", re.IGNORECASE | re.DOTALL)
_TABLE = re.compile(r"^\[table:\s*(.*?)\s*\]$", re.IGNORECASE | re.DOTALL)
_NOTICE = re.compile(r"^\[notice of motion:\s*(.*?)\s*\]$", re.IGNORECASE | re.DOTALL)
_NO_WORD = re.compile(r"^\[resolution\]$", re.IGNORECASE)
_GIVEN_WORD = re.compile(r"^\[resolution:\s*(.*?)\s*\]$", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"^##(?:\s+(.*))?$", re.DOTALL)
_PASTED_BULLET = re.compile(r"^([ \t]*)[•·\uf0b7\uf0a7\u25aa\u25cf\u2022o§]\t+", re.MULTILINE)
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")

_PLACEHOLDERS: tuple[tuple[LineKind, re.Pattern[str]], ...] = (
    ("attachment", _ATTACHMENT),
    ("questions", _QUESTIONS),
    ("table", _TABLE),
    ("notice", _NOTICE),
)
_ROMAN_VALUES = {roman(n): n for n in range(1, MAX_ROMAN + 1)}
_LETTERED = (ListNumbering.LOWER_ALPHA, ListNumbering.UPPER_ALPHA)
_ROMAN = (ListNumbering.LOWER_ROMAN, ListNumbering.UPPER_ROMAN)
_UPPER = (ListNumbering.UPPER_ALPHA, ListNumbering.UPPER_ROMAN)
_LIMITS = {
    ListNumbering.DECIMAL: MAX_NUMBER,
    ListNumbering.LOWER_ALPHA: MAX_LETTER,
    ListNumbering.UPPER_ALPHA: MAX_LETTER,
    ListNumbering.LOWER_ROMAN: MAX_ROMAN,
    ListNumbering.UPPER_ROMAN: MAX_ROMAN,
}
WRITTEN_FORMS: dict[ListNumbering, tuple[str, str]] = {
    ListNumbering.DECIMAL: ("", "."),
    ListNumbering.LOWER_ALPHA: ("", ")"),
    ListNumbering.UPPER_ALPHA: ("", ")"),
    ListNumbering.LOWER_ROMAN: ("(", ")"),
    ListNumbering.UPPER_ROMAN: ("(", ")"),
}
"""How `format_body` writes each kind of numbering's markers: what comes before the number and
after it ("1.", "a)", "A)", "(i)", "(I)")."""


def count_as(number: int, numbering: ListNumbering) -> str:
    """`number` as a list of this numbering writes it: 3, c, C, iii, III."""
    if numbering in _LETTERED:
        text = letters(number)
    elif numbering in _ROMAN:
        text = roman(number)
    else:
        return str(number)
    return text.upper() if numbering in _UPPER else text


def writable(numbering: ListNumbering, start: int, count: int) -> bool:
    """Whether a list of this numbering from `start` with `count` entries can be written in its
    own markers (letters stop at z, numerals at xxxix); one that cannot is written in figures."""
    if numbering is ListNumbering.DECIMAL:
        return True
    return start >= 1 and start + max(count, 1) - 1 <= _LIMITS[numbering]


@dataclass(frozen=True, slots=True)
class MarkupLine:
    """What one line of markup is.

    Positions (`content_start`, `marker_start`, `marker_end`) are indexes in the line as typed
    (code points); `indent` is in columns, tabs expanded."""

    kind: LineKind
    indent: int = 0
    text: str = ""
    """What the line says: an entry's text, an attachment's label, the questioner, a table's
    caption, a notice's mover, a heading, the resolution word (empty for `[resolution]`), or a
    plain line's text (tabs expanded, white space trimmed)."""
    number: int | None = None
    """A numbered line's number (for letters and numerals, its place: c is 3, iv is 4)."""
    delimiter: str = "."
    """A numbered line's "." or ")"."""
    bullet: str = ""
    """A bullet line's bullet: "-", "*" or "•"."""
    content_start: int = 0
    """Where the line's first character that is not white space is (its marker, for an entry)."""
    marker_end: int = 0
    """For an entry: after its marker and the white space after it (where its text starts)."""
    marker_width: int = 0
    """For an entry: how long its marker is as typed ("01." is three)."""
    numbering: ListNumbering = ListNumbering.DECIMAL
    """A numbered line's way of counting: figures, letters or roman numerals."""
    opening: str = ""
    """A numbered line's "(" before its number ("(a)", "(iv)"), or nothing."""
    other: tuple[ListNumbering, int] | None = None
    """For i, v and x (letters that are also numerals): the other way of reading the line, and
    its number in that reading (see `LineGrammar.in_list`)."""

    @property
    def is_entry(self) -> bool:
        """A bullet or numbered list entry."""
        return self.kind in ("bullet", "number")

    @property
    def is_plain(self) -> bool:
        """Plain text: it continues a list entry straight above it."""
        return self.kind == "plain"

    @property
    def is_lead_in(self) -> bool:
        """A plain line ending in a colon: a lead-in when it stands on its own."""
        return self.kind == "plain" and self.text.endswith(":")

    @property
    def marker_start(self) -> int:
        return self.content_start

    def marker(self, number: int | None = None) -> str:
        """The entry's marker ("-", "3.", "(iv)"), or a numbered entry's with another number
        (in the same way of counting and the same form)."""
        if self.number is None:
            return self.bullet
        value = self.number if number is None else number
        if self.numbering is ListNumbering.DECIMAL:
            return f"{value}{self.delimiter}"
        counted = count_as(value, self.numbering)
        delimiter = self.delimiter
        if len(counted) == 1 and counted.isupper() and delimiter == "." and not self.opening:
            delimiter = ")"  # "V." would read as an initial: "IV." is followed by "V)"
        return f"{self.opening}{counted}{delimiter}"

    def other_reading(self) -> MarkupLine | None:
        """The line read the other way (i as a letter rather than a numeral), if it has one."""
        if self.other is None or self.number is None:
            return None
        numbering, number = self.other
        return replace(
            self, numbering=numbering, number=number, other=(self.numbering, self.number)
        )


def _letter_marker(
    value: str,
) -> tuple[ListNumbering, int, tuple[ListNumbering, int] | None] | None:
    """How a marker's letters count: (numbering, number, the other reading if any)."""
    lower = value.lower()
    upper = value.isupper()
    numeral = _ROMAN_VALUES.get(lower)
    roman_kind = ListNumbering.UPPER_ROMAN if upper else ListNumbering.LOWER_ROMAN
    if len(value) > 1:
        return None if numeral is None else (roman_kind, numeral, None)
    letter_kind = ListNumbering.UPPER_ALPHA if upper else ListNumbering.LOWER_ALPHA
    place = ord(lower) - ord("a") + 1
    if numeral is None:
        return letter_kind, place, None
    if lower == "i":  # a list starting at i alone is a roman one
        return roman_kind, numeral, (letter_kind, place)
    return letter_kind, place, (roman_kind, numeral)


class LineGrammar:
    """How lines read for one house style's resolution word (a style may use its own, as
    DETERMINED; it is read as typed and in capitals)."""

    def __init__(self, word: str = DEFAULT_WORD) -> None:
        self.word = word.strip() or DEFAULT_WORD
        words = {*RESOLUTION_WORDS, self.word, self.word.upper()}
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
        self._resolution = re.compile(rf"^({alternatives})\s*:$")
        self._cache: dict[str, MarkupLine] = {}

    def read(self, line: str) -> MarkupLine:
        """What `line` (one line, without its line break) is, on its own (`in_list` says how
        an entry counts after another)."""
        found = self._cache.get(line)
        if found is None:
            found = self._read(line)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[line] = found
        return found

    def _read(self, raw: str) -> MarkupLine:
        start = len(raw) - len(raw.lstrip())
        indent = len(raw[:start].expandtabs(TAB_WIDTH))
        # The text as the parser has always taken it: tabs inside a line expanded.
        line = raw.expandtabs(TAB_WIDTH).strip()
        if not line:
            return MarkupLine("blank")
        if match := _BULLET.match(line):
            return MarkupLine(
                "bullet",
                indent,
                (match.group(2) or "").strip(),
                bullet=match.group(1),
                content_start=start,
                marker_end=_after_gap(raw, start + 1),
                marker_width=1,
            )
        if (match := _NUMBER.match(line)) and int(match.group(1)) <= MAX_NUMBER:
            marker = match.group(1) + match.group(2)
            return MarkupLine(
                "number",
                indent,
                (match.group(3) or "").strip(),
                number=int(match.group(1)),
                delimiter=match.group(2),
                content_start=start,
                marker_end=_after_gap(raw, start + len(marker)),
                marker_width=len(marker),
            )
        if match := _LETTER.match(line):
            opening, value, delimiter = match.group(1) or "", match.group(2), match.group(3)
            counted = _letter_marker(value)
            # A capital with a full stop is an initial ("A. Smith"), not a marker.
            initial = len(value) == 1 and value.isupper() and delimiter == "." and not opening
            if counted is not None and not initial:
                numbering, number, other = counted
                width = len(opening) + len(value) + len(delimiter)
                return MarkupLine(
                    "number",
                    indent,
                    (match.group(4) or "").strip(),
                    number=number,
                    delimiter=delimiter,
                    content_start=start,
                    marker_end=_after_gap(raw, start + width),
                    marker_width=width,
                    numbering=numbering,
                    opening=opening,
                    other=other,
                )
        if line.startswith("##") and (match := _HEADING.match(line)):
            return MarkupLine(
                "heading", indent, (match.group(1) or "").strip(), content_start=start
            )
        if line.startswith("["):
            for kind, pattern in _PLACEHOLDERS:
                if match := pattern.match(line):
                    return MarkupLine(kind, indent, match.group(1), content_start=start)
            if _NO_WORD.match(line):
                return MarkupLine("resolution", indent, "", content_start=start)
            if match := _GIVEN_WORD.match(line):
                return MarkupLine("resolution", indent, match.group(1), content_start=start)
        if match := self._resolution.match(line):
            return MarkupLine("resolution", indent, match.group(1), content_start=start)
        return MarkupLine("plain", indent, line, content_start=start)

    def entry(self, line: str) -> MarkupLine | None:
        """`line` read, if it is a list entry."""
        found = self.read(line)
        return found if found.is_entry else None

    @staticmethod
    def in_list(previous: MarkupLine, line: MarkupLine, rising: bool = True) -> MarkupLine | None:
        """`line` read as an entry of the numbered list whose entry before it is `previous`:
        counting as `previous` counts (i after h as a letter, v after iv as a numeral) and, if
        `rising`, numbered above it; None if it cannot be (a new list starts)."""
        if line.kind != "number" or previous.kind != "number" or previous.number is None:
            return None
        for reading in (line, line.other_reading()):
            if (
                reading is not None
                and reading.number is not None
                and reading.numbering is previous.numbering
                and (not rising or reading.number > previous.number)
            ):
                return reading
        return None

    @classmethod
    def first_of(cls, first: MarkupLine, following: MarkupLine, rising: bool = True) -> MarkupLine:
        """A list's first entry read as the entry after it counts, where it can be read two
        ways (i then j is lettered; v then vi is roman)."""
        if cls.in_list(first, following, rising) is None:
            other = first.other_reading()
            if other is not None and cls.in_list(other, following, rising) is not None:
                return other
        return first


def _after_gap(raw: str, index: int) -> int:
    while index < len(raw) and raw[index].isspace():
        index += 1
    return index


@lru_cache(maxsize=16)
def grammar(word: str = DEFAULT_WORD) -> LineGrammar:
    """The grammar for a house style's resolution word (one per word, shared)."""
    return LineGrammar(word)


def read_line(line: str, word: str = DEFAULT_WORD) -> MarkupLine:
    return grammar(word).read(line)


def indent_of(line: str) -> int:
    """How far `line` is indented, in columns (a tab to the next multiple of four)."""
    start = len(line) - len(line.lstrip())
    return len(line[:start].expandtabs(TAB_WIDTH))


def split_lines(text: str) -> list[str]:
    """The text's lines, for any of the line ends typed or pasted (CRLF, CR, LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- reading: text to blocks -------------------------------------------------------------------


class _Parser:
    def __init__(
        self, tokens: list[MarkupLine], default_word: str, people: Mapping[str, str]
    ) -> None:
        self.tokens = tokens
        self.pos = 0
        self.default_word = default_word
        self.people = people  # a name, folded, to an attendance id
        self.depth = 0  # lists open around the current token

    def can_nest(self) -> bool:
        return self.depth < TYPED_LIST_DEPTH

    def peek(self) -> MarkupLine | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next_content(self) -> MarkupLine | None:
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
            if token.is_entry and not self.can_nest():
                return blocks  # the deepest list takes it as an entry of its own
            self.skip_blanks()
            blocks.append(self.block(token))

    def block(self, token: MarkupLine) -> Block:
        if token.is_entry:
            return self.list_block(token.kind, token.indent)
        self.pos += 1
        if token.kind == "attachment":
            return AttachmentRef(label=token.text)
        if token.kind == "questions":
            return PublicQuestions(questioner=token.text)
        if token.kind == "table":
            return Table(caption=token.text)
        if token.kind == "notice":
            return NoticeOfMotion(mover_id=self.people.get(token.text.casefold()))
        if token.kind == "heading":
            return Heading(text=token.text)
        if token.kind == "resolution":
            if not self.can_nest():
                return LeadIn(text=f"{token.text}:") if token.text else Paragraph(text=NO_WORD)
            return self.resolution(token)
        return self.plain(token)

    def plain(self, first: MarkupLine) -> Block:
        lines = [first.text]
        while (token := self.peek()) is not None and token.kind == "plain":
            lines.append(token.text)
            self.pos += 1
        if len(lines) > 1:
            return Lines(lines=tuple(lines))
        if first.text.endswith(":"):
            return LeadIn(text=first.text)
        return Paragraph(text=first.text)

    def resolution(self, token: MarkupLine) -> Resolution:
        if token.text:
            word = "" if token.text == self.default_word else token.text
            head = Resolution(lead_word=word)
        else:  # [resolution]: no word before it
            head = Resolution(lead=LeadWord.NONE)
        following = self.next_content()
        if following is None or following.indent < token.indent:
            return head
        if following.is_entry:
            self.skip_blanks()
            entries = self.list_block(following.kind, following.indent).entries
            return head.model_copy(
                update={"numbered": following.kind == "number", "resolutions": entries}
            )
        if following.kind == "plain":
            self.skip_blanks()
            self.pos += 1
            text = self.continuation(following.text)
            return head.model_copy(
                update={"numbered": False, "resolutions": (ListEntry(text=text),)}
            )
        return head

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
            entries, first = self.entries(kind, indent)
        finally:
            self.depth -= 1
        if kind == "number":
            start = entries[0][1] if entries else 0
            return NumberedList(
                start=start,
                entries=tuple(e for e, _ in entries),
                numbering=ListNumbering.DECIMAL if first is None else first.numbering,
            )
        return BulletList(entries=tuple(e for e, _ in entries))

    def entries(
        self, kind: str, indent: int
    ) -> tuple[list[tuple[ListEntry, int]], MarkupLine | None]:
        """The list's entries, each with its number (numbered lists), and its first entry's
        line as the list counts it."""
        entries: list[tuple[ListEntry, int]] = []
        first: MarkupLine | None = None
        previous: MarkupLine | None = None
        deepest = not self.can_nest()
        while True:
            token = self.next_content()
            if token is None:
                break
            deeper = deepest and token.indent > indent and token.is_entry
            if not deeper and (token.indent != indent or token.kind != kind):
                break
            if kind == "number" and not deeper:
                if previous is None:
                    first = previous = token
                else:
                    if len(entries) == 1 and first is previous:
                        # the first entry counts as the second does (i, j: letters)
                        first = previous = LineGrammar.first_of(previous, token)
                        entries[0] = (entries[0][0], previous.number or 0)
                    reading = LineGrammar.in_list(previous, token)
                    if reading is None:
                        break  # numbering starts again, or counts otherwise: a new list
                    token = previous = reading
            self.skip_blanks()
            self.pos += 1
            text = self.continuation(token.text)
            children = self.blocks(token.indent + 1)
            entries.append((ListEntry(text=text, blocks=tuple(children)), token.number or 0))
        return entries, first


def line_kinds(text: str, default_word: str = DEFAULT_WORD) -> list[LineKind]:
    """What each line of `text` is, as the parser reads it."""
    rules = grammar(default_word)
    return [rules.read(line).kind for line in split_lines(text)]


def parse_body(
    text: str,
    default_word: str = DEFAULT_WORD,
    previous: tuple[Block, ...] = (),
    people: Mapping[str, str] | None = None,
) -> tuple[Block, ...]:
    """The blocks a body text describes.

    `default_word` is the house style's resolution word: a resolution typed with it follows the
    style. `previous` are the blocks the text was made from: their resolutions, public
    questions, tables and notices of motion, taken in order, keep what the text does not show.
    `people` (attendance ids to names, `people_names`) lets a notice of motion typed with its
    mover's name know who moved it; without it a typed notice's mover is left to its form.
    """
    rules = grammar(default_word)
    tokens = [rules.read(line) for line in split_lines(text)]
    names: dict[str, str] = {}
    for key, name in (people or {}).items():
        if name:
            names.setdefault(name.casefold(), key)  # two of one name: the first, as listed
    blocks = tuple(_Parser(tokens, rules.word, names).blocks(0))
    return _carried(blocks, previous, None, people)


def people_names(meeting: Meeting) -> dict[str, str]:
    """The names a notice of motion's placeholder shows, by attendance id: "Councillor Moore"."""
    return {person.id: person.display_name for person in meeting.attendance}


# --- writing: blocks to text -------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def format_body(
    blocks: tuple[Block, ...],
    default_word: str = DEFAULT_WORD,
    people: Mapping[str, str] | None = None,
) -> str:
    """The body as markup; `parse_body` of the result gives the same blocks back. `people`
    (attendance ids to names) gives a notice of motion's placeholder its mover's name."""
    writer = _Writer(default_word, people or {})
    return "\n\n".join(writer.blocks(blocks, ""))


@dataclass(frozen=True, slots=True)
class _Writer:
    word: str
    people: Mapping[str, str]

    def entries(
        self,
        entries: tuple[ListEntry, ...],
        marker: str | int,
        indent: str,
        numbering: ListNumbering = ListNumbering.DECIMAL,
    ) -> str:
        lines: list[str] = []
        if isinstance(marker, int) and not writable(numbering, marker, len(entries)):
            numbering = ListNumbering.DECIMAL  # past z or xxxix: in figures
        opening, closing = WRITTEN_FORMS[numbering]
        for n, entry in enumerate(entries):
            if isinstance(marker, str):
                label = marker
            else:
                label = f"{opening}{count_as(marker + n, numbering)}{closing}"
            # an empty entry keeps its space ("- "), so the clerk's next letter continues the list
            lines.append(f"{indent}{label} {_one_line(entry.text)}")
            for child, formatted in zip(
                entry.blocks, self.blocks(entry.blocks, indent + INDENT), strict=True
            ):
                if isinstance(child, BulletList | NumberedList):
                    lines.append(formatted)
                else:
                    # A paragraph inside an entry sits between blank lines, indented.
                    lines.extend(["", formatted, ""])
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

    def blocks(self, blocks: tuple[Block, ...], indent: str) -> list[str]:
        """Each of `blocks` as markup (one of them followed by a list of the same kind may be
        written otherwise, so that the list does not join it when the text is read back)."""
        return [
            self.block(block, indent, blocks[n + 1] if n + 1 < len(blocks) else None)
            for n, block in enumerate(blocks)
        ]

    def head(self, block: Resolution, indent: str) -> str:
        """A resolution's first line: its word, or `[resolution]` for none. A word given that
        is not a resolution word for this style (NOTED where the style's is AGREED) is written
        `[resolution: NOTED]`, so that the text reads back as the resolution it is."""
        if block.lead_state is LeadWord.NONE:
            return f"{indent}{NO_WORD}"
        word = block.lead_word or self.word
        read = grammar(self.word).read(f"{word}:")
        if read.kind == "resolution" and read.text == word:
            return f"{indent}{word}:"
        return f"{indent}[resolution: {word}]"

    def block(self, block: Block, indent: str, following: Block | None = None) -> str:
        match block:
            case Paragraph() | LeadIn():
                return indent + _one_line(block.text)
            case Heading():
                return f"{indent}## {block.text}".rstrip()
            case Lines():
                return "\n".join(indent + line for line in block.lines)
            case AttachmentRef():
                return f"{indent}[attachment: {block.label}]"
            case PublicQuestions():
                return f"{indent}[public questions: {block.questioner}]"
            case Table():
                return f"{indent}[table: {block.caption}]"
            case NoticeOfMotion():
                return f"{indent}[notice of motion: {self.people.get(block.mover_id or '', '')}]"
            case BulletList():
                return self.entries(block.entries, "-", indent)
            case NumberedList():
                return self.entries(block.entries, block.start, indent, block.numbering)
            case Resolution():
                head = self.head(block, indent)
                if not block.resolutions:
                    return head
                marker: str | int = 1 if block.numbered else "-"
                only = block.resolutions[0]
                if not block.numbered and len(block.resolutions) == 1 and not only.blocks:
                    return f"{head}\n\n{indent}{_one_line(only.text)}"
                numbering = _apart_from(block, following)
                return f"{head}\n\n" + self.entries(block.resolutions, marker, indent, numbering)
        raise AssertionError(f"unknown block {block!r}")  # pragma: no cover


def _apart_from(block: Resolution, following: Block | None) -> ListNumbering:
    """How a numbered resolution's entries are written: in figures, unless the block after it
    is a list in figures that would read as more of its entries ("1. 2." then "3."), when they
    are written in letters (or, past z, in roman numerals), which the list does not continue.
    (A resolution keeps no way of counting of its own: the minutes number it in figures.)"""
    count = len(block.resolutions)
    if not isinstance(following, NumberedList) or following.start <= count:
        return ListNumbering.DECIMAL
    own = following.numbering
    if own is not ListNumbering.DECIMAL and writable(own, following.start, len(following.entries)):
        return ListNumbering.DECIMAL  # written in its own letters or numerals: a list apart
    for numbering in (ListNumbering.LOWER_ALPHA, ListNumbering.LOWER_ROMAN):
        if writable(numbering, 1, count):
            return numbering
    return ListNumbering.DECIMAL  # more than xxxix resolutions: nothing counts otherwise


# --- editing: what the editor's keys do to lines -----------------------------------------------


def _run_entries(
    rules: LineGrammar, lines: Sequence[str], first: int, indent: int, keep: int
) -> list[tuple[int, MarkupLine]]:
    """The line numbers of the entries of the numbered list whose first entry is `first`, read
    as the parser reads it, each with its line as the list counts it (i after h a letter). A
    later entry numbered 1, or one counting otherwise (a roman numeral after letters), starts a
    list of its own (unless it is line `keep`, the one just edited)."""
    head = rules.read(lines[first])
    entries = [(first, head)]
    n, i = len(lines), first + 1
    while i < n:
        while i < n and rules.read(lines[i]).is_plain:  # continuation lines of the entry
            i += 1
        while i < n and (not lines[i].strip() or indent_of(lines[i]) > indent):  # its children
            i += 1
        if i >= n or indent_of(lines[i]) != indent:
            break
        found = rules.read(lines[i])
        if found.kind != "number":
            break
        previous = entries[-1][1]
        if len(entries) == 1:
            previous = LineGrammar.first_of(previous, found, rising=False)
            entries[0] = (first, previous)
        reading = LineGrammar.in_list(previous, found, rising=False)
        if reading is None and i == keep:
            # the line just edited counts as the list does, even if typed otherwise
            reading = replace(found, numbering=previous.numbering, other=None)
        if reading is None or (reading.number == 1 and i != keep):
            break
        entries.append((i, reading))
        i += 1
    return entries


def _run_of(
    rules: LineGrammar, lines: Sequence[str], line: int, keep: int
) -> list[tuple[int, MarkupLine]]:
    """The entries of the numbered list that holds `line` (see `_run_entries`); empty if
    `line` is not a numbered entry."""
    found = rules.read(lines[line]) if 0 <= line < len(lines) else None
    if found is None or found.kind != "number":
        return []
    indent = found.indent
    start = 0
    while start < len(lines):
        candidate = rules.read(lines[start])
        if candidate.kind == "number" and candidate.indent == indent:
            run = _run_entries(rules, lines, start, indent, keep=keep)
            if any(index == line for index, _ in run):
                return run
            start = run[-1][0] + 1
        else:
            start += 1
    return []


def read_in_list(lines: Sequence[str], line: int, word: str = DEFAULT_WORD) -> MarkupLine:
    """Line `line` of `lines` read as the list it is in counts it: "i)" after "h)" is the
    ninth letter, not the first numeral (`LineGrammar.read` reads a line on its own)."""
    rules = grammar(word)
    for index, reading in _run_of(rules, lines, line, keep=-1):
        if index == line:
            return reading
    return rules.read(lines[line])


def renumbered(
    lines: list[str], line: int, restart: bool = False, word: str = DEFAULT_WORD
) -> dict[int, str]:
    """New text for the lines of the numbered list that holds `line`, numbered on from its first
    entry (from 1 if `restart` and `line` is that first entry) in the way it counts (figures,
    letters or numerals). Only changed lines are given."""
    run = _run_of(grammar(word), lines, line, keep=line)
    if not run:
        return {}
    first = run[0][1]
    assert first.number is not None
    number = 1 if restart and run[0][0] == line else first.number
    changes: dict[int, str] = {}
    for index, entry in run:
        if number > _LIMITS[first.numbering]:
            break  # past z or xxxix: the rest stay as typed
        if entry.number != number or entry.numbering is not first.numbering:
            text = lines[index]
            counted = replace(entry, numbering=first.numbering, opening=entry.opening)
            changes[index] = (
                text[: entry.marker_start]
                + counted.marker(number)
                + text[entry.marker_start + entry.marker_width :]
            )
        number += 1
    return changes


def entry_above(
    lines: list[str], line: int, indent: int, word: str = DEFAULT_WORD
) -> MarkupLine | None:
    """The list entry above `line` at `indent` in the same list, if any (skipping nested
    content and blank lines)."""
    for index in range(line - 1, -1, -1):
        text = lines[index]
        if not text.strip():
            continue
        level = indent_of(text)
        if level > indent:
            continue
        if level < indent:
            return None
        return read_in_list(lines, index, word) if grammar(word).entry(text) else None
    return None


def _next_numbered_at(rules: LineGrammar, lines: list[str], start: int, indent: int) -> int | None:
    """The next numbered line at `indent` from `start`, before anything shallower."""
    for number in range(start, len(lines)):
        text = lines[number]
        if not text.strip():
            continue
        level = indent_of(text)
        if level < indent:
            return None
        if level == indent:
            return number if rules.read(text).kind == "number" else None
    return None


def shifted(
    lines: list[str], first: int, last: int, step: int, word: str = DEFAULT_WORD
) -> dict[int, str]:
    """Tab (`step` +1) or Shift+Tab (-1) on lines `first` to `last`: each goes one level in or
    out (a blank line only when it is the only one), numbered entries take their numbers from
    the list they join, and the list they left closes up behind them. The changed lines."""
    rules = grammar(word)
    lines = list(lines)
    changes: dict[int, str] = {}
    for number in range(first, last + 1):
        text = lines[number]
        if step > 0:
            if text.strip() or first == last:
                changes[number] = INDENT + text
        elif text.startswith("\t"):
            changes[number] = text[1:]
        else:
            spaces = len(text) - len(text.lstrip(" "))
            if spaces:
                changes[number] = text[min(spaces, len(INDENT)) :]
    if not changes:
        return {}
    old_lines = list(lines)
    for number, text in changes.items():
        lines[number] = text

    def renumber(line: int) -> None:
        found = renumbered(lines, line, restart=True, word=word)
        for index, text in found.items():
            lines[index] = text
        changes.update(found)

    moved = [n for n in sorted(changes) if rules.read(lines[n]).kind == "number"]
    for number in moved:
        renumber(number)
    for number in moved:
        left = rules.read(old_lines[number])
        following = _next_numbered_at(rules, lines, last + 1, left.indent)
        if following is not None:
            renumber(following)
    return changes


@dataclass(frozen=True, slots=True)
class NextEntry:
    """Enter inside a list entry's text: the entry keeps `kept`, and `new` is the next entry's
    line (same indentation, the next number, the text after the cursor)."""

    kept: str
    new: str
    numbered: bool
    text_start: int
    """Where the new entry's text starts in `new`."""


def next_entry(
    line: str,
    column: int,
    word: str = DEFAULT_WORD,
    lines: Sequence[str] | None = None,
    index: int = -1,
) -> NextEntry | None:
    """What Enter at `column` (code points) of `line` makes, if it continues a list: None for a
    plain new line (not an entry, or the cursor is in the marker) and for an empty entry
    (`end_entry` says what Enter does there) and after a list's last letter (z), numeral
    (xxxix) or number (100000). Given the editor's `lines` and the line's `index`
    in them, the next marker counts as the list does ("i)" after "h)" is followed by "j)", not
    "ii)"); without them as the line reads on its own."""
    found = grammar(word).entry(line)
    if found is None or column < found.marker_end or not line[found.marker_end :].strip():
        return None
    if lines is not None and 0 <= index < len(lines) and lines[index] == line:
        found = read_in_list(lines, index, word)
    if found.number is not None and found.number >= _LIMITS[found.numbering]:
        # after z, xxxix or 100000 a list cannot count on: a plain new line
        return None
    rest = line[column:]
    kept = line[:column].rstrip(" \t")
    marker = found.marker(None if found.number is None else found.number + 1)
    prefix = line[: found.marker_start] + marker + " "
    return NextEntry(kept, prefix + rest.lstrip(" \t"), found.number is not None, len(prefix))


def end_entry(lines: list[str], line: int, word: str = DEFAULT_WORD) -> dict[int, str] | None:
    """Enter on an empty entry: a nested one goes back a level (the changed lines, renumbered
    to fit); for an entry at the top level None: the list ends (the line becomes blank)."""
    found = grammar(word).entry(lines[line])
    if found is None or found.indent < len(INDENT):
        return None
    level = found.indent - len(INDENT)
    above = entry_above(lines, line, level, word)
    if above is not None:
        marker = above.marker(None if above.number is None else above.number + 1)
    else:
        marker = found.marker(1 if found.number is not None else None)
    lines = list(lines)
    lines[line] = " " * level + marker + " "
    changes = {line: lines[line]}
    if above is not None and above.number is not None:
        changes.update(renumbered(lines, line, word=word))
    return changes


def unmarked(line: str, column: int, word: str = DEFAULT_WORD) -> tuple[str, int] | None:
    """Backspace at `column` straight after an entry's marker and the space after it: the line
    without its marker and where the cursor goes; None when Backspace is an ordinary one."""
    found = grammar(word).entry(line)
    if found is None or column != found.marker_end:
        return None
    if found.marker_end == found.marker_start + found.marker_width:
        return None  # no space after the marker yet: an ordinary backspace
    return line[: found.marker_start] + line[found.marker_end :], found.marker_start


def continued_indent(line: str, column: int) -> str:
    """Enter on a plain line: the new line keeps the indentation of the one it follows (text
    nested in an entry), unless the cursor is within that indentation."""
    if not line.strip():
        return ""
    indent = line[: len(line) - len(line.lstrip())]
    return indent if column >= len(indent) else ""


def clean_paste(text: str) -> str:
    """Text from Word or an e-mail as markup: its bullets as "- ", its tabs as indentation."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _PASTED_BULLET.sub(lambda m: m.group(1) + "- ", text)
    return "\n".join(_leading_tabs(line) for line in text.split("\n"))


def _leading_tabs(line: str) -> str:
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)].expandtabs(TAB_WIDTH) + stripped


# --- carrying over what the markup cannot show ----------------------------------------------


def _resolution_key(block: Resolution) -> Hashable:
    return (block.lead_state is LeadWord.NONE, tuple(entry.text for entry in block.resolutions))


def _questions_key(block: PublicQuestions) -> Hashable:
    return block.questioner


def _table_key(block: Table) -> Hashable:
    return block.caption


def _notice_key(block: NoticeOfMotion) -> Hashable:
    return block.mover_id


def _visible(block: Block) -> Block | None:
    """What the text alone makes of `block` (None for a block the text shows whole)."""
    if isinstance(block, Resolution):
        return Resolution(
            lead=LeadWord.NONE if block.lead_state is LeadWord.NONE else LeadWord.STYLE,
            lead_word=block.lead_word if block.lead_state is LeadWord.GIVEN else "",
            numbered=block.numbered,
            resolutions=block.resolutions,
        )
    if isinstance(block, PublicQuestions):
        return PublicQuestions(questioner=block.questioner)
    if isinstance(block, Table):
        return Table(caption=block.caption)
    if isinstance(block, NoticeOfMotion):
        return NoticeOfMotion(mover_id=block.mover_id)
    return None


def _has_hidden_data(block: Block) -> bool:
    """Whether `block` holds more than its text shows (votes, a number, rows, a reply...)."""
    visible = _visible(block)
    return visible is not None and block != visible


def _inner(block: Block) -> tuple[ListEntry, ...]:
    """The entries of a list or a resolution, whose blocks the text shows nested in it."""
    if isinstance(block, BulletList | NumberedList):
        return block.entries
    if isinstance(block, Resolution):
        return block.resolutions
    return ()


def _walked(blocks: Sequence[Block], into: list[Block] | None = None) -> list[Block]:
    """Every block, nested ones (in list entries and resolutions) included, in reading order:
    each block before the blocks inside it."""
    found: list[Block] = [] if into is None else into
    for block in blocks:
        found.append(block)
        for entry in _inner(block):
            if entry.blocks:
                _walked(entry.blocks, found)
    return found


def _token(block: Block) -> Hashable:
    """What the text shows of `block` on its own lines (not the blocks nested in it), for
    lining the blocks up before and after an edit."""
    match block:
        case Paragraph() | LeadIn() | Heading():
            return (block.type, block.text)
        case BulletList() | NumberedList():
            return (block.type, tuple(entry.text for entry in block.entries))
        case Resolution():
            return (block.type, _resolution_key(block))
        case Table():
            return (block.type, block.caption)
        case NoticeOfMotion():
            return (block.type, block.mover_id)
        case PublicQuestions():
            return (block.type, block.questioner)
    return block


Opcode = tuple[str, int, int, int, int]


def _opcodes(old: list[Hashable], new: list[Hashable]) -> list[Opcode]:
    """How `new` differs from `old`, as `difflib.SequenceMatcher.get_opcodes` says; the parts
    the same at the start and at the end are taken off first, so that an edit in one place
    (what a pause in typing makes) compares only what changed there."""
    n, m = len(old), len(new)
    head = 0
    while head < n and head < m and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and old[n - 1 - tail] == new[m - 1 - tail]:
        tail += 1
    codes: list[Opcode] = [("equal", 0, head, 0, head)]
    middle = difflib.SequenceMatcher(
        None, old[head : n - tail], new[head : m - tail], autojunk=False
    )
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        codes.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    codes.append(("equal", n - tail, n, m - tail, m))
    return codes


def _matched(old: list[Block], new: list[Block], kinds: Sequence[type]) -> dict[int, int]:
    """For blocks of `kinds` in `new` (places in reading order), the block of `old` each
    continues, lining up every block the text shows, so that the paragraphs and lists round
    a table anchor it: a second table with the same caption typed above the first is a new one.
    Where the text changed, blocks of one kind are paired in order."""
    found: dict[int, int] = {}
    codes = _opcodes([_token(b) for b in old], [_token(b) for b in new])
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            for offset in range(i2 - i1):
                if isinstance(new[j1 + offset], tuple(kinds)):
                    found[j1 + offset] = i1 + offset
        elif tag == "replace":
            for kind in kinds:
                olds = [i for i in range(i1, i2) if isinstance(old[i], kind)]
                news = [j for j in range(j1, j2) if isinstance(new[j], kind)]
                found.update(zip(news, olds, strict=False))
    return found


_KEYS: dict[type, Callable[[Any], Hashable]] = {
    Resolution: _resolution_key,
    PublicQuestions: _questions_key,
    Table: _table_key,
    NoticeOfMotion: _notice_key,
}
"""For each kind of block whose text does not show it all: what a vanished one is remembered
by (see `carry_over`)."""


def _sources(
    fresh: list[Block], previous: list[Block], memory: dict[Hashable, Block] | None
) -> dict[int, Block]:
    """For blocks of `fresh` (places in reading order), the block each continues: of
    `previous`, or (with `memory`) one remembered. Without `memory`, blocks of each kind are
    paired in order, as `parse_body` does; with it, in order where a kind has as many blocks as
    before, and otherwise by `_matched`, a vanished one being remembered."""
    places: dict[type, list[int]] = {kind: [] for kind in _KEYS}
    before: dict[type, list[int]] = {kind: [] for kind in _KEYS}
    for n, block in enumerate(fresh):
        if type(block) in places:
            places[type(block)].append(n)
    for n, block in enumerate(previous):
        if type(block) in before:
            before[type(block)].append(n)
    sources: dict[int, Block] = {}
    unequal = [k for k in _KEYS if len(places[k]) != len(before[k])]
    matched = _matched(previous, fresh, unequal) if memory is not None and unequal else {}
    for kind, key in _KEYS.items():
        if memory is None or kind not in unequal:
            for new, old in zip(places[kind], before[kind], strict=False):
                sources[new] = previous[old]
            continue
        used: set[int] = set()
        for new in places[kind]:
            if (source := matched.get(new)) is not None:
                used.add(source)
                sources[new] = previous[source]
            else:
                remembered = memory.pop(key(fresh[new]), None)
                if remembered is not None and isinstance(remembered, kind):
                    sources[new] = remembered
        for old in before[kind]:
            if old not in used and _has_hidden_data(previous[old]):
                memory[key(previous[old])] = previous[old]
                while len(memory) > 20:
                    memory.pop(next(iter(memory)))
    return sources


def _rebuilt(
    blocks: tuple[Block, ...],
    sources: dict[int, Block],
    names: Mapping[str, str],
    counter: list[int],
) -> tuple[Block, ...]:
    """`blocks` (counted in reading order from `counter`) with each one in `sources` kept from
    its source, nested ones first."""
    result: list[Block] = []
    for block in blocks:
        place = counter[0]
        counter[0] += 1
        new = block
        entries = _inner(block)
        if any(entry.blocks for entry in entries):
            kept = tuple(
                entry.model_copy(update={"blocks": inner})
                if (inner := _rebuilt(entry.blocks, sources, names, counter)) is not entry.blocks
                else entry
                for entry in entries
            )
            if any(a is not b for a, b in zip(kept, entries, strict=True)):
                field = "resolutions" if isinstance(block, Resolution) else "entries"
                new = block.model_copy(update={field: kept})
        source = sources.get(place)
        if source is not None:
            new = _keep(source, new, names)
        result.append(new)
    if all(a is b for a, b in zip(result, blocks, strict=True)):
        return blocks
    return tuple(result)


def _keep(old: Block, new: Block, names: Mapping[str, str]) -> Block:
    if isinstance(old, Resolution) and isinstance(new, Resolution):
        return _keep_resolution(old, new)
    if isinstance(old, PublicQuestions) and isinstance(new, PublicQuestions):
        return _keep_questions(old, new)
    if isinstance(old, Table) and isinstance(new, Table):
        return _keep_table(old, new)
    if isinstance(old, NoticeOfMotion) and isinstance(new, NoticeOfMotion):
        return _keep_notice(old, new, names)
    return new  # pragma: no cover - sources pair blocks of one kind


def _keep_resolution(old: Resolution, new: Resolution) -> Resolution:
    """`old` with what the text says: its word (or none), numbering and text. Everything else
    (id, number, kind, related motion, motion, debate, votes, readings...) stays."""
    if new.lead is LeadWord.NONE:
        lead, word = LeadWord.NONE, old.lead_word
    else:
        lead = LeadWord.STYLE if old.lead is LeadWord.NONE else old.lead
        word = new.lead_word
    update: dict[str, object] = {
        "lead": lead,
        "lead_word": word,
        "numbered": new.numbered,
        "resolutions": new.resolutions,
    }
    if all(getattr(old, k) == v for k, v in update.items()):
        return old
    return old.model_copy(update=update)


def _keep_questions(old: PublicQuestions, new: PublicQuestions) -> PublicQuestions:
    if old.questioner == new.questioner:
        return old
    return old.model_copy(update={"questioner": new.questioner})


def _keep_table(old: Table, new: Table) -> Table:
    return old if old.caption == new.caption else old.model_copy(update={"caption": new.caption})


def _keep_notice(
    old: NoticeOfMotion, new: NoticeOfMotion, names: Mapping[str, str]
) -> NoticeOfMotion:
    """`old`, moved by whoever the text names, if it names someone the meeting has. Where two
    people have the same name (`names`, attendance ids to names), the name its mover had still
    names its mover."""
    if new.mover_id is None or new.mover_id == old.mover_id:
        return old
    name = names.get(new.mover_id)
    if (
        name
        and old.mover_id is not None
        and names.get(old.mover_id, "").casefold() == name.casefold()
    ):
        return old
    return old.model_copy(update={"mover_id": new.mover_id})


def carry_over(
    fresh: tuple[Block, ...],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block] | None = None,
    people: Mapping[str, str] | None = None,
) -> tuple[Block, ...]:
    """`fresh` (parsed from the text alone) with what the text cannot show taken from
    `previous`: the votes of resolutions (and every other part of a resolution the text does
    not show), the contents of public questions, a table's rows, a notice's motion and reply;
    nested ones (inside a list entry) as well as those at the top, in reading order, so that
    one moved a level in or out keeps what it holds.

    As `parse_body(text, word, previous)` when the text has as many of a kind as before; when
    one appears or vanishes, the blocks are lined up by what the text shows of them all (the
    paragraphs round them anchoring them), and a vanished one with something the text does not
    show is kept in `memory` (by its text), so that retyping its resolution word, which undoes
    the resolution for a keystroke or two, loses nothing. `people` (attendance ids to names,
    `people_names`) keeps a notice's mover when the text names someone else of the same name."""
    memory = {} if memory is None else memory
    return _carried(fresh, previous, memory, people)


def _carried(
    fresh: tuple[Block, ...],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block] | None,
    people: Mapping[str, str] | None,
) -> tuple[Block, ...]:
    if not previous and not memory:
        return fresh
    sources = _sources(_walked(fresh), _walked(previous), memory)
    if not sources:
        return fresh
    return _rebuilt(fresh, sources, people or {}, [0])


# --- numbered entries as markup (public questions and responses) ----------------------------


def markup(blocks: tuple[Block, ...], word: str) -> str:
    """The text the clerk edits for these blocks: `format_body`, which writes an empty entry's
    marker with its space ("- ", "1. "), so that the clerk can type on at once."""
    return format_body(blocks, word)


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
