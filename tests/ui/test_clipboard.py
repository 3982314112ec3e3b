"""Copy the minutes into an email: HTML and text of the public copy on the clipboard."""

from __future__ import annotations

import re
from typing import ClassVar

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.exempt import mark_exempt
from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.dialogs import Dialogs, UnmarkedChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from clerk_app.ui.printing import CopyQuestions
from tests.factories import UNTICKED_PRIVATE_WORDS, unticked_parish
from tests.ui.conftest import MakeWindow

FAMILIES = 10
"""The sample's Families First item (minute 159), made exempt."""
SECRET = "governments reforms"
"""Words of its minute and nowhere else."""


class Answers(CopyQuestions):
    confirm = True
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_public(cls, parent: QWidget | None, doing: str) -> bool | None:
        cls.asked.append(doing)
        return False  # never asked on copying: a test that gets here fails on the text

    @classmethod
    def confirm_confidential(cls, parent: QWidget | None, doing: str) -> bool:
        cls.asked.append(f"confidential {doing}")
        return cls.confirm


@pytest.fixture
def window(make_window: MakeWindow, sample: Meeting) -> MainWindow:
    Answers.confirm = True
    Answers.asked = []
    window = make_window(active=True)
    meeting = mark_exempt(sample, [sample.items[FAMILIES].id])
    block = meeting.items[FAMILIES].blocks[0]
    assert isinstance(block, Paragraph) and SECRET in block.text
    window.set_document(MeetingDocument(meeting))
    window.clipboard.questions = Answers
    QGuiApplication.clipboard().clear()
    return window


def clipboard_after(qtbot: QtBot, window: MainWindow, before: object = None) -> QMimeData:
    qtbot.waitUntil(lambda: window.clipboard.copied is not before, timeout=30_000)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None
    return mime


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_ctrl_shift_c_copies_the_public_copy(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.setFocus()
    QTest.keyClick(
        window.navigator,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    mime = clipboard_after(qtbot, window)
    assert mime.hasHtml() and mime.hasText()
    html, text = mime.html(), mime.text()
    assert SECRET not in words(html) and SECRET not in words(text)
    # headings as headings, lists as lists: an email keeps them
    assert re.search(r"<h1 [^>]*>149\.[^<]*WELCOME AND APOLOGIES FOR ABSENCE</h1>", html)
    assert re.search(r"<ol start=\"1\"[^>]*>\s*<li[^>]*>That the minutes of the meeting", html)
    assert "<ul" in html
    assert "149. WELCOME AND APOLOGIES FOR ABSENCE" in text
    assert "FAMILIES FIRST PROGRAMME" in text  # its heading, as the style prints it
    assert Answers.asked == []  # the public copy: nothing to ask
    assert "Copied the minutes (public copy)" in window.statusBar().currentMessage()


def test_copy_this_item(qtbot: QtBot, window: MainWindow, sample: Meeting) -> None:
    window.show_section(Section("item", sample.items[11].id))
    window.clipboard.copy_item_action.trigger()
    mime = clipboard_after(qtbot, window)
    html, text = mime.html(), mime.text()
    assert text.startswith("160. SOCIAL CARE AND EDUCATION PERFORMANCE DASHBOARD\n")
    assert "FAMILIES FIRST" not in text and "FAMILIES FIRST" not in html
    assert "WORK PROGRAMME" not in html
    assert re.search(r"<h1 [^>]*>160\.[^<]*SOCIAL CARE AND EDUCATION PERFORMANCE DASHBOARD", html)
    assert "<ul" in html  # its bullets
    assert "Copied 160. SOCIAL CARE" in window.statusBar().currentMessage()


def test_copy_this_item_asks_for_an_item(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section(Section("attendance"))
    window.clipboard.copy_item_action.trigger()
    assert "Choose an item" in window.statusBar().currentMessage()
    assert window.clipboard.copied is None


def test_the_confidential_copy_only_when_asked(qtbot: QtBot, window: MainWindow) -> None:
    Answers.confirm = False
    window.clipboard.copy_confidential_action.trigger()
    qtbot.wait(200)
    assert Answers.asked == ["confidential Copy"]
    assert window.clipboard.copied is None  # cancelled: nothing copied
    Answers.confirm = True
    window.clipboard.copy_confidential_action.trigger()
    mime = clipboard_after(qtbot, window)
    assert SECRET in words(mime.html()) and SECRET in words(mime.text())
    assert "Copied the minutes (confidential copy)" in window.statusBar().currentMessage()


class Unmarked(Dialogs):
    choice = UnmarkedChoice.CANCEL
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_publish_unmarked(cls, parent: QWidget | None, problem: str) -> UnmarkedChoice:
        cls.asked.append(problem)
        return cls.choice


@pytest.mark.parametrize("choice", list(UnmarkedChoice))
def test_items_that_look_exempt_are_asked_about_first(
    qtbot: QtBot, make_window: MakeWindow, choice: UnmarkedChoice
) -> None:
    """As export asks: mark them exempt (withheld), publish them after all, or nothing copied."""
    Unmarked.choice, Unmarked.asked = choice, []
    window = make_window(Unmarked)
    window.set_document(MeetingDocument(unticked_parish()))
    window.clipboard.questions = Answers
    QGuiApplication.clipboard().clear()
    window.clipboard.copy_action.trigger()
    assert len(Unmarked.asked) == 1
    assert "follows the exclusion of the press and public" in Unmarked.asked[0]
    if choice == UnmarkedChoice.CANCEL:
        qtbot.wait(200)
        assert window.clipboard.copied is None
        return
    mime = clipboard_after(qtbot, window)
    published = UNTICKED_PRIVATE_WORDS in mime.text()
    assert published == (choice == UnmarkedChoice.PUBLISH)
    assert published == (UNTICKED_PRIVATE_WORDS in mime.html())
    assert window.document is not None
    item = window.document.meeting.item("staffing")
    assert item is not None and item.exempt == (choice == UnmarkedChoice.MARK_EXEMPT)
    window.document.undo_stack.setClean()
