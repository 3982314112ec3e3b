"""docs/templates.md lists every name templates see: a field added to the context without a
word in the guide is a field no council's style will use."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from clerk_app.domain.house_style import HouseStyle
from clerk_app.render.context import VIEW_TYPES

GUIDE = Path(__file__).resolve().parent.parent.parent / "docs" / "templates.md"


def named_in_guide() -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", GUIDE.read_text(encoding="utf-8")))


def test_the_guide_names_every_field_of_every_view() -> None:
    names = named_in_guide()
    missing = {
        view.__name__: [f.name for f in dataclasses.fields(view) if f.name not in names]
        for view in VIEW_TYPES
    }
    assert {view: fields for view, fields in missing.items() if fields} == {}


def test_the_guide_names_every_style_setting() -> None:
    names = named_in_guide()
    settings = set(HouseStyle.model_fields) - {"name"}
    assert sorted(settings - names) == []


def test_the_guide_keeps_its_limits() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "### Limits" in text and "10 seconds of rendering" in text
