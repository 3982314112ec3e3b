"""Sessions (format 2): the sittings of a meeting that had more than one (a closed session, then
an open one), each with its times and its own roll call.

Widgets (objectName: accessibleName, keys):

- ``sessionsForm``: the form
- ``sessionTable``: "Sessions"; columns Title, Kind ("o" Open, "c" Closed), Date (empty: the
  meeting's), Start, Close (times), Venue, Note (Shift+Enter starts a new line); Insert adds a
  session, Delete removes the selected rows, Alt+Up / Alt+Down move the current one (while the
  table has the keyboard)
- ``addSessionButton`` (Alt+A), ``removeSessionButton`` (Alt+R), ``moveSessionUpButton``
  (Alt+U), ``moveSessionDownButton`` (Alt+W)
- ``rollCallTable``: "Roll call of the current session": who answered, in the order called;
  columns Attendee (from the attendance; typing finds one by any word), Answer ("p" Present,
  "a" Absent, "e" Excused, "l" Late), Time (for late: when they arrived), Note; Insert adds
  an entry, Delete removes the selected ones, Alt+Up / Alt+Down move one (the order called)
- ``fillRollButton``: "Fill the roll call from the attendance" (Alt+T): every member of the
  attendance not yet on the roll, in the attendance's order, answering as the attendance
  says (present, or late at their arrival time; apologies: excused; absent: absent); one undo
  step, and entries already on the roll are left as they are
- removing a session takes its items out of it (`operations.remove_session`)
- ``addRollEntryButton`` (Alt+O), ``removeRollEntryButton`` (Alt+V)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from clerk_app.domain import operations
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.edit import EditError, get_at, insert_at, move_within, remove_at
from clerk_app.domain.model import (
    Meeting,
    RollAnswer,
    RollCallEntry,
    Session,
    SessionKind,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import PartListForm, label_choices
from clerk_app.ui.tables import Column, ColumnKind, RecordModel, RecordTable, attendee_choices

LIST: EditPath = ("sessions",)
TITLE, KIND, DATE, START, CLOSE, VENUE, NOTE = range(7)
ATTENDEE, ANSWER, TIME, ENTRY_NOTE = range(4)
SESSION_KIND_LABELS = {SessionKind.OPEN: "Open", SessionKind.CLOSED: "Closed"}
ROLL_ANSWER_LABELS = {
    RollAnswer.PRESENT: "Present",
    RollAnswer.ABSENT: "Absent",
    RollAnswer.EXCUSED: "Excused",
    RollAnswer.LATE: "Late",
}
ROLL_KEYS_HINT = (
    "In the roll call: Insert adds an entry, Delete removes the selected ones, Alt+Up and "
    "Alt+Down change the order called."
)


class RollCallModel(RecordModel):
    """The roll call of one session (`retarget` chooses which); no rows while there is none."""

    session = -1
    """The index of the session shown; -1 for none."""

    def __init__(
        self,
        document: MeetingDocument,
        columns: list[Column],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            document, ("sessions", 0, "roll_call"), columns, "Edit roll call", on_error, parent
        )

    def records(self) -> tuple[Any, ...]:
        if self.session < 0:
            return ()
        try:
            records: tuple[Any, ...] = get_at(self.document.meeting, self.list_path)
        except EditError:
            return ()
        return records

    def retarget(self, session: int) -> None:
        """Show the roll call of the session at `session` (-1: none)."""
        if session == self.session:
            return
        self.beginResetModel()
        self.session = session
        self.list_path = ("sessions", max(session, 0), "roll_call")
        self._shown_records = self.records()
        self._ids = self._record_ids()
        self.endResetModel()

    def _record_ids(self) -> tuple[str, ...]:
        return tuple(record.attendee_id for record in self.records())

    def _on_changed(self, change: object) -> None:
        # Roll entries have no id of their own: rows are told apart by whom they call.
        if isinstance(change, MeetingChange) and not self.shows(change):
            return
        records = self.records()
        ids = tuple(record.attendee_id for record in records)
        self._shown_records = records
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self.columns) - 1))


class SessionsForm(PartListForm):
    LIST = LIST
    RECORD = Session
    NOUN = "session"
    PLURAL = "sessions"
    HEADING = "Sessions"
    PAGE_HEADING = "Sessions and roll call"
    INSERT_ANYWHERE = False
    DEFAULT_COLUMN = TITLE

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self._follow_session()

    def table_columns(self) -> list[Column]:
        return [
            Column("Title", ("title",), width=18, stretch=True, description="Closed Session"),
            Column(
                "Kind",
                ("kind",),
                ColumnKind.CHOICE,
                label_choices(SESSION_KIND_LABELS),
                width=8,
            ),
            Column(
                "Date",
                ("date",),
                ColumnKind.DATE,
                width=11,
                description="Empty: the meeting's date (dd/mm/yyyy)",
            ),
            Column("Start", ("start_time",), ColumnKind.TIME, width=6, description="HH:MM"),
            Column("Close", ("close_time",), ColumnKind.TIME, width=6, description="HH:MM"),
            Column("Venue", ("venue",), width=16, stretch=True),
            Column(
                "Note",
                ("note",),
                ColumnKind.TEXT,
                width=24,
                stretch=True,
                description="What the minutes say of the session",
            ),
        ]

    def add_below(self) -> None:
        roll_columns = [
            Column(
                "Attendee",
                ("attendee_id",),
                ColumnKind.CHOICE,
                attendee_choices,
                width=24,
                stretch=True,
                any_word=True,
                missing="(not in attendance)",
                description="Who was called (from the attendance)",
            ),
            Column(
                "Answer",
                ("answer",),
                ColumnKind.CHOICE,
                label_choices(ROLL_ANSWER_LABELS),
                width=8,
            ),
            Column(
                "Time",
                ("time",),
                ColumnKind.TIME,
                width=5,
                description="For late: when they arrived (HH:MM)",
            ),
            Column("Note", ("note",), width=24, stretch=True),
        ]
        self.roll_model = RollCallModel(self.document, roll_columns, self.warn, parent=self)
        self.roll_table = RecordTable(
            self.roll_model,
            "rollCallTable",
            "Roll call of the current session",
            ROLL_KEYS_HINT,
            parent=self,
        )
        self.roll_table.add_key("addRollEntryKey", "Add to roll", "Insert", self.add_roll_entry)
        self.roll_table.add_key(
            "removeRollEntryKey", "Remove from roll", "Delete", self.remove_roll_entries
        )
        self.roll_table.add_key(
            "moveRollEntryUpKey", "Move up", "Alt+Up", lambda: self.move_roll_entry(-1)
        )
        self.roll_table.add_key(
            "moveRollEntryDownKey", "Move down", "Alt+Down", lambda: self.move_roll_entry(1)
        )
        self.fill_button = self.button(
            "fillRollButton", "Fill from a&ttendance", "Fill the roll call from the attendance",
            "Add every member of the attendance not yet on the roll, answering as the "
            "attendance says", self.fill_roll,
        )  # fmt: skip
        self.add_entry_button = self.button(
            "addRollEntryButton", "Add to r&oll", "Add to roll call",
            "Add an entry after the current one (Insert in the roll call)", self.add_roll_entry,
        )  # fmt: skip
        self.remove_entry_button = self.button(
            "removeRollEntryButton", "Remo&ve from roll", "Remove from roll call",
            "Remove the selected entries (Delete in the roll call)", self.remove_roll_entries,
        )  # fmt: skip
        self.roll_caption = QLabel("<b>Roll call of the current session</b>", self)
        self.roll_table.refused.connect(self._roll_refused)
        row = QHBoxLayout()
        for button in (self.fill_button, self.add_entry_button, self.remove_entry_button):
            row.addWidget(button)
        row.addStretch(1)
        box = self.layout()
        assert box is not None
        box.addWidget(self.roll_caption)
        box.addItem(row)
        box.addWidget(self.roll_table)
        box.addWidget(QLabel(ROLL_KEYS_HINT, self))
        self.table.selectionModel().currentChanged.connect(lambda *_: self._follow_session())
        self.model.modelReset.connect(self._follow_session)

    def without_rows(self, meeting: Meeting, rows: list[int]) -> Meeting:
        """Without these sessions; their items are in none (`operations.remove_session`)."""
        for record_id in [meeting.sessions[r].id for r in rows]:
            meeting = operations.remove_session(meeting, record_id)
        return meeting

    def describe(self, row: int) -> str:
        title = self.document.meeting.sessions[row].title
        return f"session {title}" if title else "session"

    def current_session(self) -> int:
        row = self.table.current_row()
        return row if 0 <= row < len(self.document.meeting.sessions) else -1

    def _follow_session(self) -> None:
        session = self.current_session()
        if session < 0 and self.document.meeting.sessions:
            session = 0  # before the clerk picks one: the first
        self.roll_model.retarget(session)
        for widget in (self.roll_table, self.fill_button, self.add_entry_button):
            widget.setEnabled(session >= 0)
        self.remove_entry_button.setEnabled(session >= 0 and self.roll_model.rowCount() > 0)
        name = self.document.meeting.sessions[session].title if session >= 0 else ""
        self.roll_caption.setText(
            f"<b>Roll call of {name or f'session {session + 1}'}</b>"
            if session >= 0
            else "<b>Roll call</b> (add a session first)"
        )

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "roll_model"):
            self._follow_session()

    def _roll_refused(self, column: str, text: str) -> None:
        self.notice.setText(
            f"\u201c{text}\u201d matches no {column.lower()}, so it stays as it was."
        )
        self.notice.show()

    # --- the roll call ---------------------------------------------------------------------------

    def _roll_path(self) -> EditPath | None:
        session = self.roll_model.session
        return ("sessions", session, "roll_call") if session >= 0 else None

    def fill_roll(self) -> None:
        session = self.roll_model.session
        if session < 0:
            return
        self.roll_table.commit_editing()
        meeting = self.document.meeting
        after = operations.roll_from_attendance(meeting, session)
        if after is meeting:
            self.context.messages.info(
                "Nobody to add", "Every member of the attendance is on the roll already."
            )
            return
        self.document.edit(after, "Fill roll call from attendance", ("sessions", session))
        self.roll_table.go_to(len(meeting.sessions[session].roll_call), ANSWER)

    def add_roll_entry(self) -> None:
        path = self._roll_path()
        meeting = self.document.meeting
        if path is None or not meeting.attendance:
            return
        self.roll_table.commit_editing()
        roll: tuple[RollCallEntry, ...] = get_at(meeting, path)
        called = {entry.attendee_id for entry in roll}
        person = next((a for a in meeting.attendance if a.id not in called), None)
        entry = RollCallEntry(attendee_id=(person or meeting.attendance[0]).id)
        row = self.roll_table.current_row()
        index = row + 1 if 0 <= row < len(roll) else len(roll)
        self.document.edit(insert_at(meeting, path, index, entry), "Add to roll call", path)
        self.roll_table.go_to(index, ATTENDEE, edit=True)

    def remove_roll_entries(self) -> None:
        path = self._roll_path()
        if path is None:
            return
        meeting = self.document.meeting
        count = self.roll_model.rowCount()
        rows = [r for r in self.roll_table.selected_rows() if r < count]
        if not rows:
            return
        after = meeting
        for row in reversed(rows):
            after = remove_at(after, path, row)
        text = "Remove from roll call" if len(rows) == 1 else f"Remove {len(rows)} from roll call"
        self.document.edit(after, text, path)
        self.roll_table.go_to(min(rows[0], count - len(rows) - 1), ATTENDEE)

    def move_roll_entry(self, step: int) -> None:
        path = self._roll_path()
        row = self.roll_table.current_row()
        count = self.roll_model.rowCount()
        if path is None or not (0 <= row < count and 0 <= row + step < count):
            return
        column = max(self.roll_table.currentIndex().column(), 0)
        after = move_within(self.document.meeting, path, row, row + step)
        self.document.edit(after, "Move in roll call", path)
        self.roll_table.go_to(row + step, column)
