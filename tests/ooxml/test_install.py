"""The test session installs the Open XML validator itself when a fresh clone lacks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ooxml import HERE, ValidatorMissingError, ensure_installed, find_node, installed

REPO = HERE.parent.parent
FILES = ("package.json", "package-lock.json", ".npmrc", "validate.mjs")


def fresh_copy(tmp_path: Path) -> Path:
    """tests/ooxml as a fresh clone has it: no node_modules."""
    folder = tmp_path / "ooxml"
    folder.mkdir()
    for name in FILES:
        shutil.copy2(HERE / name, folder / name)
    return folder


def test_a_missing_validator_is_installed_and_runs(tmp_path: Path) -> None:
    folder = fresh_copy(tmp_path)
    assert not installed(folder)

    assert ensure_installed(folder) is True
    assert installed(folder)
    assert ensure_installed(folder) is False  # the second time there is nothing to do

    # validate.mjs finds the package from its folder (starting the SDK itself takes seconds and
    # the Word export tests do that).
    resolved = subprocess.run(
        [
            find_node(),
            "--input-type=module",
            "-e",
            "console.log(import.meta.resolve('@ooxml-tools/validate'))",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert resolved.startswith((folder / "node_modules").as_uri()), resolved


def test_an_interrupted_install_counts_as_missing(tmp_path: Path) -> None:
    folder = fresh_copy(tmp_path)
    package = folder / "node_modules" / "@ooxml-tools" / "validate"
    package.mkdir(parents=True)
    (package / "package.json").write_text("{}", encoding="utf-8")
    assert not installed(folder)  # npm writes node_modules/.package-lock.json last


INSTALL_ONE = """
import sys
from pathlib import Path
from tests.ooxml import ensure_installed
print(ensure_installed(Path(sys.argv[1])))
"""


def test_sessions_running_at_once_install_it_once(tmp_path: Path) -> None:
    folder = fresh_copy(tmp_path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", INSTALL_ONE, str(folder)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    answers = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in answers]
    assert sorted(out.strip() for out, _ in answers) == ["False", "False", "True"]
    assert installed(folder)


def path_with(tmp_path: Path, *programs: str) -> str:
    """A PATH holding only the named programs (found on the real PATH)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in programs:
        real = shutil.which(name)
        assert real is not None, f"{name} is needed for this test"
        (folder / name).symlink_to(real)
    return str(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links to programs on POSIX")
def test_without_node_the_message_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fresh_copy(tmp_path)
    monkeypatch.setenv("PATH", path_with(tmp_path))

    with pytest.raises(ValidatorMissingError) as raised:
        ensure_installed(folder)

    message = str(raised.value)
    assert "Node.js 20 or newer with npm (no `node` program was found)" in message
    assert "sudo apt-get install nodejs npm" in message
    assert "npm ci --prefix tests/ooxml" in message
    assert not (folder / "node_modules").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links to programs on POSIX")
def test_without_npm_the_message_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fresh_copy(tmp_path)
    monkeypatch.setenv("PATH", path_with(tmp_path, "node"))

    with pytest.raises(ValidatorMissingError) as raised:
        ensure_installed(folder)

    assert "no `npm` program was found" in str(raised.value)
    assert "sudo apt-get install nodejs npm" in str(raised.value)


def test_a_failed_install_says_what_npm_said(tmp_path: Path) -> None:
    folder = fresh_copy(tmp_path)
    (folder / "package-lock.json").write_text("not a lock file", encoding="utf-8")

    with pytest.raises(ValidatorMissingError) as raised:
        ensure_installed(folder)

    assert "installing the Open XML validator (npm ci --prefix tests/ooxml) failed" in str(
        raised.value
    )
