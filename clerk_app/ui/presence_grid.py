"""The presence grid: who of the voting members was in the room for each item, at a glance.

Rows are the voting members (`clerk_app.domain.presence.is_voter`), columns the items headed by
their minute numbers as the style prints them, and a last row counts the voting members in the
room for each item against the committee's quorum. A cell says, in a letter or a sign as well as
a colour (colour is never the only signal): present, not yet arrived, had left, out of the room
for an interest, in the room but taking no part, absent; the vote where one is recorded (F, A,
Ab) and P or S for the proposer and seconder. Enter or a double click on a cell takes the clerk
to what makes it so: the part attendance, the declaration, the named vote, or the item's minute;
Shift+Enter on a cell, or a double click on a member's name, to their attendance row.

The grid is worked out again once the editing pauses (a few milliseconds for 300 items), only
while it is shown, and only for a change to what it shows: the attendance, the declarations, the
sessions' roll calls, the items' list, numbers or titles, or an item's votes, proposers and
seconders (typing in a minute's text that leaves those as they were redraws nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.house_style import DEFAULT_STYLE
from clerk_app.domain.model import InterestAction, Item, Resolution, VoteChoice
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.presence import (
    IN_THE_ROOM,
    PRESENCE_LABELS,
    Cell,
    Presence,
    PresenceGrid,
    item_marks,
    presence_grid,
    walk_motions,
)
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument

ModelIndex = QModelIndex | QPersistentModelIndex
FieldPath = tuple[str | int, ...]
DELAY_MS = 300

SIGNS: dict[Presence, str] = {
    Presence.PRESENT: "✓",
    Presence.NOT_YET: "›",
    Presence.LEFT: "‹",
    Presence.OUT_FOR_INTEREST: "Out",
    Presence.NO_PART: "–",
    Presence.ABSENT: "·",
}
"""What a cell shows for each presence (the legend says what each means)."""
COLOURS: dict[Presence, str] = {
    Presence.PRESENT: "#dff0d8",
    Presence.NOT_YET: "#eeeeee",
    Presence.LEFT: "#eeeeee",
    Presence.OUT_FOR_INTEREST: "#fcdcb4",
    Presence.NO_PART: "#fff3c4",
    Presence.ABSENT: "#f6f6f6",
}
VOTES: dict[VoteChoice, str] = {
    VoteChoice.FOR: "F",
    VoteChoice.AGAINST: "A",
    VoteChoice.ABSTAIN: "Ab",
    VoteChoice.ABSENT: "",
    VoteChoice.RECUSED: "R",
}
VOTE_WORDS: dict[VoteChoice, str] = {
    VoteChoice.FOR: "voted for",
    VoteChoice.AGAINST: "voted against",
    VoteChoice.ABSTAIN: "abstained",
    VoteChoice.ABSENT: "recorded absent for the vote",
    VoteChoice.RECUSED: "did not vote (recused)",
}
LEGEND = (
    "✓ present   › not yet arrived   ‹ had left   Out out of the room for an interest   "
    "– took no part   · absent   F for  A against  Ab abstained   P proposed  S seconded"
)
INQUORATE = "#f4c7c3"


def short_title(title: str, width: int = 10) -> str:
    """An unnumbered item's heading: its title, cut short (the tooltip has it all)."""
    title = " ".join(title.split()) or "Item"
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def cell_text(cell: Cell) -> str:
    parts = [SIGNS[cell.presence]]
    if cell.vote is not None and VOTES[cell.vote]:
        parts.append(VOTES[cell.vote])
    if cell.proposed:
        parts.append("P")
    if cell.seconded:
        parts.append("S")
    return " ".join(parts)


def cell_words(cell: Cell) -> str:
    words = [PRESENCE_LABELS[cell.presence]]
    if cell.vote is not None:
        words.append(VOTE_WORDS[cell.vote])
    if cell.proposed:
        words.append("proposed")
    if cell.seconded:
        words.append("seconded")
    return ", ".join(words)


def _marks_of(item: Item) -> object:
    return item_marks(item) if item.blocks else {}


def _motion_field(item: Item, n: int, attendee_id: str, cell: Cell) -> FieldPath | None:
    """The field that records the cell's vote (the resolution's named votes), else the proposer
    or seconder, of the first motion in item `n` that names them."""
    motions = list(walk_motions(item.blocks, ("items", n, "blocks")))
    if cell.vote is not None:
        for block, path in motions:
            if isinstance(block, Resolution):
                for v, vote in enumerate(block.named_votes):
                    if vote.attendee_id == attendee_id:
                        return (*path, "named_votes", v)
    for block, path in motions:
        if isinstance(block, Resolution):
            mover, seconder, field = block.proposer_id, block.seconder_id, "proposer_id"
        else:
            mover, seconder, field = block.mover_id, block.seconder_id, "mover_id"
        if cell.proposed and mover == attendee_id:
            return (*path, field)
        if cell.seconded and seconder == attendee_id:
            return (*path, "seconder_id")
    return None


class PresenceModel(QAbstractTableModel):
    """The grid as a table: a row per voting member, then the count; a column per item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: PresenceGrid | None = None
        self.labels: list[str] = []

    def set_grid(self, grid: PresenceGrid, labels: list[str]) -> None:
        self.beginResetModel()
        self.grid, self.labels = grid, labels
        self.endResetModel()

    @property
    def count_row(self) -> int:
        return len(self.grid.members) if self.grid is not None else 0

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.members) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.items)

    def column_name(self, column: int) -> str:
        assert self.grid is not None
        label = self.labels[column] if column < len(self.labels) else ""
        item = self.grid.items[column]
        return f"Minute {label}" if label else (item.title or f"Item {column + 1}")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        grid = self.grid
        if grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(grid.items):
                return None
            item = grid.items[section]
            label = self.labels[section] if section < len(self.labels) else ""
            inquorate = grid.first_inquorate == section
            if role == Qt.ItemDataRole.DisplayRole:
                shown = label or short_title(item.title)
                return f"{shown} !" if inquorate else shown
            if role == Qt.ItemDataRole.ToolTipRole:
                said = self.column_name(section)
                if item.title and label:
                    said += f": {item.title}"
                if inquorate:
                    said += " (the first item without a quorum)"
                return said
            if role == Qt.ItemDataRole.BackgroundRole and inquorate:
                return QBrush(QColor(INQUORATE))
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section < len(grid.members):
                return grid.members[section].display_name or "an unnamed member"
            if section == len(grid.members):
                quorum = f" (quorum {grid.quorum})" if grid.quorum is not None else ""
                return f"Voting members present{quorum}"
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        grid = self.grid
        if grid is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == self.count_row:
            return self._count(grid, column, role)
        person, item = grid.members[row], grid.items[column]
        cell = grid.cell(person.id, item.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{person.display_name}, {self.column_name(column)}: {cell_words(cell)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[cell.presence]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#222222"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _count(self, grid: PresenceGrid, column: int, role: int) -> Any:
        present = grid.present[column]
        short = grid.quorum is not None and present < grid.quorum
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{present} !" if short else str(present)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            said = f"{self.column_name(column)}: {present} voting members present"
            if grid.quorum is not None:
                said += f", quorum {grid.quorum}" + (": inquorate" if short else "")
            return said
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(INQUORATE if short else "#ffffff"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class _Table(QTableView):
    picked = Signal(int, int)
    """row, column: Enter on a cell"""
    member_picked = Signal(int)
    """row: Shift+Enter on a cell (the member's attendance row)"""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.member_picked.emit(index.row())
                else:
                    self.picked.emit(index.row(), index.column())
                return
        super().keyPressEvent(event)


class PresenceView(QWidget):
    navigate = Signal(object)
    """The path of what makes the picked cell what it is."""

    def __init__(
        self,
        document: MeetingDocument,
        styles: dict[str, StyleFolder],
        quorum: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.styles, self.quorum = document, styles, quorum
        self.setObjectName("presencePanel")
        self.model = PresenceModel(self)
        self.table = _Table()
        self.table.setObjectName("presenceGrid")
        self.table.setAccessibleName("Presence of the voting members, item by item")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setDefaultSectionSize(52)
        self.table.horizontalHeader().setMinimumSectionSize(36)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.picked.connect(self.pick)
        self.table.doubleClicked.connect(lambda index: self.pick(index.row(), index.column()))
        self.table.verticalHeader().sectionDoubleClicked.connect(self._pick_member)
        self.table.member_picked.connect(self._pick_member)
        self.legend = QLabel(LEGEND)
        self.legend.setObjectName("presenceLegend")
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("What the presence grid's signs mean")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._refresh_if_stale)
        self._stale = True
        """What the grid shows may differ from the meeting: draw it again when next shown."""
        self._quorum: int | None = None
        self._marks: dict[str, object] = {}
        """Per item id: its votes, proposers and seconders as last drawn (`item_marks`)."""
        document.changed.connect(self._on_changed)
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, 200)

    def _on_changed(self, change: MeetingChange) -> None:
        if self._stale or self.shows(change):
            self._stale = True
            self.timer.start()

    def shows(self, change: MeetingChange) -> bool:
        """Whether `change` may change what the grid shows. Typing in a minute's text changes one
        item: only its votes, proposers and seconders are worked out again and compared."""
        if (
            change.attendance
            or change.interests
            or change.item_list
            or change.numbering
            or change.style
            or change.renamed
            or "sessions" in change.parts
        ):
            return True
        meeting = self.document.meeting
        for item_id in change.items:
            item = meeting.item(item_id)
            if item is None or self._marks.get(item_id) != _marks_of(item):
                return True
        return False

    def refresh_soon(self) -> None:
        """Draw again after a pause if the committee's quorum has changed."""
        if self.quorum() != self._quorum:
            self._stale = True
            self.timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Work the grid out again (put off while it is hidden: drawn when shown, so a meeting
        opened with the grid closed costs nothing here)."""
        if not self.isVisible():
            self._stale = True
            return
        meeting, quorum = self.document.meeting, self.quorum()
        self._stale, self._quorum = False, quorum
        self._marks = {item.id: _marks_of(item) for item in meeting.items}
        folder = self.styles.get(meeting.house_style)
        style = folder.style if folder else DEFAULT_STYLE
        current = self.table.currentIndex()
        labels = MinuteNumbering(meeting, style).labels()
        self.model.set_grid(presence_grid(meeting, quorum), labels)
        self._fit_columns()
        if current.isValid():
            row = min(current.row(), self.model.rowCount() - 1)
            column = min(current.column(), self.model.columnCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, column))

    def _fit_columns(self) -> None:
        """Each column as wide as its heading (a minute number such as "C 08/047.1"), at least
        the cells' width: measured from the headings alone, not every cell."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        least = header.defaultSectionSize()
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(least, metrics.horizontalAdvance(text) + 16))

    def focus_grid(self) -> None:
        if self._stale:
            self.refresh()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def path_of(self, row: int, column: int) -> tuple[str | int, ...] | None:
        """Where the clerk goes from a cell: the field that makes it what it is."""
        grid = self.model.grid
        if grid is None or not 0 <= column < len(grid.items):
            return None
        item = grid.items[column]
        meeting = self.document.meeting
        n = meeting.item_index(item.id)
        if n is None:
            return None
        if row >= len(grid.members):
            return ("items", n)
        person = grid.members[row]
        cell = grid.cell(person.id, item.id)
        at = next((k for k, a in enumerate(meeting.attendance) if a.id == person.id), None)
        if at is None:
            return ("items", n)
        if cell.presence is Presence.NOT_YET:
            return ("attendance", at, "present_from_item")
        if cell.presence is Presence.LEFT:
            return ("attendance", at, "present_to_item")
        if cell.presence is Presence.ABSENT:
            return ("attendance", at, "status")
        if cell.presence in (Presence.OUT_FOR_INTEREST, Presence.NO_PART):
            for k, interest in enumerate(meeting.interests):
                if (
                    interest.attendee_id == person.id
                    and interest.item_id == item.id
                    and interest.action is not InterestAction.NONE
                ):
                    return ("interests", k, "action")
        if cell.vote is not None or cell.proposed or cell.seconded:
            found = _motion_field(meeting.items[n], n, person.id, cell)
            if found is not None:
                return found
        return ("items", n)

    def pick(self, row: int, column: int) -> None:
        path = self.path_of(row, column)
        if path is not None:
            self.navigate.emit(path)

    def _pick_member(self, row: int) -> None:
        grid = self.model.grid
        if grid is None:
            return
        if row >= len(grid.members):  # the count: the item, as Enter does
            self.pick(row, max(self.table.currentIndex().column(), 0))
            return
        person = grid.members[row]
        at = next(k for k, a in enumerate(self.document.meeting.attendance) if a.id == person.id)
        self.navigate.emit(("attendance", at))

    def in_the_room(self, column: int) -> list[str]:
        """The names of the voting members in the room for the item in `column` (for tests and
        screen readers' summaries)."""
        grid = self.model.grid
        if grid is None:
            return []
        item = grid.items[column]
        return [
            m.display_name for m in grid.members if grid.cell(m.id, item.id).presence in IN_THE_ROOM
        ]
