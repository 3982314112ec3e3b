"""Run Python code on a small or read-only disk of its own: a tmpfs in a private mount namespace.

    result = run_in_tmpfs(code, "600k")                     # a 600 KB disk, writable
    result = run_in_tmpfs(code, "1m", read_only=True, setup=prepare)

`code` runs in a fresh interpreter (the project's, from the repository root) with `MOUNT`, a
`pathlib.Path` to the tmpfs, already defined. `setup`, if given, runs the same way first, while
the tmpfs is still writable, so that a read-only disk can hold files. The mount lives in the
child's own namespace: it cannot fill the real disk and vanishes with the child, whatever the
test does. If the namespace or the mount cannot be made the test FAILS saying what is needed
(Linux, `unshare` from util-linux, and root or unprivileged user namespaces).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MOUNT_FAILED = 97
"""The exit status of the shell when the namespace came up but the mount did not."""

_PREAMBLE = "import pathlib as _p, sys as _s\nMOUNT = _p.Path(_s.argv[1])\ndel _p, _s\n"

_SCRIPT = r"""
set -u
mount -t tmpfs -o "size=$SIZE,mode=0777" clerk-test "$MOUNT" || exit 97
if [ -n "$SETUP" ]; then
    "$PYTHON" -c "$SETUP" "$MOUNT" || exit $?
fi
if [ "$READ_ONLY" = 1 ]; then
    mount -o remount,ro "$MOUNT" || exit 97
fi
exec "$PYTHON" -c "$CODE" "$MOUNT"
"""


def _namespace_command() -> list[str]:
    unshare = shutil.which("unshare")
    if sys.platform != "linux" or unshare is None:
        pytest.fail(
            "this test needs a private tmpfs: Linux with `unshare` (util-linux) installed",
            pytrace=False,
        )
    if os.geteuid() == 0:
        return [unshare, "--mount", "--propagation", "private"]
    return [unshare, "--user", "--map-root-user", "--mount", "--propagation", "private"]


def run_in_tmpfs(
    code: str,
    size: str,
    *,
    read_only: bool = False,
    setup: str = "",
    env: Mapping[str, str] | None = None,
    timeout: float = 120.0,
) -> subprocess.CompletedProcess[str]:
    """Run `code` with `MOUNT` on a tmpfs of `size` (as mount takes it: "600k", "2m"), read-only
    if asked (after `setup` ran on it). Returns the finished process (text output, not checked:
    the caller asserts on returncode, stdout and stderr)."""
    command = _namespace_command()
    child_env = dict(os.environ if env is None else env)
    child_env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *filter(None, [child_env.get("PYTHONPATH", "")])]
    )
    with tempfile.TemporaryDirectory(prefix="clerk-tmpfs-") as mount_point:
        child_env.update(
            SIZE=size,
            MOUNT=mount_point,
            READ_ONLY="1" if read_only else "0",
            SETUP=_PREAMBLE + setup if setup else "",
            CODE=_PREAMBLE + code,
            PYTHON=sys.executable,
        )
        try:
            result = subprocess.run(
                [*command, "sh", "-c", _SCRIPT],
                cwd=REPO,
                env=child_env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError as exc:
            pytest.fail(f"this test needs a private tmpfs, but {exc}", pytrace=False)
    if result.returncode == MOUNT_FAILED or "unshare:" in result.stderr[:200]:
        pytest.fail(
            "this test needs a private tmpfs mount and could not make one "
            "(it needs root, or unprivileged user namespaces: "
            "`unshare --user --map-root-user --mount` then `mount -t tmpfs`): "
            + result.stderr.strip()[:500],
            pytrace=False,
        )
    return result
