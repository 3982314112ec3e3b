"""Every piece of text in a meeting, with where it is and what a clerk calls it.

Spelling, find and replace and any other check of the words go through `text_fields`: one walk
of the meeting, in the order the minutes read (the heading, the attendance, the declarations,
the items and their minute text, the close), that yields each `Line` or `Text` string of the
model with its path (so that an edit can set it: `edit.set_at(meeting, field.path, ...)`), the
part it belongs to and the clerk's name for it.

The walk reads the model's own annotations, so a text field added to the model later is found
without a change here; only its label (the field's name, spaced out, until one is given in
`_LABELS`) and its kind (prose, unless `_KINDS` says it is a name or a code) come from tables.
The minute text is held as blocks, so a field of it is one block's text (a paragraph, a list
entry, a table cell), never the markup the editor shows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel

from clerk_app.domain import edit
from clerk_app.domain.model import (
    Attendance,
    Meeting,
    PublicQuestions,
    Resolution,
    Speaker,
)
from clerk_app.domain.text import Line, Text

FieldKind = Literal["prose", "name", "code"]
"""prose: words to check; name: a person's or an organisation's name; code: numbers, labels,
references, file names (never spell-checked, never autocorrected)."""


@dataclass(frozen=True, slots=True)
class TextField:
    path: edit.Path
    """Where the text is: ``get_at(meeting, path) == text``."""
    text: str
    label: str
    """The clerk's name of the field: "minute text", "title", "resolution", "table cell"."""
    kind: FieldKind
    part: edit.Path
    """The part of the meeting it belongs to: () the meeting itself, ("items", 3),
    ("attendance", 2), ("speakers", 0) and so on."""


_MEETING_ORDER = (
    "authority", "body", "venue", "minute_prefix", "preamble", "attendance", "speakers",
    "interests", "sessions", "sections", "items", "adjournments", "closing_note", "signatories",
)  # fmt: skip
"""The meeting's own fields in the order the minutes read; any others follow in model order."""

_LABELS: dict[tuple[str, str], str] = {
    ("Meeting", "body"): "committee name",
    ("Meeting", "minute_prefix"): "minute number prefix",
    ("Person", "title"): "title of address",
    ("Person", "name"): "name",
    ("Person", "short_name"): "short form",
    ("Attendance", "substitute_for"): "substitute for",
    ("Interest", "interest"): "interest declared",
    ("Item", "exempt_reason"): "reason for exemption",
    ("Item", "label"): "item label",
    ("Item", "report_reference"): "report reference",
    ("Item", "exempt_summary"): "public summary",
    ("Paragraph", "text"): "minute text",
    ("LeadIn", "text"): "minute text",
    ("ListEntry", "text"): "minute text",
    ("Lines", "lines"): "minute text",
    ("Heading", "text"): "heading",
    ("Table", "caption"): "table caption",
    ("Table", "header"): "table heading",
    ("Table", "rows"): "table cell",
    ("Table", "total"): "table total",
    ("AttachmentRef", "label"): "attachment",
    ("AttachmentRef", "file_name"): "attachment file name",
    ("PublicQuestions", "questioner"): "questioner",
    ("PublicQuestions", "responder"): "responder",
    ("NoticeOfMotion", "reply_by"): "reply by",
    ("NamedVote", "note"): "vote note",
    ("Resolution", "lead_word"): "resolution word",
    ("Resolution", "number"): "resolution number",
    ("FollowUp", "action"): "action",
    ("FollowUp", "owner"): "action owner",
    ("FollowUp", "raised_minute"): "minute raised at",
    ("Section", "title"): "section title",
    ("Section", "label"): "section label",
    ("Section", "note"): "section note",
    ("Session", "title"): "session title",
    ("Session", "note"): "session note",
    ("RollCallEntry", "note"): "roll call note",
    ("Adjournment", "note"): "adjournment note",
    ("Speaker", "on_behalf_of"): "on behalf of",
    ("Speaker", "summary"): "speaker's summary",
    ("Signatory", "role"): "signatory's role",
    ("Signatory", "name"): "signatory's name",
}

_LIST_LABELS: dict[tuple[type[BaseModel], str], str] = {
    (Resolution, "resolutions"): "resolution",
    (PublicQuestions, "questions"): "question",
    (PublicQuestions, "responses"): "response",
}
"""List entries whose clerk's name comes from the list they are in."""

_KINDS: dict[tuple[str, str], FieldKind] = {
    ("Person", "title"): "name",
    ("Person", "name"): "name",
    ("Person", "given_name"): "name",
    ("Person", "family_name"): "name",
    ("Person", "short_name"): "name",
    ("Person", "organisation"): "name",
    ("Attendance", "substitute_for"): "name",
    ("PublicQuestions", "questioner"): "name",
    ("PublicQuestions", "responder"): "name",
    ("NoticeOfMotion", "reply_by"): "name",
    ("FollowUp", "owner"): "name",
    ("Speaker", "on_behalf_of"): "name",
    ("Signatory", "name"): "name",
    ("Meeting", "minute_prefix"): "code",
    ("Item", "label"): "code",
    ("Item", "agenda_number"): "code",
    ("Item", "report_reference"): "code",
    ("AttachmentRef", "file_name"): "code",
    ("Resolution", "lead_word"): "code",
    ("Resolution", "number"): "code",
    ("FollowUp", "raised_minute"): "code",
    ("Section", "label"): "code",
}

_TEXT_TYPES = (Line, Text)
Shape = Literal["text", "texts", "rows"]


def _is_text(annotation: Any) -> bool:
    return any(annotation == t for t in _TEXT_TYPES)


@cache
def _shape(model: type[BaseModel], name: str) -> Shape | None:
    """How a field holds text: one string, a tuple of strings, rows of strings; None if not."""
    info = model.model_fields[name]
    if info.annotation is str and any(
        any(m == meta for meta in info.metadata) for t in _TEXT_TYPES for m in get_args(t)[1:]
    ):
        return "text"
    args = get_args(info.annotation)
    if not args:
        return None
    first = args[0]
    if _is_text(first):
        return "texts"
    inner = get_args(first)
    if inner and _is_text(inner[0]):
        return "rows"
    return None


def _label(model: type[BaseModel], name: str) -> str:
    return _LABELS.get((model.__name__, name), name.replace("_", " "))


def _kind(model: type[BaseModel], name: str) -> FieldKind:
    return _KINDS.get((model.__name__, name), "prose")


def _walk(
    node: BaseModel, path: edit.Path, part: edit.Path, entry_label: str | None
) -> Iterator[TextField]:
    model = type(node)
    names: list[str] = list(model.model_fields)
    if model is Meeting:
        names = [n for n in _MEETING_ORDER if n in model.model_fields] + [
            n for n in names if n not in _MEETING_ORDER
        ]
    for name in names:
        value = getattr(node, name)
        here = (*path, name)
        shape = _shape(model, name)
        if shape is not None:
            label = _label(model, name)
            if entry_label is not None and name == "text":
                label = entry_label
            kind = _kind(model, name)
            if shape == "text":
                if value:
                    yield TextField(here, value, label, kind, part)
            elif shape == "texts":
                for n, text in enumerate(value):
                    if text:
                        yield TextField((*here, n), text, label, kind, part)
            else:
                for r, row in enumerate(value):
                    for c, text in enumerate(row):
                        if text:
                            yield TextField((*here, r, c), text, label, kind, part)
            continue
        if isinstance(value, BaseModel):
            yield from _walk(value, here, part, None)
        elif isinstance(value, tuple):
            inner_label = _LIST_LABELS.get((model, name), entry_label)
            for n, element in enumerate(value):
                if not isinstance(element, BaseModel):
                    break
                if model is Meeting:
                    yield from _part_fields(name, n, element, inner_label)
                else:
                    yield from _walk(element, (*here, n), part, inner_label)


_PARTS: dict[tuple[str, int], tuple[BaseModel, tuple[TextField, ...]]] = {}
"""The fields of each part of the meeting last walked (an item, an attendance row), by its place.
Parts are immutable and an edit shares every unchanged one with the meeting before, so between
two checks only the part typed in is walked again: the checks, spelling and find walk the whole
meeting at every pause in typing. A part is known by identity (`is`), never by equality; one
entry per place keeps the memo as large as the largest meeting walked."""


def _part_fields(name: str, n: int, element: BaseModel, label: str | None) -> tuple[TextField, ...]:
    key = (name, n)
    known = _PARTS.get(key)
    if known is not None and known[0] is element:
        return known[1]
    found = tuple(_walk(element, key, key, label))
    _PARTS[key] = (element, found)
    return found


def text_fields(meeting: Meeting) -> Iterator[TextField]:
    """Every non-empty text of the meeting, in the order the minutes read."""
    return _walk(meeting, (), (), None)


_PART_NAMES = {
    "attendance": "the attendance",
    "interests": "the declarations of interest",
    "speakers": "the speakers",
    "sessions": "the sessions",
    "sections": "the sections",
    "adjournments": "the adjournments",
    "signatories": "the signatories",
}


def part_name(meeting: Meeting, part: edit.Path, numbers: Mapping[str, str] | None = None) -> str:
    """The part as a clerk names it: "item 158 (Apologies for Absence)" (with `numbers`, the
    items' numbers as the style prints them, by item id; else their places: "item 3 (…)"),
    "the attendance (Councillor Batool)", "the meeting"."""
    if not part:
        return "the meeting"
    kind, index = part[0], part[1] if len(part) > 1 else None
    record: Any = None
    if isinstance(index, int):
        records = getattr(meeting, str(kind), ())
        record = records[index] if 0 <= index < len(records) else None
    if kind == "items" and record is not None:
        number = (numbers or {}).get(record.id) or str(int(index or 0) + 1)
        return f"item {number} ({record.title})" if record.title else f"item {number}"
    whole = _PART_NAMES.get(str(kind), str(kind).replace("_", " "))
    if isinstance(record, Attendance | Speaker) and record.person.display_name:
        return f"{whole} ({record.person.display_name})"
    title = getattr(record, "title", "")
    return f"{whole} ({title})" if title else whole
