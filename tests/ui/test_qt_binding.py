"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to True at every
Signal.emit() and to None at every call of a void Qt method (it assumes Python 3.12's immortal
singletons), so the app aborts ("deallocating True") after some hundreds of keystrokes.
pyproject.toml excludes that release; this test keeps any other broken one out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    signal = Signal(object)


def test_pyside_keeps_its_references_to_true_and_none(qtbot: QtBot) -> None:
    emitter = _Emitter()
    emitter.signal.connect(lambda value: None)
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(50):
        emitter.signal.emit(n)
        widget.update()
        widget.setObjectName("w")
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before
