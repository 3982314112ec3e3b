"""The layers stay apart: the core never imports Qt, lower layers never import higher ones,
services never import Qt's widgets.

This module also holds the import-linter contract type for that last rule (pyproject.toml names
it): import-linter's own forbidden contract cannot forbid part of an external package
(PySide6.QtWidgets but not PySide6.QtCore), because its import graph holds PySide6 as one node.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output

REPO = Path(__file__).resolve().parent.parent


def module_file(name: str) -> Path:
    """The source file of a module of the project, found without importing it."""
    root, *rest = name.split(".")
    spec = importlib.util.find_spec(root)
    assert spec is not None and spec.submodule_search_locations is not None, root
    folder = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
    return folder / "__init__.py" if folder.is_dir() else folder.with_suffix(".py")


def forbidden_imports(source: str, forbidden: str) -> list[tuple[int, str]]:
    """The imports of `forbidden` (a dotted module such as PySide6.QtWidgets), or of anything in
    it, in this Python source: (line number, the import as written)."""
    parent = forbidden.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == parent:
                names += [f"{parent}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(name == forbidden or name.startswith(f"{forbidden}.") for name in names):
            found.append((node.lineno, ast.get_source_segment(source, node) or forbidden))
    return sorted(found)


class ForbiddenExternalSubmodulesContract(Contract):
    """An import-linter contract: no module in `source_modules` imports any of
    `forbidden_modules`, which may be parts of an external package (PySide6.QtWidgets).
    Direct imports, read from the source; the layers contract keeps indirect ones out."""

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        violations: list[dict[str, Any]] = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            importers = {source.name} | graph.find_descendants(source.name)
            for importer in sorted(importers):
                text = module_file(importer).read_text(encoding="utf-8")
                for forbidden in self.forbidden_modules:  # type: ignore[attr-defined]
                    for line, written in forbidden_imports(text, forbidden):
                        violations.append({"importer": importer, "line": line, "import": written})
        return ContractCheck(
            kept=not violations, warnings=None, metadata={"violations": violations}
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            output.print_error(
                f"{violation['importer']}:{violation['line']}: {violation['import']}", bold=False
            )


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
    assert "Services never import Qt's widgets KEPT" in result.stdout
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_every_way_of_importing_the_widgets_is_found() -> None:
    source = """
from PySide6.QtCore import QObject
from PySide6 import QtGui
import PySide6.QtWidgets
from PySide6.QtWidgets import QWidget
from PySide6 import (
    QtCore,
    QtWidgets as W,
)
import PySide6.QtWidgetsExtra
def later():
    from PySide6.QtWidgets.private import thing
"""
    found = forbidden_imports(source, "PySide6.QtWidgets")
    assert [line for line, _ in found] == [4, 5, 6, 12]
    assert found[1][1] == "from PySide6.QtWidgets import QWidget"


LINTER_CONFIG = """
[importlinter]
root_package = fakeapp
include_external_packages = True
contract_types =
    forbidden_external_submodules: tests.test_architecture.ForbiddenExternalSubmodulesContract

[importlinter:contract:widgets]
name = Services never import Qt's widgets
type = forbidden_external_submodules
source_modules = fakeapp.services
forbidden_modules = PySide6.QtWidgets
"""


def test_the_widgets_contract_breaks_on_a_service_that_imports_them(tmp_path: Path) -> None:
    services = tmp_path / "fakeapp" / "services"
    services.mkdir(parents=True)
    (tmp_path / "fakeapp" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "fakeapp" / "ui.py").write_text("from PySide6 import QtWidgets\n", encoding="utf-8")
    (services / "__init__.py").write_text("", encoding="utf-8")
    (services / "good.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (services / "bad.py").write_text(
        '"""A service."""\n\nfrom PySide6.QtWidgets import QMessageBox\n', encoding="utf-8"
    )
    (tmp_path / ".importlinter").write_text(LINTER_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Services never import Qt's widgets BROKEN" in result.stdout
    assert "fakeapp.services.bad:3: from PySide6.QtWidgets import QMessageBox" in result.stdout
    assert "good" not in result.stdout and "fakeapp.ui" not in result.stdout


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
