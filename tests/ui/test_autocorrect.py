"""Typing like Word in the app: each correction an undo step of its own, by the style's rules."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.autocorrect import EN_DASH
from clerk_app.domain.house_style import TypingRules
from clerk_app.domain.model import Paragraph
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.tables import RecordTable
from tests.ui.conftest import MakeWindow

DELAY = 15  # ms between keys: a fast typist


class Discard(Dialogs):
    """Closing a changed meeting at the end of a test discards it."""

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def opened(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    copy = tmp_path / "sample.minutes"
    shutil.copyfile(locations.sample_meeting(), copy)
    window = make_window(Discard, active=True)
    # the Leicester style keeps straight quotes and hyphens, as its reference minutes do: these
    # tests type in it with Word's corrections on, as most styles have them
    style = window.styles["leicester"]
    window.styles["leicester"] = dataclasses.replace(
        style, style=style.style.model_copy(update={"typing": TypingRules()})
    )
    window.open_path(copy)
    qtbot.waitUntil(lambda: window.document is not None)
    return window


def field(window: MainWindow, qtbot: QtBot, path: tuple[str | int, ...], name: str) -> QLineEdit:
    window.go_to_path(path)
    edit = window.findChild(QLineEdit, name)
    assert edit is not None
    qtbot.waitUntil(edit.isVisible)
    edit.setFocus()
    edit.selectAll()
    return edit


def test_a_dash_in_a_title_and_ctrl_z_gives_back_the_hyphen(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    title = field(window, qtbot, ("items", 2, "title"), "itemTitleEdit")
    QTest.keyClicks(title, "cost - benefit", Qt.KeyboardModifier.NoModifier, DELAY)
    assert window.document.meeting.items[2].title == f"cost {EN_DASH} benefit"
    QTest.keyClicks(title, " said 'yes'", Qt.KeyboardModifier.NoModifier, DELAY)
    assert window.document.meeting.items[2].title == f"cost {EN_DASH} benefit said \u2018yes\u2019"


def test_ctrl_z_right_after_the_dash_undoes_the_dash_alone(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    title = field(window, qtbot, ("items", 2, "title"), "itemTitleEdit")
    QTest.keyClicks(title, "cost - ", Qt.KeyboardModifier.NoModifier, DELAY)
    assert window.document.meeting.items[2].title == f"cost {EN_DASH}"
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.meeting.items[2].title == "cost -"
    assert title.text().rstrip() == "cost -"


def test_the_minute_text_keeps_its_bullets_and_takes_quotes_and_one_space(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    window.go_to_path(("items", 2, "blocks"))
    body = window.item_form.body
    qtbot.waitUntil(body.isVisible)
    body.setFocus()
    body.selectAll()
    QTest.keyClicks(body, "the council's  view - agreed", Qt.KeyboardModifier.NoModifier, DELAY)
    QTest.keyClick(body, Qt.Key.Key_Return)
    QTest.keyClicks(body, "- a point", Qt.KeyboardModifier.NoModifier, DELAY)
    blocks = window.document.meeting.items[2].blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text == f"the council\u2019s view {EN_DASH} agreed"
    assert "- a point" in body.markup_text()
    assert type(blocks[-1]).__name__ == "BulletList"


def test_code_fields_and_a_style_without_the_choices_are_left_as_typed(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    prefix = field(window, qtbot, ("minute_prefix",), "minutePrefixEdit")
    QTest.keyClicks(prefix, "CAB - 'x'", Qt.KeyboardModifier.NoModifier, DELAY)
    assert window.document.meeting.minute_prefix == "CAB - 'x'"
    style = window.styles[window.document.meeting.house_style]
    off = TypingRules(en_dash=False, quotes="", double_space=False)
    window.styles[style.name] = dataclasses.replace(
        style, style=style.style.model_copy(update={"typing": off})
    )
    title = field(window, qtbot, ("items", 2, "title"), "itemTitleEdit")
    QTest.keyClicks(title, 'cost - "benefit"  x', Qt.KeyboardModifier.NoModifier, DELAY)
    assert window.document.meeting.items[2].title == 'cost - "benefit"  x'


def test_a_correction_in_a_table_cell_being_edited_is_entered_as_its_own_step(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """A cell's editor enters its typing after a pause: the quote corrected is entered at once,
    as a step of its own, the editor still open; undo takes back the correction, then the
    typing."""
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    window.go_to_path(("items", 9, "actions"))
    actions = window.item_form.findChild(RecordTable, "actionsTable")
    assert isinstance(actions, RecordTable)
    qtbot.waitUntil(actions.isVisible)
    actions.go_to(0, 0, edit=True)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPlainTextEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "Send the council'", Qt.KeyboardModifier.NoModifier, DELAY)
    # entered at once, without waiting for the pause, the editor still open
    assert window.document.meeting.items[9].actions[0].action == "Send the council\u2019"
    assert editor.toPlainText() == "Send the council\u2019"
    window.undo()
    assert window.document.meeting.items[9].actions[0].action == "Send the council'"
    window.undo()
    assert window.document.meeting.items[9].actions[0].action != "Send the council'"


def test_in_the_minute_text_ctrl_z_takes_back_the_quote_then_the_typing(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    assert window.document is not None
    window.go_to_path(("items", 2, "blocks"))
    body = window.item_form.body
    qtbot.waitUntil(body.isVisible)
    body.setFocus()
    body.selectAll()
    QTest.keyClicks(body, "the council'", Qt.KeyboardModifier.NoModifier, DELAY)
    assert body.markup_text() == "the council\u2019"
    QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.markup_text() == "the council'"
    blocks = window.document.meeting.items[2].blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "the council'"
    QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "the council" not in body.markup_text()


def test_spaces_at_the_start_of_a_line_of_minute_text_are_kept(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Indentation is the markup's nesting: two or more spaces at a line's start stay."""
    window = opened(make_window, qtbot, tmp_path)
    window.go_to_path(("items", 2, "blocks"))
    body = window.item_form.body
    qtbot.waitUntil(body.isVisible)
    body.setFocus()
    body.selectAll()
    QTest.keyClicks(body, "- one", Qt.KeyboardModifier.NoModifier, DELAY)
    QTest.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(body, "    - two  words", Qt.KeyboardModifier.NoModifier, DELAY)
    assert body.markup_text() == "- one\n    - two words"


def test_a_date_cell_being_edited_is_not_corrected(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    window.go_to_path(("items", 9, "actions"))
    actions = window.item_form.findChild(RecordTable, "actionsTable")
    assert isinstance(actions, RecordTable)
    qtbot.waitUntil(actions.isVisible)
    actions.go_to(0, 4, edit=True)  # Done on: a date
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "18 - 6  '", Qt.KeyboardModifier.NoModifier, DELAY)
    assert editor.text() == "18 - 6  '"
