"""Who was in the room for each item: presence item by item, worked out from the record alone.

A person's presence for an item comes from, in this order:

1. their attendance status: apologies or absent means not at the meeting (`ABSENT`);
2. their part attendance by minute: before `present_from_item` they had not arrived
   (`NOT_YET`), after `present_to_item` they had left (`LEFT`);
3. the roll call of the item's session, where the meeting had sessions: answering absent or
   excused to it means not present for that session's items (`ABSENT`; late counts as present);
4. their declarations of interest on the item: left the room (`OUT_FOR_INTEREST`), took no part
   in the vote, or in the discussion or vote (`NO_PART`: in the room, but not voting).

Arrival and departure times (`arrived_at`, `left_at`) are not placed against items: items carry
no times, so which items a time falls between cannot be known, and nothing is guessed from them.

Everything is worked out in one pass over the interests, the sessions and each item's blocks, so
the findings panel can recompute it at each pause in typing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Block,
    BulletList,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    NoticeOfMotion,
    NumberedList,
    PublicQuestions,
    Resolution,
    Role,
    RollAnswer,
    VoteChoice,
)

FieldPath = tuple[str | int, ...]


class Presence(StrEnum):
    PRESENT = "present"
    """In the room for the item."""
    NOT_YET = "not_yet"
    """Arrived after it (`present_from_item` later)."""
    LEFT = "left"
    """Had left before it (`present_to_item` earlier)."""
    OUT_FOR_INTEREST = "out"
    """Left the room for it (an interest, action LEFT_ROOM)."""
    NO_PART = "no_part"
    """In the room but took no part in the vote (interest NO_VOTE / NO_DISCUSSION_OR_VOTE)."""
    ABSENT = "absent"
    """Apologies or absent: not at the meeting (or absent at the roll of the item's session)."""


PRESENCE_LABELS: dict[Presence, str] = {
    Presence.PRESENT: "present",
    Presence.NOT_YET: "not yet arrived",
    Presence.LEFT: "had left",
    Presence.OUT_FOR_INTEREST: "out of the room for an interest",
    Presence.NO_PART: "took no part (an interest)",
    Presence.ABSENT: "absent",
}

IN_THE_ROOM = frozenset({Presence.PRESENT, Presence.NO_PART})
"""Presences that count towards the quorum."""

_HOLDERS = (Resolution, NoticeOfMotion, BulletList, NumberedList, PublicQuestions)
"""Blocks that are, or may hold, a motion."""
_VOTER_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED})
_INTEREST_PRESENCE = {
    InterestAction.LEFT_ROOM: Presence.OUT_FOR_INTEREST,
    InterestAction.NO_VOTE: Presence.NO_PART,
    InterestAction.NO_DISCUSSION_OR_VOTE: Presence.NO_PART,
}


@dataclass(frozen=True, slots=True)
class Cell:
    presence: Presence
    vote: VoteChoice | None
    """Their named vote on the item, if recorded (the first resolution that names them)."""
    proposed: bool
    """They proposed a resolution of the item (or gave a notice of motion there)."""
    seconded: bool


_EMPTY = Cell(Presence.PRESENT, None, False, False)


@dataclass(frozen=True, slots=True)
class PresenceGrid:
    members: tuple[Attendance, ...]
    """The voting members (rows), in attendance order; substitutes included."""
    items: tuple[Item, ...]
    """The columns, in meeting order."""
    cells: Mapping[tuple[str, str], Cell]
    """(attendee id, item id) -> cell."""
    present: tuple[int, ...]
    """Per item: the voting members in the room (PRESENT or NO_PART)."""
    quorum: int | None
    first_inquorate: int | None
    """The index of the first item with fewer voting members present than the quorum."""

    def cell(self, attendee_id: str, item_id: str) -> Cell:
        return self.cells[(attendee_id, item_id)]


def is_voter(person: Attendance) -> bool:
    """A chair, vice-chair, member or co-opted member with a vote."""
    return person.role in _VOTER_ROLES and person.votes


def walk_motions(
    blocks: tuple[Block, ...], path: FieldPath = ()
) -> Iterator[tuple[Resolution | NoticeOfMotion, FieldPath]]:
    """The resolutions and notices of motion of a body, nested ones too, in reading order, each
    with its path under `path` (an item's `("items", n, "blocks")`). Lists nest at most
    `MAX_LIST_DEPTH` deep (the model refuses deeper), which bounds the recursion."""
    for i, block in enumerate(blocks):
        if not isinstance(block, _HOLDERS):
            continue  # a paragraph, heading, table...: holds no motion
        where = (*path, i)
        if isinstance(block, NoticeOfMotion):
            yield block, where
            continue
        groups: tuple[tuple[str, tuple[ListEntry, ...]], ...]
        if isinstance(block, Resolution):
            yield block, where
            groups = (("resolutions", block.resolutions),)
        elif isinstance(block, PublicQuestions):
            groups = (("questions", block.questions), ("responses", block.responses))
        else:
            groups = (("entries", block.entries),)
        for name, entries in groups:
            for e, entry in enumerate(entries):
                if entry.blocks:
                    yield from walk_motions(entry.blocks, (*where, name, e, "blocks"))


class Attendances:
    """Presence of anyone in the attendance, at any item: worked out once for the meeting, then
    read in constant time."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.index = {item.id: n for n, item in enumerate(meeting.items)}
        self.rows = {person.id: n for n, person in enumerate(meeting.attendance)}
        interests: dict[tuple[str, str], Presence] = {}
        for interest in meeting.interests:
            presence = _INTEREST_PRESENCE.get(interest.action)
            if presence is None or interest.attendee_id is None or interest.item_id is None:
                continue
            key = (interest.attendee_id, interest.item_id)
            if interests.get(key) is not Presence.OUT_FOR_INTEREST:
                interests[key] = presence
        self.interests = interests
        away: set[tuple[str, str]] = set()
        for session in meeting.sessions:
            for entry in session.roll_call:
                if entry.answer in (RollAnswer.ABSENT, RollAnswer.EXCUSED):
                    away.add((session.id, entry.attendee_id))
        self.away_from_session = away

    def span(self, person: Attendance) -> tuple[int, int]:
        """The first and last item index they were present for, by part attendance."""
        first = self.index.get(person.present_from_item or "", 0)
        last = self.index.get(person.present_to_item or "", len(self.meeting.items) - 1)
        return first, last

    def at(self, person: Attendance, n: int, span: tuple[int, int] | None = None) -> Presence:
        """Their presence for the item at index `n`."""
        if person.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            return Presence.ABSENT
        first, last = span if span is not None else self.span(person)
        if n < first:
            return Presence.NOT_YET
        if n > last:
            return Presence.LEFT
        item = self.meeting.items[n]
        if item.session_id is not None and (item.session_id, person.id) in self.away_from_session:
            return Presence.ABSENT
        return self.interests.get((person.id, item.id), Presence.PRESENT)


@dataclass(slots=True)
class _Marks:
    vote: VoteChoice | None = None
    proposed: bool = False
    seconded: bool = False


def item_marks(item: Item) -> dict[str, tuple[VoteChoice | None, bool, bool]]:
    """Per attendee named on the item: (their first named vote, proposed, seconded)."""
    marks: dict[str, _Marks] = {}
    for block, _ in walk_motions(item.blocks):
        if isinstance(block, Resolution):
            for vote in block.named_votes:
                mark = marks.setdefault(vote.attendee_id, _Marks())
                if mark.vote is None:
                    mark.vote = vote.choice
            mover, seconder = block.proposer_id, block.seconder_id
        else:
            mover, seconder = block.mover_id, block.seconder_id
        if mover is not None:
            marks.setdefault(mover, _Marks()).proposed = True
        if seconder is not None:
            marks.setdefault(seconder, _Marks()).seconded = True
    return {key: (m.vote, m.proposed, m.seconded) for key, m in marks.items()}


def present_counts(meeting: Meeting) -> tuple[int, ...]:
    """Per item: the voting members in the room (PRESENT or NO_PART), as the grid counts them,
    without the grid's cells (the quorum check and the render need only these)."""
    where = Attendances(meeting)
    members = [(person, where.span(person)) for person in meeting.attendance if is_voter(person)]
    return tuple(
        sum(where.at(person, n, span) in IN_THE_ROOM for person, span in members)
        for n in range(len(meeting.items))
    )


def first_below(present: tuple[int, ...], quorum: int | None) -> int | None:
    """The index of the first item with fewer voting members in the room than `quorum`."""
    if quorum is None:
        return None
    return next((n for n, count in enumerate(present) if count < quorum), None)


def presence_grid(meeting: Meeting, quorum: int | None = None) -> PresenceGrid:
    """The voting members by the items: presence, vote, proposing and seconding in each cell;
    how many were in the room for each item; and the first item without a quorum."""
    where = Attendances(meeting)
    members = tuple(person for person in meeting.attendance if is_voter(person))
    spans = [where.span(person) for person in members]
    cells: dict[tuple[str, str], Cell] = {}
    present: list[int] = []
    for n, item in enumerate(meeting.items):
        marks = item_marks(item) if item.blocks else {}
        count = 0
        for person, span in zip(members, spans, strict=True):
            presence = where.at(person, n, span)
            count += presence in IN_THE_ROOM
            mark = marks.get(person.id)
            if mark is None:
                cell = (
                    _EMPTY if presence is Presence.PRESENT else Cell(presence, None, False, False)
                )
            else:
                cell = Cell(presence, *mark)
            cells[(person.id, item.id)] = cell
        present.append(count)
    counts = tuple(present)
    return PresenceGrid(members, meeting.items, cells, counts, quorum, first_below(counts, quorum))
