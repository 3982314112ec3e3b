"""Red wavy underlines under misspelt words, in each kind of field a form has.

- a `QPlainTextEdit`: a `QSyntaxHighlighter` (`TextHighlighter`), so that only the block typed
  in is checked again; the minute text's `BodyEditor` has its own highlighter for the markup,
  which takes the misspelt words of a line through its `spelling` hook
  (`Speller.misspelt_markup`, so markers and resolution words are not checked);
- a `QLineEdit`: it has no highlighter, but draws the formats an input method gives it, so
  `LineUnderliner` sends it an input method event with no text and a format for each misspelt
  word (positions counted from the cursor, as input methods count them), again each time its
  text changes;
- a table cell: `paint_cell` draws the underlines over what the cell's delegate painted,
  laying the text out as Qt's style does.

Which fields are checked: prose only. `kind_of` tells a field's kind from the path it is bound
to (`domain.fields`' kinds: a person's name, a minute number prefix, a report reference are
not prose), or from its object name where a panel binds it by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QPointF
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QPainter,
    QPainterPath,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from clerk_app.domain import edit, fields
from clerk_app.domain.fields import FieldKind
from clerk_app.domain.model import Meeting
from clerk_app.domain.spelling import Word
from clerk_app.ui.body_editor import utf16_length
from clerk_app.ui.forms.binding import Form
from clerk_app.ui.tables import ColumnKind, RecordDelegate, RecordTable

UNDERLINE_COLOUR = QColor("#d00000")

CODE_FIELDS = frozenset(
    {
        "minutePrefixEdit",
        "itemLabelEdit",
        "agendaNumberEdit",
        "reportReferenceEdit",
        "decisionNumberEdit",
        "sectionLabelEdit",
        "attachmentFileEdit",
    }
)
"""Fields of numbers, labels, references and file names, by object name: never checked."""
NAME_FIELDS = frozenset({"questionerEdit", "responderEdit", "noticeReplyByEdit"})
"""Fields of people's and organisations' names, by object name: not checked as prose."""

Check = Callable[[str], Sequence[Word]]
"""The misspelt words of one line of a field's text."""


def spell_format() -> QTextCharFormat:
    result = QTextCharFormat()
    result.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    result.setUnderlineColor(UNDERLINE_COLOUR)
    return result


# --- what kind of text a field holds -----------------------------------------------------------


def kind_at(meeting: Meeting, path: edit.Path) -> FieldKind:
    """The kind (`domain.fields`) of the text at `path`, empty or not: the kind of the model's
    field that holds it (a table cell's is its table's rows': prose)."""
    node: Any = meeting
    owner: type[BaseModel] | None = None
    name = ""
    for step in path:
        if isinstance(node, BaseModel) and isinstance(step, str):
            owner, name = type(node), step
            node = getattr(node, step, None)
        elif isinstance(node, tuple) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            break
    if owner is None or name not in owner.model_fields:
        return "prose"
    return fields._kind(owner, name)  # the same table `text_fields` reads


def table_of(widget: QWidget) -> RecordTable | None:
    """The table whose cell `widget` edits (its editors are children of its viewport)."""
    viewport = widget.parentWidget()
    table = viewport.parentWidget() if viewport is not None else None
    return table if isinstance(table, RecordTable) else None


def cell_index(widget: QWidget) -> tuple[RecordTable, QModelIndex] | None:
    table = table_of(widget)
    if table is None:
        return None
    index = table.record_delegate.index_of(widget)
    return None if index is None else (table, index)


def kind_of(widget: QWidget) -> FieldKind:
    """What a field holds: prose, a name or a code (see the module's docstring)."""
    name = widget.objectName()
    if name in CODE_FIELDS:
        return "code"
    if name in NAME_FIELDS:
        return "name"
    cell = cell_index(widget)
    if cell is not None:
        table, index = cell
        model = table.record_model
        return kind_at(model.document.meeting, model.path(index.row(), index.column()))
    node: QWidget | None = widget.parentWidget()
    while node is not None:
        if isinstance(node, Form):
            for binding in node.bindings:
                if binding.widget is widget:
                    path = binding.path()
                    if path is None:
                        return "prose"
                    return kind_at(node.document.meeting, (*path, *binding.sub_path))
        node = node.parentWidget()
    return "prose"


# --- plain text fields -------------------------------------------------------------------------


class TextHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a plain text field, block by block."""

    def __init__(self, document: QTextDocument, check: Check) -> None:
        super().__init__(document)
        self.check = check
        self.format_ = spell_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for word in self.check(text):
            start = utf16_length(text[: word.start])
            self.setFormat(start, utf16_length(word.text), self.format_)


# --- line edits --------------------------------------------------------------------------------


class LineUnderliner(QObject):
    """Underlines the misspelt words of a line edit, again whenever its text changes."""

    def __init__(self, edit: QLineEdit, check: Check) -> None:
        super().__init__(edit)
        self.edit = edit
        self.check = check
        self.format_ = spell_format()
        self.shown: list[tuple[int, int]] = []
        """The underlined ranges (UTF-16 start and length, as Qt counts)."""
        self.text: str | None = None
        """The text they were worked out for (a form sets a field's text with its signals
        blocked: `stale` tells, before the field paints)."""
        edit.textChanged.connect(self.underline)
        self.underline()

    @property
    def stale(self) -> bool:
        return self.text != self.edit.text()

    def ranges(self, text: str) -> list[tuple[int, int]]:
        return [
            (utf16_length(text[: word.start]), utf16_length(word.text)) for word in self.check(text)
        ]

    def underline(self, _text: str = "") -> None:
        edit = self.edit
        self.text = edit.text()
        ranges = self.ranges(self.text)
        if ranges == self.shown and not ranges:
            return  # nothing underlined before or now: no event at all (most fields)
        self.shown = ranges
        cursor = edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor, length, self.format_
            )
            for start, length in ranges
        ]
        # No text and no preedit: the line edit only takes the formats (no edit, no undo step).
        QCoreApplication.sendEvent(edit, QInputMethodEvent("", attributes))


# --- table cells -------------------------------------------------------------------------------


def wave(painter: QPainter, x1: float, x2: float, y: float) -> None:
    """A wavy line from x1 to x2 along y, as Qt draws a spelling underline."""
    if x2 - x1 < 1:
        return
    path = QPainterPath(QPointF(x1, y))
    step = 2.0
    up = True
    x = x1
    while x < x2:
        x = min(x + step, x2)
        path.lineTo(QPointF(x, y - 1.5 if up else y + 0.5))
        up = not up
    painter.strokePath(path, QPen(UNDERLINE_COLOUR, 1))


def paint_cell(
    delegate: RecordDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
    check: Check,
) -> None:
    """Underline the misspelt words of a cell of prose, where the style drew its text."""
    column = delegate.model.columns[index.column()]
    if column.kind not in (ColumnKind.LINE, ColumnKind.TEXT):
        return
    model = delegate.model
    meeting = model.document.meeting
    if kind_at(meeting, model.path(index.row(), index.column())) != "prose":
        return
    shown = QStyleOptionViewItem(option)
    delegate.initStyleOption(shown, index)
    text = shown.text
    if not text:
        return
    misspelt = _words(text, check)
    if not misspelt:
        return
    widget = shown.widget
    style = widget.style() if widget is not None else QApplication.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    rect = rect.adjusted(margin, 0, -margin, 0)
    # as QCommonStyle lays out an item view's text
    laid = text.replace("\n", "\u2028")
    layout = QTextLayout(laid, shown.font)
    text_option = QTextOption()
    wrap = bool(shown.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    text_option.setWrapMode(
        QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.ManualWrap
    )
    text_option.setTextDirection(shown.direction)
    text_option.setAlignment(QStyle.visualAlignment(shown.direction, shown.displayAlignment))
    layout.setTextOption(text_option)
    height = 0.0
    used = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
        used = max(used, line.naturalTextWidth())
    layout.endLayout()
    size = rect.size()
    size.setWidth(min(size.width(), math.ceil(used)))
    size.setHeight(min(size.height(), math.ceil(height)))
    origin = QStyle.alignedRect(shown.direction, shown.displayAlignment, size, rect).topLeft()
    painter.save()
    painter.setClipRect(rect)
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        top = origin.y() + line.y()
        if top > rect.bottom():
            break
        first, last = line.textStart(), line.textStart() + line.textLength()
        for start, length in misspelt:
            begin, end = max(start, first), min(start + length, last)
            if begin >= end:
                continue
            x1 = origin.x() + _x(line.cursorToX(begin))
            x2 = origin.x() + _x(line.cursorToX(end))
            wave(painter, x1, x2, top + line.ascent() + 2)
    painter.restore()


def _x(found: Any) -> float:
    """`QTextLine.cursorToX` gives the x alone or (x, position) by PySide's version."""
    return float(found[0] if isinstance(found, tuple) else found)


def _words(text: str, check: Check) -> list[tuple[int, int]]:
    """The misspelt words of a cell's text (its lines checked one by one), as UTF-16 start
    and length in the whole text."""
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        for word in check(line):
            found.append((offset + utf16_length(line[: word.start]), utf16_length(word.text)))
        offset += utf16_length(line) + 1
    return found


def repaint_tables(root: QWidget) -> None:
    """Draw every table under `root` again (the known words changed)."""
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, RecordTable):
            view.viewport().update()
