"""Declarations of interest: who declared what, on which item, and what they did about it.

Widgets (objectName: accessibleName, keys):

- ``declarationsForm``: the form
- ``declarationsTable``: "Declarations of interest"; arrows and Tab move, F2 or typing edits,
  Enter commits (Shift+Enter starts a new line in Interest), Escape cancels; Insert adds a
  declaration, Delete removes the selected rows, Alt+Up / Alt+Down move the current row
- ``addDeclarationButton``: "Add declaration" (Alt+A; Insert in the table)
- ``removeDeclarationButton``: "Remove declaration" (Alt+R; Delete in the table)
- ``moveDeclarationUpButton``: "Move declaration up" (Alt+U; Alt+Up in the table)
- ``moveDeclarationDownButton``: "Move declaration down" (Alt+W; Alt+Down in the table)

Keys on the table are QActions with a widget shortcut (they act only while the table itself,
not one of its editors, has the focus): ``addDeclarationKey`` (Insert), ``removeDeclarationKey``
(Delete), ``moveDeclarationUpKey`` (Alt+Up), ``moveDeclarationDownKey`` (Alt+Down). Cell editors
carry their column's name as accessibleName ("Member", "Item", "Interest", "Kind", "Action").
In a drop-down, typing finds a choice by any word ("moore", "156"). Tab from the last cell
(Shift+Tab from the first) leaves the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.edit import remove_at
from clerk_app.domain.model import (
    INTEREST_ACTION_LABELS,
    INTEREST_KIND_LABELS,
    Interest,
    Meeting,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import Form, FormContext
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


def first_present_member(meeting: Meeting) -> str | None:
    """Who a new declaration most likely belongs to: the first member present, else anyone
    present, else nobody."""
    present = [a for a in meeting.attendance if a.attended]
    members = [a for a in present if a.is_member]
    return next((a.id for a in members or present), None)


class DeclarationsForm(Form):
    """The declarations table and its buttons.

    Public: `table`, `model`, the button attributes, `add_declaration()`, `remove_selected()`,
    `move_current(step)`, and `focus_path(path)` for findings about ("interests", n, field...)."""

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("declarationsForm")
        heading = QLabel("<h2>Declarations of interest</h2>")

        def items(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_choices(meeting, context.house_style(meeting), GENERAL)

        columns = [
            Column(
                "Member",
                ("attendee_id",),
                ColumnKind.CHOICE,
                attendee_choices,
                width=18,
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
            ),
            Column(
                "Action",
                ("action",),
                ColumnKind.CHOICE,
                lambda _m: [(t, a) for a, t in INTEREST_ACTION_LABELS.items()],
                width=26,
                description="What the member did about it",
            ),
        ]
        self.model = RecordModel(
            document, LIST, columns, "Edit declaration", self._warn, parent=self
        )
        self.table = RecordTable(
            self.model,
            "declarationsTable",
            "Declarations of interest",
            KEYS_HINT,
            parent=self,
            wrap=True,
        )
        self.table.add_key("addDeclarationKey", "Add declaration", "Insert", self.add_declaration)
        self.table.add_key(
            "removeDeclarationKey", "Remove declaration", "Delete", self.remove_selected
        )
        self.table.add_key(
            "moveDeclarationUpKey", "Move up", "Alt+Up", lambda: self.move_current(-1)
        )
        self.table.add_key(
            "moveDeclarationDownKey", "Move down", "Alt+Down", lambda: self.move_current(1)
        )

        self.add_button = self._button(
            "addDeclarationButton", "&Add declaration", "Add declaration",
            "Add a declaration after the current row (Insert)", self.add_declaration,
        )  # fmt: skip
        self.remove_button = self._button(
            "removeDeclarationButton", "&Remove", "Remove declaration",
            "Remove the selected declarations (Delete); Ctrl+Z brings them back",
            self.remove_selected,
        )  # fmt: skip
        self.up_button = self._button(
            "moveDeclarationUpButton", "Move &up", "Move declaration up",
            "Move the current declaration up (Alt+Up)", lambda: self.move_current(-1),
        )  # fmt: skip
        self.down_button = self._button(
            "moveDeclarationDownButton", "Move do&wn", "Move declaration down",
            "Move the current declaration down (Alt+Down)", lambda: self.move_current(1),
        )  # fmt: skip

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(KEYS_HINT)
        hint.setWordWrap(True)
        hint.setObjectName("declarationsHint")

        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(buttons)
        outer.addWidget(self.table, 1)
        outer.addWidget(hint)

        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.refresh()

    def _button(
        self, name: str, text: str, accessible: str, tip: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text, self)
        self.named(button, name, accessible)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _warn(self, text: str) -> None:
        self.context.messages.warning("That value cannot be used", text)

    def refresh(self) -> None:
        super().refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        count = self.model.rowCount()
        has_row = 0 <= row < count
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and row > 0)
        self.down_button.setEnabled(has_row and row < count - 1)

    # --- actions -----------------------------------------------------------------------------

    def add_declaration(self) -> None:
        """A new declaration after the current row, for the first member present, with its
        Member open for choosing."""
        meeting = self.document.meeting
        row = self.table.current_row()
        index = row + 1 if row >= 0 else len(meeting.interests)
        interest = Interest(attendee_id=first_present_member(meeting))
        self.document.insert(LIST, index, interest, "Add declaration")
        self.table.go_to(index, MEMBER, edit=True)

    def remove_selected(self) -> None:
        """Remove every selected row as one undo step (undo brings them back, so no question)."""
        rows = [r for r in self.table.selected_rows() if r < len(self.document.meeting.interests)]
        if not rows:
            return
        after = self.document.meeting
        for row in reversed(rows):
            after = remove_at(after, LIST, row)
        text = "Remove declaration" if len(rows) == 1 else f"Remove {len(rows)} declarations"
        column = max(self.table.currentIndex().column(), 0)
        self.document.edit(after, text, LIST)
        self.table.go_to(min(rows[0], len(after.interests) - 1), column)
        self.table.setFocus()

    def move_current(self, step: int) -> None:
        row = self.table.current_row()
        target = row + step
        count = len(self.document.meeting.interests)
        if not (0 <= row < count and 0 <= target < count):
            return
        direction = "up" if step < 0 else "down"
        self.document.move(LIST, row, target, f"Move declaration {direction}")
        self.table.setFocus()

    # --- findings ----------------------------------------------------------------------------

    def focus_path(self, path: EditPath) -> bool:
        """("interests", 0, "item_id") selects row 0's Item cell; ("interests",) just focuses
        the table. False for paths about other parts of the meeting."""
        if not path or path[0] != LIST[0]:
            return False
        if len(path) > 1 and isinstance(path[1], int) and 0 <= path[1] < self.model.rowCount():
            self.table.go_to(path[1], self.model.column_for(tuple(path[2:]), default=INTEREST))
        else:
            self.table.setFocus()
        return True
