"""Damaged meeting files for the fuzz test (tests/test_fuzz_files.py) and the audit (audit.py).

A mutation starts from a real meeting file (the bundled samples, the tests' feature meeting) and
damages it as disks, sync clients, hand edits and hostile senders do: a value of another JSON
type, a huge string, control characters, deep nesting, a key dropped or given twice, a block of
another type, a time with an offset, a number for a date, bytes cut off or flipped.

Every random choice goes through a `Chooser`, so that the same mutations run from hypothesis
(which then shrinks a failure to a small case) and from a seeded `random.Random` (the audit's
10,000 files, the same on every run).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Chooser(Protocol):
    def integer(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        ...


class RandomChooser:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)


def pick(chooser: Chooser, options: Sequence[T]) -> T:
    return options[chooser.integer(0, len(options) - 1)]


# --- what a value may be replaced with --------------------------------------------------------

BLOCK_TYPES = (
    "paragraph",
    "lead_in",
    "bullets",
    "numbered",
    "lines",
    "attachment",
    "public_questions",
    "resolution",
)
TIME_KEYS = ("start_time", "close_time", "arrived_at", "left_at")
DATE_KEYS = ("date", "confirmed_on", "due")

CONTROL = (
    "\x1b[2J\x1b[H\x1b[31mred",  # clear the screen, move home, colour
    "\x00nul",
    "bell\x07\x08back",
    "\x0b\x0c\r\n\t",
    "\x7f\x85\u2028\u2029",
    "\ud800lone surrogate",
    "\udfff",
    "\ufeffbom\ufffe\uffff",
    "\u202eright-to-left override",
)
ODD_TIMES = (
    "20:20:00Z",
    "20:20:00+01:00",
    "20:20:00-05:30",
    "20:20Z",
    "20:20:00.123456",
    "24:00:00",
    "25:61",
    "T20:20",
    "8pm",
    "",
    72000,
    72000.5,
    -1,
    True,
    None,
    "2025-06-18T20:20:00Z",
)
ODD_DATES = (
    20250618,
    1750204800,
    1e10,
    -1,
    0,
    "2025-02-30",
    "2025-06-18T10:00:00Z",
    "2025-06-18T10:00:00+01:00",
    "18/06/2025",
    "0000-01-01",
    "9999-12-31",
    "+275760-09-13",
    "",
    True,
    None,
)
NUMBERS = (0, -1, 1, 2**31, 2**63, 10**30, -(10**30), 1.5, 1e308, -0.0)


PLAUSIBLE_TEXT = (
    "",
    "Councillor O'Brien-Smith & <Partners>",
    "é \U0001f600 \u00a0non-breaking \u200bzero-width",
    "{{ 7**7 }} {% for x in range(9) %}{{ x }}{% endfor %}",
    "<w:p><w:r><w:t>xml</w:t></w:r></w:p> &amp; ]]>",
    "AGREED: 1. That it be noted.",
    "- a bullet\n- another\n\t- nested\n1. numbered",
    "exempt_reason paragraph 3 of Schedule 12A",
    "right-to-left \u05e9\u05dc\u05d5\u05dd",
    "x" * 300,
    "word " * 20_000,
)


def _scalars(chooser: Chooser) -> object:
    options: tuple[Callable[[], object], ...] = (
        lambda: None,
        lambda: True,
        lambda: False,
        lambda: pick(chooser, NUMBERS),
        lambda: RAW_MARK + "1" + "0" * 5000 + RAW_MARK,  # more digits than Python reads
        lambda: RAW_MARK + "1e400" + RAW_MARK,  # infinity, written as a number
        lambda: "",
        lambda: "x",
        lambda: pick(chooser, CONTROL),
        list,
        dict,
        lambda: [1, "a", None],
        lambda: {"type": pick(chooser, BLOCK_TYPES)},
        lambda: pick(chooser, ODD_TIMES),
        lambda: pick(chooser, ODD_DATES),
        lambda: pick(chooser, BLOCK_TYPES),
    )
    return pick(chooser, options)()


def _huge_string(chooser: Chooser, limit: int) -> str:
    size = pick(chooser, (1_000, 10_000, 100_000, 1_000_000, 11_000_000))
    size = min(size, limit)
    unit = pick(chooser, ("a", "word ", "\x1b[2J", "é", "\U0001f600", "- bullet\n", "\n", "\x00"))
    return (unit * (size // len(unit) + 1))[:size]


RAW_MARK = "\u0000raw\u0000"
"""JSON text spliced in after dumping: deep nesting (json.dumps itself would recurse), numbers
longer than Python converts."""


def _deep(chooser: Chooser, depth_limit: int) -> str:
    """A placeholder for deeply nested JSON (see RAW_MARK)."""
    depth = pick(chooser, (12, 100, 1_000, 10_000, 100_000))
    depth = max(1, min(depth, depth_limit))
    shape = chooser.integer(0, 2)
    if shape == 0:
        text = "[" * depth + "]" * depth
    elif shape == 1:
        opening = '{"type": "bullets", "entries": [{"text": "x", "blocks": ['
        text = opening * depth + '{"type": "paragraph", "text": "deep"}' + "]}]}" * depth
    else:
        text = '{"a": ' * depth + '"leaf"' + "}" * depth
    return RAW_MARK + text + RAW_MARK


# --- walking the JSON tree -------------------------------------------------------------------

Location = tuple[int | str, ...]


def _locations(data: object) -> list[Location]:
    """Every place in the tree, the root first, parents before children (no recursion)."""
    found: list[Location] = []
    stack: list[tuple[Location, object]] = [((), data)]
    while stack:
        where, node = stack.pop()
        found.append(where)
        if isinstance(node, dict):
            stack.extend(((*where, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*where, n), value) for n, value in reversed(list(enumerate(node))))
    found.sort(key=len)
    return found


def _get(data: object, where: Location) -> object:
    for part in where:
        data = data[part]  # type: ignore[index]
    return data


class Mutated:
    """A damaged file: its bytes and, for a failure message, what was done to it. (Not a
    dataclass: hypothesis would print a failing example's bytes in full.)"""

    def __init__(self, data: bytes, steps: list[str]) -> None:
        self.data = data
        self.steps = steps

    def describe(self, limit: int = 600) -> str:
        text = "; ".join(self.steps) or "unchanged"
        return text if len(text) <= limit else text[: limit - 40] + " ... " + text[-35:]

    def __repr__(self) -> str:  # what hypothesis prints for a failing example
        return f"<{len(self.data):,} bytes: {self.describe()}>"


DUPLICATE_MARK = "\u0000duplicate\u0000"


def _structural(chooser: Chooser, data: Any, steps: list[str], *, huge_limit: int) -> Any:
    """One change to the tree (in place where possible); returns the new root."""
    places = _locations(data)
    # half the time aim at a field with a special meaning: a time, a date, a block's type, an id
    special = [
        w
        for w in places
        if w
        and isinstance(w[-1], str)
        and (
            w[-1] in (*TIME_KEYS, *DATE_KEYS, "type", "id", "exempt")
            or w[-1].endswith(("_id", "_item"))
        )
    ]
    plausible = chooser.integer(0, 1) == 0
    if plausible:  # a change the file could survive: aim at text, a flag, a reference, a list
        places = [
            w
            for w in places
            if w
            and (
                isinstance(w[-1], int)
                or isinstance(_get(data, w), bool)
                or (
                    isinstance(_get(data, w), str)
                    and w[-1] not in (*TIME_KEYS, *DATE_KEYS, "type", "id", "house_style")
                )
                or (isinstance(w[-1], str) and w[-1].endswith(("_id", "_item")))
            )
        ] or places
        special = []
    where = pick(chooser, special) if special and chooser.integer(0, 1) else pick(chooser, places)
    shown = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where)
    parent = _get(data, where[:-1]) if where else None
    key = where[-1] if where else None
    old = _get(data, where)

    def put(value: object, what: str) -> Any:
        steps.append(f"{shown} = {what}")
        if parent is None:
            return value
        parent[key] = value  # type: ignore[index]
        return data

    operation = chooser.integer(10, 12) if plausible else chooser.integer(0, 12)
    if operation == 0:
        value = _scalars(chooser)
        shown_value = repr(value)
        return put(value, shown_value if len(shown_value) < 60 else shown_value[:57] + "...")
    if operation == 1:
        value = _huge_string(chooser, huge_limit)
        return put(value, f"a string of {len(value):,} characters ({value[:12]!r}...)")
    if operation == 2:
        return put(pick(chooser, CONTROL), "control characters")
    if operation == 3:
        return put(_deep(chooser, huge_limit // 100), "deeply nested")
    if operation == 4 and isinstance(parent, dict):
        del parent[key]
        steps.append(f"{shown} dropped")
        return data
    if operation == 5 and isinstance(parent, dict) and isinstance(key, str):
        # a second copy of the key; the first keeps its value (marked, put back after dumping)
        parent[DUPLICATE_MARK + key] = _scalars(chooser) if chooser.integer(0, 1) else old
        steps.append(f"{shown} given twice")
        return data
    if operation == 6 and isinstance(parent, list):
        copies = pick(chooser, (1, 2, 50, 1000))
        for _ in range(copies):
            parent.insert(int(key), json.loads(json.dumps(old)))  # type: ignore[arg-type]
        steps.append(f"{shown} repeated {copies} more time(s)")
        return data
    if operation == 7 and isinstance(old, dict):
        new_type = pick(chooser, (*BLOCK_TYPES, "heading", "", "PARAGRAPH", "\x1b[2Jx"))
        old["type"] = new_type
        steps.append(f"{shown}.type = {new_type!r}")
        return data
    if operation in (8, 9):  # a time or a date of another form, where a time or date goes
        keys, values = (TIME_KEYS, ODD_TIMES) if operation == 8 else (DATE_KEYS, ODD_DATES)
        targets = [w for w in places if w and w[-1] in keys]
        if targets:
            where = pick(chooser, targets)
            target: Any = _get(data, where[:-1])
            value = pick(chooser, values)
            target[where[-1]] = value
            shown = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where)
            steps.append(f"{shown} = {value!r}")
            return data
        return put(pick(chooser, values), "an odd time" if operation == 8 else "an odd date")
    # changes a clerk's own file could hold, so that the file still loads and gets exported
    if operation >= 10:
        if isinstance(key, str) and key.endswith(("_id", "_item")):
            ids = [str(_get(data, w)) for w in _locations(data) if w and w[-1] == "id"]
            return put(pick(chooser, [*ids, "missing", None]), "another reference")
        if isinstance(old, bool):
            return put(not old, f"{not old}")
        if isinstance(parent, list) and isinstance(key, int) and not chooser.integer(0, 2):
            del parent[key]
            if chooser.integer(0, 1):
                parent.insert(chooser.integer(0, len(parent)), old)
                steps.append(f"{shown} moved")
            else:
                steps.append(f"{shown} removed")
            return data
        if isinstance(old, str):
            return put(pick(chooser, PLAUSIBLE_TEXT), "other text")
    return put(_scalars(chooser), "another value")


def _dumps(data: object, chooser: Chooser) -> str:
    indent = pick(chooser, (None, 1))
    text = json.dumps(data, ensure_ascii=bool(chooser.integer(0, 1)), indent=indent)
    marker = json.dumps(DUPLICATE_MARK)[1:-1]
    text = text.replace(marker, "")
    deep = json.dumps(RAW_MARK)[1:-1]
    while '"' + deep in text:  # '"<mark>[[...]]<mark>"' becomes '[[...]]'
        start = text.index('"' + deep)
        end = text.index(deep + '"', start + 1)
        fragment = text[start + 1 + len(deep) : end]
        text = text[:start] + json.loads('"' + fragment + '"') + text[end + len(deep) + 1 :]
    return text


def _bytes(chooser: Chooser, raw: bytes, steps: list[str]) -> bytes:
    operation = chooser.integer(0, 6)
    if not raw:
        return raw
    at = chooser.integer(0, len(raw) - 1)
    if operation == 0:
        steps.append(f"truncated to {at} bytes")
        return raw[:at]
    if operation == 1:
        bit = 1 << chooser.integer(0, 7)
        steps.append(f"byte {at} flipped (xor {bit})")
        return raw[:at] + bytes([raw[at] ^ bit]) + raw[at + 1 :]
    if operation == 2:
        junk = pick(chooser, (b"\xff\xfe", b"\x00" * 8, b"\xc3(", b"\xed\xa0\x80", b"}", b'"'))
        steps.append(f"{junk!r} inserted at byte {at}")
        return raw[:at] + junk + raw[at:]
    if operation == 3:
        steps.append("a UTF-8 byte-order mark in front")
        return b"\xef\xbb\xbf" + raw
    if operation == 4:
        steps.append("saved as UTF-16")
        return raw.decode("utf-8", "replace").encode("utf-16")
    if operation == 5:
        length = chooser.integer(1, 64)
        steps.append(f"{length} bytes from {at} zeroed (a torn write)")
        return raw[:at] + b"\x00" * length + raw[at + length :]
    steps.append(f"{len(raw) - at} bytes from {at} dropped and the rest doubled")
    return raw[:at] + raw


def mutate(chooser: Chooser, seeds: Sequence[bytes], *, huge_limit: int = 11_000_000) -> Mutated:
    """A damaged copy of one of `seeds` (meeting files as bytes): one to three changes to its
    JSON, and sometimes a change to its bytes after that. `huge_limit` bounds the size of a huge
    string (and, divided by 100, the depth of nesting)."""
    seed_number = chooser.integer(0, len(seeds) - 1)
    steps = [f"seed {seed_number}"]
    data: Any = json.loads(seeds[seed_number])
    changes = chooser.integer(0, 3)
    for _ in range(changes):
        data = _structural(chooser, data, steps, huge_limit=huge_limit)
    try:
        raw = _dumps(data, chooser).encode("utf-8", "surrogatepass")
    except RecursionError:  # nesting deeper than json.dumps goes: say so and keep the seed
        steps.append("(too deep to write: seed kept)")
        raw = seeds[seed_number]
    if changes == 0 or chooser.integer(0, 3) == 0:
        raw = _bytes(chooser, raw, steps)
    return Mutated(raw, steps)


def seed_files() -> list[bytes]:
    """The bundled samples and the tests' feature meeting, as meeting files."""
    from clerk_app import locations
    from clerk_app.storage import meeting_to_json

    seeds = [path.read_bytes() for path in sorted(locations.samples_dir().glob("*.minutes"))]
    try:
        from tests.factories import feature_meeting
    except ImportError:  # an installed Clerk without its tests: the samples alone
        return seeds
    return [*seeds, meeting_to_json(feature_meeting()).encode("utf-8")]


def write_case(folder: Path, mutated: Mutated, name: str = "m.minutes") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(mutated.data)
    return path
