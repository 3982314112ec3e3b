"""The list on the left: Meeting, Attendance, Declarations, the meeting's other parts (format 2:
sessions and their roll calls, speakers, sections, adjournments), every item by its minute
number and title, then Close (with the signatories). Items can be dragged, or moved with Alt+Up
and Alt+Down; numbers follow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from clerk_app.domain import operations
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Item, Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.services.document import MeetingDocument

ITEM_MIME = "application/x-clerk-item-row"
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Section:
    """What a row of the navigator stands for: kind is meeting, attendance, declarations,
    sessions, speakers, sections, adjournments, item or close; item rows carry the item's id."""

    kind: str
    item_id: str | None = None


FIXED_BEFORE = (
    (Section("meeting"), "Meeting"),
    (Section("attendance"), "Attendance"),
    (Section("declarations"), "Declarations of interest"),
    (Section("sessions"), "Sessions and roll call"),
    (Section("speakers"), "Speakers and deputations"),
    (Section("sections"), "Sections"),
    (Section("adjournments"), "Adjournments and recesses"),
)
PART_KINDS = {
    "sessions": "sessions",
    "speakers": "speakers",
    "sections": "sections",
    "adjournments": "adjournments",
    "signatories": "close",
}
"""Format 2's lists of the meeting, and the navigator row (kind) whose form edits each."""
CLOSE = Section("close")


class NavigatorModel(QAbstractListModel):
    def __init__(self, document: MeetingDocument, style: HouseStyle | None = None) -> None:
        super().__init__()
        self.document = document
        self.style = style or DEFAULT_STYLE
        document.changed.connect(self._on_changed)
        self._rows = self._build()

    def set_style(self, style: HouseStyle) -> None:
        self.style = style
        self._on_changed(MeetingChange.everything())

    def numbering(self) -> MinuteNumbering:
        return MinuteNumbering(self.document.meeting, self.style)

    @staticmethod
    def _label(number: str, item: Item) -> str:
        title = item.title.upper() if item.title else "(no title)"
        mark = "  [exempt]" if item.exempt else ""
        return f"{number}. {title}{mark}"

    def _build(self) -> list[tuple[Section, str]]:
        meeting = self.document.meeting
        numbering = self.numbering()
        rows = list(FIXED_BEFORE)
        for n, item in enumerate(meeting.items):
            rows.append((Section("item", item.id), self._label(numbering.label(n), item)))
        rows.append((CLOSE, "Close"))
        return rows

    def _on_changed(self, change: MeetingChange) -> None:
        """Rows that show what changed are redrawn; the rest are left alone (a keystroke in an
        item's text redraws no row, one in its title that item's row)."""
        if change.item_list or change.numbering or change.style:
            rows = self._build()
            if [s for s, _ in rows] != [s for s, _ in self._rows]:
                self.beginResetModel()
                self._rows = rows
                self.endResetModel()
            elif rows != self._rows:
                pairs = enumerate(zip(rows, self._rows, strict=True))
                changed = [n for n, (new, old) in pairs if new != old]
                self._rows = rows
                self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
            return
        if not change.renamed:  # a row shows the number (unchanged here), title and exemption
            return
        meeting = self.document.meeting
        numbering = self.numbering()
        first = self.first_item_row()
        for item_id in change.renamed:
            index = meeting.item_index(item_id)
            if index is None:
                continue
            label = self._label(numbering.label(index), meeting.items[index])
            row = first + index
            if self._rows[row][1] != label:
                self._rows[row] = (self._rows[row][0], label)
                self.dataChanged.emit(self.index(row), self.index(row))

    def section(self, row: int) -> Section | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, section: Section) -> int:
        return next((n for n, (s, _) in enumerate(self._rows) if s == section), -1)

    def item_row(self, item_id: str) -> int:
        return self.row_of(Section("item", item_id))

    # --- the model -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label
        if role == Qt.ItemDataRole.ToolTipRole and section.kind == "item":
            return f"{label}\nDrag, or press Alt+Up / Alt+Down, to move it"
        if role == Qt.ItemDataRole.FontRole and section.kind != "item":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        if self._rows[index.row()][0].kind == "item":
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = [i.row() for i in indexes if self._rows[i.row()][0].kind == "item"]
        if rows:
            data.setData(ITEM_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def first_item_row(self) -> int:
        return len(FIXED_BEFORE)

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ITEM_MIME):
            return False
        source = int(bytes(data.data(ITEM_MIME).data()).decode()) - self.first_item_row()
        target_row = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        count = len(self.document.meeting.items)
        target = max(0, min(target_row - self.first_item_row(), count))
        if target > source:
            target -= 1  # the dragged item leaves its place before it lands
        if target == source or not 0 <= source < count:
            return False
        self.move_item(source, target)
        return False  # the document's change redraws the list; Qt must not remove a row itself

    def move_item(self, source: int, target: int) -> None:
        """The item at `source` moved to `target` (a drop), one undo step."""
        meeting = self.document.meeting
        item_id = meeting.items[source].id
        self._moved(operations.move_item(meeting, item_id, target), source)

    def move_item_by(self, item_id: str, step: int) -> None:
        """Alt+Up / Alt+Down: the item one place up or down (nothing at either end)."""
        meeting = self.document.meeting
        source = meeting.item_index(item_id)
        if source is not None:
            self._moved(operations.move_item_by(meeting, item_id, step), source)

    def _moved(self, after: Meeting, source: int) -> None:
        number = self.numbering().label(source)
        self.document.edit(after, f"Move minute {number}", ("items",))


class Navigator(QListView):
    """Emits `section_chosen` when the clerk picks a row; Alt+Up/Down move the chosen item."""

    section_chosen = Signal(object)
    insert_requested = Signal(object)
    """Insert pressed on a row: the section it stands for (the window adds a person, a
    declaration...)."""

    def __init__(self, model: NavigatorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Parts of the minutes")
        self.setModel(model)
        self.nav_model = model
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self._current: Section = FIXED_BEFORE[0][0]
        self.selectionModel().currentChanged.connect(self._on_current)
        self._row_before_reset = 0
        model.modelAboutToBeReset.connect(self._remember_row)
        model.modelReset.connect(self._restore_current)
        self.setCurrentIndex(model.index(0))

    @property
    def current_section(self) -> Section:
        return self._current

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section = self.nav_model.section(current.row())
        if section is not None and section != self._current:
            self._current = section
            self.section_chosen.emit(section)

    def _remember_row(self) -> None:
        self._row_before_reset = self.currentIndex().row()

    def _restore_current(self) -> None:
        row = self.nav_model.row_of(self._current)
        if row < 0:  # the item was deleted: the one that took its place, or the one before
            first = self.nav_model.first_item_row()
            items = len(self.nav_model.document.meeting.items)
            last = first + items - 1 if items else first - 1
            row = max(first - 1, min(self._row_before_reset, last))
        self.selectionModel().blockSignals(True)
        self.setCurrentIndex(self.nav_model.index(row))
        self.selectionModel().blockSignals(False)
        section = self.nav_model.section(row)
        if section is not None and section != self._current:
            self._current = section
            self.section_chosen.emit(section)

    def choose(self, section: Section) -> None:
        row = self.nav_model.row_of(section)
        if row >= 0:
            self.setCurrentIndex(self.nav_model.index(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Insert and not event.modifiers():
            self.insert_requested.emit(self._current)
            return
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        section = self._current
        if section.kind != "item" or section.item_id is None:
            return
        self.nav_model.move_item_by(section.item_id, step)
        self.choose(section)
