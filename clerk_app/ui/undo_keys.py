"""Ctrl+Z and Ctrl+Y in a form's fields undo and redo the meeting, not the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget


class UndoKeys(QObject):
    """Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) in a line edit or spin box are the meeting's undo and
    redo, not the field's own: two undo histories would disagree about what undo means."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    @staticmethod
    def _command(event: QKeyEvent) -> str:
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        if event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            return "redo"
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            command = self._command(event)
            if command:
                if kind == QEvent.Type.KeyPress and command == "undo":
                    self.stack.undo()
                elif kind == QEvent.Type.KeyPress:
                    self.stack.redo()
                event.accept()
                return True
        return super().eventFilter(watched, event)
