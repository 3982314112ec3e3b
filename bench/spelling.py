"""How long the speller takes to check a minute.

    python -m bench.spelling [--words 1000] [--repeat 7]

A minute of N words is made from the bundled sample's prose (its words in order, repeated), and
a second of N words no earlier run has seen (the dictionary's own words, each once). For each:
"cold" is the first check by a fresh speller (every word asked of the dictionary), "warm" the
same text checked again (every answer kept). Also: opening the speller (loading the British
English dictionary), finding the words alone, and one `known` of a word asked before. Best of
`--repeat` runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from clerk_app import locations
from clerk_app.domain.fields import text_fields
from clerk_app.domain.spelling import words
from clerk_app.services.spelling import Speller, open_speller
from clerk_app.storage import load_meeting

HUNSPELL = Path("/usr/share/hunspell/en_GB.dic")


def _sample_minute(count: int) -> str:
    meeting = load_meeting(locations.sample_meeting())
    found = " ".join(f.text for f in text_fields(meeting) if f.kind == "prose").split()
    return " ".join((found * (count // len(found) + 1))[:count])


def _distinct_minute(count: int, seed: int) -> str:
    if HUNSPELL.is_file():
        entries = HUNSPELL.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
        pool = sorted({e.split("/")[0] for e in entries if e and e[0].islower()})
    else:  # the sample's words, made distinct
        pool = sorted({w.text.lower() for w in words(_sample_minute(5000))})
    chosen = random.Random(seed).sample(pool, min(count, len(pool)))
    return " ".join(chosen)


def _speller() -> Speller:
    speller = open_speller(personal=None, folder=None)
    if not speller.available:
        sys.exit(f"bench.spelling: {speller.problem}")
    return speller


def _ms(run: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    run(text)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    opened: list[float] = []
    results: dict[str, list[float]] = {}
    minutes = {"sample": _sample_minute(args.words)}
    for run in range(args.repeat):
        minutes["distinct"] = _distinct_minute(args.words, run)
        for name, text in minutes.items():
            started = time.perf_counter()
            speller = _speller()
            opened.append((time.perf_counter() - started) * 1000)
            results.setdefault(f"{name} cold", []).append(_ms(speller.misspelt, text))
            results.setdefault(f"{name} warm", []).append(_ms(speller.misspelt, text))
        results.setdefault("finding the words", []).append(_ms(words, minutes["sample"]))
    speller = _speller()
    speller.known("colour")
    lookups = 100_000
    started = time.perf_counter()
    for _ in range(lookups):
        speller.known("colour")
    known_ns = (time.perf_counter() - started) / lookups * 1e9
    print(f"{args.words} words, best of {args.repeat} (median in brackets), ms")
    print(f"  opening the speller   {min(opened):7.2f} ({statistics.median(opened):.2f})")
    for name, times in results.items():
        print(f"  {name:<21} {min(times):7.2f} ({statistics.median(times):.2f})")
    print(f"  known(word asked before): {known_ns:.0f} ns")


if __name__ == "__main__":
    main()
