"""Attendance: who was at the meeting, in what role, and for how much of it.

Widgets (objectName: accessibleName, keys):

- ``attendanceForm``: the form
- ``attendanceTable``: "Attendance"; arrows and Tab move from cell to cell (without editing),
  typing or F2 edits the cell, Enter or Tab saves it, Escape cancels, Space ticks Remote;
  Insert adds a person (anywhere in the form, a cell being edited included), Delete removes
  the selected rows, Alt+Up / Alt+Down move the current row
- ``addPersonButton``: "Add person" (Alt+P; Insert in the table)
- ``removePersonButton``: "Remove person" (Alt+R; Delete in the table)
- ``movePersonUpButton``: "Move person up" (Alt+U; Alt+Up in the table)
- ``movePersonDownButton``: "Move person down" (Alt+W; Alt+Down in the table)
- ``markChairButton``: "Mark as chair" (Alt+C)
- ``markViceChairButton``: "Mark as vice-chair" (Alt+V)

- ``attendanceNotice``: a label under the table saying why typed text was refused
- under the table, the current person's name parts (format 2; empty and disabled while no row
  is current): ``givenNameEdit`` "Given name" (Alt+G), ``familyNameEdit`` "Family name"
  (Alt+M), ``shortNameEdit`` "Short form" (Alt+S), ``organisationEdit`` "Organisation" (Alt+O).
  They are fields rather than columns: eleven columns already fill a laptop's form, and a
  clerk fills the parts in for a few people (a surname-only roll, a short form), not for all.

Keys are QActions: ``addPersonKey`` (Insert) on the form, with a widget-with-children shortcut;
on the table, with a widget shortcut (they act only while the table itself, not one of its
editors, has the focus): ``removePersonKey`` (Delete), ``movePersonUpKey`` (Alt+Up),
``movePersonDownKey`` (Alt+Down). Cell editors carry their column's name as accessibleName
("Title", "Name", "Role", "Capacity", "Status", "Substitute for", "Arrived", "Left", "Present
from", "Present to"); Remote is a check box in the cell. Role and Status take the start of a
choice ("c" Chair, "v" Vice-Chair, "co" Co-opted member, "o" Officer, "a" Also present; "p"
Present, "ap" Apologies, "ab" Absent, "s" Substitute) and refuse anything else. Present from
and Present to show the item's minute number (the whole title in the drop-down and tooltip).
Tab from the last cell (Shift+Tab from the first) leaves the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from clerk_app.domain import operations
from clerk_app.domain.model import (
    ROLE_LABELS,
    STATUS_LABELS,
    Attendance,
    Meeting,
    Role,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import RecordListForm, label_choices
from clerk_app.ui.tables import (
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
    item_choices,
    item_numbers,
)

LIST: EditPath = ("attendance",)
TITLE, NAME, ROLE, CAPACITY, STATUS, SUBSTITUTE_FOR, REMOTE, ARRIVED, LEFT, FROM, TO = range(11)
KEYS_HINT = (
    "Insert adds a person, Delete removes the selected rows, Alt+Up and Alt+Down move one; "
    "typing or F2 edits a cell, Enter or Tab saves it. Ctrl+Z undoes."
)


def _name(attendance: Attendance, row: int) -> str:
    return attendance.display_name or f"row {row + 1}"


class AttendanceForm(RecordListForm):
    """The attendance table and its buttons.

    Public: `table` (the RecordTable), `model` (its RecordModel), the button attributes,
    `insert_key` (the Insert action), `add_row()` (= `add_person()`), `remove_selected()`,
    `move_current(step)`, `mark_role(role)`, and
    `focus_path(path)` for findings about ("attendance", n, field...)."""

    LIST = LIST
    DEFAULT_COLUMN = NAME
    PLURAL = "people"

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("attendanceForm")

        def items(none_label: str) -> Callable[[Meeting], list[tuple[str, Any]]]:
            def choices(meeting: Meeting) -> list[tuple[str, Any]]:
                return item_choices(meeting, context.house_style(meeting), none_label)

            return choices

        def numbers(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_numbers(meeting, context.house_style(meeting))

        columns = [
            Column("Title", ("person", "title"), width=10, description="Councillor, Dr, Mrs…"),
            Column("Name", ("person", "name"), width=24, stretch=True),
            Column("Role", ("role",), ColumnKind.CHOICE, label_choices(ROLE_LABELS), width=12),
            Column(
                "Capacity",
                ("capacity",),
                width=24,
                stretch=True,
                description="Co-opted capacity, an officer's job title, or why they attended",
            ),
            Column(
                "Status", ("status",), ColumnKind.CHOICE, label_choices(STATUS_LABELS), width=10
            ),
            Column(
                "Substitute for",
                ("substitute_for",),
                width=12,
                stretch=True,
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
                width=7,
                brief=numbers,
                any_word=True,
                unset="",
                missing="(item deleted)",
                description="Part attendance: the first item they were present for",
            ),
            Column(
                "Present to",
                ("present_to_item",),
                ColumnKind.CHOICE,
                items("(to the end)"),
                width=7,
                brief=numbers,
                any_word=True,
                unset="",
                missing="(item deleted)",
                description="Part attendance: the last item they were present for",
            ),
        ]
        self.model = RecordModel(document, LIST, columns, "Edit attendance", self.warn, parent=self)
        self.table = RecordTable(
            self.model, "attendanceTable", "Attendance", KEYS_HINT, parent=self, wrap=True
        )
        self.insert_key = self.form_key("addPersonKey", "Add person", "Insert", self.add_row)
        self.table.add_key("removePersonKey", "Remove person", "Delete", self.remove_selected)
        self.table.add_key("movePersonUpKey", "Move up", "Alt+Up", lambda: self.move_current(-1))
        self.table.add_key(
            "movePersonDownKey", "Move down", "Alt+Down", lambda: self.move_current(1)
        )

        self.add_button = self.button(
            "addPersonButton", "Add &person", "Add person",
            "Add a person after the current row (Insert)", self.add_person,
        )  # fmt: skip
        self.remove_button = self.button(
            "removePersonButton", "&Remove", "Remove person",
            "Remove the selected people (Delete); Ctrl+Z brings them back", self.remove_selected,
        )  # fmt: skip
        self.up_button = self.button(
            "movePersonUpButton", "Move &up", "Move person up",
            "Move the current person up the list (Alt+Up)", lambda: self.move_current(-1),
        )  # fmt: skip
        self.down_button = self.button(
            "movePersonDownButton", "Move do&wn", "Move person down",
            "Move the current person down the list (Alt+Down)", lambda: self.move_current(1),
        )  # fmt: skip
        self.chair_button = self.button(
            "markChairButton", "Mark as &chair", "Mark as chair",
            "Make the current person the Chair; a previous Chair becomes a Member (Alt+C)",
            lambda: self.mark_role(Role.CHAIR),
        )  # fmt: skip
        self.vice_chair_button = self.button(
            "markViceChairButton", "Mark as &vice-chair", "Mark as vice-chair",
            "Make the current person the Vice-Chair; a previous Vice-Chair becomes a Member "
            "(Alt+V)",
            lambda: self.mark_role(Role.VICE_CHAIR),
        )  # fmt: skip

        self.row_buttons = [self.chair_button, self.vice_chair_button]
        self.given_name = self.detail_line(
            "givenNameEdit", "Given name", ("person", "given_name"), "Edit given name"
        )
        self.family_name = self.detail_line(
            "familyNameEdit", "Family name", ("person", "family_name"), "Edit family name"
        )
        self.short_name = self.detail_line(
            "shortNameEdit", "Short form", ("person", "short_name"), "Edit short form of name"
        )
        self.organisation = self.detail_line(
            "organisationEdit", "Organisation", ("person", "organisation"), "Edit organisation"
        )
        self.given_name.setPlaceholderText("Lucy")
        self.family_name.setPlaceholderText("Moore")
        self.short_name.setPlaceholderText("made from the parts: L. Moore")
        self.organisation.setPlaceholderText("Friends of the Park")
        self.grid_details(
            "Name parts of the current person",
            [
                ("&Given name:", self.given_name),
                ("Fa&mily name:", self.family_name),
                ("&Short form:", self.short_name),
                ("&Organisation:", self.organisation),
            ],
        )
        self.lay_out("Attendance", "attendanceHint", KEYS_HINT)
        self.refresh()

    def describe(self, row: int) -> str:
        return _name(self.document.meeting.attendance[row], row)

    # --- actions -----------------------------------------------------------------------------

    def add_row(self) -> None:
        self.add_person()

    def add_person(self) -> None:
        """A new row after the current one, with its Title open for typing (what was being
        typed in a cell is saved first)."""
        self.table.commit_editing()
        row = self.table.current_row()
        meeting = self.document.meeting
        index = row + 1 if row >= 0 else len(meeting.attendance)
        after, _person = operations.add_attendee(meeting, index)
        self.document.edit(after, "Add person", LIST)
        self.table.go_to(index, TITLE, edit=True)

    def without_rows(self, meeting: Meeting, rows: list[int]) -> Meeting:
        """Without these people, their declarations, named votes and places as proposer or
        seconder (Ctrl+Z brings them all back)."""
        return operations.remove_attendees(meeting, [meeting.attendance[r].id for r in rows])

    def mark_role(self, role: Role) -> None:
        """Give the current person `role`; whoever held it before becomes a Member."""
        row = self.table.current_row()
        meeting = self.document.meeting
        if not 0 <= row < len(meeting.attendance):
            return
        after = operations.set_role(meeting, meeting.attendance[row].id, role)
        if after is not meeting:
            label = ROLE_LABELS[role].lower()
            self.document.edit(
                after, f"Mark {_name(meeting.attendance[row], row)} as {label}", LIST
            )
        self.table.setFocus()
