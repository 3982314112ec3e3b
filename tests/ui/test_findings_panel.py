"""The findings panel from the keyboard: filter by kind, go to the field, fix one or all."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain import edit
from clerk_app.domain.finding import FindingKind
from clerk_app.domain.findings import Finding, Severity, check_meeting
from clerk_app.domain.model import Meeting
from clerk_app.storage import read_meeting, save_meeting
from clerk_app.ui import findings_panel
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.findings_panel import FOCUS_KEY, FindingsPanel
from clerk_app.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow

PARISH = locations.samples_dir() / "parish-2020-11-12.minutes"
SLIPS = "Councillor Smith arrived at 7:45 pm on the 3rd November."
FIXED = "Cllr Smith arrived at 7.45pm on the 3 November."
TEXT = ("items", 3, "blocks", 0, "text")
"""A paragraph of minute 199/20 (public participation), where the slips are written."""
CTRL = Qt.KeyboardModifier.ControlModifier


class Discard(Dialogs):
    """Closing a changed meeting at the end of a test discards it."""

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def with_slips(meeting: Meeting) -> Meeting:
    """Three house-style slips in one paragraph (the parish writes "Cllr", "7.45pm" and no
    ordinals), a minute without a title (the record's error) and an exempt minute nobody
    excluded the public for (the law's)."""
    assert edit.get_at(meeting, TEXT)
    meeting = edit.set_at(meeting, TEXT, SLIPS)
    meeting = edit.set_at(meeting, ("items", 4, "title"), "")
    return edit.set_at(meeting, ("items", 6, "exempt"), True)


def opened(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    meeting, _ = read_meeting(PARISH)
    copy = tmp_path / "parish.minutes"
    save_meeting(with_slips(meeting), copy)
    window = make_window(Discard, active=True)
    window.resize(1366, 768)
    window.open_path(copy)
    qtbot.waitUntil(lambda: window.document is not None)
    return window


def panel_of(window: MainWindow) -> FindingsPanel:
    panel = window.findings
    assert window.findings_dock.widget() is panel
    return panel


def kinds_shown(panel: FindingsPanel) -> list[FindingKind]:
    model = panel.model
    return [f.kind for f in (model.finding(row) for row in range(model.rowCount())) if f]


def text_now(window: MainWindow) -> object:
    assert window.document is not None
    return edit.get_at(window.document.meeting, TEXT)


def go_to_row(panel: FindingsPanel, wanted: str) -> None:
    """F8, then Down to the finding whose message holds `wanted`."""
    QTest.keySequence(panel.window(), FOCUS_KEY)
    assert QApplication.focusWidget() is panel.list
    QTest.keyClick(panel.list, Qt.Key.Key_Home)
    for _ in range(panel.model.rowCount()):
        finding = panel.current_finding()
        assert finding is not None
        if wanted in finding.message:
            return
        QTest.keyClick(panel.list, Qt.Key.Key_Down)
    raise AssertionError(f"no finding says {wanted!r}")


def test_the_filter_shows_one_kind_and_errors_only(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    assert set(kinds_shown(panel)) >= {
        FindingKind.RECORD,
        FindingKind.LAW,
        FindingKind.HOUSE_STYLE,
    }
    assert panel.kind_filter.currentText() == f"All ({len(panel.findings)})"
    # from the list, Shift+Tab twice is the filter; End picks its last kind, the house style
    QTest.keySequence(window, FOCUS_KEY)
    QTest.keyClick(panel.list, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is panel.errors_only
    QTest.keyClick(panel.errors_only, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is panel.kind_filter
    QTest.keyClick(panel.kind_filter, Qt.Key.Key_End)
    assert kinds_shown(panel) == [FindingKind.HOUSE_STYLE] * 3
    assert panel.kind_filter.currentText() == "House style (3)"
    assert panel.errors_only.text() == "Errors only (0)"
    # Home: all of them again; Space on Errors only keeps the errors
    QTest.keyClick(panel.kind_filter, Qt.Key.Key_Home)
    assert len(kinds_shown(panel)) == len(panel.findings)
    QTest.keyClick(panel.kind_filter, Qt.Key.Key_Tab)
    QTest.keyClick(panel.errors_only, Qt.Key.Key_Space)
    shown = [panel.model.finding(row) for row in range(panel.model.rowCount())]
    assert shown and all(f is not None and f.severity is Severity.ERROR for f in shown)
    assert len(shown) == panel.number_of(Severity.ERROR) < len(panel.findings)
    # the columns say the part and the field in the clerk's words
    model = panel.model
    row = next(r for r in range(model.rowCount()) if "no title" in str(model.index(r, 3).data()))
    assert [model.index(row, c).data() for c in range(3)] == ["Error", "Minute 200/20", "title"]


def test_enter_on_a_finding_goes_to_its_field(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    go_to_row(panel, "Minute 200/20 has no title")
    assert not panel.fix_button.isVisible()  # nothing to fix: Enter goes to the field
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.item_form.title)
    assert window.document is not None
    assert window.navigator.current_section.item_id == window.document.meeting.items[4].id


def test_fix_applies_one_fix_and_ctrl_z_takes_it_back(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    go_to_row(panel, '"7:45 pm" is written "7.45pm"')
    assert panel.fix_button.isVisible()
    # Tab goes on from the list to Fix and Fix all, Shift+Tab back
    QTest.keyClick(panel.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.fix_button
    QTest.keyClick(panel.fix_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.fix_all_button
    for widget in (panel.fix_all_button, panel.fix_button):
        QTest.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is panel.list
    QTest.keyClick(panel.list, Qt.Key.Key_Return, CTRL)
    assert text_now(window) == "Councillor Smith arrived at 7.45pm on the 3rd November."
    assert window.document is not None
    assert window.document.undo_stack.undoText() == 'Write "7.45pm"'
    assert not [f for f in panel.findings if f.rule == "time"]
    assert len([f for f in panel.findings if f.kind is FindingKind.HOUSE_STYLE]) == 2
    assert QApplication.focusWidget() is panel.list
    QTest.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert text_now(window) == SLIPS
    qtbot.waitUntil(lambda: len([f for f in panel.findings if f.rule == "time"]) == 1)


def test_fix_all_applies_every_house_style_fix_as_one_step(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    document = window.document
    assert document is not None
    assert panel.fix_all_button.text() == "Fix all (3)"
    steps = document.undo_stack.count()
    QTest.keySequence(window, FOCUS_KEY)
    QTest.keyClick(panel.list, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert text_now(window) == FIXED
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Apply house style (3 fixes)"
    assert not [f for f in panel.findings if f.kind is FindingKind.HOUSE_STYLE]
    assert not panel.fix_all_button.isEnabled()
    assert [f for f in panel.findings if f.kind is FindingKind.RECORD]  # the rest stay
    assert QApplication.focusWidget() is panel.list
    QTest.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert text_now(window) == SLIPS
    qtbot.waitUntil(lambda: panel.fix_all_button.text() == "Fix all (3)")


def test_the_findings_follow_the_typing(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    title = ("items", 5, "title")
    assert not [f for f in panel.findings if f.path == title]
    window.go_to_path(title)
    field = window.item_form.title
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.end(False)
    QTest.keyClicks(field, " from the 1st April", Qt.KeyboardModifier.NoModifier, 20)
    qtbot.waitUntil(lambda: any(f.path == title for f in panel.findings), timeout=3000)
    (finding,) = [f for f in panel.findings if f.path == title]
    assert finding.rule == "no_ordinals"
    rows = [panel.model.finding(r) for r in range(panel.model.rowCount())]
    assert finding in rows


def test_the_typing_is_checked_on_a_worker_thread(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long meeting takes tens of milliseconds to check: the pause in typing starts the check
    on a worker thread, so the GUI thread goes on with the clerk's keys; its findings arrive."""
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    threads: list[int] = []
    real = check_meeting

    def recorded(*args: Any, **kwargs: Any) -> list[Finding]:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(findings_panel, "check_meeting", recorded)
    title = ("items", 5, "title")
    window.go_to_path(title)
    field = window.item_form.title
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.end(False)
    QTest.keyClicks(field, " from the 1st April", Qt.KeyboardModifier.NoModifier, 20)
    qtbot.waitUntil(lambda: any(f.path == title for f in panel.findings), timeout=3000)
    assert threads and threading.get_ident() not in threads


def test_a_check_of_a_meeting_typed_in_since_is_not_shown(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Findings that come back for a meeting the clerk has typed in since would name the wrong
    places: they are dropped, and the newer check's are shown."""
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    document = window.document
    assert document is not None
    panel.check_soon()
    assert panel.wait_for_lookup()
    before = list(panel.findings)
    stale = document.meeting
    document.set(("items", 5, "title"), "Work programme from the 1st April", "Type a title")
    panel.timer.stop()
    panel._check_done(panel._checks, stale, [], [])  # a check of the meeting before the typing
    assert panel.findings == before
    panel.check_soon()
    assert panel.wait_for_lookup()
    qtbot.waitUntil(lambda: any(f.rule == "no_ordinals" for f in panel.findings), timeout=3000)


def test_the_look_up_finds_the_folders_committee(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The committee file gives the quorum (3): six of the eight members gone after minute
    202/20 leave the meeting inquorate, which only the committee's quorum can say."""
    folder = tmp_path / "parish"
    shutil.copytree(locations.samples_dir() / "committees" / "parish", folder)
    path = folder / "Full Council 2020-11-12.minutes"
    meeting, _ = read_meeting(path)
    for n in range(2, 8):
        meeting = edit.set_at(meeting, ("attendance", n, "present_to_item"), meeting.items[6].id)
    save_meeting(meeting, path)
    window = make_window(Discard, active=True)
    window.open_path(path)
    qtbot.waitUntil(lambda: window.document is not None)
    panel = panel_of(window)
    panel.wait_for_lookup()
    qtbot.waitUntil(lambda: panel.committee is not None)
    assert panel.committee is not None and panel.committee.name == "Full Council"
    assert panel.scheme == panel.committee.numbering
    (quorum,) = [f for f in panel.findings if f.kind is FindingKind.QUORUM]
    assert "quorum is 3" in quorum.message
    assert place_shown(panel, quorum)[0] == "Minute 203/20"


def place_shown(panel: FindingsPanel, finding: object) -> tuple[str, str]:
    model = panel.model
    (row,) = [r for r in range(model.rowCount()) if model.finding(r) is finding]
    return model.index(row, 1).data(), model.index(row, 2).data()


def test_a_fix_for_text_changed_since_is_not_applied(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    document = window.document
    assert document is not None
    go_to_row(panel, '"7:45 pm" is written "7.45pm"')
    panel.timer.stop()
    changed = "Councillor Smith arrived at 7:45 pm."
    document.set(TEXT, changed, "Edit minute text")  # typed before the check came round
    panel.timer.stop()
    steps = document.undo_stack.count()
    QTest.keyClick(panel.list, Qt.Key.Key_Return, CTRL)
    assert text_now(window) == changed
    assert document.undo_stack.count() == steps
    assert panel.summary.text() == "The text has changed since: checked again."
    assert [f for f in panel.findings if f.rule == "time"]  # found again in the new text


def test_the_finding_column_leaves_out_the_place_the_others_say(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(make_window, qtbot, tmp_path)
    panel = panel_of(window)
    model = panel.model
    row = next(r for r in range(model.rowCount()) if (f := model.finding(r)) and f.rule == "time")
    finding = model.finding(row)
    assert finding is not None and finding.message.startswith("Minute 199/20, minute text: ")
    assert [model.index(row, c).data() for c in range(4)] == [
        "Warning",
        "Minute 199/20",
        "minute text",
        finding.message.removeprefix("Minute 199/20, minute text: "),
    ]
    accessible = Qt.ItemDataRole.AccessibleTextRole
    assert model.index(row, 3).data(accessible) == finding.message
