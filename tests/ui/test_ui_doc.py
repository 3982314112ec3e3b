"""docs/ui.md lists every field a clerk can reach, with the names screen readers use."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def _make_images() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_images", DOCS / "make_images.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_ui_md_is_complete_and_current() -> None:
    rows = _make_images().widget_names()
    assert len(rows) > 40
    for part, name, accessible, _ in rows:
        assert accessible, f"{name} on the {part} form has no accessible name"
    documented = (DOCS / "ui.md").read_text(encoding="utf-8")
    missing = [
        name for _, name, accessible, _ in rows if f"| `{name}` | {accessible} |" not in documented
    ]
    assert missing == [], "run: python docs/make_images.py names"
