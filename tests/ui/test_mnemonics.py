"""Alt+letter reaches one thing only: no two visible labels, buttons or menus share a letter."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section
from tests.ui.conftest import MakeWindow

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letters(window: MainWindow) -> Counter[str]:
    """The mnemonics a clerk can press now: the menus, and every visible label and button."""
    found: Counter[str] = Counter()
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
            texts.append(widget.text())
    for text in texts:
        match = _MNEMONIC.search(text)
        if match:
            found[match.group(1).lower()] += 1
    return found


@pytest.fixture
def window(make_window: MakeWindow, sample: Meeting) -> MainWindow:
    win = make_window()
    win.resize(1366, 768)
    win.set_document(MeetingDocument(sample))
    return win


@pytest.mark.parametrize(
    "where",
    ["meeting", "attendance", "declarations", "close", "item 151", "item 156", "item 159"],
)
def test_no_two_mnemonics_share_a_letter(window: MainWindow, sample: Meeting, where: str) -> None:
    if where.startswith("item"):
        number = int(where.split()[1])
        section = Section("item", sample.items[number - sample.first_minute_number].id)
    else:
        section = Section(where)
    window.show_section(section)
    clashes = {letter: n for letter, n in letters(window).items() if n > 1}
    assert clashes == {}, f"{where}: Alt+{', Alt+'.join(clashes)} reach more than one thing"
