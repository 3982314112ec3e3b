# ruff: noqa: E402 - the standard library's `typing` must be found before anything imports it
"""Whether typing stays fast however long the meeting.

    python bench/typing.py [--scale 1 5 20] [--repeat 7]

For each scale N the bundled sample's items are repeated N times (15, 75, 300 items, each copy
with ids of its own) and saved to a temporary file. In one process, for each scale:

- open: the meeting read from its file and shown in a fresh main window, painted (and, in
  brackets, when the preview has drawn the whole meeting: for a long meeting that happens on a
  worker thread, after the window is painted and ready for typing);
- a keystroke typed into the body of an item in the middle of the meeting (alternately a letter
  and Backspace), then:
  - "blocks the GUI": the longest stretch the GUI thread could not run its event loop, from the
    key press until the window is quiet again: the preview redrawn, the findings worked out
    again, the whole meeting laid out again a second after the typing, the recovery copy
    written (a 1 ms heartbeat timer measures the gaps between its ticks);
  - "to preview": from the key press until the preview shows the keystroke.

The scales run in the same process and take turns, run by run (a window of each stays open, and
each keystroke waits until the window before has settled), so that whatever else the machine does
affects them alike: the ratio between the largest and the smallest scale is the figure to read, a
keystroke's cost must not grow with the meeting.
Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
"""

from __future__ import annotations

import os
import sys

# This script is named like the standard library's `typing`: run as `python bench/typing.py`,
# its own folder comes first on the path and would shadow it.
# (os.path, not pathlib: nothing that might import `typing` may come before this)
_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FINDINGS_SETTLE_S = 0.45
"""After the preview is drawn, how long the heartbeat keeps watching (the findings wait for a
pause in typing of 300 ms, then run)."""


def scaled_meeting(scale: int, folder: Path) -> Path:
    """The sample with its items repeated `scale` times, written to a file in `folder`."""
    from tests.factories import long_meeting

    return long_meeting(folder, scale)


class Heartbeat:
    """A 1 ms timer whose longest gap between ticks is how long the GUI thread was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def open_once(path: Path, settings: Any, styles: Any) -> tuple[float, float]:
    """Seconds to the window painted with the meeting, and to the whole preview drawn."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from clerk_app.services.document import MeetingDocument
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = MainWindow(settings, styles, messages=RecordedMessages())
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.set_document(MeetingDocument.open(path))
    window.repaint()
    app.processEvents()
    painted = time.perf_counter() - started
    # the last minute's heading in the preview: the whole meeting drawn
    assert window.document is not None
    last = window.document.meeting.items[-1].title.upper()
    deadline = time.perf_counter() + 10
    while last not in window.preview.text.toPlainText() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    drawn = time.perf_counter() - started
    _wait_for_background(window)  # nothing of this window's left running into the next
    app.processEvents()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    gc.collect()  # the last meeting's garbage is not collected during the next one's opening
    return painted, drawn


def _wait_for_background(window: Any, milliseconds: int = 30_000) -> bool:
    """The window's worker threads done (the preview's layouts, the previous meeting's search;
    a checkout from before them has none)."""
    done = True
    for wait in (
        getattr(window.preview, "wait_for_layout", None),
        getattr(window.findings, "wait_for_lookup", None),
    ):
        if wait is not None:
            done = wait(milliseconds) and done
    return done


class Typist:
    """A window with a long meeting open, its cursor at the end of an item's minute text."""

    def __init__(self, path: Path, settings: Any, styles: Any, scale: int, data: Path) -> None:
        from PySide6.QtWidgets import QApplication, QPlainTextEdit

        from clerk_app.services.document import MeetingDocument
        from clerk_app.services.recovery import RecoverySession
        from clerk_app.ui.main_window import MainWindow
        from clerk_app.ui.messages import RecordedMessages
        from clerk_app.ui.navigator import Section

        self.app = QApplication.instance()
        # as the app runs: with its recovery copy, written a second after a change
        self.recovery = RecoverySession(data)
        self.window = MainWindow(
            settings, styles, messages=RecordedMessages(), recovery=self.recovery
        )
        self.window.resize(1366, 768)
        self.window.show()
        self.window.set_document(MeetingDocument.open(path))
        document = self.window.document
        assert document is not None
        self.items = len(document.meeting.items)
        # "Families First" (item 159 of the sample) in the middle copy of the items
        middle = document.meeting.items[(scale // 2) * 15 + 10]
        self.window.show_section(Section("item", middle.id))
        editor = self.window.item_form.findChild(QPlainTextEdit, "bodyEditor")
        assert editor is not None
        self.editor = editor
        self.quiet()

    def quiet(self) -> None:
        """Run the event loop until the window has nothing left to do: the preview's layouts,
        its settling re-layout a second after the typing, the findings, the recovery copy."""
        from PySide6.QtCore import QEventLoop, QTimer

        preview = self.window.preview
        names = ("_settle", "_redraw", "timer")  # "timer": the preview of before bench/typing.py
        timers = [getattr(preview, name) for name in names if hasattr(preview, name)]
        timers += [self.window.findings.timer, self.recovery.timer]
        pool = getattr(self.recovery, "pool", None)  # written on the GUI thread before
        loop = QEventLoop()
        deadline = time.perf_counter() + 10

        def check() -> None:
            idle = not any(timer.isActive() for timer in timers)
            written = pool is None or pool.waitForDone(0)
            done = idle and written and _wait_for_background(self.window, 0)
            if done or time.perf_counter() > deadline:
                loop.quit()

        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()

    def keystroke(self, n: int, heartbeat: Heartbeat) -> tuple[float, float]:
        """(the longest the GUI was blocked, keystroke to preview) for one key."""
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtTest import QTest

        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        loop = QEventLoop()
        drawn: list[float] = []
        pressed: list[float] = []

        def on_rendered(_seconds: float) -> None:
            if not drawn:
                drawn.append(time.perf_counter())
                QTimer.singleShot(int(FINDINGS_SETTLE_S * 1000), loop.quit)

        def press() -> None:
            pressed.append(time.perf_counter())
            QTest.keyClick(self.editor, Qt.Key.Key_A if n % 2 == 0 else Qt.Key.Key_Backspace)

        preview = self.window.preview
        preview.rendered.connect(on_rendered)
        QTimer.singleShot(5000, loop.quit)
        heartbeat.start()
        QTimer.singleShot(20, press)
        loop.exec()
        preview.rendered.disconnect(on_rendered)
        if not drawn or not pressed:
            raise RuntimeError(f"{self.items} items: the preview never showed the keystroke")
        # all a keystroke causes counts, until the window is quiet again (and the next window's
        # keystroke is not measured against this one's settling)
        self.quiet()
        return heartbeat.stop(), drawn[0] - pressed[0]

    def close(self) -> None:
        assert self.window.document is not None
        self.window.document.undo_stack.setClean()
        self.recovery.end()
        self.window.close()


def measure(scales: list[int], repeat: int, folder: Path) -> list[dict[str, Any]]:
    """Every figure for every scale, the scales taking turns run by run, so that whatever else
    the machine does affects them alike."""
    from PySide6.QtWidgets import QApplication

    from clerk_app.render.styles import available_styles
    from clerk_app.services.settings import Settings

    QApplication.instance() or QApplication([])
    from clerk_app.ui import app

    # as the app sets it once its window is up (a checkout from before had Python's default)
    sys.setswitchinterval(getattr(app, "GUI_SWITCH_INTERVAL", sys.getswitchinterval()))
    styles = available_styles()
    paths = {}
    for scale in scales:  # each in a folder of its own: the app reads the meetings beside one
        (folder / f"scale-{scale}").mkdir()
        paths[scale] = scaled_meeting(scale, folder / f"scale-{scale}")
    settings = {scale: Settings(folder / f"settings-{scale}") for scale in scales}
    opens: dict[int, list[tuple[float, float]]] = {scale: [] for scale in scales}
    for _ in range(repeat):
        for scale in scales:
            opens[scale].append(open_once(paths[scale], settings[scale], styles))
    typists = {
        scale: Typist(paths[scale], settings[scale], styles, scale, folder / f"data-{scale}")
        for scale in scales
    }
    heartbeat = Heartbeat()
    keys: dict[int, list[tuple[float, float]]] = {scale: [] for scale in scales}
    for n in range(repeat + 1):
        for scale in scales:
            figures = typists[scale].keystroke(n, heartbeat)
            if n:  # the first keystroke warms caches
                keys[scale].append(figures)
    results = []
    for scale in scales:
        blocked = [b for b, _ in keys[scale]]
        to_preview = [p for _, p in keys[scale]]
        results.append(
            {
                "scale": scale,
                "items": typists[scale].items,
                "open": statistics.median(o for o, _ in opens[scale]),
                "open_preview": statistics.median(d for _, d in opens[scale]),
                "blocked": statistics.median(blocked),
                "blocked_max": max(blocked),
                "preview": statistics.median(to_preview),
                "preview_max": max(to_preview),
            }
        )
        typists[scale].close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLERK_DATA_DIR"] = str(Path(folder) / "data")
        results = measure(args.scale, args.repeat, Path(folder))
    for result in results:
        print(
            f"scale {result['scale']}: {result['items']} items, "
            f"open {result['open'] * 1000:.0f} ms "
            f"(preview drawn at {result['open_preview'] * 1000:.0f} ms), "
            f"keystroke blocks the GUI median {result['blocked'] * 1000:.1f} ms "
            f"(max {result['blocked_max'] * 1000:.1f} ms), "
            f"keystroke to preview median {result['preview'] * 1000:.1f} ms "
            f"max {result['preview_max'] * 1000:.1f} ms",
            flush=True,
        )
    if len(results) > 1:
        ratio = results[-1]["preview"] / results[0]["preview"]
        print(
            f"ratio scale {results[-1]['scale']} / scale {results[0]['scale']} "
            f"(keystroke to preview, medians): {ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
