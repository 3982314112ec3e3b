"""How Clerk bears a hostile house style: a template that loops, or explodes, on purpose.

    python bench/hostile_styles.py [--timeout 60] [--only NAME ...]

For each hostile style below (a user style: its own minutes.txt.j2, the built-in Leicester Word
template and style.toml), in a fresh app-data folder, each in a process of its own:

- `clerk-app export SAMPLE -o OUT.txt --style NAME`, timed (killed after --timeout seconds);
- `clerk-app check-style FOLDER`, timed likewise;
- the desktop app opening the sample meeting with that style: the longest stretch the GUI thread
  could not run its event loop (a 1 ms heartbeat timer's longest gap), from opening the meeting
  until the preview says the style is broken (or --timeout passes), and how long that took
  (opening the meeting is included: for comparison, the same meeting opened in the built-in
  Leicester style, watched for 3 s, is measured last).

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
"""

# ruff: noqa: E402 - the standard library's `typing` must be found before anything imports it
from __future__ import annotations

import os
import sys

# bench/typing.py is named like the standard library's `typing`: this script's folder, first on
# the path when it is run as `python bench/hostile_styles.py`, must not shadow it.
_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse
import json
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

HOSTILE = {
    "nested-range": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    ),
    "lipsum": "{{ lipsum(10**6) }}\n",
    "exponential-macro": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(60) }}\n"
    ),
    "power": "{{ 7**123456789 }}\n",
}


def make_style(styles: Path, name: str, template: str) -> Path:
    folder = styles / name
    folder.mkdir(parents=True, exist_ok=True)
    builtin = REPO / "templates" / "leicester"
    shutil.copy(builtin / "style.toml", folder / "style.toml")
    shutil.copy(builtin / "minutes.docx", folder / "minutes.docx")
    toml = (folder / "style.toml").read_text(encoding="utf-8")
    lines = [line for line in toml.splitlines() if not line.startswith("display_name")]
    (folder / "style.toml").write_text(
        f'display_name = "Hostile {name}"\n' + "\n".join(lines) + "\n", encoding="utf-8"
    )
    (folder / "minutes.txt.j2").write_text(template, encoding="utf-8")
    return folder


def _run(command: list[str], env: dict[str, str], timeout: float) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, f"still running after {timeout:.0f} s (killed)"
    seconds = time.perf_counter() - started
    said = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or [""])[-1]
    return seconds, f"exit {done.returncode}: {said[:150]}"


def gui_stall(meeting: Path, timeout: float) -> dict[str, object]:
    """In this process: open `meeting` in a main window; the longest heartbeat gap until the
    preview says it cannot be drawn."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from clerk_app import locations
    from clerk_app.render.styles import style_catalogue
    from clerk_app.services.document import MeetingDocument
    from clerk_app.services.settings import Settings
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages

    app = QApplication.instance() or QApplication([])
    settings = Settings(locations.user_data_dir())
    styles = style_catalogue(locations.user_styles_dir()).styles
    window = MainWindow(settings, styles, messages=RecordedMessages())
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    longest = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    def watchdog() -> None:
        # the GUI thread may never come back to report: say what was seen, from here
        time.sleep(timeout)
        stalled = max(longest[0], time.perf_counter() - last[0])
        print(json.dumps({"longest_stall_s": round(stalled, 3), "until_broken_s": None}))
        sys.stdout.flush()
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)
    started = time.perf_counter()
    last[0] = started
    timer.start()
    # opened from the event loop, as the app opens a file the clerk chose
    QTimer.singleShot(0, lambda: window.set_document(MeetingDocument.open(meeting)))
    broken = False
    while time.perf_counter() - started < timeout:
        app.processEvents()
        if "cannot be drawn" in window.preview.text.toPlainText():
            broken = True
            break
        time.sleep(0.001)
    tick()
    timer.stop()
    shown = window.preview.text.toPlainText().strip().splitlines()
    figures: dict[str, object] = {
        "longest_stall_s": round(longest[0], 3),
        "until_broken_s": round(time.perf_counter() - started, 2) if broken else None,
        "preview": " ".join(shown)[:160],
    }
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.preview.wait_for_layout(60_000)
    window.pool.waitForDone(60_000)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", nargs="*", choices=sorted(HOSTILE))
    parser.add_argument("--gui", type=Path, help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.gui is not None:
        print(json.dumps(gui_stall(args.gui, args.timeout)))
        return 0
    sample = REPO / "resources" / "samples" / "leicester-cype-2025-06-18.minutes"
    names = args.only or list(HOSTILE)
    clerk = [sys.executable, "-m", "clerk_app"]
    for name in names:
        with tempfile.TemporaryDirectory(prefix="clerk-hostile-") as temporary:
            data = Path(temporary) / "appdata"
            folder = make_style(data / "styles", name, HOSTILE[name])
            meeting_data = json.loads(sample.read_text(encoding="utf-8"))
            meeting_data["house_style"] = name
            meeting = Path(temporary) / f"{name}.minutes"
            meeting.write_text(json.dumps(meeting_data), encoding="utf-8")
            env = {**os.environ, "CLERK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            out = Path(temporary) / "out.txt"
            export = _run([*clerk, "export", str(meeting), "-o", str(out)], env, args.timeout)
            check = _run([*clerk, "check-style", str(folder)], env, args.timeout)
            gui_command = [sys.executable, __file__, "--gui", str(meeting)]
            gui_command += ["--timeout", str(args.timeout)]
            gui_started = time.perf_counter()
            try:
                child = subprocess.run(
                    gui_command, env=env, capture_output=True, text=True,
                    timeout=args.timeout * 3, check=False,
                )  # fmt: skip
                lines = child.stdout.strip().splitlines()
                gui = json.loads(lines[-1]) if lines else {"error": child.stderr[-300:]}
            except subprocess.TimeoutExpired:  # frozen in one long step: not even the watchdog ran
                frozen = time.perf_counter() - gui_started
                gui = {"longest_stall_s": f"> {frozen:.0f} (frozen throughout; killed)"}
            print(f"{name}:")
            print(f"  export       {export[0]:6.2f} s  {export[1]}")
            print(f"  check-style  {check[0]:6.2f} s  {check[1]}")
            print(f"  app          {json.dumps(gui)}")
            sys.stdout.flush()
    # for comparison: the same meeting opened in the built-in style
    with tempfile.TemporaryDirectory(prefix="clerk-hostile-") as temporary:
        env = {**os.environ, "CLERK_DATA_DIR": temporary, "QT_QPA_PLATFORM": "offscreen"}
        command = [sys.executable, __file__, "--gui", str(sample), "--timeout", "3"]
        child = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        lines = child.stdout.strip().splitlines()
        print("built-in leicester, for comparison:")
        print(f"  app          {lines[-1] if lines else child.stderr[-300:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
