"""What the attendance and declarations forms share: one list of the meeting shown as a table,
with buttons and keys to add, remove and move its rows, each change one undo step.

Insert adds a row wherever the keyboard is in the form, a cell being edited included (what is
typed there is saved first); `add_row()` does the same for a caller outside the form (the
window, with the navigator's row for the form current). A drop-down cell that refuses typed
text says why in the form's notice line, under the table.

Fields that do not fit the table as columns (a person's name parts) may sit under it as the
current row's details (`detail_line`, `detail_text`): bound to that record's field, empty and
disabled while no row is current."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.edit import get_at, insert_at, remove_at
from clerk_app.domain.model import Meeting
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import Form, FormContext
from clerk_app.ui.tables import (
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
    item_choices,
    item_numbers,
)


def label_choices(labels: Mapping[Any, str]) -> Callable[[Meeting], list[tuple[str, Any]]]:
    """A drop-down column's choices from `labels` (value: label), in their order."""
    return lambda _meeting: [(label, value) for value, label in labels.items()]


class RecordListForm(Form):
    """Subclasses set LIST (the list's path), DEFAULT_COLUMN (where a finding about a whole
    row lands), PLURAL ("people"), make `model`, `table` and the four buttons, and say how one
    record is named in undo texts (`describe`)."""

    LIST: EditPath = ()
    DEFAULT_COLUMN = 0
    PLURAL = "rows"
    model: RecordModel
    table: RecordTable
    add_button: QPushButton
    remove_button: QPushButton
    up_button: QPushButton
    down_button: QPushButton

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.row_buttons: list[QPushButton] = []
        """Extra buttons that act on the current row (enabled only when there is one)."""
        self.details: list[QWidget] = []
        """Fields under the table for the current row's other fields (`detail_line`)."""
        self.details_layout: QGridLayout | None = None
        """Where `lay_out` puts `details` (under the table): see `grid_details`."""

    def records(self) -> tuple[Any, ...]:
        records: tuple[Any, ...] = get_at(self.document.meeting, self.LIST)
        return records

    def describe(self, row: int) -> str:
        return f"row {row + 1}"

    def without_rows(self, meeting: Meeting, rows: list[int]) -> Meeting:
        """`meeting` without the records in `rows` (in order); subclasses also remove what
        refers to them."""
        for row in reversed(rows):
            meeting = remove_at(meeting, self.LIST, row)
        return meeting

    def add_row(self) -> None:
        """Save any cell being edited, add a record after the current row and open its first
        cell for typing, with the keyboard in the table."""
        raise NotImplementedError

    def current_path(self, field: EditPath) -> EditPath | None:
        """The path of `field` in the current row's record; None when no row is current."""
        row = self.table.current_row()
        if not 0 <= row < len(self.records()):
            return None
        return (*self.LIST, row, *field)

    # --- building ------------------------------------------------------------------------------

    def detail_line(self, name: str, accessible: str, field: EditPath, text: str) -> QLineEdit:
        """A line under the table bound to `field` of the current row's record."""
        edit = self.bind_line(name, accessible, lambda: self.current_path(field), text)
        self.details.append(edit)
        return edit

    def detail_text(self, name: str, accessible: str, field: EditPath, text: str) -> QPlainTextEdit:
        """Several lines under the table bound to `field` of the current row's record."""
        edit = self.bind_text(name, accessible, lambda: self.current_path(field), text)
        self.details.append(edit)
        return edit

    def grid_details(self, title: str, fields: list[tuple[str, QWidget]], across: int = 2) -> None:
        """Lay `fields` ((label with its &mnemonic, widget)) out under the table, `across` to a
        row, under `title` ("Name parts of the current person")."""
        grid = QGridLayout()
        heading = QLabel(f"<b>{title}</b>")
        grid.addWidget(heading, 0, 0, 1, across * 2)
        for n, (label, widget) in enumerate(fields):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row, column = 1 + n // across, (n % across) * 2
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1)
        for column in range(across):
            grid.setColumnStretch(column * 2 + 1, 1)
        self.details_layout = grid

    def _show_details(self) -> None:
        has_row = self.current_path(()) is not None
        for widget in self.details:
            widget.setEnabled(has_row)
            if not has_row and isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.blockSignals(True)
                widget.clear()
                widget.blockSignals(False)
        if has_row:
            super().refresh()

    def button(
        self, name: str, text: str, accessible: str, tip: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text, self)
        self.named(button, name, accessible)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def form_key(
        self, name: str, text: str, key: QKeySequence | str, slot: Callable[[], None]
    ) -> QAction:
        """A key that works wherever the keyboard is in the form, cell editors included."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def warn(self, text: str) -> None:
        self.context.messages.warning("That value cannot be used", text)

    def lay_out(self, heading: str, hint_name: str, hint: str) -> None:
        """Heading, the buttons (the row buttons after a gap), the table, and the key help."""
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        if self.row_buttons:
            buttons.addSpacing(16)
            for button in self.row_buttons:
                buttons.addWidget(button)
        buttons.addStretch(1)
        help_line = QLabel(hint)
        help_line.setWordWrap(True)
        help_line.setObjectName(hint_name)
        self.notice = QLabel(self)
        """Why the last typed text was refused; hidden when there is nothing to say."""
        self.notice.setObjectName(hint_name.replace("Hint", "Notice"))
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a0001a; font-weight: bold;")
        self.notice.hide()
        self.table.refused.connect(self._refused)
        self.document.changed.connect(self._clear_notice)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel(f"<h2>{heading}</h2>"))
        outer.addLayout(buttons)
        outer.addWidget(self.table, 1)
        outer.addWidget(self.notice)
        if self.details_layout is not None:
            outer.addLayout(self.details_layout)
        outer.addWidget(help_line)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

    def refresh(self) -> None:
        super().refresh()
        self._update_buttons()

    def _refused(self, column: str, text: str) -> None:
        number = next((n for n, c in enumerate(self.model.columns) if c.header == column), None)
        choices = self.model.columns[number].choices if number is not None else None
        labels = [label for label, _ in choices(self.document.meeting)] if choices else []
        said = f"\u201c{text}\u201d matches no {column.lower()}, so it stays as it was."
        if 1 < len(labels) <= 8:
            said += f" Type the start of {', '.join(labels[:-1])} or {labels[-1]}."
        self.notice.setText(said)
        self.notice.show()

    def _clear_notice(self, _change: object) -> None:
        if self.notice.isVisible() or self.notice.text():
            self.notice.clear()
            self.notice.hide()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        count = self.model.rowCount()
        has_row = 0 <= row < count
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and row > 0)
        self.down_button.setEnabled(has_row and row < count - 1)
        for button in self.row_buttons:
            button.setEnabled(has_row)
        if self.details:
            self._show_details()

    # --- actions -------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Remove every selected row as one undo step (undo brings them back, so no question)."""
        count = len(self.records())
        rows = [r for r in self.table.selected_rows() if r < count]
        if not rows:
            return
        after = self.without_rows(self.document.meeting, rows)
        text = (
            f"Remove {self.describe(rows[0])}"
            if len(rows) == 1
            else f"Remove {len(rows)} {self.PLURAL}"
        )
        column = max(self.table.currentIndex().column(), 0)
        self.document.edit(after, text, self.LIST)
        self.table.go_to(min(rows[0], count - len(rows) - 1), column)
        self.table.setFocus()

    def move_current(self, step: int) -> None:
        row = self.table.current_row()
        target = row + step
        count = len(self.records())
        if not (0 <= row < count and 0 <= target < count):
            return
        direction = "up" if step < 0 else "down"
        self.document.move(self.LIST, row, target, f"Move {self.describe(row)} {direction}")
        # The table keeps the current cell on the moved record; keep the keyboard there too.
        self.table.setFocus()

    def focus_path(self, path: EditPath) -> bool:
        """(list, 3, field) selects row 3's cell for that field; (list,) just focuses the
        table. False for paths about other parts of the meeting."""
        if not path or path[0] != self.LIST[0]:
            return False
        if len(path) > 1 and isinstance(path[1], int) and 0 <= path[1] < self.model.rowCount():
            self.table.go_to(
                path[1], self.model.column_for(tuple(path[2:]), default=self.DEFAULT_COLUMN)
            )
        else:
            self.table.setFocus()
        return True


class PartListForm(RecordListForm):
    """A form over one of format 2's lists of the meeting (sessions, adjournments, sections,
    speakers, signatories): its table, and buttons and keys to add, remove and move rows.

    Subclasses set LIST, RECORD (the model class of one row), NOUN ("signatory"), PLURAL
    ("signatories": the form is ``signatoriesForm``, its help line ``signatoriesHint``),
    HEADING, DEFAULT_COLUMN, and say the table's columns (`table_columns`); the form is built
    by `build` (NOUN "signatory" makes ``signatoryTable``, ``addSignatoryButton``,
    ``addSignatoryKey``...) and laid out, with what a subclass adds (`add_details`,
    `add_below`). Insert adds a row wherever the keyboard is in the form (INSERT_ANYWHERE, the
    default) or only in the table; Delete removes the selected rows, Alt+Up and Alt+Down move
    the current one."""

    RECORD: type[Any]
    NOUN = "row"
    HEADING = "Rows"
    """The table's accessible name, and the form's heading unless PAGE_HEADING says another."""
    PAGE_HEADING = ""
    INSERT_ANYWHERE = True
    FIRST_COLUMN = 0
    """Where a new row is opened for typing."""

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName(f"{self.PLURAL}Form")
        self.build(
            self.NOUN, self.HEADING, self.table_columns(), insert_anywhere=self.INSERT_ANYWHERE
        )
        self.add_details()
        self.lay_out(self.PAGE_HEADING or self.HEADING, f"{self.PLURAL}Hint", self.keys_hint)
        self.add_below()
        self.refresh()

    def table_columns(self) -> list[Column]:
        """The table's columns, in order."""
        raise NotImplementedError

    def add_details(self) -> None:
        """Make what goes between the table and its help line (`detail_line`,
        `grid_details`): called before the form is laid out."""

    def add_below(self) -> None:
        """Add to the form's layout what it shows under the table and its help line."""

    def item_column(
        self,
        header: str,
        field: EditPath,
        none_label: str,
        brief_none: str = "",
        *,
        width: int,
        description: str,
    ) -> Column:
        """A drop-down of the meeting's items, by minute number and title (`none_label` for
        none; typing finds one by any word); the cell shows the minute number (`brief_none`
        for none)."""
        context = self.context

        def items(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_choices(meeting, context.house_style(meeting), none_label)

        def numbers(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_numbers(meeting, context.house_style(meeting), brief_none)

        return Column(
            header, field, ColumnKind.CHOICE, items, brief=numbers, any_word=True,
            width=width, missing="(item deleted)", description=description,
        )  # fmt: skip

    def build(
        self,
        prefix: str,
        heading: str,
        columns: list[Column],
        *,
        insert_anywhere: bool = True,
        wrap: bool = True,
    ) -> None:
        cap = prefix[:1].upper() + prefix[1:]
        noun = self.NOUN
        a_noun = f"an {noun}" if noun[:1] in "aeio" else f"a {noun}"
        hint = (
            f"Insert adds {a_noun}, Delete removes the selected rows, Alt+Up and Alt+Down move "
            "one; typing or F2 edits a cell, Enter or Tab saves it. Ctrl+Z undoes."
        )
        self.keys_hint = hint
        self.model = RecordModel(
            self.document, self.LIST, columns, f"Edit {noun}", self.warn, parent=self
        )
        self.table = RecordTable(self.model, f"{prefix}Table", heading, hint, self, wrap=wrap)
        if insert_anywhere:
            self.insert_key = self.form_key(f"add{cap}Key", f"Add {noun}", "Insert", self.add_row)
        else:
            self.insert_key = self.table.add_key(
                f"add{cap}Key", f"Add {noun}", "Insert", self.add_row
            )
        self.table.add_key(f"remove{cap}Key", f"Remove {noun}", "Delete", self.remove_selected)
        self.table.add_key(f"move{cap}UpKey", "Move up", "Alt+Up", lambda: self.move_current(-1))
        self.table.add_key(
            f"move{cap}DownKey", "Move down", "Alt+Down", lambda: self.move_current(1)
        )
        self.add_button = self.button(
            f"add{cap}Button", f"&Add {noun}", f"Add {noun}",
            f"Add {a_noun} after the current row (Insert)", self.add_row,
        )  # fmt: skip
        self.remove_button = self.button(
            f"remove{cap}Button", "&Remove", f"Remove {noun}",
            f"Remove the selected {self.PLURAL} (Delete); Ctrl+Z brings them back",
            self.remove_selected,
        )  # fmt: skip
        self.up_button = self.button(
            f"move{cap}UpButton", "Move &up", f"Move {noun} up",
            f"Move the current {noun} up (Alt+Up)", lambda: self.move_current(-1),
        )  # fmt: skip
        self.down_button = self.button(
            f"move{cap}DownButton", "Move do&wn", f"Move {noun} down",
            f"Move the current {noun} down (Alt+Down)", lambda: self.move_current(1),
        )  # fmt: skip

    def describe(self, row: int) -> str:
        return self.NOUN

    def _update_buttons(self) -> None:
        # Rows but none current (the form just opened, the current row removed): the first,
        # so that what acts on "the current row" (its details, its roll call) has one.
        if self.table.current_row() < 0 and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))
        super()._update_buttons()

    def new_record(self) -> Any:
        """The record a new row holds."""
        return self.RECORD()

    def add_row(self) -> None:
        """A new record after the current row, its first cell open for typing (what was being
        typed in a cell is saved first)."""
        self.table.commit_editing()
        row = self.table.current_row()
        count = len(self.records())
        index = row + 1 if 0 <= row < count else count
        self.document.edit(
            insert_at(self.document.meeting, self.LIST, index, self.new_record()),
            f"Add {self.NOUN}",
            self.LIST,
        )
        self.table.go_to(index, self.FIRST_COLUMN, edit=True)
