"""Attendance: who was at the meeting, in what role, and for how much of it.

Widgets (objectName: accessibleName, keys):

- ``attendanceForm``: the form
- ``attendanceTable``: "Attendance"; arrows and Tab move, F2 or typing edits, Enter commits,
  Escape cancels, Space ticks Remote; Insert adds a person, Delete removes the selected rows,
  Alt+Up / Alt+Down move the current row
- ``addPersonButton``: "Add person" (Alt+P; Insert in the table)
- ``removePersonButton``: "Remove person" (Alt+R; Delete in the table)
- ``movePersonUpButton``: "Move person up" (Alt+U; Alt+Up in the table)
- ``movePersonDownButton``: "Move person down" (Alt+W; Alt+Down in the table)
- ``markChairButton``: "Mark as chair" (Alt+C)
- ``markViceChairButton``: "Mark as vice-chair" (Alt+V)

Keys on the table are QActions with a widget shortcut (they act only while the table itself,
not one of its editors, has the focus): ``addPersonKey`` (Insert), ``removePersonKey`` (Delete),
``movePersonUpKey`` (Alt+Up), ``movePersonDownKey`` (Alt+Down). Cell editors carry their
column's name as accessibleName ("Title", "Name", "Role", "Capacity", "Status", "Substitute
for", "Arrived", "Left", "Present from", "Present to"); Remote is a check box in the cell.
Tab from the last cell (Shift+Tab from the first) leaves the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.edit import remove_at, set_at
from clerk_app.domain.model import (
    ROLE_LABELS,
    STATUS_LABELS,
    Attendance,
    Meeting,
    Role,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import Form, FormContext
from clerk_app.ui.tables import (
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
    item_choices,
)

LIST: EditPath = ("attendance",)
TITLE, NAME, ROLE, CAPACITY, STATUS, SUBSTITUTE_FOR, REMOTE, ARRIVED, LEFT, FROM, TO = range(11)
KEYS_HINT = (
    "Insert adds a person, Delete removes the selected rows, Alt+Up and Alt+Down move one; "
    "F2 or typing edits a cell, Enter saves it. Ctrl+Z undoes."
)


def _choices(labels: dict[Any, str]) -> Callable[[Meeting], list[tuple[str, Any]]]:
    return lambda _meeting: [(label, value) for value, label in labels.items()]


def _name(attendance: Attendance, row: int) -> str:
    return attendance.display_name or f"row {row + 1}"


class AttendanceForm(Form):
    """The attendance table and its buttons.

    Public: `table` (the RecordTable), `model` (its RecordModel), the button attributes,
    `add_person()`, `remove_selected()`, `move_current(step)`, `mark_role(role)`, and
    `focus_path(path)` for findings about ("attendance", n, field...)."""

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("attendanceForm")
        heading = QLabel("<h2>Attendance</h2>")

        def items(none_label: str) -> Callable[[Meeting], list[tuple[str, Any]]]:
            def choices(meeting: Meeting) -> list[tuple[str, Any]]:
                return item_choices(meeting, context.house_style(meeting), none_label)

            return choices

        columns = [
            Column("Title", ("person", "title"), width=10, description="Councillor, Dr, Mrs…"),
            Column("Name", ("person", "name"), width=24, stretch=True),
            Column("Role", ("role",), ColumnKind.CHOICE, _choices(ROLE_LABELS), width=20),
            Column(
                "Capacity",
                ("capacity",),
                width=24,
                stretch=True,
                description="Co-opted capacity, an officer's job title, or why they attended",
            ),
            Column("Status", ("status",), ColumnKind.CHOICE, _choices(STATUS_LABELS), width=10),
            Column(
                "Substitute for",
                ("substitute_for",),
                width=12,
                description="For a substitute: the member they replaced",
            ),
            Column(
                "Remote",
                ("remote",),
                ColumnKind.CHECK,
                width=4,
                description="Attended remotely (Space ticks it)",
            ),
            Column(
                "Arrived",
                ("arrived_at",),
                ColumnKind.TIME,
                width=5,
                description="Time of arrival, if late (HH:MM)",
            ),
            Column(
                "Left",
                ("left_at",),
                ColumnKind.TIME,
                width=5,
                description="Time of leaving, if early (HH:MM)",
            ),
            Column(
                "Present from",
                ("present_from_item",),
                ColumnKind.CHOICE,
                items("(from the start)"),
                width=12,
                unset="",
                missing="(item deleted)",
                description="Part attendance: the first item they were present for",
            ),
            Column(
                "Present to",
                ("present_to_item",),
                ColumnKind.CHOICE,
                items("(to the end)"),
                width=12,
                unset="",
                missing="(item deleted)",
                description="Part attendance: the last item they were present for",
            ),
        ]
        self.model = RecordModel(
            document, LIST, columns, "Edit attendance", self._warn, parent=self
        )
        self.table = RecordTable(
            self.model, "attendanceTable", "Attendance", KEYS_HINT, parent=self
        )
        self.table.add_key("addPersonKey", "Add person", "Insert", self.add_person)
        self.table.add_key("removePersonKey", "Remove person", "Delete", self.remove_selected)
        self.table.add_key("movePersonUpKey", "Move up", "Alt+Up", lambda: self.move_current(-1))
        self.table.add_key(
            "movePersonDownKey", "Move down", "Alt+Down", lambda: self.move_current(1)
        )

        self.add_button = self._button(
            "addPersonButton", "Add &person", "Add person",
            "Add a person after the current row (Insert)", self.add_person,
        )  # fmt: skip
        self.remove_button = self._button(
            "removePersonButton", "&Remove", "Remove person",
            "Remove the selected people (Delete); Ctrl+Z brings them back", self.remove_selected,
        )  # fmt: skip
        self.up_button = self._button(
            "movePersonUpButton", "Move &up", "Move person up",
            "Move the current person up the list (Alt+Up)", lambda: self.move_current(-1),
        )  # fmt: skip
        self.down_button = self._button(
            "movePersonDownButton", "Move do&wn", "Move person down",
            "Move the current person down the list (Alt+Down)", lambda: self.move_current(1),
        )  # fmt: skip
        self.chair_button = self._button(
            "markChairButton", "Mark as &chair", "Mark as chair",
            "Make the current person the Chair; a previous Chair becomes a Member (Alt+C)",
            lambda: self.mark_role(Role.CHAIR),
        )  # fmt: skip
        self.vice_chair_button = self._button(
            "markViceChairButton", "Mark as &vice-chair", "Mark as vice-chair",
            "Make the current person the Vice-Chair; a previous Vice-Chair becomes a Member "
            "(Alt+V)",
            lambda: self.mark_role(Role.VICE_CHAIR),
        )  # fmt: skip

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.chair_button)
        buttons.addWidget(self.vice_chair_button)
        buttons.addStretch(1)
        hint = QLabel(KEYS_HINT)
        hint.setWordWrap(True)
        hint.setObjectName("attendanceHint")

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
        self.chair_button.setEnabled(has_row)
        self.vice_chair_button.setEnabled(has_row)

    # --- actions -----------------------------------------------------------------------------

    def add_person(self) -> None:
        """A new row after the current one, with its Name open for typing."""
        row = self.table.current_row()
        index = row + 1 if row >= 0 else len(self.document.meeting.attendance)
        self.document.insert(LIST, index, Attendance(), "Add person")
        self.table.go_to(index, NAME, edit=True)

    def remove_selected(self) -> None:
        """Remove every selected row as one undo step (undo brings them back, so no question)."""
        rows = [r for r in self.table.selected_rows() if r < len(self.document.meeting.attendance)]
        if not rows:
            return
        meeting = self.document.meeting
        after = meeting
        for row in reversed(rows):
            after = remove_at(after, LIST, row)
        text = (
            f"Remove {_name(meeting.attendance[rows[0]], rows[0])}"
            if len(rows) == 1
            else f"Remove {len(rows)} people"
        )
        column = max(self.table.currentIndex().column(), 0)
        self.document.edit(after, text, LIST)
        self.table.go_to(min(rows[0], len(after.attendance) - 1), column)
        self.table.setFocus()

    def move_current(self, step: int) -> None:
        row = self.table.current_row()
        target = row + step
        attendance = self.document.meeting.attendance
        if not (0 <= row < len(attendance) and 0 <= target < len(attendance)):
            return
        direction = "up" if step < 0 else "down"
        self.document.move(LIST, row, target, f"Move {_name(attendance[row], row)} {direction}")
        # The table keeps the current cell on the moved record; keep the keyboard there too.
        self.table.setFocus()

    def mark_role(self, role: Role) -> None:
        """Give the current person `role`; whoever held it before becomes a Member."""
        row = self.table.current_row()
        meeting = self.document.meeting
        if not 0 <= row < len(meeting.attendance):
            return
        after = meeting
        for n, attendance in enumerate(meeting.attendance):
            if n != row and attendance.role == role:
                after = set_at(after, (*LIST, n, "role"), Role.MEMBER)
        if meeting.attendance[row].role != role:
            after = set_at(after, (*LIST, row, "role"), role)
        if after is not meeting:
            label = ROLE_LABELS[role].lower()
            self.document.edit(
                after, f"Mark {_name(meeting.attendance[row], row)} as {label}", LIST
            )
        self.table.setFocus()

    # --- findings ----------------------------------------------------------------------------

    def focus_path(self, path: EditPath) -> bool:
        """("attendance", 3, "status") selects row 3's Status cell; ("attendance",) just
        focuses the table. False for paths about other parts of the meeting."""
        if not path or path[0] != LIST[0]:
            return False
        if len(path) > 1 and isinstance(path[1], int) and 0 <= path[1] < self.model.rowCount():
            self.table.go_to(path[1], self.model.column_for(tuple(path[2:]), default=NAME))
        else:
            self.table.setFocus()
        return True
