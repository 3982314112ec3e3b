"""Small input widgets of the item form's panels: a count that may be "Not recorded", and a
drop-down found by any word of its labels. Neither takes the mouse wheel unless focused, so
that the wheel scrolls the panel they sit in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSpinBox, QWidget

from clerk_app.ui.tables import ChoiceEditor


class CountSpin(QSpinBox):
    """A count, or "Not recorded" (None). The mouse wheel scrolls the panel unless focused."""

    UNSET = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.UNSET, 10_000)
        self.setSpecialValueText("Not recorded")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def count(self) -> int | None:
        return None if self.value() == self.UNSET else self.value()

    def show_count(self, value: int | None) -> None:
        self.setValue(self.UNSET if value is None else value)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class WordChoice(ChoiceEditor):
    """A drop-down whose typing finds a word anywhere in a label ("moore" finds "Councillor
    Moore"); the wheel scrolls the panel unless it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def show_choices(self, choices: Sequence[tuple[str, Any]], value: Any) -> None:
        wanted = [(label, option) for label, option in choices]
        current = [(self.itemText(n), self.itemData(n)) for n in range(self.count())]
        if wanted != current:
            self.clear()
            for label, option in wanted:
                self.addItem(label, option)
        self.setCurrentIndex(next((n for n, (_, o) in enumerate(wanted) if o == value), -1))

    def value(self) -> Any:
        return self.itemData(self.currentIndex()) if self.currentIndex() >= 0 else None

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def name_widget(widget: QWidget, name: str, accessible: str) -> None:
    """Give a widget its objectName (for tests and styles) and accessibleName (for screen
    readers)."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
