"""Open XML SDK validation of the Word files the tests produce (see validate.mjs).

`.ci/run` installs the validator (`npm ci --prefix tests/ooxml`); without it the tests that need
it fail with the command to run, rather than skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "validate.mjs"
INSTALL = "npm ci --prefix tests/ooxml"


class ValidatorMissingError(RuntimeError):
    pass


class OoxmlValidator:
    """A running validator: `errors(path)` is the list of Open XML errors in that file."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise ValidatorMissingError("Node.js (20 or newer) is needed to validate Word files")
        if not (HERE / "node_modules" / "@ooxml-tools" / "validate").is_dir():
            raise ValidatorMissingError(f"the Open XML validator is not installed: run {INSTALL}")
        self.process = subprocess.Popen(
            [node, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=HERE,
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
