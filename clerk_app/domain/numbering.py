"""Minute numbers as the house style writes them: one object for every place that shows one.

A meeting's minute numbers are derived: the first number plus the item's position. How they read
("149", "196/20", "CAB 12/25") is the house style's; the year in a number is the meeting's year.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting


@dataclass(frozen=True, slots=True)
class MinuteNumbering:
    """How one meeting's minutes are numbered in one house style."""

    meeting: Meeting
    style: HouseStyle = DEFAULT_STYLE

    def number(self, index: int) -> int:
        """The bare number of the item at `index` (149)."""
        return self.meeting.minute_number(index)

    def label(self, index: int) -> str:
        """The item at `index`'s minute number as the style writes it ("196/20")."""
        return self.format(self.number(index))

    def format(self, number: int) -> str:
        """Any number of this meeting's run, as the style writes it."""
        meeting = self.meeting
        return self.style.minute_number(number, meeting.date, meeting.minute_prefix)

    def label_of(self, item_id: str | None) -> str | None:
        """The minute number of the item with this id; None if there is no such item."""
        index = self.meeting.item_index(item_id) if item_id else None
        return None if index is None else self.label(index)

    def labels(self) -> list[str]:
        """Every item's minute number, in order."""
        return [self.label(n) for n in range(len(self.meeting.items))]

    @property
    def last(self) -> int | None:
        """The number of the meeting's last minute; None for a meeting with no items."""
        items = len(self.meeting.items)
        return self.number(items - 1) if items else None
