"""Help (F1) and About: the quick reference is packaged, and About names the version."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from clerk_app import __version__
from clerk_app.ui.help import about_text, help_dialog


def test_help_shows_the_quick_reference(qtbot: QtBot) -> None:
    dialog = help_dialog(None)
    qtbot.addWidget(dialog)
    browser = dialog.findChild(QTextBrowser, "helpText")
    assert browser is not None
    text = browser.toPlainText()
    assert "Minute text is typed as plain text" in text
    assert "Ctrl+Z, Ctrl+Y" in text


def test_about_names_the_version_and_where_files_are(user_data: object) -> None:
    text = about_text()
    assert f"Clerk {__version__}" in text
    assert "clerk.log" in text and str(user_data) in text
    # What council IT's support desk asks first: the versions underneath.
    assert f"PySide6 {PySide6.__version__}, Qt {qVersion()}" in text
