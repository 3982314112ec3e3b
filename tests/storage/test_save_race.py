"""Two real Clerk processes saving the same meeting at about the same time: never both
silently. One saves, the other is told the file changed, and the winner's meeting is on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.storage import load_meeting, save_meeting
from tests.storage.save_race_worker import venue

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 16


def test_two_processes_saving_at_once_never_both_succeed_silently(
    sample: Meeting, tmp_path: Path
) -> None:
    for i in range(ROUNDS):
        save_meeting(sample, tmp_path / f"m{i}.minutes")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    workers = {
        who: subprocess.Popen(
            [sys.executable, "-m", "tests.storage.save_race_worker", str(tmp_path), who, "16"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in "AB"
    }
    outcomes: dict[str, dict[str, str]] = {}
    for who, worker in workers.items():
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        outcomes[who] = dict(line.split(" ", 1) for line in out.splitlines())
    results = []
    for i in range(ROUNDS):
        a, b = outcomes["A"][str(i)], outcomes["B"][str(i)]
        on_disk = load_meeting(tmp_path / f"m{i}.minutes").venue
        results.append((i, a, b, on_disk))
    lost = [r for r in results if r[1] == r[2] == "saved"]
    assert lost == [], f"{len(lost)} of {ROUNDS} rounds: both saved, one clerk's work lost"
    for i, a, b, on_disk in results:
        assert sorted([a, b]) == ["conflict", "saved"], (i, a, b)
        winner = "A" if a == "saved" else "B"
        assert on_disk == venue(winner), (i, a, b, on_disk)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".lock"))]
    assert leftovers == []
