"""The main window's spelling: underlines in every field, the suggestions menu, F7 and Alt+F7.

`Spelling` opens the speller once for the window (British English unless the settings'
``spelling/language`` says otherwise; the clerk's personal dictionary beside the settings), and
attaches a `FieldSpelling` to every text field of prose the forms show (`watch_text_widgets`)
and an underline painter to every table of the forms. The names of the meeting's people (and of
its committee's, when the meeting is in its committee's folder) are known words: they are
worked out again when the people change, never for a keystroke in the minute text.

The menu on a misspelt word (right click, the Menu key, Shift+F10) starts with up to six
suggestions in bold, then "Ignore all" and "Add to the committee's words" (in a committee
folder: its ``committee-words.txt``) or "Add to my dictionary", then the field's usual menu. A
suggestion taken is one undo step of its own. Alt+F7 goes to the next misspelt word of the field
(from the cursor, round to the start) and opens the menu there, as Word does.

Without a dictionary the window says so once and works without underlines; F7 says why it
cannot check.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyleOptionViewItem,
    QWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.committee import Committee
from clerk_app.domain.markup import LineGrammar
from clerk_app.domain.spelling import Word
from clerk_app.services.document import MeetingDocument
from clerk_app.services.spelling import (
    DEFAULT_LANGUAGE,
    Speller,
    committee_words,
    folder_committee,
    meeting_words,
    open_speller,
    personal_dictionary,
)
from clerk_app.storage.word_list import WordListError
from clerk_app.ui.body_editor import BodyEditor, utf16_length
from clerk_app.ui.spelling.underlines import (
    LineUnderliner,
    TextHighlighter,
    cell_index,
    kind_of,
    paint_cell,
)
from clerk_app.ui.tables import RecordDelegate, RecordTable
from clerk_app.ui.text_widgets import TextWidget, document_of, watch_text_widgets

if TYPE_CHECKING:
    from clerk_app.ui.main_window import MainWindow

LANGUAGE_KEY = "spelling/language"
"""The settings' key of the dictionary's language ("en_GB" when not set)."""
SUGGESTIONS = 6
_TABLE_MARK = "clerkSpellingTable"
KEYBOARD_MENU_S = 0.5
"""A platform's own context menu event for the Menu key, coming after the key this window
already opened the menu for, is not a second menu."""


# --- one field ------------------------------------------------------------------------------------


class Found:
    """A misspelt word in a field: `word` is in `line`, which starts at `offset` (UTF-16) in the
    field's text (a line edit's whole text, a block of a plain text field)."""

    __slots__ = ("line", "offset", "word")

    def __init__(self, word: Word, line: str, offset: int) -> None:
        self.word = word
        self.line = line
        self.offset = offset

    @property
    def start(self) -> int:
        return self.offset + utf16_length(self.line[: self.word.start])

    @property
    def end(self) -> int:
        return self.start + utf16_length(self.word.text)


class FieldSpelling(QObject):
    """The spelling of one text field: its underlines and its suggestions menu."""

    def __init__(self, spelling: Spelling, widget: TextWidget) -> None:
        super().__init__(widget)
        self.spelling = spelling
        self.widget = widget
        self.highlighter: TextHighlighter | None = None
        self.underliner: LineUnderliner | None = None
        self._keyboard_menu = 0.0
        if isinstance(widget, BodyEditor):
            widget.highlighter.spelling = spelling.misspelt_markup
        elif isinstance(widget, QPlainTextEdit):
            with QSignalBlocker(widget):
                self.highlighter = TextHighlighter(widget.document(), spelling.misspelt)
        else:
            self.underliner = LineUnderliner(widget, spelling.misspelt)
        self.redraw()
        widget.installEventFilter(self)
        if isinstance(widget, QPlainTextEdit):
            widget.viewport().installEventFilter(self)
        spelling.speller.changed.connect(self.redraw)

    # --- the underlines ---------------------------------------------------------------------------

    def redraw(self) -> None:
        """Underline again (the known words changed). Not an edit: the field's signals are
        blocked while its highlighter redraws (redrawing marks a text document changed)."""
        widget = self.widget
        if self.underliner is not None:
            self.underliner.shown = [(-1, -1)]
            self.underliner.underline()
            return
        highlighter = widget.highlighter if isinstance(widget, BodyEditor) else self.highlighter
        if highlighter is not None:
            with QSignalBlocker(widget):
                highlighter.rehighlight()

    def check(self, line: str) -> list[Word]:
        widget = self.widget
        if isinstance(widget, BodyEditor):
            return self.spelling.misspelt_markup(line, widget.highlighter.grammar)
        return self.spelling.misspelt(line)

    # --- where the words are ----------------------------------------------------------------------

    def words(self) -> list[Found]:
        """Every misspelt word of the field, in order."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            text = widget.text()
            return [Found(word, text, 0) for word in self.check(text)]
        found: list[Found] = []
        block = widget.document().firstBlock()
        while block.isValid():
            text = block.text()
            found += [Found(word, text, block.position()) for word in self.check(text)]
            block = block.next()
        return found

    def word_at(self, position: QPoint | None) -> Found | None:
        """The misspelt word at a point of the field (at the cursor for None)."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            text = widget.text()
            at = widget.cursorPosition() if position is None else widget.cursorPositionAt(position)
            words = [Found(word, text, 0) for word in self.check(text)]
        else:
            cursor = widget.textCursor() if position is None else widget.cursorForPosition(position)
            block = cursor.block()
            text = block.text()
            words = [Found(word, text, block.position()) for word in self.check(text)]
            at = cursor.position()
        for found in words:
            if found.start <= at <= found.end:
                return found
        return None

    def cursor_point(self) -> QPoint:
        """Where a menu opened from the keyboard goes: under the cursor, in the field."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            return widget.cursorRect().bottomLeft()
        point = widget.cursorRect().bottomLeft()
        return widget.viewport().mapTo(widget, point)

    def select(self, found: Found) -> None:
        widget = self.widget
        if isinstance(widget, QLineEdit):
            widget.setSelection(found.start, found.end - found.start)
            return
        cursor = QTextCursor(widget.document())
        cursor.setPosition(found.start)
        cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()

    # --- the menu ---------------------------------------------------------------------------------

    def menu_for(self, found: Found) -> QMenu:
        """The field's usual menu with the suggestions, Ignore all and Add to… first."""
        widget = self.widget
        speller = self.spelling.speller
        menu = widget.createStandardContextMenu()
        menu.setObjectName("spellingMenu")
        first = menu.actions()[0] if menu.actions() else None
        word = found.word.text
        suggestions = speller.suggest(word, SUGGESTIONS)
        bold = QFont(menu.font())
        bold.setBold(True)
        mine: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setFont(bold)
            action.triggered.connect(lambda _=False, s=suggestion: self.replace(found, s))
            mine.append(action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            mine.append(none)
        ignore = QAction("&Ignore all", menu)
        ignore.setObjectName("ignoreAllAction")
        ignore.triggered.connect(lambda: speller.ignore(word))
        add = QAction(self.spelling.add_text(), menu)
        add.setObjectName("addWordAction")
        add.triggered.connect(lambda: self.spelling.add_word(word))
        ours: list[QAction | None] = [*mine, None, ignore, add]
        if first is not None:
            ours.append(None)
        for entry in ours:
            if first is None:
                if entry is None:
                    menu.addSeparator()
                else:
                    menu.addAction(entry)
            elif entry is None:
                menu.insertSeparator(first)
            else:
                menu.insertAction(first, entry)
        return menu

    def open_menu(self, position: QPoint | None) -> bool:
        """The suggestions menu for the word at `position` (the cursor's, for None); False when
        no misspelt word is there (the field's own menu is then the one to show)."""
        found = self.word_at(position)
        if found is None:
            return False
        menu = self.menu_for(found)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        point = self.cursor_point() if position is None else position
        if isinstance(self.widget, QPlainTextEdit) and position is not None:
            point = self.widget.viewport().mapTo(self.widget, position)
        menu.popup(self.widget.mapToGlobal(point))
        return True

    def next_word(self) -> bool:
        """Alt+F7: the next misspelt word from the cursor (round to the start), selected, with
        its menu open. False when the field has none."""
        widget = self.widget
        words = self.words()
        if not words:
            return False
        at = (
            widget.cursorPosition()
            if isinstance(widget, QLineEdit)
            else widget.textCursor().selectionEnd()
        )
        if isinstance(widget, QLineEdit) and widget.hasSelectedText():
            at = widget.selectionEnd()
        after = [found for found in words if found.start >= at]
        found = (after or words)[0]
        self.select(found)
        menu = self.menu_for(found)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(self.cursor_point()))
        return True

    def replace(self, found: Found, suggestion: str) -> None:
        """Put `suggestion` in place of the word, as one undo step of its own."""
        widget = self.widget
        document = document_of(widget)
        if document is not None:
            document.close_step()
        if isinstance(widget, QLineEdit):
            if widget.text()[found.start : found.end] != found.word.text:
                return  # the text changed meanwhile
            widget.setSelection(found.start, found.end - found.start)
            widget.insert(suggestion)
        else:
            cursor = QTextCursor(widget.document())
            cursor.setPosition(found.start)
            cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText() != found.word.text:
                return
            cursor.insertText(suggestion)
            widget.setTextCursor(cursor)
        cell = cell_index(widget)
        if cell is not None:  # a cell enters its typing after a pause: now, as a step
            cell[0].record_delegate.enter_typed(widget)
        if document is not None:
            document.close_step()

    # --- events -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if watched is self.widget and self.underliner is not None and self.underliner.stale:
                self.underliner.underline()  # its text was set with its signals blocked
            return False
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            if keyboard and time.monotonic() - self._keyboard_menu < KEYBOARD_MENU_S:
                return True  # the Menu key's own event, after the key opened the menu
            return self.open_menu(None if keyboard else event.pos())
        if watched is self.widget and isinstance(event, QKeyEvent):
            if kind == QEvent.Type.ShortcutOverride and _is_next_key(event):
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress:
                if _is_next_key(event):
                    if not self.next_word():
                        self.spelling.window.show_status("No misspelt words in this field")
                    return True
                if _is_menu_key(event) and self.open_menu(None):
                    self._keyboard_menu = time.monotonic()
                    return True
        return False


def _is_menu_key(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu:
        return modifiers == Qt.KeyboardModifier.NoModifier
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier


def _is_next_key(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_F7 and event.modifiers() == Qt.KeyboardModifier.AltModifier


# --- tables -----------------------------------------------------------------------------------


class _TableWatcher(QObject):
    """Calls `attach` once for each form table that appears under `root`."""

    def __init__(self, root: QWidget, attach: Callable[[RecordTable], None]) -> None:
        super().__init__(root)
        self.root = root
        self.attach = attach
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # polished or shown: a form may be polished before it is put under the root
        kind = event.type()
        if (
            (kind == QEvent.Type.Polish or kind == QEvent.Type.Show)
            and isinstance(watched, RecordTable)
            and watched.property(_TABLE_MARK) is not True
            and self.root.isAncestorOf(watched)
        ):
            watched.setProperty(_TABLE_MARK, True)
            self.attach(watched)
        return False

    def stop(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)


# --- the window's --------------------------------------------------------------------------------


class Spelling(QObject):
    """The window's speller and what it does in the window (see the module's docstring)."""

    def __init__(self, window: MainWindow, language: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        settings = window.settings
        if language is None:
            language = str(settings.qsettings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
        self.speller: Speller = open_speller(
            language,
            personal=personal_dictionary(Path(settings.path).parent),
            folder=None,
            parent=self,
        )
        self.document: MeetingDocument | None = None
        self.committee: Committee | None = None
        self._committee_names: set[str] = set()
        self._said = False
        self.spelling_action = QAction("&Spelling…", window)
        self.spelling_action.setObjectName("spellingAction")
        self.spelling_action.setShortcut(QKeySequence("F7"))
        self.spelling_action.triggered.connect(self.check_meeting)
        self.next_action = QAction("Next &misspelt word", window)
        self.next_action.setObjectName("nextMisspeltAction")
        self.next_action.setShortcut(QKeySequence("Alt+F7"))
        self.next_action.triggered.connect(self.next_in_field)
        self.actions = [self.spelling_action, self.next_action]
        for action in self.actions:
            window.addAction(action)
            action.setEnabled(False)
        self.off_label = QLabel("Spelling off")
        self.off_label.setObjectName("spellingOff")
        self.off_label.setAccessibleName("Spelling off")
        self.off_label.setToolTip(self.speller.problem)
        self.off_label.setVisible(not self.speller.available)
        window.statusBar().addPermanentWidget(self.off_label)
        self.dialog: QWidget | None = None
        if self.speller.available:
            self.watcher = watch_text_widgets(window, self.attach)
            self.tables = _TableWatcher(window, self.attach_table)

    # --- checking, for the fields -------------------------------------------------------------

    def misspelt(self, text: str) -> list[Word]:
        return self.speller.misspelt(text)

    def misspelt_markup(self, line: str, grammar: LineGrammar) -> list[Word]:
        return self.speller.misspelt_markup(line, grammar)

    def attach(self, widget: TextWidget) -> None:
        """Underline a field's misspelt words, if it is a field of prose."""
        if kind_of(widget) != "prose":
            return
        FieldSpelling(self, widget)

    def attach_table(self, table: RecordTable) -> None:
        table.record_delegate.cell_spelling = self._paint_cell
        self.speller.changed.connect(table.viewport().update)

    def _paint_cell(
        self,
        delegate: RecordDelegate,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        paint_cell(delegate, painter, option, index, self.speller.misspelt)

    # --- the known words -------------------------------------------------------------------------

    def set_document(self, document: MeetingDocument) -> None:
        self.close_dialog()
        self.document = document
        for action in self.actions:
            action.setEnabled(True)
        document.changed.connect(self._changed)
        document.path_changed.connect(self._path_changed)
        self._find_committee()
        self._people_changed()
        if not self.speller.available and not self._said:
            self._said = True
            self.window.show_status(self.speller.problem, 15_000)
            self.window.messages.info("Spelling is off", self.speller.problem + ".")
        elif self.speller.word_list_problem:  # a damaged list: the status bar says so
            self.window.show_status(self.speller.word_list_problem, 15_000)

    def _find_committee(self) -> None:
        document = self.document
        committee: Committee | None = None
        folder = None
        if document is not None and document.path is not None:
            folder = document.path.parent
            committee = folder_committee(folder, document.meeting)
        self.committee = committee
        self._committee_names = committee_words(committee) if committee is not None else set()
        wanted = folder if committee is not None else None
        if wanted != self.speller.folder:
            self.speller.set_folder(wanted)

    def _path_changed(self, _path: object) -> None:
        if self.sender() is self.document:
            self._find_committee()
            self._people_changed()

    def _changed(self, change: MeetingChange) -> None:
        if self.sender() is not self.document:
            return  # a meeting closed since
        if change.attendance or change.parts & {"speakers", "signatories"}:
            self._people_changed()

    def _people_changed(self) -> None:
        if self.document is None:
            return
        names = meeting_words(self.document.meeting) | self._committee_names
        self.speller.set_context_words(names)

    # --- the clerk's commands -------------------------------------------------------------------

    def add_text(self) -> str:
        """The menu's words for adding a word: to which list it goes."""
        if self.speller.folder is not None:
            return "&Add to the committee's words"
        return "&Add to my dictionary"

    def add_word(self, word: str) -> None:
        try:
            target = self.speller.add_word(word)
        except WordListError as exc:
            self.window.messages.warning(
                "The word was not added", f"{exc}. It is known until Clerk closes."
            )
            return
        except ValueError:
            return
        if target is not None:
            where = (
                "the committee's words" if self.speller.folder is not None else "your dictionary"
            )
            self.window.show_status(f"“{word}” added to {where}")

    def field_of(self, widget: QWidget | None) -> FieldSpelling | None:
        if widget is None:
            return None
        found = widget.findChild(FieldSpelling)
        if isinstance(found, FieldSpelling) and found.parent() is widget:
            return found
        for child in widget.children():
            if isinstance(child, FieldSpelling):
                return child
        return None

    def next_in_field(self) -> None:
        """Alt+F7 (from the menu): the next misspelt word in the field with the focus."""
        field = self.field_of(QApplication.focusWidget())
        if field is None or not field.next_word():
            self.window.show_status("No misspelt words in this field")

    def check_meeting(self) -> None:
        """F7: the spelling dialog over the whole meeting (or why it cannot check)."""
        if self.document is None:
            return
        if not self.speller.available:
            self.window.messages.warning("Spelling cannot be checked", self.speller.problem + ".")
            return
        from clerk_app.ui.spelling.dialog import SpellingDialog

        self.close_dialog()
        dialog = SpellingDialog(self.window, self)
        self.dialog = dialog
        dialog.destroyed.connect(lambda _=None, gone=dialog: self._dialog_gone(gone))
        dialog.show()
        dialog.start()

    def _dialog_gone(self, gone: QWidget) -> None:
        if self.dialog is gone:
            self.dialog = None

    def stop_watching(self) -> None:
        """The window is closing: its watchers of new fields and tables see every event of the
        application, so they stop (a closed window lives on until Qt deletes it)."""
        for watcher in (getattr(self, "watcher", None), getattr(self, "tables", None)):
            if watcher is not None:
                watcher.stop()

    def close_dialog(self) -> None:
        """Close the spelling dialog, if open (another meeting is shown, or F7 again)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.close()
