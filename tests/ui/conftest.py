"""Fixtures the desktop app's tests share: a main window made the way the app makes one, with the
test's own answers to the app's questions, closed cleanly whatever the test left open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_app.render.styles import available_styles
from clerk_app.services.recovery import RecoverySession
from clerk_app.services.settings import Settings
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, user_data: Path) -> Iterator[MakeWindow]:
    """`make_window(dialogs=...)`: a shown main window with recorded messages; every window
    made is left with nothing to ask about and its background work finished at the end."""
    made: list[MainWindow] = []

    def make(
        dialogs: type[Dialogs] = Dialogs,
        *,
        active: bool = False,
        recovery: RecoverySession | None = None,
    ) -> MainWindow:
        window = MainWindow(
            Settings(user_data),
            available_styles(),
            messages=RecordedMessages(),
            dialogs=dialogs,
            recovery=recovery,
        )
        qtbot.addWidget(window)
        window.show()
        if active:
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.pool.waitForDone(60_000)
        if hasattr(window, "preview"):
            window.preview.wait_for_layout()
