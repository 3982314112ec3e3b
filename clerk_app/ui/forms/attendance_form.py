"""Attendance: who was at the meeting, in what role, and for how much of it.

Widgets (objectName: accessibleName, keys):

- ``attendanceForm``: the form
- ``attendanceTable``: "Attendance"; arrows and Tab move from cell to cell (without editing),
  typing or F2 edits the cell, Enter or Tab saves it, Escape cancels, Space ticks Remote or
  Votes; Insert adds a person (anywhere in the form, a cell being edited included), Delete
  removes the selected rows, Alt+Up / Alt+Down move the current row. One key marks the
  selected people (see "One key for attendance" below)
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

One key for attendance (a roll call as it happens): select whole rows (Shift+Space, or click
the row numbers; Up and Down then move the selected row, and Left, Right or Tab go back to a
cell), or put the keyboard in a column a letter types nothing into (Votes, Remote, Arrived,
Left); then, with no cell being edited, A marks apologies, X absent, S substitute (and opens
"Substitute for" to type whom they replaced), R remote (again: not remote), L arrived late
(Arrived is set to the time now, to the minute, and opened to correct it; someone marked absent
or with apologies becomes present), E left early (Left set and opened the same way), P
present. Each key is one undo step, however many rows are
selected. In a single cell of the other columns a letter starts typing in it, as before (the
Status cell still takes "ap", "ab", "s", "p").

Keys are QActions: ``addPersonKey`` (Insert) on the form, with a widget-with-children shortcut;
on the table, with a widget shortcut (they act only while the table itself, not one of its
editors, has the focus): ``removePersonKey`` (Delete), ``movePersonUpKey`` (Alt+Up),
``movePersonDownKey`` (Alt+Down), ``selectPeopleKey`` (Shift+Space), and the one keys
``markApologiesKey`` (A), ``markAbsentKey`` (X), ``markSubstituteKey`` (S), ``markRemoteKey``
(R), ``markLateKey`` (L), ``markLeftKey`` (E), ``markPresentKey`` (P). Cell editors carry their
column's name as accessibleName ("Title", "Name", "Role", "Capacity", "Status", "Substitute
for", "Arrived", "Left", "Present from", "Present to"); Votes and Remote are check boxes in the
cell. Role and Status take the start of a choice ("c" Chair, "v" Vice-Chair, "co" Co-opted
member, "o" Officer, "a" Also present; in the open Status drop-down "p" Present, "ap" Apologies,
"ab" Absent, "s" Substitute) and refuse anything else. Votes is ticked for everyone with a vote;
untick it for a co-opted member without one. Present from and Present to show the item's minute
number (the whole title in the drop-down and tooltip).
Tab from the last cell (Shift+Tab from the first) leaves the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from clerk_app.domain import operations
from clerk_app.domain.edit import set_at
from clerk_app.domain.model import (
    ROLE_LABELS,
    STATUS_LABELS,
    Attendance,
    AttendanceStatus,
    Meeting,
    Role,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import RecordListForm, label_choices
from clerk_app.ui.messages import error_text
from clerk_app.ui.tables import (
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
    item_choices,
    item_numbers,
)

LIST: EditPath = ("attendance",)
(
    TITLE, NAME, ROLE, CAPACITY, STATUS, SUBSTITUTE_FOR, REMOTE, ARRIVED, LEFT, FROM, TO, VOTES,
) = range(12)  # fmt: skip
MARK_COLUMNS = frozenset({VOTES, REMOTE, ARRIVED, LEFT})
"""Columns where a letter types nothing into the cell, so one key marks the person instead."""
ONE_KEYS_HINT = (
    "Shift+Space selects the whole row (Up and Down then move it, Shift+Down adds the next); "
    "with whole rows selected, "
    "or in the Remote, Arrived, Left or Votes column, one key marks: A apologies, X absent, "
    "S substitute, R remote, L arrived late, E left early (each at the time now), P present."
)
KEYS_HINT = (
    "Insert adds a person, Delete removes the selected rows, Alt+Up and Alt+Down move one; "
    "typing or F2 edits a cell, Enter or Tab saves it. Ctrl+Z undoes. " + ONE_KEYS_HINT
)


def _name(attendance: Attendance, row: int) -> str:
    return attendance.display_name or f"row {row + 1}"


class AttendanceForm(RecordListForm):
    """The attendance table and its buttons.

    Public: `table` (the RecordTable), `model` (its RecordModel), the button attributes,
    `insert_key` (the Insert action), `add_row()` (= `add_person()`), `remove_selected()`,
    `move_current(step)`, `mark_role(role)`, the one keys' `mark_status(status)`,
    `toggle_remote()`, `mark_late()` (at `now()`), `select_rows()` and `marks_apply()`, and
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
                "Status",
                ("status",),
                ColumnKind.CHOICE,
                label_choices(STATUS_LABELS),
                width=10,
                description="Present, apologies, absent or substitute (type its start); with "
                "the whole row selected (Shift+Space): A apologies, X absent, S substitute, "
                "P present",
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
                description="Attended remotely (Space or R ticks it)",
            ),
            Column(
                "Arrived",
                ("arrived_at",),
                ColumnKind.TIME,
                width=5,
                description="Time of arrival, if late (HH:MM); L puts the time now",
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
            Column(
                "Votes",
                ("votes",),
                ColumnKind.CHECK,
                width=4,
                description="Has a vote: untick it for a co-opted member without one "
                "(Space ticks it)",
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
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        """The clock L reads (tests set their own)."""
        self.mark_keys = {
            key: self.table.add_key(name, text, key, slot)
            for name, text, key, slot in (
                ("markApologiesKey", "Apologies", "A",
                 lambda: self.mark_status(AttendanceStatus.APOLOGIES)),
                ("markAbsentKey", "Absent", "X", lambda: self.mark_status(AttendanceStatus.ABSENT)),
                ("markSubstituteKey", "Substitute", "S",
                 lambda: self.mark_status(AttendanceStatus.SUBSTITUTE)),
                ("markRemoteKey", "Remote", "R", self.toggle_remote),
                ("markLateKey", "Arrived late", "L", self.mark_late),
                ("markLeftKey", "Left early", "E", self.mark_left),
                ("markPresentKey", "Present", "P",
                 lambda: self.mark_status(AttendanceStatus.PRESENT)),
            )
        }  # fmt: skip
        for action in self.mark_keys.values():
            action.setToolTip(ONE_KEYS_HINT)
        self.table.add_key("selectPeopleKey", "Select the row", "Shift+Space", self.select_rows)
        self.table.installEventFilter(self)

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

    # --- one key for attendance ------------------------------------------------------------

    def marks_apply(self) -> bool:
        """Whether a letter marks the selected people rather than typing into the cell: no cell
        is being edited, and the keyboard is in a column a letter types nothing into, or whole
        rows are selected."""
        table = self.table
        if table.editing() or table.current_row() < 0:
            return False
        return table.currentIndex().column() in MARK_COLUMNS or self.rows_selected()

    def rows_selected(self) -> bool:
        """Whether the selection is whole rows (Shift+Space, the row numbers)."""
        selection = self.table.selectionModel()
        rows = self._rows()
        return bool(rows) and all(selection.isRowSelected(row) for row in rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.table or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and plain
            and event.text().upper() in self.mark_keys
            and not self.marks_apply()
        ):
            # A letter in a cell that takes text is the cell's (it starts editing), not a
            # mark: the table takes it before the one key's shortcut can.
            event.accept()
            return True
        shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if (
            event.type() == QEvent.Type.KeyPress
            and (plain or shift)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not self.table.editing()
            and self.rows_selected()
        ):
            # A roll call: with whole rows selected, Up and Down select the next whole row,
            # Shift+Up and Shift+Down add it to the rows selected.
            self._next_row(1 if event.key() == Qt.Key.Key_Down else -1, add=shift)
            return True
        return super().eventFilter(watched, event)

    def _next_row(self, step: int, *, add: bool) -> None:
        rows = self._rows()
        row = self.table.current_row() + step
        if not 0 <= row < self.model.rowCount():
            return
        flag = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(self.model.index(row, STATUS), flag.NoUpdate)
        self.table.scrollTo(self.model.index(row, STATUS))
        self._select_whole([*rows, row] if add else [row])

    def _select_whole(self, rows: list[int]) -> None:
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            chosen.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _rows(self) -> list[int]:
        count = len(self.document.meeting.attendance)
        return [row for row in self.table.selected_rows() if 0 <= row < count]

    def _who(self, rows: list[int]) -> str:
        if len(rows) == 1:
            return self.describe(rows[0])
        return f"{len(rows)} people"

    def _mark(
        self, rows: list[int], changes: Callable[[Attendance], dict[str, Any]], text: str
    ) -> bool:
        """Set the fields `changes` gives for each row's person, as one undo step."""
        people = self.document.meeting.attendance
        after = self.document.meeting
        try:
            for row in rows:
                for field, value in changes(people[row]).items():
                    after = set_at(after, (*LIST, row, field), value)
        except ValueError as exc:  # pydantic's ValidationError and EditError are ValueErrors
            self.warn(error_text(exc))
            return False
        self.document.edit(after, text, LIST)
        return True

    def select_rows(self) -> None:
        """Select the whole of the selected rows (Shift+Space), so that one key marks them."""
        rows = self._rows()
        if rows:
            self._select_whole(rows)

    def mark_status(self, status: AttendanceStatus) -> None:
        """Mark the selected people present, with apologies, absent or as a substitute (then
        "Substitute for" opens to type whom they replaced)."""
        rows = self._rows()
        if not rows:
            return
        who = self._who(rows)
        text = {
            AttendanceStatus.PRESENT: f"Mark {who} present",
            AttendanceStatus.APOLOGIES: f"Record apologies from {who}",
            AttendanceStatus.ABSENT: f"Mark {who} absent",
            AttendanceStatus.SUBSTITUTE: f"Mark {who} as a substitute",
        }[status]
        if not self._mark(rows, lambda _person: {"status": status}, text):
            return
        if status is AttendanceStatus.SUBSTITUTE:
            self.table.go_to(rows[0], SUBSTITUTE_FOR, edit=True)
        else:
            self._stay()

    def toggle_remote(self) -> None:
        """Remote for the selected people; again, not remote."""
        rows = self._rows()
        if not rows:
            return
        people = self.document.meeting.attendance
        remote = not all(people[row].remote for row in rows)
        text = f"Mark {self._who(rows)} {'as remote' if remote else 'as not remote'}"
        if self._mark(rows, lambda _person: {"remote": remote}, text):
            self._stay()

    def mark_late(self) -> None:
        """The selected people arrived late: now, to the minute (Arrived opens to correct it);
        anyone marked absent or with apologies is present after all."""
        self._mark_time("arrived_at", ARRIVED, "as arriving late")

    def mark_left(self) -> None:
        """The selected people left early: now, to the minute (Left opens to correct it)."""
        self._mark_time("left_at", LEFT, "as leaving early")

    def _mark_time(self, field: str, column: int, what: str) -> None:
        rows = self._rows()
        if not rows:
            return
        moment = self.now().time().replace(second=0, microsecond=0)

        def changes(person: Attendance) -> dict[str, Any]:
            here = {} if person.attended else {"status": AttendanceStatus.PRESENT}
            return {field: moment, **here}

        if self._mark(rows, changes, f"Mark {self._who(rows)} {what}, at {moment:%H:%M}"):
            self.table.go_to(rows[0], column, edit=True)

    def _stay(self) -> None:
        """The keyboard stays where it was, the rows still selected: Down and the next key
        mark the next person."""
        self.table.setFocus()

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
