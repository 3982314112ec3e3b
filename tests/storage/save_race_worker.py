"""One of two Clerks saving the same meetings at about the same time (the save-race test and
bench/save_race.py run two of these at once).

    python -m tests.storage.save_race_worker FOLDER NAME ROUNDS

For each round i it opens FOLDER/m{i}.minutes as the app does (MeetingDocument.open), types a
venue of its own, says it is ready (FOLDER/ready-{i}-NAME) and waits for the other one's
ready file: the barrier. Then, after a delay of 4*i ms for one of the two (0, 4, ... 60 ms;
which one alternates), it saves as File > Save did: asking first whether the file
changed on disk, then saving. One line per round on stdout: `i saved`, `i conflict` (the app
would have asked the clerk) or `i error MESSAGE`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from clerk_app.services.document import MeetingDocument
from clerk_app.storage import MeetingFileError

BARRIER_TIMEOUT = 60.0


def venue(name: str) -> str:
    return f"Venue typed by {name}"  # the same length for both: size alone tells nothing


def delay(round_: int, name: str) -> float:
    delayed = "B" if round_ % 2 == 0 else "A"
    return round_ % 16 * 0.004 if name == delayed else 0.0


def main(folder: Path, name: str, rounds: int) -> int:
    other = "B" if name == "A" else "A"
    for i in range(rounds):
        document = MeetingDocument.open(folder / f"m{i}.minutes")
        document.set(("venue",), venue(name), "Edit venue")
        (folder / f"ready-{i}-{name}").touch()
        deadline = time.monotonic() + BARRIER_TIMEOUT
        while not (folder / f"ready-{i}-{other}").exists():
            if time.monotonic() > deadline:
                print(f"{i} error the other worker never came", flush=True)
                return 1
            time.sleep(0.0005)
        time.sleep(delay(i, name))
        try:
            if document.changed_on_disk():
                outcome = "conflict"
            else:
                document.save()
                outcome = "saved"
        except MeetingFileError as exc:
            outcome = "conflict" if "changed" in str(exc) else f"error {exc}"
        print(f"{i} {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])))
