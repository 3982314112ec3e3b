"""Spelling in the main window, driven as a clerk would: red wavy underlines while typing, the
suggestions menu, Add to dictionary, Alt+F7, F7's check of the meeting, and no dictionary."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QContextMenuEvent, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import Attendance, FollowUp, Item, Meeting, Paragraph, Person
from clerk_app.services.document import MeetingDocument
from clerk_app.services.settings import Settings
from clerk_app.services.spelling import open_speller
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import Section
from clerk_app.ui.spelling import COMPLETE, LANGUAGE_KEY, SpellingDialog
from clerk_app.ui.tables import RecordTable
from tests.ui.conftest import MakeWindow

SHOTS = Path("/tmp/shots")
TYPING_MS = 15
"""A key every 15 ms: a quick typist."""
SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


class Discard(Dialogs):
    """Closing a changed meeting at the end of a test discards it."""

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    speller = open_speller(personal=None, folder=None)
    if not speller.available:
        pytest.fail(f"These tests need the British English dictionary: {speller.problem}")


def two_items() -> Meeting:
    return Meeting(
        date=dt.date(2025, 6, 18),
        body="Parks Committee",
        first_minute_number=158,
        attendance=(
            Attendance(id="a1", person=Person(title="Councillor", name="Shazia Batool")),
            Attendance(id="a2", person=Person(title="Councillor", name="Pantling")),
        ),
        items=(
            Item(
                id="i1",
                title="Park Benches",
                blocks=(Paragraph(text="The report was recieved and noted."),),
            ),
            Item(
                id="i2",
                title="Grants",
                blocks=(Paragraph(text="Members welcomed the goverment grant."),),
            ),
        ),
    )


def open_window(make_window: MakeWindow, meeting: Meeting | Path) -> MainWindow:
    window = make_window(Discard, active=True)
    if isinstance(meeting, Path):
        assert window.open_path(meeting, ask=False)
    else:
        window.set_document(MeetingDocument(meeting))
    return window


def show_item(qtbot: QtBot, window: MainWindow, number: int) -> BodyEditor:
    assert window.document is not None
    window.show_section(Section("item", window.document.meeting.items[number].id))
    body = window.item_form.body
    qtbot.waitUntil(body.isVisible)
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    return body


def type_at_end(qtbot: QtBot, widget: QWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    elif isinstance(widget, QLineEdit):
        widget.end(False)
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, TYPING_MS)
        QTest.keyClicks(widget, line, Qt.KeyboardModifier.NoModifier, TYPING_MS)
    qtbot.wait(5)


def underlined(editor: QPlainTextEdit, word: str) -> bool:
    """Whether the word (its first occurrence) has the spelling underline over all its letters,
    as the editor lays its block out."""
    document = editor.document()
    found = document.find(word)
    assert not found.isNull(), f"{word!r} is not in the editor"
    block = found.block()
    start = found.selectionStart() - block.position()
    end = found.selectionEnd() - block.position()
    covered = set()
    layout = block.layout()
    assert layout is not None
    for entry in layout.formats():
        if entry.format.underlineStyle() == SPELL:
            covered |= set(range(entry.start, entry.start + entry.length))
    return set(range(start, end)) <= covered


def red_pixels(widget: QWidget, left: int = 0, right: int | None = None) -> int:
    """Pixels much redder than they are green or blue, between two x positions."""
    image = widget.grab().toImage()
    right = image.width() if right is None else right
    count = 0
    for x in range(max(0, left), min(right, image.width())):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if colour.red() - max(colour.green(), colour.blue()) > 60:
                count += 1
    return count


def popup_menu(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def shoot(window: MainWindow, menu: QMenu, name: str) -> None:
    """The window with its open menu drawn where it pops up, to /tmp/shots."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    picture.save(str(SHOTS / name))


def texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions()]


def choose(qtbot: QtBot, menu: QMenu, text: str) -> None:
    actions = [action for action in menu.actions() if action.text() == text]
    assert actions, f"{text!r} not in {texts(menu)}"
    menu.setActiveAction(actions[0])
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def body_text(window: MainWindow, number: int) -> str:
    assert window.document is not None
    block = window.document.meeting.items[number].blocks[-1]
    assert isinstance(block, Paragraph)
    return block.text


# --- underlines -----------------------------------------------------------------------------------


def test_a_misspelt_word_typed_in_the_minute_text_is_underlined_and_a_members_name_is_not(
    qtbot: QtBot, make_window: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    # a copy: an open meeting marks its file as owned, and other tests open the sample
    copy = tmp_path / sample_path.name
    shutil.copyfile(sample_path, copy)
    window = open_window(make_window, copy)
    assert window.document is not None
    surname = "Batool"
    assert surname in {row.person.name for row in window.document.meeting.attendance}
    # the dictionary does not know the name: it is known as one of the meeting's people
    assert not open_speller(personal=None, folder=None).known(surname)
    body = show_item(qtbot, window, 3)
    type_at_end(qtbot, body, "\n\nThe report was recieved by Councillor Batool today.")
    qtbot.waitUntil(lambda: underlined(body, "recieved"), timeout=2000)
    assert not underlined(body, "Batool")
    assert not underlined(body, "report")
    # the model has the text as typed: underlining is no edit
    assert "recieved by Councillor Batool" in str(window.document.meeting.items[3].blocks)
    # putting it right takes the underline away
    found = body.document().find("recieved")
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 3)  # "ie"
    cursor.setPosition(found.selectionStart() + 5, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    QTest.keyClicks(body, "ei", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    qtbot.waitUntil(lambda: not underlined(body, "received"), timeout=2000)


def test_the_item_title_line_edit_shows_the_underline(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    show_item(qtbot, window, 1)
    title = window.item_form.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    assert red_pixels(title) == 0
    type_at_end(qtbot, title, " for the Anual Fund")
    metrics = title.fontMetrics()
    text = title.text()
    left = title.cursorRect().left() - metrics.horizontalAdvance(text[text.index("Anual") :])
    right = left + metrics.horizontalAdvance("Anual")
    qtbot.waitUntil(lambda: red_pixels(title, left, right + 2) > 4, timeout=2000)
    assert red_pixels(title, 0, left - 2) == 0  # "Grants for the" is not underlined
    assert window.document is not None
    assert window.document.meeting.items[1].title == "Grants for the Anual Fund"
    # another item's title, set by the form: no underline left from the last one
    show_item(qtbot, window, 0)
    qtbot.wait(20)
    assert title.text() == "Park Benches"
    assert red_pixels(title) == 0
    show_item(qtbot, window, 1)
    qtbot.waitUntil(lambda: red_pixels(title, left, right + 2) > 4, timeout=2000)
    with QSignalBlocker(title):  # as a form's refresh sets a field's text
        title.setText("Grants for the Annual Fund")
    assert red_pixels(title) == 0  # the underline does not stay where "Anual" was
    with QSignalBlocker(title):
        title.setText(text)
    assert red_pixels(title, left, right + 2) > 4
    title.setFocus()
    title.setSelection(text.index("Anual"), 5)
    QTest.keyClicks(title, "Annual", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    qtbot.waitUntil(lambda: red_pixels(title) == 0, timeout=2000)


def test_codes_are_not_underlined(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = open_window(make_window, two_items())
    show_item(qtbot, window, 0)
    form = window.item_form
    form.agenda_toggle.click()
    reference = form.report_reference
    qtbot.waitUntil(reference.isVisible)
    reference.setFocus()
    type_at_end(qtbot, reference, "Wibblefrot Grommet")
    qtbot.wait(50)
    assert red_pixels(reference) == 0


# --- the menu -------------------------------------------------------------------------------------


def test_a_suggestion_from_the_menu_replaces_the_word_as_one_undo_step(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    body = show_item(qtbot, window, 0)
    type_at_end(qtbot, body, " It was adopted.")
    assert body_text(window, 0) == "The report was recieved and noted. It was adopted."
    # right click on the word
    found = body.document().find("recieved")
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 3)
    point = body.cursorRect(cursor).center()
    QApplication.sendEvent(
        body.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, body.viewport().mapToGlobal(point)
        ),
    )
    menu = popup_menu(qtbot)
    shown = texts(menu)
    assert shown[0] == "received"
    assert menu.actions()[0].font().bold()
    assert "&Ignore all" in shown
    assert "&Add to my dictionary" in shown
    assert any("Copy" in text for text in shown)  # then the editor's usual menu
    choose(qtbot, menu, "received")
    assert body_text(window, 0) == "The report was received and noted. It was adopted."
    assert not underlined(body, "received")
    # Ctrl+Z brings the misspelling back, and nothing else
    QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body_text(window, 0) == "The report was recieved and noted. It was adopted."
    QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body_text(window, 0) == "The report was recieved and noted."


def test_shift_f10_on_a_word_in_the_title_and_the_suggestion_is_one_step(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    show_item(qtbot, window, 1)
    title = window.item_form.title
    title.setFocus()
    type_at_end(qtbot, title, " for the goverment")
    title.setCursorPosition(len(title.text()) - 3)
    QTest.keyClick(title, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = popup_menu(qtbot)
    assert texts(menu)[0] == "government"
    choose(qtbot, menu, "government")
    assert window.document is not None
    assert window.document.meeting.items[1].title == "Grants for the government"
    window.undo()
    assert window.document.meeting.items[1].title == "Grants for the goverment"
    window.undo()
    assert window.document.meeting.items[1].title == "Grants"


def test_alt_f7_goes_to_the_next_misspelt_word_and_opens_its_menu(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    window.resize(1366, 768)
    body = show_item(qtbot, window, 0)
    type_at_end(qtbot, body, " The comittee agreed.")
    body.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(body, Qt.Key.Key_F7, Qt.KeyboardModifier.AltModifier)
    menu = popup_menu(qtbot)
    assert body.textCursor().selectedText() == "recieved"
    assert texts(menu)[0] == "received"
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    QTest.keyClick(body, Qt.Key.Key_F7, Qt.KeyboardModifier.AltModifier)
    menu = popup_menu(qtbot)
    assert body.textCursor().selectedText() == "comittee"
    assert "committee" in texts(menu)
    shoot(window, menu, "spelling-menu.png")
    menu.close()


def test_add_to_dictionary_in_a_committee_folder_writes_its_words(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "leicester-cype"
    shutil.copytree(locations.samples_dir() / "committees" / "leicester-cype", folder)
    window = open_window(make_window, folder / "CYPESC 2025-06-18.minutes")
    assert window.spelling.speller.folder == folder
    body = show_item(qtbot, window, 3)
    type_at_end(qtbot, body, "\n\nThe Wibblefrot scheme was noted.")
    qtbot.waitUntil(lambda: underlined(body, "Wibblefrot"), timeout=2000)
    found = body.document().find("Wibblefrot")
    body.setTextCursor(QTextCursor(found))
    QTest.keyClick(body, Qt.Key.Key_Menu)
    menu = popup_menu(qtbot)
    choose(qtbot, menu, "&Add to the committee's words")
    words = (folder / "committee-words.txt").read_text(encoding="utf-8").splitlines()
    assert "Wibblefrot" in words
    assert not underlined(body, "Wibblefrot")
    assert "added to the committee's words" in window.statusBar().currentMessage()


def test_ignore_all_takes_the_underline_away_for_the_session(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    body = show_item(qtbot, window, 0)
    qtbot.waitUntil(lambda: underlined(body, "recieved"), timeout=2000)
    found = body.document().find("recieved")
    body.setTextCursor(QTextCursor(found))
    QTest.keyClick(body, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    choose(qtbot, popup_menu(qtbot), "&Ignore all")
    assert not underlined(body, "recieved")
    assert window.document is not None
    assert body_text(window, 0) == "The report was recieved and noted."


# --- F7 -------------------------------------------------------------------------------------------


def spelling_dialog(qtbot: QtBot) -> SpellingDialog:
    qtbot.waitUntil(
        lambda: any(isinstance(w, SpellingDialog) for w in QApplication.topLevelWidgets()),
        timeout=3000,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, SpellingDialog))


def test_f7_walks_two_misspellings_in_two_items(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = open_window(make_window, two_items())
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_F7)
    dialog = spelling_dialog(qtbot)
    assert dialog.place.text().startswith("In item 158 (Park Benches), minute text")
    assert "<b" in dialog.sentence.text() and "recieved" in dialog.sentence.text()
    assert dialog.suggestions.item(0).text() == "received"
    assert dialog.change_to.text() == "received"
    # the clerk is taken there, the word selected
    body = window.item_form.body
    assert window.navigator.current_section == Section("item", "i1")
    assert body.textCursor().selectedText() == "recieved"
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "spelling-dialog.png"))
    QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert body_text(window, 0) == "The report was received and noted."
    assert dialog.place.text().startswith("In item 159 (Grants), minute text")
    assert window.navigator.current_section == Section("item", "i2")
    assert dialog.change_to.text() == "government"
    QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert body_text(window, 1) == "Members welcomed the government grant."
    assert dialog.place.text() == COMPLETE
    assert not dialog.change_button.isEnabled()
    # each change one undo step
    window.undo()
    assert body_text(window, 1) == "Members welcomed the goverment grant."
    assert body_text(window, 0) == "The report was received and noted."
    window.undo()
    assert body_text(window, 0) == "The report was recieved and noted."
    dialog.close()


def test_f7_change_all_and_ignore(qtbot: QtBot, make_window: MakeWindow) -> None:
    meeting = two_items()
    items = (
        meeting.items[0].model_copy(
            update={"blocks": (Paragraph(text="The goverment report was recieved."),)}
        ),
        meeting.items[1],
    )
    window = open_window(make_window, meeting.model_copy(update={"items": items}))
    window.spelling.check_meeting()
    dialog = spelling_dialog(qtbot)
    assert "goverment" in dialog.sentence.text()
    QTest.mouseClick(dialog.change_all_button, Qt.MouseButton.LeftButton)
    assert body_text(window, 0) == "The government report was recieved."
    assert body_text(window, 1) == "Members welcomed the government grant."
    assert "recieved" in dialog.sentence.text()
    QTest.mouseClick(dialog.ignore_button, Qt.MouseButton.LeftButton)
    assert dialog.place.text() == COMPLETE
    window.undo()  # Change all was one step
    assert body_text(window, 0) == "The goverment report was recieved."
    assert body_text(window, 1) == "Members welcomed the goverment grant."
    dialog.close()


# --- no dictionary ------------------------------------------------------------------------------


def test_no_dictionary_says_so_once_and_works_without_underlines(
    qtbot: QtBot, make_window: MakeWindow, user_data: Path
) -> None:
    settings = Settings(user_data)
    settings.qsettings.setValue(LANGUAGE_KEY, "xx_XX")
    settings.sync()
    window = open_window(make_window, two_items())
    messages = window.messages
    assert isinstance(messages, RecordedMessages)
    assert not window.spelling.speller.available
    assert len(messages.shown) == 1
    _kind, title, text = messages.shown[0]
    assert title == "Spelling is off"
    assert "no xx_XX dictionary" in text
    off = window.findChild(QWidget, "spellingOff")
    assert off is not None and off.isVisible()
    body = show_item(qtbot, window, 0)
    type_at_end(qtbot, body, " The comittee agreed.")
    assert body_text(window, 0) == "The report was recieved and noted. The comittee agreed."
    assert not underlined(body, "recieved")
    window.set_document(MeetingDocument(two_items()))
    assert len(messages.shown) == 1  # once
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_F7)
    assert len(messages.shown) == 2
    assert messages.shown[1][1] == "Spelling cannot be checked"
    assert "xx_XX" in messages.shown[1][2]
    assert not any(isinstance(w, SpellingDialog) for w in QApplication.topLevelWidgets())


# --- table cells --------------------------------------------------------------------------------


def test_an_action_cell_is_underlined_and_an_attendance_name_is_not(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    meeting = two_items()
    action = FollowUp(id="f1", action="Circulate the reveiw", owner="Wibblefrot Grommet")
    items = (meeting.items[0].model_copy(update={"actions": (action,)}), meeting.items[1])
    attendance = (
        *meeting.attendance,
        Attendance(id="a3", person=Person(title="Councillor", name="Zorblin Quibbet")),
    )
    window = open_window(
        make_window, meeting.model_copy(update={"items": items, "attendance": attendance})
    )
    show_item(qtbot, window, 0)
    actions = window.item_form.findChild(QTableView, "actionsTable")
    assert isinstance(actions, QTableView)
    qtbot.waitUntil(actions.isVisible)
    model = actions.model()
    action_cell = actions.visualRect(model.index(0, 0))
    owner_cell = actions.visualRect(model.index(0, 1))
    viewport = actions.viewport()
    qtbot.waitUntil(
        lambda: red_pixels(viewport, action_cell.left(), action_cell.right()) > 4, timeout=2000
    )
    assert red_pixels(viewport, owner_cell.left(), owner_cell.right()) == 0  # a name
    window.show_section(Section("attendance"))
    table = window.attendance_form.table
    qtbot.waitUntil(table.isVisible)
    names = table.visualRect(table.model().index(2, 1))
    assert table.model().index(2, 1).data() == "Zorblin Quibbet"
    qtbot.wait(20)
    assert red_pixels(table.viewport(), names.left(), names.right()) == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    actions.grab().save(str(SHOTS / "spelling-actions-table.png"))


def test_add_to_my_dictionary_outside_a_committee_folder(
    qtbot: QtBot, make_window: MakeWindow, user_data: Path
) -> None:
    window = open_window(make_window, two_items())
    assert window.spelling.speller.folder is None
    body = show_item(qtbot, window, 1)
    qtbot.waitUntil(lambda: underlined(body, "goverment"), timeout=2000)
    body.setTextCursor(QTextCursor(body.document().find("goverment")))
    QTest.keyClick(body, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    choose(qtbot, popup_menu(qtbot), "&Add to my dictionary")
    personal = user_data / "personal-words.txt"
    assert "goverment" in personal.read_text(encoding="utf-8").splitlines()
    assert not underlined(body, "goverment")
    # known in the next window too
    other = open_window(make_window, two_items())
    assert other.spelling.speller.known("goverment")


def test_f7_after_typing_meanwhile_looks_for_the_word_again(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    window.spelling.check_meeting()
    dialog = spelling_dialog(qtbot)
    assert dialog.current is not None and dialog.current.word.text == "recieved"
    body = window.item_form.body
    body.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClicks(body, "Today ", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    assert body_text(window, 0) == "Today The report was recieved and noted."
    QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    # the field changed under the dialog: the word is found again where it now is
    assert body_text(window, 0) == "Today The report was recieved and noted."
    assert dialog.current is not None and dialog.current.word.text == "recieved"
    QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert body_text(window, 0) == "Today The report was received and noted."
    dialog.close()


def test_a_plain_text_field_is_underlined_and_a_right_click_on_a_line_edit_offers_the_menu(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = open_window(make_window, two_items())
    window.show_section(Section("meeting"))
    preamble = window.meeting_form.preamble
    if not preamble.isVisible():  # shown for the formats that have a preamble
        preamble.show()
    qtbot.waitUntil(preamble.isVisible)
    preamble.setFocus()
    type_at_end(qtbot, preamble, "The meating was held remotely.")
    qtbot.waitUntil(lambda: underlined(preamble, "meating"), timeout=2000)
    assert not underlined(preamble, "remotely")
    assert window.document is not None
    assert window.document.meeting.preamble == "The meating was held remotely."
    # a right click on a word of the item title
    show_item(qtbot, window, 1)
    title = window.item_form.title
    title.setFocus()
    type_at_end(qtbot, title, " for the goverment")
    point = QPoint(title.cursorRect().left() - title.fontMetrics().horizontalAdvance("ment"), 8)
    QApplication.sendEvent(
        title, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, title.mapToGlobal(point))
    )
    menu = popup_menu(qtbot)
    assert texts(menu)[0] == "government"
    menu.close()


def test_a_suggestion_in_a_cell_being_edited_is_entered_as_one_step(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    meeting = two_items()
    action = FollowUp(id="f1", action="Circulate the reveiw")
    items = (meeting.items[0].model_copy(update={"actions": (action,)}), meeting.items[1])
    window = open_window(make_window, meeting.model_copy(update={"items": items}))
    show_item(qtbot, window, 0)
    actions = window.item_form.findChild(RecordTable, "actionsTable")
    assert isinstance(actions, RecordTable)
    qtbot.waitUntil(actions.isVisible)
    actions.go_to(0, 0, edit=True)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPlainTextEdit | QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    qtbot.waitUntil(lambda: underlined(editor, "reveiw"), timeout=2000)
    editor.setTextCursor(editor.document().find("reveiw"))
    QTest.keyClick(editor, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    choose(qtbot, popup_menu(qtbot), "review")
    assert window.document is not None
    # entered at once, the editor still open
    assert window.document.meeting.items[0].actions[0].action == "Circulate the review"
    assert editor.toPlainText() == "Circulate the review"
    window.undo()
    assert window.document.meeting.items[0].actions[0].action == "Circulate the reveiw"
