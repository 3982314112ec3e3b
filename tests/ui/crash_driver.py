"""Runs the real app in a child process for the crash-recovery test.

    python -m tests.ui.crash_driver edit MEETING      open MEETING, type into it, print READY, run on
    python -m tests.ui.crash_driver recover           restore what a killed session left, print it

CLERK_DATA_DIR (set by the test) keeps the child's settings and recovery copies apart.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from clerk_app.services.recovery import RecoveredMeeting
from clerk_app.storage import meeting_to_json
from clerk_app.ui.app import run
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow

VENUE = "Council Chamber, Town Hall"
TITLE_ADDITION = " (deferred)"


def edit(window: MainWindow) -> None:
    """Type like a clerk: the venue on the meeting form, then an item's title."""
    form = window.meeting_form
    form.venue.setFocus()
    QTest.keyClicks(form.venue, VENUE)
    document = window.document
    assert document is not None
    window.show_section(window.navigator.nav_model.section(5))  # type: ignore[arg-type]
    title = window.item_form.findChild(QLineEdit, "itemTitleEdit")
    assert title is not None
    title.setFocus()
    title.end(False)
    QTest.keyClicks(title, TITLE_ADDITION)
    print("READY", flush=True)


class Restore(Dialogs):
    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.RESTORE

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def report(window: MainWindow) -> None:
    document = window.document
    state = {
        "restored": document is not None and document.recovered,
        "modified": document is not None and document.modified,
        "path": str(document.path) if document and document.path else None,
        "meeting": json.loads(meeting_to_json(document.meeting)) if document else None,
    }
    print("STATE " + json.dumps(state), flush=True)
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(100, QApplication.quit)


def main(argv: list[str]) -> int:
    if argv[0] == "edit":
        return run(Path(argv[1]), on_started=edit)
    return run(None, dialogs=Restore, on_started=report)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
