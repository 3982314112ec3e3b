"""How closely the bundled sample, exported in the Leicester style, matches the published minutes.

    python bench/seed_similarity.py

Runs the real `clerk-app export` command on the sample and compares the text word by word
(line breaks and the PDF's page-break splits ignored) with the seed: the copy under
tests/golden/, or a path given as the first argument.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clerk_app import locations  # noqa: E402
from clerk_app.render.compare import first_difference, word_similarity  # noqa: E402

SEED = REPO / "tests" / "golden" / "seed-leicester-cype-2025-06-18.raw.txt"


def main() -> int:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "minutes.txt"
        command = [
            sys.executable,
            "-m",
            "clerk_app",
            "export",
            str(locations.sample_meeting()),
            "-o",
            str(out),
        ]
        subprocess.run(command, check=True)
        rendered = out.read_text(encoding="utf-8")
    published = seed.read_text(encoding="utf-8")
    similarity = word_similarity(published, rendered)
    print(f"seed: {seed}")
    print(f"words: published {len(published.split())}, exported {len(rendered.split())}")
    print(f"word similarity: {similarity:.4f}")
    if similarity < 1.0:
        print(f"first difference: {first_difference(published, rendered)}")
    return 0 if similarity >= 0.995 else 1


if __name__ == "__main__":
    raise SystemExit(main())
