"""Declarations of interest: who declared what, on which item, and what they did about it.

Widgets (objectName: accessibleName, keys):

- ``declarationsForm``: the form
- ``declarationsTable``: "Declarations of interest"; arrows and Tab move from cell to cell
  (without editing), typing or F2 edits the cell, Enter or Tab saves it (Shift+Enter starts a
  new line in Interest), Escape cancels; Insert adds a declaration (anywhere in the form, a
  cell being edited included), Delete removes the selected rows, Alt+Up / Alt+Down move the
  current row
- ``addDeclarationButton``: "Add declaration" (Alt+A; Insert in the table)
- ``removeDeclarationButton``: "Remove declaration" (Alt+R; Delete in the table)
- ``moveDeclarationUpButton``: "Move declaration up" (Alt+U; Alt+Up in the table)
- ``moveDeclarationDownButton``: "Move declaration down" (Alt+W; Alt+Down in the table)

- ``declarationsNotice``: a label under the table saying why typed text was refused

Keys are QActions: ``addDeclarationKey`` (Insert) on the form, with a widget-with-children
shortcut; on the table, with a widget shortcut (they act only while the table itself, not one
of its editors, has the focus): ``removeDeclarationKey`` (Delete), ``moveDeclarationUpKey``
(Alt+Up), ``moveDeclarationDownKey`` (Alt+Down). Cell editors carry their column's name as
accessibleName ("Member", "Item", "Interest", "Kind", "Action"). In a drop-down, typing finds a
choice by any word ("moore", "156"), and text that matches none is refused. Tab from the last
cell (Shift+Tab from the first) leaves the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from clerk_app.domain import operations
from clerk_app.domain.model import (
    INTEREST_ACTION_LABELS,
    INTEREST_KIND_LABELS,
    Meeting,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import RecordListForm
from clerk_app.ui.tables import (
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
    attendee_choices,
    item_choices,
)

LIST: EditPath = ("interests",)
MEMBER, ITEM, INTEREST, KIND, ACTION = range(5)
NOT_IN_ATTENDANCE = "(not in attendance)"
GENERAL = "(general declaration)"
KEYS_HINT = (
    "Insert adds a declaration, Delete removes the selected rows, Alt+Up and Alt+Down move one; "
    "F2 or typing edits a cell, Enter saves it (Shift+Enter starts a new line). Ctrl+Z undoes."
)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


class DeclarationsForm(RecordListForm):
    """The declarations table and its buttons.

    Public: `table`, `model`, the button attributes, `insert_key` (the Insert action),
    `add_row()` (= `add_declaration()`), `remove_selected()`,
    `move_current(step)`, and `focus_path(path)` for findings about ("interests", n, field...)."""

    LIST = LIST
    DEFAULT_COLUMN = INTEREST
    PLURAL = "declarations"

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("declarationsForm")

        def items(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_choices(meeting, context.house_style(meeting), GENERAL)

        columns = [
            Column(
                "Member",
                ("attendee_id",),
                ColumnKind.CHOICE,
                attendee_choices,
                width=18,
                any_word=True,
                unset="(nobody chosen)",
                missing=NOT_IN_ATTENDANCE,
                description="Who declared the interest (from the attendance)",
            ),
            Column(
                "Item",
                ("item_id",),
                ColumnKind.CHOICE,
                items,
                width=22,
                any_word=True,
                missing="(item deleted)",
                description="The item it concerns; a general declaration concerns none",
            ),
            Column(
                "Interest",
                ("interest",),
                ColumnKind.TEXT,
                width=30,
                stretch=True,
                description="The interest in the member's words: \u201cshe is the Chair of …\u201d",
            ),
            Column(
                "Kind",
                ("kind",),
                ColumnKind.CHOICE,
                lambda _m: [(_sentence_case(t), k) for k, t in INTEREST_KIND_LABELS.items()],
                width=24,
                any_word=True,
            ),
            Column(
                "Action",
                ("action",),
                ColumnKind.CHOICE,
                lambda _m: [(t, a) for a, t in INTEREST_ACTION_LABELS.items()],
                width=26,
                any_word=True,
                description="What the member did about it",
            ),
        ]
        self.model = RecordModel(
            document, LIST, columns, "Edit declaration", self.warn, parent=self
        )
        self.table = RecordTable(
            self.model,
            "declarationsTable",
            "Declarations of interest",
            KEYS_HINT,
            parent=self,
            wrap=True,
        )
        self.insert_key = self.form_key(
            "addDeclarationKey", "Add declaration", "Insert", self.add_row
        )
        self.table.add_key(
            "removeDeclarationKey", "Remove declaration", "Delete", self.remove_selected
        )
        self.table.add_key(
            "moveDeclarationUpKey", "Move up", "Alt+Up", lambda: self.move_current(-1)
        )
        self.table.add_key(
            "moveDeclarationDownKey", "Move down", "Alt+Down", lambda: self.move_current(1)
        )

        self.add_button = self.button(
            "addDeclarationButton", "&Add declaration", "Add declaration",
            "Add a declaration after the current row (Insert)", self.add_declaration,
        )  # fmt: skip
        self.remove_button = self.button(
            "removeDeclarationButton", "&Remove", "Remove declaration",
            "Remove the selected declarations (Delete); Ctrl+Z brings them back",
            self.remove_selected,
        )  # fmt: skip
        self.up_button = self.button(
            "moveDeclarationUpButton", "Move &up", "Move declaration up",
            "Move the current declaration up (Alt+Up)", lambda: self.move_current(-1),
        )  # fmt: skip
        self.down_button = self.button(
            "moveDeclarationDownButton", "Move do&wn", "Move declaration down",
            "Move the current declaration down (Alt+Down)", lambda: self.move_current(1),
        )  # fmt: skip

        self.lay_out("Declarations of interest", "declarationsHint", KEYS_HINT)
        self.refresh()

    def describe(self, row: int) -> str:
        return "declaration"

    # --- actions -----------------------------------------------------------------------------

    def add_row(self) -> None:
        self.add_declaration()

    def add_declaration(self) -> None:
        """A new declaration after the current row, for the first member present, with its
        Member open for choosing (what was being typed in a cell is saved first)."""
        self.table.commit_editing()
        meeting = self.document.meeting
        row = self.table.current_row()
        index = row + 1 if row >= 0 else len(meeting.interests)
        after, _interest = operations.add_declaration(meeting, index)  # by the first member present
        self.document.edit(after, "Add declaration", LIST)
        self.table.go_to(index, MEMBER, edit=True)
