"""Child processes for audit.py: a saver to be killed, two racing windows, a clerk typing a time.

    python bench/audit_children.py saver MEETING OLD NEW    save OLD and NEW over MEETING in turn,
                                                            for ever (print READY first)
    python bench/audit_children.py first-saver MEETING OLD NEW    the same, each save a first one
                                                            (to MEETING-0, MEETING-1...)
    python bench/audit_children.py racer MEETING VENUE      open MEETING, set the venue, print
                                                            READY, read a moment (time.time()) on
                                                            stdin, save then, print the outcome
    python bench/audit_children.py typer MEETING TIME       the app on MEETING: type TIME into the
                                                            start time and stay in the field

The children use Clerk's public behaviour only (`clerk_app.storage`, `MeetingDocument`, the app's
window), so that they keep working while the code behind them changes; a racer reports an error
of any kind as the outcome rather than dying.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100
sys.path.insert(0, os.path.dirname(_HERE))  # noqa: PTH120


def saver(meeting: Path, old: Path, new: Path, *, first: bool = False) -> int:
    """Saves for ever; with `first`, every save is a first save, to a name of its own."""
    from clerk_app.storage import load_meeting, save_meeting

    versions = [load_meeting(old), load_meeting(new)]
    print("READY", flush=True)
    turn = 0
    while True:
        target = meeting.with_name(f"{meeting.stem}-{turn}{meeting.suffix}") if first else meeting
        save_meeting(versions[turn % 2], target)
        turn += 1


def racer(meeting: Path, venue: str) -> int:
    from clerk_app.services.document import MeetingDocument

    document = MeetingDocument.open(meeting)
    document.set(("venue",), venue, "Edit venue")
    print("READY", flush=True)
    moment = float(sys.stdin.readline())
    time.sleep(max(0.0, moment - time.time()))
    # What the window does on Ctrl+S: ask when the file changed on disk, else save.
    try:
        if document.changed_on_disk():
            print("NOTICED", flush=True)
            return 0
        document.save()
    except Exception as exc:  # a refusal (a conflict the save itself found), or an API changed
        print(f"REFUSED {type(exc).__name__}: {exc}", flush=True)
        return 0
    print("SAVED", flush=True)
    return 0


def typer(meeting: Path, typed: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest

    from clerk_app.ui.app import run
    from clerk_app.ui.main_window import MainWindow

    def type_time(window: MainWindow) -> None:
        field = window.meeting_form.start_time
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, typed)
        print("READY", flush=True)  # and the focus stays in the field

    return run(meeting, on_started=type_time)


def main(argv: list[str]) -> int:
    role, *args = argv
    if role in ("saver", "first-saver"):
        return saver(Path(args[0]), Path(args[1]), Path(args[2]), first=role == "first-saver")
    if role == "racer":
        return racer(Path(args[0]), args[1])
    if role == "typer":
        return typer(Path(args[0]), args[1])
    print(f"unknown role {role!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
