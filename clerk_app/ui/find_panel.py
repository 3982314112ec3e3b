"""Find and replace across the whole meeting: Ctrl+F, Ctrl+H, F3 and Shift+F3.

A dock at the bottom of the window, beside the findings: Find what, Replace with, Match case,
Whole word only, the buttons, and a list of every match (where, which field, the words around
it with the match in bold). Picking a result takes the clerk to the field (`go_to_path`) and
selects the match in it where the field shows the model's text: a line edit, a plain text
field, or the minute text's markup, where each paragraph or entry is one line.

The search itself is `domain.search` (a few tens of milliseconds on a 300-item meeting): it runs
again 300 ms after the typing in the find field or in the meeting pauses, only while the dock is
shown; when hidden, the results are marked stale and worked out again when next wanted (F3).
"Replace all" is one undo step, and says how many it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.fields import TextField, part_name, text_fields
from clerk_app.domain.markup import DEFAULT_WORD
from clerk_app.domain.model import Meeting
from clerk_app.domain.search import (
    Match,
    Query,
    ReplaceRefusedError,
    count_message,
    find,
    in_markup,
    replace_everywhere,
    replace_one,
)
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.body_editor import utf16_length
from clerk_app.ui.text_widgets import PLAIN_TEXT_PROPERTY

if TYPE_CHECKING:
    from clerk_app.ui.main_window import MainWindow

DELAY_MS = 300
"""The search waits for a pause in typing (in the find field or in the meeting)."""
CONTEXT = 30
"""Characters shown either side of a match in the results."""
RESULTS_HEIGHT = 230
"""The dock's height when first shown: a few results, and room above for the form on a
1366x768 laptop."""
MAX_ROWS = 1000
"""Results listed at most (F3 still goes through them all): a list of 7,000 rows costs a tenth
of a second to fill and helps nobody; the clerk types more of what to find."""
MATCH_ROLE = Qt.ItemDataRole.UserRole
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A result's context as (before, match, after)."""


def _quoted(text: str) -> str:
    return f"“{text}”"


def _context(match: Match) -> tuple[str, str, str]:
    text = match.field.text
    before = text[max(0, match.start - CONTEXT) : match.start]
    after = text[match.end : match.end + CONTEXT]
    if match.start > CONTEXT:  # cut at a word, not in one
        space = before.find(" ")
        before = "…" + (before[space + 1 :] if 0 <= space < len(before) - 1 else before)
    if match.end + CONTEXT < len(text):
        space = after.rfind(" ")
        after = (after[:space] if space > 0 else after) + "…"
    return (
        " ".join(before.split("\n")),
        " ".join(match.found.split("\n")),
        " ".join(after.split("\n")),
    )


class _ContextDelegate(QStyledItemDelegate):
    """The words around a match, the match in bold."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(CONTEXT_ROLE)
        if not isinstance(parts, tuple):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        before, found, after = parts
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        colour = palette.highlightedText() if selected else palette.text()
        painter.save()
        painter.setPen(colour.color())
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        normal = QFont(option.font)
        bold = QFont(normal)
        bold.setBold(True)
        for text, font in ((before, normal), (found, bold), (after, normal)):
            if x >= rect.right():
                break
            painter.setFont(font)
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.right() - x)
            painter.drawText(
                QRect(x, rect.top(), rect.right() - x, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
            x += metrics.horizontalAdvance(shown)
        painter.restore()


class FindPanel(QWidget):
    """The dock's contents: the fields, the buttons and the results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPanel")
        self.find_what = QLineEdit()
        self.find_what.setObjectName("findWhat")
        self.find_what.setAccessibleName("Find what")
        self.find_what.setClearButtonEnabled(True)
        self.find_what.setProperty(PLAIN_TEXT_PROPERTY, True)  # not prose: no spelling here
        self.replace_with = QLineEdit()
        self.replace_with.setObjectName("replaceWith")
        self.replace_with.setAccessibleName("Replace with")
        self.replace_with.setProperty(PLAIN_TEXT_PROPERTY, True)
        self.match_case = QCheckBox("Match &case")
        self.match_case.setObjectName("matchCase")
        self.match_case.setAccessibleName("Match case")
        self.whole_word = QCheckBox("Whole &word only")
        self.whole_word.setObjectName("wholeWord")
        self.whole_word.setAccessibleName("Whole word only")
        self.next_button = QPushButton("Find &next")
        self.next_button.setObjectName("findNextButton")
        self.previous_button = QPushButton("Find pre&vious")
        self.previous_button.setObjectName("findPreviousButton")
        self.replace_button = QPushButton("&Replace")
        self.replace_button.setObjectName("replaceButton")
        self.replace_all_button = QPushButton("Replace &all")
        self.replace_all_button.setObjectName("replaceAllButton")
        for button in (
            self.next_button,
            self.previous_button,
            self.replace_button,
            self.replace_all_button,
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        self.status.setAccessibleName("Find and replace: what was found")
        self.results = QTreeWidget()
        self.results.setObjectName("findResults")
        self.results.setAccessibleName("Find results")
        self.results.setColumnCount(3)
        self.results.setHeaderLabels(["Where", "Field", "Text"])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegateForColumn(2, _ContextDelegate(self.results))
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.setColumnWidth(0, 260)
        self.results.setColumnWidth(1, 120)

        self.find_label = QLabel("Fin&d what:")
        self.find_label.setBuddy(self.find_what)
        self.replace_label = QLabel("Re&place with:")
        self.replace_label.setBuddy(self.replace_with)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_what, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.previous_button, 0, 3)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_with, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3)
        grid.setColumnStretch(1, 1)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_word)
        options.addStretch(1)
        options.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.results, 1)

    def show_replace(self, shown: bool) -> None:
        for widget in (
            self.replace_label,
            self.replace_with,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setVisible(shown)


class FindReplace(QObject):
    """The window's find and replace: its dock, its actions and the last search."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: MeetingDocument | None = None
        self.matches: list[Match] = []
        self.current = -1
        """The match last gone to (an index into `matches`), -1 for none yet."""
        self._searched: tuple[Query, object] | None = None
        """The query and the meeting `matches` were found for."""
        self._return_to: QWidget | None = None
        self.panel = FindPanel()
        self.dock = QDockWidget("Find and replace", window)
        self.dock.setObjectName("findDock")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self._placed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)

        self.find_action = self._action("&Find…", self.open_find, "Ctrl+F", "findAction")
        self.replace_action = self._action(
            "R&eplace…", self.open_replace, "Ctrl+H", "replaceAction"
        )
        self.find_next_action = self._action("Find ne&xt", self.find_next, "F3", "findNextAction")
        self.find_previous_action = self._action(
            "Find pre&vious", self.find_previous, "Shift+F3", "findPreviousAction"
        )
        self.actions = [
            self.find_action,
            self.replace_action,
            self.find_next_action,
            self.find_previous_action,
        ]
        for action in self.actions:
            action.setEnabled(False)

        panel = self.panel
        panel.find_what.textChanged.connect(self._query_changed)
        panel.match_case.toggled.connect(self._query_changed)
        panel.whole_word.toggled.connect(self._query_changed)
        panel.find_what.returnPressed.connect(self.find_next)
        panel.replace_with.returnPressed.connect(self.replace_current)
        panel.next_button.clicked.connect(self.find_next)
        panel.previous_button.clicked.connect(self.find_previous)
        panel.replace_button.clicked.connect(self.replace_current)
        panel.replace_all_button.clicked.connect(self.replace_all)
        panel.results.itemActivated.connect(self._result_activated)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.dock)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close)
        self.dock.visibilityChanged.connect(self._visibility_changed)

    def _action(self, text: str, slot: object, shortcut: str, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- the document -----------------------------------------------------------------------------

    def set_document(self, document: MeetingDocument) -> None:
        self.document = document
        document.changed.connect(self._document_changed)
        self.matches, self.current, self._searched = [], -1, None
        self._fill_results()
        if self.dock.isVisible():
            self.refresh()

    def _document_changed(self, _change: MeetingChange) -> None:
        if self.sender() is not self.document:
            return  # a meeting closed since
        if self.dock.isVisible():
            self.timer.start()

    def _query_changed(self) -> None:
        self.current = -1
        if self.dock.isVisible():
            self.timer.start()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self._up_to_date()

    # --- searching --------------------------------------------------------------------------------

    def query(self) -> Query:
        panel = self.panel
        return Query(
            panel.find_what.text(),
            match_case=panel.match_case.isChecked(),
            whole_word=panel.whole_word.isChecked(),
        )

    def _numbers(self) -> dict[str, str]:
        if self.document is None:
            return {}
        numbering = self.window.numbering()
        items = self.document.meeting.items
        return {item.id: numbering.label(n) for n, item in enumerate(items)}

    def _word(self) -> str:
        if self.document is None:
            return DEFAULT_WORD
        folder = self.window.styles.get(self.document.meeting.house_style)
        return folder.style.resolution_word if folder else DEFAULT_WORD

    def _up_to_date(self) -> None:
        """The results, worked out again if the query or the meeting changed since."""
        if self.document is None:
            return
        if self._searched != (self.query(), self.document.meeting):
            self.refresh()

    def refresh(self) -> None:
        """Search the meeting again, keeping the current match where it was if still there."""
        self.timer.stop()
        if self.document is None:
            return
        query, meeting = self.query(), self.document.meeting
        old = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = find(meeting, query)
        self._searched = (query, meeting)
        self.current = -1
        if old is not None:
            self.current = next(
                (
                    n
                    for n, m in enumerate(self.matches)
                    if m.field.path == old.field.path and m.start == old.start
                ),
                -1,
            )
        self._fill_results()

    def _fill_results(self) -> None:
        results = self.panel.results
        results.setUpdatesEnabled(False)
        results.clear()
        meeting = self.document.meeting if self.document is not None else None
        numbers = self._numbers() if self.matches else {}
        names: dict[tuple[str | int, ...], str] = {}
        rows: list[QTreeWidgetItem] = []
        for n, match in enumerate(self.matches[:MAX_ROWS]):
            part = match.field.part
            if part not in names and meeting is not None:
                names[part] = part_name(meeting, part, numbers)
            before, found, after = _context(match)
            row = QTreeWidgetItem([names.get(part, ""), match.field.label, ""])
            row.setData(0, MATCH_ROLE, n)
            row.setData(2, CONTEXT_ROLE, (before, found, after))
            row.setToolTip(2, before + found + after)
            row.setData(2, Qt.ItemDataRole.AccessibleTextRole, before + found + after)
            rows.append(row)
        results.addTopLevelItems(rows)
        results.setUpdatesEnabled(True)
        self._select_current_row()
        self._say_found()

    def _say_found(self, text: str = "") -> None:
        if not text:
            count = len(self.matches)
            if not self.panel.find_what.text():
                text = ""
            elif count == 0:
                text = "Not found"
            else:
                text = f"{count} found" if count != 1 else "1 found"
                if 0 <= self.current < count:
                    text = f"{self.current + 1} of {count}"
                if count > MAX_ROWS:
                    text += f" (the first {MAX_ROWS} listed)"
        self.panel.status.setText(text)

    def _select_current_row(self) -> None:
        results = self.panel.results
        if 0 <= self.current < results.topLevelItemCount():
            row = results.topLevelItem(self.current)
            assert row is not None
            results.setCurrentItem(row)
            results.scrollToItem(row)
        else:
            results.clearSelection()

    # --- opening and closing ----------------------------------------------------------------------

    def _show(self, replace: bool) -> None:
        if self.document is None:
            return
        focus = self.window.focusWidget()
        if focus is not None and not self.panel.isAncestorOf(focus):
            self._return_to = focus
            selected = ""
            if isinstance(focus, QLineEdit):
                selected = focus.selectedText()
            elif isinstance(focus, QPlainTextEdit):
                selected = focus.textCursor().selectedText()
            if selected and "\u2029" not in selected:  # a selection within one line
                self.panel.find_what.setText(selected)
        self.panel.show_replace(replace)
        if not self._placed:
            self._placed = True
            findings = getattr(self.window, "findings_dock", None)
            if isinstance(findings, QDockWidget) and findings.isVisible():
                self.window.splitDockWidget(findings, self.dock, Qt.Orientation.Horizontal)
                # the results want the room: findings are a short list
                width = self.window.width()
                self.window.resizeDocks(
                    [findings, self.dock],
                    [int(width * 0.35), int(width * 0.65)],
                    Qt.Orientation.Horizontal,
                )
            self.window.resizeDocks([self.dock], [RESULTS_HEIGHT], Qt.Orientation.Vertical)
        self.dock.show()
        self.dock.raise_()
        self._up_to_date()
        self.panel.find_what.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.find_what.selectAll()

    def open_find(self) -> None:
        """Ctrl+F: the panel on Find, the field's selected text to find."""
        self._show(replace=False)

    def open_replace(self) -> None:
        """Ctrl+H: the panel with Replace."""
        self._show(replace=True)

    def close(self) -> None:
        """Esc: the panel goes and the keyboard is back in the field."""
        self.dock.hide()
        target = self._return_to
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.window.setFocus()

    # --- going to a match -------------------------------------------------------------------------

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.document is None:
            return
        if not self.panel.find_what.text():
            self.open_find()  # F3 before any search: ask what to find
            return
        self._up_to_date()
        if not self.matches:
            self._say_found()
            self.window.show_status(f"{_quoted(self.panel.find_what.text())} was not found")
            return
        if self.current < 0:
            self.current = 0 if step > 0 else len(self.matches) - 1
            wrapped = False
        else:
            wrapped = not 0 <= self.current + step < len(self.matches)
            self.current = (self.current + step) % len(self.matches)
        self.go_to(self.current)
        if wrapped:  # as Word says it, so the clerk knows the search went round
            self.window.show_status(
                "Reached the end of the meeting: continued from the beginning"
                if step > 0
                else "Reached the beginning of the meeting: continued from the end"
            )

    def _result_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        number = row.data(0, MATCH_ROLE)
        if isinstance(number, int):
            self.go_to(number)

    def go_to(self, number: int) -> None:
        """Take the clerk to match `number` and select it in its field."""
        if not 0 <= number < len(self.matches):
            return
        self.current = number
        match = self.matches[number]
        self._select_current_row()
        self._say_found()
        self.window.go_to_path(match.field.path)
        widget = self.window.focusWidget()
        if widget is not None and not self.panel.isAncestorOf(widget):
            self._return_to = widget
            select_in(widget, match, self.document.meeting if self.document else None)

    # --- replacing --------------------------------------------------------------------------------

    def _refused(self, error: ReplaceRefusedError) -> None:
        self._say_found(str(error))
        self.window.messages.warning("Nothing was replaced", str(error))

    def replace_current(self) -> None:
        """Replace the match gone to, and go to the next; with none gone to, go to the first."""
        document = self.document
        if document is None or not self.panel.find_what.text():
            return
        self._up_to_date()
        if not 0 <= self.current < len(self.matches):
            self.find_next()
            return
        match = self.matches[self.current]
        replacement = self.panel.replace_with.text()
        try:
            after = replace_one(document.meeting, match, replacement, self._word(), self._numbers())
        except ReplaceRefusedError as error:
            self._refused(error)
            return
        found = self.panel.find_what.text()
        document.close_step()
        document.edit(
            after, f"Replace {_quoted(found)} with {_quoted(replacement)}", match.field.path
        )
        document.close_step()
        index = self.current
        self.current = -1
        self.refresh()
        # the next match: after the replaced text, the matches before it being as they were
        within = sum(
            1
            for m in self.matches
            if m.field.path == match.field.path
            and match.start <= m.start < match.start + len(replacement)
        )
        if self.matches:
            self.go_to((index + within) % len(self.matches))
        else:
            self._say_found("Replaced the last occurrence")

    def replace_all(self) -> None:
        """Every match replaced as one undo step; the count said in the panel and status bar."""
        document = self.document
        if document is None or not self.panel.find_what.text():
            return
        query = self.query()
        replacement = self.panel.replace_with.text()
        numbers = self._numbers()
        try:
            result = replace_everywhere(document.meeting, query, replacement, self._word(), numbers)
        except ReplaceRefusedError as error:
            self._refused(error)
            return
        message = count_message(document.meeting, result.count, result.parts)
        if result.count:
            document.close_step()
            document.edit(
                result.meeting,
                f"Replace all {_quoted(query.text)} with {_quoted(replacement)}",
            )
            document.close_step()
        self.current = -1
        self.refresh()
        self._say_found(message)
        self.window.show_status(message)


def select_in(widget: QWidget, match: Match, meeting: Meeting | None = None) -> bool:
    """Select the match in the widget the clerk was taken to, if it shows the field's text: a
    line edit holding it, or a plain text field holding it (the minute text's markup, where the
    field is one line among the item's others: found after them). False if it does not."""
    text = match.field.text
    if isinstance(widget, QLineEdit):
        shown = widget.text()
        at = shown.find(text)
        if at < 0:
            return False
        start = utf16_length(shown[: at + match.start])
        widget.setSelection(start, utf16_length(match.found))
        return True
    if isinstance(widget, QPlainTextEdit):
        shown = widget.toPlainText()
        at = -1
        if meeting is not None and in_markup(meeting, match.field.path):
            at = _markup_position(shown, meeting, match.field)
        if at < 0:
            at = shown.find(text)
        if at < 0:
            return False
        cursor = QTextCursor(widget.document())
        cursor.setPosition(utf16_length(shown[: at + match.start]))
        cursor.setPosition(utf16_length(shown[: at + match.end]), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        return True
    return False


def _editor_of(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Which markup editor shows the text at `path`: an item's minute text, or the questions or
    responses of one of its public questions (each in an editor of its own)."""
    for n in range(len(path) - 1, -1, -1):
        if path[n] in ("questions", "responses"):
            return path[: n + 1]
    return path[:3]


def _markup_position(shown: str, meeting: Meeting, field: TextField) -> int:
    """Where `field`'s text is in an editor's markup (`shown`): each field the editor shows is
    one line, in reading order, so each is looked for after the one before (a paragraph "Noted."
    is not found inside an earlier "The report was noted."). -1 if one is missing."""
    editor = _editor_of(field.path)
    position = 0
    for other in text_fields(meeting):
        if other.part != field.part or _editor_of(other.path) != editor:
            continue
        if not in_markup(meeting, other.path):
            continue
        line = " ".join(other.text.split("\n"))
        at = shown.find(line, position)
        if at < 0:
            return -1
        if other.path == field.path:
            return at
        position = at + len(line)
    return -1
