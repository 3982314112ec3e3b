"""The item form's tables: a group per Table block (a schedule of payments, the grants awarded),
with its caption, a header row and a total row that may be switched on and off, and a grid of
cells typed as a word processor's table is.

The grid is a `RecordTable` over `TableCells`: arrows and Tab move from cell to cell, typing a
character or F2 edits the current cell, Enter or Tab saves it, Escape takes it back; typing that
is paused over is entered without closing the cell (for the recovery copy), and one stay in a
cell is one undo step. Keys on the grid: Insert adds a row after the current one, Ctrl+Delete
removes it, Alt+Insert adds a column after the current one, Alt+Delete removes it, Delete
empties the current cell.

Widgets (objectName: accessibleName), in a ``tableGroupN`` (" (2)" ends the names of the
second table's widgets, and so on): ``tableCaptionEdit`` "Table caption", ``tableHeaderCheck``
"Header row", ``tableTotalCheck`` "Total row", ``tableGrid`` "Table cells",
``addTableRowButton`` "Add row", ``removeTableRowButton`` "Remove row",
``addTableColumnButton`` "Add column", ``removeTableColumnButton`` "Remove column",
``removeTableButton`` "Remove table"; the panel: ``tablesPanel``, ``addTableButton`` "Add table".
In the minute text a table shows as ``[table: caption]``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.edit import get_at
from clerk_app.domain.house_style import letters
from clerk_app.domain.model import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Table
from clerk_app.domain.text import clean_line
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.block_panel import BlockGroup, BlockPanel, line
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.tables import Column, ColumnKind, RecordModel, RecordTable
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.check_box import CheckBox
from clerk_app.ui.widgets.panel_inputs import name_widget

ModelIndex = QModelIndex | QPersistentModelIndex


def new_table() -> Table:
    """A table to start typing in: two columns with a header row, and one empty row."""
    return Table(header=("", ""), rows=(("", ""),))


def table_rows(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """The grid's rows: ("header", cells), ("row", cells)..., ("total", cells), every row as
    wide as the table (at least one column)."""
    width = max(table.columns, 1)

    def padded(cells: tuple[str, ...]) -> tuple[str, ...]:
        return (*cells, *("",) * (width - len(cells)))

    rows = [("header", padded(table.header))] if table.header else []
    rows += [("row", padded(row)) for row in table.rows]
    if table.total:
        rows.append(("total", padded(table.total)))
    return rows


def with_cell(table: Table, grid_row: int, column: int, text: str) -> Table:
    """The table with one cell of the grid's row `grid_row` changed."""
    rows = table_rows(table)
    kind, cells = rows[grid_row]
    changed = tuple(text if n == column else cell for n, cell in enumerate(cells))
    if kind == "header":
        return table.model_copy(update={"header": changed})
    if kind == "total":
        return table.model_copy(update={"total": changed})
    data = list(table.rows)
    data[grid_row - (1 if table.header else 0)] = changed
    return table.model_copy(update={"rows": tuple(data)})


def widened(table: Table, at: int) -> Table:
    """The table with an empty column inserted before column `at` (every row widened)."""
    width = max(table.columns, 1)

    def insert(cells: tuple[str, ...]) -> tuple[str, ...]:
        full = (*cells, *("",) * (width - len(cells)))
        return (*full[:at], "", *full[at:])

    return Table.model_validate(
        {
            **table.model_dump(),
            "header": insert(table.header) if table.header else (),
            "rows": tuple(insert(row) for row in table.rows),
            "total": insert(table.total) if table.total else (),
        }
    )


def narrowed(table: Table, at: int) -> Table:
    """The table without column `at`."""

    def drop(cells: tuple[str, ...]) -> tuple[str, ...]:
        return (*cells[:at], *cells[at + 1 :])

    return table.model_copy(
        update={
            "header": drop(table.header) if table.header else (),
            "rows": tuple(drop(row) for row in table.rows),
            "total": drop(table.total) if table.total else (),
        }
    )


class TableCells(RecordModel):
    """The cells of one Table block as a grid: its header row (if any), its rows, its total row
    (if any). Every edit goes to the document; typed cells as one undo step per stay (see
    `RecordModel.enter`)."""

    def __init__(self, target: ItemTarget, ordinal: int, parent: QObject | None = None) -> None:
        self.target = target
        self.ordinal = ordinal
        self._kinds: list[str] = []
        super().__init__(
            target.document, ("items",), self._columns(1), "Type in a table cell",
            self._refused, parent,
        )  # fmt: skip
        self.refusals: list[str] = []
        self.columns = self._columns(max(1, len(self.records()[0]) if self.records() else 1))

    @staticmethod
    def _columns(width: int) -> tuple[Column, ...]:
        return tuple(
            Column(
                letters(n + 1).upper(),
                (n,),
                ColumnKind.LINE,
                width=24,
                stretch=True,
                description=f"Column {letters(n + 1).upper()}",
            )
            for n in range(width)
        )

    def _refused(self, text: str) -> None:
        self.refusals.append(text)
        self.target.context.messages.warning("That cell cannot be used", text)

    def block_path(self) -> EditPath | None:
        block = self.target.block_index(Table, self.ordinal)
        return None if block is None else self.target.path("blocks", block)

    def table(self) -> Table | None:
        path = self.block_path()
        if path is None:
            return None
        found = get_at(self.document.meeting, path)
        return found if isinstance(found, Table) else None

    def records(self) -> tuple[Any, ...]:
        table = self.table() if hasattr(self, "target") else None
        if table is None:
            self._kinds = []
            return ()
        rows = table_rows(table)
        self._kinds = [kind for kind, _ in rows]
        return tuple(cells for _, cells in rows)

    def _record_ids(self) -> tuple[str, ...]:
        # A row's place, its kind and the table's width: a row or column added or taken away
        # resets the grid, a cell typed in does not.
        records = self.records()
        width = len(records[0]) if records else 0
        return tuple(f"{kind}{n}x{width}" for n, kind in enumerate(self._kinds))

    def shows(self, change: MeetingChange) -> bool:
        return change.touches_item(self.target.item_id)

    def _on_changed(self, change: object) -> None:
        if isinstance(change, MeetingChange) and not self.shows(change):
            return
        records = self.records()
        ids = self._record_ids()
        before, self._shown_records = self._shown_records, records
        if ids != self._ids:  # a row or a column came or went
            self.reload()
            return
        if records == before or not ids:
            return
        changed = [
            n for n, (old, new) in enumerate(zip(before, records, strict=True)) if old != new
        ]
        if changed:
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def reload(self) -> None:
        """Show the block afresh (the item shown changed)."""
        self.beginResetModel()
        records = self.records()
        self.columns = self._columns(max(1, len(records[0])) if records else 1)
        self._ids = self._record_ids()
        self._shown_records = records
        self.endResetModel()

    def path(self, row: int, column: int | None = None) -> EditPath:
        return self.block_path() or ()

    def value(self, index: ModelIndex) -> Any:
        records = self.records()
        if not index.isValid() or not 0 <= index.row() < len(records):
            return None
        cells = records[index.row()]
        return cells[index.column()] if index.column() < len(cells) else ""

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if not 0 <= section < len(self._kinds):
                return None
            kind = self._kinds[section]
            if kind != "row":
                return kind.title()
            return str(section + (0 if self._kinds[0] != "header" else -1) + 1)
        return super().headerData(section, orientation, role)

    def setData(  # noqa: N802 - Qt's name
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        table = self.table()
        path = self.block_path()
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or table is None or not path:
            return False
        try:
            changed = with_cell(table, index.row(), index.column(), str(value or ""))
            if self._stay is None:
                self.document.set(path, changed, self.edit_text, merge=False)
            else:
                self.document.set_typed(path, changed, self.edit_text, self._stay)
        except (ValueError, IndexError) as exc:
            self.on_error(str(exc))
            return False
        return True


class TableGroup(BlockGroup):
    """One Table block: its caption, header and total rows, and its cells."""

    KIND = Table
    NAME = "tableGroup"
    WHAT = "a table"

    def __init__(self, target: ItemTarget, ordinal: int, parent: QWidget | None = None) -> None:
        super().__init__(target, ordinal, parent)
        self._shown: Table | None = None
        suffix = self.suffix
        self.caption = QLineEdit(self)
        name_widget(self.caption, "tableCaptionEdit", f"Table caption{suffix}")
        self.caption.setPlaceholderText("Schedule of payments")
        self.header_check = CheckBox("Header row", self)
        name_widget(self.header_check, "tableHeaderCheck", f"Header row{suffix}")
        self.total_check = CheckBox("Total row", self)
        name_widget(self.total_check, "tableTotalCheck", f"Total row{suffix}")
        self.model = TableCells(target, ordinal, self)
        self.grid = RecordTable(
            self.model, "tableGrid", f"Table cells{suffix}",
            "Type in a cell to change it; Insert adds a row, Ctrl+Delete removes it, Alt+Insert "
            "adds a column, Alt+Delete removes it, Delete empties a cell",
            self,
        )  # fmt: skip
        self.model.modelReset.connect(self._fit_height)
        self.grid.add_key("addTableRowKey", "Add row", "Insert", self.add_row)
        self.grid.add_key("removeTableRowKey", "Remove row", "Ctrl+Delete", self.remove_row)
        self.grid.add_key("addTableColumnKey", "Add column", "Alt+Insert", self.add_column)
        self.grid.add_key("removeTableColumnKey", "Remove column", "Alt+Delete", self.remove_column)
        self.grid.add_key("clearTableCellKey", "Empty the cell", "Delete", self.clear_cell)
        self.add_row_button = QPushButton("Add row", self)
        name_widget(self.add_row_button, "addTableRowButton", f"Add row{suffix}")
        self.add_row_button.setToolTip("Add a row after the current one (Insert in the cells)")
        self.remove_row_button = QPushButton("Remove row", self)
        name_widget(self.remove_row_button, "removeTableRowButton", f"Remove row{suffix}")
        self.remove_row_button.setToolTip("Remove the current row (Ctrl+Delete in the cells)")
        self.add_column_button = QPushButton("Add column", self)
        name_widget(self.add_column_button, "addTableColumnButton", f"Add column{suffix}")
        self.add_column_button.setToolTip(
            "Add a column after the current one (Alt+Insert in the cells)"
        )
        self.remove_column_button = QPushButton("Remove column", self)
        name_widget(self.remove_column_button, "removeTableColumnButton", f"Remove column{suffix}")
        self.remove_column_button.setToolTip("Remove the current column (Alt+Delete in the cells)")
        self.remove_button = self.removal(
            "Remove table", "removeTableButton", "Remove table",
            "Take this table out of the minute (Ctrl+Z brings it back)",
        )  # fmt: skip

        top = line(
            ("Caption:", self.caption), 8, self.header_check, self.total_check,
            stretch={self.caption: 1},
        )  # fmt: skip
        buttons = line(
            self.add_row_button, self.remove_row_button, self.add_column_button,
            self.remove_column_button, None, self.remove_button,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.grid)
        layout.addLayout(buttons)

        self.caption.textEdited.connect(
            lambda text: self._set("caption", text, "Edit table caption")
        )
        self.header_check.toggled.connect(lambda on: self._switch("header", on))
        self.total_check.toggled.connect(lambda on: self._switch("total", on))
        self.add_row_button.clicked.connect(self.add_row)
        self.remove_row_button.clicked.connect(self.remove_row)
        self.add_column_button.clicked.connect(self.add_column)
        self.remove_column_button.clicked.connect(self.remove_column)
        UndoKeys(target.document.undo_stack, self).watch(self.caption, self.grid)

    SHOWN_ROWS = 12
    """The most rows the grid shows without scrolling (a long schedule scrolls in it)."""

    def _fit_height(self) -> None:
        """As tall as its rows (up to `SHOWN_ROWS`), so that a short table needs no scrolling
        of its own in the scrolling panels."""
        grid = self.grid
        rows = max(1, min(self.model.rowCount(), self.SHOWN_ROWS))
        row = grid.verticalHeader().defaultSectionSize()
        if self.model.rowCount():
            row = max(row, grid.rowHeight(0))
        height = (
            rows * row
            + grid.horizontalHeader().sizeHint().height()
            + 2 * grid.frameWidth()
            + grid.horizontalScrollBar().sizeHint().height()
        )
        grid.setFixedHeight(height)

    def focus_chain(self) -> list[QWidget]:
        return [
            self.caption, self.header_check, self.total_check, self.grid, self.add_row_button,
            self.remove_row_button, self.add_column_button, self.remove_column_button,
            self.remove_button,
        ]  # fmt: skip

    # --- edits ---------------------------------------------------------------------------------

    def _replace(self, table: Table, text: str) -> None:
        path = self.model.block_path()
        if path is not None:
            self.target.set(path[2:], table, f"{text} in minute {self.target.minute()}", False)

    def _switch(self, part: str, on: bool) -> None:
        table = self.model.table()
        if table is None:
            return
        width = max(table.columns, 1)
        value = ("",) * width if on else ()
        what = "header row" if part == "header" else "total row"
        self._replace(
            table.model_copy(update={part: value}), f"{'Add' if on else 'Remove'} the {what}"
        )

    def _current(self) -> tuple[int, int]:
        index = self.grid.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (-1, -1)

    def _data_row(self, grid_row: int, table: Table) -> int:
        """The place in `rows` of the grid's row (a header row moves them down one)."""
        return grid_row - (1 if table.header else 0)

    def add_row(self) -> None:
        """An empty row after the current one (after the last, from the header or total row)."""
        table = self.model.table()
        if table is None:
            return
        if len(table.rows) >= MAX_TABLE_ROWS:
            self.target.context.messages.warning(
                "No more rows", f"A table may have at most {MAX_TABLE_ROWS} rows."
            )
            return
        self.grid.commit_editing()
        table = self.model.table() or table
        row, column = self._current()
        place = self._data_row(row, table) + 1
        if not 0 <= place <= len(table.rows):
            place = len(table.rows)
        rows = list(table.rows)
        rows.insert(place, ("",) * max(table.columns, 1))
        self._replace(table.model_copy(update={"rows": tuple(rows)}), "Add a table row")
        self.grid.go_to(place + (1 if table.header else 0), max(column, 0))

    def remove_row(self) -> None:
        table = self.model.table()
        row, column = self._current()
        if table is None:
            return
        place = self._data_row(row, table)
        if not 0 <= place < len(table.rows):
            return
        rows = list(table.rows)
        rows.pop(place)
        self._replace(table.model_copy(update={"rows": tuple(rows)}), "Remove a table row")
        total = self.model.rowCount()
        if total:
            self.grid.go_to(min(row, total - 1), max(column, 0))

    def add_column(self) -> None:
        table = self.model.table()
        if table is None:
            return
        if table.columns >= MAX_TABLE_COLUMNS:
            self.target.context.messages.warning(
                "No more columns", f"A table may have at most {MAX_TABLE_COLUMNS} columns."
            )
            return
        self.grid.commit_editing()
        table = self.model.table() or table
        row, column = self._current()
        at = column + 1 if column >= 0 else max(table.columns, 1)
        self._replace(widened(table, at), "Add a table column")
        self.grid.go_to(max(row, 0), at)

    def remove_column(self) -> None:
        table = self.model.table()
        row, column = self._current()
        if table is None or column < 0 or table.columns <= 1:
            return
        self._replace(narrowed(table, column), "Remove a table column")
        self.grid.go_to(max(row, 0), min(column, max(table.columns - 2, 0)))

    def clear_cell(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid() and not self.grid.editing():
            self.model.setData(index, "", Qt.ItemDataRole.EditRole)

    @classmethod
    def new_block(cls) -> Table:
        return new_table()

    def reload(self) -> None:
        self.model.reload()

    def refresh(self, block: Table) -> None:
        if block == self._shown:
            return
        self._shown = block
        self._fit_height()
        self.setTitle(f"Table: {block.caption or '(no caption yet)'}")
        if clean_line(self.caption.text()) != block.caption:
            self.caption.blockSignals(True)
            self.caption.setText(block.caption)
            self.caption.blockSignals(False)
        for box, on in (
            (self.header_check, bool(block.header)),
            (self.total_check, bool(block.total)),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.remove_row_button.setEnabled(bool(block.rows))
        self.remove_column_button.setEnabled(block.columns > 1)


class TablesPanel(BlockPanel[TableGroup]):
    """Every Table block of the item, in order; `add_button` adds one (the item form places it
    with the other buttons that add to the minute)."""

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__(
            target, TableGroup, "Tables", "tablesPanel",
            (
                "Add table", "addTableButton",
                "Add a table (a schedule of payments, the grants awarded); the minute text shows "
                "it as [table: caption]",
            ),
            parent,
        )  # fmt: skip
