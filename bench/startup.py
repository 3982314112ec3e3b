# ruff: noqa: E402 - see the lines about typing.py below
"""How fast the desktop app starts and how fast the preview follows the clerk's typing.

    python bench/startup.py [--repeat N]

1. Start-up: wall time from launching a new process to the main window painted with the bundled
   sample open, against a peer: a bare PySide6 window (QApplication + one QLabel) launched and
   painted the same way. Each run is a fresh process; runs alternate, so load affects both alike.
   Bytecode is compiled once, in the warm-up run, as an installed Clerk has it. Target: under
   1.5 s.
2. Typing: in one process with the sample open, a keystroke typed into item 159's body editor,
   until the preview has been redrawn (the preview's `rendered` signal), against the render alone.
   Target: under 50 ms.

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set; the figures are for this
machine only.
"""

from __future__ import annotations

# This folder holds typing.py (the typing benchmark), named like the standard library's `typing`:
# a script run from here has this folder first on the path, which would shadow it.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse
import statistics
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CLERK_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from clerk_app.ui.app import run

    def painted(window):
        window.repaint()
        QApplication.processEvents()
        print("PAINTED", flush=True)
        window.document.undo_stack.setClean()
        window.close()

    raise SystemExit(run(Path(sys.argv[1]), on_started=painted))
    """
)
PEER_CHILD = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel("Minutes")
    label.resize(1400, 900)
    label.show()
    label.repaint()
    app.processEvents()
    print("PAINTED", flush=True)
    """
)


def _launch(code: str, *args: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=REPO
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "PAINTED":
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"the child never painted (exit status {child.wait()})")
    child.wait(timeout=60)
    return elapsed


def startup(repeat: int) -> tuple[list[float], list[float]]:
    from clerk_app import locations

    clerk, peer = [], []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CLERK_DATA_DIR": str(Path(folder) / "data")}
        # as an installed Clerk starts (pip and the frozen build keep compiled bytecode): the
        # warm-up run compiles, into a folder of the benchmark's own, and the runs measured
        # use it (a machine that sets PYTHONDONTWRITEBYTECODE would compile at every start)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        sample = str(locations.sample_meeting())
        _launch(CLERK_CHILD, sample, env=env)  # warm the file cache once
        for _ in range(repeat):
            clerk.append(_launch(CLERK_CHILD, sample, env=env))
            peer.append(_launch(PEER_CHILD, env=env))
    return clerk, peer


def typing(repeat: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from clerk_app import locations
    from clerk_app.render.styles import available_styles
    from clerk_app.render.text import render_text
    from clerk_app.services.document import MeetingDocument
    from clerk_app.services.settings import Settings
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages
    from clerk_app.ui.navigator import Section

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(Path(folder)), available_styles(), messages=RecordedMessages())
        window.show()
        window.set_document(MeetingDocument.open(locations.sample_meeting()))
        document = window.document
        assert document is not None
        window.show_section(Section("item", "families-first"))
        editor = window.item_form.findChild(QPlainTextEdit, "bodyEditor")
        assert editor is not None
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        app.processEvents()
        end_to_end, render_only = [], []
        for n in range(repeat + 1):
            loop = QEventLoop()
            window.preview.rendered.connect(loop.quit)
            QTimer.singleShot(2000, loop.quit)
            started = time.perf_counter()
            QTest.keyClick(editor, Qt.Key.Key_A if n % 2 == 0 else Qt.Key.Key_Backspace)
            loop.exec()
            elapsed = time.perf_counter() - started
            window.preview.rendered.disconnect(loop.quit)
            if n:  # the first keystroke warms caches
                end_to_end.append(elapsed)
            started = time.perf_counter()
            render_text(document.meeting, window.styles[document.meeting.house_style])
            render_only.append(time.perf_counter() - started)
        document.undo_stack.setClean()
        window.close()
        del app
    return end_to_end, render_only


def _row(label: str, values: list[float], target: float | None = None) -> str:
    median, best = statistics.median(values), min(values)
    shown = ""
    if target is not None:
        verdict = "meets target" if median < target else "MISSES target"
        limit = f"{target * 1000:.0f} ms" if target < 1 else f"{target:.1f} s"
        shown = f"< {limit}  {verdict}"
    return f"{label:<48} median {median * 1000:8.1f} ms   min {best * 1000:8.1f} ms   {shown}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    clerk, peer = startup(args.repeat)
    keys, render = typing(max(args.repeat * 4, 20))
    platform = os.environ["QT_QPA_PLATFORM"]
    print(f"Clerk start-up and typing: {args.repeat} runs, {os.cpu_count()} CPUs, {platform}")
    print(_row("start-up to painted window with the sample", clerk, 1.5))
    print(_row("peer: bare PySide6 window painted", peer))
    ratio = statistics.median(clerk) / statistics.median(peer)
    print(f"{'ratio Clerk / bare window (medians)':<48} {ratio:.2f}")
    print(_row("keystroke in item 159 to preview redrawn", keys, 0.050))
    print(_row("of which: rendering the text minutes", render))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
