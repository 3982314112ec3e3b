"""Pictures for the README and the user guide, made from the real program (run by hand).

    python docs/make_images.py            # everything
    python docs/make_images.py minutes    # pages of the sample minutes as Word renders them

Minutes pages: each bundled sample is exported to Word with `clerk-app export`, converted to PDF
by LibreOffice and to PNG by pdftoppm (poppler-utils), as a clerk would see it printed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
IMAGES = DOCS / "images"
REPO = DOCS.parent
SAMPLES = REPO / "resources" / "samples"
PAGES = {"leicester-cype-2025-06-18": 3, "parish-2020-11-12": 2}


def minutes_pages() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for stem, pages in PAGES.items():
            sample = SAMPLES / f"{stem}.minutes"
            if not sample.is_file():
                print(f"skipping {stem}: no sample", file=sys.stderr)
                continue
            pdf = work / f"{stem}.pdf"
            subprocess.run(
                [sys.executable, "-m", "clerk_app", "export", str(sample), "-o", str(pdf)],
                check=True,
            )
            for old in IMAGES.glob(f"minutes-{stem}-*.png"):
                old.unlink()
            prefix = IMAGES / f"minutes-{stem}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-l", str(pages), str(pdf), str(prefix)],
                check=True,
            )
            print("\n".join(str(p) for p in sorted(IMAGES.glob(f"minutes-{stem}-*.png"))))


def main(what: list[str]) -> int:
    jobs = {"minutes": minutes_pages}
    for name in what or list(jobs):
        jobs[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
