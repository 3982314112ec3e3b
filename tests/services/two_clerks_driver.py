"""One Clerk of the two-Clerks test: the real app (`clerk_app.ui.app.run`, MainWindow, offscreen)
on a meeting, driven by commands on stdin, answering its questions as the command line says.

    python -m tests.services.two_clerks_driver MEETING --log QUESTIONS.jsonl
        [--owned read-only|edit-anyway|cancel] [--replace yes|no] [--save-as PATH]

Each question the app asks is appended to the log as one JSON line (its name, the path, what it
said, and the owner mark on the file at that moment), then answered as told. Prints READY once
the meeting is open, then for each command on stdin one line `DONE <json>`:

    edit VENUE      the venue typed, as the clerk's edit (one undo step)
    save            File > Save (the answer: whether it saved)
    state           the window's path, title, read-only and the venue
    quit            close the window (its owner mark goes)

CLERK_DATA_DIR (set by the test) keeps each Clerk's settings and recovery copies apart.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from clerk_app.storage.owner import read_owner
from clerk_app.ui.app import run
from clerk_app.ui.dialogs import Dialogs, OwnedChoice, SaveChoice
from clerk_app.ui.main_window import MainWindow


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("meeting", type=Path)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument(
        "--owned", default="read-only", choices=["read-only", "edit-anyway", "cancel"]
    )
    parser.add_argument("--replace", default="no", choices=["yes", "no"])
    parser.add_argument("--save-as", type=Path, default=None)
    return parser.parse_args(argv)


ARGS = parse(sys.argv[1:])


def record(question: str, path: Path, **said: Any) -> None:
    mark = read_owner(path)
    entry = {
        "question": question,
        "path": str(path),
        **said,
        "mark": None
        if mark is None
        else {"user": mark.user, "machine": mark.machine, "pid": mark.pid},
    }
    with ARGS.log.open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


class Told(Dialogs):
    @classmethod
    def ask_open_owned(cls, parent: QWidget | None, path: Path, owner_text: str) -> OwnedChoice:
        record("open owned", path, owner_text=owner_text)
        return {
            "read-only": OwnedChoice.READ_ONLY,
            "edit-anyway": OwnedChoice.EDIT_ANYWAY,
            "cancel": OwnedChoice.CANCEL,
        }[ARGS.owned]

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path) -> bool:
        record("replace changed", path, who="")
        return bool(ARGS.replace == "yes")

    @classmethod
    def ask_replace_changed_by(cls, parent: QWidget | None, path: Path, who: str) -> bool:
        record("replace changed", path, who=who)
        return bool(ARGS.replace == "yes")

    @classmethod
    def ask_save_opened_read_only_as(cls, parent: QWidget | None, path: Path, why: str) -> bool:
        record("save read-only as", path, why=why)
        return True

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        record("save as", suggested, chosen=str(ARGS.save_as) if ARGS.save_as else None)
        chosen: Path | None = ARGS.save_as
        return chosen

    @classmethod
    def ask_conflict_copies(
        cls, parent: QWidget | None, path: Path, copies: list[Path]
    ) -> Path | None:
        record("conflict copies", path, copies=[str(c) for c in copies])
        return None

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


class Commands(QObject):
    """Lines read from stdin on a thread, handled on the GUI thread (a queued signal)."""

    line = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.line.connect(self.handle, Qt.ConnectionType.QueuedConnection)

    def read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line.rstrip("\n"))
        self.line.emit("quit")

    def handle(self, line: str) -> None:
        command, _, argument = line.partition(" ")
        window = self.window
        document = window.document
        answer: Any = None
        if command == "edit" and document is not None:
            document.set(("venue",), argument, "Edit venue", merge=False)
        elif command == "save":
            answer = window.save()
        elif command == "state":
            answer = {
                "path": str(document.path) if document and document.path else None,
                "read_only": bool(document and document.read_only),
                "title": window.windowTitle(),
                "venue": document.meeting.venue if document else None,
                "status": window.statusBar().currentMessage(),
            }
        elif command == "quit":
            window.close()
        print("DONE " + json.dumps({"command": command, "answer": answer}), flush=True)


def started(window: MainWindow) -> None:
    commands = Commands(window)
    threading.Thread(target=commands.read, daemon=True).start()
    print("READY", flush=True)


if __name__ == "__main__":
    sys.exit(run(ARGS.meeting, dialogs=Told, on_started=started))
