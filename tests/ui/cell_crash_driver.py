"""Runs the real app in a child process for the table-cell crash test.

    python -m tests.ui.cell_crash_driver CELL MEETING   open MEETING, type into the first
                                                       attendee's CELL (name, or arrived: the time
                                                       of arrival) key by key, stay in its editor,
                                                       print READY, run on

CLERK_DATA_DIR (set by the test) keeps the child's settings and recovery copies apart.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from clerk_app.ui.app import run
from clerk_app.ui.forms.attendance_form import ARRIVED, NAME
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.navigator import Section

TYPED = {"name": "Batool Khan", "arrived": "17:30"}
"""What is typed into the cell's editor (over what the cell held)."""
EXPECTED: dict[str, Any] = {"name": "Batool Khan", "arrived": "17:30:00"}
"""What the recovery copy must hold for the first attendee, by `held`."""
COLUMNS = {"name": NAME, "arrived": ARRIVED}


def held(meeting: dict[str, Any], cell: str) -> Any:
    """The first attendee's name or time of arrival in a meeting file's JSON."""
    record = meeting["attendance"][0]
    return record["person"]["name"] if cell == "name" else record["arrived_at"]


def type_into(cell: str) -> Callable[[MainWindow], None]:
    """Go to the cell from the keyboard, type key by key (the first key opens its editor), and
    stay there: no Enter, no Tab; the clerk is still in the cell when the app dies."""

    def typing(window: MainWindow) -> None:
        window.show_section(Section("attendance"))
        table = window.attendance_form.table
        table.go_to(0, COLUMNS[cell])
        text = TYPED[cell]
        QTest.keyClicks(table, text[0])
        editor = table.indexWidget(table.currentIndex())
        assert editor is not None and table.editing(), "the first key did not open the editor"
        for char in text[1:]:
            QTest.keyClicks(editor, char)
        assert table.editing()
        print("READY", flush=True)

    return typing


def main(argv: list[str]) -> int:
    return run(Path(argv[1]), on_started=type_into(argv[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
