"""Each view redraws what changed and nothing else; long meetings do not make typing wait."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import find_style
from clerk_app.render.text import render_text
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.findings_panel import FindingsPanel
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from clerk_app.ui.preview import SYNCHRONOUS_ITEMS
from tests.factories import long_meeting
from tests.ui.conftest import MakeWindow


class Discard(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: Any, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def body_editor(window: MainWindow) -> QPlainTextEdit:
    editor = window.item_form.findChild(QPlainTextEdit, "bodyEditor")
    assert editor is not None
    return editor


def type_at_end(window: MainWindow, item_id: str, text: str) -> None:
    window.show_section(Section("item", item_id))
    editor = body_editor(window)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, text)


def test_typing_in_an_item_redraws_that_item_alone(
    make_window: MakeWindow, sample: Meeting, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    window.set_document(MeetingDocument(sample))
    preview = window.preview
    qtbot.waitUntil(lambda: preview.layout_shown is not None)  # drawn after the window paints
    changes: list[tuple[int, int, int]] = []
    preview.text.document().contentsChange.connect(
        lambda at, removed, added: changes.append((at, removed, added))
    )
    nav_rows: list[tuple[int, int]] = []
    window.nav_model.dataChanged.connect(
        lambda first, last, *_: nav_rows.append((first.row(), last.row()))
    )
    item = sample.items[10]  # 159. Families First
    type_at_end(window, item.id, " Noted")
    qtbot.waitUntil(lambda: " Noted" in preview.text.toPlainText())
    assert document_text(window) == render_text(window.document.meeting, find_style("leicester"))  # type: ignore[union-attr]
    text = preview.text.toPlainText()
    start = text.index("159. FAMILIES FIRST")
    end = text.index("160. ")
    assert changes and all(start <= at < end for at, _, _ in changes)
    assert nav_rows == []  # the navigator's rows show no minute text


def document_text(window: MainWindow) -> str:
    return window.preview.text.toPlainText()


def test_a_title_redraws_its_navigator_row_alone(
    make_window: MakeWindow, sample: Meeting, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    window.set_document(MeetingDocument(sample))
    rows: list[tuple[int, int]] = []
    window.nav_model.dataChanged.connect(
        lambda first, last, *_: rows.append((first.row(), last.row()))
    )
    window.show_section(Section("item", sample.items[4].id))
    window.item_form.title.setFocus()
    window.item_form.title.end(False)
    QTest.keyClicks(window.item_form.title, "!")
    row = window.nav_model.item_row(sample.items[4].id)
    assert rows == [(row, row)]
    assert window.nav_model.data(window.nav_model.index(row)).endswith("2025/26!")


def test_a_long_meeting_is_laid_out_off_the_gui_thread_and_typing_catches_up(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = long_meeting(tmp_path, 4)  # 60 items
    window = make_window(Discard)
    window.open_path(path)
    document = window.document
    assert document is not None and len(document.meeting.items) > SYNCHRONOUS_ITEMS
    style = find_style("leicester")
    qtbot.waitUntil(lambda: window.preview.layout_shown is not None, timeout=10_000)
    # typed straight after opening, before or after the layout arrives: the preview ends exact
    item = document.meeting.items[40]
    type_at_end(window, item.id, " Agreed by all.")
    qtbot.waitUntil(lambda: " Agreed by all." in document_text(window), timeout=10_000)
    assert document_text(window) == render_text(document.meeting, style)
    # a change of heading lays the whole meeting out again, in the background
    window.show_section(Section("meeting"))
    document.set(("venue",), "Town Hall", "Edit venue")
    qtbot.waitUntil(lambda: "Town Hall" in document_text(window), timeout=10_000)
    assert document_text(window) == render_text(document.meeting, style)


def test_undo_and_redo_redraw_the_preview(
    make_window: MakeWindow, sample: Meeting, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    window.set_document(MeetingDocument(sample))
    type_at_end(window, sample.items[10].id, " Zebra")
    qtbot.waitUntil(lambda: " Zebra" in document_text(window))
    assert window.document is not None
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: " Zebra" not in document_text(window))
    assert document_text(window) == render_text(sample, find_style("leicester"))
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: " Zebra" in document_text(window))


def test_opening_meetings_leaves_one_findings_panel(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    copy = tmp_path / "june.minutes"
    shutil.copyfile(locations.sample_meeting(), copy)
    for _ in range(3):
        assert window.open_path(copy)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: len(window.findChildren(FindingsPanel)) == 1)
    assert window.findings_dock.widget() is window.findings


def test_deleting_an_item_names_its_number_as_the_style_writes_it(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    parish = locations.resources_dir() / "samples" / "parish-2020-11-12.minutes"
    assert window.open_path(parish)
    document = window.document
    assert document is not None
    window.show_section(Section("item", document.meeting.items[2].id))
    window.delete_item_action.trigger()
    number = f"{document.meeting.first_minute_number + 2}/20"
    assert window.undo_action.text() == f"&Undo Delete minute {number}"
    assert window.statusBar().currentMessage().startswith(f"Minute {number} deleted")


def test_the_findings_compare_numbers_with_the_previous_meeting_in_the_folder(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    data = json.loads(locations.sample_meeting().read_text(encoding="utf-8"))
    (tmp_path / "june.minutes").write_text(json.dumps(data), encoding="utf-8")
    data["date"] = "2025-09-23"  # the next meeting, which wrongly starts at 160
    data["first_minute_number"] = 160
    later = tmp_path / "september.minutes"
    later.write_text(json.dumps(data), encoding="utf-8")
    window = make_window(Discard)
    assert window.open_path(later)
    window.findings.wait_for_lookup()
    qtbot.waitUntil(lambda: window.findings.previous is not None)
    messages = [f.message for f in window.findings.findings]
    assert any("already used" in m for m in messages), messages
    # put right in the form: the finding goes
    assert window.document is not None
    window.document.set(("first_minute_number",), 164, "Edit first minute number")
    window.findings.check_now()
    assert not any("already used" in f.message for f in window.findings.findings)


def test_first_start_fits_a_laptop_screen(make_window: MakeWindow) -> None:
    window = make_window(Discard)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.fit_screen(QRect(0, 0, 1366, 728))  # 1366x768 less the taskbar
    assert window.width() <= 1366 and window.height() <= 728
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_tables_redraw_only_for_what_they_show(
    make_window: MakeWindow, sample: Meeting, qtbot: QtBot
) -> None:
    window = make_window(Discard)
    window.set_document(MeetingDocument(sample))
    redrawn: list[str] = []
    for name, model in (
        ("attendance", window.attendance_form.model),
        ("declarations", window.declarations_form.model),
    ):
        model.dataChanged.connect(lambda *_, name=name: redrawn.append(name))
        model.modelReset.connect(lambda *_, name=name: redrawn.append(name))
    document = window.document
    assert document is not None
    type_at_end(window, sample.items[10].id, " More")  # minute text
    document.set(("venue",), "Town Hall", "Edit venue")  # the heading
    assert redrawn == []
    document.set(("items", 2, "title"), "Minutes", "Edit item title")  # declarations name items
    assert "declarations" in redrawn
    redrawn.clear()
    document.set(("attendance", 0, "person", "name"), "Batool-Khan", "Edit name")
    assert "attendance" in redrawn and "declarations" in redrawn


def test_two_items_changed_at_once_one_of_them_declared_on(
    make_window: MakeWindow, sample: Meeting, qtbot: QtBot
) -> None:
    """Two undos before the preview redraws: one item can be redrawn alone, the other (a
    declaration names it) cannot. Nothing is half-drawn: the preview ends as the export."""
    from clerk_app.domain.model import Interest, Paragraph

    meeting = sample.model_copy(
        update={
            "interests": (
                *sample.interests,
                Interest(attendee_id="moore", item_id="dashboard", interest="is a governor"),
            )
        }
    )
    window = make_window(Discard)
    document = MeetingDocument(meeting)
    window.set_document(document)
    qtbot.waitUntil(lambda: window.preview.layout_shown is not None)
    style = find_style("leicester")
    for item_id, words in (("families-first", "A new paragraph."), ("dashboard", "Another.")):
        index = document.meeting.item_index(item_id)
        assert index is not None
        item = document.meeting.items[index]
        blocks = (*item.blocks, Paragraph(text=words))
        document.set(("items", index, "blocks"), blocks, "Add a paragraph", merge=False)

        def shown(words: str = words) -> bool:
            return words in document_text(window)

        qtbot.waitUntil(shown)
    document.undo_stack.undo()
    document.undo_stack.undo()  # in the same turn of the event loop
    qtbot.waitUntil(lambda: "A new paragraph." not in document_text(window))
    qtbot.waitUntil(lambda: document_text(window) == render_text(document.meeting, style))
    QTest.qWait(50)
    assert document_text(window) == render_text(document.meeting, style)


def test_an_open_meeting_is_kept_out_of_the_cycle_collectors_way(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Frozen once open (a full collection over a long meeting held the GUI for ~40 ms), and
    unfrozen again at the next opening, so that what the closed meeting left in reference
    cycles is collected rather than kept for ever."""
    import gc
    import weakref

    class Node:
        partner: object = None

    window = make_window(Discard)
    path = long_meeting(tmp_path, 4)
    try:
        assert window.open_path(path)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
        window.preview.wait_for_layout()
        # something of the open meeting's time that becomes cyclic garbage once it is closed
        first, second = Node(), Node()
        first.partner, second.partner = second, first
        gc.freeze()
        left_behind = weakref.ref(first)
        del first, second
        assert left_behind() is not None  # frozen: the collector does not look at it
        assert window.document is not None
        window.document.undo_stack.setClean()
        assert window.open_path(path)
        qtbot.waitUntil(lambda: left_behind() is None)  # unfrozen and collected at the opening
        assert gc.get_freeze_count() > 0
        assert window.document is not None
        window.document.undo_stack.setClean()
    finally:
        gc.unfreeze()
