"""Copy the minutes into an email: Edit > Copy minutes (Ctrl+Shift+C), Copy this item, and Copy
minutes (confidential)….

The clipboard gets the public copy as HTML (made from the house style's Word export, so Outlook
keeps its headings, lists and tables) and as the style's plain text, for whatever pastes text
only. The confidential copy is copied only when asked for by name, after a warning; items that
look exempt but are not marked so are asked about first, as export does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from clerk_app.render.html import HtmlMinutes, item_minutes, minutes_html
from clerk_app.ui.navigator import Navigator
from clerk_app.ui.printing import CopyQuestions, PrintHost, choose_copy, render_then


class ClipboardHost(PrintHost, Protocol):
    navigator: Navigator
    """The list of parts, where the current item is chosen (there while a meeting is open)."""


def minutes_mime(minutes: HtmlMinutes) -> QMimeData:
    """The copy as the clipboard holds it: HTML and plain text."""
    mime = QMimeData()
    mime.setHtml(minutes.html)
    mime.setText(minutes.text)
    return mime


class ClipboardActions(QObject):
    questions: type[CopyQuestions] = CopyQuestions

    def __init__(self, host: ClipboardHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.window = parent
        self.copy_action = self._action(
            "&Copy minutes", self.copy_minutes, "Ctrl+Shift+C", "copyMinutesAction"
        )
        self.copy_item_action = self._action(
            "Copy &this item", self.copy_item, None, "copyItemAction"
        )
        self.copy_confidential_action = self._action(
            "Copy minutes (c&onfidential)…", self.copy_confidential, None, "copyConfidentialAction"
        )
        self.actions = [self.copy_action, self.copy_item_action, self.copy_confidential_action]
        self.copied: HtmlMinutes | None = None
        """What was put on the clipboard last."""

    def _action(
        self, text: str, slot: Callable[[], None], shortcut: str | None, name: str
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def copy_minutes(self) -> None:
        self._copy(confidential=False)

    def copy_confidential(self) -> None:
        self._copy(confidential=True)

    def copy_item(self) -> None:
        document = self.host.document
        section = self.host.navigator.current_section if document is not None else None
        if section is None or section.kind != "item" or section.item_id is None:
            self.host.show_status("Choose an item in the list first: Copy this item copies it")
            return
        self._copy(confidential=False, item_id=section.item_id)

    def _copy(self, *, confidential: bool, item_id: str | None = None) -> None:
        choice = choose_copy(
            self.host,
            self.window,
            self.questions,
            "Copy",
            confidential=confidential,
            item_id=item_id,
        )
        if choice is None:
            return
        what = "the item" if item_id else "the minutes"
        self.host.show_status(f"Copying {what} ({choice.name})…", 0)

        def work() -> HtmlMinutes:
            if item_id is not None:
                return item_minutes(choice.meeting, choice.style, item_id, public=choice.public)
            return minutes_html(choice.meeting, choice.style, public=choice.public)

        def done(minutes: HtmlMinutes) -> None:
            self.copied = minutes
            clipboard = QGuiApplication.clipboard()
            clipboard.setMimeData(minutes_mime(minutes))
            copied = minutes.title if item_id else "the minutes"
            self.host.show_status(
                f"Copied {copied} ({choice.name}): paste into an email or a document", 8000
            )

        render_then(self, self.host.pool, work, done, self._failed)

    def _failed(self, message: str) -> None:
        self.host.show_status("", 0)
        self.host.messages.error("The minutes could not be copied", message)
