"""The text fields a clerk types words into, wherever a form puts them.

Spelling and typing corrections belong to every field of the main window's forms: titles,
minute text, resolutions, questions, table cells. The forms are built lazily, rebuilt when a
meeting opens, and a table cell's editor exists only while the cell is edited, so such a
service does not walk the forms once: `watch_text_widgets` calls its `attach` for every editable
`QLineEdit` and `QPlainTextEdit` under a root widget as it is polished or shown there, and for
those there already.

Not attached: the typed time and date fields (`ValueField`), read-only fields, the line edits
inside spin boxes and combo boxes, and any field with the dynamic property `clerkPlainText`
set to True (a find field, a file name: words there are not prose).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.ui.widgets.value_fields import ValueField

if TYPE_CHECKING:
    from clerk_app.services.document import MeetingDocument

TextWidget = QLineEdit | QPlainTextEdit
PLAIN_TEXT_PROPERTY = "clerkPlainText"


def is_text_widget(widget: QObject) -> bool:
    """An editable field of words (see the module's docstring for what is not)."""
    if not isinstance(widget, QLineEdit | QPlainTextEdit) or isinstance(widget, ValueField):
        return False
    if widget.isReadOnly() or widget.property(PLAIN_TEXT_PROPERTY) is True:
        return False
    parent = widget.parentWidget()
    return not isinstance(parent, QAbstractSpinBox | QComboBox)


class TextWidgetWatcher(QObject):
    """Calls `attach` once for each text field that appears under `root` (see the module)."""

    def __init__(self, root: QWidget, attach: Callable[[TextWidget], None]) -> None:
        super().__init__(root)
        self.root = root
        self.attach = attach
        self._mark = f"clerkWatched{id(self)}"
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)
        self.scan()

    def scan(self) -> None:
        """Attach to the fields already under the root."""
        for widget in self.root.findChildren(QWidget):
            self._offer(widget)

    def _offer(self, widget: QObject) -> None:
        if not is_text_widget(widget) or widget.property(self._mark):
            return
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        if widget is not self.root and not self.root.isAncestorOf(widget):
            return
        widget.setProperty(self._mark, True)
        self.attach(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Every event of the application passes here: the type is compared first, and only a
        # widget being polished or shown is looked at (a form may be polished, while it is
        # laid out, before it is put under the root; it is shown there).
        kind = event.type()
        if kind == QEvent.Type.Polish or kind == QEvent.Type.Show:
            self._offer(watched)
        return False

    def stop(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)


def watch_text_widgets(root: QWidget, attach: Callable[[TextWidget], None]) -> TextWidgetWatcher:
    """Call `attach(widget)` once for every text field under `root`, now and as they appear."""
    return TextWidgetWatcher(root, attach)


def document_of(widget: QWidget) -> MeetingDocument | None:
    """The meeting document a field edits: its form's (None outside a form)."""
    from clerk_app.ui.forms.binding import Form  # forms import this module's users

    node: QWidget | None = widget
    while node is not None:
        if isinstance(node, Form):
            return node.document
        node = node.parentWidget()
    return None
