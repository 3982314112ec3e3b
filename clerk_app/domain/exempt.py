"""Which items look exempt but are not marked so, and who was present only for exempt items.

An item is withheld from the public copy only when it is marked exempt; one keystroke too few
and its whole minute is published. What the minutes themselves say about an item that was taken
in private:

- it follows the item that excluded the press and public (its standing kind is the exclusion, or
  its title reads like one: "Exclusion of the Press and Public", "To exclude the public"). From
  there the meeting is in private to its end, or to an item that re-admits the press and public
  ("Re-admission of the Press and Public"), the only way the model can say that they came back;
- it gives the legal reason for excluding the public (an `exempt_reason`) but is not ticked;
- it is in a closed section of the agenda, or was taken in a closed session (format 2).

The exclusion item itself is public business: the resolution to exclude is published.

What a public copy may still show of an exempt item (format 2) is the item's own choice: its
`exempt_summary`, and its resolutions when `publish_resolution` is set (`published_blocks`).
Who a public copy does not name: people present only for exempt items, by part attendance or,
in a meeting with sessions, by answering only the roll calls of closed sessions whose business
was all exempt (`present_only_for_exempt`), and speakers who spoke only on exempt items
(`speakers_only_for_exempt`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from clerk_app.domain.model import (
    Attendance,
    Block,
    Item,
    Meeting,
    Resolution,
    RollAnswer,
    SectionKind,
    SessionKind,
    Speaker,
    StandingItem,
)

_PRESS_OR_PUBLIC = r"\b(?:press|public)\b"
_EXCLUSION = re.compile(rf"\bexclu(?:de|des|ded|ding|sion)\b.*{_PRESS_OR_PUBLIC}", re.IGNORECASE)
_READMISSION = re.compile(
    rf"\bre-?(?:admi(?:t|ts|tted|ssion)|enter|entered|joined|turn|turned)\b.*{_PRESS_OR_PUBLIC}"
    rf"|{_PRESS_OR_PUBLIC}.*\bre-?(?:admitted|entered|joined|turned)\b",
    re.IGNORECASE,
)

FOLLOWS_EXCLUSION = "follows the exclusion of the press and public"
GIVES_A_REASON = "gives a reason for excluding the public"
IN_CLOSED_SECTION = "is in a closed section of the agenda"
IN_CLOSED_SESSION = "was taken in closed session"
UNDER_AN_EXEMPT_ITEM = "is a sub-item of an exempt item"


class Unmarked(NamedTuple):
    """An item that looks exempt but is not marked exempt, and why it looks so."""

    item: Item
    reason: str
    """A clause for a sentence about the item: "follows the exclusion of the press and
    public"."""


def excludes_the_public(item: Item) -> bool:
    """The item resolving to exclude the press and public."""
    return item.standing is StandingItem.EXCLUSION_OF_PUBLIC or bool(_EXCLUSION.search(item.title))


def readmits_the_public(item: Item) -> bool:
    """An item saying that the press and public came back in ("Re-admission of the Public")."""
    return bool(_READMISSION.search(item.title))


def looks_exempt(meeting: Meeting) -> list[Unmarked]:
    """The items that look exempt but are not marked exempt, in the order of the minutes."""
    found: list[Unmarked] = []
    in_private = False
    closed_sections = {s.id for s in meeting.sections if s.kind is SectionKind.CLOSED}
    closed_sessions = {s.id for s in meeting.sessions if s.kind is SessionKind.CLOSED}
    exempt_items: set[str] = set()
    for item in meeting.items:
        if readmits_the_public(item):
            in_private = False
        elif excludes_the_public(item):
            in_private = True  # this item is public; the business after it is not
            continue
        if item.exempt:
            exempt_items.add(item.id)
            continue
        if item.parent_id is not None and item.parent_id in exempt_items:
            # a sub-item of exempt business is part of it ("Redundancy of Ms Jones" under
            # "Staffing restructure"); it is looked at as exempt too, for its own sub-items
            exempt_items.add(item.id)
            found.append(Unmarked(item, UNDER_AN_EXEMPT_ITEM))
        elif in_private:
            found.append(Unmarked(item, FOLLOWS_EXCLUSION))
        elif item.exempt_reason.strip():
            found.append(Unmarked(item, GIVES_A_REASON))
        elif item.section_id is not None and item.section_id in closed_sections:
            found.append(Unmarked(item, IN_CLOSED_SECTION))
        elif item.session_id is not None and item.session_id in closed_sessions:
            found.append(Unmarked(item, IN_CLOSED_SESSION))
    return found


def present_only_for_exempt(meeting: Meeting) -> list[Attendance]:
    """The people whose part attendance covers exempt items and nothing else: the subject of an
    HR case, a licence holder, their representative, the officer who reported on them. A public
    copy does not name them.

    Only part attendance by minute says who was there for which items; a record without it was
    at the whole meeting. A part-attendance item that no longer exists counts as not given.

    In a meeting with sessions (format 2), a record without part attendance is also present
    only for exempt items when they answered (present, or late) only the roll calls of closed
    sessions whose items are all exempt, and every open session has a roll call they did not
    answer: a session without a roll call says nothing of who was there.
    """
    if not meeting.items:
        return []
    index = {item.id: n for n, item in enumerate(meeting.items)}
    exempt = [item.exempt for item in meeting.items]
    # The exempt items up to each point, so that each range costs one subtraction.
    before = [0]
    for flag in exempt:
        before.append(before[-1] + flag)
    last = len(meeting.items) - 1
    private_only = _answered_only_in_private(meeting)
    found = []
    for record in meeting.attendance:
        first = index.get(record.present_from_item or "")
        final = index.get(record.present_to_item or "")
        if first is None and final is None:
            if record.id in private_only:
                found.append(record)
            continue
        start = 0 if first is None else first
        end = last if final is None else final
        if start > end:
            continue  # a range the findings report as back to front: no items at all
        if before[end + 1] - before[start] == end - start + 1:
            found.append(record)
    return found


_ANSWERED = (RollAnswer.PRESENT, RollAnswer.LATE)


def _answered_only_in_private(meeting: Meeting) -> set[str]:
    """Who answered only the roll calls of closed sessions whose business was all exempt (see
    `present_only_for_exempt`)."""
    if not meeting.sessions:
        return set()
    open_sessions = [s for s in meeting.sessions if s.kind is not SessionKind.CLOSED]
    if any(not s.roll_call for s in open_sessions):
        return set()
    # Public business outside every open session with a roll call (an item in no session, or
    # in a session that no longer exists): nobody can be said to have missed it.
    called = {s.id for s in open_sessions}
    closed = {s.id for s in meeting.sessions if s.kind is SessionKind.CLOSED}
    if any(
        not item.exempt and item.session_id not in called and item.session_id not in closed
        for item in meeting.items
    ):
        return set()
    public_business = {item.session_id for item in meeting.items if not item.exempt}
    at_open = {e.attendee_id for s in open_sessions for e in s.roll_call if e.answer in _ANSWERED}
    private = {
        e.attendee_id
        for s in meeting.sessions
        if s.kind is SessionKind.CLOSED
        for e in s.roll_call
        if e.answer in _ANSWERED
    }
    # Someone who answered a closed session that took public business is named with it.
    at_public_closed = {
        e.attendee_id
        for s in meeting.sessions
        if s.kind is SessionKind.CLOSED and s.id in public_business
        for e in s.roll_call
        if e.answer in _ANSWERED
    }
    return private - at_open - at_public_closed


def speakers_only_for_exempt(meeting: Meeting) -> list[Speaker]:
    """The deputations and public speakers who spoke on an exempt item: a public copy does not
    name them (a speaker on no item, or on one that no longer exists, is public)."""
    exempt = {item.id for item in meeting.items if item.exempt}
    return [s for s in meeting.speakers if s.item_id is not None and s.item_id in exempt]


def published_blocks(item: Item) -> tuple[Block, ...]:
    """What a public copy may print of an item's minute: all of it for a public item; for an
    exempt one its resolutions if `publish_resolution` is set (the discussion is withheld, the
    debate recorded with a resolution too), else nothing (its `exempt_summary`, if any, stands
    in for the minute)."""
    if not item.exempt:
        return item.blocks
    if not item.publish_resolution:
        return ()
    return tuple(
        block.model_copy(update={"debate": ""}) if block.debate else block
        for block in item.blocks
        if isinstance(block, Resolution)
    )


def mark_exempt(meeting: Meeting, item_ids: Collection[str]) -> Meeting:
    """The meeting with these items marked exempt (their reasons are left for the clerk to give:
    the findings ask for them)."""
    wanted = set(item_ids)
    items = tuple(
        item.model_copy(update={"exempt": True}) if item.id in wanted and not item.exempt else item
        for item in meeting.items
    )
    if all(new is old for new, old in zip(items, meeting.items, strict=True)):
        return meeting
    return meeting.model_copy(update={"items": items})
