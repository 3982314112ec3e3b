"""How closely the bundled sample, exported in the Leicester style, matches the published minutes.

    python bench/seed_similarity.py [SEED]

Runs the real `clerk-app export` command on the sample, to text and to Word, and compares each
word by word (line breaks and the PDF's page-break splits ignored) with the seed: the copy under
tests/golden/, or the path given. What is compared is the minutes proper: the published minutes
have no list of actions, so the annex of follow-up actions the Leicester style prints after the
close is cut off first (its words are counted apart). For the Word file it measures three
readings: the text a reader sees (list marks included), python-docx's paragraph text (header
and body, no list marks) and, when LibreOffice and pdftotext are installed, the text of the PDF
LibreOffice makes of it.

Exits 0 when the text export reaches 0.995 and every Word reading 0.99, 1 otherwise.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# Not this script's folder: bench/typing.py (the typing benchmark) would stand in for the
# standard library's typing module.
sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() != BENCH]

import docx  # noqa: E402

from clerk_app import locations  # noqa: E402
from clerk_app.render.compare import (  # noqa: E402
    annex,
    first_difference,
    minutes_proper,
    word_similarity,
)
from clerk_app.render.docx import visible_text  # noqa: E402
from clerk_app.render.pdf import docx_to_pdf, find_soffice  # noqa: E402

SEED = REPO / "tests" / "golden" / "seed-leicester-cype-2025-06-18.raw.txt"
TEXT_TARGET, WORD_TARGET = 0.995, 0.99


def export(out: Path) -> None:
    """The real command, as a clerk would run it."""
    command = [sys.executable, "-m", "clerk_app", "export", str(locations.sample_meeting())]
    subprocess.run([*command, "-o", str(out)], check=True)


def paragraph_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].first_page_header
    texts = [p.text for t in header.tables for c in t._cells for p in c.paragraphs]
    texts += [p.text for p in document.paragraphs]
    return "\n".join(texts)


def pdf_text(data: bytes, folder: Path) -> str | None:
    """The PDF's text through LibreOffice and pdftotext, or None when either is missing."""
    if find_soffice() is None or shutil.which("pdftotext") is None:
        return None
    pdf = folder / "minutes.pdf"
    pdf.write_bytes(docx_to_pdf(data))
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("seed", nargs="?", type=Path, default=SEED, help="the published text")
    seed: Path = parser.parse_args(argv).seed
    try:
        published = seed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        parser.error(f"cannot read the seed {seed}: {exc}")

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        export(folder / "minutes.txt")
        export(folder / "minutes.docx")
        rendered = (folder / "minutes.txt").read_text(encoding="utf-8")
        data = (folder / "minutes.docx").read_bytes()
        readings: list[tuple[str, str | None, float]] = [
            ("text export", rendered, TEXT_TARGET),
            ("Word: what a reader sees", visible_text(data), WORD_TARGET),
            ("Word: python-docx paragraphs", paragraph_text(data), WORD_TARGET),
            ("Word: LibreOffice PDF text", pdf_text(data, folder), WORD_TARGET),
        ]

    print(f"seed: {seed} ({len(published.split())} words)")
    ok = True
    for label, text, target in readings:
        if text is None:
            print(f"{label:<30} not measured: LibreOffice (soffice) or pdftotext is not installed")
            continue
        proper = minutes_proper(text)
        similarity = word_similarity(published, proper)
        ok = ok and similarity >= target
        verdict = "ok" if similarity >= target else "BELOW TARGET"
        print(
            f"{label:<30} {len(proper.split()):>5} words   similarity {similarity:.4f}   "
            f">= {target} {verdict}   (+ annex of actions: {len(annex(text).split())} words)"
        )
        if label == "text export" and similarity < 1.0:
            print(f"  first difference: {first_difference(published, proper)}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
