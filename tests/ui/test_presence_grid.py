"""The presence grid on the parish committee's November meeting: Cllr Brown arrived for the
minutes, Cllr Patel left after the date of the next meeting, Cllr Evans left the room for the
planning applications, and a recorded vote was taken on them; the folder's committee file gives
the quorum (3)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain import edit
from clerk_app.domain.model import Paragraph, Resolution, VoteChoice
from clerk_app.render.styles import load_style_folder
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import load_meeting, read_meeting, save_meeting
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from clerk_app.ui.presence_grid import DELAY_MS, PresenceView
from tests.ui.conftest import MakeWindow

NOVEMBER = "Full Council 2020-11-12.minutes"


class Discard(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def opened(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, *, leave: bool = False
) -> MainWindow:
    folder = tmp_path / "parish"
    shutil.copytree(locations.samples_dir() / "committees" / "parish", folder)
    path = folder / NOVEMBER
    if leave:  # six of the eight members present leave after the budget (minute 201/20)
        meeting, _ = read_meeting(path)
        for n in range(2, 8):
            meeting = edit.set_at(meeting, ("attendance", n, "present_to_item"), "precept")
        save_meeting(meeting, path)
    window = make_window(Discard, active=True)
    window.resize(1366, 768)
    window.open_path(path)
    qtbot.waitUntil(lambda: window.document is not None)
    window.findings.wait_for_lookup()
    qtbot.waitUntil(lambda: window.findings.committee is not None)
    return window


def grid_of(window: MainWindow, qtbot: QtBot) -> PresenceView:
    QTest.keyClick(window, Qt.Key.Key_F9)
    view = window.presence
    assert view is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    return view


def text_at(view: PresenceView, member: str, item: str) -> str:
    grid = view.model.grid
    assert grid is not None
    row = [m.id for m in grid.members].index(member)
    column = [i.id for i in grid.items].index(item)
    return str(view.model.index(row, column).data())


def test_f9_shows_who_was_in_the_room_for_each_item(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    view = grid_of(window, qtbot)
    assert window.presence_dock.isVisible()
    model = view.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "196/20"
    assert text_at(view, "brown", "apologies") == "›"  # not yet arrived
    assert text_at(view, "brown", "minutes") == "✓"  # arrived for them
    assert text_at(view, "lewis", "minutes") == "✓ P"  # proposed them
    assert text_at(view, "hughes", "minutes") == "✓ S"  # seconded them
    assert text_at(view, "patel", "exclusion") == "‹"  # had left
    assert text_at(view, "evans", "planning") == "Out"
    assert text_at(view, "wilson", "planning") == "·"  # apologies
    assert text_at(view, "jones", "planning") == "✓ F P"  # voted for, proposed
    words = model.index(3, 4).data(Qt.ItemDataRole.AccessibleTextRole)
    assert words == "Cllr H Evans, Minute 200/20: out of the room for an interest"
    count = model.count_row
    assert model.headerData(count, Qt.Orientation.Vertical) == "Voting members present (quorum 3)"
    assert [model.index(count, c).data() for c in range(model.columnCount())] == [
        "7", "7", "8", "8", "7", "8", "8", "7", "7",
    ]  # fmt: skip


def test_the_first_inquorate_item_is_marked(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path, leave=True)
    view = grid_of(window, qtbot)
    model = view.model
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert columns[5:] == ["201/20", "202/20 !", "203/20", "204/20"]
    counts = [model.index(model.count_row, c).data() for c in range(model.columnCount())]
    assert counts[5:] == ["8", "2 !", "2 !", "2 !"]
    assert "first item without a quorum" in model.headerData(
        6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_enter_on_a_cell_goes_to_what_makes_it_so(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    view = grid_of(window, qtbot)
    # Cllr Brown (row 3) before the minutes: the attendance row's "present from" cell
    view.table.setCurrentIndex(view.model.index(2, 0))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    attendance = window.pages["attendance"]
    qtbot.waitUntil(lambda: window.forms.currentWidget() is attendance)
    table = attendance.findChild(QTableView)
    assert table is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert table.currentIndex().row() == 2
    column = table.model().headerData(table.currentIndex().column(), Qt.Orientation.Horizontal)
    assert "from" in str(column).casefold()
    # Cllr Evans out of the room for the planning applications: the declaration
    view = grid_of(window, qtbot)
    view.table.setCurrentIndex(view.model.index(3, 4))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.forms.currentWidget() is window.pages["declarations"])
    # the count under an item: the item's minute
    view = grid_of(window, qtbot)
    view.table.setCurrentIndex(view.model.index(view.model.count_row, 5))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.forms.currentWidget() is window.item_form)
    assert window.document is not None
    assert window.item_form.item_id == window.document.meeting.items[5].id


def test_the_grid_follows_the_attendance(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    view = grid_of(window, qtbot)
    document = window.document
    assert document is not None
    assert text_at(view, "hughes", "precept").startswith("✓")
    document.set(("attendance", 4, "present_to_item"), "planning", "Hughes left")
    qtbot.waitUntil(lambda: text_at(view, "hughes", "precept") == "‹", timeout=3000)
    counts = [view.model.index(view.model.count_row, c).data() for c in range(9)]
    assert counts[5] == "7"


def test_enter_on_a_vote_goes_to_the_named_votes(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    view = grid_of(window, qtbot)
    grid = view.model.grid
    assert grid is not None
    row = [m.id for m in grid.members].index("jones")
    column = [i.id for i in grid.items].index("planning")
    path = view.path_of(row, column)
    assert path is not None and path[-2] == "named_votes"
    view.table.setCurrentIndex(view.model.index(row, column))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.forms.currentWidget() is window.item_form)
    assert window.item_form.item_id == "planning"
    (group,) = window.item_form.resolutions.groups
    qtbot.waitUntil(lambda: QApplication.focusWidget() is group.named_combos["jones"])
    # Shift+Enter on a cell, or a double click on the member's name: their attendance row
    attendance = window.pages["attendance"]
    table = attendance.findChild(QTableView)
    assert table is not None and window.document is not None
    for go in ("shift+enter", "double click"):
        window.show_section(Section("meeting"))
        view = grid_of(window, qtbot)
        view.table.setCurrentIndex(view.model.index(row, column))
        if go == "shift+enter":
            QTest.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        else:
            view.table.verticalHeader().sectionDoubleClicked.emit(row)
        qtbot.waitUntil(lambda: window.forms.currentWidget() is attendance)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
        assert window.document.meeting.attendance[table.currentIndex().row()].id == "jones"


def test_typing_in_a_minute_redraws_nothing(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    view = grid_of(window, qtbot)
    document = window.document
    assert document is not None
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    n, k = next(
        (n, k)
        for n, item in enumerate(document.meeting.items)
        for k, block in enumerate(item.blocks)
        if isinstance(block, Paragraph)
    )
    for text in ("The", "The Clerk", "The Clerk reported"):
        document.set(("items", n, "blocks", k, "text"), text, "Typing")
    block = document.meeting.items[n].blocks[k]
    assert isinstance(block, Paragraph) and block.text == "The Clerk reported"
    QTest.qWait(DELAY_MS * 2)
    assert resets == []
    # Cllr Jones's vote on the planning applications changed: drawn again
    p = [i.id for i in document.meeting.items].index("planning")
    r, v = next(
        (r, v)
        for r, block in enumerate(document.meeting.items[p].blocks)
        if isinstance(block, Resolution)
        for v, vote in enumerate(block.named_votes)
        if vote.attendee_id == "jones"
    )
    document.set(("items", p, "blocks", r, "named_votes", v, "choice"), VoteChoice.AGAINST, "Vote")
    qtbot.waitUntil(lambda: text_at(view, "jones", "planning") == "✓ A P", timeout=3000)
    assert resets == [1]


def test_an_unnumbered_item_is_headed_by_its_title(qtbot: QtBot) -> None:
    path = locations.samples_dir() / "uscity-2025-03-04.minutes"
    meeting = load_meeting(path)
    styles = {
        meeting.house_style: load_style_folder(locations.templates_dir() / meeting.house_style)
    }
    view = PresenceView(MeetingDocument(meeting, path), styles, lambda: None)
    qtbot.addWidget(view)
    assert view.model.columnCount() == 0  # worked out only once shown
    view.show()
    model = view.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[:7] == ["CS-1", "CS-2", "CS-3", "Pledge of…", "3", "4", "Approval…"]
    tip = model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Pledge of Allegiance"
