"""The layers stay apart: the core never imports Qt, lower layers never import higher ones."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


BLOCK_QT = """
import sys, importlib.abc
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked here: ' + name)
sys.meta_path.insert(0, NoQt())
import clerk_app.domain.model, clerk_app.domain.findings, clerk_app.domain.bodytext
import clerk_app.storage, clerk_app.storage.library
import clerk_app.render.text, clerk_app.render.minutes, clerk_app.render.context
from clerk_app import locations
from clerk_app.storage import load_meeting
from clerk_app.render.styles import find_style
from clerk_app.render.text import render_text
text = render_text(load_meeting(locations.sample_meeting()), find_style('leicester'))
assert text.startswith('Leicester City Council'), text[:100]
print('ok')
"""


def test_core_runs_with_qt_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"
