"""Minute numbers as the house style writes them: one object for every place that shows one.

A meeting's minute numbers are derived, never stored. Items run on from the meeting's first
minute number, in the order they were taken; the house style writes each ("149", "196/20",
"CAB 12/25"; the year in a number is the meeting's year). In format 2 an item may have a label
fixed by the agenda ("4.1", "A12"), which it shows instead and which takes no running number; an
unnumbered item (a heading, the preliminaries) takes none and shows none; a sub-item is numbered
after its parent by the style ("4.1", "4(a)") and takes no running number either. A style with
`number_items` off shows only the labels. Decisions may have numbers of their own: given one by
one (`Resolution.number`), or running from the meeting's `first_decision_number` in the style's
`decision_number_format`.
"""

from __future__ import annotations

from collections.abc import Iterator

from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import (
    Block,
    BulletList,
    Instrument,
    ListEntry,
    Meeting,
    MotionKind,
    NumberedList,
    Outcome,
    PublicQuestions,
    Resolution,
)


class MinuteNumbering:
    """How one meeting's minutes are numbered in one house style.

    The running numbers are worked out at once, in one pass over the items; a label is written
    out in the style only when asked for, and kept: a keystroke that needs one item's number
    does not format three hundred."""

    __slots__ = ("_index", "_labels", "_numbers", "_parents", "meeting", "style")

    def __init__(self, meeting: Meeting, style: HouseStyle = DEFAULT_STYLE) -> None:
        self.meeting = meeting
        self.style = style
        numbers: list[int | None] = []
        parents: list[tuple[int, int] | None] = []
        """For a sub-item: its parent's position and which of its sub-items it is."""
        index: dict[str, int] = {}
        children: dict[str, int] = {}
        running = meeting.first_minute_number
        for n, item in enumerate(meeting.items):
            number: int | None = None
            parent: tuple[int, int] | None = None
            if item.label or not item.numbered:
                pass
            elif item.parent_id is not None and item.parent_id in index:
                # only an earlier item: never the item itself, so the labels form a tree
                count = children.get(item.parent_id, 0) + 1
                children[item.parent_id] = count
                parent = (index[item.parent_id], count)
            else:
                number = running
                running += 1
            index.setdefault(item.id, n)
            numbers.append(number)
            parents.append(parent)
        self._numbers = numbers
        self._parents = parents
        self._labels: list[str | None] = [None] * len(numbers)
        self._index = index

    def number(self, index: int) -> int | None:
        """The running number of the item at `index` (149); None for an item that takes none
        (labelled, unnumbered, a sub-item)."""
        return self._numbers[index]

    def label(self, index: int) -> str:
        """The item at `index`'s minute number as the style writes it ("196/20"); empty for an
        item that shows none."""
        known = self._labels[index]
        if known is not None:
            return known
        # A sub-item's label needs its parent's: walk up to the first one known or at the
        # top, then write them out on the way down (no recursion, however deep).
        chain = [index]
        while (parent := self._parents[chain[-1]]) is not None and self._labels[parent[0]] is None:
            chain.append(parent[0])
        for position in reversed(chain):
            self._labels[position] = self._written(position)
        return self._labels[index] or ""

    def _written(self, index: int) -> str:
        item = self.meeting.items[index]
        if item.label:
            return item.label
        number, parent = self._numbers[index], self._parents[index]
        if parent is not None:
            above = self._labels[parent[0]] or ""
            return self.style.sub_item_number(above, parent[1]) if above else ""
        if number is None or not self.style.number_items:
            return ""
        return self.format(number)

    def format(self, number: int) -> str:
        """Any number of this meeting's run, as the style writes it."""
        meeting = self.meeting
        return self.style.minute_number(
            number, meeting.date, meeting.minute_prefix, meeting.sequence
        )

    def label_of(self, item_id: str | None) -> str | None:
        """The minute number of the item with this id; None if there is no such item."""
        index = self._index.get(item_id or "")
        return None if index is None else self.label(index)

    def labels(self) -> list[str]:
        """Every item's minute number, in order."""
        return [self.label(n) for n in range(len(self._numbers))]

    def numbers(self) -> list[int | None]:
        """Every item's running number, in order (None where it takes none)."""
        return list(self._numbers)

    @property
    def first(self) -> int | None:
        """The meeting's first running number; None if no item takes one."""
        return next((n for n in self._numbers if n is not None), None)

    @property
    def last(self) -> int | None:
        """The number of the meeting's last numbered minute; None if no item takes one."""
        return next((n for n in reversed(self._numbers) if n is not None), None)

    def decision_labels(self) -> dict[int, str]:
        """Every numbered resolution's decision number, keyed by the resolution object's
        `id()` (resolutions need no id of their own): its own number, or the next of the
        style's run (for decisions that were made: not amendments, not lost, withdrawn or not
        put). Valid while this meeting is alive: the keys are its own objects."""
        meeting, style = self.meeting, self.style
        running = meeting.first_decision_number
        numbering = bool(style.decision_number_format) and running is not None
        out: dict[int, str] = {}
        superseded = _superseded(meeting) if numbering else frozenset()
        for item in meeting.items:
            for block in resolutions_in(item.blocks):
                if block.id and block.id in superseded and not block.number:
                    continue
                if block.number:
                    out[id(block)] = block.number
                elif numbering and running is not None and takes_decision_number(block):
                    out[id(block)] = style.decision_number(
                        running, meeting.date, meeting.minute_prefix, meeting.sequence
                    )
                    running += 1
        return out


def _superseded(meeting: Meeting) -> frozenset[str]:
    """The ids of motions replaced by a substitute or by the substantive motion as amended
    that was carried (or whose outcome is not recorded): the decision is the later one's, and
    one decision takes one number."""
    found: set[str] = set()
    for item in meeting.items:
        for block in resolutions_in(item.blocks):
            if (
                block.kind in (MotionKind.SUBSTITUTE, MotionKind.SUBSTANTIVE)
                and block.relates_to
                and block.outcome in (None, Outcome.CARRIED)
            ):
                found.add(block.relates_to)
    return frozenset(found)


def takes_decision_number(block: Resolution) -> bool:
    """A decision the body made: a motion, substitute or substantive motion carried (or with
    no outcome recorded), or an ordinance or by-law however its vote is recorded."""
    if block.outcome in (Outcome.LOST, Outcome.WITHDRAWN, Outcome.NOT_PUT):
        return False
    if block.kind in (MotionKind.AMENDMENT, MotionKind.PROCEDURAL):
        return block.instrument is not None and block.instrument is not Instrument.RESOLUTION
    return True


def resolutions_in(blocks: tuple[Block, ...]) -> Iterator[Resolution]:
    """The resolutions among `blocks` and the blocks of their list entries, in reading order."""
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
            continue
        groups: tuple[tuple[ListEntry, ...], ...]
        if isinstance(block, Resolution):
            yield block
            groups = (block.resolutions,)
        elif isinstance(block, BulletList | NumberedList):
            groups = (block.entries,)
        elif isinstance(block, PublicQuestions):
            groups = (block.questions, block.responses)
        else:
            continue
        for entries in reversed(groups):
            stack.append(iter([b for e in entries for b in e.blocks]))
