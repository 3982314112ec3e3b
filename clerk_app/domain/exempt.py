"""Which items look exempt but are not marked so, and who was present only for exempt items.

An item is withheld from the public copy only when it is marked exempt; one keystroke too few
and its whole minute is published. What the minutes themselves say about an item that was taken
in private:

- it follows the item that excluded the press and public (its standing kind is the exclusion, or
  its title reads like one: "Exclusion of the Press and Public", "To exclude the public"). From
  there the meeting is in private to its end, or to an item that re-admits the press and public
  ("Re-admission of the Press and Public"), the only way the model can say that they came back;
- it gives the legal reason for excluding the public (an `exempt_reason`) but is not ticked.

The exclusion item itself is public business: the resolution to exclude is published.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from clerk_app.domain.model import Attendance, Item, Meeting, StandingItem

_PRESS_OR_PUBLIC = r"\b(?:press|public)\b"
_EXCLUSION = re.compile(rf"\bexclu(?:de|des|ded|ding|sion)\b.*{_PRESS_OR_PUBLIC}", re.IGNORECASE)
_READMISSION = re.compile(
    rf"\bre-?(?:admi(?:t|ts|tted|ssion)|enter|entered|joined|turn|turned)\b.*{_PRESS_OR_PUBLIC}"
    rf"|{_PRESS_OR_PUBLIC}.*\bre-?(?:admitted|entered|joined|turned)\b",
    re.IGNORECASE,
)

FOLLOWS_EXCLUSION = "follows the exclusion of the press and public"
GIVES_A_REASON = "gives a reason for excluding the public"


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
    for item in meeting.items:
        if readmits_the_public(item):
            in_private = False
        elif excludes_the_public(item):
            in_private = True  # this item is public; the business after it is not
            continue
        if item.exempt:
            continue
        if in_private:
            found.append(Unmarked(item, FOLLOWS_EXCLUSION))
        elif item.exempt_reason.strip():
            found.append(Unmarked(item, GIVES_A_REASON))
    return found


def present_only_for_exempt(meeting: Meeting) -> list[Attendance]:
    """The people whose part attendance covers exempt items and nothing else: the subject of an
    HR case, a licence holder, their representative, the officer who reported on them. A public
    copy does not name them.

    Only part attendance by minute says who was there for which items; a record without it was
    at the whole meeting. A part-attendance item that no longer exists counts as not given.
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
    found = []
    for record in meeting.attendance:
        first = index.get(record.present_from_item or "")
        final = index.get(record.present_to_item or "")
        if first is None and final is None:
            continue
        start = 0 if first is None else first
        end = last if final is None else final
        if start > end:
            continue  # a range the findings report as back to front: no items at all
        if before[end + 1] - before[start] == end - start + 1:
            found.append(record)
    return found


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
