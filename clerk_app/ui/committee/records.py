"""The committee's lists (members, substitutes, also attend, standing items) as tables.

The project's tables (`clerk_app.ui.tables`) are built for the meeting document; they ask of it
only its model (`meeting`), its `changed` signal and the two ways of setting a field (`set`,
`set_typed`). `CommitteeRecords` gives them those over a `CommitteeDocument`, so the committee's
tables type, move, undo and read out exactly as the meeting's do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.committee import Committee
from clerk_app.domain.edit import get_at
from clerk_app.services.committee_document import CommitteeDocument, validation_message
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.tables import Column, RecordModel, RecordTable


class CommitteeRecords:
    """A committee document as the tables see a meeting document (composition, no copy)."""

    def __init__(self, document: CommitteeDocument) -> None:
        self.document = document
        self.changed = document.changed

    @property
    def meeting(self) -> Committee:
        """The committee (the tables' name for the model they read)."""
        return self.document.committee

    def set(self, path: EditPath, value: Any, text: str, *, merge: bool = True) -> None:
        self.document.set(path, value, text, merge=merge)

    def set_typed(self, path: EditPath, value: Any, text: str, stay: object) -> None:
        self.document.set_typed(path, value, text, stay)


def committee_of(model: object) -> Committee:
    """What a column's choices are given: the committee."""
    return cast(Committee, model)


class RecordsPage(QWidget):
    """A table over one of the committee's lists, with Add, Remove, Move up and Move down
    (Insert, Delete, Alt+Up and Alt+Down in the table)."""

    def __init__(
        self,
        document: CommitteeDocument,
        list_path: EditPath,
        columns: Sequence[Column],
        *,
        name: str,
        noun: str,
        plural: str,
        intro: str,
        make: Callable[[], Any],
        say: Callable[[str], None],
        wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.noun, self.plural = noun, plural
        self.make = make
        self.say = say
        self.records = CommitteeRecords(document)
        self.model = RecordModel(
            cast(MeetingDocument, self.records),
            list_path,
            columns,
            f"Edit {noun}",
            say,
            self,
        )
        self.table = RecordTable(
            self.model,
            f"{name}Table",
            plural.capitalize(),
            f"The committee's {plural}. Insert adds a row, Delete removes it, Alt+Up and "
            "Alt+Down move it; typing or F2 edits a cell.",
            self,
            wrap=wrap,
        )
        label = QLabel(intro)
        label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = self._button(f"&Add {noun}", f"{name}AddButton", self.add_row)
        self.remove_button = self._button("&Remove", f"{name}RemoveButton", self.remove_rows)
        self.up_button = self._button("Move &up", f"{name}UpButton", lambda: self.move_row(-1))
        self.down_button = self._button("Move do&wn", f"{name}DownButton", lambda: self.move_row(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.table.add_key(f"{name}InsertKey", f"Add {noun}", "Insert", self.add_row)
        self.table.add_key(f"{name}DeleteKey", f"Remove {noun}", "Delete", self.remove_rows)
        self.table.add_key(f"{name}UpKey", "Move up", "Alt+Up", lambda: self.move_row(-1))
        self.table.add_key(f"{name}DownKey", "Move down", "Alt+Down", lambda: self.move_row(1))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def rows(self) -> tuple[Any, ...]:
        rows: tuple[Any, ...] = get_at(self.document.committee, self.list_path)
        return rows

    def _try(self, work: Callable[[], None]) -> bool:
        try:
            work()
        except ValueError as exc:
            self.say(validation_message(exc))
            return False
        return True

    def add_row(self) -> None:
        self.table.commit_editing()
        row = self.table.current_row() + 1 if self.table.current_row() >= 0 else len(self.rows())
        if self._try(
            lambda: self.document.insert(self.list_path, row, self.make(), f"Add {self.noun}")
        ):
            self.table.go_to(row, 0, edit=True)

    def remove_rows(self) -> None:
        self.table.commit_editing()
        rows = self.table.selected_rows()
        if not rows:
            return
        text = f"Remove {self.noun}" if len(rows) == 1 else f"Remove {len(rows)} {self.plural}"
        kept = tuple(r for n, r in enumerate(self.rows()) if n not in rows)
        after = self.document.committee.model_copy(update={str(self.list_path[0]): kept})
        if self._try(lambda: self.document.edit(after, text, self.list_path)) and kept:
            self.table.go_to(
                min(rows[0], len(kept) - 1), max(self.table.currentIndex().column(), 0)
            )

    def move_row(self, step: int) -> None:
        self.table.commit_editing()
        row = self.table.current_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.rows()):
            return
        column = self.table.currentIndex().column()
        if self._try(lambda: self.document.move(self.list_path, row, target, f"Move {self.noun}")):
            self.table.go_to(target, column)
