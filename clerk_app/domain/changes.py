"""What an edit changed: worked out from the meeting before and after, so that each view redraws
only what it shows (Anki's `OpChanges` is the model).

Meetings are immutable and an edit shares every part it did not touch, so most comparisons are
identity checks: working out the change of a keystroke in one item of a 300-item meeting costs a
walk over 300 pointers, not a comparison of 300 items. Parts that are not shared (a meeting
loaded afresh, a restored copy) are compared by value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clerk_app.domain.model import Item, Meeting

Path = tuple[str | int, ...]

HEADER_FIELDS = (
    "authority",
    "body",
    "date",
    "start_time",
    "close_time",
    "venue",
    "status",
    "confirmed_on",
    "kind",
    "sequence",
    "preamble",
    "closing_note",
    "public_present",
)
"""The meeting's own fields that the minutes' heading and close show."""
NUMBERING_FIELDS = (
    "date",
    "first_minute_number",
    "minute_prefix",
    "house_style",
    "first_decision_number",
    "sequence",
)
"""Fields that change how every minute number (or decision number) reads ({sequence} and {ss}
are a number's fields too)."""
PART_FIELDS = ("sessions", "adjournments", "sections", "speakers", "signatories")
"""Format 2: the meeting's lists besides its people, declarations and items, each shown by a
form of its own and around the items in the minutes."""
PLACE_FIELDS = ("label", "numbered", "parent_id", "section_id", "session_id")
"""Format 2: an item's fields that change how other items read (the numbers after it, its
sub-items', the section and session headings around it), not only its own minute."""
ITEM_PARTS = frozenset({"sessions", "sections"})
"""Of `PART_FIELDS`, those an item names (its section, its session): an item's form shows them."""


def _same(before: object, after: object) -> bool:
    return before is after or before == after


@dataclass(frozen=True, slots=True)
class MeetingChange:
    """What differs between two versions of a meeting.

    `items` names the items whose own content changed (by id); `item_list` says the list itself
    changed (an item added, removed or moved), which renumbers what follows. `path` is where the
    edit was made, for views that follow the clerk (undo and redo show that part)."""

    header: bool = False
    numbering: bool = False
    style: bool = False
    attendance: bool = False
    interests: bool = False
    item_list: bool = False
    items: frozenset[str] = field(default_factory=frozenset)
    path: Path = ()
    renamed: frozenset[str] = field(default_factory=frozenset)
    """Of `items`, those whose title or exemption changed: what other parts (declarations, part
    attendance, the navigator) name them by."""
    parts: frozenset[str] = field(default_factory=frozenset)
    """Which of the meeting's other lists (`PART_FIELDS`: "sessions", "speakers"...) changed."""

    @classmethod
    def everything(cls, path: Path = ()) -> MeetingChange:
        """A whole new meeting: every view redraws all it shows."""
        return cls(
            True,
            True,
            True,
            True,
            True,
            True,
            frozenset(),
            path,
            frozenset(),
            frozenset(PART_FIELDS),
        )

    @classmethod
    def between(cls, before: Meeting, after: Meeting, path: Path = ()) -> MeetingChange:
        if before is after:
            return cls(path=path)
        header = any(not _same(getattr(before, f), getattr(after, f)) for f in HEADER_FIELDS)
        numbering = any(not _same(getattr(before, f), getattr(after, f)) for f in NUMBERING_FIELDS)
        old, new = before.items, after.items
        item_list = False
        changed: set[str] = set()
        renamed: set[str] = set()
        if old is not new:
            pairs: list[tuple[Item, Item]]
            if len(old) != len(new) or any(
                a is not b and a.id != b.id for a, b in zip(old, new, strict=True)
            ):
                item_list = True
                previous = {item.id: item for item in old}
                pairs = [(previous[b.id], b) for b in new if b.id in previous]
            else:
                pairs = list(zip(old, new, strict=True))
            edited = [(a, b) for a, b in pairs if not _same(a, b)]
            changed = {b.id for _, b in edited}
            renamed = {b.id for a, b in edited if a.title != b.title or a.exempt != b.exempt}
            numbering = numbering or any(
                getattr(a, f) != getattr(b, f) for a, b in edited for f in PLACE_FIELDS
            )
        parts = frozenset(
            f for f in PART_FIELDS if not _same(getattr(before, f), getattr(after, f))
        )
        return cls(
            header=header,
            numbering=numbering or item_list,
            style=not _same(before.house_style, after.house_style),
            attendance=not _same(before.attendance, after.attendance),
            interests=not _same(before.interests, after.interests),
            item_list=item_list,
            items=frozenset(changed),
            path=path,
            renamed=frozenset(renamed),
            parts=parts,
        )

    @property
    def around_items(self) -> bool:
        """Something besides the items' own content changed: the heading, the numbering, the
        style, the people, the declarations, the list of items, or the meeting's other parts
        (sessions, sections, speakers...)."""
        return (
            bool(self.parts)
            or self.header
            or self.numbering
            or self.style
            or self.attendance
            or self.interests
            or self.item_list
        )

    @property
    def nothing(self) -> bool:
        return not (self.around_items or self.items)

    @property
    def only_items(self) -> bool:
        """Only the content of some items changed: nothing around them, no renumbering."""
        return bool(self.items) and not self.around_items

    def touches_item(self, item_id: str | None) -> bool:
        """Whether what an item's form shows may have changed: its own content, or the
        meeting around it (its number, the people its votes name, the sections and sessions
        it may be in)."""
        return (
            item_id in self.items
            or not self.parts.isdisjoint(ITEM_PARTS)
            or self.numbering
            or self.attendance
            or self.interests
            or self.item_list
            or self.style
        )
