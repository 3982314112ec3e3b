"""A check box whose Alt+letter ticks it at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShortcutEvent
from PySide6.QtWidgets import QCheckBox


class CheckBox(QCheckBox):
    """A check box whose mnemonic (Alt+X for "E&xempt") ticks it there and then.

    Qt's own draws the box pressed and ticks it a tenth of a second later: a clerk who presses
    the next Alt+letter within that time (Alt+R, to the reason the tick opens) reaches a field
    that is still closed, and what they type goes elsewhere or nowhere."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Shortcut
            and isinstance(event, QShortcutEvent)
            and not event.isAmbiguous()  # Qt then only moves the focus: left to Qt
            and self.isEnabled()
        ):
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.click()
            return True
        return super().event(event)
