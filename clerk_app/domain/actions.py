"""The year's action log: every follow-up action of a committee's meetings, one entry each.

An action is raised at one meeting (a `FollowUp` with no `raised_on`) and, while it is open,
copied into the "Matters Arising" item of each meeting prepared after it, with the same id, the
raising meeting's date (`raised_on`) and its minute there (`raised_minute`). A clerk closes it at
a later meeting by ticking it done there. So one action may appear in several meetings: they are
merged here by id. Where it was raised comes from the original (or, when the original meeting is
not among those given, from the earliest copy's `raised_on` and `raised_minute`); what it says
and whether it is done come from the latest meeting that holds it, so a copy that later meetings
no longer carry keeps the state it last had.

Pure: no Qt, no files. The caller reads the meetings (a committee folder) and says which house
style numbers each (`style_of`), since a minute number is the style's writing of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import FollowUp, Item, Meeting
from clerk_app.domain.numbering import MinuteNumbering

StyleOf = Callable[[Meeting], HouseStyle]


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One action of the year, as the log shows it."""

    id: str
    action: str
    owner: str
    due: dt.date | None
    raised_on: dt.date | None
    """The date of the meeting that raised it (None only for a copy that does not say)."""
    raised_minute: str
    """Its minute there, as that meeting numbers it ("158", "C 08/042"); empty if unnumbered."""
    item_title: str
    """The raising item's title; empty when the raising meeting is not in the log."""
    done: bool
    done_on: dt.date | None
    """When it was done, as recorded (None: not recorded, or not done)."""
    closed_at: dt.date | None
    """The date of the meeting at which it was first recorded done (None while open)."""
    last_seen: dt.date
    """The date of the latest meeting that holds it."""
    exempt: bool = False
    """Raised or held under an exempt item: confidential. A prepared meeting carries it into an
    exempt item of its own, never into the public matters arising, and the action log's exports
    leave it out unless asked for the confidential copy."""
    exempt_reason: str = ""
    """The legal ground of the exempt item that held it, for the item that carries it."""

    def overdue(self, today: dt.date) -> bool:
        """Open, and due before `today`."""
        return not self.done and self.due is not None and self.due < today

    def state(self, today: dt.date) -> str:
        """One word for a table's Status column: "Open", "Overdue" or "Done"."""
        if self.done:
            return "Done"
        return "Overdue" if self.overdue(today) else "Open"

    @property
    def completed_on(self) -> dt.date | None:
        """When it was done: the date recorded, or else the meeting that recorded it done."""
        return (self.done_on or self.closed_at) if self.done else None

    def status_text(self, today: dt.date, style: HouseStyle = DEFAULT_STYLE) -> str:
        """The status in words: "Open", "Overdue (due 23 September 2025)", "Done 23 September
        2025" (dates as `style` writes short dates)."""
        if self.done:
            when = self.completed_on
            return f"Done {style.short_date(when)}" if when else "Done"
        if self.overdue(today) and self.due is not None:
            return f"Overdue (due {style.short_date(self.due)})"
        return "Open"

    def carried(self) -> FollowUp:
        """The copy a meeting prepared now carries under matters arising: same id, open, with
        where it was raised."""
        return FollowUp(
            id=self.id,
            action=self.action,
            owner=self.owner,
            due=self.due,
            done=False,
            raised_on=self.raised_on,
            raised_minute=self.raised_minute,
        )


@dataclass(frozen=True, slots=True)
class _Sighting:
    """One copy of an action, in one meeting."""

    meeting: int  # the meeting's place in date order
    date: dt.date
    item_index: int
    position: int
    item: Item
    action: FollowUp
    minute: str


_Natural = tuple[tuple[int, int | str], ...]
_Order = tuple[dt.date, int, int, _Natural, int]
"""Raised on, known origin (0) or a copy's word for it (1), item, minute label, place."""
_Key = tuple[dt.date, int, int, _Natural, int, str]

_DIGITS = re.compile(r"(\d+)")


def _natural(label: str) -> _Natural:
    """A minute label as a sort key in which "9" comes before "10" and "4.2" before "4.10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS.split(label)
        if part
    )


def _sightings(meetings: Iterable[Meeting], style_of: StyleOf) -> dict[str, list[_Sighting]]:
    # Date order; meetings of one date keep the order they were given in (sorted is stable).
    ordered = sorted(meetings, key=lambda m: m.date)
    found: dict[str, list[_Sighting]] = {}
    for place, meeting in enumerate(ordered):
        numbering: MinuteNumbering | None = None
        for item_index, item in enumerate(meeting.items):
            if not item.actions:
                continue
            if numbering is None:
                numbering = MinuteNumbering(meeting, style_of(meeting))
            minute = numbering.label(item_index)
            for position, action in enumerate(item.actions):
                found.setdefault(action.id, []).append(
                    _Sighting(place, meeting.date, item_index, position, item, action, minute)
                )
    return found


def _entry(sightings: list[_Sighting]) -> tuple[_Key, ActionEntry]:
    """The merged entry of one action's sightings (in date order), and its sort key."""
    originals = [s for s in sightings if s.action.raised_on is None]
    latest = sightings[-1]
    if originals:
        origin = originals[0]
        raised_on: dt.date | None = origin.date
        raised_minute, item_title = origin.minute, origin.item.title
        key: _Order = (origin.date, 0, origin.item_index, (), origin.position)
    else:
        # The meeting that raised it is not among those given: its copies say where.
        copy = min(sightings, key=lambda s: (s.action.raised_on or s.date, s.meeting))
        raised_on, raised_minute = copy.action.raised_on, copy.action.raised_minute
        item_title = ""
        key = (raised_on or copy.date, 1, 0, _natural(raised_minute), copy.position)
    closed_at: dt.date | None = None
    if latest.action.done:
        # The first meeting of the last unbroken run that records it done (reopened and
        # closed again: the later closing).
        closed_at = latest.date
        for sighting in reversed(sightings):
            if not sighting.action.done:
                break
            closed_at = sighting.date
    now = latest.action
    # once confidential, always: a copy carried into a public item by mistake does not publish it
    secret = next((s.item for s in sightings if s.item.exempt), None)
    entry = ActionEntry(
        id=now.id,
        action=now.action,
        owner=now.owner,
        due=now.due,
        raised_on=raised_on,
        raised_minute=raised_minute,
        item_title=item_title,
        done=now.done,
        done_on=now.done_on if now.done else None,
        closed_at=closed_at,
        last_seen=latest.date,
        exempt=secret is not None,
        exempt_reason=secret.exempt_reason if secret is not None else "",
    )
    return (*key, now.id), entry


def action_log(meetings: Iterable[Meeting], style_of: StyleOf) -> list[ActionEntry]:
    """Every action of `meetings` (in any order), merged by id, in the order they were raised:
    by the raising meeting's date, then its minutes' order, then their place in the minute."""
    keyed = [_entry(sightings) for sightings in _sightings(meetings, style_of).values()]
    keyed.sort(key=lambda pair: pair[0])
    return [entry for _, entry in keyed]


def open_actions(
    meetings: Iterable[Meeting], before: dt.date, style_of: StyleOf
) -> list[ActionEntry]:
    """The actions still open as the meetings held before `before` left them: what the meeting
    on `before` carries under matters arising (`ActionEntry.carried` makes each copy)."""
    earlier = [m for m in meetings if m.date < before]
    return [entry for entry in action_log(earlier, style_of) if not entry.done]


def raised_at(minute: str, on: str) -> str:
    """Where an action was raised, in words: "Minute 158, 18 June 2025" (`on`: the meeting's
    date as the caller writes dates), either part alone where the other is not known."""
    return ", ".join(part for part in (f"Minute {minute}" if minute else "", on) if part)


EXEMPT_MARK = "[Exempt] "
"""What an exempt item's action says first in the confidential copy of the log."""


def for_export(entries: Iterable[ActionEntry], *, include_exempt: bool) -> list[ActionEntry]:
    """The entries an exported log holds: the public copy leaves out the actions of exempt
    business; the confidential copy keeps them, each marked as such."""
    if not include_exempt:
        return [entry for entry in entries if not entry.exempt]
    return [
        dataclasses.replace(entry, action=EXEMPT_MARK + entry.action) if entry.exempt else entry
        for entry in entries
    ]


class UnknownActionError(LookupError):
    """No action of that id in the meeting."""


def _with_action(
    meeting: Meeting, action_id: str, change: Callable[[FollowUp], FollowUp]
) -> Meeting:
    items = list(meeting.items)
    changed = False
    for n, item in enumerate(items):
        if any(a.id == action_id for a in item.actions):
            actions = tuple(change(a) if a.id == action_id else a for a in item.actions)
            items[n] = item.model_copy(update={"actions": actions})
            changed = True
    if not changed:
        raise UnknownActionError(f"This meeting has no action with the id {action_id!r}.")
    return meeting.model_copy(update={"items": tuple(items)})


def close_action(meeting: Meeting, action_id: str, on: dt.date) -> Meeting:
    """The meeting with the action ticked done on `on` (usually the meeting's date)."""
    return _with_action(
        meeting, action_id, lambda a: a.model_copy(update={"done": True, "done_on": on})
    )


def reopen_action(meeting: Meeting, action_id: str) -> Meeting:
    """The meeting with the action open again (its date of doing cleared)."""
    return _with_action(
        meeting, action_id, lambda a: a.model_copy(update={"done": False, "done_on": None})
    )
