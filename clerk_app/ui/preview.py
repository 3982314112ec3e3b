"""The live preview: the minutes as the house style writes them, redrawn as the clerk types and
scrolled to the part being edited."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.navigator import Section

DELAY_MS = 15
"""Keystrokes closer together than this are drawn once (a fast typist's are ~100 ms apart;
a paste or a held key comes faster)."""


class _Highlighter(QSyntaxHighlighter):
    """Bold minute headings and resolution words, as the printed minutes have them."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.headings: set[int] = set()
        """Line numbers of the minute headings."""
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.mark = QTextCharFormat()
        self.mark.setFontWeight(QFont.Weight.Bold)
        self.mark.setForeground(QColor("#b00020"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        stripped = text.strip()
        if self.currentBlock().blockNumber() in self.headings or re.fullmatch(
            r"[A-Z][A-Z ]+:", stripped
        ):
            self.setFormat(0, len(text), self.bold)
        elif stripped.startswith(("DRAFT", "CONFIDENTIAL")):
            self.setFormat(0, len(text), self.mark)


class PreviewPane(QWidget):
    rendered = Signal(float)
    """Emitted after each redraw with the seconds it took (the benchmark listens)."""

    def __init__(
        self,
        document: MeetingDocument,
        styles: dict[str, StyleFolder],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.styles = styles
        self.section: Section = Section("meeting")
        self.setObjectName("previewPane")
        self.title = QLabel("<b>Preview</b>")
        self.public = QCheckBox("Public copy (exempt items withheld)")
        self.public.setObjectName("previewPublicCheck")
        self.public.setAccessibleName("Preview the public copy")
        self.public.toggled.connect(self.schedule)
        self.text = QPlainTextEdit()
        self.text.setObjectName("previewText")
        self.text.setAccessibleName("Preview of the minutes")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.document().setDocumentMargin(12)
        self.highlighter = _Highlighter(self.text.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.public)
        layout.addWidget(self.text)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.render_now)
        document.changed.connect(self.schedule)
        self._lines: list[str] = []
        self.render_now()

    def schedule(self, *_: object) -> None:
        self.timer.start()

    def house_style(self) -> StyleFolder | None:
        return self.styles.get(self.document.meeting.house_style)

    def render_now(self) -> None:
        started = time.perf_counter()
        meeting = self.document.meeting
        style = self.house_style()
        if style is None:
            self._show(f"The house style '{meeting.house_style}' is not installed.")
            return
        try:
            text = render_text(meeting, style, public=self.public.isChecked())
        except (RenderError, StyleError) as exc:
            self._show(f"The preview cannot be drawn:\n\n{exc}")
            return
        self.title.setText(f"<b>Preview</b> ({style.style.display_name})")
        self._show(text)
        self.rendered.emit(time.perf_counter() - started)

    def _show(self, text: str) -> None:
        if text == self.text.toPlainText():
            return
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self._lines = text.split("\n")
        self.highlighter.headings = set(self._heading_lines())
        self.text.setPlainText(text)
        bar.setValue(position)
        self.scroll_to(self.section, keep_if_visible=True)

    def scroll_to(self, section: Section, *, keep_if_visible: bool = False) -> None:
        """Bring the part of the minutes for `section` to the top of the preview."""
        self.section = section
        line = self._line_of(section)
        if line is None:
            return
        block = self.text.document().findBlockByNumber(line)
        if keep_if_visible and self._visible(line):
            return
        # Scrolled to the end first, the cursor's block then comes into view at the top.
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.text.setTextCursor(QTextCursor(block))
        self.text.ensureCursorVisible()

    def _visible(self, line: int) -> bool:
        first = self.text.firstVisibleBlock().blockNumber()
        if line < first:
            return False
        block = self.text.document().findBlockByNumber(line)
        top = self.text.blockBoundingGeometry(block).translated(self.text.contentOffset()).top()
        return top < self.text.viewport().height() - 40

    def _heading_lines(self) -> list[int]:
        """Where each item's heading is: the first line after the previous heading that starts
        with the item's minute number and holds its title."""
        found: list[int] = []
        start = 0
        lines = [line.casefold().lstrip() for line in self._lines]
        for number, title in self._item_labels():
            for n in range(start, len(lines)):
                if lines[n].startswith(number) and title in lines[n]:
                    found.append(n)
                    start = n + 1
                    break
        return found

    def _item_labels(self) -> list[tuple[str, str]]:
        meeting = self.document.meeting
        style = self.house_style()
        labels = []
        for index, item in enumerate(meeting.items):
            number = str(meeting.minute_number(index))
            if style is not None:
                number = style.style.minute_number(
                    number=meeting.minute_number(index),
                    meeting_date=meeting.date,
                    prefix=meeting.minute_prefix,
                )
            labels.append((number.casefold(), item.title.casefold()))
        return labels

    def _line_of(self, section: Section) -> int | None:
        lines = [line.casefold() for line in self._lines]
        meeting = self.document.meeting
        if section.kind == "meeting":
            return 0
        if section.kind == "attendance":
            return next(
                (n for n, line in enumerate(lines) if "present" in line.replace(" ", "")), 0
            )
        if section.kind == "close":
            return max(len(lines) - 3, 0)
        if section.kind == "declarations":
            item = next((i for i in meeting.items if i.standing == "declarations"), None)
        else:
            item = meeting.item(section.item_id)
        index = meeting.item_index(item.id) if item is not None else None
        if index is None:
            return None
        headings = self._heading_lines()
        return headings[index] if index < len(headings) else None
