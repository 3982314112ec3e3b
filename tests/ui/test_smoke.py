"""`clerk-app --smoke-test`, as packaging runs it on the frozen build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clerk_app import locations

REPO = Path(__file__).resolve().parent.parent.parent


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def test_smoke_test_passes_on_both_samples(tmp_path: Path) -> None:
    for sample in sorted(locations.samples_dir().glob("*.minutes")):
        result = run("--smoke-test", str(sample), data=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"smoke test passed: {sample.name}")
        assert result.stderr == ""


def test_smoke_test_fails_loudly(tmp_path: Path) -> None:
    result = run("--smoke-test", str(tmp_path / "missing.minutes"), data=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "missing.minutes: cannot be read: the file or its folder does not exist"
    )
