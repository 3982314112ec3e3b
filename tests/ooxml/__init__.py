"""Open XML SDK validation of the Word files the tests produce (see validate.mjs).

The validator is a Node.js package pinned by package-lock.json. When it is not installed yet, the
first test session that needs it installs it (`npm ci --prefix tests/ooxml`, see
`ensure_installed`), holding a lock so that sessions running at once install it only once. Without
Node.js 20 or npm the tests that need it fail, naming what to install, rather than skip.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "validate.mjs"
INSTALL = "npm ci --prefix tests/ooxml"
NPM_FLAGS = ("--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error")
"""The flags `.ci/run` uses too: no audit or funding requests, the cache first."""
NODE_MAJOR = 20
INSTALL_TIMEOUT = 600.0

NEED_NODE = (
    "The Open XML validator that checks the Word files needs Node.js {major} or newer with npm"
    "{found}. Install them (on Debian or Ubuntu: sudo apt-get install nodejs npm; where that "
    "gives an older Node.js, use the Node.js project's own packages), then run the tests again: "
    "they install the validator themselves ({install})."
)


class ValidatorMissingError(RuntimeError):
    pass


def installed(folder: Path = HERE) -> bool:
    """Whether `npm ci` finished in `folder`: npm writes node_modules/.package-lock.json last, so
    an interrupted install counts as not installed."""
    modules = folder / "node_modules"
    return (modules / "@ooxml-tools" / "validate" / "package.json").is_file() and (
        modules / ".package-lock.json"
    ).is_file()


def _need_node(found: str = "") -> ValidatorMissingError:
    return ValidatorMissingError(NEED_NODE.format(major=NODE_MAJOR, found=found, install=INSTALL))


def find_node() -> str:
    """The `node` program, 20 or newer; ValidatorMissingError naming what to install if not."""
    node = shutil.which("node")
    if node is None:
        raise _need_node(" (no `node` program was found)")
    version = subprocess.run(
        [node, "-p", "process.versions.node"], capture_output=True, text=True, timeout=60
    ).stdout.strip()
    major = version.split(".")[0]
    if not major.isdigit() or int(major) < NODE_MAJOR:
        raise _need_node(f" (found Node.js {version or 'of unknown version'} at {node})")
    return node


@contextmanager
def _install_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock, across processes, on installing into `folder`. The lock file lives in
    the temporary folder (one per validator folder), so the working tree stays clean."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"clerk-ooxml-install-{key}.lock"
    with path.open("a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after ten seconds; an install takes longer
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def ensure_installed(folder: Path = HERE) -> bool:
    """Install the validator into `folder` (package.json and package-lock.json) with `npm ci`
    unless it is there already; True if this call installed it. Raises ValidatorMissingError,
    naming what to install or what npm said, when it cannot be installed."""
    if installed(folder):
        return False
    find_node()
    npm = shutil.which("npm")
    if npm is None:
        raise _need_node(" (Node.js is there but no `npm` program was found)")
    with _install_lock(folder):
        if installed(folder):  # another session installed it while this one waited
            return False
        try:
            result = subprocess.run(
                [npm, "ci", "--prefix", str(folder), *NPM_FLAGS],
                capture_output=True,
                text=True,
                cwd=folder,
                timeout=INSTALL_TIMEOUT,
                env={**os.environ, "npm_config_update_notifier": "false"},
            )
        except subprocess.TimeoutExpired:
            raise ValidatorMissingError(
                f"installing the Open XML validator ({INSTALL}) took longer than "
                f"{INSTALL_TIMEOUT:.0f} s"
            ) from None
        if result.returncode != 0 or not installed(folder):
            said = (result.stderr.strip() or result.stdout.strip())[-2000:]
            raise ValidatorMissingError(
                f"installing the Open XML validator ({INSTALL}) failed "
                f"(exit {result.returncode}):\n{said}"
            )
    return True


class OoxmlValidator:
    """A running validator: `errors(path)` is the list of Open XML errors in that file.
    Installs the validator first when it is missing (see `ensure_installed`)."""

    def __init__(self, folder: Path = HERE) -> None:
        ensure_installed(folder)
        node = find_node()
        self.process = subprocess.Popen(
            [node, str(folder / SCRIPT.name)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=folder,
        )

    def errors(self, path: Path) -> list[dict[str, Any]]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the Open XML validator stopped")
        answer = json.loads(line)
        if "failure" in answer:
            raise RuntimeError(f"the Open XML validator failed on {path}: {answer['failure']}")
        errors: list[dict[str, Any]] = answer["errors"]
        return errors

    def close(self) -> None:
        self.process.communicate(timeout=30)  # closes stdin (the script then ends) and stdout


def describe(errors: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{e['path']['partUri']} {e['path']['xpath']}: {e['id']}: {e['description']}"
        for e in errors[:20]
    )
