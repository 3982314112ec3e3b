"""The live preview: the minutes as the house style writes them, redrawn as the clerk types and
scrolled to the part being edited.

Typing never waits for it. A keystroke in one item redraws that item alone (a few milliseconds
however long the meeting: `render.incremental`) and replaces only its lines. Anything else (the
heading, the attendance, the list of items, the house style) lays the whole meeting out again: at
once for a short meeting, on a worker thread for a long one, where the newest request wins and
older results are dropped (and a rendering under way is called off). A second later, once the
typing has paused, the whole meeting is laid out again in the background, so that whatever a
template does with its items, the preview ends as the export will be.

A house style's template may loop without end or build something enormous (`RenderLimits`): what
is rendered on the GUI thread has a short time limit. The first whole rendering of a meeting in a
style (on opening it, on changing the style, after the style failed) has a moment there, and is
made on the worker thread with the full time limit if it needs longer; past the limit of a later
one, that style is rendered on the worker thread only. A style that
breaks its limits is shown as broken, in one line, and is not rendered again until it changes:
the template is remembered (`LimitedTemplate`).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.model import Meeting
from clerk_app.render.environment import RenderLimits, render_limits
from clerk_app.render.errors import RenderError, RenderLimitError, StyleError
from clerk_app.render.incremental import Layout, render_item, render_whole, segment
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.navigator import Section

SETTLE_MS = 1000
"""After the typing pauses this long, the whole meeting is laid out again in the background."""
SYNCHRONOUS_ITEMS = 40
"""Meetings of up to this many items are laid out at once (a few milliseconds); longer ones on a
worker thread."""
GUI_THREAD_SECONDS = 0.5
"""The time limit of a rendering on the GUI thread (real ones take milliseconds): past it, the
style is rendered on the worker thread only, with the full time limit."""
FIRST_GUI_THREAD_SECONDS = 0.1
"""The time limit of the first rendering of a meeting in a style, on the GUI thread (a short
meeting's takes 5-10 ms, and is then shown at once, as the window opens): past it, the rendering
is made on the worker thread, so that a style that loops without end never holds the window up
for longer."""


class _Highlighter(QSyntaxHighlighter):
    """Bold minute headings and resolution words, as the printed minutes have them."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.headings: set[str] = set()
        """The text of the minute headings' lines."""
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.mark = QTextCharFormat()
        self.mark.setFontWeight(QFont.Weight.Bold)
        self.mark.setForeground(QColor("#b00020"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        stripped = text.strip()
        if text in self.headings or re.fullmatch(r"[A-Z][A-Z ]+:", stripped):
            self.setFormat(0, len(text), self.bold)
        elif stripped.startswith(("DRAFT", "CONFIDENTIAL")):
            self.setFormat(0, len(text), self.mark)


@dataclass(frozen=True, slots=True)
class _Request:
    generation: int
    meeting: Meeting
    style: StyleFolder
    public: bool
    early: bool
    """Send the text before its items' layout: the preview shows nothing of this meeting yet."""
    confirm: Layout | None = None
    """What the preview shows of this very meeting (items redrawn alone): if the whole rendering
    reads the same, it stands, and its items need not be laid out again."""


class _Signals(QObject):
    done = Signal(int, object, float, bool)
    """generation, the Layout (or the problem as a str), seconds taken, whether it is final."""


class _LayoutJob(QRunnable):
    """Lays a meeting out on a worker thread; skipped if a newer request came meanwhile. The
    text is sent as soon as it is rendered, then the layout of its items."""

    def __init__(
        self, request: _Request, latest: list[int], signals: _Signals, limits: RenderLimits
    ) -> None:
        super().__init__()
        self.request = request
        self.latest = latest
        self.signals = signals
        self.limits = limits
        """Called off (from the GUI thread) when a newer request replaces this one."""

    def run(self) -> None:
        request = self.request
        if request.generation != self.latest[0]:
            return  # a newer request is queued behind this one
        started = time.perf_counter()
        with render_limits(self.limits):
            try:
                plain = render_whole(request.meeting, request.style, public=request.public)
            except RenderLimitError as exc:
                if exc.cancelled:
                    return  # a newer request replaced it
                message = _broken(request.style, exc)
                self.signals.done.emit(
                    request.generation, message, time.perf_counter() - started, True
                )
                return
            except (RenderError, StyleError) as exc:
                message = f"The preview cannot be drawn:\n\n{exc}"
                self.signals.done.emit(
                    request.generation, message, time.perf_counter() - started, True
                )
                return
            if request.early:
                self.signals.done.emit(
                    request.generation, plain, time.perf_counter() - started, False
                )
            if request.generation != self.latest[0]:
                return
            result = _settled(plain, request.style, request.confirm)
        self.signals.done.emit(request.generation, result, time.perf_counter() - started, True)


def _broken(style: StyleFolder, exc: RenderLimitError) -> str:
    """What the preview says of a style that broke its limits: it is broken, and why."""
    return (
        f"The preview cannot be drawn: the house style '{style.style.display_name}' is "
        f"broken.\n\n{exc}"
    )


def _settled(plain: Layout, style: StyleFolder, confirm: Layout | None) -> Layout:
    """The layout for a whole rendering: `confirm` if it reads the same (one rendering spared),
    else the rendering laid out item by item."""
    if confirm is not None and confirm.text == plain.rendered:
        return confirm
    return _segment(plain, style)


def _segment(plain: Layout, style: StyleFolder) -> Layout:
    try:
        return segment(plain, style)
    except (RenderError, StyleError):
        return plain  # the text is there; it is redrawn whole


class _TooSlowHereError(Exception):
    """A rendering on the GUI thread ran past its short time limit."""


def _lay_out(
    meeting: Meeting, style: StyleFolder, public: bool, confirm: Layout | None = None
) -> Layout | str:
    """The meeting laid out, or what the preview says instead. Raises _TooSlowHereError if the
    rendering ran past a time limit shorter than the full one (on the GUI thread)."""
    try:
        plain = render_whole(meeting, style, public=public)
    except RenderLimitError as exc:
        if exc.overran is not None and exc.overran < RenderLimits().seconds:
            raise _TooSlowHereError from exc
        return _broken(style, exc)
    except (RenderError, StyleError) as exc:
        return f"The preview cannot be drawn:\n\n{exc}"
    return _settled(plain, style, confirm)


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
        self.public.toggled.connect(lambda _on: self._schedule_full())
        self.text = QPlainTextEdit()
        self.text.setObjectName("previewText")
        self.text.setAccessibleName("Preview of the minutes")
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # always there: a scroll bar that comes and goes re-wraps the text under the clerk
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text.document().setDocumentMargin(12)
        self.highlighter = _Highlighter(self.text.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.public)
        layout.addWidget(self.text)

        self.layout_shown: Layout | None = None
        """What the preview shows, and which lines each item wrote."""
        self._style_shown: StyleFolder | None = None
        """The style `layout_shown` was rendered in."""
        self._worker_only: StyleFolder | None = None
        """A style that ran past the GUI thread's time limit: rendered on the worker only."""
        self._job_limits: RenderLimits | None = None
        """The limits of the worker's rendering under way, to call it off."""
        self._full_needed = False
        self._in_flight = False
        """A layout is being worked out on the worker thread."""
        self._generation = [0]
        """The newest request's number, shared with the worker jobs (a list: read in threads)."""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._laid_out)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)  # the next turn of the event loop: keystrokes queued meanwhile
        self._redraw.timeout.connect(self._catch_up)  # are drawn once
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settle_now)
        document.changed.connect(self._on_changed)
        # drawn on the event loop's next turn: the window paints first
        self._full_needed = True
        self._redraw.start()

    # --- what to redraw --------------------------------------------------------------------------

    def house_style(self) -> StyleFolder | None:
        return self.styles.get(self.document.meeting.house_style)

    def _on_changed(self, change: MeetingChange) -> None:
        if not change.only_items:
            self._full_needed = True
        self._redraw.start()

    def _catch_up(self) -> None:
        """Bring the preview up to the document: the changed items alone when that is all."""
        shown = self.layout_shown
        meeting = self.document.meeting
        if self._in_flight and not self._full_needed:
            return  # the layout on its way catches up when it arrives
        if self._full_needed or shown is None or not shown.incremental:
            self._schedule_full()
            return
        style = self.house_style()
        if style is None or shown.meeting is meeting:
            return
        change = MeetingChange.between(shown.meeting, meeting)
        if not change.only_items or style is self._worker_only or style is not self._style_shown:
            self._schedule_full()
            return
        started = time.perf_counter()
        # every item redrawn first, then the view changed: all of them, or (if one cannot be
        # redrawn alone) none, and the whole meeting laid out again
        steps: list[tuple[Layout, Layout, str]] = []
        layout = shown
        try:
            with render_limits(RenderLimits(seconds=GUI_THREAD_SECONDS)):
                for item_id in change.items:
                    redrawn = render_item(layout, meeting, item_id, style)
                    if redrawn is None:
                        self._schedule_full()
                        return
                    steps.append((layout, redrawn, item_id))
                    layout = redrawn
        except (RenderError, StyleError) as exc:
            if isinstance(exc, RenderLimitError) and exc.overran is not None:
                self._worker_only = style
            self._schedule_full()  # the full layout says what the problem is
            return
        for before, after, item_id in steps:
            self._replace_section(before, after, item_id)
        self.layout_shown = layout
        self._settle.start()
        self.rendered.emit(time.perf_counter() - started)

    def _settle_now(self) -> None:
        """The typing has paused: render the whole meeting once more, to make sure the items
        redrawn alone read as the whole rendering does (they are kept if they do)."""
        shown = self.layout_shown
        confirm = shown if shown is not None and shown.meeting is self.document.meeting else None
        self._schedule_full(confirm)

    def _schedule_full(self, confirm: Layout | None = None) -> None:
        """Lay the whole meeting out: at once if it is short, else on the worker thread."""
        self._full_needed = False
        self._settle.stop()
        self._generation[0] += 1
        self._call_off()
        meeting = self.document.meeting
        style = self.house_style()
        if style is None:
            self._show_message(f"The house style '{meeting.house_style}' is not installed.")
            return
        shown = self.layout_shown
        public = self.public.isChecked()
        # typing in a long meeting (the settling re-layout, a new heading) keeps what is shown
        # until the items' layout is ready: it is compared with it section by section
        early = shown is None or not shown.incremental or shown.public != public
        if confirm is not None and confirm.public != public:
            confirm = None
        request = _Request(self._generation[0], meeting, style, public, early, confirm)
        # the first rendering in a style (the meeting just opened, the style changed or failed)
        # has only a moment here: a style may loop without end
        here = len(meeting.items) <= SYNCHRONOUS_ITEMS and style is not self._worker_only
        first = shown is None or style is not self._style_shown
        if here:
            started = time.perf_counter()
            seconds = FIRST_GUI_THREAD_SECONDS if first else GUI_THREAD_SECONDS
            try:
                with render_limits(RenderLimits(seconds=seconds)):
                    result = _lay_out(meeting, style, request.public, confirm)
            except _TooSlowHereError:
                if not first:  # the first's limit is too short to tell a slow style by
                    self._worker_only = style
            else:
                self._laid_out(request.generation, result, time.perf_counter() - started)
                return
        self._in_flight = True
        self._job_limits = RenderLimits(background=True)
        self._pool.start(_LayoutJob(request, self._generation, self._signals, self._job_limits))

    def _call_off(self) -> None:
        """Stop the worker's rendering under way: a newer request replaces it."""
        if self._job_limits is not None:
            self._job_limits.cancel()
            self._job_limits = None

    def render_now(self) -> None:
        """Lay the whole meeting out now, on this thread (for the smoke test and tests)."""
        self._redraw.stop()
        self._full_needed = True
        self._generation[0] += 1
        self._call_off()
        style = self.house_style()
        meeting = self.document.meeting
        if style is None:
            self._show_message(f"The house style '{meeting.house_style}' is not installed.")
            return
        started = time.perf_counter()
        try:
            result: Layout | str = _lay_out(meeting, style, self.public.isChecked())
        except _TooSlowHereError:  # not expected: here it has the full time limit
            result = "The preview cannot be drawn: the house style is too slow."
        self._full_needed = False
        self._laid_out(self._generation[0], result, time.perf_counter() - started)

    def _laid_out(
        self, generation: int, result: object, seconds: float, final: bool = True
    ) -> None:
        if generation != self._generation[0]:
            return  # the meeting changed since: a newer layout is on its way
        if final:
            self._in_flight = False
        if isinstance(result, str):
            self.layout_shown = None
            self._style_shown = None
            self._show_message(result)
            self.rendered.emit(seconds)
            return
        assert isinstance(result, Layout)
        started = time.perf_counter()
        style = self.house_style()
        self._style_shown = style
        if style is not None:
            self.title.setText(f"<b>Preview</b> ({style.style.display_name})")
        self._show_layout(result)
        if final and result.meeting is not self.document.meeting:
            self._redraw.start()  # typed while it was laid out: catch up from here
        self.rendered.emit(seconds + time.perf_counter() - started)

    def wait_for_layout(self, milliseconds: int = 30_000) -> bool:
        """Wait for the worker thread's layout (tests, and before the pane goes)."""
        return self._pool.waitForDone(milliseconds)

    # --- drawing ---------------------------------------------------------------------------------

    def _show_message(self, message: str) -> None:
        self.highlighter.headings = set()
        if self.text.toPlainText() != message:
            self.text.setPlainText(message)

    def _show_layout(self, layout: Layout) -> None:
        shown = self.layout_shown
        self.layout_shown = layout
        headings = self._headings(layout)
        if (
            shown is not None
            and shown.incremental
            and layout.incremental
            and shown.prefix == layout.prefix
            and shown.tail == layout.tail
            and [i for i, _ in shown.sections] == [i for i, _ in layout.sections]
        ):
            # the same items: replace only the sections that differ (no scrolling, no flicker)
            self.highlighter.headings = headings
            replaced = False
            for (item_id, old), (_, new) in zip(shown.sections, layout.sections, strict=True):
                if old != new:
                    self._replace_lines(shown.section_lines(item_id), new, shown, item_id)
                    shown = shown.with_section(item_id, new, layout.meeting)
                    replaced = True
            if not replaced or self.text.toPlainText() == layout.text:
                return
            # the view is not what its layout says (never expected): drawn again whole
        text = layout.text
        self.highlighter.headings = headings
        if text == self.text.toPlainText():
            # the same text, now laid out item by item: only the headings' lines change colour
            document = self.text.document()
            for line in layout.heading_lines():
                self.highlighter.rehighlightBlock(document.findBlockByNumber(line))
            return
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setPlainText(text)
        bar.setValue(position)
        self.scroll_to(self.section, keep_if_visible=True)

    @staticmethod
    def _headings(layout: Layout) -> set[str]:
        return {lines[0] for _, lines in layout.sections if lines}

    def _replace_section(self, old: Layout, new: Layout, item_id: str) -> None:
        lines = next(lines for own, lines in new.sections if own == item_id)
        self.highlighter.headings = self._headings(new)
        self._replace_lines(old.section_lines(item_id), lines, old, item_id)

    def _replace_lines(
        self, where: tuple[int, int] | None, lines: tuple[str, ...], old: Layout, item_id: str
    ) -> None:
        """Put `lines` in place of the item's old lines, leaving the rest of the text alone."""
        if where is None:
            return
        first, count = where
        document = self.text.document()
        old_lines = next(lines for own, lines in old.sections if own == item_id)
        if old_lines == lines:
            return
        # the lines both versions start and end with stay: typing in a long item's last
        # paragraph replaces that paragraph, not the item
        same_start = 0
        while (
            same_start < min(len(old_lines), len(lines))
            and old_lines[same_start] == lines[same_start]
        ):
            same_start += 1
        same_end = 0
        while (
            same_end < min(len(old_lines), len(lines)) - same_start
            and old_lines[-1 - same_end] == lines[-1 - same_end]
        ):
            same_end += 1
        start = first + same_start
        removed = count - same_start - same_end
        added = lines[same_start : len(lines) - same_end]
        cursor = QTextCursor(document)
        if removed:
            begin = document.findBlockByNumber(start)
            last = document.findBlockByNumber(start + removed - 1)
            cursor.setPosition(begin.position())
            cursor.setPosition(last.position() + last.length(), QTextCursor.MoveMode.KeepAnchor)
            if cursor.position() >= document.characterCount():  # the document's last block
                cursor.setPosition(document.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        else:
            block = document.findBlockByNumber(start)
            cursor.setPosition(
                block.position() if block.isValid() else document.characterCount() - 1
            )
        cursor.beginEditBlock()
        cursor.insertText("".join(f"{line}\n" for line in added))
        cursor.endEditBlock()

    # --- following the clerk -------------------------------------------------------------------

    def scroll_to(self, section: Section, *, keep_if_visible: bool = False) -> None:
        """Bring the part of the minutes for `section` to the top of the preview."""
        self.section = section
        line = self._line_of(section)
        if line is None:
            return
        block = self.text.document().findBlockByNumber(line)
        if keep_if_visible and self._visible(line):
            return
        # The scroll bar counts laid-out lines, and a plain text view lays its paragraphs out
        # lazily: those above the block are laid out first, so that its line number is true.
        document = self.text.document()
        layout = document.documentLayout()
        if isinstance(layout, QPlainTextDocumentLayout):
            above = document.begin()
            while above.isValid() and above.blockNumber() <= line:
                layout.ensureBlockLayout(above)
                above = above.next()
        self.text.setTextCursor(QTextCursor(block))
        bar = self.text.verticalScrollBar()
        bar.setValue(min(block.firstLineNumber(), bar.maximum()))

    def _visible(self, line: int) -> bool:
        first = self.text.firstVisibleBlock().blockNumber()
        if line < first:
            return False
        block = self.text.document().findBlockByNumber(line)
        top = self.text.blockBoundingGeometry(block).translated(self.text.contentOffset()).top()
        return top < self.text.viewport().height() - 40

    def _line_of(self, section: Section) -> int | None:
        layout = self.layout_shown
        if layout is None:
            return None
        meeting = layout.meeting
        if section.kind == "meeting":
            return 0
        if section.kind == "attendance":
            lines = layout.prefix if layout.incremental else tuple(layout.text.split("\n"))
            return next(
                (
                    n
                    for n, line in enumerate(lines)
                    if "present" in line.casefold().replace(" ", "")
                ),
                0,
            )
        if section.kind == "close":
            total = self.text.document().blockCount()
            return max(total - 3, 0)
        if section.kind == "declarations":
            item = next((i for i in meeting.items if i.standing == "declarations"), None)
        else:
            item = meeting.item(section.item_id)
        if item is None or not layout.incremental:
            return None
        where = layout.section_lines(item.id)
        return where[0] if where is not None and where[1] else None
