"""Zoom (View menu): Ctrl+Plus (or Ctrl+=) and Ctrl+Minus scale the form area's and the
preview's fonts in steps from 80 % to 200 %, Ctrl+0 puts them back; the status bar says "Zoom
120 %" and the settings remember it.

Qt passes a widget's font to the widgets in it unless they set one of their own. So the form
area and the preview are given the scaled font, and a widget that set its own size (the item's
bold heading, the minute text's slightly larger type) is scaled from the size it set: that size
is kept on it (`BASE`), so that zooming in and out never drifts.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from clerk_app.services.settings import Settings

STEPS = (80, 90, 100, 110, 120, 135, 150, 175, 200)
"""The zoom levels, in per cent."""
BASE = "clerkZoomBase"
"""The dynamic property holding a widget's own font size before zooming."""
APPLIED = "clerkZoomApplied"
"""The dynamic property holding the zoom a root was last scaled by."""
_SIZE_SET = 0x0002
"""QFont's SizeResolved: the font names its own size (PySide6 does not name the flag)."""


def nearest_step(percent: int) -> int:
    return min(STEPS, key=lambda step: (abs(step - percent), step))


def _sets_own_size(widget: QWidget) -> bool:
    return widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and bool(
        widget.font().resolveMask() & _SIZE_SET
    )


def scale_fonts(root: QWidget, percent: int) -> None:
    """Scale the fonts of `root` and the widgets in it that set their own size to `percent` of
    what they were before any zoom."""
    applied = root.property(APPLIED)
    if percent == 100 and applied is None:
        return  # never zoomed: nothing to touch
    before = float(applied) / 100 if isinstance(applied, (int, float)) else 1.0
    factor = percent / 100
    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        base = widget.property(BASE)
        if not isinstance(base, float):
            if widget is not root and not _sets_own_size(widget):
                continue  # takes its parent's font, scaled
            size = widget.font().pointSizeF()
            if size <= 0:
                continue  # sized in pixels: left as it is
            # a widget made since the last zoom took its size from a font already scaled
            base = size if widget is root else size / before
            widget.setProperty(BASE, base)
        font = QFont(widget.font())
        font.setPointSizeF(max(1.0, base * factor))
        widget.setFont(font)
    root.setProperty(APPLIED, percent)


class Zoom(QObject):
    """The zoom actions, the status bar's zoom and the scaling of the window's parts."""

    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.percent = nearest_step(settings.zoom)
        self.zoom_in_action = self._action(
            "Zoom &in", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], "zoomInAction"
        )
        self.zoom_in_action.triggered.connect(lambda: self.step(1))
        self.zoom_out_action = self._action("Zoom &out", [QKeySequence("Ctrl+-")], "zoomOutAction")
        self.zoom_out_action.triggered.connect(lambda: self.step(-1))
        self.actual_size_action = self._action(
            "&Actual size", [QKeySequence("Ctrl+0")], "actualSizeAction"
        )
        self.actual_size_action.triggered.connect(lambda: self.set_percent(100))
        self.actions = [self.zoom_in_action, self.zoom_out_action, self.actual_size_action]
        self.label = QLabel()
        self.label.setObjectName("zoomLevel")
        self.label.setAccessibleName("Zoom")
        self.label.setToolTip("Ctrl+Plus zooms in, Ctrl+Minus out, Ctrl+0 back to 100 %")
        window.statusBar().addPermanentWidget(self.label)
        self._say()

    def _action(self, text: str, keys: list[QKeySequence], name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        self.window.addAction(action)
        return action

    def roots(self) -> list[QWidget]:
        """What zoom scales: the form area and the preview of the meeting on show."""
        found = []
        for name in ("forms", "preview"):
            widget = getattr(self.window, name, None)
            if isinstance(widget, QWidget):
                found.append(widget)
        return found

    def step(self, direction: int) -> None:
        at = STEPS.index(self.percent)
        self.set_percent(STEPS[max(0, min(len(STEPS) - 1, at + direction))])

    def set_percent(self, percent: int) -> None:
        self.percent = nearest_step(percent)
        self.settings.zoom = self.percent
        splitter = getattr(self.window, "splitter", None)
        shown = isinstance(splitter, QSplitter) and splitter.isVisible()
        widths: list[int] = splitter.sizes() if isinstance(splitter, QSplitter) and shown else []
        self.apply()
        if isinstance(splitter, QSplitter) and any(widths):
            # the navigator keeps its width as far as the form's larger type leaves room
            splitter.setSizes(widths)
        self._say()

    def apply(self) -> None:
        """Scale the parts on show (the window calls it when a meeting's parts are made)."""
        for root in self.roots():
            scale_fonts(root, self.percent)

    def _say(self) -> None:
        self.label.setText(f"Zoom {self.percent} %")
        self.zoom_out_action.setEnabled(self.percent > STEPS[0])
        self.zoom_in_action.setEnabled(self.percent < STEPS[-1])
