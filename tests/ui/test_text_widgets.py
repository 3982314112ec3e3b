"""Text fields are found wherever the forms put them, as they appear, and only those."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.text_widgets import (
    PLAIN_TEXT_PROPERTY,
    TextWidget,
    TextWidgetWatcher,
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


def test_a_closed_window_stops_watching_the_applications_events(
    make_window: MakeWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watchers see every event of the application (to find fields as they appear); a
    closed window lives on until Qt deletes it, and one watching still would slow every later
    event, window after window (the suite's window tests took five times as long)."""
    window = make_window()
    watchers = [window.autocorrect.watcher, window.spelling.watcher]
    seen: list[object] = []
    real = TextWidgetWatcher._offer

    def counted(self: TextWidgetWatcher, widget: QObject) -> None:
        if any(self is w for w in watchers):
            seen.append(widget)
        real(self, widget)

    monkeypatch.setattr(TextWidgetWatcher, "_offer", counted)
    probe = QLineEdit()
    qtbot.addWidget(probe)
    probe.show()
    assert seen, "an open window's watchers see a field shown anywhere"
    window.close()
    seen.clear()
    later = QLineEdit()
    qtbot.addWidget(later)
    later.show()
    assert seen == []
