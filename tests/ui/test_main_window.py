"""The main window, driven like a clerk drives it: the keyboard, the menus, the forms."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import STANDING_ITEM_TITLES, Meeting
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoveredMeeting
from clerk_app.storage import load_meeting
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import ITEM_MIME, Section
from clerk_app.ui.preferences import Preferences
from tests.ui.conftest import MakeWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Answers(Dialogs):
    """The clerk's answers, set by each test; every question asked is recorded."""

    save_changes = SaveChoice.CANCEL
    save_path: Path | None = None
    open_path: Path | None = None
    export: tuple[Path, bool] | None = None
    replace_recovered = False
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        cls.asked.append(f"save changes to {name}?")
        return cls.save_changes

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        cls.asked.append("save as?")
        return cls.save_path

    @classmethod
    def ask_open_path(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        cls.asked.append("open?")
        return cls.open_path

    @classmethod
    def ask_export(
        cls, parent: QWidget | None, suggested: Path, has_exempt: bool
    ) -> tuple[Path, bool] | None:
        cls.asked.append(f"export {suggested.suffix}?")
        return cls.export

    @classmethod
    def ask_replace_with_recovered(cls, parent: QWidget | None, path: Path) -> bool:
        cls.asked.append("replace with recovered?")
        return cls.replace_recovered

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.LATER

    @classmethod
    def after_export(cls, parent: QWidget | None, path: Path) -> None:
        cls.asked.append(f"exported {path.name}")

    preferences: Preferences | None = None

    @classmethod
    def ask_preferences(
        cls, parent: QWidget | None, current: Preferences, styles: dict[str, StyleFolder]
    ) -> Preferences | None:
        cls.asked.append(
            f"preferences? {current.clerk_name or '(no name)'}, {current.default_style}"
        )
        return cls.preferences


@pytest.fixture
def answers() -> Iterator[type[Answers]]:
    Answers.asked = []
    Answers.save_changes = SaveChoice.CANCEL
    Answers.save_path = Answers.open_path = Answers.export = None
    Answers.preferences = None
    yield Answers


@pytest.fixture
def window(make_window: MakeWindow, answers: type[Answers]) -> MainWindow:
    return make_window(answers, active=True)


def messages(window: MainWindow) -> list[tuple[str, str, str]]:
    assert isinstance(window.messages, RecordedMessages)
    return window.messages.shown


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def child(window: MainWindow, kind: type[Any], name: str) -> Any:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def without_ids(value: Any) -> Any:
    """A model as data, with the generated ids taken out (they differ by construction)."""
    data = value.model_dump(mode="json")

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "id"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return strip(data)


# --- the whole flow ------------------------------------------------------------------------------


def test_the_first_five_items_of_the_sample_built_through_the_forms(
    qtbot: QtBot, window: MainWindow, sample: Meeting, answers: type[Answers], tmp_path: Path
) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)  # New meeting
    document = window.document
    assert document is not None and not document.meeting.items
    qtbot.waitUntil(window.meeting_form.isVisible)  # Qt shows a new central widget on its next turn

    # The meeting form: the committee, the date as dd/mm/yyyy, and the first minute number.
    form = window.meeting_form
    focus(qtbot, form.authority)
    QTest.keyClicks(form.authority, sample.authority)
    QTest.keyClick(form.authority, Qt.Key.Key_Tab)  # the fields go in order
    qtbot.waitUntil(form.body_edit.hasFocus)
    QTest.keyClicks(form.body_edit, sample.body)
    focus(qtbot, form.date_edit)  # tabbing in selects the day: the date is typed as digits
    QTest.keyClicks(form.date_edit, "18062025")
    focus(qtbot, form.first_number)
    form.first_number.selectAll()
    QTest.keyClicks(form.first_number, "149")
    assert (document.meeting.date, document.meeting.first_minute_number) == (sample.date, 149)

    # Attendance: the member who declares an interest.
    window.show_section(Section("attendance"))
    attendance = window.attendance_form
    QTest.mouseClick(attendance.add_button, Qt.MouseButton.LeftButton)
    title = attendance.table.indexWidget(attendance.table.currentIndex())
    assert isinstance(title, QLineEdit)  # a new person starts at their title
    QTest.keyClicks(title, "Councillor")
    QTest.keyClick(title, Qt.Key.Key_Tab)  # entered; the name cell is chosen, not yet edited
    QTest.keyClicks(attendance.table, "M")  # typing starts the edit
    name = attendance.table.indexWidget(attendance.table.currentIndex())
    assert isinstance(name, QLineEdit)
    QTest.keyClicks(name, "oore")
    QTest.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.meeting.attendance[0].person.name == "Moore")
    assert document.meeting.attendance[0].person.title == "Councillor"

    # Five items, each through the Item menu's shortcut, its title, standing kind and text.
    for number in range(149, 154):
        expected = sample.items[number - 149]
        QTest.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
        item_form = window.item_form
        qtbot.waitUntil(item_form.title.hasFocus)  # a new item starts at its title
        assert window.navigator.current_section.kind == "item"
        if expected.standing is not None:
            focus(qtbot, item_form.standing)
            # keyboard search by the first word (a space would open the drop-down list); a
            # search typed within Qt's input interval of the last one would continue it
            QTest.qWait(QApplication.keyboardInputInterval() + 50)
            QTest.keyClicks(item_form.standing, STANDING_ITEM_TITLES[expected.standing].split()[0])
            assert document.meeting.items[-1].standing is expected.standing
        focus(qtbot, item_form.title)
        item_form.title.selectAll()
        QTest.keyClicks(item_form.title, expected.title)
        focus(qtbot, item_form.body)
        lines = _markup_lines(expected)
        for n, line in enumerate(lines):
            if n:
                QTest.keyClick(item_form.body, Qt.Key.Key_Return)
            QTest.keyClicks(item_form.body, line)
        built = document.meeting.items[number - 149]
        assert without_ids(built) == without_ids(expected), number

    # The declaration, through its form.
    window.show_section(Section("declarations"))
    declarations = window.declarations_form
    QTest.mouseClick(declarations.add_button, Qt.MouseButton.LeftButton)
    member = declarations.table.indexWidget(declarations.table.currentIndex())
    assert isinstance(member, QComboBox) and member.currentText() == "Councillor Moore"
    QTest.keyClick(member, Qt.Key.Key_Tab)  # entered: the next cell is chosen, not edited
    QTest.keyClick(declarations.table, Qt.Key.Key_Tab)  # on to the interest
    interest = sample.interests[0].interest
    QTest.keyClicks(declarations.table, interest[0])  # typing starts the edit
    text = declarations.table.indexWidget(declarations.table.currentIndex())
    assert isinstance(text, QPlainTextEdit)
    QTest.keyClicks(text, interest[1:])
    QTest.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: bool(document.meeting.interests and document.meeting.interests[0].interest)
    )
    assert document.meeting.interests[0].interest == sample.interests[0].interest
    assert document.meeting.interests[0].attendee_id == document.meeting.attendance[0].id

    built_items = [without_ids(i) for i in document.meeting.items]
    assert built_items == [without_ids(i) for i in sample.items[:5]]
    window.preview.render_now()
    preview = window.preview.text.toPlainText()
    assert "153. DATES OF MEETINGS FOR THE COMMISSION 2025/26" in preview
    assert "Councillor Moore declared that she is the Chair of the Advisory Board" in preview

    # Undo everything, then redo it all: the same meeting comes back.
    finished = document.meeting
    steps = document.undo_stack.count()
    texts = [document.undo_stack.text(n) for n in range(steps)]
    for _ in range(steps):
        QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert texts[:2] == ["Edit authority", "Edit committee name"]
    assert not document.meeting.items and document.meeting.authority == ""
    assert not document.modified
    for _ in range(steps):
        QTest.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert document.meeting == finished

    # Save (Ctrl+S asks where, the first time), then reopen: the same meeting.
    answers.save_path = tmp_path / "june.minutes"
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    assert answers.asked[-1] == "save as?"
    assert not document.modified and window.windowTitle() == "june.minutes[*] — Clerk"
    assert load_meeting(tmp_path / "june.minutes") == finished
    assert window.open_path(tmp_path / "june.minutes")
    assert window.document is not None and window.document.meeting == finished


def _markup_lines(item: Any) -> list[str]:
    from clerk_app.domain.bodytext import format_body

    return format_body(item.blocks, "AGREED").split("\n")


# --- files ---------------------------------------------------------------------------------------


def open_sample_copy(window: MainWindow, tmp_path: Path) -> MeetingDocument:
    path = tmp_path / "sample.minutes"
    shutil.copy(locations.sample_meeting(), path)
    assert window.open_path(path)
    assert window.document is not None
    return window.document


def test_the_title_shows_the_file_and_a_modified_marker(window: MainWindow, tmp_path: Path) -> None:
    document = open_sample_copy(window, tmp_path)
    assert window.windowTitle() == "sample.minutes[*] — Clerk" and not window.isWindowModified()
    document.set(("venue",), "City Hall", "Edit venue")
    assert window.isWindowModified()
    document.undo_stack.undo()
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("choice", "closes", "saved"),
    [
        (SaveChoice.CANCEL, False, False),
        (SaveChoice.DISCARD, True, False),
        (SaveChoice.SAVE, True, True),
    ],
)
def test_unsaved_changes_prompt_on_close(
    window: MainWindow,
    tmp_path: Path,
    answers: type[Answers],
    choice: SaveChoice,
    closes: bool,
    saved: bool,
) -> None:
    document = open_sample_copy(window, tmp_path)
    document.set(("venue",), "City Hall", "Edit venue")
    answers.save_changes = choice
    assert window.close() is closes
    assert answers.asked == ["save changes to sample.minutes?"]
    assert (load_meeting(tmp_path / "sample.minutes").venue == "City Hall") is saved


def test_unsaved_changes_prompt_on_new_and_open(
    window: MainWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    document = open_sample_copy(window, tmp_path)
    document.set(("venue",), "City Hall", "Edit venue")
    answers.save_changes = SaveChoice.CANCEL
    window.new_document()
    assert window.document is document  # cancelled: nothing changed
    window.open_dialog()
    assert window.document is document
    assert answers.asked == ["save changes to sample.minutes?"] * 2
    answers.save_changes = SaveChoice.DISCARD
    window.new_document()
    assert window.document is not document and window.document is not None
    assert window.document.meeting.house_style == "leicester"


def test_a_bad_file_shows_the_storage_message_and_changes_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    document = open_sample_copy(window, tmp_path)
    bad = tmp_path / "bad.minutes"
    bad.write_text('{"format_version": 1, "items": [', encoding="utf-8")
    assert not window.open_path(bad)
    assert window.document is document
    ((kind, title, text),) = messages(window)
    assert (kind, title) == ("error", "The meeting could not be opened")
    assert text == f"{bad}: is truncated: it stops after line 1, in the middle of the meeting"


def test_recent_files(window: MainWindow, tmp_path: Path) -> None:
    open_sample_copy(window, tmp_path)
    assert window.settings.recent_files == [tmp_path / "sample.minutes"]
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == [str(tmp_path / "sample.minutes")]


def test_the_sample_opens_as_a_new_unsaved_meeting(
    window: MainWindow, answers: type[Answers]
) -> None:
    window.open_sample()
    assert window.document is not None and window.document.path is None
    assert len(window.document.meeting.items) == 15


def test_export_to_word_runs_off_the_gui_thread_and_reports_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    open_sample_copy(window, tmp_path)
    answers.export = (tmp_path / "minutes.docx", True)
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: "exported minutes.docx" in answers.asked, timeout=30_000)
    assert answers.asked[0] == "export .docx?"
    assert (tmp_path / "minutes.docx").read_bytes().startswith(b"PK")


def test_a_failed_export_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    open_sample_copy(window, tmp_path)
    answers.export = (tmp_path / "missing folder" / "minutes.txt", True)
    window.export(".txt")
    qtbot.waitUntil(lambda: bool(messages(window)), timeout=30_000)
    ((kind, title, text),) = messages(window)
    assert (kind, title) == ("error", "The minutes could not be exported")
    assert "the folder does not exist" in text


# --- items and navigation ------------------------------------------------------------------------


def test_items_move_delete_and_duplicate_with_minute_numbers_following(
    window: MainWindow, tmp_path: Path
) -> None:
    document = open_sample_copy(window, tmp_path)
    window.show_section(Section("item", "petitions"))  # 157
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert document.meeting.item_index("petitions") == 7
    assert (
        window.nav_model.data(window.nav_model.index(window.nav_model.first_item_row() + 7))
        == "156. PETITIONS"
    )
    window.duplicate_item()
    assert (
        document.meeting.items[8].title == "Petitions"
        and document.meeting.items[8].id != "petitions"
    )
    window.delete_item()
    assert [i.id for i in document.meeting.items[7:9]] == ["petitions", "questions"]
    assert "Ctrl+Z brings it back" in window.statusBar().currentMessage()
    document.undo_stack.undo()
    assert len(document.meeting.items) == 16


def test_dragging_an_item_in_the_navigator(window: MainWindow, tmp_path: Path) -> None:
    document = open_sample_copy(window, tmp_path)
    model = window.nav_model
    data = QMimeData()
    data.setData(ITEM_MIME, str(model.item_row("aob")).encode())
    model.dropMimeData(
        data, Qt.DropAction.MoveAction, model.item_row("welcome"), 0, model.index(-1)
    )
    assert document.meeting.items[0].id == "aob"
    assert model.data(model.index(model.first_item_row())) == "149. ANY OTHER BUSINESS"


def test_a_finding_takes_the_clerk_to_its_field(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    document = open_sample_copy(window, tmp_path)
    document.set(("items", 4, "title"), "", "Clear title")
    window.findings.check_now()
    row = next(
        n for n, f in enumerate(window.findings.findings) if f.message == "Minute 153 has no title."
    )
    panel = window.findings
    panel.list.setCurrentIndex(panel.model.index(row, 0))
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.navigator.current_section == Section("item", "dates")
    assert window.item_form.title.hasFocus() or QApplication.focusWidget() is window.item_form.title


def test_every_editable_widget_is_named_for_screen_readers(
    window: MainWindow, tmp_path: Path
) -> None:
    open_sample_copy(window, tmp_path)
    editable = (QLineEdit, QPlainTextEdit, QComboBox)
    unnamed = [
        w for w in window.findChildren(QWidget)
        if isinstance(w, editable) and w.isVisibleTo(window) and not (w.objectName() and w.accessibleName())
        and not w.objectName().startswith("qt_")
    ]  # fmt: skip
    assert unnamed == []


def test_the_preview_follows_the_section(window: MainWindow, tmp_path: Path) -> None:
    open_sample_copy(window, tmp_path)
    preview = window.preview
    # drawn whole first: on a loaded machine the first drawing outgrows its moment on the GUI
    # thread and goes on on a worker (tests/ui/test_hostile_style.py holds that to account)
    preview.render_now()
    window.show_section(Section("item", "questions"))
    QApplication.processEvents()
    assert (
        preview.text.firstVisibleBlock().text()
        == "156. QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE"
    )
    window.show_section(
        Section("item", "aob")
    )  # the last item: in view, as near the top as it goes
    QApplication.processEvents()
    lines = preview.text.toPlainText().split("\n")
    assert preview._visible(lines.index("163. ANY OTHER BUSINESS"))
    window.show_section(Section("meeting"))
    assert preview.text.firstVisibleBlock().blockNumber() == 0


def test_a_new_meeting_uses_todays_date(window: MainWindow) -> None:
    window.new_document()
    assert window.document is not None and window.document.meeting.date == dt.date.today()


def test_preferences_name_the_clerk_in_exports_and_choose_the_style_of_new_meetings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    import docx

    answers.preferences = Preferences("Kirsty Wootton", "parish")
    window.edit_preferences()
    assert answers.asked == ["preferences? (no name), leicester"]
    assert (window.settings.clerk_name, window.settings.default_style) == (
        "Kirsty Wootton",
        "parish",
    )
    window.new_document()
    assert window.document is not None and window.document.meeting.house_style == "parish"
    open_sample_copy(window, tmp_path)
    answers.export = (tmp_path / "minutes.docx", True)
    window.export(".docx")
    qtbot.waitUntil(lambda: "exported minutes.docx" in answers.asked, timeout=30_000)
    assert (
        docx.Document(str(tmp_path / "minutes.docx")).core_properties.last_modified_by
        == "Kirsty Wootton"
    )


def test_an_error_nobody_caught_is_logged_and_shown_naming_the_log(user_data: Path) -> None:
    import logging
    import sys

    from clerk_app.services.logs import setup_logging
    from clerk_app.ui.app import install_excepthook

    messages = RecordedMessages()
    log = setup_logging(user_data)
    previous = sys.excepthook
    install_excepthook(messages, log)
    try:
        try:
            raise ValueError("the printer caught fire")
        except ValueError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
        root = logging.getLogger()
        for handler in [
            h
            for h in root.handlers
            if str(getattr(h, "baseFilename", "")).startswith(str(user_data))
        ]:
            handler.close()
            root.removeHandler(handler)
    ((kind, title, text),) = messages.shown
    assert (kind, title) == ("error", "Something went wrong")
    assert log is not None
    assert "the printer caught fire" in text and str(log) in text
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: the printer caught fire" in logged


def test_insert_on_the_navigator_adds_a_person_or_a_declaration(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    document = open_sample_copy(window, tmp_path)
    people = len(document.meeting.attendance)
    window.show_section(Section("attendance"))
    focus(qtbot, window.navigator)
    QTest.keyClick(window.navigator, Qt.Key.Key_Insert)
    assert len(document.meeting.attendance) == people + 1
    qtbot.waitUntil(
        lambda: (
            window.attendance_form.table.hasFocus()
            or window.attendance_form.table.indexWidget(window.attendance_form.table.currentIndex())
            is not None
        )
    )
    declarations = len(document.meeting.interests)
    window.show_section(Section("declarations"))
    focus(qtbot, window.navigator)
    QTest.keyClick(window.navigator, Qt.Key.Key_Insert)
    assert len(document.meeting.interests) == declarations + 1
    # on an item's row Insert does nothing to people or declarations
    window.show_section(Section("item", document.meeting.items[0].id))
    focus(qtbot, window.navigator)
    QTest.keyClick(window.navigator, Qt.Key.Key_Insert)
    assert len(document.meeting.attendance) == people + 1
    assert len(document.meeting.interests) == declarations + 1
