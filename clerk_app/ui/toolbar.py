"""The toolbar: New meeting, Open, Save, Export to Word, Print, Find, Undo, Redo.

Its buttons are the window's own actions (enabled and disabled with them), each with a short
label beside its icon (the whole bar fits a 1366-pixel laptop screen), an accessible name and a
tooltip that gives its shortcut. F6 takes the keyboard to the toolbar (as F6 moves between an
Office window's parts); Left and Right, Home and End move along it, Enter or Space presses a
button, Esc goes back to where the keyboard was. View > Show the toolbar hides it, and the
settings remember.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle, QToolBar, QToolButton, QWidget

from clerk_app.services.settings import Settings

FOCUS_KEY = "F6"
"""Takes the keyboard to the toolbar."""


@dataclass(frozen=True, slots=True)
class Button:
    name: str
    """The window's attribute holding the action, or an action's object name ("findAction")."""
    label: str
    """The button's text, and its accessible name."""
    theme: QIcon.ThemeIcon
    fallback: QStyle.StandardPixmap


_Icon = QIcon.ThemeIcon
_Pixmap = QStyle.StandardPixmap
BUTTONS = (
    Button("new_action", "New meeting", _Icon.DocumentNew, _Pixmap.SP_FileIcon),
    Button("open_action", "Open", _Icon.DocumentOpen, _Pixmap.SP_DialogOpenButton),
    Button("save_action", "Save", _Icon.DocumentSave, _Pixmap.SP_DialogSaveButton),
    Button(
        "export_word_action",
        "Export to Word",
        _Icon.DocumentSend,
        _Pixmap.SP_FileDialogDetailedView,
    ),
    Button("printAction", "Print", _Icon.DocumentPrint, _Pixmap.SP_FileDialogContentsView),
    Button("findAction", "Find", _Icon.EditFind, _Pixmap.SP_FileDialogInfoView),
    Button("undo_action", "Undo", _Icon.EditUndo, _Pixmap.SP_ArrowBack),
    Button("redo_action", "Redo", _Icon.EditRedo, _Pixmap.SP_ArrowForward),
)


def _shortcut_text(action: QAction) -> str:
    keys = action.shortcut()
    return keys.toString(QKeySequence.SequenceFormat.NativeText) if not keys.isEmpty() else ""


class MainToolbar(QToolBar):
    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__("Toolbar", window)
        self.setObjectName("mainToolbar")
        self.setAccessibleName("Toolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setMovable(False)
        self.settings = settings
        self._return_to: QWidget | None = None
        style = window.style()
        self.buttons: dict[str, QToolButton] = {}
        for button in BUTTONS:
            action = getattr(window, button.name, None)
            if not isinstance(action, QAction):
                action = window.findChild(QAction, button.name)
            if action is None:
                continue  # an action another part of Clerk has not made yet
            if action.icon().isNull():
                action.setIcon(QIcon.fromTheme(button.theme, style.standardIcon(button.fallback)))
            action.setIconText(button.label)
            keys = _shortcut_text(action)
            action.setToolTip(f"{button.label} ({keys})" if keys else button.label)
            self.addAction(action)
            widget = self.widgetForAction(action)
            if isinstance(widget, QToolButton):
                widget.setAccessibleName(button.label)
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                widget.installEventFilter(self)
                self.buttons[button.label] = widget
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.setVisible(settings.toolbar_visible)
        toggle = self.toggleViewAction()
        toggle.setText("Show the &toolbar")
        toggle.setObjectName("toolbarToggleAction")
        toggle.toggled.connect(self._remember)
        self.toggle_action = toggle
        self.focus_action = QAction("Go to the toolbar", window)
        self.focus_action.setObjectName("focusToolbarAction")
        self.focus_action.setShortcut(QKeySequence(FOCUS_KEY))
        self.focus_action.triggered.connect(self.take_focus)
        window.addAction(self.focus_action)

    def _remember(self, visible: bool) -> None:
        self.settings.toolbar_visible = visible

    def _enabled(self) -> list[QToolButton]:
        return [b for b in self.buttons.values() if b.isEnabled() and b.isVisible()]

    def take_focus(self) -> None:
        """The keyboard to the first button that can be pressed (shown first if hidden)."""
        if not self.isVisible():
            self.show()
        focus = QApplication.focusWidget()
        if focus is not None and focus not in self.buttons.values():
            self._return_to = focus
        buttons = self._enabled()
        if buttons:
            buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            buttons = self._enabled()
            if watched in buttons:
                at = buttons.index(watched)
                key = event.key()
                target = {
                    Qt.Key.Key_Right: (at + 1) % len(buttons),
                    Qt.Key.Key_Left: (at - 1) % len(buttons),
                    Qt.Key.Key_Home: 0,
                    Qt.Key.Key_End: len(buttons) - 1,
                }.get(Qt.Key(key))
                if target is not None:
                    buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
                    return True
                if key == Qt.Key.Key_Escape:
                    back = self._return_to or self.parentWidget()
                    if back is not None:
                        back.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return super().eventFilter(watched, event)
