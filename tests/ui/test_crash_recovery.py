"""Never lose work: the real app, killed mid-edit, offers the edit back at the next start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from clerk_app import locations
from clerk_app.storage import load_meeting
from tests.ui.crash_driver import TITLE_ADDITION, VENUE

REPO = Path(__file__).resolve().parent.parent.parent


def start(*args: str, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_driver", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(
        f"no {prefix!r} from the app; stderr:\n{process.stderr.read() if process.stderr else ''}"
    )


def test_killed_mid_edit_then_recovered(tmp_path: Path) -> None:
    data = tmp_path / "appdata"
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    original = meeting_file.read_bytes()

    editing = start("edit", str(meeting_file), data=data)
    try:
        wait_for_line(editing, "READY")
        copies = data / "recovery"
        # every change reaches the recovery copy within two seconds
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and not any(copies.glob("*.minutes")):
            time.sleep(0.05)
        assert any(copies.glob("*.minutes")), "no recovery copy within two seconds"
        time.sleep(1.2)  # the title was typed last; let its write land too
    finally:
        editing.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        editing.communicate(timeout=30)
    assert meeting_file.read_bytes() == original  # the clerk's file is untouched
    assert list((data / "recovery").glob("*.lock")), "the killed session's lock is left behind"

    recovering = start("recover", data=data)
    try:
        state = json.loads(wait_for_line(recovering, "STATE ").removeprefix("STATE "))
    finally:
        recovering.communicate(timeout=60)
    assert state["restored"] and state["modified"]
    assert state["path"] == str(meeting_file)
    expected = load_meeting(meeting_file).model_copy(deep=True)
    recovered = state["meeting"]
    assert recovered["venue"] == VENUE
    titles = [item["title"] for item in recovered["items"]]
    assert titles[2] == expected.items[2].title + TITLE_ADDITION
    # apart from the two edits, the recovered meeting is the file's meeting exactly
    recovered["venue"] = expected.venue
    recovered["items"][2]["title"] = expected.items[2].title
    recovered.pop("generator"), recovered.pop("format_version")
    assert recovered == expected.model_dump(mode="json")
    assert meeting_file.read_bytes() == original  # restoring never overwrote it
    assert not list((data / "recovery").glob("*.minutes")), "the recovered copy was taken over"
