"""Two Clerks saving the same meeting within 0-60 ms of each other: is anyone's work lost?

    python bench/save_race.py              16 rounds
    python bench/save_race.py --rounds N

Two real processes (tests/storage/save_race_worker.py) each open the same meeting, type a venue
of their own and, released together by a barrier file, save it as File > Save does, one of them
4*i ms after the other in round i (0 to 60 ms). A round loses work when both saves succeed
without a word: the second silently replaced the first. Prints how many rounds lost
work; exits 0.
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(_HERE).parent


def race(rounds: int) -> list[tuple[str, str, str]]:
    """(A's outcome, B's outcome, venue on disk) for each round."""
    sys.path.insert(0, str(REPO))
    from clerk_app import locations
    from clerk_app.storage import load_meeting, save_meeting

    sample = load_meeting(locations.sample_meeting())
    with tempfile.TemporaryDirectory(prefix="clerk-race-") as name:
        folder = Path(name)
        for i in range(rounds):
            save_meeting(sample, folder / f"m{i}.minutes")
        env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
        command = [sys.executable, "-m", "tests.storage.save_race_worker", name]
        workers = [
            subprocess.Popen(
                [*command, who, str(rounds)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who in "AB"
        ]
        outputs = [worker.communicate(timeout=300) for worker in workers]
        for worker, (_, err) in zip(workers, outputs, strict=True):
            if worker.returncode != 0:
                raise SystemExit(f"a worker failed:\n{err}")
        lines = [dict(line.split(" ", 1) for line in out.splitlines()) for out, _ in outputs]
        return [
            (lines[0][str(i)], lines[1][str(i)], load_meeting(folder / f"m{i}.minutes").venue)
            for i in range(rounds)
        ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=16)
    args = parser.parse_args()
    results = race(args.rounds)
    lost = sum(a == b == "saved" for a, b, _ in results)
    for i, (a, b, venue) in enumerate(results):
        print(f"round {i:2}  delay {i % 16 * 4:2} ms  A {a:9} B {b:9} on disk: {venue}")
    print(f"{lost} of {len(results)} rounds lost work (both saves succeeded silently)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
