"""Text fields are found wherever the forms put them, as they appear, and only those."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.text_widgets import (
    PLAIN_TEXT_PROPERTY,
    TextWidget,
    document_of,
    watch_text_widgets,
)
from clerk_app.ui.widgets.value_fields import DateField
from tests.ui.conftest import MakeWindow


def test_fields_are_attached_once_now_and_as_they_appear(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    there = QLineEdit()
    layout.addWidget(there)
    marked, read_only = QLineEdit(), QPlainTextEdit()
    marked.setProperty(PLAIN_TEXT_PROPERTY, True)
    read_only.setReadOnly(True)
    for widget in (DateField(), QSpinBox(), marked, read_only):
        layout.addWidget(widget)
    seen: list[TextWidget] = []
    watch_text_widgets(root, seen.append)
    assert seen == [there]
    root.show()
    later = BodyEditor()
    layout.addWidget(later)
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    later.show()
    qtbot.waitUntil(lambda: later in seen)
    assert seen == [there, later]  # not the one outside the root, and each once


def test_the_main_windows_forms_are_watched(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    seen: list[TextWidget] = []
    watch_text_widgets(window, seen.append)
    window.open_path(locations.sample_meeting())
    qtbot.waitUntil(lambda: window.document is not None)
    window.navigator.setFocus()
    window.go_to_path(("items", 2, "title"))
    qtbot.waitUntil(lambda: any(w.objectName() == "itemTitleEdit" for w in seen))
    title = next(w for w in seen if w.objectName() == "itemTitleEdit")
    assert document_of(title) is window.document
    assert not any(isinstance(w, DateField) for w in seen)
