"""The item a form shows, found by its id at every use: items move, so an index goes stale.

`ItemTarget` is what the item form and its panels share: the document, the house style's
resolution word and minute numbers, and the one way they edit the item (`set`), which also
decides how edits merge into undo steps (see `set` and `break_step`).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from clerk_app.domain.edit import get_at, set_at
from clerk_app.domain.model import Block, Item
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.binding import FormContext
from clerk_app.ui.messages import error_text

DEFAULT_WORD = "RESOLVED"


class ItemTarget:
    """The item a form shows, by id: items move, so its index is looked up at every use."""

    def __init__(self, document: MeetingDocument, context: FormContext) -> None:
        self.document = document
        self.context = context
        self.item_id: str | None = None
        self._known: tuple[tuple[Item, ...], str, int | None] | None = None
        """The list of items last looked in, and where the item was in it."""
        self._step = 0
        """Part of the merge key of typing: a new number starts a new undo step."""

    def index(self) -> int | None:
        """Where the item is now: looked up once for each version of the list of items (a form
        asks often, and a keystroke leaves the list as it is: its position is checked first)."""
        item_id = self.item_id
        if item_id is None:
            return None
        items = self.document.meeting.items
        known = self._known
        if known is not None and known[1] == item_id:
            if known[0] is items:
                return known[2]
            index = known[2]
            if index is not None and index < len(items) and items[index].id == item_id:
                self._known = (items, item_id, index)
                return index
        found = self.document.meeting.item_index(item_id)
        self._known = (items, item_id, found)
        return found

    def item(self) -> Item | None:
        index = self.index()
        return None if index is None else self.document.meeting.items[index]

    def path(self, *parts: str | int) -> EditPath | None:
        index = self.index()
        return None if index is None else ("items", index, *parts)

    def word(self) -> str:
        """The house style's resolution word."""
        folder = self.context.style(self.document.meeting.house_style)
        return folder.style.resolution_word if folder else DEFAULT_WORD

    def minute(self) -> str:
        """The item's minute number as the house style writes it ("158", "CAB 12/25")."""
        index = self.index()
        if index is None:
            return ""
        meeting = self.document.meeting
        return MinuteNumbering(meeting, self.context.house_style(meeting)).label(index)

    def block_index(self, kind: type[Block], ordinal: int) -> int | None:
        """The position in the item's body of its `ordinal`-th block of this kind."""
        item = self.item()
        if item is None:
            return None
        found = [n for n, block in enumerate(item.blocks) if isinstance(block, kind)]
        return found[ordinal] if ordinal < len(found) else None

    def break_step(self) -> None:
        """The next merging edit starts a new undo step (which the edits after it join), even
        within the document's merge window: for a new line that changed nothing in the model
        (Enter at the end of a paragraph), so that the sentence typed after it is one step."""
        self._step += 1

    def set(self, parts: Sequence[str | int], value: Any, text: str, merge: bool = True) -> bool:
        """Set a field of the item (`parts` below it); a refused value is reported, not raised.

        With `merge`, the edit joins the undo step of the typing before it in the same field
        (within the document's merge window), unless `break_step` was called since. Without,
        it is a step of its own that nothing joins. An edit that changes nothing is no step;
        without `merge` it still ends the step before it, so the next typing starts afresh."""
        path = self.path(*parts)
        if path is None:
            return False
        meeting = self.document.meeting
        try:
            after = set_at(meeting, path, value)
            if get_at(after, path) == get_at(meeting, path):
                if not merge:
                    self.break_step()
                return True
            key: Hashable = (path, self._step) if merge else None
            self.document.edit(after, text, path, merge_key=key)
        except ValueError as exc:  # pydantic's ValidationError and EditError are ValueErrors
            self.context.messages.warning("That value cannot be used", error_text(exc))
            return False
        return True

    def set_block_field(
        self, kind: type[Block], ordinal: int, field: str, value: Any, text: str, merge: bool
    ) -> None:
        block = self.block_index(kind, ordinal)
        if block is not None:
            self.set(("blocks", block, field), value, f"{text} in minute {self.minute()}", merge)
