"""The council's writing rules (`HouseStyle.house_rules`) checked in the text the clerk typed:
findings of kind `FindingKind.HOUSE_STYLE`, each with a `Fix`.

One finding per occurrence, for the exact span it is about, so that applying a fix changes
nothing else; `fix_house_style` applies them all. The rules (each off unless style.toml turns it
on; docs/checks.md has the clerk's account of them):

- `time`: a time of day in the text ("5:30 pm", "17:30", "5.30 p.m.") is written as the example
  is. Only what is certainly a time is touched: a number with am or pm ("5.30pm", "5 p.m."), or
  a 24-hour time with a colon whose hour says so ("17:30", "09:30"). "5.30" alone may be money
  or a paragraph and is left. A time on the hour written without minutes ("5pm") keeps none on
  the 12-hour clock ("5 p.m." becomes "5pm" in a "5.30pm" style) and becomes "17:00" on the
  24-hour one; "7.00pm" keeps its minutes.
- `no_ordinals`: "8th April 2025" and "8th of April" become "8 April"; "April 8th" "April 8".
  An ordinal that is not in a date ("the 8th meeting") is left.
- `member_title`: "Cllr" or "Councillor", the other one where it addresses a councillor: in a
  person's title of address, and in the text before a name ("Cllr Moore", "Cllr. Moore",
  "Councillors Moore and Singh"). "councillors" in lower case is a common noun and is left,
  as are titled schemes ("Councillor Call for Action").
- `title_case`: each item title in upper, title or sentence case. Title case: every word
  capitalised but a, an, and, as, at, but, by, for, from, in, into, of, on, or, the, to, with
  (capitalised as the first word, and allowed either way after a colon, a dash or a bracket);
  acronyms ("SEND"), words with figures ("2025/26") and words with capitals of their own
  ("McDonald", "iPad") are kept, and after a hyphen either case is accepted ("Two-Hour",
  "Looked-after"). Sentence case flags only what is certainly wrong, since any word may be a
  name: a first word in lower case, and one of those small words capitalised inside the title
  ("Minutes Of the previous meeting") unless it may begin a name ("The Old Rectory") or be a
  label ("Part A").
- `capacity_dash`: a capacity line loses a dash at its start ("- Youth Representative"), and a
  hyphen between spaces in it is an en dash ("Governor – Primary").
- `small_numbers_in_words`: a figure under ten in a vote count in the text is a word: "5 votes
  for", "carried by 7 votes to 2", "2 against", "1 abstention", "with 3 abstaining", "3 members
  voted against". Figures after "Minute", "item", "paragraph" and the like, and in dates and
  sums of money, are not vote counts.
- `per_cent`: "9%", "9 %", "9pc", "9 percent" become "9 per cent".

The text is walked once (`fields.text_fields`) and each field is searched with patterns
compiled once, so the check keeps pace with typing however long the meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from clerk_app.domain.fields import TextField, part_name, text_fields
from clerk_app.domain.finding import Finding, FindingKind, Fix, Severity, apply_fixes
from clerk_app.domain.house_rules import HouseRules, TimeForm, TitleCase
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting

FIX_PASSES = 4
"""How many times `fix_house_style` looks again: fixes that overlap (a title's case and a time
in it) are applied on the next pass."""


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    replacement: str
    shown_old: str = ""
    """What the message quotes; empty: the text replaced."""
    shown_new: str = ""
    label: str = ""
    """The fix's label; empty: 'Write "<shown_new>"'."""


_Rule = Callable[[str], Iterator[_Hit]]


# --- where a match must not be ----------------------------------------------------------------

_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _links(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    return [m.span() for m in _LINK.finditer(text)]


def _sentence_ends(text: str, end: int) -> bool:
    """Whether a full stop at `end` would end the sentence (the text ends, or a capital
    follows)."""
    return _SENTENCE_END.match(text, end) is not None


_SENTENCE_END = re.compile(r"[”’\"']?(?:\s+[A-Z]|\s*$)")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+[\w’']+")
_PREVIOUS_WORD = re.compile(r"[\w’']+[ \t\u00a0]+$")


def _with_next_word(text: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    """What a message quotes for a short change: the change and the word after it ("Cllr
    Moore"), or the word before it if none follows ("to 2")."""
    after = _NEXT_WORD.match(text, end)
    if after is not None:
        return text[start : after.end()], replacement + after[0]
    before = _PREVIOUS_WORD.search(text, 0, start)
    if before is not None:
        return text[before.start() : end], before[0] + replacement
    return text[start:end], replacement


# --- time -------------------------------------------------------------------------------------

_TIME = re.compile(
    r"(?=\d)(?<![\w.,:£$€/])(?P<h>\d{1,2})(?:(?P<sep>[.:])(?P<m>\d{2}))?"
    r"(?P<space>[ \u00a0\u202f]?)(?P<suffix>[aApP]\.[ ]?[mM]\.?|[aApP][mM])(?!\w)"
    r"|(?=\d)(?<![\w.,:£$€/])(?P<h24>\d{2}):(?P<m24>\d{2})(?![\w:]|[.,]\d)"
)


_TIME_HINT = re.compile(r"\d[ \u00a0\u202f]?[aApP]\.?[ ]?[mM](?!\w)|\d:\d\d")
"""Found in any text with a time: one quick look before the closer one."""


def _time_rule(form: TimeForm) -> _Rule:
    def find(text: str) -> Iterator[_Hit]:
        if _TIME_HINT.search(text) is None:
            return
        for match in _TIME.finditer(text):
            start, end = match.span()
            minute: int | None
            if match["h24"] is not None:
                hour, minute = int(match["h24"]), int(match["m24"])
                # a 24-hour time, unless the hour could be one on the 12-hour clock without am
                # or pm ("10:30" is a time in a 24-hour style, a question in another)
                certain = match["h24"].startswith("0") or 13 <= hour <= 23 or form.clock24
                if not certain or hour > 23 or minute > 59:
                    continue
                new = form.write(hour, minute)
            else:
                hour = int(match["h"])
                minute = int(match["m"]) if match["m"] is not None else None
                if not 1 <= hour <= 12 or (minute is not None and minute > 59):
                    continue
                if match["suffix"][0] in "pP" and hour != 12:
                    hour += 12
                elif match["suffix"][0] in "aA" and hour == 12:
                    hour = 0
                new = form.write(hour, minute)
            old = match[0]
            if new.endswith(".") and text.startswith(".", end):
                end += 1  # "6pm." becomes "6 p.m.", not "6 p.m.."
                old += "."
            elif old.endswith(".") and not new.endswith(".") and _sentence_ends(text, end):
                new += "."  # the full stop of "p.m." also ended the sentence
            if new != old:
                yield _Hit(start, end, new)

    return find


# --- ordinals ---------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
_MONTHS = "|".join(sorted({*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)}, key=len)[::-1])
_SUFFIX = r"(?P<ord>st|nd|rd|th|ST|ND|RD|TH)"
_DAY_FIRST = re.compile(
    rf"(?=\d)(?<![\w.,/£$€])(?P<d>[0-3]?\d){_SUFFIX}(?P<of>\s+(?:of|OF))?"
    rf"(?P<month>\s+(?:{_MONTHS})\b)"
)
_MONTH_FIRST = re.compile(rf"\b(?P<month>(?:{_MONTHS})\.?\s+)(?P<d>[0-3]?\d){_SUFFIX}(?!\w)")


_ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th|ST|ND|RD|TH)(?!\w)")


def _ordinals(text: str) -> Iterator[_Hit]:
    if _ORDINAL_HINT.search(text) is None:
        return
    hits: list[_Hit] = []
    for match in _DAY_FIRST.finditer(text):
        if 1 <= int(match["d"]) <= 31:
            start, end = match.start("d"), match.end("of") if match["of"] else match.end("ord")
            hits.append(
                _Hit(
                    start,
                    end,
                    match["d"],
                    shown_old=match[0],
                    shown_new=match["d"] + match["month"],
                )
            )
    for match in _MONTH_FIRST.finditer(text):
        if 1 <= int(match["d"]) <= 31:
            hits.append(
                _Hit(
                    match.start("ord"),
                    match.end("ord"),
                    "",
                    shown_old=match[0],
                    shown_new=match["month"] + match["d"],
                    label=f'Write "{match["month"] + match["d"]}"',
                )
            )
    yield from sorted(hits, key=lambda hit: hit.start)


# --- member title -----------------------------------------------------------------------------

_NOT_A_NAME = (
    "Call", "Code", "Conduct", "Development", "Allowance", "Allowances", "Induction", "Enquiry",
    "Enquiries", "Services", "Support", "Training", "Briefing", "Briefings", "Portal", "Surgery",
    "Surgeries", "Champion", "Champions", "Forum", "Handbook", "Survey", "Casework", "Bulletin",
)  # fmt: skip
"""Capitalised words after "Councillor" that begin a scheme's name, not a person's."""
_TO_CLLR = re.compile(rf"\b(?P<w>Councillor)(?P<s>s?)(?=\s+(?!(?:{'|'.join(_NOT_A_NAME)})\b)[A-Z])")
_TO_CLLR_TITLE = re.compile(r"\b(?P<w>Councillor)(?P<s>s?)\b")
_CLLR_DOT = re.compile(r"\b(?P<w>Cllr)(?P<s>s?)\.(?=\s)")
_CLLR_DOT_TITLE = re.compile(r"\b(?P<w>Cllr)(?P<s>s?)\.(?=\s|$)")
_TO_COUNCILLOR = re.compile(r"\b(?P<w>Cllr)(?P<s>s?)(?P<dot>\.(?=\s))?(?!\w)")
_TO_COUNCILLOR_TITLE = re.compile(r"\b(?P<w>Cllr)(?P<s>s?)(?P<dot>\.(?=\s|$))?(?!\w)")


def _member_title_rule(house: str, *, title_field: bool) -> _Rule:
    def find(text: str) -> Iterator[_Hit]:
        if "Cllr" not in text and "Councillor" not in text:
            return
        patterns: tuple[re.Pattern[str], ...]
        if house == "Councillor":
            patterns = (_TO_COUNCILLOR_TITLE if title_field else _TO_COUNCILLOR,)
        elif title_field:
            patterns = (_TO_CLLR_TITLE, _CLLR_DOT_TITLE)
        else:
            patterns = (_TO_CLLR, _CLLR_DOT)
        hits = []
        for pattern in patterns:
            for match in pattern.finditer(text):
                new = house + match["s"]
                old, shown = _with_next_word(text, match.start(), match.end(), new)
                hits.append(_Hit(match.start(), match.end(), new, old, shown, f'Write "{new}"'))
        yield from sorted(hits, key=lambda hit: hit.start)

    return find


# --- title case -------------------------------------------------------------------------------

MINOR_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with"
))  # fmt: skip
"""Words title case writes in lower case inside a title."""
_EITHER_CASE = frozenset((
    "v", "vs", "via", "per", "nor", "upon", "than", "versus", "de", "la", "le", "von", "van",
    "der", "den"
))  # fmt: skip
"""Small words title case accepts in lower case, as some councils write them."""
_LABEL_WORDS = frozenset((
    "part", "appendix", "annex", "annexe", "schedule", "section", "plan", "phase", "option",
    "block", "category", "grade", "class", "zone", "area", "site", "table", "item", "band",
    "group", "stage", "type", "list", "form", "route", "tier", "model", "unit"
))  # fmt: skip
"""Words a capital "A" may follow as a label ("Part A", "Option A")."""
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"^(?P<lead>[^\w]*)(?P<word>.*?)(?P<trail>[^\w]*)$", re.DOTALL)
_UNITS = frozenset(("am", "pm", "a.m", "p.m", "per", "cent", "pc"))
"""Words after a figure that title case leaves as they are ("5.30 pm", "9 per cent")."""
_BREAK_AFTER = (":", "–", "—", "-", ";")


def _upper_first(word: str) -> str:
    return word[:1].upper() + word[1:]


def cased_title(title: str, case: TitleCase) -> str:
    """`title` as the house style writes it, with only the letters' case changed."""
    if case is TitleCase.UPPER:
        return title.upper()
    if case is TitleCase.ANY:
        return title
    tokens = list(_TOKEN.finditer(title))
    out = list(title)
    previous: str | None = None  # the previous word, lower case; None at the start
    after_break = True
    for n, token in enumerate(tokens):
        parts = _WORD.match(token[0])
        assert parts is not None
        lead, word, trail = parts["lead"], parts["word"], parts["trail"]
        start = token.start() + len(lead)
        first = previous is None
        lenient = after_break or "(" in lead or any(q in lead for q in "\"“‘'")
        head = re.split(r"[-‐–]", word, maxsplit=1)[0]
        core = re.sub(r"['’]s$", "", head)
        following = tokens[n + 1][0] if n + 1 < len(tokens) else ""
        label = "(" in lead and trail.startswith(")") and len(core) <= 3
        after_figure = n > 0 and any(char.isdigit() for char in tokens[n - 1][0])
        if word.lower() in _UNITS and (after_figure or previous == "per"):
            new = None  # 5.30 pm, 9 per cent: the other rules' words, never capitalised
        else:
            new = _cased_word(core, case, first, lenient, previous, following, label)
        if new is not None:
            out[start : start + len(core)] = list(new)
        if word:
            previous = word.lower()
        after_break = token[0].endswith(_BREAK_AFTER)
    return "".join(out)


def _cased_word(
    core: str,
    case: TitleCase,
    first: bool,
    lenient: bool,
    previous: str | None,
    following: str,
    label: bool,
) -> str | None:
    """The word as it should be, or None if it is right as it is (or cannot be judged)."""
    if not core or not core[0].isalpha() or any(char.isdigit() for char in core):
        return None
    if label:
        return None  # a list label: (a), (ii)
    lower = core.lower()
    if len(core) > 1 and core.isupper():
        return None  # an acronym: SEND, CYP
    if core[1:] != core[1:].lower():
        return None  # capitals of its own: McDonald, iPad
    if first:
        return _upper_first(core) if core.islower() else None
    minor = lower in MINOR_WORDS
    if minor and core[0].isupper() and not lenient:
        if core == "A" and (previous in _LABEL_WORDS or not following[:1].isalpha()):
            return None  # a label: Part A
        if case is TitleCase.SENTENCE and core in ("The", "A") and following[:1].isupper():
            return None  # may begin a name: The Old Rectory
        return lower
    if case is TitleCase.TITLE and not minor and core.islower() and lower not in _EITHER_CASE:
        return _upper_first(core)
    return None


def _title_case_rule(case: TitleCase) -> _Rule:
    def find(text: str) -> Iterator[_Hit]:
        new = cased_title(text, case)
        if new == text:
            return
        differ = [n for n, (a, b) in enumerate(zip(text, new, strict=True)) if a != b]
        start, end = differ[0], differ[-1] + 1
        yield _Hit(
            start,
            end,
            new[start:end],
            shown_old=text,
            shown_new=new,
            label=f"Write the title in {case.value} case",
        )

    return find


# --- capacity ---------------------------------------------------------------------------------

_LEADING_DASH = re.compile(r"^[ \t]*[-–—]+[ \t]*(?=\S)")
_SPACED_HYPHEN = re.compile(r"(?<=\S)[ \t]+-{1,2}[ \t]+(?=\S)")


def _capacity_dash(text: str) -> Iterator[_Hit]:
    if "-" not in text and "–" not in text and "—" not in text:
        return
    leading = _LEADING_DASH.match(text)
    if leading is not None:
        yield _Hit(
            0,
            leading.end(),
            "",
            shown_old=text,
            shown_new=text[leading.end() :],
            label="Take the dash off the start",
        )
    for match in _SPACED_HYPHEN.finditer(text):
        start, end = match.span()
        yield _Hit(
            start,
            end,
            " – ",
            shown_old=text,
            shown_new=text[:start] + " – " + text[end:],
            label='Write an en dash, " – "',
        )


# --- small numbers in vote counts -------------------------------------------------------------

_WORDS = ("nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_N = r"(?=\d)(?<![\w.,£$€/:\-])(?P<{0}>\d)(?!\w|[.,:]\d)"
_COUNTED = "noun"  # "5 votes": 0 is "no"
_ALONE = "alone"  # "2 against": 0 is "none"
_AFTER_TO = "after to"  # "to 2": 0 is "nil"
_VOTE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[tuple[str, str], ...]], ...] = (
    (re.compile(_N.format("n") + r"(?=\s+votes?\b)"), (("n", _COUNTED),)),
    (re.compile(_N.format("n") + r"(?=\s+abstentions?\b)"), (("n", _COUNTED),)),
    (
        re.compile(_N.format("n") + r"(?=\s+(?:against|abstaining|abstained|in\s+favour)\b)"),
        (("n", _ALONE),),
    ),
    (
        re.compile(_N.format("n") + r"(?=\s+for\b\s*(?:[,;.)]|and\b|with\b|to\b|$))"),
        (("n", _ALONE),),
    ),
    (
        re.compile(
            _N.format("n")
            + r"(?=\s+(?:other\s+)?(?:[Mm]embers?|[Cc]ouncillors?)\s+"
            + r"(?:voted|abstained|were\s+in\s+favour|were\s+against)\b)"
        ),
        (("n", _COUNTED),),
    ),
    (re.compile(r"\b(?:votes?|in\s+favour)\s+to\s+" + _N.format("m")), (("m", _AFTER_TO),)),
    (
        re.compile(
            r"\b(?:carried|lost|defeated|approved|agreed|rejected|passed|fell)\s+(?:by\s+)?"
            + _N.format("n")
            + r"\s+to\s+"
            + _N.format("m")
            + r"(?!\s*(?:%|per\b|percent\b|pc\b))"
        ),
        (("n", _ALONE), ("m", _AFTER_TO)),
    ),
)
_NOT_A_COUNT_AFTER = frozenset((
    "minute", "minutes", "item", "items", "paragraph", "paragraphs", "para", "section", "sections",
    "page", "pages", "appendix", "annex", "annexe", "schedule", "part", "no", "no.", "number",
    "recommendation", "recommendations", "clause", "option", "options", "chapter", "policy",
    "table", "figure", "resolution", "article", "regulation", "rule", "order", "question",
    "motion", "amendment", "phase", "stage", "band", "level", "ward", "year", "years"
))  # fmt: skip
"""A figure after one of these is a reference, not a count: "Minute 7", "paragraph 3"."""
_WORD_BEFORE = re.compile(r"([\w.]+)\s*$")
_MONTH_WORDS = frozenset(m.lower() for m in _MONTH_NAMES)


def _number_word(figure: int, use: str, capital: bool) -> str:
    if figure == 0:
        word = {_COUNTED: "no", _ALONE: "none", _AFTER_TO: "nil"}[use]
    else:
        word = _WORDS[figure]
    return _upper_first(word) if capital else word


_VOTE_HINT = re.compile(
    r"\d\s+(?:vot|against|abst|in\s+favour|for\b|to\b|other|[Mm]ember|[Cc]ouncillor)"
)
"""Found in any text with a vote count (each count has a figure and one of these after it, or
follows one that has: "7 votes to 2"): one quick look before the closer ones."""


def _small_numbers(text: str) -> Iterator[_Hit]:
    if _VOTE_HINT.search(text) is None:
        return
    found: dict[int, _Hit] = {}
    for pattern, groups in _VOTE_PATTERNS:
        for match in pattern.finditer(text):
            for group, use in groups:
                start = match.start(group)
                if start in found:
                    continue
                before = _WORD_BEFORE.search(text, 0, start)
                word = before.group(1).lower() if before else ""
                if word in _NOT_A_COUNT_AFTER or word.rstrip(".") in _MONTH_WORDS:
                    continue
                capital = not text[:start].strip() or text[:start].rstrip().endswith(
                    (".", "!", "?")
                )
                new = _number_word(int(match[group]), use, capital)
                old, shown = _with_next_word(text, start, start + 1, new)
                found[start] = _Hit(start, start + 1, new, old, shown, f'Write "{new}"')
    yield from (found[start] for start in sorted(found))


# --- per cent ---------------------------------------------------------------------------------

_PER_CENT = re.compile(
    r"(?<=\d)(?P<sign>[ \u00a0]?%|[ \u00a0]?(?:pc|p\.c\.)(?!\w)|[ \u00a0]?(?:percent|per-cent)\b)"
    r"|\b(?P<word>[Pp]er(?:cent|-cent))\b"
)


_NUMBER_BEFORE = re.compile(r"\d[\d.,]*$")


def _per_cent(text: str) -> Iterator[_Hit]:
    if "%" not in text and "pc" not in text and "p.c." not in text and "cent" not in text:
        return
    for match in _PER_CENT.finditer(text):
        start, end = match.span()
        if match["word"] is not None:
            new = ("Per" if match["word"][0] == "P" else "per") + " cent"
            yield _Hit(start, end, new)
            continue
        new = " per cent"
        if match[0].endswith(".") and _sentence_ends(text, end):
            new += "."
        number = _NUMBER_BEFORE.search(text, 0, start)
        figure = number[0] if number is not None else ""
        yield _Hit(start, end, new, figure + match[0], figure + new, 'Write "per cent"')


# --- the check --------------------------------------------------------------------------------


_Found = tuple[tuple[str, _Hit], ...]
"""What the rules find in one text: (rule, hit) in the order of the text."""
_Kind = Literal["prose", "name", "person title", "item title", "capacity"]
CACHE_SIZE = 20_000
"""How many texts' results are kept: between two pauses in typing only the field typed in
changes, so every other field's result is looked up rather than worked out again."""


@dataclass(frozen=True, slots=True)
class _Rules:
    """The rules a style turns on, ready to run on each kind of field, and what they found in
    the texts seen lately."""

    by_kind: dict[_Kind, tuple[tuple[str, _Rule], ...]]
    upper_titles: bool
    """Item titles are in upper case: other rules' replacements there are too."""
    seen: dict[tuple[_Kind, str], _Found] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return any(self.by_kind.values())

    def found(self, kind: _Kind, text: str) -> _Found:
        key = (kind, text)
        result = self.seen.get(key)
        if result is None:
            if len(self.seen) >= CACHE_SIZE:
                self.seen.clear()
            result = self.seen[key] = self._find(kind, text)
        return result

    def _find(self, kind: _Kind, text: str) -> _Found:
        links: list[tuple[int, int]] | None = None
        upper = self.upper_titles and kind == "item title"
        result: list[tuple[str, _Hit]] = []
        for rule, find in self.by_kind[kind]:
            for hit in find(text):
                if links is None:
                    links = _links(text)
                if any(s < hit.end and hit.start < e for s, e in links):
                    continue  # inside a web or email address
                if upper and rule != "title_case":
                    if hit.replacement.upper() == text[hit.start : hit.end]:
                        continue
                    hit = replace(hit, replacement=hit.replacement.upper())
                result.append((rule, hit))
        return tuple(result)


@lru_cache(maxsize=32)
def _rules(house: HouseRules) -> _Rules:
    prose: list[tuple[str, _Rule]] = []
    form = house.time_style
    if form is not None:
        prose.append(("time", _time_rule(form)))
    if house.no_ordinals:
        prose.append(("no_ordinals", _ordinals))
    if house.small_numbers_in_words:
        prose.append(("small_numbers_in_words", _small_numbers))
    if house.per_cent:
        prose.append(("per_cent", _per_cent))
    names: list[tuple[str, _Rule]] = []
    person_title: list[tuple[str, _Rule]] = []
    if house.member_title:
        names.append(("member_title", _member_title_rule(house.member_title, title_field=False)))
        person_title.append(
            ("member_title", _member_title_rule(house.member_title, title_field=True))
        )
    item_title: list[tuple[str, _Rule]] = []
    if house.title_case is not TitleCase.ANY:
        item_title.append(("title_case", _title_case_rule(house.title_case)))
    capacity = [("capacity_dash", _capacity_dash)] if house.capacity_dash else []
    return _Rules(
        {
            "prose": (*prose, *names),
            "name": tuple(names),
            "person title": tuple(person_title),
            "item title": (*prose, *names, *item_title),
            "capacity": (*prose, *names, *capacity),
        },
        house.title_case is TitleCase.UPPER,
    )


def _kind(field: TextField) -> _Kind | None:
    """Which rules read the field; None: none (numbers, labels, references, file names)."""
    path = field.path
    if len(path) >= 2 and path[-2:] == ("person", "title"):
        return "person title"
    if field.kind == "code":
        return None
    if field.kind == "name":
        return "name"
    if len(path) == 3 and path[0] == "items" and path[2] == "title":
        return "item title"
    if len(path) == 3 and path[0] == "attendance" and path[2] == "capacity":
        return "capacity"
    return "prose"


def _where(meeting: Meeting, field: TextField, names: list[str]) -> str:
    part = field.part
    if (
        len(part) == 2
        and part[0] == "items"
        and isinstance(part[1], int)
        and 0 <= part[1] < len(names)
    ):
        return names[part[1]]
    return _upper_first(part_name(meeting, part))


def style_rule_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> list[Finding]:
    """One warning for each place the text breaks one of the style's house rules, with the fix
    that puts it right."""
    rules = _rules(style.house_rules)
    if not rules.any:
        return []
    findings: list[Finding] = []
    for text_field in text_fields(meeting):
        kind = _kind(text_field)
        if kind is None:
            continue
        for rule, hit in rules.found(kind, text_field.text):
            findings.append(_finding(meeting, text_field, names, rule, hit))
    return findings


def _finding(meeting: Meeting, field: TextField, names: list[str], rule: str, hit: _Hit) -> Finding:
    replacement = hit.replacement
    old = hit.shown_old or field.text[hit.start : hit.end]
    new = hit.shown_new or replacement
    where = _where(meeting, field, names)
    message = (
        f'{where}, {field.label}: "{old.strip()}" is written "{new.strip()}" in this '
        f"council's minutes (house rule: {rule})."
    )
    fix = Fix(
        label=hit.label or f'Write "{new.strip()}"',
        path=field.path,
        start=hit.start,
        end=hit.end,
        replacement=replacement,
        old=field.text,
    )
    return Finding(
        Severity.WARNING, message, field.path, FindingKind.HOUSE_STYLE, fix=fix, rule=rule
    )


def fix_house_style(meeting: Meeting, style: HouseStyle) -> tuple[Meeting, int]:
    """`meeting` with every house-style fix applied, and how many were. Fixes that overlap
    (a title's case and a time in it) are applied on the next of a few passes."""
    total = 0
    for _ in range(FIX_PASSES):
        fixes = [
            finding.fix
            for finding in style_rule_findings(meeting, style, [])
            if finding.fix is not None
        ]
        if not fixes:
            break
        meeting, count = apply_fixes(meeting, fixes)
        total += count
        if not count:
            break
    return meeting, total
