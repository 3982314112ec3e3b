"""Before a public copy, items that look exempt but are not marked so are asked about: marked
exempt (one undo step), published after all, or the export stopped. Driven through the window,
with the real export on its worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app.storage import save_meeting
from clerk_app.ui.dialogs import Dialogs, UnmarkedChoice
from clerk_app.ui.main_window import MainWindow
from tests.factories import UNTICKED_PRIVATE_WORDS, unticked_parish
from tests.ui.conftest import MakeWindow

CTRL = Qt.KeyboardModifier.ControlModifier
PRIVATE_WORDS = UNTICKED_PRIVATE_WORDS


class Answers(Dialogs):
    unmarked = UnmarkedChoice.CANCEL
    out: Path | None = None
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_publish_unmarked(cls, parent: QWidget | None, problem: str) -> UnmarkedChoice:
        cls.asked.append(problem)
        return cls.unmarked

    @classmethod
    def ask_export(
        cls, parent: QWidget | None, suggested: Path, has_exempt: bool
    ) -> tuple[Path, bool] | None:
        cls.asked.append(f"export (exempt items: {has_exempt})")
        return None if cls.out is None else (cls.out, True)

    @classmethod
    def after_export(cls, parent: QWidget | None, path: Path) -> None:
        cls.asked.append("exported")


def staffing_exempt(window: MainWindow) -> bool:
    assert window.document is not None
    item = window.document.meeting.item("staffing")
    assert item is not None
    return item.exempt


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    Answers.asked = []
    Answers.out = tmp_path / "minutes.txt"
    window = make_window(Answers)
    path = tmp_path / "parish.minutes"
    save_meeting(unticked_parish(), path)
    assert window.open_path(path, ask=False)
    return window


def test_marking_them_exempt_withholds_them_and_is_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    Answers.unmarked = UnmarkedChoice.MARK_EXEMPT
    window.export(".txt")
    qtbot.waitUntil(lambda: "exported" in Answers.asked, timeout=30_000)
    problem, export, _ = Answers.asked
    assert problem.startswith("Minute ") and "follows the exclusion of the press and public" in (
        problem
    )
    assert export == "export (exempt items: True)"  # marked, so public or confidential is asked
    assert window.document is not None
    assert staffing_exempt(window)
    assert Answers.out is not None and PRIVATE_WORDS not in Answers.out.read_text("utf-8")
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert not staffing_exempt(window)


def test_publishing_them_is_the_clerks_choice(qtbot: QtBot, window: MainWindow) -> None:
    Answers.unmarked = UnmarkedChoice.PUBLISH
    window.export(".txt")
    qtbot.waitUntil(lambda: "exported" in Answers.asked, timeout=30_000)
    assert Answers.asked[1] == "export (exempt items: False)"
    assert Answers.out is not None and PRIVATE_WORDS in Answers.out.read_text("utf-8")
    assert window.document is not None and not window.document.modified


def test_cancelling_exports_nothing(qtbot: QtBot, window: MainWindow) -> None:
    Answers.unmarked = UnmarkedChoice.CANCEL
    window.export(".txt")
    assert len(Answers.asked) == 1
    assert Answers.out is not None and not Answers.out.exists()
