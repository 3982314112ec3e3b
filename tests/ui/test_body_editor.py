"""The minute-text editor on its own: the keys that make lists fast to type, the highlighter,
and showing a changed text without moving the clerk's cursor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument, QUndoCommand, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.markup import parse_body
from clerk_app.domain.model import (
    AttachmentRef,
    BulletList,
    Lines,
    NumberedList,
    PublicQuestions,
    Resolution,
)
from clerk_app.ui.body_editor import (
    BodyEditor,
    MarkupHighlighter,
    clean_paste,
    code_point_index,
    renumbered,
    utf16_length,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


_windows: list[QWidget] = []


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    """The test windows live as long as their test (qtbot holds them only weakly)."""
    yield
    _windows.clear()


def make_editor(qtbot: QtBot, undo_stack: QUndoStack | None = None) -> tuple[BodyEditor, QLineEdit]:
    """An editor with a line edit after it (to see where Ctrl+Tab goes)."""
    window = QWidget()
    _windows.append(window)
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    editor = BodyEditor(window, undo_stack=undo_stack)
    after = QLineEdit(window)
    layout.addWidget(editor)
    layout.addWidget(after)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor, after


def type_lines(editor: BodyEditor, *lines: str) -> None:
    """Type each text, pressing Enter between them."""
    for n, line in enumerate(lines):
        if n:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, line)


def go_to(editor: BodyEditor, line: int, end: bool = True) -> None:
    editor.go_to_line(line)
    if end:
        QTest.keyClick(editor, Qt.Key.Key_End)


# --- lists --------------------------------------------------------------------------------------


def test_enter_continues_a_bulleted_list(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    type_lines(editor, "Key points included:", "", "- first", "second", "third")
    assert editor.markup_text() == "Key points included:\n\n- first\n- second\n- third"


def test_enter_continues_a_numbered_list_and_keeps_its_indentation(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    type_lines(editor, "1. one", "two")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    type_lines(editor, "two a", "two b")
    assert editor.markup_text() == "1. one\n2. two\n    1. two a\n    2. two b"


def test_enter_counts_on_in_letters_past_h(qtbot: QtBot) -> None:
    # "i)" after "h)" is a letter, so Enter gives "j)" (alone, "i)" would read as a roman
    # numeral and give "ii)"; the list is renumbered as a whole).
    editor, _ = make_editor(qtbot)
    type_lines(editor, "a) entry")
    for _ in range(8):
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "entry")
    lines = editor.markup_text().split("\n")
    assert [line.split(")")[0] for line in lines] == list("abcdefghi")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert editor.markup_text().split("\n")[-1] == "j) "
    # and a list of numerals counts on in numerals
    editor.setPlainText("")
    type_lines(editor, "(i) first", "second", "third")
    assert editor.markup_text() == "(i) first\n(ii) second\n(iii) third"


def test_enter_in_the_middle_of_a_list_renumbers_the_rest(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("1. one\n2. three\n3. four\n\nAfter.")
    go_to(editor, 0)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "two")
    assert editor.markup_text() == "1. one\n2. two\n3. three\n4. four\n\nAfter."


def test_enter_splits_an_entry_at_the_cursor(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("- apples and pears")
    go_to(editor, 0, end=False)
    for _ in range(len("- apples ")):
        QTest.keyClick(editor, Qt.Key.Key_Right)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert editor.markup_text() == "- apples\n- and pears"
    assert editor.textCursor().blockNumber() == 1
    assert editor.textCursor().positionInBlock() == 2


def test_enter_on_an_empty_entry_ends_the_list(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    type_lines(editor, "- one", "two", "", "After the list.")
    assert editor.markup_text() == "- one\n- two\n\nAfter the list."


def test_enter_on_an_empty_nested_entry_goes_back_a_level(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    type_lines(editor, "1. one")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    type_lines(editor, "detail", "", "two")
    assert editor.markup_text() == "1. one\n    1. detail\n2. two"


def test_shift_enter_is_a_plain_new_line(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    QTest.keyClicks(editor, "- a long entry")
    QTest.keyClick(editor, Qt.Key.Key_Return, SHIFT)
    QTest.keyClicks(editor, "continued")
    assert editor.markup_text() == "- a long entry\ncontinued"
    assert editor.blockCount() == 2  # a real line, not Qt's line separator


def test_backspace_after_a_marker_removes_it(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    type_lines(editor, "- one", "")
    assert editor.markup_text() == "- one\n- "
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.markup_text() == "- one\n"
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.markup_text() == "- one"


# --- nesting ------------------------------------------------------------------------------------


def test_tab_nests_and_shift_tab_unnests_with_numbers_to_fit(qtbot: QtBot) -> None:
    editor, after = make_editor(qtbot)
    editor.setPlainText("1. one\n2. two\n3. three")
    go_to(editor, 1)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.markup_text() == "1. one\n    1. two\n2. three"
    assert editor.hasFocus() and not after.hasFocus()
    assert editor.textCursor().positionInBlock() == len("    1. two")  # stays with its text
    QTest.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.markup_text() == "1. one\n2. two\n3. three"


def test_tab_nests_every_selected_line(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("- a\n- b\n- c\n- d")
    go_to(editor, 1, end=False)
    QTest.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(editor, Qt.Key.Key_End, SHIFT)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.markup_text() == "- a\n    - b\n    - c\n- d"
    QTest.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.markup_text() == "- a\n- b\n- c\n- d"


def test_ctrl_tab_moves_the_focus_on(qtbot: QtBot) -> None:
    editor, after = make_editor(qtbot)
    QTest.keyClicks(editor, "text")
    QTest.keyClick(editor, Qt.Key.Key_Tab, CTRL)
    assert after.hasFocus()
    assert editor.markup_text() == "text"


def test_nesting_and_numbering_rules() -> None:
    lines = ["1. a", "    continued", "", "    - child", "3. b", "1. new list", "2. c"]
    assert renumbered(lines, 4) == {4: "2. b"}
    # an entry numbered 1 starts a new list: left alone
    assert renumbered(lines, 6) == {}
    assert renumbered(["    3. moved"], 0, restart=True) == {0: "    1. moved"}


# --- one edit per command, and undo ------------------------------------------------------------


def test_each_command_is_one_edit_that_starts_an_undo_step(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("1. a\n2. b\n3. c")
    edits: list[str] = []
    editor.edited.connect(lambda: edits.append(editor.markup_text()))
    go_to(editor, 1)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert edits == ["1. a\n    1. b\n2. c"]
    assert editor.take_step_break() is True
    assert editor.take_step_break() is False
    QTest.keyClicks(editor, "x")
    assert len(edits) == 2
    assert editor.take_step_break() is False


def test_ctrl_z_is_the_undo_stack_s(qtbot: QtBot) -> None:
    stack = QUndoStack()
    done: list[str] = []

    class Step(QUndoCommand):
        def undo(self) -> None:
            done.append("undo")

        def redo(self) -> None:
            done.append("redo")

    stack.push(Step())
    editor, _ = make_editor(qtbot, stack)
    QTest.keyClicks(editor, "abc")
    done.clear()
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert done == ["undo", "redo"]
    assert editor.markup_text() == "abc"  # the editor's own undo is off
    assert not editor.isUndoRedoEnabled()


# --- showing a changed text ---------------------------------------------------------------------


def test_replace_text_changes_only_what_differs(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("First paragraph.\n\nSecond paragraph, being typed.")
    edits: list[str] = []
    editor.edited.connect(lambda: edits.append("edited"))
    go_to(editor, 2)
    editor.replace_text("First paragraph, changed elsewhere.\n\nSecond paragraph, being typed.")
    assert editor.markup_text().startswith("First paragraph, changed elsewhere.")
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (
        2,
        len("Second paragraph, being typed."),
    )
    assert edits == []  # not the clerk's edit


def test_positions_count_utf16_like_qt() -> None:
    text = "a😀b"
    assert utf16_length(text) == 4
    assert code_point_index(text, 3) == 2
    assert code_point_index("abc", 2) == 2


def test_replace_text_with_characters_outside_the_basic_plane(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("Smile 😀 please\nnext")
    editor.replace_text("Smile 😀 please, now\nnext")
    assert editor.markup_text() == "Smile 😀 please, now\nnext"


def test_non_breaking_spaces_survive(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("5\u00a0June")
    assert editor.markup_text() == "5\u00a0June"


# --- paste --------------------------------------------------------------------------------------


def test_paste_from_word_keeps_the_bullets(qtbot: QtBot) -> None:
    assert clean_paste("•\tone\r\n\t•\ttwo\r\n\uf0b7\tthree") == "- one\n    - two\n- three"
    editor, _ = make_editor(qtbot)
    data = QMimeData()
    data.setText("·\tAccuracy\r\n·\tTimeliness")
    editor.insertFromMimeData(data)
    assert editor.markup_text() == "- Accuracy\n- Timeliness"
    assert editor.take_step_break()


# --- look ---------------------------------------------------------------------------------------


def _format_at(editor: BodyEditor, line: int, column: int) -> QTextCharFormat:
    block = editor.document().findBlockByNumber(line)
    for item in block.layout().formats():
        if item.start <= column < item.start + item.length:
            return QTextCharFormat(item.format)  # a copy: the range is a temporary
    return QTextCharFormat()


def test_the_highlighter_shows_each_kind_of_line(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText(
        "Key points:\n\n- bullet\n    1. nested\n\nAGREED:\n\n[attachment: Booklet]\n\n"
        "[public questions: Dr Patel]\n\nPlain text."
    )
    qtbot.wait(10)
    bold = QFont.Weight.Bold
    lead_in = _format_at(editor, 0, 0)
    bullet = _format_at(editor, 2, 0)
    nested_indent = _format_at(editor, 3, 0)
    number = _format_at(editor, 3, 4)
    resolution = _format_at(editor, 5, 0)
    attachment = _format_at(editor, 7, 1)
    questions = _format_at(editor, 9, 1)
    plain = _format_at(editor, 11, 0)
    assert lead_in.fontWeight() > QFont.Weight.Normal
    assert bullet.fontWeight() == bold and number.fontWeight() == bold
    assert bullet.foreground().color() != number.foreground().color()
    assert nested_indent.background().style() != Qt.BrushStyle.NoBrush  # nesting shows
    assert resolution.fontWeight() == bold
    assert attachment.fontItalic()
    assert questions.fontWeight() == bold
    assert len({f.foreground().color().name() for f in (resolution, attachment, questions)}) == 3
    assert plain.foreground().style() == Qt.BrushStyle.NoBrush


def test_a_small_editor_grows_with_its_text(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.fit_to_contents(2, 8)
    short = editor.height()
    editor.setPlainText("\n".join(f"{n}. entry" for n in range(1, 6)))
    assert editor.height() > short
    editor.setPlainText("\n".join(f"{n}. entry" for n in range(1, 40)))
    most = editor.height()
    editor.setPlainText("\n".join(f"{n}. entry" for n in range(1, 80)))
    assert editor.height() == most


# --- the environment ----------------------------------------------------------------------------


# --- the editor reads lines as the parser does -------------------------------------------------

_PAINTED_KINDS = {
    "#0b4f9c": "bullet",
    "#005f61": "number",
    "#8a0f26": "resolution",
    "#5b1f8a": "attachment",
    "#7a4100": "questions",
    "#3b3b7a": "plain",  # a lead-in: text, to the line grammar
}


def _painted_kind(highlighter: MarkupHighlighter, line: str) -> str:
    """What the highlighter shows `line` to be, read off the colours it paints."""
    document = highlighter.document()
    document.setPlainText(line)
    highlighter.rehighlight()
    if not line.strip():
        return "blank"
    column = utf16_length(line[: len(line) - len(line.lstrip())])
    for item in document.firstBlock().layout().formats():
        if item.start <= column < item.start + item.length:
            colour = QTextCharFormat(item.format).foreground().color().name()
            return _PAINTED_KINDS.get(colour, "plain")
    return "plain"


def _parsed_kind(line: str, word: str) -> str:
    blocks = parse_body(line, word)
    if not blocks:
        return "blank"
    kinds = {
        BulletList: "bullet",
        NumberedList: "number",
        AttachmentRef: "attachment",
        PublicQuestions: "questions",
        Resolution: "resolution",
    }
    return kinds.get(type(blocks[0]), "plain")


_LINE = st.lists(
    st.sampled_from(
        [
            *(" ", "\t", "\u00a0", "-", "•", "1", "12", "100000", "100001", "999999", ".", ")"),
            *(":", "AGREED", "DETERMINED", "[attachment:", "[public questions:", "]", "x", "Notes"),
        ]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=250, deadline=None)
@given(_LINE, st.sampled_from(["RESOLVED", "DETERMINED"]))
def test_the_highlighter_shows_every_line_as_the_parser_reads_it(
    qapp: QApplication, line: str, word: str
) -> None:
    # Before, "100000. x" and "999999. x" were list lines to the editor and text to the parser,
    # "-\u00a0x" the reverse, and a style's own "DETERMINED:" a resolution only to the parser.
    if word not in _HIGHLIGHTERS:
        document = QTextDocument()  # kept: the highlighter goes with its document
        _HIGHLIGHTERS[word] = (document, MarkupHighlighter(document, word))
    highlighter = _HIGHLIGHTERS[word][1]
    assert _painted_kind(highlighter, line) == _parsed_kind(line, word)
    assert highlighter.kind(line) == _parsed_kind(line, word)


_HIGHLIGHTERS: dict[str, tuple[QTextDocument, MarkupHighlighter]] = {}


def test_the_style_s_own_resolution_word_is_shown_as_a_resolution(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("DETERMINED:\n\n1. That the plan be adopted.")
    assert _format_at(editor, 0, 0).fontWeight() != QFont.Weight.Bold
    editor.set_resolution_word("DETERMINED")
    assert _format_at(editor, 0, 0).fontWeight() == QFont.Weight.Bold
    assert _format_at(editor, 0, 0).background().color().name() == "#fbe3e8"
    other = BodyEditor(resolution_word="DETERMINED")
    qtbot.addWidget(other)
    other.setPlainText("DETERMINED:")
    assert other.highlighter.kind("DETERMINED:") == "resolution"


def test_enter_continues_a_list_whose_marker_is_followed_by_a_non_breaking_space(
    qtbot: QtBot,
) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("-\u00a0one")
    go_to(editor, 0)
    type_lines(editor, "", "two")
    assert editor.markup_text() == "-\u00a0one\n- two"


def test_enter_after_a_number_too_high_for_a_list_is_a_plain_new_line(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.setPlainText("999999. x")
    go_to(editor, 0)
    type_lines(editor, "", "y")
    assert editor.markup_text() == "999999. x\ny"
    assert parse_body(editor.markup_text()) == (Lines(lines=("999999. x", "y")),)


def test_renumbering_in_the_editor_stops_at_the_style_s_resolution_word(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    editor.set_resolution_word("DETERMINED")
    editor.setPlainText("1. a\n2. b\nDETERMINED:\n3. That it be done.")
    go_to(editor, 0)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "new")
    assert editor.markup_text() == "1. a\n2. new\n3. b\nDETERMINED:\n3. That it be done."
