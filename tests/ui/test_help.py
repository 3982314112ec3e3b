"""Help (F1) and About: the quick reference is packaged, and About names the version."""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from clerk_app import __version__
from clerk_app.services.logs import start_logging
from clerk_app.ui.help import about_text, help_dialog


def test_help_shows_the_quick_reference(qtbot: QtBot) -> None:
    dialog = help_dialog(None)
    qtbot.addWidget(dialog)
    browser = dialog.findChild(QTextBrowser, "helpText")
    assert browser is not None
    text = browser.toPlainText()
    assert "Minute text is typed as plain text" in text
    assert "Ctrl+Z, Ctrl+Y" in text


def test_about_names_the_version_and_where_files_are(user_data: object, tmp_path: Path) -> None:
    text = about_text()
    assert f"Clerk {__version__}" in text
    assert str(user_data) in text
    assert "Log file: none (it cannot be written)" in text  # nothing set up logging here
    # The log actually written to (start-up falls back to the temporary folder's when the
    # app-data folder cannot take it).
    setup = start_logging(tmp_path)
    try:
        assert f"Log file: {setup.path}" in about_text()
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(getattr(handler, "baseFilename", None), str) and str(tmp_path) in getattr(
                handler, "baseFilename", ""
            ):
                logging.getLogger().removeHandler(handler)
                handler.close()
    # What council IT's support desk asks first: the versions underneath.
    assert f"PySide6 {PySide6.__version__}, Qt {qVersion()}" in text
