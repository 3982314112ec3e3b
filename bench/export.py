# ruff: noqa: E402 - see the lines about typing.py below
"""How long exporting minutes takes: in process, and as a whole command against pandoc.

    python bench/export.py              7 runs of everything (about a minute)
    python bench/export.py --quick      3 runs
    python bench/export.py --repeat N   N runs

Two meetings: the bundled sample (15 items) and one twenty times its size (the sample's items
repeated 20 times, each copy with a fresh id; attendance and declarations as they are).

1. In process: `render_docx` (with `render_text` for reference) on each meeting, one warm-up
   and then N timed calls; median and min, against the targets (sample < 0.15 s, 20x < 1.5 s).
2. Whole process: the real `python -m clerk_app export MEETING -o OUT.docx` against
   `pandoc minutes.md -o out.docx` on the same minutes as Markdown (the text export, with minute
   headings made `##` headings and every line kept a line of its own). The two commands run in
   turn (clerk, pandoc, clerk, pandoc, ...) so that load on the machine falls on both alike;
   one untimed run of each first. The target is clerk/pandoc < 1.
3. The floor: processes that only import what an export needs (Python itself, pydantic, the
   meeting model, Jinja2 and docxtpl), each timed in turn with pandoc on the sample, so that the
   table shows what the required stack costs before any work is done.

Needs pandoc on PATH: without it the benchmark says so and exits 2. Otherwise exits 0, targets
met or not; the table says which.
"""

from __future__ import annotations

# This folder holds typing.py (the typing benchmark), named like the standard library's `typing`:
# a script run from here has this folder first on the path, which would shadow it.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text
from clerk_app.storage import load_meeting, save_meeting

COPIES = 20
TARGETS = {"sample": 0.15, f"{COPIES}x": 1.5}
"""In-process render_docx targets, in seconds."""
DEFAULT_REPEAT, QUICK_REPEAT = 7, 3
EXIT_OK, EXIT_NO_PANDOC = 0, 2


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    meeting: Meeting
    path: Path
    """The meeting as a .minutes file, for the command."""


@dataclass(frozen=True, slots=True)
class Timing:
    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)


def enlarged(meeting: Meeting, copies: int) -> Meeting:
    """The meeting with its items repeated `copies` times, each copy under a fresh id."""
    items = tuple(
        item.model_copy(update={"id": f"{item.id}-{n}"})
        for n in range(copies)
        for item in meeting.items
    )
    return meeting.model_copy(update={"items": items})


# --- Markdown for pandoc ---------------------------------------------------------------------

_HEADING = re.compile(r"^(\d+)\. [A-Z]")
_BULLET = re.compile(r"^( *)- (.*)$")
_NUMBERED = re.compile(r"^( *)(\d+)\. (.*)$")
_SPECIAL = re.compile(r"([\\`*_\[\]<>#$~^|@])")
# What pandoc's Markdown would take for a list marker, a heading underline or a definition at
# the start of a plain line: "(a) ", "A. ", "iv) ", "+ ", "===", ": ".
_MARKER_START = re.compile(r"^(\(?(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|\d+|#)[.)])(?=\s|$)")
_LINE_START = re.compile(r"^([-+=:%])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _escape_plain(text: str) -> str:
    text = _escape(text)
    marker = _MARKER_START.match(text)
    if marker is not None:
        return f"{marker.group(1)[:-1]}\\{text[marker.end(1) - 1 :]}"
    return _LINE_START.sub(r"\\\1", text)


def text_to_markdown(text: str, minute_numbers: Sequence[str]) -> str:
    """Clerk's plain-text minutes as Markdown that pandoc lays out line for line.

    A line "149. TITLE" is a `##` heading when 149 is the next minute number of the meeting (so
    "5. January 2024" inside a minute stays a list entry); "- " and "1. " lines stay lists,
    nested by their indent (one space a level in the text, four in Markdown); every other line
    is escaped text, and lines that follow each other in the text are joined by hard breaks.
    """
    pending = list(reversed(minute_numbers))
    kinds: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if not line.strip():
            kind, out = "blank", ""
        elif heading is not None and pending and heading.group(1) == pending[-1]:
            pending.pop()
            number, title = line.split(". ", 1)
            kind, out = "heading", f"## {number}\\. {_escape(title)}"
        elif (bullet := _BULLET.match(line)) is not None:
            indent = "    " * len(bullet.group(1))
            kind, out = "list", f"{indent}- {_escape(bullet.group(2))}"
        elif (numbered := _NUMBERED.match(line)) is not None:
            indent = "    " * len(numbered.group(1))
            kind, out = "list", f"{indent}{numbered.group(2)}. {_escape(numbered.group(3))}"
        else:
            stripped = line.lstrip(" ")
            indent = "    " * (len(line) - len(stripped))
            kind, out = "text", indent + _escape_plain(stripped)
        adjacent = (
            kinds and "blank" not in (kind, kinds[-1]) and (kind, kinds[-1]) != ("list", "list")
        )
        if adjacent:
            if kind == "text" and kinds[-1] == "text":
                lines[-1] += "\\"  # a hard line break: the next line stays a line of its own
            else:
                kinds.append("blank")  # headings and lists need a blank line around them
                lines.append("")
        kinds.append(kind)
        lines.append(out)
    if pending:
        raise RuntimeError(f"minute {pending[-1]}: no heading found in the text minutes")
    return "\n".join(lines)


# --- measuring -------------------------------------------------------------------------------


def time_calls(call: Callable[[], object], repeat: int) -> Timing:
    """One warm-up call, then `repeat` timed ones."""
    call()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return Timing(tuple(runs))


def _run(command: Sequence[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}"
        )
    return elapsed


def time_interleaved(
    first: Sequence[str], second: Sequence[str], repeat: int
) -> tuple[Timing, Timing]:
    """Both commands run in turn, one untimed round first."""
    _run(first)
    _run(second)
    a, b = [], []
    for _ in range(repeat):
        a.append(_run(first))
        b.append(_run(second))
    return Timing(tuple(a)), Timing(tuple(b))


def clerk_command(meeting: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "clerk_app", "export", str(meeting), "-o", str(out)]


FLOOR = (
    ("python -c pass", "pass"),
    ("import pydantic.BaseModel", "from pydantic import BaseModel"),
    ("import the meeting model", "import clerk_app.domain.model"),
    ("+ jinja2 sandbox, docxtpl", "import clerk_app.domain.model, jinja2.sandbox, docxtpl"),
)
"""What an export must import, as commands timed against pandoc: (label, Python source)."""


def time_floor(pandoc_run: Sequence[str], repeat: int) -> list[tuple[str, Timing, Timing]]:
    """Each import-only process of FLOOR against pandoc, interleaved like the exports."""
    return [
        (label, *time_interleaved([sys.executable, "-c", source], pandoc_run, repeat))
        for label, source in FLOOR
    ]


def pandoc_version(pandoc: str) -> str:
    done = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0].strip()


# --- reporting -------------------------------------------------------------------------------


def _s(seconds: float) -> str:
    return f"{seconds:7.3f} s"


def _verdict(value: float, limit: float) -> str:
    return "ok" if value < limit else "MISSED"


def _words(docx: Path) -> int:
    return len(visible_text(docx.read_bytes()).split())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, metavar="N", help=f"runs (default {DEFAULT_REPEAT})")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_REPEAT} runs")
    args = parser.parse_args(argv)
    repeat: int | None = args.repeat
    if repeat is None:
        repeat = QUICK_REPEAT if args.quick else DEFAULT_REPEAT
    if repeat < 1:
        parser.error("--repeat must be at least 1")

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print(
            "bench/export.py: pandoc is not installed (not on PATH); the whole-process "
            "comparison needs it. Install it (e.g. 'apt-get install pandoc') and run again.",
            file=sys.stderr,
        )
        return EXIT_NO_PANDOC

    sample_path = locations.sample_meeting()
    sample = load_meeting(sample_path)
    style: StyleFolder = find_style(sample.house_style)
    big = enlarged(sample, COPIES)

    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as folder:
        work = Path(folder)
        big_path = work / f"sample-{COPIES}x.minutes"
        save_meeting(big, big_path)
        cases = [
            Case("sample", sample, sample_path),
            Case(f"{COPIES}x", big, big_path),
        ]

        print(
            f"Clerk export benchmark: Python {platform.python_version()}, "
            f"{pandoc_version(pandoc)}, style {style.name}, {repeat} run(s) each after a warm-up"
        )
        print()
        print(f"{'in process':<34}{'median':>10}{'min':>10}   target")
        for case in cases:
            docx = time_calls(partial(render_docx, case.meeting, style), repeat)
            text = time_calls(partial(render_text, case.meeting, style), repeat)
            label = f"{case.name} ({len(case.meeting.items)} items)"
            target = TARGETS[case.name]
            print(
                f"  {'render_docx ' + label:<32}{_s(docx.median)}{_s(docx.min)}   "
                f"{f'< {target} s':<9}{_verdict(docx.median, target)}"
            )
            print(f"  {'render_text ' + label:<32}{_s(text.median)}{_s(text.min)}   (reference)")

        print()
        print(
            f"{'whole process (interleaved)':<34}{'median':>10}{'min':>10}   "
            "clerk/pandoc (median, min)"
        )
        notes = []
        for case in cases:
            markdown = work / f"{case.name}.md"
            numbers = [item.number for item in build_context(case.meeting, style.style).items]
            markdown.write_text(
                text_to_markdown(render_text(case.meeting, style), numbers), encoding="utf-8"
            )
            clerk_out, pandoc_out = work / f"{case.name}-clerk.docx", work / f"{case.name}.docx"
            clerk, peer = time_interleaved(
                clerk_command(case.path, clerk_out),
                [pandoc, str(markdown), "-o", str(pandoc_out)],
                repeat,
            )
            ratio, ratio_min = clerk.median / peer.median, clerk.min / peer.min
            print(f"  {'clerk-app export ' + case.name:<32}{_s(clerk.median)}{_s(clerk.min)}")
            print(
                f"  {'pandoc md -> docx ' + case.name:<32}{_s(peer.median)}{_s(peer.min)}   "
                f"{ratio:.2f}x, {ratio_min:.2f}x  (target < 1) {_verdict(ratio, 1.0)}"
            )
            notes.append(
                f"  {case.name}: clerk {clerk_out.stat().st_size // 1024} KB, "
                f"{_words(clerk_out)} words; pandoc {pandoc_out.stat().st_size // 1024} KB, "
                f"{_words(pandoc_out)} words (from {len(markdown.read_bytes()) // 1024} KB "
                "of Markdown)"
            )
        print()
        print(
            f"{'floor: imports only (interleaved)':<34}{'median':>10}{'min':>10}   "
            "against pandoc on the sample (median)"
        )
        sample_md = work / "sample.md"
        floor = time_floor([pandoc, str(sample_md), "-o", str(work / "floor.docx")], repeat)
        for label, imports, peer in floor:
            print(
                f"  {label:<32}{_s(imports.median)}{_s(imports.min)}   "
                f"{imports.median / peer.median:.2f}x of {peer.median:.3f} s"
            )
        print()
        print("outputs (words as a reader sees them, headers included):")
        print("\n".join(notes))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
