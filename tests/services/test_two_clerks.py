"""Two real Clerk processes on one team folder: the second is told who has the meeting open, and
whatever it answers, no save of one loses the other's work."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from clerk_app import locations
from clerk_app.storage import load_meeting
from clerk_app.storage.meeting_file import backup_path
from clerk_app.storage.owner import machine_name, owner_path, read_owner

REPO = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 30.0


class Clerk:
    """One app process, driven by commands (tests/services/two_clerks_driver.py)."""

    def __init__(self, name: str, meeting: Path, folder: Path, *options: str) -> None:
        self.log = folder / f"{name}-questions.jsonl"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CLERK_DATA_DIR": str(folder / f"{name}-appdata"),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "tests.services.two_clerks_driver", str(meeting)),
                *("--log", str(self.log), *options),
            ],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.wait_for("READY")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if line.startswith(prefix):
                return line
        stderr = (
            self.process.stderr.read()
            if self.process.stderr and self.process.poll() is not None
            else ""
        )
        raise AssertionError(f"no {prefix!r} from the Clerk; stderr:\n{stderr}")

    def do(self, command: str) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        done = json.loads(self.wait_for("DONE ").removeprefix("DONE "))
        assert done["command"] == command.split(" ")[0]
        return done["answer"]

    def questions(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def quit(self) -> None:
        if self.process.poll() is None:
            self.do("quit")
            self.process.wait(TIMEOUT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(TIMEOUT)
        self.reader.join(TIMEOUT)  # it has read to the end: its pipe may be closed
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    path = folder / "CYPE 2025-06-18.minutes"
    shutil.copy(locations.sample_meeting(), path)
    return path


def check_told_who(b: Clerk, a: Clerk, meeting: Path) -> None:
    asked = b.questions()[0]
    assert asked["question"] == "open owned" and asked["path"] == str(meeting)
    mark = asked["mark"]
    assert mark["pid"] == a.process.pid and mark["machine"] == machine_name()
    assert (
        asked["owner_text"].startswith(f"{mark['user']}")
        or f"({mark['user']})" in asked["owner_text"]
    )
    assert f" on {machine_name()}, since " in asked["owner_text"]


@pytest.mark.parametrize(
    ("owned", "replace"),
    [("read-only", "no"), ("edit-anyway", "no"), ("edit-anyway", "yes")],
    ids=["B opens read-only", "B edits anyway, keeps both", "B edits anyway, replaces"],
)
def test_two_clerks_on_one_meeting_never_lose_each_others_work(
    meeting: Path, tmp_path: Path, owned: str, replace: str
) -> None:
    started = time.monotonic()
    copy = meeting.with_name("CYPE 2025-06-18 (B's copy).minutes")
    a = Clerk("a", meeting, tmp_path, "--replace", "no")
    b: Clerk | None = None
    try:
        mark = read_owner(meeting)
        assert mark is not None and mark.pid == a.process.pid  # A's mark, beside the meeting
        assert a.questions() == []  # nobody had it open: nothing asked
        b = Clerk(
            "b", meeting, tmp_path, "--owned", owned, "--replace", replace, "--save-as", str(copy)
        )
        check_told_who(b, a, meeting)
        state = b.do("state")
        assert state["read_only"] is (owned == "read-only")
        assert ("(read-only)" in state["title"]) is (owned == "read-only")
        # A edits and saves first: nobody changed the file since A opened it
        a.do("edit A's venue")
        assert a.do("save") is True
        assert load_meeting(meeting).venue == "A's venue"
        # B edits and saves after: B is asked, and never silently replaces A's version
        b.do("edit B's venue")
        saved = b.do("save")
        asked = [q["question"] for q in b.questions()[1:]]
        if owned == "read-only":
            assert asked == ["save read-only as", "save as"]
            assert saved is True
            assert load_meeting(meeting).venue == "A's venue"
            assert load_meeting(copy).venue == "B's venue"
        else:
            assert asked[0] == "replace changed"
            who = b.questions()[1]["who"]
            assert f" on {machine_name()}, since " in who  # named from A's mark, now B's
            if replace == "no":  # No: Save As, and both versions are kept
                assert asked == ["replace changed", "save as"]
                assert load_meeting(meeting).venue == "A's venue"
                assert load_meeting(copy).venue == "B's venue"
            else:  # Yes: B's version in the file, A's in the backup beside it
                assert asked == ["replace changed"]
                assert load_meeting(meeting).venue == "B's venue"
                assert load_meeting(backup_path(meeting)).venue == "A's venue"
                # and A, saving again, is asked in turn: B's version is not replaced unseen
                a.do("edit A's second venue")
                assert a.do("save") is False  # A answers No and has no Save As path
                a_asked = [q["question"] for q in a.questions()]
                assert a_asked == ["replace changed", "save as"]
                assert load_meeting(meeting).venue == "B's venue"
        b.quit()
        a.quit()
        assert not owner_path(meeting).exists()  # each Clerk took its own mark away
        assert not owner_path(copy).exists()
    finally:
        for clerk in (a, b):
            if clerk is not None:
                clerk.kill()
    assert time.monotonic() - started < 20
