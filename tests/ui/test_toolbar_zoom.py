"""The toolbar (the window's own actions, named, reachable by F6) and zoom (Ctrl+Plus, Ctrl+Minus,
Ctrl+0) of the form area and the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.model import Meeting
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.services.settings import Settings
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import Section
from tests.ui.conftest import MakeWindow

CTRL = Qt.KeyboardModifier.ControlModifier
NAMES = ["New meeting", "Open", "Save", "Export to Word", "Print", "Find", "Undo", "Redo"]


@pytest.fixture
def window(make_window: MakeWindow, sample: Meeting) -> MainWindow:
    window = make_window(active=True)
    window.resize(1366, 768)
    window.set_document(MeetingDocument(sample))
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def here() -> QWidget:
    widget = focused()
    assert widget is not None
    return widget


def test_the_toolbars_buttons(window: MainWindow) -> None:
    bar = window.toolbar
    buttons = [b for b in bar.findChildren(QToolButton) if b.defaultAction() is not None]
    assert [b.accessibleName() for b in buttons] == NAMES
    tips = {b.accessibleName(): b.toolTip() for b in buttons}
    assert tips["Save"] == "Save (Ctrl+S)"
    assert tips["Print"] == "Print (Ctrl+P)"
    assert tips["Find"] == "Find (Ctrl+F)"
    assert tips["Undo"] == "Undo (Ctrl+Z)"
    assert tips["Export to Word"] == "Export to Word (Ctrl+E)"
    for button in buttons:
        assert not button.icon().isNull(), button.accessibleName()
        assert button.text() == button.accessibleName()  # "Undo", not "Undo Edit item title"
    # the window's own actions: disabled with them on the start page
    assert buttons[2].defaultAction() is window.save_action
    # every button shows at 1366 pixels: nothing is folded into the overflow menu
    assert bar.sizeHint().width() <= 1366
    assert all(b.isVisible() for b in buttons)


def test_the_undo_button_stays_short(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section(Section("meeting"))
    window.document.set(("venue",), "Town Hall", "Edit venue")  # type: ignore[union-attr]
    assert window.undo_action.text().startswith("&Undo ")
    button = window.toolbar.buttons["Undo"]
    assert button.text() == "Undo"
    button.click()
    assert window.document.meeting.venue != "Town Hall"  # type: ignore[union-attr]


def test_f6_goes_to_the_toolbar_and_esc_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: focused() is window.navigator)
    QTest.keyClick(window.navigator, Qt.Key.Key_F6)
    buttons = window.toolbar.buttons
    assert focused() is buttons["New meeting"]
    QTest.keyClick(buttons["New meeting"], Qt.Key.Key_Right)
    assert focused() is buttons["Open"]
    QTest.keyClick(buttons["Open"], Qt.Key.Key_End)
    assert focused() is buttons["Redo"] or focused() is buttons["Find"]  # Redo: if it can
    QTest.keyClick(here(), Qt.Key.Key_Home)
    assert focused() is buttons["New meeting"]
    QTest.keyClick(buttons["New meeting"], Qt.Key.Key_Left)  # round to the last
    assert focused() is not buttons["New meeting"]
    QTest.keyClick(here(), Qt.Key.Key_Escape)
    assert focused() is window.navigator


def test_the_toolbar_can_be_hidden_and_stays_so(
    qtbot: QtBot, window: MainWindow, user_data: Path, sample: Meeting
) -> None:
    toggle = window.toolbar.toggle_action
    assert toggle.isChecked() and window.toolbar.isVisible()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "View")
    assert isinstance(view, QMenu)
    assert toggle in view.actions()
    toggle.trigger()
    assert not window.toolbar.isVisible()
    assert window.settings.toolbar_visible is False
    again = MainWindow(Settings(user_data), available_styles(), messages=RecordedMessages())
    qtbot.addWidget(again)
    again.show()
    assert not again.toolbar.isVisible()
    again.toolbar.toggle_action.trigger()
    assert again.toolbar.isVisible() and again.settings.toolbar_visible


def sizes(window: MainWindow) -> tuple[float, float]:
    return window.item_form.body.font().pointSizeF(), window.preview.text.font().pointSizeF()


def test_zoom_scales_the_editor_and_the_preview(
    qtbot: QtBot, window: MainWindow, sample: Meeting, user_data: Path
) -> None:
    window.show_section(Section("item", sample.items[10].id))
    body = window.item_form.body
    body.setFocus()
    qtbot.waitUntil(lambda: focused() is body)
    body_size, preview_size = sizes(window)
    heading_size = window.item_form.heading.font().pointSizeF()
    label = window.zoom.label
    assert label.text() == "Zoom 100 %"
    QTest.keyClick(body, Qt.Key.Key_Plus, CTRL)
    assert sizes(window) == pytest.approx((body_size * 1.1, preview_size * 1.1))
    assert label.text() == "Zoom 110 %"
    QTest.keyClick(body, Qt.Key.Key_Equal, CTRL)  # Ctrl+= too, without Shift
    assert sizes(window) == pytest.approx((body_size * 1.2, preview_size * 1.2))
    assert window.item_form.heading.font().pointSizeF() == pytest.approx(heading_size * 1.2)
    assert label.text() == "Zoom 120 %"
    QTest.keyClick(body, Qt.Key.Key_Minus, CTRL)
    assert sizes(window) == pytest.approx((body_size * 1.1, preview_size * 1.1))
    QTest.keyClick(body, Qt.Key.Key_Plus, CTRL)
    assert window.settings.zoom == 120
    # a meeting opened meanwhile is shown at the zoom
    window.set_document(MeetingDocument(sample))
    window.show_section(Section("item", sample.items[10].id))
    assert sizes(window) == pytest.approx((body_size * 1.2, preview_size * 1.2))
    # and the next start too
    again = MainWindow(Settings(user_data), available_styles(), messages=RecordedMessages())
    qtbot.addWidget(again)
    again.set_document(MeetingDocument(sample))
    assert again.zoom.label.text() == "Zoom 120 %"
    assert sizes(again) == pytest.approx((body_size * 1.2, preview_size * 1.2))
    again.document.undo_stack.setClean()  # type: ignore[union-attr]
    # Ctrl+0: the sizes the window started with
    window.item_form.body.setFocus()
    QTest.keyClick(window.item_form.body, Qt.Key.Key_0, CTRL)
    assert sizes(window) == pytest.approx((body_size, preview_size))
    assert window.zoom.label.text() == "Zoom 100 %"
    assert window.settings.zoom == 100


def test_zoom_stops_at_its_ends(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.setFocus()
    for _ in range(12):
        QTest.keyClick(window.navigator, Qt.Key.Key_Plus, CTRL)
    assert window.zoom.label.text() == "Zoom 200 %"
    assert not window.zoom.zoom_in_action.isEnabled()
    for _ in range(12):
        QTest.keyClick(window.navigator, Qt.Key.Key_Minus, CTRL)
    assert window.zoom.label.text() == "Zoom 80 %"
    QTest.keyClick(window.navigator, Qt.Key.Key_0, CTRL)
    assert window.zoom.label.text() == "Zoom 100 %"
