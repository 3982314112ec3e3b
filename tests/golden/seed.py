"""The seed minutes as the published PDF's text, and the golden text export of the sample.

`seed-leicester-cype-2025-06-18.raw.txt` is the text extracted from Leicester City Council's
published PDF, byte for byte. `leicester-cype-2025-06-18.txt` is the golden: the sample's whole
text export, which is the published minutes with the PDF's artefacts removed (its minutes
proper, everything before the actions annex: `clerk_app.render.compare.minutes_proper`),
followed by the annex of follow-up actions the Leicester style prints after the close (the
published minutes have no list of actions). `clean_seed` removes what the extraction added and
nothing else:

1. the blank lines before the first line, and the logo's line break ("Leicester / City Council");
2. page breaks inside a sentence: a blank line between a line that does not end a sentence and a
   line that starts in lower case is joined with a space;
3. blank lines between two entries of the same list (the extraction leaves one after a page
   break);
4. the embedded attachment's label, which the PDF draws on two lines after three blank ones;
5. trailing spaces; the file ends with one newline.

The words are untouched: word-by-word, the cleaned text is identical to the raw one.
"""

from __future__ import annotations

import re
from pathlib import Path

GOLDEN = Path(__file__).parent
RAW_SEED = GOLDEN / "seed-leicester-cype-2025-06-18.raw.txt"
GOLDEN_TEXT = GOLDEN / "leicester-cype-2025-06-18.txt"
"""The sample's text export: `clean_seed` of the seed, then the actions annex."""
CLEAN_SEED = GOLDEN_TEXT
"""The same file, by its earlier name (the command-line tests compare an export with it)."""

_ENTRY = re.compile(r"^(- |\d+\. )")
_HEADING = re.compile(r"^\d+\. [^a-z]+$")  # "152. MEMBERSHIP OF THE COMMISSION 2025/26"


def clean_seed(raw: str) -> str:
    text = raw.replace("\r\n", "\n").lstrip("\n")
    text = text.replace("Leicester\nCity Council\n", "Leicester City Council\n", 1)
    text = re.sub(r"\n{2,}(LCC - Benefits)\n(Booklet)", r"\n\n\1 \2", text)
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if line == "" and out and n + 1 < len(lines):
            before, after = out[-1], lines[n + 1]
            if before and after[:1].islower() and not before.endswith((".", "?", "!", ":")):
                out[-1] = f"{before} {after}"  # a page break inside a sentence
                n += 2
                continue
            marker_before = _ENTRY.match(before)
            marker_after = None if _HEADING.match(after) else _ENTRY.match(after)
            if (
                marker_before
                and marker_after
                and (marker_before[1] == "- ") == (marker_after[1] == "- ")
            ):
                n += 1  # a page break between two entries of one list
                continue
        out.append(line)
        n += 1
    return "\n".join(out).strip("\n") + "\n"
