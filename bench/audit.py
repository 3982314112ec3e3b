# ruff: noqa: E402 - see the lines about typing.py below
"""The reliability audit's figures (issue 10), measured again in one run.

    python bench/audit.py             the audit's counts (about an hour, most of it fuzzing)
    python bench/audit.py --quick     small counts (a few minutes): the same lines, smaller
    python bench/audit.py --only fuzz,kills ...   some measurements only
    python bench/audit.py --fuzz 500 --kills 20 ...   any count set by hand

Each measurement prints one line, such as "fuzzed meeting files: 10000, crashes of export: 0,
partial outputs left: 0, ..."; docs/audit.md says what each counts. A measurement that cannot
run (a part of Clerk it needs has changed) prints what went wrong on its line instead of
stopping the others. Exits 0 either way: the lines are the result.
"""

from __future__ import annotations

# This folder holds typing.py (the typing benchmark), named like the standard library's `typing`:
# a script run from here has this folder first on the path, which would shadow it.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100

import argparse
import contextlib
import datetime as dt
import random
import shutil
import signal
import subprocess
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import audit_oracle
from bench.audit_mutations import RandomChooser, mutate, seed_files, write_case
from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.storage import load_meeting, save_meeting

CHILDREN = Path(__file__).resolve().parent / "audit_children.py"

AUDIT = {  # the audit's own counts
    "fuzz": 10_000,
    "kills": 200,
    "leak_meetings": 1_000,
    "races": 16,
    "crashes": 6,
    "hostile_limit": 20.0,
    "image_mb": 1_500,
}
QUICK = {
    "fuzz": 300,
    "kills": 20,
    "leak_meetings": 20,
    "races": 16,
    "crashes": 2,
    "hostile_limit": 5.0,
    "image_mb": 150,
}
HUGE_STRING = {"audit": 11_000_000, "quick": 200_000}


@contextlib.contextmanager
def _work(name: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f"clerk-audit-{name}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _child_env(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        locations.DATA_DIR_VARIABLE: str(data),
        "PYTHONIOENCODING": "utf-8",
    }


def _wait_for(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line.strip()
        if not line and process.poll() is not None:
            break
    error = process.stderr.read() if process.stderr and process.poll() is not None else ""
    raise RuntimeError(f"the child never printed {prefix} ({error.strip()[-300:]})")


# --- 1. fuzzed meeting files -----------------------------------------------------------------


def fuzz(count: int, huge: int) -> str:
    """Damaged files through export (Word and text, public) and check, in this process."""
    export_crashes = check_crashes = hangs = left = invalid = messages = 0
    kinds: Counter[str] = Counter()
    with _work("fuzz") as root:
        seeds = seed_files()
        for number in range(count):
            damaged = mutate(RandomChooser(number), seeds, huge_limit=huge)
            case = root / str(number)
            meeting = write_case(case / "in", damaged)
            problems = audit_oracle.check_file(meeting, case / "out")
            found = {(p.kind, p.command) for p in problems}
            export_crashes += (audit_oracle.CRASH, "export") in found
            check_crashes += (audit_oracle.CRASH, "check") in found
            hangs += any(kind == audit_oracle.HANG for kind, _ in found)
            left += any(kind == audit_oracle.LEFTOVER for kind, _ in found)
            invalid += any(kind == audit_oracle.INVALID for kind, _ in found)
            messages += any(kind == audit_oracle.MESSAGE for kind, _ in found)
            kinds.update(kind for kind, _ in found)
            shutil.rmtree(case, ignore_errors=True)
    return (
        f"fuzzed meeting files: {count}, crashes of export: {export_crashes}, crashes of check: "
        f"{check_crashes}, hangs: {hangs}, partial outputs left: {left}, invalid exports: "
        f"{invalid}, cases printing escape sequences, several lines or over "
        f"{audit_oracle.MESSAGE_LIMIT} characters to stderr: {messages}"
    )


# --- 2. kills mid-save -----------------------------------------------------------------------


def _two_versions(folder: Path) -> tuple[Path, Path, Meeting, Meeting]:
    from tests.factories import long_meeting

    old_path = long_meeting(folder, 20)
    old = load_meeting(old_path)
    items = tuple(
        item.model_copy(update={"title": item.title + " (revised)"}) for item in old.items
    )
    new = old.model_copy(update={"venue": "The new venue", "items": items})
    new_path = folder / "new.minutes"
    save_meeting(new, new_path)
    return old_path, new_path, old, new


def kills(count: int) -> str:
    """A child saves a 300-item meeting in a loop (old, new, old...); SIGKILL it at a random
    moment; the file must load and be the old or the new meeting. Then a quarter as many kills
    of a child that saves new files in a loop (each save a first save, with no file yet): what
    such a kill may leave is a stray temporary file."""
    rng = random.Random(10)
    neither = unreadable = stray = 0
    first_kills = max(1, count // 4)
    first_stray = 0
    with _work("kills") as root:
        old_path, new_path, old, new = _two_versions(root)
        for number in range(count + first_kills):
            first = number >= count
            folder = root / f"k{number}"
            folder.mkdir()
            target = folder / "m.minutes"
            if not first:
                save_meeting(old, target)
            child = subprocess.Popen(
                [
                    *(sys.executable, str(CHILDREN), "first-saver" if first else "saver"),
                    *(str(target), str(old_path), str(new_path)),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_child_env(root / "data"),
            )
            try:
                _wait_for(child, "READY")
                time.sleep(rng.uniform(0, 0.4))
            finally:
                child.kill()  # SIGKILL: no clean-up runs
                child.communicate()
            strays = [p for p in folder.iterdir() if p.suffix == ".tmp"]
            if first:
                first_stray += bool(strays)
            else:
                stray += bool(strays)
                try:
                    saved = load_meeting(target)
                except Exception:
                    unreadable += 1
                else:
                    neither += saved != old and saved != new
            shutil.rmtree(folder, ignore_errors=True)
    return (
        f"kills mid-save: {count}, files unreadable: {unreadable}, files neither the old nor "
        f"the new meeting: {neither}, kills leaving a stray .tmp file: {stray}; kills during a "
        f"first save: {first_kills}, leaving a stray .tmp file: {first_stray}"
    )


# --- 3. exempt content in public copies ------------------------------------------------------


SECRET = "SECRET-{n}-{i}"
ONLY_EXEMPT = "Onlyexempt{n}"


def _generated(sample: Meeting, rng: random.Random, n: int) -> Meeting:
    """The sample with one to three of its items made exempt, each with secret text in its body
    and actions, and a person present for one exempt item only."""
    from clerk_app.domain.model import Attendance, FollowUp, Paragraph, Person

    items = list(sample.items)
    chosen = rng.sample(range(2, len(items)), rng.randint(1, 3))
    for i in chosen:
        item = items[i]
        secret = SECRET.format(n=n, i=i)
        items[i] = item.model_copy(
            update={
                "exempt": True,
                "exempt_reason": "paragraph 3 of Schedule 12A",
                "blocks": (*item.blocks, Paragraph(text=f"The offer was {secret}.")),
                "actions": (FollowUp(action=f"Circulate {secret}-action", owner="Clerk"),),
            }
        )
    only = Attendance(
        id=f"only{n}",
        person=Person(title="Mr", name=ONLY_EXEMPT.format(n=n)),
        role="other",  # type: ignore[arg-type]
        capacity="the applicant",
        present_from_item=items[chosen[0]].id,
        present_to_item=items[chosen[0]].id,
    )
    return sample.model_copy(
        update={"items": tuple(items), "attendance": (*sample.attendance, only)}
    )


def leaks(meetings: int) -> tuple[str, str]:
    """Public copies (2 styles x 3 policies x Word and text) of generated meetings."""
    from clerk_app.domain.house_style import ExemptPolicy
    from clerk_app.render.docx import visible_text
    from clerk_app.render.minutes import render_minutes
    from clerk_app.render.styles import find_style

    sample = load_meeting(locations.sample_meeting())
    styles = [find_style(name) for name in ("leicester", "parish")]
    rng = random.Random(12)
    copies = leaked = failed = 0
    named = named_hidden = hidden = 0
    for n in range(meetings):
        meeting = _generated(sample, rng, n)
        secret = f"SECRET-{n}-"
        person = ONLY_EXEMPT.format(n=n)
        for style in styles:
            for policy in ExemptPolicy:
                folder = type(style)(
                    name=style.name,
                    path=style.path,
                    style=style.style.model_copy(update={"exempt_in_public": policy}),
                    builtin=style.builtin,
                )
                for suffix in (".docx", ".txt"):
                    copies += 1
                    try:
                        data = render_minutes(meeting, folder, suffix, public=True)
                    except Exception:
                        failed += 1
                        continue
                    text = visible_text(data) if suffix == ".docx" else data.decode("utf-8")
                    leaked += secret in text
                    named += person in text
                    if policy is not ExemptPolicy.NOTICE:
                        hidden += 1
                        named_hidden += person in text
    return (
        f"public copies: {copies} of {meetings} generated meetings, leaking exempt content: "
        f"{leaked}, failing to export: {failed}",
        f"people present only for an exempt item named in public exports: {named} of {copies} "
        f"(under number_only or omit: {named_hidden} of {hidden})",
    )


# --- 4. two windows saving one meeting -------------------------------------------------------


def races(runs: int) -> tuple[str, str]:
    """Two processes open one meeting, each changes the venue, and they save 0-60 ms apart
    (the window's way: ask if the file changed on disk, else save). Silent: both said saved and
    the first one's venue is gone."""
    outcomes: Counter[str] = Counter()
    silent = 0
    with _work("races") as root:
        for run in range(runs):
            gap = 0.060 * run / max(1, runs - 1)
            target = root / f"r{run}" / "m.minutes"
            target.parent.mkdir()
            shutil.copy(locations.sample_meeting(), target)
            children = [
                subprocess.Popen(
                    [sys.executable, str(CHILDREN), "racer", str(target), f"Venue {who}"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=_child_env(root / "data"),
                )
                for who in ("one", "two")
            ]
            for child in children:
                _wait_for(child, "READY")
            moment = time.time() + 0.3
            for child, offset in zip(children, (0.0, gap), strict=True):
                assert child.stdin is not None
                child.stdin.write(f"{moment + offset}\n")
                child.stdin.flush()
            said = []
            for child in children:
                out, _ = child.communicate(timeout=60)
                said.append((out.strip().splitlines() or ["NOTHING"])[-1].split(" ")[0])
            outcomes.update(said)
            venue = load_meeting(target).venue
            if said == ["SAVED", "SAVED"] and venue != "Venue one":
                silent += 1
    said_text = ", ".join(f"{k.lower()}: {v}" for k, v in sorted(outcomes.items()))
    return (
        f"two processes saving one meeting 0-60 ms apart: the second silently replaced the "
        f"first in {silent} of {runs} runs ({said_text})",
        _same_size_put_back(),
    )


def _same_size_put_back() -> str:
    """Someone else saves a change of the same size and puts the modification time back."""
    from clerk_app.services.document import MeetingDocument

    with _work("putback") as root:
        target = root / "m.minutes"
        meeting = load_meeting(locations.sample_meeting()).model_copy(update={"venue": "Room A"})
        save_meeting(meeting, target)
        document = MeetingDocument.open(target)
        before = target.stat()
        theirs = meeting.model_copy(update={"venue": "Room B"})  # the same size
        save_meeting(theirs, target)
        assert target.stat().st_size == before.st_size
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        noticed = document.changed_on_disk()
    return f"a same-size change with its modification time put back: noticed: {noticed}"


# --- 5. a time typed but not left, then a crash ----------------------------------------------


def typed_time(crashes: int) -> str:
    """The app types a start time and stays in the field; 2.9 s later it is killed; is the time
    in the recovery copy that the next start would offer?"""
    lost = 0
    typed = "18:47"
    with _work("typed") as root:
        for run in range(crashes):
            data = root / f"data{run}"
            target = root / f"m{run}.minutes"
            shutil.copy(locations.sample_meeting(), target)
            child = subprocess.Popen(
                [sys.executable, str(CHILDREN), "typer", str(target), typed],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_child_env(data),
            )
            try:
                _wait_for(child, "READY", timeout=120)
                time.sleep(2.9)
            finally:
                child.kill()
                child.communicate()
            kept = False
            for copy in (data / "recovery").glob("*.minutes"):
                with contextlib.suppress(Exception):
                    start = load_meeting(copy).start_time
                    kept = kept or start == dt.time(18, 47)
            lost += not kept
    return f"a time typed but not left, then a crash 2.9 s later: lost in {lost} of {crashes}"


# --- 6. hostile templates --------------------------------------------------------------------

HOSTILE = {
    "nested_range": "{% for a in range(100000) %}{% for b in range(100000) %}"
    "{% endfor %}{% endfor %}",
    "lipsum": "{{ lipsum(10**6) }}",
    "exponential_macro": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
    "{% endmacro %}{{ f(60) }}",
    "power": "{{ 7**123456789 }}",
}
MEMORY_CAP = 2 * 1024**3
"""No child of the audit may take more than this (the machine is shared)."""


def _limited(memory: int) -> Callable[[], None] | None:
    if os.name == "nt":  # no rlimits on Windows: these measurements are for Linux
        return None

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return limit


def _timed(args: list[str], env: dict[str, str], limit: float, memory: int) -> tuple[float, str]:
    """Seconds a `clerk-app` command took (limit + when it was stopped), and what it said."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "clerk_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_limited(memory),
    )
    try:
        _, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return time.perf_counter() - start, "stopped"
    said = err.decode("utf-8", "replace").strip().splitlines()
    return time.perf_counter() - start, f"exit {process.returncode}" + (
        f": {said[-1][:120]}" if said else ""
    )


def _user_style(data: Path, name: str, template: str) -> Path:
    folder = data / "styles" / name
    shutil.copytree(locations.templates_dir() / "parish", folder)
    (folder / "minutes.txt.j2").write_text(template, encoding="utf-8")
    return folder


def hostile(limit: float) -> str:
    """Each hostile text template as a user style: `export -o m.txt --style NAME` and
    `check-style FOLDER`, stopped at `limit` seconds (and 2 GB)."""
    past_export = past_check = 0
    details = []
    with _work("hostile") as root:
        data = root / "data"
        env = _child_env(data)
        meeting = root / "m.minutes"
        shutil.copy(locations.samples_dir() / "parish-2020-11-12.minutes", meeting)
        for name, template in HOSTILE.items():
            folder = _user_style(data, f"hostile-{name.replace('_', '-')}", template)
            out = root / f"{name}.txt"
            seconds, said = _timed(
                ["export", str(meeting), "-o", str(out), "--style", folder.name],
                env,
                limit,
                MEMORY_CAP,
            )
            past_export += seconds >= limit
            check_seconds, check_said = _timed(["check-style", str(folder)], env, limit, MEMORY_CAP)
            past_check += check_seconds >= limit
            details.append(
                f"{name}: export {seconds:.1f} s, {said.split(':')[0]}; check-style "
                f"{check_seconds:.1f} s, {check_said.split(':')[0]}"
            )
    return (
        f"hostile templates: {len(HOSTILE)}, exports running {limit:.0f} s or more: "
        f"{past_export}, check-style runs {limit:.0f} s or more: {past_check} "
        f"({'; '.join(details)})"
    )


# --- 7. a Word template holding a huge image -------------------------------------------------


def _bomb_template(source: Path, target: Path, image_mb: int) -> None:
    """`source` with a picture part of `image_mb` MB of zeros (which compress a thousandfold)."""
    rel = (
        '<Relationship Id="rIdAuditImage" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/image" Target="media/audit.png"/>'
    )
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if info.filename == "[Content_Types].xml" and b'Extension="png"' not in data:
                png = b'<Default Extension="png" ContentType="image/png"/>'
                data = data.replace(b"</Types>", png + b"</Types>")
            new.writestr(info, data)
        chunk = b"\0" * (1024 * 1024)
        image = zipfile.ZipInfo("word/media/audit.png")
        image.compress_type = zipfile.ZIP_DEFLATED
        with new.open(image, "w", force_zip64=True) as part:
            for _ in range(image_mb):
                part.write(chunk)


def big_image(image_mb: int) -> str:
    """One Word export in a style whose template holds an image of `image_mb` MB (the template
    itself about a thousandth of that): the export's time and peak memory (capped at 6 GB)."""
    with _work("image") as root:
        data = root / "data"
        folder = data / "styles" / "bigimage"
        shutil.copytree(locations.templates_dir() / "parish", folder)
        _bomb_template(
            locations.templates_dir() / "parish" / "minutes.docx", folder / "minutes.docx", image_mb
        )
        template_mb = (folder / "minutes.docx").stat().st_size / 1024**2
        meeting = root / "m.minutes"
        shutil.copy(locations.samples_dir() / "parish-2020-11-12.minutes", meeting)
        out = root / "out.docx"
        start = time.perf_counter()
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "clerk_app", "export", str(meeting)),
                *("-o", str(out), "--style", "bigimage"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=_child_env(data),
            preexec_fn=_limited(6 * 1024**3),
        )
        assert process.stderr is not None
        err = process.stderr.read().decode("utf-8", "replace").strip()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        peak_gb = usage.ru_maxrss * 1024 / 1024**3  # ru_maxrss is in KB on Linux
    said = f"exit {process.returncode}" + (f": {err.splitlines()[-1][:120]}" if err else "")
    return (
        f"a {template_mb:.1f} MB Word template holding a {image_mb / 1000:.2f} GB image: peak "
        f"memory {peak_gb:.2f} GB, {seconds:.1f} s per export ({said})"
    )


# --- the run ---------------------------------------------------------------------------------

MEASUREMENTS = ("fuzz", "kills", "leaks", "races", "typed", "hostile", "image")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small counts (a few minutes)")
    parser.add_argument("--only", help=f"comma-separated, of: {', '.join(MEASUREMENTS)}")
    parser.add_argument("--fuzz", type=int, help="fuzzed files (audit: 10000)")
    parser.add_argument("--kills", type=int, help="kills mid-save (audit: 200)")
    parser.add_argument("--leak-meetings", type=int, help="generated meetings (audit: 1000)")
    parser.add_argument("--races", type=int, help="racing pairs of saves (audit: 16)")
    parser.add_argument("--crashes", type=int, help="crashes after typing a time (audit: 6)")
    parser.add_argument("--hostile-limit", type=float, help="seconds (audit: 20)")
    parser.add_argument("--image-mb", type=int, help="the image in the template (audit: 1500)")
    args = parser.parse_args(argv)
    counts: dict[str, Any] = dict(QUICK if args.quick else AUDIT)
    for key in counts:
        if getattr(args, key) is not None:
            counts[key] = getattr(args, key)
    huge = HUGE_STRING["quick" if args.quick else "audit"]
    chosen = args.only.split(",") if args.only else list(MEASUREMENTS)
    unknown = set(chosen) - set(MEASUREMENTS)
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    os.environ[locations.DATA_DIR_VARIABLE] = tempfile.mkdtemp(prefix="clerk-audit-data-")
    runs: dict[str, Callable[[], str | tuple[str, ...]]] = {
        "fuzz": lambda: fuzz(counts["fuzz"], huge),
        "kills": lambda: kills(counts["kills"]),
        "leaks": lambda: leaks(counts["leak_meetings"]),
        "races": lambda: races(counts["races"]),
        "typed": lambda: typed_time(counts["crashes"]),
        "hostile": lambda: hostile(counts["hostile_limit"]),
        "image": lambda: big_image(counts["image_mb"]),
    }
    print(f"Clerk audit ({'quick' if args.quick else 'the audit’s counts'}), {dt.date.today()}")
    for name in chosen:
        start = time.perf_counter()
        try:
            result = runs[name]()
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result = (
                f"{name}: could not be measured: {type(exc).__name__}: {exc} "
                f"({Path(where.filename).name}:{where.lineno})"
            )
        for line in (result,) if isinstance(result, str) else result:
            print(line, flush=True)
        print(f"  ({name}: {time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    shutil.rmtree(os.environ[locations.DATA_DIR_VARIABLE], ignore_errors=True)
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        raise SystemExit(main())
