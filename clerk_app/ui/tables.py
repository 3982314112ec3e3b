"""Tables over a list in the meeting (attendance, declarations of interest).

`RecordModel` reads the list from the document every time the view asks, so it can never show a
stale copy; every edit it makes goes to the document as an undo command. `RecordDelegate` gives
each kind of column its editor (a line, several lines, a drop-down, a time), and `RecordTable`
is a table that works from the keyboard as a word processor's does: arrows and Tab move from cell
to cell without editing (so Insert, Home and Delete act on the table), typing a character or F2
edits the current cell (the character included), Enter or Tab saves the edit, Escape cancels it;
the forms add their own keys (Insert, Delete, Alt+Up, Alt+Down) as actions.

Typing in a cell's editor that is paused over is entered without closing the editor, its text left
as typed (so that the recovery copy has it if Clerk dies), as a time field's is: a time only once
it can be read, quietly. What one stay in the cell enters is one undo step, and Escape still takes
the cell back to what it held before the editing.

Drop-down cells take only what they can match: typing finds a choice by the start of its label
(or, where a column allows, of any word in it), and typed text that matches no choice is refused
with a beep and a red frame, keeping the choice the cell had (`RecordTable.refused` says so).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QRegularExpressionValidator,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.edit import get_at
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.typed import (
    DATE_HINT,
    TIME_CHARACTERS,
    TIME_HINT,
    format_date,
    format_time,
    parse_date,
    parse_time,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.messages import error_text
from clerk_app.ui.widgets import value_fields

ModelIndex = QModelIndex | QPersistentModelIndex
CellPainter = Callable[
    ["RecordDelegate", QPainter, QStyleOptionViewItem, QModelIndex | QPersistentModelIndex], None
]
"""Paints over a cell once the delegate has painted it (the spelling's underlines)."""
Choices = Callable[[Meeting], Sequence[tuple[str, Any]]]
"""(label, value) pairs for a drop-down, worked out from the meeting as it is now."""


class ColumnKind(Enum):
    LINE = "line"
    TEXT = "text"
    """Several lines: Enter commits, Shift+Enter starts a new line."""
    CHOICE = "choice"
    CHECK = "check"
    TIME = "time"
    DATE = "date"
    """A date typed as 18/06/2025 (format 2's sessions, adjournments, signatures)."""


@dataclass(frozen=True)
class Column:
    header: str
    field: EditPath
    """Where the value lives inside one record: ("person", "name")."""
    kind: ColumnKind = ColumnKind.LINE
    choices: Choices | None = None
    width: int = 10
    """The most room, in average characters, the column takes for its values (longer ones
    are cut short with "…" and shown whole in a tooltip); the header always fits."""
    stretch: bool = False
    """Takes a share of any room left over."""
    description: str = ""
    """The header's tooltip."""
    unset: str | None = None
    """What the cell shows for None, if not the drop-down's label for None."""
    missing: str = ""
    """What the cell shows for a value that is not among the choices (a dangling id)."""
    brief: Choices | None = None
    """Shorter (label, value) pairs for the cell itself (a minute number for an item), where
    the drop-down's labels would not fit; the whole label is the cell's tooltip."""
    any_word: bool = False
    """Typing in the drop-down may match the start of any word of a label ("moore" finds
    "Councillor Moore"), not only the start of the label."""

    @property
    def heading(self) -> str:
        """The header as shown: a header of several words on two lines, to take less room."""
        words = self.header.split()
        if len(words) < 2:
            return self.header
        # the break that makes the longer line shortest
        cut = min(
            range(1, len(words)),
            key=lambda n: max(len(" ".join(words[:n])), len(" ".join(words[n:]))),
        )
        return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def item_choices(
    meeting: Meeting, style: HouseStyle | None, none_label: str
) -> list[tuple[str, Any]]:
    """The meeting's items as "156. Questions, Representations ...", by id; None first. An item
    that shows no number (format 2: unnumbered) is named by its title alone."""
    numbering = MinuteNumbering(meeting, style or DEFAULT_STYLE)
    choices: list[tuple[str, Any]] = [(none_label, None)]
    for n, item in enumerate(meeting.items):
        label, title = numbering.label(n), item.title or "(no title)"
        choices.append((f"{label}. {title}" if label else title, item.id))
    return choices


def item_numbers(
    meeting: Meeting, style: HouseStyle | None, none_label: str = ""
) -> list[tuple[str, Any]]:
    """The meeting's items by minute number alone ("156"), by id; None first."""
    numbering = MinuteNumbering(meeting, style or DEFAULT_STYLE)
    return [
        (none_label, None),
        *(
            (numbering.label(n) or item.title or "(no title)", item.id)
            for n, item in enumerate(meeting.items)
        ),
    ]


def attendee_choices(meeting: Meeting) -> list[tuple[str, Any]]:
    """Everyone in the attendance, by id, as the minutes name them."""
    return [
        (a.display_name or f"(no name, row {n + 1})", a.id)
        for n, a in enumerate(meeting.attendance)
    ]


def label_of(choices: Sequence[tuple[str, Any]], value: Any) -> str | None:
    return next((label for label, option in choices if option == value), None)


# --- the model -----------------------------------------------------------------------------------


class RecordModel(QAbstractTableModel):
    """A table over the list at `list_path` in the document's meeting, one record per row."""

    def __init__(
        self,
        document: MeetingDocument,
        list_path: EditPath,
        columns: Sequence[Column],
        edit_text: str,
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.columns = tuple(columns)
        self.edit_text = edit_text
        self.on_error = on_error
        self._stay: object = None
        """While `enter` runs: the stay in a cell whose values are one undo step."""
        # Only the ids, to tell a change of rows (reset the view) from a change of values.
        self._ids = self._record_ids()
        # The records last shown, to tell which rows an edit changed (records are immutable).
        self._shown_records: tuple[Any, ...] = self.records()
        document.changed.connect(self._on_changed)

    @property
    def shown_ids(self) -> tuple[str, ...]:
        """The ids of the rows the views were last told about (during a reset: the old ones)."""
        return self._ids

    def records(self) -> tuple[Any, ...]:
        records: tuple[Any, ...] = get_at(self.document.meeting, self.list_path)
        return records

    def _record_ids(self) -> tuple[str, ...]:
        return tuple(record.id for record in self.records())

    def shows(self, change: MeetingChange) -> bool:
        """Whether what the table shows may have changed: its own list, or what its labels name
        (people, minute numbers, item titles). A keystroke in an item's minute text does not
        reach an attendance table."""
        if change.nothing:
            return False
        if self.list_path[0] == "items":  # a list inside an item (its actions): that item
            return bool(change.items or change.item_list) or not change.only_items
        if self.list_path[0] in change.parts:  # its own list (sessions, speakers...)
            return True
        if change.only_items:  # their titles and exemption are all a table names of items
            return bool(change.renamed)
        if change.attendance or change.interests or change.item_list or change.numbering:
            return True
        return bool(change.items or change.style)  # not the heading alone (the venue...)

    def _on_changed(self, change: object) -> None:
        if isinstance(change, MeetingChange) and not self.shows(change):
            return
        records = self.records()
        before, self._shown_records = self._shown_records, records
        ids = tuple(record.id for record in records)
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
            return
        if not ids:
            return
        last = len(self.columns) - 1
        changed = (
            [n for n, (old, new) in enumerate(zip(before, records, strict=True)) if old is not new]
            if len(before) == len(records)
            else []
        )
        if records is before or not changed:
            # Labels depend on other parts too (names, minute numbers): redraw every cell.
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, last))
        else:
            # An edit of some of the records: only their rows (a table that wraps its text
            # measures the rows it is told about, and 60 rows take a while).
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def path(self, row: int, column: int | None = None) -> EditPath:
        """The document path of a record, or of one of its cells."""
        own = (*self.list_path, row)
        return own if column is None else (*own, *self.columns[column].field)

    def column_for(self, sub_path: EditPath, default: int = 0) -> int:
        """The column showing `sub_path` (a path inside a record, from a finding)."""
        if not sub_path:
            return default
        exact = [
            n for n, c in enumerate(self.columns) if tuple(sub_path[: len(c.field)]) == c.field
        ]
        if exact:
            return exact[0]
        within = [n for n, c in enumerate(self.columns) if c.field[: len(sub_path)] == sub_path]
        if default in within or not within:
            return default
        return within[0]

    def value(self, index: ModelIndex) -> Any:
        records = self.records()
        if not index.isValid() or not 0 <= index.row() < len(records):
            return None
        return get_at(records[index.row()], self.columns[index.column()].field)

    def display(self, index: ModelIndex, *, brief: bool = True) -> str:
        """The cell's text; with `brief` False, a drop-down's whole label."""
        column = self.columns[index.column()]
        value = self.value(index)
        if column.kind is ColumnKind.CHECK:
            return ""
        if column.kind is ColumnKind.TIME:
            return format_time(value)
        if column.kind is ColumnKind.DATE:
            return format_date(value)
        if column.kind is ColumnKind.CHOICE and column.choices is not None:
            choices = column.brief if brief and column.brief is not None else column.choices
            if value is None:
                if column.unset is not None:
                    return column.unset
                return label_of(choices(self.document.meeting), None) or ""
            label = label_of(choices(self.document.meeting), value)
            return label if label is not None else column.missing or str(value)
        return "" if value is None else str(value)

    # --- Qt's interface ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        # The rows the views were told about; values are always read from the document.
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.heading
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.description or column.header
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._ROLES or not index.isValid():
            return None  # the view asks for every role of every cell it paints
        if not 0 <= index.row() < len(self.records()):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(index)
        if role == Qt.ItemDataRole.EditRole:
            return self.value(index)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is ColumnKind.CHECK:
            return Qt.CheckState.Checked if self.value(index) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display(index, brief=False)
            if text != self.display(index) or len(text) > column.width:
                return text  # a brief label, or a long one that is likely cut short
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column.kind is ColumnKind.CHECK:
                return f"{column.header}: {'yes' if self.value(index) else 'no'}"
            return self.display(index, brief=False) or f"{column.header}: blank"
        return None

    _ROLES: ClassVar[frozenset[int]] = frozenset(
        int(role)
        for role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.CheckStateRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        )
    )
    _FLAGS: ClassVar[dict[ColumnKind, Qt.ItemFlag]] = {
        kind: Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | (
            Qt.ItemFlag.ItemIsUserCheckable
            if kind is ColumnKind.CHECK
            else Qt.ItemFlag.ItemIsEditable
        )
        for kind in ColumnKind
    }

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._FLAGS[self.columns[index.column()].kind]

    def setData(  # noqa: N802
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.kind is ColumnKind.CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            path = self.path(index.row(), index.column())
            if self._stay is None:
                self.document.set(path, value, self.edit_text, merge=False)
            else:
                self.document.set_typed(path, value, self.edit_text, self._stay)
        except ValueError as exc:  # pydantic's ValidationError and EditError are ValueErrors
            self.on_error(error_text(exc))
            return False
        return True

    def enter(self, index: ModelIndex, value: Any, stay: object, *, quiet: bool) -> bool:
        """`setData`, as one undo step with every other value entered for `stay` (one stay in
        a cell's editor: its pauses in typing and its saving). `quiet`: a value the meeting
        refuses is not said (the clerk may be half-way through typing it)."""
        said = self.on_error
        self._stay = stay
        if quiet:
            self.on_error = _say_nothing  # a subclass's setData may refuse a value itself
        try:
            return self.setData(index, value, Qt.ItemDataRole.EditRole)
        finally:
            self._stay = None
            self.on_error = said


def _say_nothing(_text: str) -> None:
    pass


# --- editors -------------------------------------------------------------------------------------


class ChoiceEditor(QComboBox):
    """A drop-down editor for a cell.

    Typing finds a choice by the start of its label ("co" finds "Co-opted member"), spaces
    included, or with `any_word` by the start of any word in it, so "moore" finds "Councillor
    Moore" and "156" finds "156. Questions, ..." (Qt's own search forgets what was typed, and a
    space opens the list). Typed text that matches no choice is refused: a beep, a red frame,
    `refused` with the text, and the choice goes back to what it was before the typing, so a
    surname typed into Role never silently picks a role. It says when the clerk picked from its
    list, so that choice is committed at once; arrow keys only move through the choices."""

    chosen = Signal()
    refused = Signal(str)
    """Typed text that matches no choice."""

    def __init__(self, parent: QWidget | None = None, *, any_word: bool = True) -> None:
        super().__init__(parent)
        self.any_word = any_word
        self._typed = ""
        self._typed_at = 0.0
        self._before = -1
        self.refused_text = ""
        """What was typed and refused ("" when the last typing matched)."""

    def hidePopup(self) -> None:  # noqa: N802 - Qt's name
        was_open = self.view().isVisible()
        super().hidePopup()
        if was_open:
            # Qt hides the list first and sets the choice after: report it once that is done.
            QTimer.singleShot(0, self, self.chosen.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        now = time.monotonic()
        if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        if plain and text and text.isprintable() and not (text == " " and not self._typed):
            if not self._typed:
                self._before = self.currentIndex()
            self._typed += text
            self._typed_at = now
            found = self.find_choice(self._typed)
            if found >= 0:
                self.setCurrentIndex(found)
                self._flag("")
            else:
                self.setCurrentIndex(self._before)
                self._flag(self._typed)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self.refused_text:
            # taking back what was refused: the choice is as it was
            self._typed = ""
            self._flag("")
            event.accept()
            return
        super().keyPressEvent(event)

    def _flag(self, refused: str) -> None:
        if refused and not self.refused_text:
            QApplication.beep()
        self.refused_text = refused
        self.setProperty("refused", bool(refused))
        if refused:
            self.setStyleSheet("ChoiceEditor { border: 2px solid #c0001a; }")
            self.setToolTip(f"Nothing here starts with \u201c{refused}\u201d: kept as it was")
            self.refused.emit(refused)
        else:
            self.setStyleSheet("")
            self.setToolTip("")

    def find_choice(self, typed: str) -> int:
        """The choice whose label, or a word of it, starts with `typed` (ignoring case); the
        same letter again moves on to the next such choice. -1 if none."""
        needle = typed.casefold()
        labels = [" " + self.itemText(n).casefold() for n in range(self.count())]

        def matches(label: str, text: str) -> bool:
            return (" " + text in label) if self.any_word else label.startswith(" " + text)

        starts = [n for n, label in enumerate(labels) if label.startswith(" " + needle)]
        words = [n for n, label in enumerate(labels) if matches(label, needle)]
        if not (starts or words) and len(needle) > 1 and len(set(needle)) == 1:
            # "mm": the next one with an m
            order = [*range(self.currentIndex() + 1, self.count()), *range(self.count())]
            return next((n for n in order if matches(labels[n], needle[0])), -1)
        return (starts or words or [-1])[0]


_NOTHING = object()
"""`_Stay.shown` before the editor showed a value; `_Stay.before` when nothing is entered."""
_STAYS = itertools.count()


class _Stay:
    """One open editor of a cell typed into (a line, several lines, a time): what it has
    entered, so that pauses enter the typing without the model's redraws touching it."""

    def __init__(self, editor: QWidget, index: ModelIndex) -> None:
        self.index = QPersistentModelIndex(index)
        self.key = ("cell", next(_STAYS))
        """The merge key of its undo step (`TypingStep`, services/document.py)."""
        self.pause = QTimer(editor)
        self.pause.setSingleShot(True)
        self.pause.setInterval(value_fields.TYPING_PAUSE_MS)  # read now: a test may change it
        self.shown: Any = _NOTHING
        """The model's value the editor's text stands for (as shown, or as typed and entered)."""
        self.before: Any = _NOTHING
        """The model's value before the stay's first entry: what Escape puts back."""
        self.loading = False
        self.entering = False


class RecordDelegate(QStyledItemDelegate):
    refused = Signal(str, str)
    """A drop-down refused typed text: (the column's header, the text)."""

    def __init__(self, model: RecordModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._stays: dict[QWidget, _Stay] = {}
        self.cell_spelling: CellPainter | None = None
        """Set by the window's spelling: draws the red wavy underlines of a cell's misspelt
        words over what the delegate painted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().paint(painter, option, index)
        if self.cell_spelling is not None:
            self.cell_spelling(self, painter, option, index)

    def index_of(self, editor: QWidget) -> QModelIndex | None:
        """The cell an open editor edits (None if it is not one of this delegate's)."""
        stay = self._stays.get(editor)
        if stay is None or not stay.index.isValid():
            return None
        return self.model.index(stay.index.row(), stay.index.column())

    def _column(self, index: ModelIndex) -> Column:
        return self.model.columns[index.column()]

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        column = self._column(index)
        editor: QWidget
        if column.kind is ColumnKind.CHOICE and column.choices is not None:
            combo = ChoiceEditor(parent, any_word=column.any_word)
            combo.refused.connect(lambda text: self.refused.emit(column.header, text))
            for label, value in column.choices(self.model.document.meeting):
                combo.addItem(label, value)
            # The list may be wider than the cell: never cut the labels short.
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            combo.chosen.connect(lambda: self._finish(combo))
            editor = combo
        elif column.kind is ColumnKind.TEXT:
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setToolTip("Enter saves; Shift+Enter starts a new line")
            stay = self._stay(text, index)
            text.textChanged.connect(lambda: None if stay.loading else stay.pause.start())
            editor = text
        else:
            line = QLineEdit(parent)
            line.setFrame(False)
            if column.kind is ColumnKind.TIME:
                line.setValidator(
                    QRegularExpressionValidator(QRegularExpression(TIME_CHARACTERS), line)
                )
                line.setPlaceholderText("HH:MM")
                line.setToolTip(f"A time: {TIME_HINT}; leave it empty if not recorded")
            elif column.kind is ColumnKind.DATE:
                line.setPlaceholderText("dd/mm/yyyy")
                line.setToolTip(f"A date: {DATE_HINT}; leave it empty if not given")
            stay = self._stay(line, index)
            line.textEdited.connect(lambda _text: stay.pause.start())
            editor = line
        editor.setAccessibleName(column.header)
        return editor

    def _stay(self, editor: QWidget, index: ModelIndex) -> _Stay:
        stay = _Stay(editor, index)
        self._stays[editor] = stay
        stay.pause.timeout.connect(lambda: self.enter_typed(editor))
        return stay

    def enter_typed(self, editor: QWidget) -> None:
        """Enter what is typed in the editor, leaving it open and its text as typed; quietly:
        a time that cannot be read yet ("17:") waits, and so does a value the meeting refuses."""
        stay = self._stays.get(editor)
        if stay is None or not stay.index.isValid():
            return
        stay.pause.stop()
        index = self.model.index(stay.index.row(), stay.index.column())
        try:
            value = self._typed(editor, index)
        except ValueError:
            return  # said when the editor is closed
        self._enter(stay, index, value, quiet=True)

    def _typed(self, editor: QWidget, index: ModelIndex) -> Any:
        """The value typed in a line or several lines; ValueError for a time it cannot read."""
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        if self._column(index).kind is ColumnKind.TIME:
            return parse_time(editor.text())
        if self._column(index).kind is ColumnKind.DATE:
            return parse_date(editor.text())
        return editor.text()

    def _enter(self, stay: _Stay, index: ModelIndex, value: Any, *, quiet: bool) -> bool:
        held = self.model.value(index)
        stay.entering = True  # the model's redraw of the cell leaves the editor alone
        try:
            entered = self.model.enter(index, value, stay.key, quiet=quiet)
        finally:
            stay.entering = False
        now = self.model.value(index)
        if now != held and stay.before is _NOTHING:
            stay.before = held
        stay.shown = now
        return entered

    def take_back(self, editor: QWidget) -> None:
        """Escape: the cell as it was before this stay entered anything (no undo step left)."""
        stay = self._stays.get(editor)
        if stay is None:
            return
        stay.pause.stop()
        if stay.before is not _NOTHING and stay.index.isValid():
            index = self.model.index(stay.index.row(), stay.index.column())
            self._enter(stay, index, stay.before, quiet=True)
        stay.before = _NOTHING

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        stay = self._stays.pop(editor, None)
        if stay is not None:
            stay.pause.stop()
        super().destroyEditor(editor, index)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        value = self.model.value(index)
        stay = self._stays.get(editor)
        if stay is not None:
            # Qt asks again at every redraw of the cell (each edit of the record, each change
            # of a name anywhere): text already standing for the model's value, and typing
            # not entered yet, stay as they are, cursor and all. A value changed elsewhere (the
            # meeting's undo) is shown, and Escape has nothing of this stay to put back.
            if stay.entering or (stay.shown is not _NOTHING and value == stay.shown):
                return
            if stay.shown is not _NOTHING:
                stay.pause.stop()
                stay.before = _NOTHING
            stay.shown = value
            stay.loading = True
        try:
            self._show(editor, index, value)
        finally:
            if stay is not None:
                stay.loading = False

    def _show(self, editor: QWidget, index: ModelIndex, value: Any) -> None:
        if isinstance(editor, QComboBox):
            match = next((n for n in range(editor.count()) if editor.itemData(n) == value), -1)
            editor.setCurrentIndex(match)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
        elif isinstance(editor, QLineEdit):
            if self._column(index).kind is ColumnKind.TIME:
                editor.setText(format_time(value))
            elif self._column(index).kind is ColumnKind.DATE:
                editor.setText(format_date(value))
            else:
                editor.setText("" if value is None else str(value))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex
    ) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            if editor.currentIndex() < 0:
                return
            value = editor.itemData(editor.currentIndex())
        elif isinstance(editor, QPlainTextEdit):
            value = editor.toPlainText()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
            kind = self._column(index).kind
            if kind in (ColumnKind.TIME, ColumnKind.DATE):
                try:
                    value = parse_time(value) if kind is ColumnKind.TIME else parse_date(value)
                except ValueError as exc:
                    self.take_back(editor)  # as before pauses entered any: the cell as it was
                    self.model.on_error(str(exc))
                    return
        else:
            return
        stay = self._stays.get(editor)
        if stay is None:
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        else:  # one undo step with what its pauses entered
            stay.pause.stop()
            if not self._enter(stay, index, value, quiet=False):
                self.take_back(editor)  # refused, and said: the cell as it was

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 8)  # wrapped text needs air above and below
        return size

    def updateEditorGeometry(  # noqa: N802
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QPlainTextEdit):
            # Room for a few lines, over the rows below if need be.
            lines = editor.fontMetrics().lineSpacing() * 4 + 12
            rect = option.rect
            editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), lines))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._finish(watched)
            return True
        return super().eventFilter(watched, event)


# --- the view ------------------------------------------------------------------------------------


class RecordTable(QTableView):
    """A keyboard-friendly table over a `RecordModel`. It keeps the current cell on the same
    record when rows come and go (undo, moves), and fits its columns to the room it has.

    Tab or Shift+Tab in a cell's editor saves it and moves to the next or previous cell, which
    is then selected but not edited until the clerk types (as in a word processor's table)."""

    refused = Signal(str, str)
    """A drop-down cell refused typed text: (the column's header, the text)."""

    def __init__(
        self,
        model: RecordModel,
        name: str,
        accessible: str,
        description: str,
        parent: QWidget | None = None,
        *,
        wrap: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(description)
        self.setModel(model)
        self.record_model = model
        delegate = RecordDelegate(model, self)
        delegate.refused.connect(self.refused)
        self.setItemDelegate(delegate)
        self.record_delegate = delegate
        trigger = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            trigger.DoubleClicked
            | trigger.EditKeyPressed
            | trigger.AnyKeyPressed
            | trigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(wrap)
        self.wrap = wrap
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self._remembered: tuple[str | None, int, int] = (None, -1, 0)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        if wrap:
            model.dataChanged.connect(self._fit_changed_rows)
            header.sectionResized.connect(self._fit_rows)
        self.fit_columns()

    def add_key(
        self, name: str, text: str, key: QKeySequence | str, slot: Callable[[], Any]
    ) -> QAction:
        """A key that works while the table (not one of its editors) has the focus."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def closeEditor(  # noqa: N802 - Qt's name
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        # Qt would open the next cell's editor after Tab: then Insert, Home and the next
        # person's name would be typed into it. Move to the next cell, and leave it unedited.
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:  # Escape
            self.record_delegate.take_back(editor)
        step = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: True,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: False,
        }.get(hint)
        if step is None:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.focusNextPrevChild(step)

    def editing(self) -> bool:
        """Whether a cell's editor is open."""
        return self.state() == QAbstractItemView.State.EditingState

    def commit_editing(self) -> None:
        """Save what is typed in the open cell editor, if any, and close it."""
        index = self.currentIndex()
        editor = self.indexWidget(index) if index.isValid() else None
        if editor is None or not self.editing():
            return
        self.commitData(editor)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        # Tab moves from cell to cell, but Qt's table would wrap round at the end and trap the
        # keyboard: from the last cell (or Shift+Tab from the first) Tab leaves the table.
        index = self.currentIndex()
        rows, columns = self.record_model.rowCount(), self.record_model.columnCount()
        at_edge = (
            not index.isValid()
            or (forward and (index.row(), index.column()) == (rows - 1, columns - 1))
            or (not forward and (index.row(), index.column()) == (0, 0))
        )
        if at_edge and self.state() != QAbstractItemView.State.EditingState:
            return QWidget.focusNextPrevChild(self, forward)
        return super().focusNextPrevChild(forward)

    # --- where the clerk is ----------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_rows(self) -> list[int]:
        """Rows with a selected cell, or the current row; in order."""
        rows = {index.row() for index in self.selectionModel().selectedIndexes()}
        if not rows and self.current_row() >= 0:
            rows = {self.current_row()}
        return sorted(rows)

    def go_to(self, row: int, column: int, *, edit: bool = False) -> None:
        index = self.record_model.index(row, column)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit:
            self.edit(index)

    def _remember_current(self) -> None:
        # Called before the reset: `shown_ids` are still the rows the view shows.
        index = self.currentIndex()
        ids = self.record_model.shown_ids
        record_id = ids[index.row()] if index.isValid() and index.row() < len(ids) else None
        self._remembered = (record_id, index.row(), max(index.column(), 0))

    def _restore_current(self) -> None:
        ids = self.record_model.shown_ids
        record_id, row, column = self._remembered
        if record_id in ids:
            row = ids.index(record_id)
        row = min(row, len(ids) - 1)
        if row >= 0:
            self.selectionModel().setCurrentIndex(
                self.record_model.index(row, column),
                self.selectionModel().SelectionFlag.ClearAndSelect,
            )
        self.fit_columns()
        if self.wrap:
            self._fit_rows()

    # --- sizes -----------------------------------------------------------------------------------

    def _fit_rows(self, *_args: object) -> None:
        # Every edit anywhere in the meeting redraws the table: measure rows only when seen.
        if self.isVisible():
            self.resizeRowsToContents()

    def _fit_changed_rows(
        self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object
    ) -> None:
        if not self.isVisible():
            return
        if top_left.row() == 0 and bottom_right.row() == self.record_model.rowCount() - 1:
            self.resizeRowsToContents()
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            self.resizeRowToContents(row)

    PADDING = 10
    """Room either side of a cell's text."""

    def _texts(self, number: int) -> list[str]:
        column = self.record_model.columns[number]
        texts = [self.record_model.display(self.record_model.index(row, number))
                 for row in range(self.record_model.rowCount())]  # fmt: skip
        if column.kind is ColumnKind.CHOICE and column.choices is not None:
            choices = column.brief or column.choices
            texts += [label for label, _ in choices(self.record_model.document.meeting)]
        return texts

    def header_width(self, number: int) -> int:
        """The room the column's header needs (a header of several words on two lines)."""
        metrics = self.fontMetrics()
        lines = self.record_model.columns[number].heading.split("\n")
        return max(metrics.horizontalAdvance(line) for line in lines) + 12

    def column_width(self, number: int) -> int:
        """Wide enough for the header and for what the column holds (its longest value, and
        for a drop-down its longest choice), but no wider than the column's `width` allows."""
        column = self.record_model.columns[number]
        metrics = self.fontMetrics()
        texts = self._texts(number)
        if column.kind is ColumnKind.CHECK:
            texts = ["xx"]  # the box
        if column.kind is ColumnKind.DATE:
            texts = [*texts, "00/00/0000"]
        content = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        most = metrics.averageCharWidth() * column.width
        if column.kind is ColumnKind.DATE:
            most = content  # a date is never cut short (figures are wider than most letters)
        return max(self.header_width(number), min(content, most) + self.PADDING)

    def least_width(self, number: int) -> int:
        """How narrow a stretching column of a table that wraps its text may become: its
        header, and its longest word."""
        metrics = self.fontMetrics()
        words = [word for text in self._texts(number) for word in text.split()]
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        most = metrics.averageCharWidth() * self.record_model.columns[number].width
        return max(self.header_width(number), min(longest, most) + self.PADDING)

    def fit_columns(self) -> None:
        """Every column at its fitting width; stretching columns share what room is left, and
        when there is too little, in a table that wraps its text, give up room down to their
        longest word (their text goes onto more lines); past that the table scrolls sideways."""
        columns = self.record_model.columns
        widths = [self.column_width(n) for n in range(len(columns))]
        stretching = [n for n, c in enumerate(columns) if c.stretch]
        spare = self.viewport().width() - sum(widths)
        if spare > 0 and stretching:
            share = spare // len(stretching)
            for n in stretching:
                widths[n] += share
        elif spare < 0 and self.wrap and stretching:
            least = {n: self.least_width(n) for n in stretching}
            give = {n: max(widths[n] - least[n], 0) for n in stretching}
            total = sum(give.values())
            if total:
                taken = min(-spare, total)
                for n in stretching:
                    widths[n] -= taken * give[n] // total
        for n, width in enumerate(widths):
            self.setColumnWidth(n, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit_columns()
        if self.wrap:
            self._fit_rows()
