"""A locked-down desktop or a full roaming profile: the real app starts with its app-data folder
read-only or its disk full, says once what cannot work (recovery copies, the log, settings), and
the clerk can still open, edit and save a meeting elsewhere.

Each start runs in a child process inside a private mount namespace, on a small tmpfs made for it:
no test can fill the real disk, and the mount goes when the child does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.storage import load_meeting
from tests.ui.crash_driver import VENUE

REPO = Path(__file__).resolve().parent.parent.parent
TMPFS_SIZE = "256k"
"""Small enough that filling it is quick, and that nothing could ever fill the real disk."""

_PREPARE = {
    # an empty disk, for a test that fills it or makes it read-only itself
    "blank": 'mount -t tmpfs -o size={size},mode=0755 clerk-test "$DISK"',
    # an app-data folder used before (settings, logs, recovery), made read-only by IT
    "read-only": (
        'mount -t tmpfs -o size={size},mode=0755 clerk-test "$DISK" && '
        'mkdir -p "$DISK/Clerk/logs" "$DISK/Clerk/recovery" && '
        'printf "[files]\\n" > "$DISK/Clerk/settings.ini" && '
        'mount -o remount,ro "$DISK"'
    ),
    # a roaming profile that is full to the last byte
    "full": (
        'mount -t tmpfs -o size={size},mode=0755 clerk-test "$DISK" && '
        'mkdir -p "$DISK/Clerk" && '
        '{{ dd if=/dev/zero of="$DISK/filler" bs=4096 2>/dev/null; true; }} && '
        '{{ for n in 1 2 3 4 5 6 7 8; do printf x >> "$DISK/filler" 2>/dev/null || break; done; }} && '
        '! printf x > "$DISK/Clerk/probe" 2>/dev/null && rm -f "$DISK/Clerk/probe"'
    ),
}


def start_locked_down(
    kind: str, tmp_path: Path, args: list[str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Python with `args`, its app data on a small tmpfs prepared as `kind` ("read-only" or
    "full") in a private mount namespace of its own."""
    disk = tmp_path / "profile"
    disk.mkdir()
    env = {key: value for key, value in os.environ.items() if key != locations.DATA_DIR_VARIABLE}
    # where platformdirs puts Clerk's folder on Linux (and Qt and fontconfig their caches)
    temp = tmp_path / "temp"  # where the log goes instead: the test's, not the machine's
    temp.mkdir()
    env.update(
        TMPDIR=str(temp),
        QT_QPA_PLATFORM="offscreen",
        DISK=str(disk),
        XDG_DATA_HOME=str(disk),
        XDG_CONFIG_HOME=str(disk),
        XDG_CACHE_HOME=str(disk),
        XDG_STATE_HOME=str(disk),
    )
    isolate = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        isolate = ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]
    script = _PREPARE[kind].format(size=TMPFS_SIZE) + ' || exit 97; exec "$@"'
    if shutil.which("unshare") is None:
        pytest.fail("this test needs util-linux's unshare (apt-get install util-linux)")
    done = subprocess.run(
        [*isolate, "sh", "-c", script, "sh", sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode == 97 or "unshare:" in done.stderr:
        pytest.fail(
            f"a {kind} tmpfs could not be made for the test: it needs a private mount namespace "
            f"(root, or unprivileged user namespaces) and tmpfs: {done.stderr.strip()}"
        )
    return done


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_the_app_starts_opens_and_saves_elsewhere(kind: str, tmp_path: Path) -> None:
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    saved_to = tmp_path / "saved" / "june-edited.minutes"
    saved_to.parent.mkdir()

    done = start_locked_down(
        kind,
        tmp_path,
        ["-m", "tests.ui.crash_driver", "start", str(meeting_file), str(saved_to)],
    )
    states = [line for line in done.stdout.splitlines() if line.startswith("STATE ")]
    assert done.returncode == 0 and states, (
        f"the app did not start on a {kind} app-data folder (status {done.returncode}):\n"
        f"{done.stderr[-3000:]}"
    )
    state = json.loads(states[0].removeprefix("STATE "))
    assert state["opened"] and state["saved"] and state["saved_to"] == str(saved_to)
    assert load_meeting(saved_to).venue == VENUE  # the clerk's work is saved where they chose
    # what cannot work is said in the clerk's words, on one line, without a traceback
    said = state["status"]
    assert "recovery copies" in said and "log" in said, said
    assert "\n" not in said and "Traceback" not in said and "Errno" not in said
    assert ("read-only" if kind == "read-only" else "full") in said, said
    assert state["recovery_warning"], "the status bar keeps saying the work is not copied"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    # the log went to the temporary folder, and the message says where
    log = tmp_path / "temp" / "Clerk" / "logs" / "clerk.log"
    assert "Clerk" in log.read_text(encoding="utf-8") and str(log.parent) in said


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_the_smoke_test_passes(kind: str, tmp_path: Path) -> None:
    meeting_file = tmp_path / "june.minutes"
    shutil.copy(locations.sample_meeting(), meeting_file)
    done = start_locked_down(kind, tmp_path, ["-m", "clerk_app", "--smoke-test", str(meeting_file)])
    assert done.returncode == 0, done.stderr[-3000:]
    assert "smoke test passed" in done.stdout


_CRASH = """
import os, sys
from pathlib import Path
from clerk_app import locations
from clerk_app.services.document import MeetingDocument
from clerk_app.services.recovery import RecoverySession
from clerk_app.storage import load_meeting
session = RecoverySession(Path(sys.argv[1]))
document = MeetingDocument(load_meeting(locations.sample_meeting()))
session.watch(document)
document.set(("venue",), "Council Chamber", "Edit venue")
assert session.write_now()
os._exit(0)  # a crash: the lock stays, nothing is cleaned up
"""

_CRASH_THEN_LOCK_DOWN = """
import os, subprocess, sys
from pathlib import Path
disk = Path(os.environ["DISK"])
data = disk / "Clerk"
subprocess.run([sys.executable, "-c", sys.argv[2], str(data)], check=True)
if sys.argv[1] == "full":
    try:
        with open(disk / "filler", "wb") as filler:
            while True:
                filler.write(bytes(4096))
                filler.flush()
    except OSError:
        pass
else:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
from clerk_app.services.recovery import find_recovered
found = find_recovered(data)
print("FOUND", len(found), found[0].load().venue if found else "")
"""


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_a_crashed_sessions_copy_is_offered_from_a_locked_down_folder(
    kind: str, tmp_path: Path
) -> None:
    """Qt cannot take even a dead session's lock on such a folder, and says it is held."""
    done = start_locked_down("blank", tmp_path, ["-c", _CRASH_THEN_LOCK_DOWN, kind, _CRASH])
    assert done.returncode == 0, done.stderr[-3000:]
    assert "FOUND 1 Council Chamber" in done.stdout, done.stdout + done.stderr[-3000:]
