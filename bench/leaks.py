# ruff: noqa: E402 - the path is put right before anything is imported (see below)
"""How many public copies name someone who was present only for exempt items.

    python bench/leaks.py [--exports 2000]

Export N is of the generated meeting with seed N (`tests/render/test_exempt_people.py`: private
business, people at the whole meeting, people present only for runs of exempt items and named in
those items' votes, questions, actions and declarations, people present for both), in turn under
each exempt policy (notice, number_only, omit), each bundled style and as text or Word (what a
reader sees and every XML part). An export counts when it holds the name of anyone present only
for exempt items. The confidential copies are counted too: they must name them. Then how many
public copies give anyone's part attendance as from or to a withheld item's minute.
"""

from __future__ import annotations

# This folder holds typing.py (the typing benchmark), named like the standard library's `typing`:
# a script run from here has this folder first on the path, which would shadow it.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))  # noqa: PTH100, PTH120
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]  # noqa: PTH100
sys.path.insert(0, os.path.dirname(_HERE))  # noqa: PTH120 - the project, for tests' generator

import argparse
import time
from collections import Counter

from clerk_app.domain.exempt import present_only_for_exempt
from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import Meeting
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from tests.render.test_exempt_people import generated_meeting, named_in, styled, word_text


def _ties_to_withheld(meeting: Meeting, style: StyleFolder) -> bool:
    context = build_context(meeting, style.style)
    numbers = build_context(meeting, style.style, public=False).items
    withheld = {item.number for item in numbers if item.exempt}
    return any(
        person.from_minute in withheld or person.to_minute in withheld
        for person in context.attendance.everyone
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exports", type=int, default=2000)
    args = parser.parse_args()
    policies = list(ExemptPolicy)
    styles = {(name, p): styled(name, p) for name in ("leicester", "parish") for p in policies}
    leaked: Counter[str] = Counter()
    exports: Counter[str] = Counter()
    confidential_named = 0
    tied = 0
    started = time.perf_counter()
    for n in range(args.exports):
        meeting = generated_meeting(n)
        hidden = present_only_for_exempt(meeting)
        policy = policies[n % 3]
        name = ("leicester", "parish")[(n // 3) % 2]
        style = styles[name, policy]
        if (n // 6) % 2:
            output = word_text(render_docx(meeting, style))
        else:
            output = render_text(meeting, style)
        exports[policy.value] += 1
        if named_in(output, hidden):
            leaked[policy.value] += 1
        tied += _ties_to_withheld(meeting, style)
        confidential_named += bool(named_in(render_text(meeting, style, public=False), hidden))
    total = sum(leaked.values())
    print(
        f"{total} of {args.exports} public exports named someone present only for exempt items "
        f"({time.perf_counter() - started:.0f} s)"
    )
    for policy in policies:
        print(f"  {policy.value}: {leaked[policy.value]} of {exports[policy.value]}")
    print(f"  the confidential copy named them in {confidential_named} of {args.exports}")
    print(
        f"{tied} of {args.exports} public copies gave someone's part attendance from or to a "
        "withheld item"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
