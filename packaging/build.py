"""Build Clerk with PyInstaller into dist/Clerk/, then prove the frozen program works.

    python packaging/build.py [--no-validate]

After building it runs, from the frozen program itself and with a display-less Qt:
1. `Clerk --smoke-test <the bundled sample>`: the GUI starts, opens the sample, draws the
   preview, exports Word and text and checks them;
2. `clerk-cli export <the bundled sample> -o minutes.docx` (the console twin of the windowed
   program), and validates that Word file against
   Microsoft's Open XML rules (tests/ooxml, needs Node.js; `--no-validate` skips it on a
   machine without Node, and says so).
Any failure exits non-zero with the reason: a data file missing from the build never reaches a
clerk. It prints the build time and the size of dist/Clerk/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP = DIST / "Clerk"
SPEC = ROOT / "packaging" / "clerk.spec"
EXECUTABLE = APP / ("Clerk.exe" if sys.platform == "win32" else "Clerk")
CONSOLE = APP / ("clerk-cli.exe" if sys.platform == "win32" else "clerk-cli")


class BuildError(Exception):
    pass


def folder_size(folder: Path) -> int:
    """Bytes on disk: links to libraries count once, as an installer copies them."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> float:
    started = time.perf_counter()
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    for program in (EXECUTABLE, CONSOLE):
        if not program.is_file():
            raise BuildError(f"PyInstaller finished but {program} is missing")
    return time.perf_counter() - started


def bundled_sample() -> Path:
    """The sample inside the build: proves the data files were collected."""
    found = sorted(APP.rglob("leicester-cype-2025-06-18.minutes"))
    if not found:
        raise BuildError("the bundled sample meeting is missing from dist/Clerk")
    return found[0]


def run_frozen(
    *args: str, data: Path, program: Path = EXECUTABLE
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(data)}
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def smoke_test(work: Path) -> str:
    result = run_frozen("--smoke-test", str(bundled_sample()), data=work / "data")
    said = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise BuildError(f"the frozen smoke test failed (exit {result.returncode}): {said}")
    return said


def frozen_docx(work: Path) -> Path:
    out = work / "frozen-minutes.docx"
    result = run_frozen(
        "export", str(bundled_sample()), "-o", str(out), data=work / "data", program=CONSOLE
    )
    if result.returncode != 0 or not out.is_file():
        raise BuildError(
            f"the frozen export failed (exit {result.returncode}): {result.stderr.strip()}"
        )
    return out


def validate(path: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.ooxml import OoxmlValidator, ValidatorMissingError, describe

    try:
        validator = OoxmlValidator()
    except ValidatorMissingError as exc:
        raise BuildError(f"{exc} (or pass --no-validate)") from None
    try:
        errors = validator.errors(path)
    finally:
        validator.close()
    if errors:
        raise BuildError(
            f"the frozen build's Word file has {len(errors)} Open XML errors:\n{describe(errors)}"
        )
    return len(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description="Build and smoke-test the frozen Clerk.")
    parser.add_argument("--no-validate", action="store_true", help="skip the Open XML validation")
    args = parser.parse_args()
    try:
        seconds = build()
        print(f"built {APP} in {seconds:.0f} s; {folder_size(APP) / 1_048_576:.0f} MB")
        with tempfile.TemporaryDirectory(prefix="clerk-build-") as folder:
            work = Path(folder)
            print(smoke_test(work))
            docx = frozen_docx(work)
            if args.no_validate:
                print(
                    f"frozen export wrote {docx.name}; Open XML validation SKIPPED (--no-validate)"
                )
            else:
                print(f"frozen export wrote {docx.name}: {validate(docx)} Open XML errors")
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
