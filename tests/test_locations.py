"""Templates and resources are found from a source tree, an installed wheel and a frozen build,
never from the working directory."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from clerk_app import locations

REPO = Path(__file__).resolve().parent.parent


def test_source_checkout() -> None:
    assert locations.data_root() == REPO
    assert locations.sample_meeting().is_file()
    assert (locations.templates_dir() / "leicester" / "style.toml").is_file()


def test_packaged_data_wins(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "clerk_app"
    for sub in ("templates", "resources"):
        (package / "_data" / sub).mkdir(parents=True)
    assert locations.data_root(package) == package / "_data"


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(locations.DataNotFoundError, match="templates and resources are missing"):
        locations.data_root(tmp_path / "clerk_app")


def test_wheel_carries_the_data_and_works_from_elsewhere(tmp_path: Path) -> None:
    """Build the wheel, unpack it as an installer would, and export from another folder."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("clerk_app-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "clerk_app/_data/templates/leicester/minutes.txt.j2" in names
    assert "clerk_app/_data/resources/samples/leicester-cype-2025-06-18.minutes" in names
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import clerk_app, clerk_app.locations as l, sys; print(clerk_app.__file__); print(l.data_root())"
    shown = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert shown.returncode == 0, shown.stderr
    module_file, root = shown.stdout.splitlines()
    assert module_file.startswith(str(site))
    assert root == str(site / "clerk_app" / "_data")
