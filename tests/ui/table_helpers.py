"""Driving the table forms (attendance, declarations) from the keyboard, as tests do."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import RecordListForm
from clerk_app.ui.messages import RecordedMessages

F = TypeVar("F", bound=RecordListForm)


def make_form(qtbot: QtBot, kind: type[F], document: MeetingDocument) -> F:
    form = kind(document, FormContext(available_styles(), RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(1000, 600)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def sample_document() -> MeetingDocument:
    return MeetingDocument.open(locations.sample_meeting())


def open_editor(form: RecordListForm) -> QWidget:
    """The editor open on the current cell."""
    widget = form.table.indexWidget(form.table.currentIndex())
    assert widget is not None, "no editor is open on the current cell"
    return widget


def is_editing(form: RecordListForm) -> bool:
    return form.table.indexWidget(form.table.currentIndex()) is not None


def commit(qtbot: QtBot, form: RecordListForm, editor: QWidget) -> None:
    """Enter, then wait for the editor to close (Qt commits on the next turn of the loop)."""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_editing(form))


def current(form: RecordListForm) -> tuple[int, int]:
    index = form.table.currentIndex()
    return index.row(), index.column()


def shown(form: RecordListForm, row: int, column: int) -> Any:
    return form.model.data(form.model.index(row, column))


KEY_DELAY_MS = 1
"""Time between keystrokes when typing "at speed": a fast typist (120 words a minute) leaves
about 100 ms; these tests leave 5, with one turn of Qt's event loop before every key."""

Key = str | Qt.Key | tuple[Qt.Key, Qt.KeyboardModifier]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def type_keys(*keys: Key, delay: int = KEY_DELAY_MS) -> None:
    """Type as a clerk does: every key goes to whatever has the keyboard at that moment (a
    table, or the editor a key opened), `delay` ms after the one before. A str is typed
    character by character; a Qt.Key is pressed; (key, modifier) is pressed with a modifier."""
    for key in keys:
        if isinstance(key, str):
            for character in key:
                QTest.keyClicks(focused(), character, Qt.KeyboardModifier.NoModifier, delay)
        else:
            key, modifier = key if isinstance(key, tuple) else (key, Qt.KeyboardModifier.NoModifier)
            # The release goes to what has the keyboard by then, as a real keyboard's does
            # (Insert in a cell's editor closes it: QTest.keyClick would release into it).
            QTest.keyPress(focused(), key, modifier, delay)
            QTest.keyRelease(focused(), key, modifier)
