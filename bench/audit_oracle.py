"""What `clerk-app export` and `clerk-app check` must do with any file, however damaged.

For each file: a public Word export, a public text export and `check`. Each either succeeds
(exit 0, and for an export a valid file and nothing else in the output folder) or says what is
wrong in one line on stderr and exits 2, leaving the output folder as it was (no OUT file, no
temporary file). `check` may also exit 1, for errors it found in the meeting. Never a traceback,
an "internal error" (exit 1 from an export), escape sequences or megabytes on stderr, or a hang.

Shared by tests/test_fuzz_files.py and audit.py. Commands run in this process through
`clerk_app.cli.main` (fast), or as real processes (`python -m clerk_app`, the real entry point).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MESSAGE_LIMIT = 1000
"""The longest a one-line message may be, in characters (a long path included)."""
TIME_LIMIT = 15.0
"""Seconds any one command may take on any file (the largest fuzzed file is 64 MB at most)."""

CRASH, HANG, LEFTOVER, MESSAGE, INVALID = "crash", "hang", "output left", "message", "invalid"


@dataclass(frozen=True)
class Outcome:
    command: str
    code: int | None  # None: it did not finish in time
    stdout: str
    stderr: str
    seconds: float


@dataclass(frozen=True)
class Problem:
    kind: str
    command: str
    detail: str

    def __str__(self) -> str:
        return f"{self.command}: {self.kind}: {self.detail}"


class _Hang(BaseException):
    """Raised by the alarm in a command that ran past its time (not an Exception: the command's
    own safety net must not catch it)."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    # SIGALRM exists on POSIX only; on Windows a hang is seen afterwards, by the time it took
    # (a command that never ends would then stop the run: only CI on Linux catches that).
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(args: list[str], time_limit: float = TIME_LIMIT) -> Outcome:
    from clerk_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code: int | None
    try:
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            _time_limit(time_limit),
        ):
            code = main(args)
    except _Hang:
        code = None
    except SystemExit as exc:  # argparse's --help and --version; never for these commands
        code = exc.code if isinstance(exc.code, int) else 1
    seconds = time.perf_counter() - start
    if seconds > time_limit:
        code = None
    return Outcome(args[0], code, out.getvalue(), err.getvalue(), seconds)


def run_as_process(args: list[str], time_limit: float = TIME_LIMIT) -> Outcome:
    start = time.perf_counter()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CLERK_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "clerk_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    code: int | None
    try:
        stdout, stderr = process.communicate(timeout=time_limit + 5)  # start-up on top
        code = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        code = None
    seconds = time.perf_counter() - start
    return Outcome(
        args[0],
        code,
        stdout.decode("utf-8", "backslashreplace"),
        stderr.decode("utf-8", "backslashreplace"),
        seconds,
    )


def _bad_characters(text: str) -> list[str]:
    """Characters a terminal acts on or a log cannot hold: controls (escape sequences start
    with one), line and paragraph separators, lone surrogates."""
    return [char for char in text if unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs")]


def message_problems(command: str, stream: str, text: str) -> list[Problem]:
    """A message must be one line: not many, not long, no escape sequences, no traceback."""
    problems = []
    if "Traceback (most recent call last)" in text:
        problems.append(Problem(CRASH, command, f"a traceback on {stream}: {_shown(text)}"))
    body = text.removesuffix("\n")
    if "\n" in body:
        lines = body.count("\n") + 1
        problems.append(Problem(MESSAGE, command, f"{lines} lines on {stream}: {_shown(text)}"))
    if len(body) > MESSAGE_LIMIT:
        problems.append(Problem(MESSAGE, command, f"{len(body):,} characters on {stream}"))
    bad = _bad_characters(body.replace("\n", ""))
    if bad:
        shown = "".join(sorted({ascii(c)[1:-1] for c in bad}))
        problems.append(Problem(MESSAGE, command, f"control characters on {stream}: {shown}"))
    return problems


def _shown(text: str) -> str:
    text = ascii(text)
    return text if len(text) <= 300 else text[:200] + " ... " + text[-80:]


def _valid_export(out: Path) -> str:
    """What is wrong with an exported file ("" if nothing)."""
    try:
        if out.suffix == ".docx":
            with zipfile.ZipFile(out) as archive:
                broken = archive.testzip()
            if broken is not None:
                return f"{broken} in the Word file is damaged"
            import docx

            docx.Document(str(out))
        else:
            out.read_bytes().decode("utf-8")
    except Exception as exc:
        return f"the export cannot be read: {type(exc).__name__}: {exc}"
    return ""


def judge(outcome: Outcome, out: Path | None, folder: Path | None) -> list[Problem]:
    """Problems with one command's outcome; `out` is the export's OUT (None for check), and
    `folder` the folder OUT is in (which held nothing before)."""
    command = outcome.command
    if outcome.code is None:
        return [Problem(HANG, command, f"still running after {outcome.seconds:.1f} s")]
    problems: list[Problem] = []
    allowed = (0, 1, 2) if command == "check" else (0, 2)
    internal = "internal error" in outcome.stderr
    if internal or outcome.code not in allowed:
        problems.append(
            Problem(CRASH, command, f"exit {outcome.code}: {_shown(outcome.stderr.strip())}")
        )
    problems += message_problems(command, "stderr", outcome.stderr)
    if outcome.code == 2 and not outcome.stderr.strip():
        problems.append(Problem(MESSAGE, command, "exit 2 with nothing on stderr"))
    if folder is not None:
        left = sorted(p.name for p in folder.iterdir())
        expected = [out.name] if outcome.code == 0 and out is not None else []
        if left != expected:
            problems.append(Problem(LEFTOVER, command, f"the output folder holds {left}"))
        if outcome.code == 0 and out is not None and out.exists():
            invalid = _valid_export(out)
            if invalid:
                problems.append(Problem(INVALID, command, invalid))
    return problems


def check_file(
    meeting: Path, work: Path, *, real_process: bool = False, time_limit: float = TIME_LIMIT
) -> list[Problem]:
    """Every problem with the public Word export, the text export and check of `meeting`;
    `work` is an empty folder for the outputs."""
    run = run_as_process if real_process else run_in_process
    problems: list[Problem] = []
    for suffix in (".docx", ".txt"):
        folder = work / suffix[1:]
        folder.mkdir(parents=True)
        out = folder / f"minutes{suffix}"
        outcome = run(["export", str(meeting), "-o", str(out)], time_limit)
        problems += judge(outcome, out, folder)
    problems += judge(run(["check", str(meeting)], time_limit), None, None)
    return problems
