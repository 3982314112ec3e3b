"""Where a finding is, in the clerk's words: the part of the minutes and the field in it.

The findings panel shows each finding's path as two columns a clerk reads: the part ("Minute
158", "Attendance: Councillor Moore", "Declarations: Councillor Moore", "The meeting") and the
field ("resolution 1, votes for", "left after item", "reason for exemption"). Items are named as
the checks name them (`findings.item_names`: the minute as the style numbers it), people by the
name the minutes print; the fields by the labels `fields` gives the text fields, and by this
module's own for the others (times, counts, choices of a person or an item).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from clerk_app.domain import fields
from clerk_app.domain.model import Attendance, Meeting, Resolution

Path = tuple[str | int, ...]

_LABELS: dict[tuple[str, str], str] = {
    ("Meeting", "date"): "date",
    ("Meeting", "start_time"): "start time",
    ("Meeting", "close_time"): "closing time",
    ("Meeting", "status"): "status",
    ("Meeting", "confirmed_on"): "date confirmed",
    ("Meeting", "first_minute_number"): "first minute number",
    ("Meeting", "first_decision_number"): "first decision number",
    ("Meeting", "public_present"): "members of the public present",
    ("Meeting", "house_style"): "house style",
    ("Meeting", "attendance"): "the list",
    ("Meeting", "interests"): "the list",
    ("Meeting", "items"): "the list of items",
    ("Meeting", "signatories"): "the list",
    ("Item", "title"): "title",
    ("Item", "exempt"): "exempt",
    ("Item", "blocks"): "minute text",
    ("Item", "actions"): "action",
    ("Item", "standing"): "standing item",
    ("Item", "previous_meeting"): "date of the previous meeting",
    ("Item", "minutes_confirmed"): "previous minutes agreed",
    ("Item", "written_comments"): "written comments",
    ("Item", "publish_resolution"): "publish the resolution",
    ("Item", "section_id"): "section",
    ("Item", "session_id"): "session",
    ("Item", "parent_id"): "parent item",
    ("Attendance", "person"): "name",
    ("Attendance", "role"): "role",
    ("Attendance", "status"): "attendance",
    ("Attendance", "remote"): "remote",
    ("Attendance", "arrived_at"): "time arrived",
    ("Attendance", "left_at"): "time left",
    ("Attendance", "present_from_item"): "arrived at item",
    ("Attendance", "present_to_item"): "left after item",
    ("Attendance", "votes"): "votes",
    ("Interest", "attendee_id"): "member",
    ("Interest", "kind"): "kind of interest",
    ("Interest", "item_id"): "item",
    ("Interest", "action"): "what they did",
    ("Resolution", "resolutions"): "wording",
    ("PublicQuestions", "questions"): "question",
    ("PublicQuestions", "responses"): "response",
    ("Resolution", "proposer_id"): "proposer",
    ("Resolution", "seconder_id"): "seconder",
    ("Resolution", "votes_for"): "votes for",
    ("Resolution", "votes_against"): "votes against",
    ("Resolution", "abstentions"): "abstentions",
    ("Resolution", "named_votes"): "named votes",
    ("Resolution", "outcome"): "outcome",
    ("Resolution", "unanimous"): "unanimous",
    ("Resolution", "recorded_vote"): "recorded vote",
    ("Resolution", "requested_by_id"): "recorded vote asked for by",
    ("Resolution", "relates_to"): "motion it relates to",
    ("NoticeOfMotion", "mover_id"): "mover",
    ("NoticeOfMotion", "seconder_id"): "seconder",
    ("NamedVote", "attendee_id"): "member",
    ("NamedVote", "choice"): "vote",
    ("Speaker", "person"): "name",
    ("Speaker", "item_id"): "item",
    ("Speaker", "kind"): "kind of speaker",
    ("Speaker", "position"): "for or against",
    ("Session", "roll_call"): "roll call",
    ("Session", "date"): "date",
    ("Session", "start_time"): "start time",
    ("Session", "close_time"): "closing time",
    ("Adjournment", "after_item_id"): "after item",
    ("Adjournment", "from_time"): "from",
    ("Adjournment", "to_time"): "to",
    ("Adjournment", "resumed_on"): "resumed on",
    ("FollowUp", "due"): "due",
    ("FollowUp", "done"): "done",
    ("FollowUp", "done_on"): "done on",
    ("Signatory", "signed_on"): "date signed",
}
"""The fields that hold no text (the text fields are `fields`' labels), and lists."""

_SILENT = {
    ("Paragraph", "text"),
    ("LeadIn", "text"),
    ("ListEntry", "text"),
    ("ListEntry", "blocks"),
    ("BulletList", "entries"),
    ("NumberedList", "entries"),
}
"""Fields inside a block that say no more than the block's own name ("minute text", "question")."""

_CLOSE = ("close_time", "closing_note")

_PARTS = {
    "attendance": "Attendance",
    "interests": "Declarations",
    "speakers": "Speakers",
    "sessions": "Sessions",
    "sections": "Sections",
    "adjournments": "Adjournments",
    "signatories": "Signatures",
}


def place(meeting: Meeting, path: Path, names: Sequence[str]) -> tuple[str, str]:
    """The part and the field of `path` in `meeting`, as a clerk names them: ("Minute 158",
    "resolution 1, votes for"), ("Attendance: Councillor Moore", "left after item"), ("The
    meeting", "start time"). `names`: the items' names (`findings.item_names`). The field is ""
    for a path that names the part itself."""
    if not path:
        return "The meeting", ""
    head = path[0]
    if head in _CLOSE:
        return "The close", _field(meeting, path)
    if not isinstance(head, str) or not isinstance(getattr(meeting, head, None), tuple):
        return "The meeting", _field(meeting, path)
    if len(path) < 2 or not isinstance(path[1], int):
        whole = "The items" if head == "items" else _PARTS.get(head, head.replace("_", " "))
        return whole, _field(meeting, path)
    index = path[1]
    records: tuple[Any, ...] = getattr(meeting, head)
    record = records[index] if 0 <= index < len(records) else None
    return _part(meeting, head, index, record, names), _field(meeting, path, start=2)


def _part(meeting: Meeting, head: str, index: int, record: Any, names: Sequence[str]) -> str:
    if head == "items":
        if 0 <= index < len(names):
            return names[index]
        return fields.part_name(meeting, ("items", index)).capitalize()
    whole = _PARTS.get(head, head.replace("_", " ").capitalize())
    who = ""
    if isinstance(record, Attendance) or head == "speakers":
        who = record.person.display_name if record is not None else ""
    elif head == "interests" and record is not None:
        who = _person(meeting, record.attendee_id)
    elif head == "signatories" and record is not None:
        who = record.name or record.role
    elif record is not None:
        who = getattr(record, "title", "")
    return f"{whole}: {who}" if who else f"{whole}: row {index + 1}"


def _person(meeting: Meeting, attendee_id: str | None) -> str:
    for person in meeting.attendance:
        if person.id == attendee_id:
            return person.person.display_name
    return ""


def _field(meeting: Meeting, path: Path, start: int = 0) -> str:
    """The clerk's name of the field at `path` (from `start`, the part's own path before it)."""
    node: Any = meeting
    for step in path[:start]:
        node = _step(node, step)
        if node is None:
            return ""
    words: list[str] = []
    for n, step in enumerate(path[start:], start):
        if isinstance(step, int):
            if isinstance(node, tuple) and 0 <= step < len(node):
                element = node[step]
                if isinstance(element, Resolution):
                    words[-1:] = [f"resolution {_resolution_number(node, step)}"]
                elif isinstance(element, BaseModel) and path[n - 1] == "named_votes":
                    words[-1:] = [f"named vote {step + 1}"]
                node = element
            else:
                node = None
            continue
        if isinstance(node, BaseModel) and step in type(node).model_fields:
            model = type(node).__name__
            if not words or (model, step) not in _SILENT:
                words.append(_LABELS.get((model, step)) or fields._label(type(node), step))
            node = getattr(node, step)
        else:
            words.append(step.replace("_", " "))
            node = None
    return ", ".join(_unique(words))


def _unique(words: list[str]) -> list[str]:
    kept: list[str] = []
    for word in words:
        if not kept or kept[-1] != word:
            kept.append(word)
    if len(kept) > 1 and kept[0] == "minute text" and kept[1].startswith("resolution "):
        kept = kept[1:]  # a resolution in the minute text: the resolution says where
    return kept


def _resolution_number(blocks: tuple[Any, ...], index: int) -> int:
    return sum(isinstance(b, Resolution) for b in blocks[: index + 1])


def _step(node: Any, step: str | int) -> Any:
    if isinstance(step, int):
        return node[step] if isinstance(node, tuple) and 0 <= step < len(node) else None
    return getattr(node, step, None) if isinstance(node, BaseModel) else None
