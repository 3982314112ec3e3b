"""The minute-text editor: an item's body as markup (see `clerk_app.domain.bodytext`), typed the
way a clerk types in Word.

Keys (what `BodyEditor` adds to a plain text editor):

- Tab / Shift+Tab indent and outdent the current line, or every selected line, by four spaces
  (nesting a list entry under the one above); numbered entries are renumbered to fit;
- Ctrl+Tab / Ctrl+Shift+Tab move the focus on and back (Tab itself nests);
- Enter on a ``- `` or ``1.`` line starts the next entry (same indentation, next number; the text
  after the cursor moves with it, and the entries below are renumbered); Enter on an empty entry
  ends the list (an empty nested entry goes back one level instead); Shift+Enter is a plain new
  line;
- Backspace straight after an entry's marker and its space removes the marker;
- Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) are the meeting's undo and redo when the editor is given
  the document's undo stack, so undo in the text and undo in the menu are the same thing;
- text pasted from Word keeps its bullets ("•", "·" and Symbol-font bullets followed by a tab
  become ``- ``) and its leading tabs become indentation.

`MarkupHighlighter` shows the markup: bullets and numbers (figures, letters, roman numerals),
lead-ins ending in ":", resolution words, headings (``## text``), attachments and the
placeholders of public questions, tables and notices of motion each in their own format, and
nesting as tinted steps of indentation. It takes what a line is from the markup grammar
(`LineGrammar.read`); a kind of line it has no format for is shown plain.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QUndoStack,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from clerk_app.domain.markup import (
    DEFAULT_WORD,
    INDENT,
    LineGrammar,
    LineKind,
    MarkupLine,
    clean_paste,
    continued_indent,
    end_entry,
    grammar,
    indent_of,
    next_entry,
    renumbered,
    shifted,
    unmarked,
)
from clerk_app.domain.spelling import Word

__all__ = [  # with the markup's names the forms and tests take from here
    "MARKUP_HELP",
    "BodyEditor",
    "ListLine",
    "MarkupHighlighter",
    "clean_paste",
    "code_point_index",
    "common_prefix",
    "common_suffix",
    "indent_of",
    "list_line",
    "renumbered",
    "utf16_length",
]

MARKUP_HELP = "  ·  ".join(
    phrase.replace(" ", "\u00a0")  # lines wrap between the phrases, never inside one
    for phrase in (
        "- bullet",
        "1. numbered",
        "Tab nests, Shift+Tab un-nests",
        "{word}: resolution",
        "## heading",
        "[attachment: name]",
        "blank line between paragraphs",
        "Ctrl+Tab: next field",
    )
)
"""The help line shown under a body editor; {word} is the house style's resolution word."""

# --- positions: Qt counts UTF-16 code units, Python counts code points --------------------------


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def code_point_index(text: str, units: int) -> int:
    """The index in `text` of the character at UTF-16 offset `units`."""
    if text.isascii():
        return min(units, len(text))
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def common_prefix(a: str, b: str) -> int:
    """Length of the common start of two strings (binary search: slices compare in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common end of two strings, at most `limit`."""
    low, high = 0, min(len(a), len(b), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


# --- lines of markup: every decision is the domain's markup grammar's ------------------------

ListLine = MarkupLine
"""A list entry's line (what `list_line` gives): its indentation, marker and number."""


def list_line(line: str, word: str = DEFAULT_WORD) -> MarkupLine | None:
    """`line` read by the markup grammar, if it is a list entry."""
    return grammar(word).entry(line)


# --- the editor ---------------------------------------------------------------------------------


class BodyEditor(QPlainTextEdit):
    """A plain-text editor for body markup, fast to type in (see the module's docstring)."""

    edited = Signal()
    """The clerk changed the text (once per keystroke or command, never for `replace_text` or
    `load_text`)."""
    line_changed = Signal(int)
    """The cursor moved to another line (its number, from 0)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        resolution_word: str = DEFAULT_WORD,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.word = resolution_word
        """The house style's resolution word: a line of it ("DETERMINED:") is a resolution."""
        if undo_stack is not None:
            # One undo history, the meeting's: the text's own would fight with it.
            self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkupHighlighter(self.document(), resolution_word)
        self._quiet = 0
        self._step_break = False
        self._line = 0
        self._fit: tuple[int, int] | None = None
        self.textChanged.connect(self._on_text_changed)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    def set_resolution_word(self, word: str) -> None:
        """Read the text as a house style with this resolution word does (the lines that are
        resolutions, and so where lists end, depend on it)."""
        if word != self.word:
            self.word = word
            # Redrawing the colours marks the text changed; it is not an edit (it would be read
            # back into the model, perhaps before the item's text is loaded).
            self._quiet += 1
            try:
                self.highlighter.set_resolution_word(word)
            finally:
                self._quiet -= 1

    # --- what the form reads -----------------------------------------------------------------

    def markup_text(self) -> str:
        """The text exactly as typed (non-breaking spaces kept), one "\\n" per line."""
        raw = self.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def take_step_break(self) -> bool:
        """Whether the last edit should start a new undo step (a new line, nesting, a paste);
        reading it clears it."""
        result, self._step_break = self._step_break, False
        return result

    def current_line(self) -> int:
        return self.textCursor().blockNumber()

    # --- what the form writes ----------------------------------------------------------------

    def replace_text(self, text: str) -> None:
        """Show `text`, changing only the part that differs, so that the cursor, the selection
        and the scroll position stay where they were as far as possible. Not an edit: `edited`
        is not emitted."""
        old = self.markup_text()
        if old == text:
            return
        prefix = common_prefix(old, text)
        suffix = common_suffix(old, text, min(len(old), len(text)) - prefix)
        start = utf16_length(old[:prefix])
        end = start + utf16_length(old[prefix : len(old) - suffix])
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._quiet += 1
        try:
            cursor.insertText(text[prefix : len(text) - suffix])
        finally:
            self._quiet -= 1
        self._on_cursor_moved()

    def load_text(self, text: str) -> None:
        """Show `text` afresh (another item): the cursor goes to the start. Not an edit."""
        self._quiet += 1
        try:
            self.setPlainText(text)
        finally:
            self._quiet -= 1
        self._step_break = False
        self._line = -1
        self._on_cursor_moved()

    def go_to_line(self, line: int, column: int = 0) -> None:
        block = self.document().findBlockByNumber(max(0, min(line, self.blockCount() - 1)))
        cursor = QTextCursor(block)
        text = block.text()
        cursor.setPosition(block.position() + utf16_length(text[: min(column, len(text))]))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def fit_to_contents(self, min_lines: int, max_lines: int) -> None:
        """Grow and shrink with the text, between these numbers of lines (for small editors in
        a scrolling panel, where a second scroll bar would be in the way)."""
        self._fit = (min_lines, max_lines)
        self._fit_height()

    # --- signals ---------------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if self._fit is not None:
            self._fit_height()
        if not self._quiet:
            self.edited.emit()

    def _on_cursor_moved(self) -> None:
        line = self.textCursor().blockNumber()
        if line != self._line:
            self._line = line
            self.line_changed.emit(line)

    # --- keys ------------------------------------------------------------------------------------

    def _is_undo(self, event: QKeyEvent) -> bool:
        return self.undo_stack is not None and event.matches(QKeySequence.StandardKey.Undo)

    def _is_redo(self, event: QKeyEvent) -> bool:
        if self.undo_stack is None:
            return False
        ctrl_y = event.key() == Qt.Key.Key_Y and event.modifiers() == (
            Qt.KeyboardModifier.ControlModifier
        )
        return ctrl_y or event.matches(QKeySequence.StandardKey.Redo)

    def event(self, event: QEvent) -> bool:
        # Claim the keys this editor handles before window shortcuts can take them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (self._is_undo(event) or self._is_redo(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if self._is_undo(event):
            assert self.undo_stack is not None
            self.undo_stack.undo()
        elif self._is_redo(event):
            assert self.undo_stack is not None
            self.undo_stack.redo()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and ctrl:
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab and not shift)
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift and not alt):
            self.outdent_lines()
        elif key == Qt.Key.Key_Tab and not alt:
            self.indent_lines()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (ctrl or alt):
            if shift:
                self._step_break = True
                self.textCursor().insertText("\n")
                self.ensureCursorVisible()
            else:
                self.new_line()
        elif not (key == Qt.Key.Key_Backspace and not (ctrl or alt or shift) and self._unmark()):
            super().keyPressEvent(event)
            return
        event.accept()

    # --- editing commands ------------------------------------------------------------------------

    def _lines(self) -> list[str]:
        return self.markup_text().split("\n")

    def _selected_lines(self) -> tuple[int, int]:
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber()
        last_block = document.findBlock(cursor.selectionEnd())
        last = last_block.blockNumber()
        if (
            cursor.hasSelection()
            and last > first
            and cursor.selectionEnd() == last_block.position()
        ):
            last -= 1  # a selection ending at the start of a line does not take that line
        return first, last

    def _apply(self, changes: dict[int, str]) -> None:
        """Replace whole lines (by number) in one edit, keeping the cursor in its place."""
        if not changes:
            return
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for number, text in sorted(changes.items()):
            block = document.findBlockByNumber(number)
            old = block.text()
            # Change only what differs, so the clerk's cursor stays with its text.
            prefix = common_prefix(old, text)
            suffix = common_suffix(old, text, min(len(old), len(text)) - prefix)
            start = block.position() + utf16_length(old[:prefix])
            cursor.setPosition(start)
            cursor.setPosition(
                start + utf16_length(old[prefix : len(old) - suffix]),
                QTextCursor.MoveMode.KeepAnchor,
            )
            cursor.insertText(text[prefix : len(text) - suffix])
        cursor.endEditBlock()

    def _batch(self, changes: dict[int, str]) -> None:
        """Apply line changes as one edit: one `edited` signal, one undo step of its own."""
        if not changes:
            return
        self._quiet += 1
        try:
            self._apply(changes)
        finally:
            self._quiet -= 1
        self._step_break = True
        self.edited.emit()

    def indent_lines(self) -> None:
        """Nest the current line (or the selected lines) one level deeper."""
        self._shift_lines(+1)

    def outdent_lines(self) -> None:
        """Take the current line (or the selected lines) one level out."""
        self._shift_lines(-1)

    def _shift_lines(self, step: int) -> None:
        first, last = self._selected_lines()
        self._batch(shifted(self._lines(), first, last, step, self.word))

    def new_line(self) -> None:
        """Enter: a new line that continues a list, or ends it if the entry is empty."""
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        column = code_point_index(text, cursor.positionInBlock())
        line = block.blockNumber()
        self._step_break = True
        found = list_line(text, self.word)
        split = None if cursor.hasSelection() else next_entry(text, column, self.word)
        on_empty_entry = found is not None and column >= found.marker_end and not found.text
        if on_empty_entry and not cursor.hasSelection():
            self._end_entry(self._lines(), line)
            return
        if split is None:
            cursor.insertText("\n" + continued_indent(text, column))
            self.ensureCursorVisible()
            return
        lines = self._lines()
        lines[line : line + 1] = [split.kept, split.new]
        self._quiet += 1
        try:
            cursor.beginEditBlock()
            cursor.setPosition(block.position() + utf16_length(split.kept))
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText("\n" + split.new)
            cursor.endEditBlock()
            if split.numbered:
                self._apply(renumbered(lines, line + 1, word=self.word))
        finally:
            self._quiet -= 1
        entry = list_line(self.document().findBlockByNumber(line + 1).text(), self.word)
        self.go_to_line(line + 1, entry.marker_end if entry else 0)
        self.edited.emit()

    def _end_entry(self, lines: list[str], line: int) -> None:
        """Enter on an empty entry: a nested one goes back a level, a top one ends the list."""
        changes = end_entry(lines, line, self.word)
        if changes is not None:
            self._batch(changes)
            self.go_to_line(line, len(changes[line]))
            return
        # The line becomes the blank line that ends the list; typing goes on below it.
        block = self.document().findBlockByNumber(line)
        self._quiet += 1
        try:
            cursor = QTextCursor(block)
            cursor.beginEditBlock()
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText("\n")
            cursor.endEditBlock()
        finally:
            self._quiet -= 1
        self.go_to_line(line + 1)
        self.edited.emit()

    def _unmark(self) -> bool:
        """Backspace straight after an entry's marker and its space: the marker goes (True if
        it did)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        text = cursor.block().text()
        result = unmarked(text, code_point_index(text, cursor.positionInBlock()), self.word)
        if result is None:
            return False
        line = cursor.blockNumber()
        self._batch({line: result[0]})
        self.go_to_line(line, result[1])
        return True

    # --- paste -----------------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        self._step_break = True
        if source.hasText():
            self.textCursor().insertText(clean_paste(source.text()))
            self.ensureCursorVisible()
        else:
            super().insertFromMimeData(source)

    # --- size ------------------------------------------------------------------------------------

    def _fit_height(self) -> None:
        assert self._fit is not None
        low, high = self._fit
        metrics = self.fontMetrics()
        margin = self.document().documentMargin()
        width = max(1.0, self.viewport().width() - 2 * margin - 4)
        lines = 0
        block = self.document().firstBlock()
        while block.isValid():
            advance = metrics.horizontalAdvance(block.text())
            # Word wrap breaks between words, so a wrapped line holds a little less.
            lines += max(1, math.ceil(advance * 1.08 / width))
            block = block.next()
        lines = max(low, min(high, lines))
        height = math.ceil(lines * metrics.lineSpacing() + 2 * margin + 2 * self.frameWidth() + 2)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._fit is not None:
            self._fit_height()


# --- the highlighter --------------------------------------------------------------------------


def _format(
    colour: str,
    *,
    bold: bool = False,
    italic: bool = False,
    background: str | None = None,
    weight: QFont.Weight | None = None,
) -> QTextCharFormat:
    result = QTextCharFormat()
    result.setForeground(QColor(colour))
    if bold:
        result.setFontWeight(QFont.Weight.Bold)
    elif weight is not None:
        result.setFontWeight(weight)
    if italic:
        result.setFontItalic(True)
    if background is not None:
        result.setBackground(QColor(background))
    return result


class MarkupHighlighter(QSyntaxHighlighter):
    """Shows what each line of body markup will be, as the markup grammar reads it. Colours are
    dark on light tints, readable with either a light or a dark window theme, and never the only
    sign: markers and resolution words are also bold, attachments italic."""

    LEVEL_TINTS = ("#dfe9f7", "#e6dff5", "#dcefe4", "#f5ead9")
    """Backgrounds of the indentation, one per level of nesting, so that nesting shows."""

    def __init__(self, document: QTextDocument, resolution_word: str = DEFAULT_WORD) -> None:
        super().__init__(document)
        self.grammar = grammar(resolution_word)
        self.spelling: Callable[[str, LineGrammar], Sequence[Word]] | None = None
        """The misspelt words of one line (`Speller.misspelt_markup`), set by the window's
        spelling: they get a red wavy underline over the line's other formats."""
        self.misspelt = QTextCharFormat()
        self.misspelt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt.setUnderlineColor(QColor("#d00000"))
        self.bullet = _format("#0b4f9c", bold=True)
        self.number = _format("#005f61", bold=True)
        self.lead_in = _format("#3b3b7a", weight=QFont.Weight.DemiBold)
        self.resolution = _format("#8a0f26", bold=True, background="#fbe3e8")
        self.attachment = _format("#5b1f8a", italic=True, background="#f1e6fa")
        self.questions = _format("#7a4100", bold=True, background="#fde9cf")
        self.table = _format("#0a5a3c", bold=True, background="#dcf2e6")
        self.notice = _format("#5a3a00", bold=True, background="#f6ecc8")
        self.heading = _format("#1d2a5c", bold=True)
        self.heading.setFontUnderline(True)
        self.levels = [QTextCharFormat() for _ in self.LEVEL_TINTS]
        for level, tint in zip(self.levels, self.LEVEL_TINTS, strict=True):
            level.setBackground(QColor(tint))

    def set_resolution_word(self, word: str) -> None:
        self.grammar = grammar(word)
        self.rehighlight()

    def kind(self, text: str) -> LineKind:
        """What the highlighter shows `text` (one line) to be."""
        return self.grammar.read(text).kind

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        line = self.grammar.read(text)
        if line.kind == "blank":
            return
        leading = line.content_start
        # Nesting: each level of indentation a tinted step.
        column = 0
        level = 0
        while column < leading:
            width = 1 if text[column] == "\t" else min(len(INDENT), leading - column)
            start = utf16_length(text[:column])
            self.setFormat(start, width, self.levels[level % len(self.levels)])
            column += width
            level += 1
        length = utf16_length(text)
        start = utf16_length(text[:leading])
        whole = {
            "resolution": self.resolution,
            "attachment": self.attachment,
            "questions": self.questions,
            "table": self.table,
            "notice": self.notice,
            "heading": self.heading,
        }
        shown = whole.get(str(line.kind))
        if shown is not None:
            self.setFormat(start, length - start, shown)
        elif line.is_entry:
            marker = utf16_length(text[leading : leading + line.marker_width])
            self.setFormat(start, marker, self.bullet if line.number is None else self.number)
        elif line.is_lead_in:
            self.setFormat(start, length - start, self.lead_in)
        if self.spelling is not None:
            self._underline(text, self.spelling(text, self.grammar))

    def _underline(self, text: str, misspelt: Sequence[Word]) -> None:
        """A red wavy underline under each misspelt word, over the formats already set."""
        for word in misspelt:
            start = utf16_length(text[: word.start])
            for unit in range(start, start + utf16_length(word.text)):
                shown = self.format(unit)
                shown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                shown.setUnderlineColor(self.misspelt.underlineColor())
                self.setFormat(unit, 1, shown)
