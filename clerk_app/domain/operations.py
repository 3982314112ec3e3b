"""The rules of a meeting's parts, as pure functions: a meeting in, a new meeting out.

The forms call these instead of carrying the rules in their slots, so that every way of making a
change (a button, a key, a table cell, the command line) follows the same rule and the rules are
tested without a display. Nothing here changes its argument (the models are frozen); every
result shares all unchanged parts with the meeting it was made from, so undo stays cheap.

What a clerk would expect, and what these functions therefore do:

- Items. A new item goes after the current one (or at the end), an inserted one before it (or
  at the start). A duplicate is placed after its original with new ids for itself, its
  follow-up actions and its resolutions that have one (a related motion in the copy refers to
  the copy's motion); declarations stay with the original. Moving an item renumbers every
  minute (numbers are derived from position) and changes nothing else: references go by id.
- Sub-items (format 2) move with their parent: moving an item takes the sub-items after it
  (and theirs) along, in their order. A sub-item never goes above its parent: moved there, it
  stops just below it. Alt+Up and Alt+Down move an item past the item before or after it at its
  own level, with that item's sub-items (an outline's move), so a sub-item stays among its
  parent's and a main item never lands between a parent and its sub-items.
- Deleting an item keeps what the rest of the minutes say about the meeting as it happened:
  someone "present from" the deleted item is present from the item that followed it, someone
  "present to" it is present to the item before it, so they stay present for exactly the items
  they were present for. A declaration of interest is part of the record and is never deleted or
  silently made general: one about the deleted item keeps its reference, and the findings ask
  the clerk which item it concerns (Ctrl+Z brings the item back). Where part attendance has no
  item to move to (present from the last item, to the first) it is kept likewise, for the
  findings to raise. Its sub-items stay, as sub-items of its own parent (main items if it was
  one): nothing typed under them is lost. A break after it follows the item before it (before
  the first item if it was the first), where the meeting broke off; a speaker on it is on no
  item (the speech is still minuted).
- Sections and sessions (format 2): deleting one leaves its items in no section or session.
- Relating motions: the motion an amendment, substitute or substantive motion relates to is
  given an id the first time one refers to it (`relate_motion`); until then it has none, so
  that text parsed anew compares equal.
- One chair and one vice-chair: marking someone Chair (or Vice-Chair) makes whoever held that
  role before a Member.
- A standing item's usual title is given when the item has no title yet, or still has the usual
  title of the kind of standing item it was before (the clerk chose the wrong kind first); a
  title the clerk typed is never replaced.
- Who may vote on an item: the members (chair, vice-chair, members, co-opted members) marked
  present or substituting, present for that item by part attendance, and not excluded by a
  declaration about it on which they left the room or took no part in the vote.
- Removing people removes what refers to them: their declarations of interest, their named
  votes and their answers to sessions' roll calls, and they are no longer anyone's proposer or
  seconder, a notice of motion's mover or seconder, or who asked for a recorded vote. Counted
  votes are the clerk's own figures and are left alone (the findings say if they no longer
  match the named votes).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Literal

from clerk_app.domain.edit import EditError, Path, get_at, set_at
from clerk_app.domain.model import (
    STANDING_ITEM_TITLES,
    Attendance,
    AttendanceStatus,
    Block,
    BulletList,
    Interest,
    InterestAction,
    Item,
    ListEntry,
    Meeting,
    MotionKind,
    NoticeOfMotion,
    NumberedList,
    PublicQuestions,
    Resolution,
    Role,
    RollAnswer,
    RollCallEntry,
    Section,
    Session,
    StandingItem,
    new_id,
)

UNIQUE_ROLES: frozenset[Role] = frozenset({Role.CHAIR, Role.VICE_CHAIR})
"""Roles one person at a time holds: giving one to someone makes the previous holder a Member."""

KEPT_OUT_OF_VOTE: frozenset[InterestAction] = frozenset(
    {InterestAction.LEFT_ROOM, InterestAction.NO_VOTE, InterestAction.NO_DISCUSSION_OR_VOTE}
)
"""What a member did about a declared interest that means they did not vote on the item."""


class OperationError(ValueError):
    """An operation on something the meeting does not hold (an id that is not there)."""


def _index_of(meeting: Meeting, item_id: str) -> int:
    index = meeting.item_index(item_id)
    if index is None:
        raise OperationError(f"there is no item with the id {item_id!r}")
    return index


def _clamp(index: int, length: int) -> int:
    return max(0, min(index, length))


def _fresh_id(used: Collection[str]) -> str:
    while (candidate := new_id()) in used:
        pass  # pragma: no cover - twelve hex digits practically never repeat
    return candidate


# --- items -------------------------------------------------------------------------------------


def add_item(meeting: Meeting, index: int, item: Item | None = None) -> tuple[Meeting, Item]:
    """`meeting` with `item` (a new empty item if None) placed before position `index` (clamped
    to the list: a large index means the end). An item whose id the meeting already uses gets a
    new one. Returns the new meeting and the item as placed (with its final id)."""
    item = Item() if item is None else item
    if meeting.item(item.id) is not None:
        item = item.model_copy(update={"id": _fresh_id({i.id for i in meeting.items})})
    index = _clamp(index, len(meeting.items))
    items = (*meeting.items[:index], item, *meeting.items[index:])
    return meeting.model_copy(update={"items": items}), item


def index_after(meeting: Meeting, item_id: str | None) -> int:
    """Where "New item after this one" puts an item: after `item_id`, or at the end if there
    is no current item."""
    index = meeting.item_index(item_id) if item_id else None
    return len(meeting.items) if index is None else index + 1


def index_before(meeting: Meeting, item_id: str | None) -> int:
    """Where "Insert item before this one" puts an item: before `item_id`, or at the start if
    there is no current item."""
    index = meeting.item_index(item_id) if item_id else None
    return 0 if index is None else index


def new_item_after(meeting: Meeting, item_id: str | None) -> tuple[Meeting, Item]:
    """A new empty item after `item_id` (at the end if None or not found)."""
    return add_item(meeting, index_after(meeting, item_id))


def new_item_before(meeting: Meeting, item_id: str | None) -> tuple[Meeting, Item]:
    """A new empty item before `item_id` (at the start if None or not found)."""
    return add_item(meeting, index_before(meeting, item_id))


def duplicate_item(meeting: Meeting, item_id: str) -> tuple[Meeting, Item]:
    """A copy of the item placed straight after it, with a new id and new ids for its follow-up
    actions (so that ticking one off does not tick the other). Its minute text, resolutions and
    votes are copied as they are; declarations of interest stay with the original item."""
    index = _index_of(meeting, item_id)
    original = meeting.items[index]
    used = {i.id for i in meeting.items}
    copy_id = _fresh_id(used)
    actions = tuple(a.model_copy(update={"id": new_id()}) for a in original.actions)
    renamed = {r.id: _fresh_id(_resolution_ids(meeting)) for r in _resolutions(original.blocks)}
    renamed.pop("", None)
    blocks = _map_blocks(original.blocks, lambda b: _renamed_motion(b, renamed))
    copy = original.model_copy(update={"id": copy_id, "actions": actions, "blocks": blocks})
    return add_item(meeting, index + 1, copy)


def _renamed_motion(block: Block, renamed: dict[str, str]) -> Block:
    if not isinstance(block, Resolution) or not renamed:
        return block
    update: dict[str, object] = {}
    if block.id in renamed:
        update["id"] = renamed[block.id]
    if block.relates_to in renamed:
        update["relates_to"] = renamed[block.relates_to]
    return block.model_copy(update=update) if update else block


def delete_item(meeting: Meeting, item_id: str) -> Meeting:
    """`meeting` without the item, and part attendance that named it moved to its neighbours
    (see the module's docstring); declarations about it keep their reference for the findings
    to raise. Its sub-items become sub-items of its parent (main items if it was one); a break
    after it follows the item before it; a speaker on it is on no item."""
    index = _index_of(meeting, item_id)
    deleted = meeting.items[index]
    items = tuple(
        item.model_copy(update={"parent_id": deleted.parent_id})
        if item.parent_id == item_id
        else item
        for item in (*meeting.items[:index], *meeting.items[index + 1 :])
    )
    before = meeting.items[index - 1].id if index > 0 else None
    after = meeting.items[index + 1].id if index + 1 < len(meeting.items) else None
    attendance = tuple(
        _shift_part_attendance(person, item_id, before, after) for person in meeting.attendance
    )
    update: dict[str, object] = {"items": items}
    if _changed(attendance, meeting.attendance):
        update["attendance"] = attendance
    breaks = tuple(
        b.model_copy(update={"after_item_id": before}) if b.after_item_id == item_id else b
        for b in meeting.adjournments
    )
    if _changed(breaks, meeting.adjournments):
        update["adjournments"] = breaks
    speakers = tuple(
        s.model_copy(update={"item_id": None}) if s.item_id == item_id else s
        for s in meeting.speakers
    )
    if _changed(speakers, meeting.speakers):
        update["speakers"] = speakers
    return meeting.model_copy(update=update)


def _changed(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    return any(a is not b for a, b in zip(new, old, strict=True))


def _shift_part_attendance(
    person: Attendance, deleted: str, before: str | None, after: str | None
) -> Attendance:
    update: dict[str, object] = {}
    if person.present_from_item == deleted and after is not None:
        update["present_from_item"] = after
    if person.present_to_item == deleted and before is not None:
        update["present_to_item"] = before
    return person.model_copy(update=update) if update else person


def _parents(meeting: Meeting) -> list[int | None]:
    """Each item's parent's index, where it has one that comes before it (as numbering reads
    it); None for a main item."""
    index: dict[str, int] = {}
    parents: list[int | None] = []
    for n, item in enumerate(meeting.items):
        parents.append(index.get(item.parent_id) if item.parent_id is not None else None)
        index.setdefault(item.id, n)
    return parents


def _family(parents: list[int | None], index: int) -> list[int]:
    """The item at `index` and its sub-items (and theirs), wherever they are below it."""
    members = {index}
    for n in range(index + 1, len(parents)):
        if parents[n] in members:
            members.add(n)
    return sorted(members)


def _family_end(parents: list[int | None], index: int) -> int:
    """The index after the item at `index` and the sub-items straight after it (and theirs)."""
    end = index + 1
    members = {index}
    while end < len(parents) and parents[end] in members:
        members.add(end)
        end += 1
    return end


def move_item(meeting: Meeting, item_id: str, to_index: int) -> Meeting:
    """`meeting` with the item moved to position `to_index` (clamped to the list) of the items
    as they are after it (and the sub-items that go with it) are taken out: moving to its own
    index changes nothing. Its sub-items (and theirs) move with it, in their order, placed
    straight after it; a sub-item put above its parent stops just below it."""
    index = _index_of(meeting, item_id)
    parents = _parents(meeting)
    members = _family(parents, index)
    taken = set(members)
    group = [meeting.items[n] for n in members]
    rest = [item for n, item in enumerate(meeting.items) if n not in taken]
    target = _clamp(to_index, len(rest))
    parent = parents[index]
    if parent is not None:  # a sub-item stays below its parent (which is above it, in `rest`)
        target = max(target, parent + 1)
    items = (*rest[:target], *group, *rest[target:])
    if all(a is b for a, b in zip(items, meeting.items, strict=True)):
        return meeting
    return meeting.model_copy(update={"items": items})


def move_item_by(meeting: Meeting, item_id: str, step: int) -> Meeting:
    """Alt+Up / Alt+Down: the item (with its sub-items) `step` places up (negative) or down
    among the items at its own level (a sub-item among its parent's sub-items), each with
    its own sub-items; past either end of its level nothing moves."""
    index = _index_of(meeting, item_id)
    parents = _parents(meeting)
    siblings = [n for n, p in enumerate(parents) if p == parents[index]]
    goal = siblings.index(index) + step
    if not 0 <= goal < len(siblings):
        return meeting
    taken = set(_family(parents, index))
    # where to go, counted in the items left when this one and its sub-items are taken out
    before = siblings[goal] if step < 0 else _family_end(parents, siblings[goal])
    target = sum(1 for n in range(before) if n not in taken)
    return move_item(meeting, item_id, target)


# --- standing items ----------------------------------------------------------------------------


def choose_standing(item: Item, kind: StandingItem | None) -> Item:
    """`item` as a standing item of `kind` (None: not a standing item). It gets the kind's usual
    title when it has no title, or when its title is the usual title of the kind it was before;
    a title the clerk typed stays."""
    if kind == item.standing:
        return item
    update: dict[str, object] = {"standing": kind}
    previous_title = STANDING_ITEM_TITLES.get(item.standing) if item.standing else None
    if kind is not None and (not item.title or item.title == previous_title):
        update["title"] = STANDING_ITEM_TITLES[kind]
    return item.model_copy(update=update)


def set_standing(meeting: Meeting, item_id: str, kind: StandingItem | None) -> Meeting:
    """`meeting` with `choose_standing` applied to one of its items."""
    index = _index_of(meeting, item_id)
    item = choose_standing(meeting.items[index], kind)
    if item is meeting.items[index]:
        return meeting
    items = (*meeting.items[:index], item, *meeting.items[index + 1 :])
    return meeting.model_copy(update={"items": items})


# --- attendance --------------------------------------------------------------------------------


def _attendee_index(meeting: Meeting, attendee_id: str) -> int:
    index = next((n for n, a in enumerate(meeting.attendance) if a.id == attendee_id), None)
    if index is None:
        raise OperationError(f"there is nobody with the id {attendee_id!r} in the attendance")
    return index


def set_role(meeting: Meeting, attendee_id: str, role: Role) -> Meeting:
    """`meeting` with the attendee given `role`. Chair and Vice-Chair are held by one person at
    a time: whoever held the role before becomes a Member. Unchanged meetings come back as
    they are (`result is meeting`), so that a caller can tell there is nothing to undo."""
    index = _attendee_index(meeting, attendee_id)
    people = list(meeting.attendance)
    changed = False
    for n, person in enumerate(people):
        if n != index and role in UNIQUE_ROLES and person.role == role:
            people[n] = person.model_copy(update={"role": Role.MEMBER})
            changed = True
    if people[index].role != role:
        people[index] = people[index].model_copy(update={"role": role})
        changed = True
    if not changed:
        return meeting
    return meeting.model_copy(update={"attendance": tuple(people)})


def add_attendee(
    meeting: Meeting, index: int, attendance: Attendance | None = None
) -> tuple[Meeting, Attendance]:
    """`meeting` with a person (a new empty row if None) before position `index` (clamped); a
    row whose id is already used gets a new one. A newcomer given the Chair or Vice-Chair takes
    it over (`set_role`): the previous holder becomes a Member."""
    person = Attendance() if attendance is None else attendance
    if meeting.attendee(person.id) is not None:
        person = person.model_copy(update={"id": _fresh_id({a.id for a in meeting.attendance})})
    index = _clamp(index, len(meeting.attendance))
    people = (*meeting.attendance[:index], person, *meeting.attendance[index:])
    result = meeting.model_copy(update={"attendance": people})
    if person.role in UNIQUE_ROLES:
        result = set_role(result, person.id, person.role)
    return result, person


def remove_attendees(meeting: Meeting, attendee_ids: Iterable[str]) -> Meeting:
    """`meeting` without these people and without what refers to them: their declarations of
    interest, their named votes, and their places as proposer or seconder (which become "not
    recorded"). Counted votes stay as the clerk typed them. Ids not in the meeting are
    ignored."""
    gone = set(attendee_ids) & {a.id for a in meeting.attendance}
    if not gone:
        return meeting
    attendance = tuple(a for a in meeting.attendance if a.id not in gone)
    interests = tuple(i for i in meeting.interests if i.attendee_id not in gone)
    items = tuple(
        _map_item_blocks(item, lambda b: _without_people(b, gone)) for item in meeting.items
    )
    update: dict[str, object] = {"attendance": attendance}
    if len(interests) != len(meeting.interests):
        update["interests"] = interests
    if any(new is not old for new, old in zip(items, meeting.items, strict=True)):
        update["items"] = items
    sessions = tuple(
        session.model_copy(
            update={"roll_call": tuple(e for e in session.roll_call if e.attendee_id not in gone)}
        )
        if any(e.attendee_id in gone for e in session.roll_call)
        else session
        for session in meeting.sessions
    )
    if _changed(sessions, meeting.sessions):
        update["sessions"] = sessions
    return meeting.model_copy(update=update)


def remove_attendee(meeting: Meeting, attendee_id: str) -> Meeting:
    """`remove_attendees` for one person; an id that is not in the attendance is an error."""
    _attendee_index(meeting, attendee_id)
    return remove_attendees(meeting, (attendee_id,))


def _without_people(block: Block, gone: Collection[str]) -> Block:
    if isinstance(block, NoticeOfMotion):
        cleared = {
            field: None for field in ("mover_id", "seconder_id") if getattr(block, field) in gone
        }
        return block.model_copy(update=cleared) if cleared else block
    if not isinstance(block, Resolution):
        return block
    update: dict[str, object] = {}
    for field in ("proposer_id", "seconder_id", "requested_by_id"):
        if getattr(block, field) in gone:
            update[field] = None
    votes = tuple(v for v in block.named_votes if v.attendee_id not in gone)
    if len(votes) != len(block.named_votes):
        update["named_votes"] = votes
    return block.model_copy(update=update) if update else block


def _map_item_blocks(item: Item, change: Callable[[Block], Block]) -> Item:
    blocks = _map_blocks(item.blocks, change)
    return item if blocks is item.blocks else item.model_copy(update={"blocks": blocks})


def _map_blocks(blocks: tuple[Block, ...], change: Callable[[Block], Block]) -> tuple[Block, ...]:
    """`blocks` with `change` applied to every block, nested ones (inside list entries) too;
    the same tuple back when nothing changed."""
    result: list[Block] = []
    changed = False
    for block in blocks:
        new = _map_nested(block, change)
        new = change(new)
        changed = changed or new is not block
        result.append(new)
    return tuple(result) if changed else blocks


def _map_entries(
    entries: tuple[ListEntry, ...], change: Callable[[Block], Block]
) -> tuple[ListEntry, ...]:
    result: list[ListEntry] = []
    changed = False
    for entry in entries:
        blocks = _map_blocks(entry.blocks, change)
        new = entry if blocks is entry.blocks else entry.model_copy(update={"blocks": blocks})
        changed = changed or new is not entry
        result.append(new)
    return tuple(result) if changed else entries


def _map_nested(block: Block, change: Callable[[Block], Block]) -> Block:
    fields: tuple[str, ...] = ()
    if isinstance(block, BulletList | NumberedList):
        fields = ("entries",)
    elif isinstance(block, Resolution):
        fields = ("resolutions",)
    elif isinstance(block, PublicQuestions):
        fields = ("questions", "responses")
    update: dict[str, object] = {}
    for field in fields:
        entries: tuple[ListEntry, ...] = getattr(block, field)
        new = _map_entries(entries, change)
        if new is not entries:
            update[field] = new
    return block.model_copy(update=update) if update else block


# --- who was there for what --------------------------------------------------------------------


def present_for(meeting: Meeting, person: Attendance, item_id: str) -> bool:
    """Whether `person` was at the meeting for the item: marked present (or substituting) and,
    with part attendance, within their first and last items. A part-attendance reference to an
    item that is no longer there sets no limit (the findings raise it)."""
    if not person.attended:
        return False
    index = meeting.item_index(item_id)
    if index is None:
        return True
    first = meeting.item_index(person.present_from_item) if person.present_from_item else None
    last = meeting.item_index(person.present_to_item) if person.present_to_item else None
    return (first is None or first <= index) and (last is None or index <= last)


def _kept_out(meeting: Meeting, item_id: str) -> set[str]:
    return {
        i.attendee_id
        for i in meeting.interests
        if i.item_id == item_id and i.attendee_id is not None and i.action in KEPT_OUT_OF_VOTE
    }


def voters(meeting: Meeting, item_id: str) -> tuple[Attendance, ...]:
    """Who may vote on the item, in attendance order: the members (chair, vice-chair, members,
    co-opted members) present for it (`present_for`) who have a vote (`Attendance.votes`: not
    a co-opted member without one), less anyone who declared an interest in it and left the
    room or took no part in the vote."""
    kept_out = _kept_out(meeting, item_id)
    return tuple(
        person
        for person in meeting.attendance
        if person.is_member
        and person.votes
        and person.id not in kept_out
        and present_for(meeting, person, item_id)
    )


def vote_rows(meeting: Meeting, item_id: str, resolution: Resolution) -> tuple[str, ...]:
    """The ids a named-vote table shows for a resolution of the item: everyone who may vote,
    and anyone already given a named vote (so that a vote recorded before a change of
    attendance is still shown and can be taken back), in attendance order; ids not in the
    attendance last, sorted."""
    may_vote = {person.id for person in voters(meeting, item_id)}
    voted = {vote.attendee_id for vote in resolution.named_votes}
    rows = [p.id for p in meeting.attendance if p.id in may_vote or p.id in voted]
    known = {p.id for p in meeting.attendance}
    return (*rows, *sorted(voted - known))


def first_present_member(meeting: Meeting, item_id: str | None = None) -> str | None:
    """Who a new declaration (or a proposer left to choose) most likely is: the first member
    present (for `item_id`, if given: the first who may vote on it), else the first person
    present, else nobody."""
    if item_id is not None and meeting.item(item_id) is not None:
        first = next(iter(voters(meeting, item_id)), None)
        if first is not None:
            return first.id
    present = [a for a in meeting.attendance if a.attended]
    members = [a for a in present if a.is_member]
    return next((a.id for a in members or present), None)


# --- declarations ------------------------------------------------------------------------------


def add_declaration(
    meeting: Meeting, index: int, interest: Interest | None = None
) -> tuple[Meeting, Interest]:
    """`meeting` with a declaration (by default a new one, by the first member present) before
    position `index` (clamped)."""
    if interest is None:
        interest = Interest(attendee_id=first_present_member(meeting))
    if any(i.id == interest.id for i in meeting.interests):
        interest = interest.model_copy(update={"id": _fresh_id({i.id for i in meeting.interests})})
    index = _clamp(index, len(meeting.interests))
    interests = (*meeting.interests[:index], interest, *meeting.interests[index:])
    return meeting.model_copy(update={"interests": interests}), interest


# --- sections and sessions ---------------------------------------------------------------------


def remove_section(meeting: Meeting, section_id: str) -> Meeting:
    """`meeting` without the section; its items are in no section."""
    return _remove_grouping(meeting, "sections", "section_id", section_id, "section")


def remove_session(meeting: Meeting, session_id: str) -> Meeting:
    """`meeting` without the session; its items are in no session."""
    return _remove_grouping(meeting, "sessions", "session_id", session_id, "session")


def _remove_grouping(
    meeting: Meeting,
    field: Literal["sections", "sessions"],
    reference: Literal["section_id", "session_id"],
    record_id: str,
    what: str,
) -> Meeting:
    """`meeting` without the section or session `record_id`, and no item in it."""
    records: tuple[Section, ...] | tuple[Session, ...] = getattr(meeting, field)
    if not any(r.id == record_id for r in records):
        raise OperationError(f"there is no {what} with the id {record_id!r}")
    items = tuple(
        i.model_copy(update={reference: None}) if getattr(i, reference) == record_id else i
        for i in meeting.items
    )
    update: dict[str, object] = {field: tuple(r for r in records if r.id != record_id)}
    if _changed(items, meeting.items):
        update["items"] = items
    return meeting.model_copy(update=update)


# --- related motions ---------------------------------------------------------------------------


def _resolutions(blocks: tuple[Block, ...]) -> list[Resolution]:
    """The resolutions among `blocks`, nested ones too, in reading order."""
    return [r for _, r in _resolution_paths(blocks, ("blocks",))]


def _resolution_paths(blocks: tuple[Block, ...], path: Path) -> list[tuple[Path, Resolution]]:
    """Each resolution among `blocks` (nested too) with its path, in reading order."""
    found: list[tuple[Path, Resolution]] = []
    for b, block in enumerate(blocks):
        here = (*path, b)
        if isinstance(block, Resolution):
            found.append((here, block))
        groups: tuple[str, ...] = ()
        if isinstance(block, BulletList | NumberedList):
            groups = ("entries",)
        elif isinstance(block, Resolution):
            groups = ("resolutions",)
        elif isinstance(block, PublicQuestions):
            groups = ("questions", "responses")
        for field in groups:
            entries: tuple[ListEntry, ...] = getattr(block, field)
            for e, entry in enumerate(entries):
                found.extend(_resolution_paths(entry.blocks, (*here, field, e, "blocks")))
    return found


def _resolution_ids(meeting: Meeting) -> set[str]:
    return {r.id for item in meeting.items for r in _resolutions(item.blocks) if r.id}


def relate_motion(
    meeting: Meeting,
    item_id: str,
    motion: Path,
    to: Path | None,
    kind: MotionKind | None = None,
) -> Meeting:
    """`meeting` with the resolution at `motion` (a path in the item, as ``("blocks", 2)``)
    related to the earlier resolution at `to` of the same item (None: related to none), and
    of `kind` if given (an amendment, a substitute, the substantive motion). The motion
    referred to is given an id the first time one refers to it. A `to` that is not an
    earlier resolution of the item is an error."""
    index = _index_of(meeting, item_id)
    item = meeting.items[index]
    order = [path for path, _ in _resolution_paths(item.blocks, ("blocks",))]
    motion, to = tuple(motion), None if to is None else tuple(to)
    if motion not in order:
        raise OperationError(f"there is no resolution at {motion!r} in the item")
    update: dict[str, object] = {} if kind is None else {"kind": kind}
    if to is None:
        update["relates_to"] = None
    else:
        if to not in order or order.index(to) >= order.index(motion):
            raise OperationError(f"there is no earlier resolution at {to!r} in the item")
        target: Resolution = get_at(item, to)
        if not target.id:
            target = target.model_copy(update={"id": _fresh_id(_resolution_ids(meeting))})
            item = _replace_at(item, to, target)
        update["relates_to"] = target.id
    block: Resolution = get_at(item, motion)
    if all(getattr(block, k) == v for k, v in update.items()) and item is meeting.items[index]:
        return meeting
    item = _replace_at(item, motion, block.model_copy(update=update))
    items = (*meeting.items[:index], item, *meeting.items[index + 1 :])
    return meeting.model_copy(update={"items": items})


def _replace_at(item: Item, path: Path, block: Block) -> Item:
    try:
        return set_at(item, path, block)
    except EditError as error:  # pragma: no cover - the path was just read
        raise OperationError(str(error)) from error


def roll_from_attendance(meeting: Meeting, session: int) -> Meeting:
    """`meeting` with every member of its attendance who is not yet on the roll of the session
    at `session` added to it, in the attendance's order, answering as the attendance says.
    A substitute answers as present; co-opted members are called too."""
    current = meeting.sessions[session]
    called = {entry.attendee_id for entry in current.roll_call}
    added: list[RollCallEntry] = []
    for person in meeting.attendance:
        if not person.is_member or person.id in called:
            continue
        if person.status is AttendanceStatus.APOLOGIES:
            entry = RollCallEntry(attendee_id=person.id, answer=RollAnswer.EXCUSED)
        elif person.status is AttendanceStatus.ABSENT:
            entry = RollCallEntry(attendee_id=person.id, answer=RollAnswer.ABSENT)
        elif person.arrived_at is not None:
            entry = RollCallEntry(
                attendee_id=person.id, answer=RollAnswer.LATE, time=person.arrived_at
            )
        else:
            entry = RollCallEntry(attendee_id=person.id)
        added.append(entry)
    if not added:
        return meeting
    sessions = list(meeting.sessions)
    sessions[session] = current.model_copy(update={"roll_call": (*current.roll_call, *added)})
    return meeting.model_copy(update={"sessions": tuple(sessions)})
