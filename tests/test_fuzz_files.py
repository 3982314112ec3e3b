"""Damaged meeting files never crash `export` or `check`, hang them, or leave output behind.

Hypothesis damages the bundled samples and the feature meeting (bench/audit_mutations.py: values
of other JSON types, huge strings, control characters, deep nesting, keys dropped or given twice,
blocks of another type, times with offsets, numbers for dates, bytes cut off or flipped) and each
file goes through a public Word export, a text export and `check` (bench/audit_oracle.py): exit 0
with a valid export and nothing else in the output folder, or one clean line on stderr and exit 2
with the output folder left empty (`check` also exits 1 for errors it finds). Never a traceback,
an internal error, a hang, escape sequences or megabytes on stderr.

Most files run in this process through `clerk_app.cli.main` (a process each would cost half a
second to start); a few run as real `python -m clerk_app` processes. The run is derandomized and
keeps no example database, so CI sees the same files every time, in well under a minute: 500
files (about 30 s here; `CLERK_FUZZ_EXAMPLES=5000` runs more, and `bench/audit.py` runs the
audit's 10,000). `tests/fuzz_cases/` holds the files that once failed.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.audit_mutations import Mutated, RandomChooser, mutate, seed_files, write_case
from bench.audit_oracle import (
    CRASH,
    HANG,
    LEFTOVER,
    MESSAGE,
    Outcome,
    check_file,
    judge,
    run_in_process,
)
from clerk_app.storage import MeetingFileError, load_meeting

CASES = Path(__file__).resolve().parent / "fuzz_cases"
SEEDS = seed_files()
HUGE = 200_000
EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "500"))
"""The largest string the test writes (the audit goes to 11 MB); nesting to HUGE // 100 deep."""


class _Draws:
    """A Chooser whose choices hypothesis makes (and shrinks)."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))


@st.composite
def damaged_files(draw: st.DrawFn) -> Mutated:
    return mutate(_Draws(draw), SEEDS, huge_limit=HUGE)


def _fail_on(problems: Sequence[object], what: str) -> None:
    if problems:
        shown = "\n  ".join(str(p) for p in problems)
        pytest.fail(f"{what}:\n  {shown}", pytrace=False)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=dt.timedelta(seconds=60),  # a hang is caught per command (TIME_LIMIT) before this
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(damaged=damaged_files())
def test_a_damaged_file_is_exported_or_refused_in_one_line(damaged: Mutated) -> None:
    with tempfile.TemporaryDirectory() as work:
        meeting = write_case(Path(work) / "in", damaged)
        _fail_on(check_file(meeting, Path(work) / "out"), damaged.describe())


def _process_cases() -> list[Mutated]:
    """Five damaged files for real processes: three that still load, two that do not."""
    loading: list[Mutated] = []
    refused: list[Mutated] = []
    number = 0
    with tempfile.TemporaryDirectory() as work:
        while len(loading) < 3 or len(refused) < 2:
            damaged = mutate(RandomChooser(number), SEEDS, huge_limit=HUGE)
            number += 1
            path = write_case(Path(work), damaged)
            try:
                load_meeting(path)
            except MeetingFileError:
                if len(refused) < 2:
                    refused.append(damaged)
            else:
                if len(loading) < 3:
                    loading.append(damaged)
    return loading + refused


@pytest.mark.parametrize("damaged", _process_cases(), ids=lambda m: m.describe()[:40])
def test_the_real_command_exports_or_refuses_in_one_line(damaged: Mutated, tmp_path: Path) -> None:
    meeting = write_case(tmp_path / "in", damaged)
    _fail_on(check_file(meeting, tmp_path / "out", real_process=True), damaged.describe())


@pytest.mark.parametrize("case", sorted(CASES.glob("*.minutes")), ids=lambda p: p.name)
def test_a_file_that_once_failed_is_exported_or_refused(case: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    meeting = tmp_path / "in" / case.name  # alone in its folder: check reads its neighbours
    meeting.write_bytes(case.read_bytes())
    _fail_on(check_file(meeting, tmp_path / "out"), case.name)


def test_there_are_fuzz_cases() -> None:
    assert list(CASES.glob("*.minutes")), f"no fuzz cases in {CASES}"


# --- the checks themselves can fail ----------------------------------------------------------


def _kinds(outcome: Outcome, out: Path | None = None, folder: Path | None = None) -> set[str]:
    return {problem.kind for problem in judge(outcome, out, folder)}


def test_the_checks_catch_a_crash_a_hang_and_an_untidy_message(tmp_path: Path) -> None:
    traceback = "Traceback (most recent call last):\n  File ...\nTypeError: x\n"
    assert CRASH in _kinds(Outcome("check", 1, "", traceback, 0.1))
    internal = "clerk-app: internal error: TypeError: x (set CLERK_DEBUG=1 to see the details)\n"
    assert CRASH in _kinds(Outcome("export", 1, "", internal, 0.1))
    assert _kinds(Outcome("check", 1, "m.minutes: 1 error(s), 0 warning(s)\n", "", 0.1)) == set()
    assert HANG in _kinds(Outcome("export", None, "", "", 16.0))
    assert MESSAGE in _kinds(Outcome("export", 2, "", "clerk-app: error: \x1b[2J\n", 0.1))
    assert MESSAGE in _kinds(Outcome("export", 2, "", "clerk-app: error: " + "x" * 2_000_000, 0.1))
    assert MESSAGE in _kinds(Outcome("export", 2, "", "clerk-app: error: a\nb\n", 0.1))
    assert MESSAGE in _kinds(Outcome("export", 2, "", "", 0.1))
    assert _kinds(Outcome("export", 2, "", "clerk-app: error: m.minutes: is empty\n", 0.1)) == set()


def test_the_checks_catch_output_left_behind_and_a_broken_export(tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    (tmp_path / ".minutes.docx.1a2b3c4d.tmp").write_bytes(b"half")
    assert LEFTOVER in _kinds(Outcome("export", 2, "", "clerk-app: error: x\n", 0.1), out, tmp_path)
    (tmp_path / ".minutes.docx.1a2b3c4d.tmp").unlink()
    out.write_bytes(b"PK\x03\x04 not really a Word file")
    assert "invalid" in _kinds(Outcome("export", 0, "", "", 0.1), out, tmp_path)
    assert LEFTOVER in _kinds(Outcome("export", 2, "", "clerk-app: error: x\n", 0.1), out, tmp_path)


def test_a_command_run_in_process_is_stopped_when_it_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    import clerk_app.cli

    def stuck(args: object) -> int:
        time.sleep(30)
        return 0

    monkeypatch.setattr(clerk_app.cli, "main", stuck)
    outcome = run_in_process(["check", "m.minutes"], time_limit=0.5)
    assert outcome.code is None and outcome.seconds < 5
