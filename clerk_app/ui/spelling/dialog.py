"""F7: the spelling check of the whole meeting, item by item, as Word's spelling dialog does.

The dialog goes through the meeting's prose in the order the minutes read (`text_fields` of
kind "prose": names and codes are not checked), takes the clerk to each misspelt word's field
(the window's `go_to_path`, the word selected there) and shows where it is ("In item 158
(Apologies for Absence), minute text"), the sentence with the word marked, and the suggestions.

Change puts the chosen spelling in place of this word, Change all in place of every one in the
meeting's prose (each one undo step); Ignore goes past this one, Ignore all past every one this
session; Add to dictionary adds it to the committee's words or the clerk's dictionary. It ends
with "The spelling check is complete."

Widgets (objectName: accessibleName): ``spellingDialog``; ``spellingPlace`` (where the word is);
``spellingSentence`` "Sentence"; ``changeToEdit`` "Change to"; ``suggestionsList``
"Suggestions"; ``changeButton``, ``changeAllButton``, ``ignoreButton``, ``ignoreAllButton``,
``addWordButton``, ``closeSpellingButton``.
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from clerk_app.domain import edit
from clerk_app.domain.fields import TextField, part_name, text_fields
from clerk_app.domain.markup import DEFAULT_WORD
from clerk_app.domain.model import Meeting
from clerk_app.domain.search import Match, ReplaceRefusedError, replace_one
from clerk_app.domain.spelling import Word
from clerk_app.services.spelling import Misspelling
from clerk_app.ui.find_panel import select_in
from clerk_app.ui.text_widgets import PLAIN_TEXT_PROPERTY

if TYPE_CHECKING:
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.spelling.controller import Spelling

COMPLETE = "The spelling check is complete."
CONTEXT = 60
"""Characters shown either side of the word (the sentence it is in, within these)."""


def sentence(text: str, word: Word) -> str:
    """The sentence around `word` (within CONTEXT characters each side), as rich text with the
    word in bold red."""
    start = max(0, word.start - CONTEXT)
    for mark in (". ", "? ", "! ", "\n"):
        at = text.rfind(mark, start, word.start)
        if at >= 0:
            start = max(start, at + len(mark))
    end = min(len(text), word.end + CONTEXT)
    for mark in (". ", "? ", "! ", "\n"):
        at = text.find(mark, word.end, end)
        if at >= 0:
            end = min(end, at + 1)
    before = ("…" if start > 0 else "") + text[start : word.start]
    after = text[word.end : end] + ("…" if end < len(text) else "")
    return (
        html.escape(before)
        + f'<b style="color:#b00000">{html.escape(word.text)}</b>'
        + html.escape(after)
    )


def _text_at(meeting: Meeting, path: edit.Path) -> object:
    try:
        return edit.get_at(meeting, path)
    except edit.EditError:  # its part is gone
        return None


class SpellingDialog(QDialog):
    """The meeting's spelling, one misspelt word at a time (see the module's docstring)."""

    def __init__(self, window: MainWindow, spelling: Spelling) -> None:
        super().__init__(window)
        self.window_ = window
        self.spelling = spelling
        self.setObjectName("spellingDialog")
        self.setWindowTitle("Spelling")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current: Misspelling | None = None
        self._resume: tuple[edit.Path, int, int] | None = None
        """Where to look from: the field's path, its place among the prose fields, and the
        offset in its text."""

        self.place = QLabel()
        self.place.setObjectName("spellingPlace")
        self.place.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setObjectName("spellingSentence")
        self.sentence.setAccessibleName("Sentence")
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setWordWrap(True)
        self.sentence.setMinimumWidth(420)
        self.sentence.setFrameShape(QLabel.Shape.StyledPanel)
        self.sentence.setMargin(6)
        self.change_to = QLineEdit()
        self.change_to.setObjectName("changeToEdit")
        self.change_to.setAccessibleName("Change to")
        self.change_to.setProperty(PLAIN_TEXT_PROPERTY, True)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("suggestionsList")
        self.suggestions.setAccessibleName("Suggestions")
        self.suggestions.currentTextChanged.connect(self._suggestion_chosen)
        self.suggestions.itemActivated.connect(lambda _item: self.change())
        change_label = QLabel("Change &to:")
        change_label.setBuddy(self.change_to)
        suggestions_label = QLabel("S&uggestions:")
        suggestions_label.setBuddy(self.suggestions)

        def button(text: str, name: str, slot: object) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.setAutoDefault(False)
            made.clicked.connect(slot)
            return made

        self.change_button = button("&Change", "changeButton", self.change)
        self.change_button.setDefault(True)
        self.change_all_button = button("Change a&ll", "changeAllButton", self.change_all)
        self.ignore_button = button("&Ignore", "ignoreButton", self.ignore)
        self.ignore_all_button = button("I&gnore all", "ignoreAllButton", self.ignore_all)
        self.add_button = button("&Add to dictionary", "addWordButton", self.add)
        self.close_button = button("Close", "closeSpellingButton", self.close)
        self.word_buttons = [
            self.change_button,
            self.change_all_button,
            self.ignore_button,
            self.ignore_all_button,
            self.add_button,
        ]

        grid = QGridLayout()
        grid.addWidget(change_label, 0, 0)
        grid.addWidget(self.change_to, 0, 1)
        grid.addWidget(suggestions_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.suggestions, 1, 1)
        buttons = QVBoxLayout()
        for made in (*self.word_buttons, self.close_button):
            buttons.addWidget(made)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 2, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addWidget(self.sentence)
        layout.addLayout(grid)
        self.add_button.setText(
            "&Add to the committee's words"
            if spelling.speller.folder is not None
            else "&Add to my dictionary"
        )
        self.add_button.setToolTip("Add to dictionary")

    # --- the meeting ---------------------------------------------------------------------------

    @property
    def meeting(self) -> Meeting:
        document = self.spelling.document
        assert document is not None
        return document.meeting

    def numbers(self) -> dict[str, str]:
        numbering = self.window_.numbering()
        return {item.id: numbering.label(n) for n, item in enumerate(self.meeting.items)}

    def resolution_word(self) -> str:
        folder = self.window_.styles.get(self.meeting.house_style)
        return folder.style.resolution_word if folder else DEFAULT_WORD

    def prose(self) -> list[TextField]:
        return [field for field in text_fields(self.meeting) if field.kind == "prose"]

    def _find(self) -> Misspelling | None:
        """The next misspelt word from where the check has got to."""
        fields = self.prose()
        first, offset = 0, 0
        if self._resume is not None:
            path, place, offset = self._resume
            paths = [field.path for field in fields]
            if path in paths:
                first = paths.index(path)
            else:  # the field is gone (emptied): the one now in its place, from its start
                first, offset = place, 0
        speller = self.spelling.speller
        for number in range(first, len(fields)):
            field = fields[number]
            for word in speller.misspelt(field.text):
                if number == first and word.start < offset:
                    continue
                return Misspelling(field, word)
        return None

    # --- going through ---------------------------------------------------------------------------

    def start(self) -> None:
        self._resume = None
        self.next()

    def next(self) -> None:
        found = self._find()
        self.current = found
        if found is None:
            self._complete()
            return
        field, word = found.field, found.word
        self._resume = (field.path, self.prose().index(field), word.start)
        place = part_name(self.meeting, field.part, self.numbers())
        self.place.setText(f"In {place}, {field.label}: “{word.text}” is not in the dictionary")
        self.sentence.setText(sentence(field.text, word))
        self.suggestions.clear()
        offered = self.spelling.speller.suggest(word.text)
        self.suggestions.addItems(offered)
        self.change_to.setText(offered[0] if offered else word.text)
        if offered:
            self.suggestions.setCurrentRow(0)
        for made in self.word_buttons:
            made.setEnabled(True)
        # take the clerk there, the word selected in its field
        self.window_.go_to_path(field.path)
        widget = self.window_.focusWidget()
        if widget is not None and not self.isAncestorOf(widget):
            select_in(widget, Match(field, word.start, word.end), self.meeting)
        self.change_to.setFocus()
        self.change_to.selectAll()

    def _complete(self) -> None:
        self.place.setText(COMPLETE)
        self.sentence.setText("")
        self.suggestions.clear()
        self.change_to.clear()
        for made in self.word_buttons:
            made.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.window_.show_status(COMPLETE)

    def _suggestion_chosen(self, text: str) -> None:
        if text:
            self.change_to.setText(text)

    def _past(self, misspelling: Misspelling, length: int) -> None:
        field, word = misspelling.field, misspelling.word
        place = self._resume[1] if self._resume is not None else 0
        self._resume = (field.path, place, word.start + length)

    # --- the buttons -----------------------------------------------------------------------------

    def _edit(self, after: Meeting, text: str, path: edit.Path) -> None:
        document = self.spelling.document
        assert document is not None
        document.close_step()
        document.edit(after, text, path)
        document.close_step()

    def _refused(self, error: ReplaceRefusedError) -> None:
        self.window_.messages.warning("The word was not changed", str(error))

    def change(self) -> None:
        current = self.current
        replacement = self.change_to.text().strip()
        if current is None:
            return
        if not replacement or replacement == current.word.text:
            self.ignore()
            return
        field, word = current.field, current.word
        if _text_at(self.meeting, field.path) != field.text:
            self.next()  # typed in since: the word is looked for again from where it was
            return
        try:
            after = replace_one(
                self.meeting,
                Match(field, word.start, word.end),
                replacement,
                self.resolution_word(),
                self.numbers(),
            )
        except ReplaceRefusedError as error:
            self._refused(error)
            return
        self._edit(after, f"Change “{word.text}” to “{replacement}”", field.path)
        self._past(current, len(replacement))
        self.next()

    def change_all(self) -> None:
        """Every occurrence of the word in the meeting's prose changed, as one undo step."""
        current = self.current
        replacement = self.change_to.text().strip()
        if current is None:
            return
        if not replacement or replacement == current.word.text:
            self.ignore_all()
            return
        target = current.word.text
        speller = self.spelling.speller
        meeting = self.meeting
        word_shift = 0
        try:
            for field in self.prose():
                found = [w for w in speller.misspelt(field.text) if w.text == target]
                for word in reversed(found):  # from the end: the earlier places stay put
                    now = dataclasses.replace(field, text=edit.get_at(meeting, field.path))
                    meeting = replace_one(
                        meeting,
                        Match(now, word.start, word.end),
                        replacement,
                        self.resolution_word(),
                        self.numbers(),
                    )
                if field.path == current.field.path:
                    word_shift = sum(
                        len(replacement) - len(target)
                        for w in found
                        if w.start < current.word.start
                    )
        except ReplaceRefusedError as error:
            self._refused(error)
            return
        self._edit(meeting, f"Change all “{target}” to “{replacement}”", current.field.path)
        self._past(current, word_shift + len(replacement))
        self.next()

    def ignore(self) -> None:
        if self.current is not None:
            self._past(self.current, len(self.current.word.text))
        self.next()

    def ignore_all(self) -> None:
        if self.current is not None:
            self.spelling.speller.ignore(self.current.word.text)
            self._past(self.current, len(self.current.word.text))
        self.next()

    def add(self) -> None:
        if self.current is not None:
            self.spelling.add_word(self.current.word.text)
            self._past(self.current, len(self.current.word.text))
        self.next()
