"""Help (F1) and About: the quick reference and the version."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clerk_app import __version__, locations
from clerk_app.services.logs import current_log_file


def help_dialog(parent: QWidget | None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Clerk help")
    dialog.resize(760, 640)
    browser = QTextBrowser(dialog)
    browser.setObjectName("helpText")
    browser.setAccessibleName("Help")
    browser.setOpenExternalLinks(True)
    browser.setMarkdown(
        (locations.resources_dir() / "help" / "help.md").read_text(encoding="utf-8")
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    return dialog


def show_help(parent: QWidget | None) -> None:
    help_dialog(parent).exec()


def about_text() -> str:
    data = locations.user_data_dir()
    log = current_log_file()
    return (
        f"<h3>Clerk {__version__}</h3>"
        "<p>Minutes of council meetings, in your council's house style.</p>"
        f"<p>Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, Qt {qVersion()}</p>"
        f"<p>Your styles, settings and recovery copies: {data}<br>"
        f"Log file: {log or 'none (it cannot be written)'}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, "About Clerk", about_text())
