"""Comparing a meeting with a sync client's conflict copy of it, before the clerk decides.

Both meetings are written out as their plain-text minutes in the meeting's own house style (the
full copy, exempt items included: this is the clerk's working view, never published), and the
lines that differ are shown as a unified difference. Nothing is merged or replaced here: the
clerk may open the copy (read-only) to take what they need from it, or keep working on theirs.
"""

from __future__ import annotations

import difflib
from enum import StrEnum
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from clerk_app.storage import meeting_to_json

CONTEXT_LINES = 2
MAX_DIFFERENCE_LINES = 5000
"""More than this is no longer a difference to read: the rest is left out, saying so."""


class CompareChoice(StrEnum):
    OPEN_COPY = "open copy"
    KEEP_WORKING = "keep working"


def minutes_text(meeting: Meeting, styles: dict[str, StyleFolder]) -> str:
    """The meeting's plain-text minutes in its house style; its file's text when the style is
    not installed or cannot write it (the difference is still worth seeing)."""
    folder = styles.get(meeting.house_style)
    if folder is not None:
        try:
            return render_text(meeting, folder, public=False)
        except (RenderError, StyleError):
            pass
    return meeting_to_json(meeting)


def difference(mine: str, theirs: str, mine_name: str, theirs_name: str) -> list[str]:
    """The lines that differ, with a little context: `-` only in mine, `+` only in theirs."""
    lines = list(
        difflib.unified_diff(
            mine.splitlines(),
            theirs.splitlines(),
            fromfile=mine_name,
            tofile=theirs_name,
            lineterm="",
            n=CONTEXT_LINES,
        )
    )
    if len(lines) > MAX_DIFFERENCE_LINES:
        left = len(lines) - MAX_DIFFERENCE_LINES
        lines = [*lines[:MAX_DIFFERENCE_LINES], f"… and {left} more lines that differ"]
    return lines


def meetings_difference(
    mine: Meeting, theirs: Meeting, styles: dict[str, StyleFolder], path: Path, copy: Path
) -> list[str]:
    return difference(
        minutes_text(mine, styles), minutes_text(theirs, styles), path.name, copy.name
    )


class CompareDialog(QDialog):
    """The two versions' difference, with Open the copy (read-only) and Keep working."""

    def __init__(self, parent: QWidget | None, path: Path, copy: Path, lines: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare with the conflict copy")
        self.choice = CompareChoice.KEEP_WORKING
        layout = QVBoxLayout(self)
        if lines:
            about = (
                f"Lines only in your file ({path.name}) start with −; lines only in the copy "
                f"({copy.name}) start with +. Nothing has been changed in either file."
            )
        else:
            about = (
                f"The minutes of {path.name} and of the copy {copy.name} are the same. Nothing "
                "has been changed in either file."
            )
        self.summary = QLabel(about)
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit()
        self.text.setObjectName("compareText")
        self.text.setAccessibleName("Differences between your meeting and the copy")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        # the minus sign reads as "only in yours" to a screen reader too
        shown = [
            ("−" + line[1:]) if line.startswith("-") and not line.startswith("---") else line
            for line in lines
        ]  # the "--- yours" header line stays as it is
        self.text.setPlainText("\n".join(shown) if lines else "(no differences)")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton("&Open the copy (read-only)")
        self.open_button.setObjectName("openCopyButton")
        self.open_button.setAccessibleName("Open the copy read-only")
        self.keep_button = QPushButton("&Keep working on mine")
        self.keep_button.setObjectName("keepWorkingButton")
        self.keep_button.setAccessibleName("Keep working on mine")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open_copy)
        self.keep_button.clicked.connect(self.reject)
        self.keep_button.setDefault(True)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _open_copy(self) -> None:
        self.choice = CompareChoice.OPEN_COPY
        self.accept()

    def ask(self) -> CompareChoice:
        self.exec()
        return self.choice
