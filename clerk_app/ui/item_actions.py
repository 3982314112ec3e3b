"""The Item menu: new, insert, duplicate, delete and move items.

Each is a domain operation (`clerk_app.domain.operations`) made one undo step, and then the clerk
is taken where the work goes on: a new item's title, the neighbour of a deleted one.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt

from clerk_app.domain import operations
from clerk_app.domain.model import Item, Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.navigator import Navigator, Section


class ItemHost(Protocol):
    """What the item actions need of the window."""

    document: MeetingDocument | None
    navigator: Navigator
    item_form: ItemForm

    def show_section(self, section: Section) -> None: ...

    def numbering(self) -> MinuteNumbering: ...

    def show_status(self, message: str, milliseconds: int = 5000) -> None: ...


class ItemActions:
    def __init__(self, host: ItemHost) -> None:
        self.host = host

    def _current(self) -> tuple[MeetingDocument, str | None] | None:
        document = self.host.document
        if document is None:
            return None
        section = self.host.navigator.current_section
        return document, section.item_id if section.kind == "item" else None

    def _added(self, document: MeetingDocument, result: tuple[Meeting, Item], text: str) -> None:
        meeting, item = result
        document.edit(meeting, text, ("items",))
        self.host.show_section(Section("item", item.id))
        index = meeting.item_index(item.id)
        self.host.item_form.focus_path(("items", index or 0, "title"))

    def new_item(self) -> None:
        """After the current item, or at the end."""
        current = self._current()
        if current is not None:
            document, item_id = current
            self._added(document, operations.new_item_after(document.meeting, item_id), "Add item")

    def insert_item(self) -> None:
        """Before the current item, or at the start."""
        current = self._current()
        if current is not None:
            document, item_id = current
            result = operations.new_item_before(document.meeting, item_id)
            self._added(document, result, "Insert item")

    def duplicate_item(self) -> None:
        current = self._current()
        if current is None or current[1] is None:
            return
        document, item_id = current[0], current[1]
        result = operations.duplicate_item(document.meeting, item_id)
        self._added(document, result, "Duplicate item")

    def delete_item(self) -> None:
        current = self._current()
        if current is None or current[1] is None:
            return
        document, item_id = current[0], current[1]
        number = self.host.numbering().label_of(item_id)
        document.edit(
            operations.delete_item(document.meeting, item_id), f"Delete minute {number}", ("items",)
        )
        self.host.show_status(f"Minute {number} deleted: Ctrl+Z brings it back", 8000)

    def move_item(self, step: int) -> None:
        if self.host.document is not None:
            self.host.navigator.move_current(step)

    def step_section(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous part of the meeting, an item's minute
        text ready for typing."""
        if self.host.document is None:
            return
        navigator = self.host.navigator
        model = navigator.nav_model
        row = model.row_of(navigator.current_section) + step
        section = model.section(max(0, min(row, model.rowCount() - 1)))
        if section is None:
            return
        self.host.show_section(section)
        if section.kind == "item":
            self.host.item_form.body.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            navigator.setFocus(Qt.FocusReason.ShortcutFocusReason)
