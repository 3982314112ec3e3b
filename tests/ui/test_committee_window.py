"""The committee window on the Leicester commission's folder: edits typed into the real tables,
undone and saved; the numbering page's next number; the meetings by date; the year's actions
with an overdue one, opened in the main window and exported to CSV and Word."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path
from typing import ClassVar

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import FollowUp, Item, Meeting
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage import owner as owners
from clerk_app.storage.committee_file import load_committee, save_committee
from clerk_app.ui.committee.pages import OVERDUE_COLOUR
from clerk_app.ui.committee_window import CommitteeWindow
from clerk_app.ui.dialogs import Dialogs, OwnedChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from tests.ooxml import OoxmlValidator
from tests.ui.conftest import MakeWindow
from tests.ui.table_helpers import type_keys

SAMPLE_FOLDER = locations.samples_dir() / "committees" / "leicester-cype"
JUNE = "CYPESC 2025-06-18.minutes"
SEPTEMBER = "CYPESC 2025-09-23.minutes"
TODAY = dt.date(2025, 9, 10)
TYPING_MS = 15
"""Between keys: a quick typist."""


class Answers(Dialogs):
    save_changes: ClassVar[list[SaveChoice]] = []
    asked_save: ClassVar[list[str]] = []
    log_path: Path | None = None
    replace_changed = False
    owned: ClassVar[list[str]] = []

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        cls.asked_save.append(name)
        return cls.save_changes.pop(0) if cls.save_changes else SaveChoice.DISCARD

    @classmethod
    def ask_action_log_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        assert cls.log_path is not None
        return cls.log_path.with_suffix(suggested.suffix)

    @classmethod
    def after_export(cls, parent: QWidget | None, path: Path) -> None:
        pass

    exempt_answers: ClassVar[list[bool | None]] = []
    exempt_asked: ClassVar[list[int]] = []

    @classmethod
    def ask_exempt_actions(cls, parent: QWidget | None, count: int) -> bool | None:
        cls.exempt_asked.append(count)
        return cls.exempt_answers.pop(0)

    @classmethod
    def ask_open_owned(cls, parent: QWidget | None, path: Path, owner_text: str) -> OwnedChoice:
        cls.owned.append(owner_text)
        return OwnedChoice.READ_ONLY

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path, who: str = "") -> bool:
        return cls.replace_changed


@pytest.fixture
def answers() -> type[Answers]:
    class Fresh(Answers):
        save_changes: ClassVar[list[SaveChoice]] = []
        asked_save: ClassVar[list[str]] = []
        owned: ClassVar[list[str]] = []

    return Fresh


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample folder, copied: the committee file, June and the prepared September."""
    target = tmp_path / "CYPE"
    shutil.copytree(SAMPLE_FOLDER, target)
    return target


def open_committee(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, dialogs: type[Dialogs]
) -> tuple[MainWindow, CommitteeWindow]:
    window = make_window(dialogs)
    window.year.today = lambda: TODAY
    committee = window.year.show_folder(folder)
    qtbot.waitUntil(lambda: committee.view is not None and committee.document is not None)
    qtbot.waitExposed(committee)
    committee.activateWindow()
    qtbot.waitUntil(committee.isActiveWindow)
    return window, committee


def item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    found = table.item(row, column)
    assert found is not None
    return found


def cell(table: QTableWidget, row: int, column: int) -> str:
    return item(table, row, column).text()


def type_into_cell(committee: CommitteeWindow, row: int, column: int, text: str) -> None:
    """Go to the cell, type (the first key opens its editor), Enter."""
    table = committee.members_page.table
    table.go_to(row, column)
    type_keys(text, Qt.Key.Key_Return, delay=TYPING_MS)
    QTest.qWait(20)
    assert not table.editing()


def test_a_member_edited_undone_saved_and_reopened(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window, committee = open_committee(qtbot, make_window, folder, answers)
    assert committee.windowTitle().startswith(
        "Children, Young People and Education Scrutiny Commission[*]"
    )
    committee.show_page("Members")
    assert committee.document is not None
    members = committee.document.committee.members
    gregg = [m.person.name for m in members].index("Gregg")
    type_into_cell(committee, gregg, 3, "Grigg")
    assert committee.document.committee.members[gregg].person.name == "Grigg"
    assert committee.isWindowModified()
    # undone from the window's keys
    QTest.keyClick(committee.members_page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert committee.document.committee.members[gregg].person.name == "Gregg"
    assert not committee.isWindowModified()
    # a term typed as the meeting forms type dates
    type_into_cell(committee, gregg, 3, "Grigg")
    type_into_cell(committee, gregg, 8, "31/3/26")
    assert committee.document.committee.members[gregg].term_to == dt.date(2026, 3, 31)
    # a term ending before it starts is refused, in words
    type_into_cell(committee, gregg, 8, "01/01/2025")
    assert committee.document.committee.members[gregg].term_to == dt.date(2026, 3, 31)
    assert "ends before it starts" in committee.statusBar().currentMessage()
    QTest.keyClick(committee.members_page.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not committee.isWindowModified()
    saved = load_committee(folder / "leicester-cype.committee")
    assert saved.members[gregg].person.name == "Grigg"
    assert saved.members[gregg].term_to == dt.date(2026, 3, 31)
    assert (folder / "leicester-cype.committee.bak").exists()
    committee.close()
    qtbot.waitUntil(lambda: not window.year.committees.open)
    again = window.year.show_folder(folder)
    qtbot.waitUntil(lambda: again.document is not None)
    assert again is not committee
    assert again.document is not None
    assert again.document.committee.members[gregg].person.name == "Grigg"
    assert answers.asked_save == []  # nothing unsaved was left to ask about


def test_committee_fields_typed_and_undone_as_one_step(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    _, committee = open_committee(qtbot, make_window, folder, answers)
    page = committee.general_page
    page.venue.setFocus()
    QTest.keyClicks(
        page.venue, "Meeting Room G.01, City Hall", Qt.KeyboardModifier.NoModifier, TYPING_MS
    )
    assert committee.document is not None
    assert committee.document.committee.venue == "Meeting Room G.01, City Hall"
    QTest.keyClick(page.venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert committee.document.committee.venue == ""
    assert page.venue.text() == ""
    page.start_time.setFocus()
    page.start_time.selectAll()
    QTest.keyClicks(page.start_time, "6pm", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    QTest.keyClick(page.start_time, Qt.Key.Key_Tab)
    assert committee.document.committee.start_time == dt.time(18, 0)


def test_numbering_page_says_where_the_next_meeting_starts(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    (folder / SEPTEMBER).unlink()  # June is the latest: minutes 153 to 163
    _, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Numbering")
    page = committee.numbering_page
    line = page.next_line.text()
    assert "The next meeting (23 September 2025) would start at minute 164" in line
    assert "after the last minute (163) of 18 June 2025" in line
    # numbers that start again in a municipal year beginning in September
    page.reset.setFocus()
    QTest.keyClick(page.reset, Qt.Key.Key_Down)
    assert committee.document is not None
    assert committee.document.committee.numbering.reset == "municipal_year"
    assert page.month.isEnabled()
    page.month.setFocus()
    for _ in range(4):  # May -> September
        QTest.keyClick(page.month, Qt.Key.Key_Down)
    assert committee.document.committee.numbering.year_starts == 9
    assert "would start at minute 1, starting again after the meeting of 18 June 2025" in (
        page.next_line.text()
    )
    page.prefix.setFocus()
    QTest.keyClicks(page.prefix, "CY", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    assert committee.document.committee.numbering.prefix == "CY"


def test_meetings_listed_by_date_and_opened_in_the_main_window(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Meetings")
    table = committee.meetings_page.table
    rows = [[cell(table, r, c) for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Wed 18/06/2025", "Approved", "149–163", JUNE],
        ["Tue 23/09/2025", "Draft", "164–172", SEPTEMBER],
    ]
    table.setFocus()
    table.setCurrentCell(0, 0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.document is not None and window.document.path is not None
    assert window.document.path.name == JUNE


def _with_overdue(folder: Path) -> str:
    """One carried action in September given a due date before TODAY; its id."""
    path = folder / SEPTEMBER
    meeting = load_meeting(path)
    items = list(meeting.items)
    arising = next(n for n, item in enumerate(items) if item.actions)
    actions = list(items[arising].actions)
    actions[0] = actions[0].model_copy(update={"due": dt.date(2025, 9, 1)})
    items[arising] = items[arising].model_copy(update={"actions": tuple(actions)})
    save_meeting(
        Meeting.model_validate(meeting.model_copy(update={"items": tuple(items)}).model_dump()),
        path,
    )
    return actions[0].id


def test_the_years_actions_with_an_overdue_one(
    qtbot: QtBot,
    make_window: MakeWindow,
    folder: Path,
    answers: type[Answers],
    tmp_path: Path,
    ooxml: OoxmlValidator,
) -> None:
    overdue_id = _with_overdue(folder)
    window, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Actions")
    page = committee.actions_page
    table = page.table
    assert table.rowCount() == 4
    texts = [[cell(table, r, c) for c in range(5)] for r in range(4)]
    overdue = [row for row in texts if row[4].startswith("Overdue")]
    assert len(overdue) == 1
    assert overdue[0][2] == "1 September 2025"
    assert overdue[0][4] == "Overdue (due 1 September 2025)"
    assert all(row[3].startswith("Minute 1") and row[3].endswith(", 18 June 2025") for row in texts)
    row = next(r for r in range(4) if texts[r][4].startswith("Overdue"))
    assert item(table, row, 0).foreground().color() == QColor(OVERDUE_COLOUR)
    assert page.summary.text() == "4 actions: 4 open, 1 overdue"
    # the filter
    page.filter.setFocus()
    QTest.keyClick(page.filter, Qt.Key.Key_Down)
    QTest.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.filter.currentText() == "Overdue"
    assert table.rowCount() == 1
    assert [e.id for e in page.shown] == [overdue_id]
    page.filter.setCurrentIndex(0)
    assert table.rowCount() == 4
    # exported as CSV and as Word, from the page's buttons
    answers.log_path = tmp_path / "out" / "log"
    answers.log_path.parent.mkdir()
    QTest.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    csv_path = answers.log_path.with_suffix(".csv")
    qtbot.waitUntil(csv_path.exists, timeout=20_000)
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1 + 4
    assert sum(r[rows[0].index("Status")] == "Overdue" for r in rows[1:]) == 1
    QTest.mouseClick(page.word_button, Qt.MouseButton.LeftButton)
    word_path = answers.log_path.with_suffix(".docx")
    qtbot.waitUntil(word_path.exists, timeout=30_000)
    qtbot.waitUntil(lambda: "Exported" in committee.statusBar().currentMessage(), timeout=30_000)
    text = "\n".join(
        cell.text
        for table_ in docx.Document(str(word_path)).tables
        for row_ in table_.rows
        for cell in row_.cells
    )
    for entry in page.entries:
        assert entry.action[:40] in text
    assert ooxml.errors(word_path) == []
    # Enter on an action opens the meeting that holds it, at its item
    table.setFocus()
    table.setCurrentCell(row, 0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.document is not None and window.document.path is not None
    assert window.document.path.name == SEPTEMBER
    assert window.navigator.current_section == Section("item", "matters-arising")


def test_a_folder_without_a_committee_file(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    folder = tmp_path / "Scrutiny"
    folder.mkdir()
    shutil.copy(SAMPLE_FOLDER / JUNE, folder / JUNE)
    _, committee = open_committee(qtbot, make_window, folder, answers)
    assert committee.bar.isVisible()
    assert "no committee file" in committee.bar_label.text()
    assert JUNE in committee.bar_label.text()
    assert committee.document is not None and committee.document.derived
    names = [m.person.name for m in committee.document.committee.members]
    assert "Batool" in names and "Joycelin Eze-Okubuiro" in names
    QTest.mouseClick(committee.save_file_button, Qt.MouseButton.LeftButton)
    saved = folder / "Scrutiny.committee"
    assert saved.exists()
    assert load_committee(saved).name == "Children, Young People and Education Scrutiny Commission"
    assert not committee.bar.isVisible()
    assert not committee.document.derived


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    _, committee = open_committee(qtbot, make_window, folder, answers)
    page = committee.general_page
    page.authority.setFocus()
    QTest.keyClicks(page.authority, " (test)", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    assert committee.isWindowModified()
    answers.save_changes = [SaveChoice.CANCEL]
    assert not committee.close()
    assert committee.isVisible()
    answers.save_changes = [SaveChoice.SAVE]
    assert committee.close()
    assert load_committee(folder / "leicester-cype.committee").authority.endswith("(test)")
    assert len(answers.asked_save) == 2


def test_a_committee_file_changed_by_someone_else_is_not_replaced_silently(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    _, committee = open_committee(qtbot, make_window, folder, answers)
    path = folder / "leicester-cype.committee"
    theirs = path.read_text(encoding="utf-8").replace("Leicester City Council", "Leicester CC")
    path.write_text(theirs, encoding="utf-8")
    page = committee.general_page
    page.venue.setFocus()
    QTest.keyClicks(page.venue, "City Hall", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    answers.replace_changed = False
    assert not committee.save()
    assert path.read_text(encoding="utf-8") == theirs
    answers.replace_changed = True
    assert committee.save()
    assert load_committee(path).venue == "City Hall"


def test_pages_by_keyboard(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    _, committee = open_committee(qtbot, make_window, folder, answers)
    committee.activateWindow()
    assert committee.page_list.currentRow() == 0
    committee.next_page_action.trigger()
    assert committee.pages.currentWidget() is committee.members_page
    committee.previous_page_action.trigger()
    committee.previous_page_action.trigger()
    assert committee.pages.currentWidget() is committee.actions_page
    # and from the keyboard: Ctrl+PgDown from the last page goes round to the first
    QTest.keyClick(committee.page_list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert committee.pages.currentWidget() is committee.general_page
    for widget in committee.findChildren(QWidget):
        name = widget.objectName()
        if name.startswith(("committee", "numbering", "meetingDates", "newMeetingDate")) and (
            widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            assert widget.accessibleName(), name


def test_a_committee_another_clerk_has_open_is_read_only_when_the_clerk_says_so(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    path = folder / "leicester-cype.committee"
    theirs = owners.Session.start()  # another live Clerk (this process is running)
    assert owners.claim(path, theirs) is None
    _, committee = open_committee(qtbot, make_window, folder, answers)
    assert len(answers.owned) == 1 and theirs.machine in answers.owned[0]
    assert committee.document is not None and committee.document.read_only
    assert committee.bar.isVisible() and "read-only" in committee.bar_label.text()
    assert committee.edit_anyway_button.isVisible()
    before = path.read_bytes()
    # reading the folder again (F5, or after New meeting…) neither asks again nor forgets
    committee.reload()
    committee.wait_for_folder()
    qtbot.waitUntil(lambda: committee.view is not None)
    qtbot.wait(50)
    assert len(answers.owned) == 1
    assert committee.document is not None and committee.document.read_only
    page = committee.general_page
    page.venue.setFocus()
    QTest.keyClicks(page.venue, "City Hall", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    assert not committee.save()
    assert path.read_bytes() == before
    assert owners.read_owner(path) is not None
    # Edit anyway: the mark becomes ours, and the save goes through
    QTest.mouseClick(committee.edit_anyway_button, Qt.MouseButton.LeftButton)
    assert committee.save()
    assert load_committee(path).venue == "City Hall"
    owner = owners.read_owner(path)
    assert owner is not None and owner.session != theirs.token
    committee.close()
    assert owners.read_owner(path) is None  # released on close


def test_an_exempt_items_action_is_exported_only_when_the_clerk_asks(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers], tmp_path: Path
) -> None:
    june = folder / "CYPESC 2025-06-18.minutes"
    meeting = load_meeting(june)
    secret = Item(
        id="contract",
        title="Transport Contract",
        exempt=True,
        actions=(FollowUp(id="acme", action="Negotiate with Acme"),),
    )
    save_meeting(meeting.model_copy(update={"items": (*meeting.items, secret)}), june)
    _, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Actions")
    page = committee.actions_page
    assert any(e.exempt for e in page.shown)
    assert any(
        item(page.table, r, 0).text() == "[Exempt] Negotiate with Acme"
        for r in range(page.table.rowCount())
    )
    answers.log_path = tmp_path / "out" / "log"
    answers.log_path.parent.mkdir()
    csv_path = answers.log_path.with_suffix(".csv")
    for answer, wanted in ((False, False), (True, True)):
        answers.exempt_answers = [answer]
        csv_path.unlink(missing_ok=True)
        QTest.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(csv_path.exists, timeout=20_000)
        text = csv_path.read_bytes().decode("utf-8-sig")
        assert ("[Exempt] Negotiate with Acme" in text) is wanted
        assert ("Acme" in text) is wanted
    assert answers.exempt_asked == [1, 1]
    answers.exempt_answers = [None]  # cancelled: nothing written
    csv_path.unlink()
    QTest.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert not csv_path.exists()


def test_closing_the_app_asks_about_the_meeting_before_closing_committee_windows(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window, committee = open_committee(qtbot, make_window, folder, answers)
    assert window.open_path(folder / "CYPESC 2025-09-23.minutes", ask=False)
    assert window.document is not None
    window.document.set(("venue",), "City Hall", "Edit venue")
    page = committee.general_page
    page.authority.setFocus()
    QTest.keyClicks(page.authority, " (test)", Qt.KeyboardModifier.NoModifier, TYPING_MS)
    answers.save_changes = [SaveChoice.CANCEL]  # the meeting's question: cancelled
    assert not window.close()
    # the committee window was not closed behind the clerk's back, nor asked
    assert committee.isVisible() and committee.isWindowModified()
    assert len(answers.asked_save) == 1 and "CYPESC 2025-09-23" in answers.asked_save[0]


def test_the_page_stays_when_the_committee_is_read_again(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    _, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Meetings")
    shown = committee.page_list.currentRow()
    path = folder / "leicester-cype.committee"
    save_committee(load_committee(path).model_copy(update={"venue": "Town Hall"}), path)
    committee.reload()  # the file changed: the committee is made again
    committee.wait_for_folder()
    qtbot.waitUntil(
        lambda: committee.document is not None and committee.document.committee.venue == "Town Hall"
    )
    assert committee.page_list.currentRow() == shown


def test_the_committee_page_follows_a_meeting_saved_in_the_main_window(
    qtbot: QtBot, make_window: MakeWindow, folder: Path, answers: type[Answers]
) -> None:
    window, committee = open_committee(qtbot, make_window, folder, answers)
    committee.show_page("Actions")
    page = committee.actions_page
    assert page.summary.text().startswith("4 actions: 4 open")
    assert window.open_path(folder / "CYPESC 2025-09-23.minutes", ask=False)
    document = window.document
    assert document is not None
    n = next(i for i, item in enumerate(document.meeting.items) if item.actions)
    document.set(("items", n, "actions", 0, "done"), True, "Tick action done")
    assert window.save()
    qtbot.waitUntil(lambda: page.summary.text().startswith("4 actions: 3 open"), timeout=10_000)
