"""The item form's follow-up actions: a table (Action, Owner, Due, Done, Done on, Raised) with
Add and Remove.

An action carried from an earlier meeting (under matters arising: `FollowUp.raised_on` set)
says where it was raised, read-only ("Minute 158, 18 June 2025", the date as the meeting's
house style writes it). Ticking Done on a carried action closes it at this meeting: "Done on"
becomes this meeting's date in the same undo step; unticking Done clears "Done on" (for any
action). An action raised at this meeting is done after it, so ticking it leaves "Done on" for
the clerk to type.

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from clerk_app.domain.actions import close_action, raised_at, reopen_action
from clerk_app.domain.edit import EditError, remove_at
from clerk_app.domain.model import FollowUp
from clerk_app.domain.typed import format_date, parse_date
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.tables import Column, ColumnKind, RecordModel, RecordTable
from clerk_app.ui.widgets.panel_inputs import name_widget

ModelIndex = QModelIndex | QPersistentModelIndex
ACTION, OWNER, DUE, DONE, DONE_ON, RAISED = range(6)


class ActionsModel(RecordModel):
    """The item's follow-up actions; the item is looked up by id at every read."""

    _target: ItemTarget | None = None

    def __init__(self, target: ItemTarget, on_error: Callable[[str], None]) -> None:
        columns = [
            Column(
                "Action",
                ("action",),
                ColumnKind.TEXT,
                width=48,
                stretch=True,
                description="What is to be done (Enter saves, Shift+Enter starts a new line)",
            ),
            Column("Owner", ("owner",), width=22, description="Who is to do it"),
            Column("Due", ("due",), width=10, description="When by: dd/mm/yyyy, or empty"),
            Column(
                "Done",
                ("done",),
                ColumnKind.CHECK,
                width=4,
                description="Space ticks it; for an action carried from an earlier meeting, "
                "Done on becomes this meeting's date",
            ),
            Column(
                "Done on",
                ("done_on",),
                ColumnKind.DATE,
                width=10,
                description="When it was done: dd/mm/yyyy, or empty",
            ),
            Column(
                "Raised",
                ("raised_on",),
                width=24,
                description="For an action carried from an earlier meeting: the minute and "
                "meeting that raised it (empty: raised at this meeting)",
            ),
        ]
        super().__init__(target.document, ("items",), columns, "Edit follow-up action", on_error)
        self._target = target
        self._seen: object = None
        self.reload()

    def records(self) -> tuple[Any, ...]:
        item = self._target.item() if self._target is not None else None
        return () if item is None else item.actions

    def path(self, row: int, column: int | None = None) -> EditPath:
        own = self._target.path("actions", row) if self._target is not None else None
        if own is None:
            raise EditError("the item no longer exists")
        return own if column is None else (*own, *self.columns[column].field)

    def reload(self) -> None:
        """Show another item's actions."""
        self.beginResetModel()
        self._ids = self._record_ids()
        self._seen = self.records()
        self.endResetModel()

    def _on_changed(self, _path: object) -> None:
        records = self.records()
        if records is self._seen:
            return  # typing in the minute text leaves the actions (the same tuple) alone
        self._seen = records
        super()._on_changed(_path)

    def value(self, index: ModelIndex) -> Any:
        value = super().value(index)
        if index.isValid() and index.column() == DUE:
            return format_date(value)
        if index.isValid() and index.column() == RAISED:
            return self.raised(index.row())
        return value

    def raised(self, row: int) -> str:
        """Where a carried action was raised: "Minute 158, 18 June 2025"; empty for one
        raised at this meeting."""
        records = self.records()
        if not 0 <= row < len(records):
            return ""
        action: FollowUp = records[row]
        if action.raised_on is None:
            return ""
        assert self._target is not None
        meeting = self.document.meeting
        when = self._target.context.house_style(meeting).short_date(action.raised_on)
        return raised_at(action.raised_minute, when)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.isValid() and index.column() == RAISED:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only
        return super().flags(index)

    def setData(  # noqa: N802 - Qt's name
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if index.isValid() and index.column() == RAISED:
            return False
        if index.isValid() and index.column() == DONE and role == Qt.ItemDataRole.CheckStateRole:
            return self._tick(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        if index.isValid() and index.column() == DUE and role == Qt.ItemDataRole.EditRole:
            try:
                value = parse_date(str(value or ""))
            except ValueError as exc:
                self.on_error(str(exc))
                return False
        return super().setData(index, value, role)

    def _tick(self, row: int, done: bool) -> bool:
        """Done ticked or unticked, with "Done on" in the same undo step: this meeting's date
        for an action carried from an earlier meeting (closed at this one), cleared when
        unticked."""
        records = self.records()
        if self._target is None or not 0 <= row < len(records):
            return False
        action: FollowUp = records[row]
        meeting = self.document.meeting
        minute = self._target.minute()
        if not done:
            after = reopen_action(meeting, action.id)
            text = f"Reopen follow-up action in minute {minute}"
        elif action.raised_on is not None:
            after = close_action(meeting, action.id, meeting.date)
            text = f"Close carried action in minute {minute}"
        else:
            path = self.path(row, DONE)
            self.document.set(path, True, self.edit_text, merge=False)
            return True
        self.document.edit(after, text, self.path(row))
        return True


class ActionsTable(RecordTable):
    """The actions table, as tall as its rows (it sits in a scrolling panel)."""

    def __init__(self, model: ActionsModel, parent: QWidget | None = None) -> None:
        super().__init__(
            model,
            "actionsTable",
            "Follow-up actions",
            "Insert adds an action, Delete removes the selected ones; F2 or typing edits a "
            "cell, Enter saves it; Space ticks Done.",
            parent,
            wrap=True,
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self.updateGeometry)
        model.dataChanged.connect(self.updateGeometry)
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = self.verticalHeader().length() or self.verticalHeader().defaultSectionSize()
        height = rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()


class ActionsPanel(QGroupBox):
    """The item's follow-up actions: a table with Add and Remove."""

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Follow-up actions", parent)
        self.target = target
        self.setObjectName("actionsPanel")
        self.model = ActionsModel(target, self._warn)
        self.model.setParent(self)
        self.table = ActionsTable(self.model, self)
        self.table.add_key("addActionKey", "Add action", "Insert", self.add_action)
        self.table.add_key("removeActionKey", "Remove action", "Delete", self.remove_selected)
        self.add_button = QPushButton("Add a&ction", self)
        name_widget(self.add_button, "addActionButton", "Add action")
        self.add_button.setToolTip("Add a follow-up action (Insert in the table)")
        self.remove_button = QPushButton("Remove action", self)
        name_widget(self.remove_button, "removeActionButton", "Remove action")
        self.remove_button.setToolTip(
            "Remove the selected actions (Delete in the table); Ctrl+Z brings them back"
        )
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]

    def _warn(self, text: str) -> None:
        self.target.context.messages.warning("That value cannot be used", text)

    def add_action(self) -> None:
        path = self.target.path("actions")
        item = self.target.item()
        if path is None or item is None:
            return
        row = self.table.current_row()
        row = len(item.actions) if row < 0 else row + 1
        self.target.document.insert(
            path, row, FollowUp(), f"Add follow-up action to minute {self.target.minute()}"
        )
        self.table.go_to(row, ACTION, edit=True)

    def remove_selected(self) -> None:
        path = self.target.path("actions")
        rows = self.table.selected_rows()
        if path is None or not rows:
            return
        document = self.target.document
        after = document.meeting
        for row in reversed(rows):
            after = remove_at(after, path, row)
        what = "actions" if len(rows) > 1 else "action"
        document.edit(after, f"Remove follow-up {what} from minute {self.target.minute()}", path)
        remaining = len(self.model.records())
        if remaining:
            self.table.go_to(min(rows[0], remaining - 1), ACTION)
