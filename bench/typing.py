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
    key press until the preview is redrawn and the findings have been worked out again (a 1 ms
    heartbeat timer measures the gaps between its ticks);
  - "to preview": from the key press until the preview shows the keystroke.

The scales run in the same process one after the other, so the ratio between the largest and the
smallest scale is the figure to read: a keystroke's cost must not grow with the meeting.
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


def measure(scale: int, repeat: int, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from clerk_app.render.styles import available_styles
    from clerk_app.services.document import MeetingDocument
    from clerk_app.services.settings import Settings
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages
    from clerk_app.ui.navigator import Section

    app = QApplication.instance() or QApplication([])
    path = scaled_meeting(scale, folder)
    styles = available_styles()
    settings = Settings(folder / f"settings-{scale}")
    opens: list[float] = []
    previews: list[float] = []
    for _ in range(repeat):
        window = MainWindow(settings, styles, messages=RecordedMessages())
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.set_document(MeetingDocument.open(path))
        window.repaint()
        app.processEvents()
        opens.append(time.perf_counter() - started)
        # the last minute's heading in the preview: the whole meeting drawn
        last = window.document.meeting.items[-1].title.upper()  # type: ignore[union-attr]
        deadline = time.perf_counter() + 10
        while last not in window.preview.text.toPlainText() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        previews.append(time.perf_counter() - started)
        window.document.undo_stack.setClean()  # type: ignore[union-attr]
        window.close()
        window.deleteLater()
        app.processEvents()

    window = MainWindow(settings, styles, messages=RecordedMessages())
    window.resize(1366, 768)
    window.show()
    window.set_document(MeetingDocument.open(path))
    document = window.document
    assert document is not None
    # "Families First" (item 159 of the sample) in the middle copy of the items
    middle = document.meeting.items[(scale // 2) * 15 + 10]
    window.show_section(Section("item", middle.id))
    editor = window.item_form.findChild(QPlainTextEdit, "bodyEditor")
    assert editor is not None
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    app.processEvents()
    heartbeat = Heartbeat()
    blocked: list[float] = []
    to_preview: list[float] = []
    for n in range(repeat + 1):
        loop = QEventLoop()
        drawn: list[float] = []

        def on_rendered(
            _seconds: float, drawn: list[float] = drawn, loop: QEventLoop = loop
        ) -> None:
            if not drawn:
                drawn.append(time.perf_counter())
                QTimer.singleShot(int(FINDINGS_SETTLE_S * 1000), loop.quit)

        window.preview.rendered.connect(on_rendered)
        QTimer.singleShot(5000, loop.quit)
        pressed: list[float] = []

        def press(n: int = n, pressed: list[float] = pressed) -> None:
            pressed.append(time.perf_counter())
            QTest.keyClick(editor, Qt.Key.Key_A if n % 2 == 0 else Qt.Key.Key_Backspace)

        heartbeat.start()
        QTimer.singleShot(20, press)
        loop.exec()
        longest = heartbeat.stop()
        window.preview.rendered.disconnect(on_rendered)
        if not drawn or not pressed:
            raise RuntimeError(f"scale {scale}: the preview never showed the keystroke")
        if n:  # the first keystroke warms caches
            blocked.append(longest)
            to_preview.append(drawn[0] - pressed[0])
    document.undo_stack.setClean()
    window.close()
    return {
        "scale": scale,
        "items": len(document.meeting.items),
        "open": statistics.median(opens),
        "open_preview": statistics.median(previews),
        "blocked": statistics.median(blocked),
        "blocked_max": max(blocked),
        "preview": statistics.median(to_preview),
        "preview_max": max(to_preview),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CLERK_DATA_DIR"] = str(Path(folder) / "data")
        for scale in args.scale:
            result = measure(scale, args.repeat, Path(folder))
            results.append(result)
            print(
                f"scale {scale}: {result['items']} items, open {result['open'] * 1000:.0f} ms "
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
