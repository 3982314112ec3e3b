"""Runs the real app in a child process for the crash-recovery test.

    python -m tests.ui.crash_driver edit MEETING      open MEETING, type into it, print READY, run on
    python -m tests.ui.crash_driver recover           restore what a killed session left, print it
    python -m tests.ui.crash_driver type FIELD MEETING open MEETING, type a value into FIELD (close
                                                      time or confirmation date), stay in it,
                                                      print READY, run on
    python -m tests.ui.crash_driver error FIELD MEETING as `type`, then an error nobody catches
                                                      (its dialog waits); no pause enters typing
    python -m tests.ui.crash_driver start MEETING OUT open MEETING as the app starts, type, save it
                                                      as OUT, print what the window says, close

CLERK_DATA_DIR (set by the test) keeps the child's settings and recovery copies apart (the start-up
test points the XDG folders at a read-only or full disk instead).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from clerk_app.services.recovery import RecoveredMeeting
from clerk_app.storage import meeting_to_json
from clerk_app.ui.app import run
from clerk_app.ui.dialogs import Dialogs, RestoreChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.widgets import value_fields

VENUE = "Council Chamber, Town Hall"
TITLE_ADDITION = " (deferred)"
TYPED = {"close": "21:15", "confirmed": "01/10/2025"}
"""What `type` types, by field; the recovery copy must hold it as 21:15:00 and 2025-10-01."""


def edit(window: MainWindow) -> None:
    """Type like a clerk: the venue on the meeting form, then an item's title."""
    form = window.meeting_form
    form.venue.setFocus()
    QTest.keyClicks(form.venue, VENUE)
    document = window.document
    assert document is not None
    model = window.navigator.nav_model
    window.show_section(model.section(model.first_item_row() + 2))  # type: ignore[arg-type]
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


def type_value(field_name: str) -> Callable[[MainWindow], None]:
    """Type a value into a time or date field key by key, and stay in the field (not left, no
    Enter): the clerk is still there when the app dies."""

    def typing(window: MainWindow) -> None:
        form = window.meeting_form
        field = form.close_time if field_name == "close" else form.confirmed
        field.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab brings the clerk in: all selected
        field.selectAll()
        for char in TYPED[field_name]:
            QTest.keyClicks(field, char)
        assert field.hasFocus() or not window.isActiveWindow()
        print("READY", flush=True)

    return typing


def fail() -> None:
    raise RuntimeError("the printer caught fire")


class StartAnswers(Dialogs):
    """Save As answers with the path the test gave; nothing else is asked."""

    save_to = Path()

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls.save_to

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        return RestoreChoice.LATER

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


def start_and_save(window: MainWindow) -> None:
    """What a clerk does on the first morning: the meeting opens, a change, Save As elsewhere;
    then what the window says about the app-data folder."""
    said = window.statusBar().currentMessage()  # before saving says "Saved ..."
    form = window.meeting_form
    form.venue.setFocus()
    QTest.keyClicks(form.venue, VENUE)
    saved = window.save_as()
    warning = window.recovery_warning
    state = {
        "opened": window.document is not None and window.document.path is not None,
        "saved": saved,
        "saved_to": str(window.document.path) if window.document and window.document.path else None,
        "status": said,
        "recovery_warning": warning.text() if not warning.isHidden() else "",
        "recovery_tooltip": warning.toolTip(),
    }
    print("STATE " + json.dumps(state), flush=True)
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(100, QApplication.quit)


def main(argv: list[str]) -> int:
    if argv[0] == "edit":
        return run(Path(argv[1]), on_started=edit)
    if argv[0] == "type":
        return run(Path(argv[2]), on_started=type_value(argv[1]))
    if argv[0] == "error":
        value_fields.TYPING_PAUSE_MS = 600_000  # only the copy written at the error can have it
        typing = type_value(argv[1])

        def then_fail(window: MainWindow) -> None:
            typing(window)
            QTimer.singleShot(0, fail)

        return run(Path(argv[2]), on_started=then_fail)
    if argv[0] == "start":
        StartAnswers.save_to = Path(argv[2])
        return run(Path(argv[1]), dialogs=StartAnswers, on_started=start_and_save)
    return run(None, dialogs=Restore, on_started=report)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
