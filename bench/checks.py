"""How long the checks take as the meeting grows: `python -m bench.checks [--scale 1 20]`.

The findings panel runs every check once the typing pauses, on the GUI thread, so their cost per
pause is what a clerk feels on a long meeting. For each scale N the bundled sample's items are
repeated N times (15, 300 items); the Leicester style is used with every house-style rule and the
law checks turned on (the most work), and the committee's quorum set, so that every module has
work to do. Printed per module and in all: the median of `--repeat` runs in milliseconds, and the
ratio of the largest scale to the smallest, per item: a check whose cost grows faster than the
meeting shows a ratio above 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    from clerk_app.domain import crosschecks, law, style_rules
    from clerk_app.domain.committee import Committee
    from clerk_app.domain.findings import check_meeting, item_names
    from clerk_app.domain.house_rules import HouseRules, TitleCase
    from clerk_app.domain.law_settings import LawRules, Nation
    from clerk_app.domain.model import Meeting
    from clerk_app.render.styles import load_style_folder
    from clerk_app.storage import load_meeting
    from tests.factories import long_meeting

    parser = argparse.ArgumentParser(prog="python -m bench.checks")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)

    style = load_style_folder(REPO / "templates" / "leicester").style.model_copy(
        update={
            "law": LawRules(nation=Nation.ENGLAND),
            "house_rules": HouseRules(
                time="5.30pm",
                no_ordinals=True,
                member_title="Councillor",
                title_case=TitleCase.TITLE,
                capacity_dash=True,
                small_numbers_in_words=True,
                per_cent=True,
            ),
        }
    )
    committee = Committee(name="Bench", quorum=3)
    meetings: dict[int, Meeting] = {}
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scale:
            meetings[scale] = load_meeting(long_meeting(Path(folder), scale))

    def parts(meeting: Meeting) -> dict[str, Callable[[], object]]:
        names = item_names(meeting, style)
        return {
            "item names": lambda: item_names(meeting, style),
            "cross-checks": lambda: crosschecks.crosscheck_findings(meeting, style, names),
            "quorum": lambda: crosschecks.quorum_findings(meeting, committee, names),
            "law": lambda: law.law_findings(meeting, style, names, committee=committee),
            "house style": lambda: style_rules.style_rule_findings(meeting, style, names),
            "check_meeting (all)": lambda: check_meeting(meeting, style, committee=committee),
        }

    timings: dict[tuple[int, str], list[float]] = {}
    for _ in range(args.repeat):  # the scales take turns, so that the machine's noise is shared
        for scale, meeting in meetings.items():
            for name, run in parts(meeting).items():
                start = time.perf_counter()
                run()
                timings.setdefault((scale, name), []).append(time.perf_counter() - start)
    small, large = min(args.scale), max(args.scale)
    items = {scale: len(meeting.items) for scale, meeting in meetings.items()}
    print(f"{'check':<22}" + "".join(f"{f'{items[s]} items':>12}" for s in args.scale) + "  ratio")
    for name in parts(meetings[small]):
        medians = {s: statistics.median(timings[(s, name)]) * 1000 for s in args.scale}
        per_item = {s: medians[s] / items[s] for s in args.scale}
        ratio = per_item[large] / per_item[small] if per_item[small] else float("nan")
        row = "".join(f"{medians[s]:>9.2f} ms" for s in args.scale)
        print(f"{name:<22}{row}  {ratio:5.2f}")
    found = len(check_meeting(meetings[large], style, committee=committee))
    print(f"({found} findings at {items[large]} items; ratio: per-item cost, largest/smallest)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
