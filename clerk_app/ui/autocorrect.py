"""Typing like Word in every field of prose: " - " becomes an en dash, straight quotes the
house style's quotes, two spaces one (`clerk_app.domain.autocorrect`).

Each field of the main window's forms is watched (`watch_text_widgets`); a key that can start a
correction (a space or a quote) is handed to the field first, as if unwatched, and the correction
is then made through the field, so that its form sends it to the meeting as it sends typing. The
correction is an undo step of its own (the step before it and the correction itself are closed,
`MeetingDocument.close_step`): Ctrl+Z straight after it gives back what was typed, as Word does,
and a second Ctrl+Z the typing. Every other key passes untouched, so typing costs nothing more.

Code-like fields (minute numbers and prefixes, labels, references, file names) and fields outside
a form are left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from clerk_app.domain.autocorrect import Correction, correct
from clerk_app.domain.house_style import DEFAULT_STYLE, TypingRules
from clerk_app.render.styles import StyleFolder
from clerk_app.ui.body_editor import code_point_index, utf16_length
from clerk_app.ui.tables import ColumnKind, RecordDelegate, RecordTable
from clerk_app.ui.text_widgets import TextWidget, document_of, watch_text_widgets

TRIGGERS = frozenset(" '\"")
CODE_NAMES = ("Prefix", "Label", "Reference", "Number", "FileName")
"""Parts of the objectNames of code-like fields, which are never corrected."""


def is_code_field(widget: QWidget) -> bool:
    """A field of numbers, labels, references, dates or times: a code field of a form (by its
    objectName), or the editor of a table's date or time cell."""
    name = widget.objectName()
    if any(part in name for part in CODE_NAMES):
        return True
    cell = cell_delegate(widget)
    index = cell.index_of(widget) if cell is not None else None
    if cell is None or index is None:
        return False
    return cell.model.columns[index.column()].kind in (ColumnKind.DATE, ColumnKind.TIME)


def cell_delegate(widget: QWidget) -> RecordDelegate | None:
    """The delegate of the table cell `widget` edits (its editors are children of the table's
    viewport); None for a field of a form."""
    viewport = widget.parentWidget()
    table = viewport.parentWidget() if viewport is not None else None
    if not isinstance(table, RecordTable):
        return None
    delegate = table.record_delegate
    return delegate if delegate.index_of(widget) is not None else None


class Autocorrect(QObject):
    """Watches the text fields under `root`; `styles` gives the open meeting's house style."""

    def __init__(self, root: QWidget, styles: Callable[[], dict[str, StyleFolder]]) -> None:
        super().__init__(root)
        self.styles = styles
        self.watcher = watch_text_widgets(root, self._attach)

    def _attach(self, widget: TextWidget) -> None:
        if not is_code_field(widget):
            widget.installEventFilter(self)

    def rules(self, widget: QWidget) -> TypingRules | None:
        document = document_of(widget)
        if document is None:
            return None
        folder = self.styles().get(document.meeting.house_style)
        return (folder.style if folder else DEFAULT_STYLE).typing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.text() not in TRIGGERS
            or not event.text()
            or not isinstance(watched, QLineEdit | QPlainTextEdit)
        ):
            return False
        rules = self.rules(watched)
        if rules is None:
            return False
        if event.text() == " ":
            # A space: the dash before it is corrected first and the space typed after it (a
            # space at the end of the minute text is not kept by the model, so a correction
            # after it would lose it); a second space is not typed at all.
            correction = self._correction(watched, rules, " ")
            if correction is not None and correction.text == " ":
                return True
            if correction is not None:
                self._apply(watched, correction)
            watched.keyPressEvent(event)
            return True
        watched.keyPressEvent(event)  # a quote: typed first, so that Ctrl+Z gives it back
        correction = self._correction(watched, rules, "")
        if correction is not None:
            self._apply(watched, correction)
        return True

    def _before(self, widget: TextWidget) -> str | None:
        """The line up to the cursor; None while text is selected (typing replaces it)."""
        if isinstance(widget, QLineEdit):
            if widget.hasSelectedText():
                return None
            return widget.text()[: widget.cursorPosition()]
        cursor = widget.textCursor()
        if cursor.hasSelection():
            return None
        line = cursor.block().text()  # Qt counts in UTF-16 units, Python in characters
        return line[: code_point_index(line, cursor.positionInBlock())]

    def _correction(self, widget: TextWidget, rules: TypingRules, typed: str) -> Correction | None:
        before = self._before(widget)
        if before is None:
            return None
        return correct(before + typed, rules)

    def _apply(self, widget: TextWidget, correction: Correction) -> None:
        """Make the correction through the field, as an undo step of its own."""
        document = document_of(widget)
        before = self._before(widget)
        if document is None or before is None:
            return
        end = min(correction.end, len(before))
        # A table cell's editor enters its typing after a pause: the typing before the
        # correction is entered now, as its step, and the correction at once, as its own.
        cell = cell_delegate(widget)
        if cell is not None:
            cell.enter_typed(widget)
        document.close_step()
        if isinstance(widget, QLineEdit):
            rest = len(before) - end
            widget.setSelection(correction.start, end - correction.start)
            widget.insert(correction.text)
            widget.setCursorPosition(widget.cursorPosition() + rest)
            widget.textEdited.emit(widget.text())  # as typing reaches the form
        else:
            cursor = widget.textCursor()
            keep = cursor.position()
            start = cursor.block().position()
            cursor.setPosition(start + utf16_length(before[: correction.start]))
            cursor.setPosition(start + utf16_length(before[:end]), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(correction.text)
            cursor.setPosition(
                keep + utf16_length(correction.text) - utf16_length(before[correction.start : end])
            )
            widget.setTextCursor(cursor)
        if cell is not None:
            cell.enter_typed(widget)
        document.close_step()
